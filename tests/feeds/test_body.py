"""The body walker's fast paths give what the slow general ones give."""

from __future__ import annotations

import re
import sys
from urllib.parse import urljoin

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from pressrelease.feeds._body import _PARSER, html_to_body, html_to_text, join_url, squash_space

#: What "white space collapses" means (the regular expression the fast paths replace).
_SPACE = re.compile(r"\s+")

BASES = st.sampled_from(
    [
        "https://ex.org/a/b",
        "http://ex.org",
        "https://u@ex.org:8080/x/?q#f",
        "https://EX.org/a/",
        "ftp://x/y",
        "mailto:a@b",
        "/relative",
        "https://ex.org/a;p?q",
    ]
)
PIECES = st.sampled_from(
    [*"/.?#;:@[]%\\ \t\x01aAzZ09-_~&=+é", "http://", "https://", "HTTP://", "/../", "./", "//"]
)


@settings(max_examples=3000)
@given(base=BASES, href=st.lists(PIECES, max_size=12).map("".join))
def test_join_url_is_urljoin(base: str, href: str) -> None:
    try:
        expected = urljoin(base, href)
    except ValueError:  # urljoin refuses a broken IPv6 host; join_url keeps the href as written
        assert join_url(base, href) == href
        return
    assert join_url(base, href) == expected


ENTITY_TEXT = st.lists(
    st.sampled_from(["&amp;", "&lt;", "&eacute;", "&#233;", "&#x41;", "&", "&amp", "x", " ", "é"]),
    max_size=8,
).map("".join)


@settings(max_examples=500)
@given(text=ENTITY_TEXT)
def test_titles_without_markup_skip_the_html_parser_with_the_same_result(text: str) -> None:
    if not text.strip():
        return
    root = lxml.html.fragment_fromstring(text, create_parent="div", parser=_PARSER)
    assert html_to_text(text) == _SPACE.sub(" ", "".join(root.itertext())).strip()


def test_unsafe_schemes_behind_control_characters_are_still_dropped() -> None:
    body, notices = html_to_body(
        '<p><a href="&#1;javascript:alert(1)">x</a></p>', base="https://e.org/"
    )
    assert body[0].links == ()
    assert [n.code for n in notices] == ["PR501"]


@settings(max_examples=500)
@given(text=ENTITY_TEXT)
def test_plain_descriptions_skip_the_html_parser_with_the_same_result(text: str) -> None:
    if not text.strip():
        return
    root = lxml.html.fragment_fromstring(text, create_parent="div", parser=_PARSER)
    expected = _SPACE.sub(" ", "".join(root.itertext())).strip()
    body, _ = html_to_body(text)
    assert [p.text for p in body] == ([expected] if expected else [])


#: Every character ``\s`` matches, and a few that look like space but are not.
SPACES = "".join(chr(c) for c in range(sys.maxunicode + 1) if _SPACE.match(chr(c)))
NEAR_SPACES = "\u200b\u2060\ufeff\x00\x1b"


def test_the_space_table_is_what_str_split_and_the_regex_agree_on() -> None:
    assert all(char.isspace() for char in SPACES)
    assert all(len(f"a{char}b".split()) == 2 for char in SPACES)
    assert not any(char.isspace() for char in NEAR_SPACES)


@settings(max_examples=2000)
@given(text=st.text(st.sampled_from([*SPACES, *NEAR_SPACES, "a", "é", "𝄞"]), max_size=12))
def test_squash_space_is_the_regex(text: str) -> None:
    assert squash_space(text) == _SPACE.sub(" ", text)


@settings(max_examples=300)
@given(text=st.text(max_size=40))
def test_squash_space_is_the_regex_on_any_text(text: str) -> None:
    assert squash_space(text) == _SPACE.sub(" ", text)
