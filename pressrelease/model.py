"""The records: a press release and its parts.

Every record is an attrs class: frozen, slotted, keyword-only and hashable
(sequences are tuples). Every field but :attr:`PressRelease.title` and
:attr:`Paragraph.text` has a default, so a record holds just what a document
gives::

    >>> from datetime import date
    >>> from pressrelease.model import PressRelease, Signatory
    >>> pr = PressRelease(
    ...     title="EU-UN dialogue",
    ...     published=date(2020, 12, 3),
    ...     signatories=(
    ...         Signatory(organisation="European External Action Service"),
    ...         Signatory(name="Vladimir Voronkov", honorific="M."),
    ...     ),
    ... )
    >>> pr.signatories[1].name
    'Vladimir Voronkov'
    >>> pr == PressRelease(title="EU-UN dialogue", published=date(2020, 12, 3),
    ...                    signatories=pr.signatories)
    True

Where each value came from (:class:`Location`) and what a reader noticed on
the way (:class:`Notice`) travel with the record but take no part in equality
or hashing, so that a record read back from JSON equals the one written.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import attrs

from pressrelease.errors import ValidationError

__all__ = [
    "Contact",
    "Link",
    "Location",
    "Notice",
    "Paragraph",
    "ParagraphKind",
    "PressRelease",
    "Signatory",
    "Translation",
]


def _tuple(value: Any) -> tuple[Any, ...]:
    """Accept any iterable for a sequence field and store it as a tuple."""
    if isinstance(value, str | bytes):
        raise ValidationError(f"expected a sequence of records, got a string: {value!r}")
    return tuple(value)


def _aware_or_date(
    instance: object, attribute: attrs.Attribute[date | datetime | None], value: object
) -> None:
    if value is None:
        return
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValidationError(
                f"'{attribute.name}' must be time-zone aware when it has a time "
                f"(got naive {value.isoformat()}); give a date alone when the zone is unknown"
            )
        return
    if not isinstance(value, date):
        raise ValidationError(
            f"'{attribute.name}' must be a date or an aware datetime (got {value!r})"
        )


def _optional_str(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise ValidationError(f"'{attribute.name}' must be a string or None (got {value!r})")


def _str(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise ValidationError(f"'{attribute.name}' must be a string (got {value!r})")


@attrs.frozen(kw_only=True)
class Location:
    """Where a value was found in its source document.

    Attributes:
        source: the input's name (file name, URL, ``<stdin>``), if known.
        line: 1-based line.
        column: 1-based column (in characters), if known.
        element: for markup, the path of the element that held the value
            (``/html/body/main/article/h1``); for JSON, a JSON path.
    """

    source: str | None = None
    line: int | None = None
    column: int | None = None
    element: str | None = None

    def __str__(self) -> str:
        parts = [self.source or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        text = ":".join(parts)
        return f"{text} ({self.element})" if self.element else text


@attrs.frozen(kw_only=True)
class Notice:
    """Something a reader noticed and could not, or should not, decide silently.

    Notices become findings when the record is validated: an ambiguous
    day/month order, a time without a zone, a link dropped for its scheme,
    an encoding that had to be recovered.

    Attributes:
        code: the rule code the finding will carry (see ``pressrelease rules``).
        message: what was noticed, for a person.
        path: the field it concerns, as a JSON path (``$.published``).
        location: where in the source it was seen.
    """

    code: str = attrs.field(validator=_str)
    message: str = attrs.field(validator=_str)
    path: str = attrs.field(default="$", validator=_str)
    location: Location | None = None


class ParagraphKind(enum.Enum):
    """What a block of body text is."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    QUOTE = "quote"
    LIST_ITEM = "list_item"


