"""The BCP 47 syntax check, against RFC 5646's grammar and its own examples (appendix A)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressrelease.validation.bcp47 import tag_problem

# Well-formed tags from RFC 5646 appendix A, and the grandfathered ones.
WELL_FORMED = [
    "de", "fr", "ja", "i-enochian", "zh-Hant", "zh-Hans", "sr-Cyrl", "sr-Latn",
    "zh-cmn-Hans-CN", "cmn-Hans-CN", "zh-yue-HK", "yue-HK", "zh-Hans-CN", "sr-Latn-RS",
    "sl-rozaj", "sl-rozaj-biske", "sl-nedis", "de-CH-1901", "sl-IT-nedis", "hy-Latn-IT-arevela",
    "de-DE", "en-US", "es-419", "de-CH-x-phonebk", "az-Arab-x-AZE-derbend", "x-whatever",
    "qaa-Qaaa-QM-x-southern", "de-Qaaa", "sr-Latn-QM", "sr-Qaaa-RS", "en-US-u-islamcal",
    "zh-CN-a-myext-x-private", "en-a-myext-b-another", "EN-us", "en-GB-oed", "i-klingon",
    "zh-min-nan", "art-lojban", "pt-BR", "gsw-u-sd-chzh",
]  # fmt: skip

# Ill-formed tags from RFC 5646 appendix A, and mistakes seen in real metadata.
ILL_FORMED = [
    ("de-419-DE", "'DE' where it does not fit"),
    ("a-DE", "single letter 'a'"),
    ("ar-a-aaa-b-bbb-a-ccc", "repeats the extension 'a'"),
    ("en_US", "uses '_'"),
    ("english", "7 letters"),
    ("abcd", "4 letters"),
    ("", "empty"),
    ("en-", "empty subtag"),
    ("-en", "empty subtag"),
    ("en--US", "empty subtag"),
    ("en-US-", "empty subtag"),
    ("fr ", "characters other than letters and digits"),
    ("fr-FR.UTF-8", "characters other than letters and digits"),
    ("français", "outside ASCII"),
    ("de-1901-1901", "repeats the variant"),
    ("en-a", "no subtag of 2-8 characters"),
    ("x", "nothing after it"),
    ("en-x", "nothing after it"),
    ("en-abcdefghi", "longer than 8"),
    ("1234", "letters only"),
    ("zh-abc-def-ghi-jkl", "more than three extended language subtags"),
]  # fmt: skip


@pytest.mark.parametrize("tag", WELL_FORMED)
def test_well_formed(tag: str) -> None:
    assert tag_problem(tag) is None


@pytest.mark.parametrize(("tag", "message"), ILL_FORMED)
def test_ill_formed(tag: str, message: str) -> None:
    problem = tag_problem(tag)
    assert problem is not None
    assert message in problem


_alpha = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8)
_alnum = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)


@st.composite
def langtags(draw: st.DrawFn) -> str:
    """Tags built from the RFC 5646 grammar (with distinct variants and singletons)."""
    parts = [draw(_alpha.filter(lambda s: 2 <= len(s) <= 3))]
    if draw(st.booleans()):
        parts.append(draw(_alpha.filter(lambda s: len(s) == 4)))
    if draw(st.booleans()):
        parts.append(draw(_alpha.filter(lambda s: len(s) == 2) | st.from_regex(r"\A[0-9]{3}\Z")))
    variants = draw(st.lists(_alnum.filter(lambda s: len(s) >= 5), max_size=2, unique_by=str.lower))
    parts.extend(variants)
    singletons = draw(
        st.lists(st.sampled_from("abcdefghijklmnopqrstuvwyz0123456789"), max_size=2, unique=True)
    )
    for singleton in singletons:
        parts.append(singleton)
        parts.extend(draw(st.lists(_alnum.filter(lambda s: len(s) >= 2), min_size=1, max_size=2)))
    if draw(st.booleans()):
        parts.extend(["x", *draw(st.lists(_alnum, min_size=1, max_size=2))])
    return "-".join(parts)


@given(langtags())
def test_grammar_tags_are_well_formed(tag: str) -> None:
    assert tag_problem(tag) is None, tag


@given(st.text(max_size=30))
def test_any_text_gets_an_answer(text: str) -> None:
    problem = tag_problem(text)
    assert problem is None or isinstance(problem, str)
    if problem is None:
        assert text.isascii()
        assert text.strip() == text
        assert text
