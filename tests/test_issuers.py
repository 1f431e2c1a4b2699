"""Issuer profiles: ID forms, the dates they encode, recognition by ID and host."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pressrelease.issuers import ISSUER_KEYS, get_issuer, issuer_for_host, issuer_for_id


@pytest.mark.parametrize(
    ("value", "key"),
    [
        # IDs as printed in the corpus (labels.jsonl) and in the issue texts.
        ("201203_6", "eeas"),
        ("150119_05", "eeas"),
        ("IP/20/777", "ec"),
        ("STATEMENT/15/6088", "ec"),
        ("ip_97_153", "ec"),
        ("SG/SM/21765", "un"),
        ("DSG/SM/1835", "un"),
        ("DEV/3440", "un"),
        ("SG/SM/20449-OBV/1902", "un"),
        ("20190712IPR56948", "europarl"),
        ("PR/CP(2021)094", "nato"),
    ],
)
def test_distinctive_ids_name_their_issuer(value: str, key: str) -> None:
    found = issuer_for_id(value)
    assert found is not None
    assert found.key == key


@pytest.mark.parametrize(
    "value", ["912/21", "MPS 22/2002", "94292", "hello", "201203", "IP/2020/1"]
)
def test_plain_or_foreign_ids_name_no_issuer(value: str) -> None:
    assert issuer_for_id(value) is None


@pytest.mark.parametrize(
    ("key", "value", "parts"),
    [
        ("eeas", "201203_6", (2020, 12, 3)),
        ("ec", "IP/97/7", (1997, None, None)),
        ("europarl", "20230929IPR06132", (2023, 9, 29)),
        ("au-parliament", "MPS 22/2002", (2002, None, None)),
        ("au-parliament", "IEA 90/77", (1977, None, None)),
        ("nato", "PR/CP(2021)094", (2021, None, None)),
        ("un", "SG/SM/21765", None),
    ],
)
def test_dates_encoded_in_ids(
    key: str, value: str, parts: tuple[int, int | None, int | None] | None
) -> None:
    assert get_issuer(key).id_date(value) == parts


def test_id_agreement_with_a_date() -> None:
    eeas = get_issuer("eeas")
    assert eeas.id_agrees_with("201203_6", date(2020, 12, 3)) is True
    assert eeas.id_agrees_with("201203_6", date(2020, 3, 12)) is False
    assert get_issuer("ec").id_agrees_with("IP/20/777", date(2021, 4, 29)) is False
    assert get_issuer("un").id_agrees_with("SG/SM/21765", date(2023, 4, 17)) is None
    assert eeas.id_agrees_with("201231_1", date(2021, 1, 1)) is False


def test_parliament_ids_carry_the_drafting_day() -> None:
    # Real pairs from the corpus (labels.jsonl): reference day, then publication day.
    europarl = get_issuer("europarl")
    assert europarl.id_agrees_with("20190712IPR56948", date(2019, 7, 18)) is True
    assert europarl.id_agrees_with("20230929IPR06132", date(2023, 10, 5)) is True
    assert europarl.id_agrees_with("20230929IPR06132", date(2023, 9, 28)) is False
    assert europarl.id_agrees_with("20230929IPR06132", date(2023, 12, 1)) is False


def test_hosts() -> None:
    found = issuer_for_host("https://press.un.org/en/2023/sgsm21852.doc.htm")
    assert found is not None
    assert found.key == "un"
    assert issuer_for_host("not a url") is None


def test_every_profile_loads_and_its_examples_match() -> None:
    for key in ISSUER_KEYS:
        issuer = get_issuer(key)
        assert issuer.key == key
        for pattern in issuer.id_patterns:
            assert issuer.match_id(pattern.example), (key, pattern.example)
    with pytest.raises(KeyError, match="known: eeas"):
        get_issuer("nope")


# ---------------------------------------------------------------- HTML profiles


def _html_xpaths() -> list[tuple[str, str, str]]:
    import attrs

    from pressrelease.issuers import HtmlProfile

    found = []
    for key in ISSUER_KEYS:
        profile = get_issuer(key).html
        if profile is None:
            continue
        for field in attrs.fields(HtmlProfile):
            value = getattr(profile, field.name)
            if isinstance(value, tuple):
                found.extend((key, field.name, expression) for expression in value)
    return found


@pytest.mark.parametrize(("key", "field", "expression"), _html_xpaths())
def test_html_profile_xpaths_compile(key: str, field: str, expression: str) -> None:
    from lxml import etree

    etree.XPath(expression)


def test_html_profiles_exist_for_the_web_issuers() -> None:
    assert {k for k in ISSUER_KEYS if get_issuer(k).html is not None} >= {
        "un",
        "europarl",
        "ec",
        "govuk",
        "eeas",
    }


def test_fast_xpaths_select_what_the_profiles_say(corpus: Path) -> None:
    """The reader's ``/descendant::`` rewriting selects the same nodes on every corpus page."""
    from lxml import etree

    from pressrelease.readers.html import _fast

    pages = [
        etree.fromstring(path.read_bytes(), etree.HTMLParser(encoding="utf-8"))
        for path in sorted(corpus.glob("*/*.html"))
    ]
    for _, _, expression in _html_xpaths():
        if expression.startswith("."):
            continue
        for root in pages:
            assert etree.XPath(_fast(expression))(root) == etree.XPath(expression)(root), expression
