"""Each rule on both sides, beyond the catalogue's examples: boundaries, paths, locations."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressrelease.model import (
    Contact,
    Link,
    Location,
    Notice,
    Paragraph,
    PressRelease,
    Signatory,
    Translation,
)
from pressrelease.validation import RULES, Finding, Severity, ValidationConfig, validate
from pressrelease.validation.catalogue import BASE
from pressrelease.validation.rules import JOINT_WORDS, is_joint

TODAY = date(2026, 11, 29)


def codes(record: PressRelease, **config: object) -> list[str]:
    cfg = ValidationConfig(**config)  # type: ignore[arg-type]
    return [f.code for f in validate(record, config=cfg, today=TODAY).findings]


def only(record: PressRelease, code: str, **config: object) -> list[Finding]:
    cfg = ValidationConfig(**config)  # type: ignore[arg-type]
    return [f for f in validate(record, config=cfg, today=TODAY).findings if f.code == code]


def with_(**changes: object) -> PressRelease:
    return attrs.evolve(BASE, **changes)


def test_base_is_clean() -> None:
    assert codes(BASE) == []


# --- IDs ---


@pytest.mark.parametrize("value", [None, "", "   "])
def test_pr101_missing_or_blank_id(value: str | None) -> None:
    assert codes(with_(unique_id=value)) == ["PR101"]


@pytest.mark.parametrize(
    ("issuer", "value", "bad"),
    [
        ("eeas", "201203_6", False),
        ("eeas", "20201203_6", True),
        ("eeas", "201203-6", True),
        ("ec", "IP/20/2263", False),
        ("ec", "IP/2020/2263", True),
        ("europarl", "20201203IPR56948", False),
        ("europarl", "20201203IPR5694", True),
        ("un", "SG/SM/21982", False),
        ("un", "sg/sm/21982", True),
    ],
)
def test_pr102_id_forms_per_issuer(issuer: str, value: str, bad: bool) -> None:
    record = with_(issuer=issuer, unique_id=value, published=None)
    found = only(record, "PR102")
    assert bool(found) is bad
    if bad:
        assert found[0].path == "$.unique_id"
        assert repr(value) in found[0].message


def test_pr102_needs_an_issuer() -> None:
    assert "PR102" not in codes(with_(issuer=None, unique_id="anything at all"))
    # An issuer key we have no profile of (and no configured pattern) is not judged.
    assert "PR102" not in codes(with_(issuer="ministry-of-x", unique_id="anything"))


def test_pr102_extra_patterns_from_config() -> None:
    record = with_(unique_id="201203_EU")
    assert "PR102" in codes(record)
    config = ValidationConfig.from_mapping({"id-patterns": {"eeas": [r"\d{6}_[A-Z]{2}"]}})
    assert [f.code for f in validate(record, config=config, today=TODAY).findings] == []
    # A configured issuer unknown to pressrelease is judged by its patterns alone.
    other = ValidationConfig.from_mapping({"id_patterns": {"ministry-x": [r"MX-\d+"]}})
    assert [
        f.code
        for f in validate(
            with_(issuer="ministry-x", unique_id="MX-7"), config=other, today=TODAY
        ).findings
    ] == []
    assert "PR102" in [
        f.code
        for f in validate(
            with_(issuer="ministry-x", unique_id="7"), config=other, today=TODAY
        ).findings
    ]


def test_pr103_date_in_id_with_configured_groups() -> None:
    config = ValidationConfig.from_mapping(
        {"id-patterns": {"ministry-x": [r"MX-(?P<yyyy>\d{4})-\d+"]}}
    )
    record = with_(issuer="ministry-x", unique_id="MX-2019-4")
    assert [f.code for f in validate(record, config=config, today=TODAY).findings] == ["PR103"]


@pytest.mark.parametrize(
    ("published", "bad"),
    [
        (date(2020, 12, 3), False),
        (datetime(2020, 12, 3, 23, 30, tzinfo=timezone(timedelta(hours=1))), False),
        # 23:30 in Brussels is 22:30 UTC the same day; the day printed is what the ID encodes.
        (datetime(2020, 12, 3, 0, 30, tzinfo=timezone(timedelta(hours=2))), False),
        (date(2020, 3, 12), True),
        (date(2021, 12, 3), True),
    ],
)
def test_pr103_eeas_id_and_date(published: date, bad: bool) -> None:
    assert ("PR103" in codes(with_(published=published))) is bad


def test_pr103_infers_the_issuer_from_a_distinctive_id() -> None:
    record = with_(issuer=None, unique_id="IP/19/777", published=date(2020, 1, 5))
    (finding,) = only(record, "PR103")
    assert (
        finding.message == "unique ID 'IP/19/777' encodes 2019 but the release is dated 2020-01-05"
    )
    # A UN symbol encodes no date: nothing to compare.
    assert "PR103" not in codes(with_(issuer="un", unique_id="SG/SM/21982"))


# --- dates ---


def test_pr201() -> None:
    assert codes(with_(published=None)) == ["PR201"]


def test_notices_suppress_the_missing_finding() -> None:
    for code in ("PR202", "PR605"):
        record = with_(
            published=None,
            notices=(Notice(code=code, message="saw '31/02/2020'", path="$.published"),),
        )
        assert codes(record) == [code]
    # A notice elsewhere does not hide a missing date.
    elsewhere = with_(published=None, notices=(Notice(code="PR605", message="x", path="$.place"),))
    assert codes(elsewhere) == ["PR201", "PR605"]


def test_notice_and_rule_on_the_same_value_report_once() -> None:
    where = Location(source="a.html", line=9, column=4)
    record = with_(
        related=(Link(text="x", href="javascript:alert(1)"),),
        notices=(
            Notice(code="PR501", message="reader saw it", path="$.related[0].href", location=where),
        ),
    )
    (finding,) = only(record, "PR501")
    assert finding.message == "reader saw it"
    assert finding.location == where


def test_notice_findings_take_catalogue_severity_and_location() -> None:
    where = Location(source="a.txt", line=3, column=11)
    record = with_(
        notices=(Notice(code="PR206", message="03/04/2020?", path="$.published"),),
        locations={"$.published": where},
    )
    (finding,) = validate(record, today=TODAY).findings
    assert finding == Finding(
        code="PR206",
        severity=Severity.WARNING,
        path="$.published",
        message="03/04/2020?",
        location=where,
    )


def test_unknown_notice_code_is_still_reported() -> None:
    record = with_(notices=(Notice(code="PR699", message="new reader notice"),))
    (finding,) = validate(record, today=TODAY).findings
    assert (finding.code, finding.severity) == ("PR699", Severity.WARNING)


@pytest.mark.parametrize(
    ("published", "bad"),
    [
        (TODAY, False),
        (TODAY + timedelta(days=1), False),  # already that day east of Greenwich
        (TODAY + timedelta(days=2), True),
        (datetime(2026, 11, 29, 23, 59, tzinfo=UTC), False),
        (datetime(2026, 11, 30, 0, 1, tzinfo=UTC), True),
        (datetime(2026, 11, 30, 8, 0, tzinfo=timezone(timedelta(hours=9))), False),  # 23:00 UTC
    ],
)
def test_pr204_future(published: date, bad: bool) -> None:
    record = with_(published=published, unique_id=None)
    assert ("PR204" in codes(record)) is bad


def test_pr204_default_today_is_utc_today() -> None:
    far = with_(published=date(2999, 1, 1), unique_id="990101_1")
    assert "PR204" in [f.code for f in validate(far).findings]
    assert "PR204" not in [f.code for f in validate(far, today=date(2999, 1, 1)).findings]


def test_pr205_old_and_configurable() -> None:
    old = with_(published=date(1944, 12, 31), unique_id=None)
    assert "PR205" in codes(old)
    assert "PR205" not in codes(with_(published=date(1945, 1, 1), unique_id=None))
    assert "PR205" not in codes(old, oldest_year=1900)


# --- parties ---


def test_pr301() -> None:
    (finding,) = only(with_(signatories=(), category=None), "PR301")
    assert finding.path == "$.signatories"
    assert finding.severity is Severity.WARNING


@pytest.mark.parametrize(
    "title",
    [
        "Joint Statement by the EU and the UN",
        "Déclaration conjointe de l'UE et de l'ONU",
        "Communiqué commun",
        "Gemeinsame Erklärung",
        "Declaración conjunta",
        "Dichiarazione congiunta",
        "Wspólne oświadczenie",
        "Gezamenlijke verklaring",
        "Společné prohlášení",
        "Közös nyilatkozat",
        "Yhteinen julkilausuma",
        "ΚΟΙΝΗ ΔΗΛΩΣΗ",
        "Съвместно изявление",
        "Stqarrija Konġunta",
        "Fælles erklæring",
        "Gemensamt uttalande",
        "Zajednička izjava",
        "Skupna izjava",
        "Kopīgs paziņojums",
        "Bendras pareiškimas",
        "Ühisavaldus",
        "Declarație comună",
        "Spoločné vyhlásenie",
        "Declaração conjunta",
    ],
)
def test_joint_words_in_titles(title: str) -> None:
    assert is_joint(PressRelease(title=title)) is not None
    one = with_(title=title, category=None, signatories=(BASE.signatories[0],))
    assert "PR302" in codes(one)
    assert "PR302" not in codes(with_(title=title, category=None))


def test_joint_table_covers_the_24_eu_languages() -> None:
    assert set(JOINT_WORDS) == {
        "bg",
        "cs",
        "da",
        "de",
        "el",
        "en",
        "es",
        "et",
        "fi",
        "fr",
        "ga",
        "hr",
        "hu",
        "it",
        "lt",
        "lv",
        "mt",
        "nl",
        "pl",
        "pt",
        "ro",
        "sk",
        "sl",
        "sv",
    }


@pytest.mark.parametrize(
    "title",
    ["Disjointed remarks", "Jointure of pipes", "Communication", "Kommunique", "EU-UN talks"],
)
def test_joint_words_are_words_not_substrings(title: str) -> None:
    assert is_joint(PressRelease(title=title)) is None


def test_pr302_counts_distinct_parties() -> None:
    eeas = BASE.signatories[0]
    twice = with_(signatories=(eeas, attrs.evolve(eeas, name="JOANNEKE  BALFOORT")))
    assert "PR302" in codes(twice)
    # Two organisations without named people are two parties.
    orgs = with_(signatories=(Signatory(organisation="EU"), Signatory(organisation="UN")))
    assert "PR302" not in codes(orgs)


def test_pr303_both_sides() -> None:
    bare = Signatory(name="Vladimir Voronkov")
    (finding,) = only(with_(signatories=(BASE.signatories[0], bare)), "PR303")
    assert finding.path == "$.signatories[1]"
    role_only = Signatory(name="Vladimir Voronkov", role="Under-Secretary-General")
    org_only = Signatory(organisation="United Nations")
    assert only(with_(signatories=(role_only, org_only)), "PR303") == []


def test_pr303_location_from_the_signatory() -> None:
    where = Location(source="a.txt", line=14, column=181)
    bare = Signatory(name="Vladimir Voronkov", location=where)
    (finding,) = only(with_(signatories=(BASE.signatories[0], bare)), "PR303")
    assert finding.location == where


def test_pr304_duplicates_ignore_case_and_accents() -> None:
    eeas = BASE.signatories[0]
    copy = attrs.evolve(eeas, name="joanneke balfoort", honorific=None)
    (finding,) = only(with_(signatories=(eeas, BASE.signatories[1], copy)), "PR304")
    assert finding.path == "$.signatories[2]"
    assert "signatories[0]" in finding.message
    other = attrs.evolve(eeas, organisation="United Nations")
    assert only(with_(signatories=(eeas, other)), "PR304") == []


def test_pr305() -> None:
    record = with_(
        participants=(Signatory(name="Gilles de Kerchove"), Signatory(name="VLADIMIR Voronkov"))
    )
    (finding,) = only(record, "PR305")
    assert finding.path == "$.participants[1].name"
    assert only(with_(participants=(Signatory(organisation="Vladimir Voronkov"),)), "PR305") == []


# --- title, body, language, translations ---


@pytest.mark.parametrize("title", ["", "   ", "\n"])
def test_pr401(title: str) -> None:
    assert codes(with_(title=title)) == ["PR401"]


@pytest.mark.parametrize(
    ("title", "shouts"),
    [
        ("THIRD EU-UN HIGH-LEVEL DIALOGUE", True),
        ("UN AND EU AGREE", True),
        ("COUNTERTERRORISM", True),
        ("NATO", False),
        ("EU-UN", False),
        ("NATO UNHCR", False),
        ("Third EU-UN high-level dialogue", False),
        ("G7 2021", False),
        ("联合国与欧盟举行第三次反恐对话", False),
        ("ΚΟΙΝΗ ΔΗΛΩΣΗ ΤΩΝ ΥΠΟΥΡΓΩΝ", True),
    ],
)
def test_pr402(title: str, shouts: bool) -> None:
    assert ("PR402" in codes(with_(title=title, category=None))) is shouts


@pytest.mark.parametrize(
    "body", [(), (Paragraph(text=""),), (Paragraph(text=" \n "), Paragraph(text="\t"))]
)
def test_pr411(body: tuple[Paragraph, ...]) -> None:
    assert codes(with_(body=body)) == ["PR411"]


def test_pr421_record_and_translations() -> None:
    record = with_(
        language="english", translations=(Translation(language="fr"), Translation(language="pt_BR"))
    )
    found = only(record, "PR421")
    assert [f.path for f in found] == ["$.language", "$.translations[1].language"]
    assert "'pt_BR' uses '_'" in found[1].message
    assert (
        only(with_(language="pt-BR", translations=(Translation(language="zh-Hant"),)), "PR421")
        == []
    )


def test_pr422_with_an_injected_detector() -> None:
    calls: list[str] = []

    def detector(text: str) -> str | None:
        calls.append(text)
        return "de"

    (finding,) = only(with_(language="en"), "PR422", language_detector=detector)
    assert finding.message == "the language is given as 'en' but the text reads as 'de'"
    assert only(with_(language="de-AT"), "PR422", language_detector=detector) == []
    assert only(with_(language="en"), "PR422", language_detector=lambda text: None) == []


def test_pr422_skips_records_without_language_or_enough_text() -> None:
    def detector(text: str) -> str:
        raise AssertionError("the detector must not run")

    only(with_(language=None), "PR422", language_detector=detector)
    only(with_(language="en_GB"), "PR422", language_detector=detector)
    only(with_(body=(Paragraph(text="Too short to judge."),)), "PR422", language_detector=detector)


def test_pr422_macrolanguage_aliases() -> None:
    assert only(with_(language="nb"), "PR422", language_detector=lambda text: "no") == []


def test_pr431() -> None:
    record = with_(translations=(
        Translation(language="fr", url="https://e.eu/fr"),
        Translation(language="de", url="https://e.eu/fr"),
        Translation(language="Fr"),
    ))  # fmt: skip
    assert [f.path for f in only(record, "PR431")] == [
        "$.translations[1].url",
        "$.translations[2].language",
    ]


# --- links and characters ---


@pytest.mark.parametrize(
    ("href", "scheme"),
    [
        ("javascript:alert(1)", "javascript"),
        ("JaVaScRiPt&colon;alert(1)", "javascript"),
        ("java&#x09;script:alert(1)", "javascript"),
        ("&#106;avascript:alert(1)", "javascript"),
        ("%6a%61vascript:alert(1)", "javascript"),
        ("%256a%2561vascript:alert(1)", "javascript"),
        ("\x01 javascript:alert(1)", "javascript"),
        ("java\nscript:alert(1)", "javascript"),
        ("\u200bjavascript:alert(1)", "javascript"),
        ("ｊａｖａｓｃｒｉｐｔ:alert(1)", "javascript"),
        ("data:text/html,<script>", "data"),
        ("vbscript:msgbox", "vbscript"),
        ("file:///etc/passwd", "file"),
        ("ftp://example.org/", "ftp"),
        ("https://www.eeas.europa.eu/eeas/x_fr", None),
        ("HTTP://example.org/", None),
        ("mailto:press@eeas.europa.eu", None),
        ("/fr/node/1", None),
        ("//example.org/x", None),
        ("?q=javascript:1", None),
        ("#top", None),
    ],
)
def test_pr501_schemes(href: str, scheme: str | None) -> None:
    record = with_(
        body=(
            *BASE.body,
            Paragraph(text="See more.", links=(Link(text="more", href=href, start=4),)),
        )
    )
    found = only(record, "PR501")
    if scheme is None:
        assert found == []
    else:
        (finding,) = found
        assert finding.path == "$.body[1].links[0].href"
        assert f"the scheme {scheme!r}" in finding.message


def test_pr501_everywhere_links_live() -> None:
    bad = "javascript:x"
    record = with_(
        related=(Link(href=bad),),
        translations=(Translation(language="fr", url=bad),),
        source_url=bad,
    )
    assert [f.path for f in only(record, "PR501")] == [
        "$.related[0].href",
        "$.translations[0].url",
        "$.source_url",
    ]


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x00", "U+0000"),
        ("\x1b", "U+001B"),
        ("\x85", "U+0085"),
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\u200d", "U+200D ZERO WIDTH JOINER"),
        ("\u2060", "U+2060 WORD JOINER"),
        ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING"),
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("\u2069", "U+2069 POP DIRECTIONAL ISOLATE"),
    ],
)
def test_pr502_characters(char: str, name: str) -> None:
    record = with_(
        signatories=(
            BASE.signatories[0],
            attrs.evolve(BASE.signatories[1], organisation=f"United{char}Nations"),
        )
    )
    (finding,) = only(record, "PR502")
    assert finding.path == "$.signatories[1].organisation"
    assert name in finding.message
    assert "at 6" in finding.message


@pytest.mark.parametrize(
    "text", ["a\tb", "Zürich", "مؤتمر", "שלום", "Voronkov\u00a0Jr", "a\u200eb"]
)
def test_pr502_allows_ordinary_text(text: str) -> None:
    assert only(with_(title=text, place=text), "PR502") == []


def test_pr502_fields() -> None:
    bad = "x\u202ey"
    record = with_(unique_id=bad, issuer=None, subtitle=bad, place=bad,
                   participants=(Signatory(name=bad),),
                   translations=(Translation(language="fr", title=bad),),
                   contacts=(Contact(name=bad, organisation=bad),))  # fmt: skip
    assert [f.path for f in only(record, "PR502")] == [
        "$.unique_id", "$.subtitle", "$.place", "$.participants[0].name",
        "$.translations[0].title", "$.contacts[0].name", "$.contacts[0].organisation",
    ]  # fmt: skip


# --- configuration in the engine ---


def test_require_fields() -> None:
    record = with_(place=None, source_url=None)
    found = only(record, "PR406", require=["place", "source_url", "language"])
    assert [(f.path, f.severity) for f in found] == [
        ("$.place", Severity.ERROR),
        ("$.source_url", Severity.ERROR),
    ]


def test_requiring_a_field_with_its_own_rule_makes_that_rule_an_error() -> None:
    record = with_(signatories=(), category=None)
    (finding,) = validate(
        record, config=ValidationConfig(require=["signatories"]), today=TODAY
    ).findings
    assert (finding.code, finding.severity) == ("PR301", Severity.ERROR)
    # An explicit severity still wins.
    config = ValidationConfig(require=["signatories"], severity={"PR301": "info"})
    (finding,) = validate(record, config=config, today=TODAY).findings
    assert finding.severity is Severity.INFO


def test_select_ignore_and_severity() -> None:
    record = with_(unique_id=None, published=None, title="")
    assert codes(record) == ["PR101", "PR201", "PR401"]
    assert codes(record, select=["PR2", "PR4"]) == ["PR201", "PR401"]
    assert codes(record, ignore=["PR1", "PR401"]) == ["PR201"]
    assert codes(record, select=["PR1"], ignore=["PR101"]) == []
    report = validate(
        record,
        config=ValidationConfig(severity={"PR101": "warning", "PR201": "info", "PR401": "info"}),
    )
    assert report.ok
    assert not report.passes(strict=True)


def test_ignore_applies_to_notices() -> None:
    record = with_(notices=(Notice(code="PR601", message="recovered"),))
    assert codes(record) == ["PR601"]
    assert codes(record, ignore=["PR6"]) == []


def test_findings_are_in_code_order() -> None:
    record = with_(title="", unique_id=None, published=None, signatories=(), body=())
    assert codes(record) == sorted(codes(record))


# --- properties ---

_text = st.text(max_size=40)
_opt = st.none() | _text
_signatory = st.builds(
    Signatory, name=_text.filter(bool), honorific=_opt, role=_opt, organisation=_opt
)
_records = st.builds(
    PressRelease,
    title=_text,
    unique_id=_opt,
    language=_opt,
    issuer=st.none() | st.sampled_from(["eeas", "ec", "un", "europarl", "unknown"]),
    category=_opt,
    published=st.none() | st.dates(),
    signatories=st.lists(_signatory, max_size=3),
    participants=st.lists(_signatory, max_size=2),
    body=st.lists(st.builds(Paragraph, text=_text), max_size=3),
    translations=st.lists(st.builds(Translation, language=_text, url=_opt), max_size=3),
    related=st.lists(st.builds(Link, text=_text, href=_opt), max_size=2),
    notices=st.lists(
        st.builds(
            Notice,
            code=st.sampled_from([c for c, r in RULES.items() if r.source == "notice"]),
            message=_text,
            path=st.just("$.published"),
        ),
        max_size=2,
    ),
)


@given(_records)
def test_any_record_validates_without_error(record: PressRelease) -> None:
    report = validate(
        record, config=ValidationConfig(language_detector=lambda text: "en"), today=TODAY
    )
    assert all(f.code in RULES for f in report.findings)
    assert [f.code for f in report.findings] == sorted(f.code for f in report.findings)
    assert report.ok == all(f.severity is not Severity.ERROR for f in report.findings)
    assert ("PR101" in [f.code for f in report.findings]) == (not (record.unique_id or "").strip())
