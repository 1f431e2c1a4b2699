"""Pages written from the code at build time, so they can never drift from it.

* ``reference/rules.md``: the rule catalogue, from ``pressrelease.validation.RULES``
  (code, name, severity, where findings come from, what, why, a failing and a
  passing example with the finding the failing one really gets);
* ``reference/_lossy.md``: for each writable format, the fields that a record
  holding every field loses in that format's own elements (what only our
  extension carries), from the writers' own :class:`WriteReport`.

The pages are written into the source folder before Sphinx reads it, and are
not checked in (see ``.gitignore``). ``tests/test_docs.py`` renders them the
same way to check that every rule code appears.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent

#: Why each rule exists: what goes wrong downstream when it is broken.
REASONS: dict[str, str] = {
    "PR101": "The unique ID is how journalists, archives and the issuer itself cite a release; "
    "without it a record cannot be deduplicated, linked or corrected later.",
    "PR102": "An ID that matches none of the issuer's forms is usually a mis-read (a date or a "
    "URL slug taken for the ID) or a typo, and it will not resolve on the issuer's site.",
    "PR103": "EEAS, Europarl and other IDs encode the day of publication; when that day and "
    "`published` disagree, one of them was read wrongly (often a day/month swap).",
    "PR104": "Two records sharing an ID in one batch are either a duplicate or two releases "
    "of which one carries the wrong ID; either way a consumer keyed on the ID loses one.",
    "PR201": "A release without a date cannot be ordered, embargo-checked or matched to its "
    "events.",
    "PR202": "A date that does not exist (31/02/2020) is a typo or a mis-read; keeping it would "
    "put a wrong day in every output, so the reader drops it and reports it.",
    "PR203": "A time without a zone is ambiguous by up to a day; the reader keeps the date "
    "alone rather than invent an offset, and says so.",
    "PR204": "A date after today is usually a day/month swap or an embargo date taken for the "
    "publication date.",
    "PR205": "A date before 1945 (by default) is usually an OCR or parsing error; the year is "
    "configurable for historical archives.",
    "PR206": "03/12/2020 is 3 December in Brussels and 12 March in Washington; when no issuer "
    "convention decides, the reading is a guess and should be checked.",
    "PR301": "Press releases are statements by someone; a record with no signatory cannot "
    "say who speaks.",
    "PR302": "A joint release is by definition issued by two or more parties; finding fewer "
    "means a party was missed.",
    "PR303": "A bare name cannot be told apart from a namesake, and a reader cannot tell on "
    "whose behalf the person signs.",
    "PR304": "A party listed twice inflates the count of parties (and hides PR302).",
    "PR305": "A person who signs is not also a mere participant; listing both usually means "
    "the reader classified one mention twice.",
    "PR401": "Every output format needs a title (Atom, RSS, JSON Feed and NewsML-G2 require "
    "one), and people search by it.",
    "PR402": "An all-capitals title is usually a mis-read heading or letterhead, and reads as "
    "shouting in feeds.",
    "PR406": "Your project requires this field (`require = [...]`), for instance because its "
    "archive indexes by place.",
    "PR411": "A release without body text is usually a page the reader could not find the "
    "article in.",
    "PR421": "Feeds, `xml:lang` and search engines need a well-formed BCP 47 tag; `en_GB` is a "
    "locale name, not a language tag.",
    "PR422": "A wrong language tag sends the text to the wrong spell-checker, translator and "
    "search index.",
    "PR431": "Two translations in one language, or at one URL, mean one of them is mislabelled.",
    "PR501": "A `javascript:` or `data:` link in a release republished on a website runs code "
    "in the reader's browser; such links are kept out of the record and reported.",
    "PR502": "Zero-width and bidi-override characters make two different IDs or names look "
    "identical (or reverse text on screen), which enables spoofing.",
    "PR601": "Text decoded in the wrong encoding is silently corrupted (mojibake); when the "
    "reader had to recover, a person should check it.",
    "PR602": "Scripts and unsafe markup are dropped from the record; the finding says content "
    "was removed, so nothing disappears silently.",
    "PR603": "When two parts of a document disagree (front matter and dateline, meta tags "
    "and the visible page), only one can be right.",
    "PR604": "libxml2 silently drops HTML nested deeper than about 255 elements; without this "
    "finding, text would vanish without a trace.",
    "PR605": "A value the reader saw but could not understand is neither kept nor dropped "
    "silently; the finding quotes it so a person can fix the source or the reader.",
}

_SOURCES = {
    "record": "a check on the record",
    "notice": "reported by the reader while parsing (a notice on the record)",
    "both": "a check on the record, and reported by readers",
    "batch": "a check across the records of one run",
}

#: The day the examples are validated on, so the page is the same every day.
TODAY = date(2026, 11, 29)


def _english(text: str) -> str:
    return "en"  # every catalogue example's body is English


def _example_json(records: tuple[Any, ...]) -> str:
    from pressrelease import to_dict

    value = to_dict(records[0]) if len(records) == 1 else [to_dict(r) for r in records]
    return json.dumps(value, ensure_ascii=False, indent=2)


def _findings(example: Any) -> list[Any]:
    from pressrelease.validation import ValidationConfig, validate_many

    config = ValidationConfig.from_mapping(example.config).merged(language_detector=_english)
    return list(validate_many(example.records, config=config, today=TODAY).all_findings)


def _changed(record: Any, base: Any) -> dict[str, Any]:
    """The fields ``record`` changes from ``base`` (``null`` for one it leaves out), and notices."""
    from pressrelease import to_dict

    ours, theirs = to_dict(record), to_dict(base)
    changed = {k: v for k, v in ours.items() if theirs.get(k) != v}
    changed.update({k: None for k in theirs if k not in ours})
    notices = [{"code": n.code, "message": n.message, "path": n.path} for n in record.notices]
    if notices:
        changed["(reader notices)"] = notices
    return changed


def _example_lines(example: Any, base: Any) -> list[str]:
    """An example as the changes it makes to the base record, one JSON object per record."""
    changes = [_changed(record, base) for record in example.records]
    if not any(changes):
        many = len(changes)
        return [f"The base record{'' if many == 1 else f', {many} times'}, unchanged.", ""]
    if len(changes) == 1:
        text = json.dumps(changes[0], ensure_ascii=False, indent=2)
        return ["Changes from the base record:", "", "```json", text, "```", ""]
    text = json.dumps(changes, ensure_ascii=False, indent=2)
    return [
        f"A batch of {len(changes)} records, each given as its changes from the base record:",
        "",
        "```json",
        text,
        "```",
        "",
    ]


def render_rules() -> str:
    """The rule catalogue page, in MyST Markdown."""
    from pressrelease.validation import RULES
    from pressrelease.validation.catalogue import BASE

    lines = [
        "# Rule catalogue",
        "",
        "<!-- Generated from pressrelease.validation.RULES by docs/_ext/generated_pages.py;"
        " do not edit. -->",
        "",
        "Every code `pressrelease rules` lists, with its default severity, what it checks, why,",
        "and two examples from the catalogue itself (the test suite checks both sides of each).",
        "Each example is the *base record* below with a few fields changed; the finding shown",
        f"is the one `validate` really gives (with `today = {TODAY.isoformat()}`).",
        "Configure rules with `select`, `ignore`, `severity` and `require`",
        "(see {doc}`../guides/configuring-rules`).",
        "",
        "| Code | Name | Severity | Summary |",
        "|---|---|---|---|",
    ]
    for code, rule in RULES.items():
        lines.append(
            f"| [{code}](#{code.lower()}) | `{rule.name}` | {rule.severity.value} | {rule.summary} |"
        )
    lines += [
        "",
        "The base record, which passes every rule:",
        "",
        "```json",
        _example_json((BASE,)),
        "```",
        "",
    ]
    for code, rule in RULES.items():
        lines += [
            f"({code.lower()})=",
            f"## {code} {rule.name}",
            "",
            f"**Severity** {rule.severity.value} · **Source** {_SOURCES[rule.source]}",
            "",
            f"**What.** {rule.summary}",
            "",
            f"**Why.** {REASONS.get(code, '')}",
            "",
            f"**Failing:** {rule.failing.description}.",
            "",
        ]
        if rule.failing.config:
            lines += ["Configuration: `" + json.dumps(dict(rule.failing.config)) + "`", ""]
        lines += _example_lines(rule.failing, BASE)
        found = [f for f in _findings(rule.failing) if f.code == code]
        for finding in found[:2]:
            message = finding.message.replace("`", "'")
            text = f"{finding.path}: {finding.code} {finding.severity.value}: {message}"
            lines += [f"Finding: `{text}`", ""]
        lines += [f"**Passing:** {rule.passing.description}.", ""]
        if rule.passing.config:
            lines += ["Configuration: `" + json.dumps(dict(rule.passing.config)) + "`", ""]
        if rule.passing.records != (BASE,):
            lines += _example_lines(rule.passing, BASE)
    return "\n".join(lines)


def full_record() -> Any:
    """A record with every field set, to see what each format keeps."""
    from datetime import datetime, timedelta, timezone

    from pressrelease import (
        Contact,
        Link,
        Paragraph,
        ParagraphKind,
        PressRelease,
        Signatory,
        Translation,
    )

    return PressRelease(
        title="Counter-terrorism: third EU-UN high-level dialogue",
        unique_id="201203_6",
        subtitle="Leaders discuss the Global Counter-Terrorism Strategy",
        published=datetime(2020, 12, 3, 16, 53, tzinfo=timezone(timedelta(hours=1))),
        place="Brussels",
        category="Joint Press Releases",
        language="en",
        issuer="eeas",
        signatories=(
            Signatory(
                name="Joanneke Balfoort",
                honorific="Ms",
                role="Director for Security and Defence Policy",
                organisation="European External Action Service",
            ),
            Signatory(
                name="Vladimir Voronkov",
                honorific="Mr",
                role="Under-Secretary-General",
                organisation="United Nations Office of Counter-Terrorism",
            ),
        ),
        participants=(Signatory(name="Gilles de Kerchove", role="Coordinator"),),
        body=(
            Paragraph(text="Priorities", kind=ParagraphKind.HEADING),
            Paragraph(
                text="The leaders met in Brussels (see the strategy).",
                links=(Link(text="the strategy", href="https://www.un.org/strategy", start=33),),
            ),
            Paragraph(text="We stand together.", kind=ParagraphKind.QUOTE),
            Paragraph(text="Prevention", kind=ParagraphKind.LIST_ITEM),
        ),
        translations=(
            Translation(language="fr", url="https://www.eeas.europa.eu/fr", title="Lutte"),
        ),
        related=(Link(text="UNOCT", href="https://www.un.org/counterterrorism/"),),
        contacts=(
            Contact(name="Press office", email="press@eeas.europa.eu", phone="+32 2 584 11 11"),
        ),
        notes=("Notes to editors.",),
        source_url="https://www.eeas.europa.eu/201203_6",
    )


def render_lossy() -> str:
    """A table: for each writable format, what a full record loses in its native elements."""
    from pressrelease.formats import FORMATS, load

    record = full_record()
    lines = [
        "| Format | Written by | Fields only our extension carries (or lost) |",
        "|---|---|---|",
    ]
    for name, fmt in FORMATS.items():
        if not fmt.writer:
            continue
        try:
            writer = load(fmt.writer)
        except (ImportError, AttributeError):
            lines.append(f"| `{name}` | `{fmt.writer}` | *(writer not available in this build)* |")
            continue
        report = writer([record], io.BytesIO())
        lossy = ", ".join(f"`{path}`" for path in report.lossy) or "nothing: lossless"
        lines.append(f"| `{name}` | `{fmt.writer}` | {lossy} |")
    return "\n".join(lines) + "\n"


def _run_cli(argv: list[str], cwd: Path | None = None) -> tuple[int, str]:
    """Run the command line in this process; its exit code and standard output."""
    import contextlib
    import os

    from pressrelease.cli.main import main

    out = io.StringIO()
    old_cwd, old_columns = Path.cwd(), os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "88"  # argparse wraps help text to the terminal width
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main(argv)
    finally:
        os.chdir(old_cwd)
        if old_columns is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old_columns
    return code, out.getvalue()


#: The two files every report example is made from: a record with an error and a
#: warning, and a file that cannot be read at all.
DEMO_RELEASE = {
    "pressrelease": "1.0",
    "title": "COUNTER-TERRORISM DIALOGUE",
    "unique_id": "201203_6",
    "published": "2020-12-03T16:53:00+01:00",
    "category": "Joint Press Releases",
    "language": "en",
    "issuer": "eeas",
    "signatories": [
        {"name": "Joanneke Balfoort", "organisation": "European External Action Service"}
    ],
    "body": [
        {
            "text": "The leaders of the United Nations and the European Union held their "
            "third annual dialogue on counter-terrorism on 2 December."
        }
    ],
}


def render_cli() -> str:
    """Every command's ``--help``, and each report format of ``validate`` on the demo files."""
    import tempfile

    from pressrelease.cli.main import COMMANDS

    lines = ["## Commands and flags", ""]
    _, text = _run_cli(["--help"])
    lines += ["```text", "$ pressrelease --help", text.rstrip(), "```", ""]
    for name in sorted(COMMANDS):
        _, text = _run_cli([name, "--help"])
        lines += [f"### `pressrelease {name}`", "", "```text", text.rstrip(), "```", ""]
    lines += [
        "(report-formats)=",
        "## Report formats",
        "",
        "Each example is the real output of",
        "`pressrelease validate --no-config --jobs 1 --format FORMAT release.json broken.html`,",
        "where `release.json` is the record below (a joint release with one party, and a title",
        "in capitals) and `broken.html` holds a NUL byte. The command exits 1.",
        "",
        "```json",
        json.dumps(DEMO_RELEASE, indent=2),
        "```",
        "",
    ]
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        (where / "release.json").write_text(json.dumps(DEMO_RELEASE, indent=2), "utf-8")
        (where / "broken.html").write_bytes(b"not a press release\x00")
        for fmt, language in (
            ("text", "text"),
            ("json", "json"),
            ("github", "text"),
            ("junit", "xml"),
            ("sarif", "json"),
        ):
            argv = ["validate", "--no-config", "--jobs", "1", "--format", fmt]
            code, text = _run_cli([*argv, "release.json", "broken.html"], cwd=where)
            if fmt == "sarif":  # every rule is listed; keep the first for the page
                document = json.loads(text)
                driver = document["runs"][0]["tool"]["driver"]
                shown = len(driver["rules"])
                driver["rules"] = driver["rules"][:1]
                text = json.dumps(document, indent=2, ensure_ascii=False)
                note = f" (`tool.driver.rules` lists all {shown} rules; the first is shown)"
            else:
                note = ""
            lines += [f"### `{fmt}`{note}", "", f"```{language}", text.rstrip(), "```", ""]
            lines += [f"Exit status: {code}.", ""]
    return "\n".join(lines)


def write_pages(app: Any = None) -> None:
    """Write the generated pages, touching a file only when its text changed."""
    for relative, text in (
        ("reference/rules.md", render_rules()),
        ("reference/_lossy.md", render_lossy()),
        ("reference/_cli.md", render_cli()),
    ):
        path = DOCS / relative
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", write_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
