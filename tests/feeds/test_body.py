"""The body walker's fast paths give what the slow general ones give."""

from __future__ import annotations

import re
import sys
from urllib.parse import urljoin

import attrs
import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from pressrelease.feeds._body import (
    _PARSER,
    _PLAIN_PARAGRAPHS,
    _fragment,
    built_location,
    built_paragraph,
    collapse_space,
    element_to_body,
    html_to_body,
    html_to_text,
    join_url,
    squash_space,
)
from pressrelease.model import Location, Paragraph
from tests.strategies import paragraphs

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


# --- built_paragraph / built_location: the model's records, without the model's checks ---


def _slots(record: object) -> list[tuple[str, object, type]]:
    return [
        (field.name, getattr(record, field.name), type(getattr(record, field.name)))
        for field in attrs.fields(type(record))
    ]


def test_the_built_records_were_written_for_the_model_as_it_is() -> None:
    """A new field, check or converter in the model must be weighed in the builders."""
    assert [
        (f.name, getattr(f.validator, "__name__", None), getattr(f.converter, "__name__", None))
        for f in attrs.fields(Paragraph)
    ] == [
        ("text", "_str", None),
        ("kind", "_check_kind", None),
        ("links", "_check_links", "_tuple"),
        ("location", None, None),
    ]
    assert [(f.name, f.validator, f.converter, f.default) for f in attrs.fields(Location)] == [
        (name, None, None, None) for name in ("source", "line", "column", "element")
    ]
    assert not hasattr(Paragraph, "__attrs_post_init__")
    assert not hasattr(Location, "__attrs_post_init__")


@given(paragraph=paragraphs(), line=st.one_of(st.none(), st.integers(1, 10**6)))
def test_built_paragraph_is_the_model_paragraph(paragraph: Paragraph, line: int | None) -> None:
    where = None if line is None else Location(source="f.xml", line=line)
    expected = Paragraph(
        text=paragraph.text, kind=paragraph.kind, links=paragraph.links, location=where
    )
    got = built_paragraph(
        paragraph.text,
        paragraph.kind,
        paragraph.links,
        None if line is None else built_location("f.xml", line),
    )
    assert _slots(got) == _slots(expected)
    assert (got, hash(got), repr(got)) == (expected, hash(expected), repr(expected))
    assert _slots(built_paragraph(paragraph.text)) == _slots(Paragraph(text=paragraph.text))


@given(source=st.one_of(st.none(), st.text(max_size=5)), line=st.one_of(st.none(), st.integers()))
def test_built_location_is_the_model_location(source: str | None, line: int | None) -> None:
    got, expected = built_location(source, line), Location(source=source, line=line)
    assert _slots(got) == _slots(expected)
    assert (got, hash(got), repr(got), str(got)) == (
        expected,
        hash(expected),
        repr(expected),
        str(expected),
    )


@settings(max_examples=300)
@given(
    markup=st.lists(
        st.sampled_from(
            ["<p>", "</p>", "<a href='/x'>", "</a>", "<h2>", "</h2>", "<br>", "<li>", "text",
             " ", "\n", "&amp;", "<script>x</script>", "<a href='javascript:x'>", "é"]
        ),
        max_size=10,
    ).map("".join)
)  # fmt: skip
def test_the_walker_builds_paragraphs_the_model_accepts(markup: str) -> None:
    body, _ = html_to_body(markup, base="https://ex.org/a/", source="f.xml")
    for paragraph in body:
        rebuilt = Paragraph(
            text=paragraph.text,
            kind=paragraph.kind,
            links=paragraph.links,
            location=paragraph.location,
        )  # raises if a link does not match the text
        assert _slots(rebuilt) == _slots(paragraph)


@settings(max_examples=1000)
@given(text=st.text(st.sampled_from([*SPACES, *NEAR_SPACES, "a", "é"]), max_size=12))
def test_collapse_space_is_split_and_join(text: str) -> None:
    assert collapse_space(text) == " ".join(text.split())


#: Pieces of ``content:encoded`` markup: plain paragraphs, and what makes them not plain.
_BLOCK_PIECES = st.sampled_from(
    ["<p>", "</p>", "text", " ", "  ", "\n", "\t", "\u00a0", "é", "&amp;", "&", "<br>", "<p class='x'>",
     "\r", "\x0c", "\x01", "\x85", "\u2028", ">", "<P>", "<b>", "</b>"]
)  # fmt: skip


@settings(max_examples=2000)
@given(
    blocks=st.lists(st.lists(_BLOCK_PIECES, max_size=5).map("".join), min_size=1, max_size=4),
    lead=st.sampled_from(["", " ", "\n"]),
)
def test_plain_paragraphs_skip_the_html_parser_with_the_same_result(
    blocks: list[str], lead: str
) -> None:
    markup = lead + "".join(f"<p>{block}</p>" for block in blocks)
    expected = element_to_body(_fragment(markup), source="f.xml")
    got = html_to_body(markup, source="f.xml")
    assert [_slots(p) for p in got[0]] == [_slots(p) for p in expected[0]]
    assert [(p.location.source, p.location.line) for p in got[0] if p.location is not None] == [
        (p.location.source, p.location.line) for p in expected[0] if p.location is not None
    ]
    assert got[1] == expected[1]


def test_plain_paragraphs_are_read_without_the_parser() -> None:
    assert _PLAIN_PARAGRAPHS.match("<p>One.</p><p>Two\nlines.</p>")
    body, _ = html_to_body("<p>One.</p><p>Two\nlines.</p><p>Three.</p>", source="f")
    assert [(p.text, p.location) for p in body] == [
        ("One.", Location(source="f", line=1)),
        ("Two lines.", Location(source="f", line=1)),
        ("Three.", Location(source="f", line=2)),
    ]


@settings(max_examples=500)
@given(
    blocks=st.lists(st.text(st.sampled_from(["a", "é", " ", "\n", "\t", "\u00a0", "\u2028", '"'])))
)
def test_plain_paragraphs_agree_on_text_and_lines(blocks: list[str]) -> None:
    markup = "".join(f"<p>{block}</p>" for block in blocks)
    if not blocks:
        return
    assert _PLAIN_PARAGRAPHS.match(markup)
    expected = element_to_body(_fragment(markup), source="f.xml")
    got = html_to_body(markup, source="f.xml")
    assert [_slots(p) for p in got[0]] == [_slots(p) for p in expected[0]]
    assert [p.location for p in got[0]] == [p.location for p in expected[0]]
