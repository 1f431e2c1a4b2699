"""Tests for pressrelease.readers.inline: Markdown inline text, links, external-link marks."""

from __future__ import annotations

import pytest

from pressrelease.readers.inline import mark_external_links, safe_href, strip_markdown


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("**bold** and *em* and ***both***", "bold and em and both"),
        ("snake_case and _em_ and __strong__", "snake_case and em and strong"),
        (r"1\. escaped \* star \_ under \# hash", "1. escaped * star _ under # hash"),
        ("`code` span", "code span"),
        ('<span style="x">kept</span> words', "kept words"),
        ("AT&amp;T &#8211; ok", "AT&T – ok"),
        ("![alt text](img.png) after", "alt text after"),
        ("line end\\", "line end"),
    ],
)
def test_strip_markdown(markdown: str, text: str) -> None:
    assert strip_markdown(markdown)[0] == text


def test_links_have_positions_and_absolute_hrefs() -> None:
    text, links, dropped = strip_markdown(
        'See [the **report**](/r "title") and <https://x.eu/a>.', base="https://ec.europa.eu/p/"
    )
    assert text == "See the report and https://x.eu/a."
    assert [(link.text, link.href, link.start) for link in links] == [
        ("the report", "https://ec.europa.eu/r", 4),
        ("https://x.eu/a", "https://x.eu/a", 19),
    ]
    assert dropped == []


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "JaVaScRiPt&colon;alert(1)", "data:text/html,x", "vbscript:x"]
)
def test_unsafe_links_are_dropped(href: str) -> None:
    text, links, dropped = strip_markdown(f"a [b]({href}) c")
    assert text == "a b c"
    assert links == []
    assert dropped == [href.strip()]
    assert safe_href(href) is None


def test_safe_href() -> None:
    assert safe_href("mailto:press@ec.europa.eu") == "mailto:press@ec.europa.eu"
    assert safe_href("relative/page") == "relative/page"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "signataires du Pacte mondial des Nations unies (lien externe).",
            "Pacte mondial des Nations unies",
        ),
        ("Read the Global Compact (external link).", "Global Compact"),
        ("see the page (EXTERNAL LINK)", "see the page"),
        ("Mehr dazu im Globalen Pakt (externer Link)", "Globalen Pakt"),
    ],
)
def test_external_link_marks(text: str, phrase: str) -> None:
    (link,) = mark_external_links(text)
    assert link.text == phrase
    assert link.href is None
    assert link.start is not None
    assert text[link.start : link.start + len(phrase)] == phrase


def test_no_marks() -> None:
    assert mark_external_links("A plain paragraph (with a bracket).") == []
    assert mark_external_links("(lien externe)") == []


@pytest.mark.parametrize("entity", ["&#0;", "&#xD800;", "&#1;", "&#x110000;"])
def test_entities_naming_no_character_stay_as_printed(entity: str) -> None:
    assert strip_markdown(f"a {entity} b")[0] == f"a {entity} b"