@attrs.frozen(kw_only=True)
class Link:
    """A link inside a paragraph, or a related link of the release.

    Attributes:
        text: the linked words, as they stand in the paragraph.
        href: the absolute URL; ``None`` where the source gives none (plain
            text marks such as ``(lien externe)`` name a link without a URL).
        start: where ``text`` starts in the paragraph's text (in characters),
            or ``None`` for a link outside any paragraph.
    """

    text: str = attrs.field(default="", validator=_str)
    href: str | None = attrs.field(default=None, validator=_optional_str)
    start: int | None = attrs.field(default=None)
    location: Location | None = attrs.field(default=None, eq=False, hash=False, repr=False)

    @start.validator
    def _check_start(self, attribute: attrs.Attribute[int | None], value: object) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError(
                f"'start' must be a non-negative whole number or None (got {value!r})"
            )


@attrs.frozen(kw_only=True)
class Paragraph:
    """A block of the body: a paragraph, heading, quote or list item, with its links.

    A link with a ``start`` must match the text at that position:

    >>> Paragraph(text="See the report.", links=(Link(text="report", start=8),)).links[0].text
    'report'
    >>> Paragraph(text="See the report.", links=(Link(text="report", start=0),))
    Traceback (most recent call last):
    ...
    pressrelease.errors.ValidationError: link 0 says 'report' starts at 0, but the paragraph has 'See th' there
    """

    text: str = attrs.field(validator=_str)
    kind: ParagraphKind = attrs.field(default=ParagraphKind.PARAGRAPH)
    links: tuple[Link, ...] = attrs.field(default=(), converter=_tuple)
    location: Location | None = attrs.field(default=None, eq=False, hash=False, repr=False)

    @kind.validator
    def _check_kind(self, attribute: attrs.Attribute[ParagraphKind], value: object) -> None:
        if not isinstance(value, ParagraphKind):
            raise ValidationError(f"'kind' must be a ParagraphKind (got {value!r})")

    @links.validator
    def _check_links(
        self, attribute: attrs.Attribute[tuple[Link, ...]], value: tuple[Link, ...]
    ) -> None:
        for index, link in enumerate(value):
            if not isinstance(link, Link):
                raise ValidationError(f"links[{index}] must be a Link (got {link!r})")
            if link.start is None:
                continue
            found = self.text[link.start : link.start + len(link.text)]
            if found != link.text:
                raise ValidationError(
                    f"link {index} says {link.text!r} starts at {link.start}, "
                    f"but the paragraph has {found!r} there"
                )


