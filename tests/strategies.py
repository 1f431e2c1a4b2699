"""Hypothesis strategies for every record type, shared by the whole test suite.

Text is any text XML 1.0 allows (pressrelease XML refuses the rest with a
SerializationError, so a strategy that produced it would only test that
refusal): every Unicode scalar value except C0 controls other than tab, line
feed and carriage return, U+FFFE and U+FFFF, and surrogates — astral
characters included, whitespace of every kind included.

Import them as ``from strategies import press_releases`` (pytest puts
``tests/`` on the path).
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import strategies as st

from pressrelease.model import (
    Contact,
    Link,
    Paragraph,
    ParagraphKind,
    PressRelease,
    Signatory,
    Translation,
)

__all__ = [
    "aware_datetimes",
    "contacts",
    "links",
    "offsets",
    "optional_text",
    "paragraphs",
    "press_releases",
    "published",
    "related_links",
    "signatories",
    "translations",
    "xml_characters",
    "xml_text",
]

#: Characters XML 1.0 cannot hold (besides surrogates, excluded by category).
NOT_XML = "".join([*(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"), "\ufffe", "\uffff"])
#: Characters that parsers and writers like to get wrong: whitespace, line breaks, markup.
TRICKY = " \t\n\r\u00a0\u2028\u3000&<>]\"'𝄞"


@functools.cache
def xml_characters() -> st.SearchStrategy[str]:
    """One character XML 1.0 allows (astral ones included), often a tricky one."""
    return st.one_of(
        st.sampled_from(TRICKY),
        st.characters(exclude_categories=("Cs",), exclude_characters=NOT_XML),
    )


@functools.cache
def xml_text(*, min_size: int = 0, max_size: int = 30) -> st.SearchStrategy[str]:
    """Any text XML 1.0 allows, often with leading, trailing or inner whitespace and CRs."""
    return st.text(xml_characters(), min_size=min_size, max_size=max_size)


@functools.cache
def optional_text(*, max_size: int = 30) -> st.SearchStrategy[str | None]:
    """``None`` or any XML text (the empty string included)."""
    return st.one_of(st.none(), xml_text(max_size=max_size))


#: Offsets real zones use, including half-hour and 45-minute ones.
NAMED_OFFSETS = [
    0,
    60,
    -300,
    330,  # India +05:30
    345,  # Nepal +05:45
    -210,  # Newfoundland -03:30
    570,  # Australia Central +09:30
    525,  # Eucla +08:45
    765,  # Chatham +12:45
    840,  # Kiribati +14:00
    -720,  # -12:00
    -570,  # Marquesas -09:30
]


@functools.cache
def offsets() -> st.SearchStrategy[timezone]:
    """Fixed offsets: real ones (half-hour and 45-minute ones included) and any whole minute
    between -14:00 and +14:00 (the range ISO 8601 profiles and XSD allow)."""
    minutes = st.one_of(st.sampled_from(NAMED_OFFSETS), st.integers(-14 * 60, 14 * 60))
    return st.one_of(st.just(UTC), minutes.map(lambda m: timezone(timedelta(minutes=m))))


@functools.cache
def aware_datetimes() -> st.SearchStrategy[datetime]:
    """Aware datetimes in many offsets, with and without microseconds."""
    return st.datetimes(
        min_value=datetime(1, 1, 2),
        max_value=datetime(9999, 12, 30),
        timezones=offsets(),
    )


@functools.cache
def published() -> st.SearchStrategy[date | datetime | None]:
    """A release's ``published``: nothing, a date alone, or an aware datetime."""
    return st.one_of(st.none(), st.dates(), aware_datetimes())


@functools.cache
def urls() -> st.SearchStrategy[str]:
    """URLs, plain or odd (any text is accepted as a URL by the record)."""
    return st.one_of(
        st.sampled_from(
            [
                "https://www.eeas.europa.eu/eeas/example_fr",
                "https://example.org/a?b=1&c=2#d",
                "mailto:press@example.org",
            ]
        ),
        xml_text(max_size=30),
    )


@st.composite
def links(draw: st.DrawFn, text: str) -> Link:
    """A link inside a paragraph whose text is ``text``: its ``start`` matches the text."""
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Link(
        text=text[start:end],
        href=draw(st.one_of(st.none(), urls())),
        start=start,
    )


@functools.cache
def related_links() -> st.SearchStrategy[Link]:
    """A link outside any paragraph (no ``start``)."""
    return st.builds(
        Link,
        text=xml_text(),
        href=st.one_of(st.none(), urls()),
        start=st.none(),
    )


_KINDS = st.sampled_from(ParagraphKind)


@st.composite
def paragraphs(draw: st.DrawFn) -> Paragraph:
    """A paragraph, heading, quote or list item, with links that match its text."""
    text = draw(xml_text(max_size=60))
    return Paragraph(
        text=text,
        kind=draw(_KINDS),
        links=draw(st.lists(links(text), max_size=2)),
    )


@functools.cache
def signatories() -> st.SearchStrategy[Signatory]:
    """A party: a person, an organisation or both (a non-empty name or organisation)."""
    given = xml_text(min_size=1)
    return st.one_of(
        st.builds(
            Signatory,
            name=given,
            honorific=optional_text(max_size=8),
            role=optional_text(),
            organisation=optional_text(),
        ),
        st.builds(
            Signatory,
            name=optional_text(),
            honorific=optional_text(max_size=8),
            role=optional_text(),
            organisation=given,
        ),
    )


@functools.cache
def translations() -> st.SearchStrategy[Translation]:
    """Another language version."""
    return st.builds(
        Translation,
        language=st.one_of(st.sampled_from(["en", "fr", "pt-BR", "zh-Hant-TW"]), xml_text()),
        url=st.one_of(st.none(), urls()),
        title=optional_text(),
    )


@functools.cache
def contacts() -> st.SearchStrategy[Contact]:
    """A press contact."""
    return st.builds(
        Contact,
        name=optional_text(),
        role=optional_text(),
        organisation=optional_text(),
        email=optional_text(),
        phone=optional_text(max_size=15),
    )


@functools.cache
def press_releases() -> st.SearchStrategy[PressRelease]:
    """Press releases: empty tuples, every optional field absent or present, any XML text."""
    small = {"max_size": 2}
    return st.builds(
        PressRelease,
        title=xml_text(),
        unique_id=optional_text(max_size=20),
        subtitle=optional_text(),
        published=published(),
        place=optional_text(max_size=20),
        category=optional_text(max_size=20),
        language=st.one_of(st.none(), st.sampled_from(["en", "fr", "de-CH"]), xml_text()),
        issuer=st.one_of(st.none(), st.sampled_from(["eeas", "ec", "un"]), xml_text()),
        signatories=st.lists(signatories(), **small).map(tuple),
        participants=st.lists(signatories(), **small).map(tuple),
        body=st.lists(paragraphs(), max_size=3).map(tuple),
        translations=st.lists(translations(), **small).map(tuple),
        related=st.lists(related_links(), **small).map(tuple),
        contacts=st.lists(contacts(), **small).map(tuple),
        notes=st.lists(xml_text(), **small).map(tuple),
        source_url=st.one_of(st.none(), urls()),
    )
