"""The rule catalogue: every code with its name, default severity, summary and examples.

The examples are records (and, where a rule needs one, a configuration
table): the failing one gets a finding of the rule, the passing one does not.
The test suite checks both sides of every entry, and the docs print them.

>>> RULES["PR101"].summary
'The release has no unique ID.'
>>> RULES["PR302"].severity
<Severity.ERROR: 'error'>
>>> matching_codes("PR10")
('PR101', 'PR102', 'PR103', 'PR104')
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone
from typing import Any, Literal

import attrs

from pressrelease.model import Link, Notice, Paragraph, PressRelease, Signatory, Translation
from pressrelease.validation.report import Severity

__all__ = ["RULES", "Example", "Rule", "catalogue_markdown", "matching_codes"]

#: Where a rule's findings come from: a check on the record, a reader's notice, both, or a batch.
Source = Literal["record", "notice", "both", "batch"]


@attrs.frozen(kw_only=True)
class Example:
    """A record (or a batch of them) that shows a rule, with the configuration it needs.

    Attributes:
        description: what the example shows, for the docs.
        records: one record, or several for a batch rule.
        config: a ``[tool.pressrelease]`` table to validate with (usually empty).
    """

    description: str
    records: tuple[PressRelease, ...]
    config: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Rule:
    """One entry of the catalogue.

    Attributes:
        code: the stable code (``PR101``).
        name: a short kebab-case name (``id-missing``).
        severity: the default severity.
        summary: one line, for ``pressrelease rules`` and the docs.
        source: ``record`` (checked on the record), ``notice`` (reported by a
            reader while parsing), ``both``, or ``batch`` (across records).
        failing: an example that gets a finding of this rule.
        passing: an example that does not.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    source: Source
    failing: Example
    passing: Example


_CET = timezone(timedelta(hours=1))
_BODY = (
    "The leaders of the United Nations and the European Union held their third annual "
    "dialogue on counter-terrorism on 2 December. They discussed the priorities of the "
    "European Union's internal and external counter-terrorism agenda, the coming review of "
    "the United Nations Global Counter-Terrorism Strategy and the preparations for the "
    "Counter-Terrorism Week that the United Nations will hold next year."
)
_EEAS = Signatory(
    name="Joanneke Balfoort",
    honorific="Ms",
    role="Director for Security and Defence Policy",
    organisation="European External Action Service",
)
_UN = Signatory(
    name="Vladimir Voronkov",
    honorific="Mr",
    role="Under-Secretary-General",
    organisation="United Nations Office of Counter-Terrorism",
)
#: A small record every rule passes; the examples change one thing in it.
BASE = PressRelease(
    title="Counter-terrorism: third EU-UN high-level dialogue",
    unique_id="201203_6",
    issuer="eeas",
    published=datetime(2020, 12, 3, 16, 53, tzinfo=_CET),
    place="Brussels",
    category="Joint Press Releases",
    language="en",
    signatories=(_EEAS, _UN),
    body=(Paragraph(text=_BODY),),
)


def _with(description: str, **changes: Any) -> Example:
    return Example(description=description, records=(attrs.evolve(BASE, **changes),))


def _noticed(description: str, code: str, message: str, path: str, **changes: Any) -> Example:
    notice = Notice(code=code, message=message, path=path)
    return _with(description, notices=(notice,), **changes)


_CLEAN = Example(description="the base example record, unchanged", records=(BASE,))


def _rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    source: Source,
    failing: Example,
    passing: Example = _CLEAN,
) -> Rule:
    return Rule(
        code=code,
        name=name,
        severity=severity,
        summary=summary,
        source=source,
        failing=failing,
        passing=passing,
    )


E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