@attrs.frozen(kw_only=True)
class Signatory:
    """A party to the release: a person (with honorific and role), an organisation, or both.

    At least a name or an organisation is required:

    >>> Signatory(organisation="United Nations").organisation
    'United Nations'
    >>> Signatory(role="co-chair")
    Traceback (most recent call last):
    ...
    pressrelease.errors.ValidationError: a Signatory needs a name or an organisation (got role='co-chair' alone)
    """

    name: str | None = attrs.field(default=None, validator=_optional_str)
    honorific: str | None = attrs.field(default=None, validator=_optional_str)
    role: str | None = attrs.field(default=None, validator=_optional_str)
    organisation: str | None = attrs.field(default=None, validator=_optional_str)
    location: Location | None = attrs.field(default=None, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not self.name and not self.organisation:
            given = ", ".join(
                f"{key}={value!r}"
                for key, value in (("honorific", self.honorific), ("role", self.role))
                if value
            )
            raise ValidationError(
                "a Signatory needs a name or an organisation"
                + (f" (got {given} alone)" if given else "")
            )


@attrs.frozen(kw_only=True)
class Translation:
    """Another language version of the release.

    Attributes:
        language: its BCP 47 tag (``en``, ``pt-BR``).
        url: where it is published, if the document says.
        title: its title, if the document gives it.
    """

    language: str = attrs.field(validator=_str)
    url: str | None = attrs.field(default=None, validator=_optional_str)
    title: str | None = attrs.field(default=None, validator=_optional_str)


@attrs.frozen(kw_only=True)
class Contact:
    """A press contact printed with the release."""

    name: str | None = attrs.field(default=None, validator=_optional_str)
    role: str | None = attrs.field(default=None, validator=_optional_str)
    organisation: str | None = attrs.field(default=None, validator=_optional_str)
    email: str | None = attrs.field(default=None, validator=_optional_str)
    phone: str | None = attrs.field(default=None, validator=_optional_str)


def _locations(value: Mapping[str, Location] | None) -> dict[str, Location]:
    return dict(value or {})


@attrs.frozen(kw_only=True)
class PressRelease:
    """One press release, joint or not.

    Attributes:
        unique_id: the issuer's identifier as printed (``201203_6``,
            ``IP/20/2263``, ``SG/SM/20449``).
        title: the title; ``""`` when the document has none (validation reports it).
        subtitle: a second headline, if any.
        published: an aware :class:`~datetime.datetime` when the document
            gives a time (its offset kept), a :class:`~datetime.date` when it
            gives only a day.
        place: the dateline city as printed (``Brussels``, ``WASHINGTON``).
        category: the issuer's category (``Joint Press Releases``, ``Statement``).
        language: BCP 47 tag of the text.
        issuer: the issuer profile that recognised the document (``eeas``,
            ``ec``, ``un``, ``europarl``, ``govuk``...), if one did.
        signatories: the parties that issue the release.
        participants: people named as taking part who do not issue it.
        body: the paragraphs, headings, quotes and list items, in order.
        translations: other language versions.
        related: related links printed with the release.
        contacts: press contacts.
        notes: notes to editors and similar closing remarks.
        source_url: where the document was published.
        locations: where each value came from, keyed by JSON path
            (``$.unique_id``, ``$.signatories[1]``); not part of equality.
        notices: what the reader noticed on the way; not part of equality.
    """

    title: str = attrs.field(validator=_str)
    unique_id: str | None = attrs.field(default=None, validator=_optional_str)
    subtitle: str | None = attrs.field(default=None, validator=_optional_str)
    published: datetime | date | None = attrs.field(default=None, validator=_aware_or_date)
    place: str | None = attrs.field(default=None, validator=_optional_str)
    category: str | None = attrs.field(default=None, validator=_optional_str)
    language: str | None = attrs.field(default=None, validator=_optional_str)
    issuer: str | None = attrs.field(default=None, validator=_optional_str)
    signatories: tuple[Signatory, ...] = attrs.field(default=(), converter=_tuple)
    participants: tuple[Signatory, ...] = attrs.field(default=(), converter=_tuple)
    body: tuple[Paragraph, ...] = attrs.field(default=(), converter=_tuple)
    translations: tuple[Translation, ...] = attrs.field(default=(), converter=_tuple)
    related: tuple[Link, ...] = attrs.field(default=(), converter=_tuple)
    contacts: tuple[Contact, ...] = attrs.field(default=(), converter=_tuple)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    source_url: str | None = attrs.field(default=None, validator=_optional_str)
    locations: Mapping[str, Location] = attrs.field(
        factory=dict, converter=_locations, eq=False, hash=False, repr=False
    )
    notices: tuple[Notice, ...] = attrs.field(
        default=(), converter=_tuple, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        for name, kind in _MEMBER_TYPES.items():
            for index, item in enumerate(getattr(self, name)):
                if not isinstance(item, kind):
                    raise ValidationError(
                        f"{name}[{index}] must be a {kind.__name__} (got {type(item).__name__})"
                    )

    def location_of(self, path: str) -> Location | None:
        """Where the value at ``path`` (``$.unique_id``) came from, if recorded."""
        return self.locations.get(path)

    @property
    def text(self) -> str:
        """The body as plain text, one block per line."""
        return "\n".join(paragraph.text for paragraph in self.body)


_MEMBER_TYPES: dict[str, type] = {
    "signatories": Signatory,
    "participants": Signatory,
    "body": Paragraph,
    "translations": Translation,
    "related": Link,
    "contacts": Contact,
    "notes": str,
}