_ENTRIES = (
    _rule("PR101", "id-missing", E, "The release has no unique ID.", "both",
          _with("no unique_id", unique_id=None)),
    _rule("PR102", "id-malformed", E, "The unique ID has none of its issuer's forms.", "record",
          _with("an EEAS record with the ID '2020-12-03/6'", unique_id="2020-12-03/6"),
          _with("an EEAS record with the ID '201203_6' (YYMMDD_N)")),
    _rule("PR103", "id-date-mismatch", E,
          "The date the unique ID encodes differs from the publication date.", "record",
          _with("EEAS ID '201203_6' (3 December 2020) on a release of 12 March 2020",
                published=date(2020, 3, 12)),
          _with("EEAS ID '201203_6' on a release of 3 December 2020")),
    _rule("PR104", "id-duplicate", E, "Two records of one batch share a unique ID.", "batch",
          Example(description="two records both with the ID '201203_6'", records=(BASE, BASE)),
          Example(description="records with the IDs '201203_6' and '201203_7'",
                  records=(BASE, attrs.evolve(BASE, unique_id="201203_7")))),
    _rule("PR201", "date-missing", E, "The release has no publication date.", "both",
          _with("no published date", published=None)),
    _rule("PR202", "date-impossible", E,
          "The document gives a date that does not exist (31/02/2020).", "notice",
          _noticed("the reader met 31/02/2020", "PR202",
                   "'31/02/2020' is not a calendar date: February has 29 days at most",
                   "$.published", published=None)),
    _rule("PR203", "time-without-zone", W,
          "The document gives a time but no zone, and none could be inferred.", "notice",
          _noticed("the reader met '16:53' with no place or offset", "PR203",
                   "time '16:53' has no zone; kept the date alone", "$.published",
                   published=date(2020, 12, 3))),
    _rule("PR204", "date-in-future", W, "The publication date is after today.", "record",
          _with("published on 1 January 2999", published=date(2999, 1, 1))),
    _rule("PR205", "date-too-old", W,
          "The publication date is before the oldest plausible year (1945 by default).", "record",
          _with("published on 3 December 1920", published=date(1920, 12, 3), unique_id="201203_6",
                issuer=None)),
    _rule("PR206", "date-order-ambiguous", W,
          "A numeric date reads both as day/month and month/day, and nothing decided.", "notice",
          _noticed("the reader met '03/12/2020' with no issuer convention", "PR206",
                   "'03/12/2020' may be 3 December or 12 March; read as day/month",
                   "$.published")),
    _rule("PR301", "no-signatories", W, "The release names no signatory.", "record",
          _with("no signatories", signatories=(), category=None)),
    _rule("PR302", "joint-too-few-parties", E,
          "A joint release (by its category or title) has fewer than two parties.", "record",
          _with("category 'Joint Press Releases' with one signatory", signatories=(_EEAS,)),
          _with("a single signatory on a release that is not joint", signatories=(_EEAS,),
                category="Press Releases")),
    _rule("PR303", "signatory-unplaced", W, "A signatory has neither organisation nor role.",
          "record",
          _with("the second signatory is a name alone",
                signatories=(_EEAS, Signatory(name="Vladimir Voronkov")))),
    _rule("PR304", "signatory-duplicate", W, "The same signatory is listed twice.", "record",
          _with("Joanneke Balfoort listed twice", signatories=(_EEAS, _UN, _EEAS))),
    _rule("PR305", "signatory-also-participant", W,
          "The same person is both a signatory and a participant.", "record",
          _with("Vladimir Voronkov also listed as a participant",
                participants=(Signatory(name="Vladimir Voronkov"),)),
          _with("Gilles de Kerchove a participant only",
                participants=(Signatory(name="Gilles de Kerchove"),))),
    _rule("PR401", "title-missing", E, "The release has no title.", "both",
          _with("an empty title", title="")),
    _rule("PR402", "title-all-capitals", W,
          "The title is all capitals (a title of one or two short acronyms is fine).", "record",
          _with("the title 'THIRD EU-UN HIGH-LEVEL DIALOGUE'",
                title="THIRD EU-UN HIGH-LEVEL DIALOGUE"),
          _with("the title 'NATO-UN'", title="NATO-UN")),
    _rule("PR406", "required-field-missing", E,
          "A field the configuration requires (require = [...]) is missing.", "record",
          Example(description="no subtitle, with require = ['subtitle']", records=(BASE,),
                  config={"require": ["subtitle"]}),
          Example(description="a place, with require = ['place']", records=(BASE,),
                  config={"require": ["place"]})),
    _rule("PR411", "body-empty", E, "The release has no body text.", "both",
          _with("a body of one blank paragraph", body=(Paragraph(text="  "),))),
    _rule("PR421", "language-invalid", E,
          "A language is not a well-formed BCP 47 tag (RFC 5646).", "record",
          _with("the language 'en_GB'", language="en_GB"),
          _with("the language 'en-GB'", language="en-GB")),
    _rule("PR422", "language-mismatch", W,
          "The language given differs from the language the text is written in.", "record",
          _with("an English text tagged 'de'", language="de")),
    _rule("PR431", "translation-duplicate", W,
          "Two translations have the same language or the same URL.", "record",
          _with("two French translations", translations=(
              Translation(language="fr", url="https://example.org/fr"),
              Translation(language="FR", url="https://example.org/fr-2"))),
          _with("a French and a German translation", translations=(
              Translation(language="fr", url="https://example.org/fr"),
              Translation(language="de", url="https://example.org/de")))),
    _rule("PR501", "link-unsafe-scheme", E,
          "A link's scheme is not http, https or mailto (checked after decoding).", "both",
          _with("a related link to 'JaVaScRiPt&colon;alert(1)'",
                related=(Link(text="more", href="JaVaScRiPt&colon;alert(1)"),)),
          _with("a related link to 'https://www.eeas.europa.eu/'",
                related=(Link(text="more", href="https://www.eeas.europa.eu/"),))),
    _rule("PR502", "invisible-characters", E,
          "A name, ID or title holds control, zero-width or bidi-override characters.", "both",
          _with("the title with U+202E RIGHT-TO-LEFT OVERRIDE",
                title="Counter-terrorism: third \u202eEU-UN dialogue")),
    _rule("PR601", "encoding-recovered", W,
          "The reader had to recover or override the document's encoding.", "notice",
          _noticed("declared utf-8, decoded as windows-1252", "PR601",
                   "the bytes are not utf-8 as declared; decoded as windows-1252", "$")),
    _rule("PR602", "content-sanitised", W,
          "The reader dropped unsafe content (scripts, unsafe markup).", "notice",
          _noticed("a <script> element dropped", "PR602", "dropped a <script> element", "$.body")),
    _rule("PR603", "sources-disagree", W,
          "Two sources in the document disagree (front matter and body, meta and page).",
          "notice",
          _noticed("front matter and dateline give different dates", "PR603",
                   "front matter says 2020-12-04, the dateline 03/12/2020", "$.published")),
    _rule("PR604", "content-lost", E,
          "The parser lost content (HTML nested past libxml2's depth limit).", "notice",
          _noticed("HTML nested 300 deep", "PR604",
                   "content nested deeper than 255 elements was dropped by the parser", "$.body")),
    _rule("PR605", "value-not-understood", W,
          "A value was seen but not understood (an unparseable dateline or date).", "notice",
          _noticed("the dateline 'Brussels, the third of December'", "PR605",
                   "could not read a date in 'Brussels, the third of December'", "$.published")),
)  # fmt: skip

#: Every rule by code, in code order.
RULES: Mapping[str, Rule] = {entry.code: entry for entry in _ENTRIES}


def matching_codes(prefix: str) -> tuple[str, ...]:
    """The rule codes starting with ``prefix`` (a full code matches itself)."""
    return tuple(code for code in RULES if code.startswith(prefix))


def catalogue_markdown() -> str:
    """The catalogue as a Markdown table, for the docs (a test keeps the docs page in step).

    >>> catalogue_markdown().splitlines()[2].startswith("| PR101 | id-missing | error |")
    True
    """
    lines = [
        "| Code | Name | Default | Summary | Fails | Passes |",
        "|---|---|---|---|---|---|",
    ]
    for rule in RULES.values():
        cells = (
            rule.code,
            rule.name,
            rule.severity.value,
            rule.summary,
            rule.failing.description,
            rule.passing.description,
        )
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"
