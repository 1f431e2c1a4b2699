"""Our one extension, and the check that decides what goes into it.

Every feed writer first writes a record the format's own way, reads that back
with the format's own reader, and compares: each field that did not come back
equal (an offset kept to the minute, a link's position, a signatory's role)
goes into the extension as well, and its JSON paths are reported as lossy for
consumers that ignore the extension. Readers apply the extension over what
they read natively, so ours -> X -> ours is lossless for every format X.

The extension is the same data in every format: a plain JSON-like mapping of
field name -> value (:func:`to_plain` / :func:`from_plain`), written as the
``_pressrelease`` object in JSON Feed, a ``descriptions`` entry in ninjs, and
a ``record`` element in the :data:`EXT_NS` namespace in the XML formats.

>>> from pressrelease.model import PressRelease, Signatory
>>> record = PressRelease(title="T", signatories=(Signatory(name="A", role="co-chair"),))
>>> native = PressRelease(title="T", signatories=(Signatory(name="A"),))
>>> compare(record, native)
(('signatories',), ('$.signatories[0].role',))
>>> to_plain(record, ("signatories",))
{'signatories': [{'name': 'A', 'role': 'co-chair'}]}
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

import attrs
from lxml import etree

from pressrelease.errors import LimitExceededError, ParseError, ValidationError
from pressrelease.feeds._body import built_location
from pressrelease.limits import DEFAULT_LIMITS, Limits
from pressrelease.model import (
    Contact,
    Link,
    Location,
    Notice,
    Paragraph,
    ParagraphKind,
    PressRelease,
    Signatory,
    Translation,
)
from pressrelease.validation.text import unsafe_scheme

__all__ = [
    "EXT_NS",
    "FIELDS",
    "build_record",
    "compare",
    "from_plain",
    "plain_from_xml",
    "plain_to_xml",
    "same_value",
    "to_plain",
]

#: The namespace of our extension elements in RSS, Atom and NewsML-G2.
EXT_NS = "urn:pressrelease:ext:1"
_EXT = f"{{{EXT_NS}}}"

#: The record's data fields, in model order (``locations`` and ``notices`` are not data).
FIELDS: tuple[str, ...] = tuple(
    a.name for a in attrs.fields(PressRelease) if a.name not in ("locations", "notices")
)
_MEMBERS: dict[str, type] = {
    "signatories": Signatory,
    "participants": Signatory,
    "body": Paragraph,
    "translations": Translation,
    "related": Link,
    "contacts": Contact,
}


def _member_fields(kind: type) -> tuple[str, ...]:
    return tuple(a.name for a in attrs.fields(kind) if a.name != "location")


def same_value(a: object, b: object) -> bool:
    """Equality that also tells offsets apart (``12:00+01:00`` is not ``11:00Z`` here)."""
    if isinstance(a, datetime) and isinstance(b, datetime):
        return a == b and a.utcoffset() == b.utcoffset()
    return type(a) is type(b) and a == b


def _empty(value: object) -> bool:
    return value is None or value == () or value == ""


def compare(record: PressRelease, native: PressRelease) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(fields the extension must carry, JSON paths only the extension carries)."""
    fields: list[str] = []
    paths: list[str] = []
    for name in FIELDS:
        mine, theirs = getattr(record, name), getattr(native, name)
        if same_value(mine, theirs):
            continue
        fields.append(name)
        if not isinstance(mine, tuple):
            paths.append(f"$.{name}")
            continue
        for index, item in enumerate(mine):
            other = theirs[index] if index < len(theirs) else None
            if name not in _MEMBERS or other is None:
                if item != other:
                    paths.append(f"$.{name}[{index}]")
                continue
            for attribute in _member_fields(type(item)):
                value = getattr(item, attribute)
                if not _empty(value) and value != getattr(other, attribute):
                    paths.append(f"$.{name}[{index}].{attribute}")
            if item != other and not any(p.startswith(f"$.{name}[{index}]") for p in paths):
                paths.append(f"$.{name}[{index}]")
        if len(theirs) > len(mine) or not mine:
            paths.append(f"$.{name}")
    return tuple(fields), tuple(paths)


def _member_plain(item: object) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for attribute in _member_fields(type(item)):
        value = getattr(item, attribute)
        if value is None or value == ():
            continue
        if isinstance(value, ParagraphKind):
            value = value.value
        elif attribute == "links":
            value = [_member_plain(link) for link in value]
        out[attribute] = value
    return out


def to_plain(record: PressRelease, fields: Iterable[str]) -> dict[str, Any]:
    """The named fields as JSON-compatible values (``None``/``[]`` kept: they override)."""
    out: dict[str, Any] = {}
    for name in fields:
        value = getattr(record, name)
        if isinstance(value, datetime | date):
            out[name] = value.isoformat()
        elif name in _MEMBERS:
            out[name] = [_member_plain(item) for item in value]
        elif isinstance(value, tuple):
            out[name] = list(value)
        else:
            out[name] = value
    return out


def _member(kind: type, data: Mapping[str, Any]) -> Any:
    values = dict(data)
    if kind is Paragraph:
        values["kind"] = ParagraphKind(values.get("kind", "paragraph"))
        values["links"] = tuple(_member(Link, link) for link in values.get("links", ()))
    if kind is Link and values.get("start") is not None:
        values["start"] = int(values["start"])
    return kind(**values)


def from_plain(data: Mapping[str, Any]) -> dict[str, Any]:
    """Record keyword arguments from :func:`to_plain` output (raises ValueError/TypeError/KeyError)."""
    out: dict[str, Any] = {}
    for name, value in data.items():
        if name not in FIELDS:
            continue  # a newer writer's field: ignore rather than fail
        if name == "published" and isinstance(value, str):
            out[name] = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        elif name in _MEMBERS:
            out[name] = tuple(_member(_MEMBERS[name], item) for item in value)
        elif name == "notes":
            out[name] = tuple(value)
        else:
            out[name] = value
    return out


def plain_to_xml(parent: etree._Element, plain: Mapping[str, Any]) -> etree._Element:
    """Append ``<pr:record>`` holding ``plain`` to ``parent``; return it."""
    record = etree.SubElement(parent, _EXT + "record")
    for name, value in plain.items():
        field = etree.SubElement(record, _EXT + name)
        if value is None:
            field.set("nil", "true")
        elif isinstance(value, list):
            for item in value:
                _item_to_xml(field, item)
        else:
            field.text = value
    return record


def _item_to_xml(parent: etree._Element, item: Any) -> None:
    element = etree.SubElement(parent, _EXT + "item")
    if isinstance(item, str):
        element.text = item
        return
    for key, value in item.items():
        if key == "links":
            for link in value:
                _item_to_xml(element, link)
        else:
            element.set(key, str(value))


def plain_from_xml(record: etree._Element) -> dict[str, Any]:
    """The mapping a ``<pr:record>`` element holds."""
    out: dict[str, Any] = {}
    for field in record:
        if not isinstance(field.tag, str) or not field.tag.startswith(_EXT):
            continue
        name = field.tag[len(_EXT) :]
        if field.get("nil") == "true":
            out[name] = None
        elif name in _MEMBERS or name == "notes":
            items: list[Any] = []
            for item in field.iterfind(_EXT + "item"):
                if name == "notes":
                    items.append(item.text or "")
                    continue
                data: dict[str, Any] = dict(item.attrib)
                links = [dict(link.attrib) for link in item.iterfind(_EXT + "item")]
                if links:
                    data["links"] = links
                items.append(data)
            out[name] = items
        else:
            out[name] = field.text or ""
    return out


def build_record(
    values: dict[str, Any],
    ext: Mapping[str, Any] | None,
    *,
    source: str | None,
    line: int | None,
    what: str,
    limits: Limits = DEFAULT_LIMITS,
    id_is_uri: bool = False,
    built: bool = False,
) -> PressRelease:
    """A record from natively read ``values`` with the extension applied over them.

    ``limits.max_id_length`` (unless the format's IDs are URIs, as ninjs's are)
    and ``limits.max_field_chars`` apply to the record. ``built`` says that the
    reader built every value itself from XML text (see :func:`_assemble`): the
    model's checks are then skipped unless the extension adds values.

    Raises:
        ParseError: the values break a rule of the record model (located at ``line``).
    """
    try:
        if ext:
            values.update(from_plain(ext))
            record = PressRelease(**values)
        else:
            record = _assemble(values) if built else PressRelease(**values)
        if not _all_plainly_safe(record):
            record = _without_unsafe_urls(record, source=source, line=line)
    except (ValidationError, ValueError, TypeError, KeyError) as exc:
        raise ParseError(f"{what} cannot become a record: {exc}", source=source, line=line) from exc
    _check_limits(record, limits, source=source, line=line, id_is_uri=id_is_uri)
    return record


#: How :func:`_assemble` fills each slot of a record: the slots' own setters (what
#: ``object.__setattr__`` ends up calling, without looking the name up each time).
_SLOT_SETTERS = {
    field.name: vars(PressRelease)[field.name].__set__ for field in attrs.fields(PressRelease)
}
_SET_TITLE = _SLOT_SETTERS["title"]
_SET_LOCATIONS = _SLOT_SETTERS["locations"]
_VALUE_SETTERS = tuple(
    (name, _SLOT_SETTERS[name])
    for name in (
        "unique_id", "subtitle", "published", "place", "category", "language", "issuer",
        "source_url",
    )
)  # fmt: skip
_SEQUENCE_SETTERS = tuple(
    (name, _SLOT_SETTERS[name])
    for name in (
        "signatories", "participants", "body", "translations", "related", "contacts", "notes",
        "notices",
    )
)  # fmt: skip


def _assemble(values: dict[str, Any]) -> PressRelease:
    """``PressRelease(**values)`` for values a feed reader built itself, without checking them again.

    The RSS and Atom readers give strings (XML text and attributes are
    nothing else) or ``None``, dates from the feed date parsers (aware, or a
    day), and members the model's classes built, and so checked. The model's
    validators and converters, and setting each slot by name, are then a
    third of the cost of reading a small item. The record is the one
    ``PressRelease(**values)`` gives, slot for slot (``tests/feeds/test_ext.py``
    holds the two together, and fails when a field or a check is added to the
    model); values from our extension, and other readers' values, go through
    the model. ``values["locations"]`` becomes the record's own: the reader
    made it for this record.
    """
    record: PressRelease = object.__new__(PressRelease)
    get = values.get
    _SET_TITLE(record, values["title"])
    for name, put in _VALUE_SETTERS:
        put(record, get(name))
    for name, put in _SEQUENCE_SETTERS:
        value = get(name, ())
        put(record, value if type(value) is tuple else tuple(value))
    locations = get("locations")
    _SET_LOCATIONS(record, locations if type(locations) is dict else dict(locations or ()))
    return record


def _texts(record: PressRelease) -> Iterator[tuple[str, str]]:
    """(JSON path, text) of every text of ``record`` that a feed can make long."""
    for name in ("title", "subtitle", "place", "category", "source_url"):
        value = getattr(record, name)
        if value:
            yield f"$.{name}", value
    for index, paragraph in enumerate(record.body):
        yield f"$.body[{index}].text", paragraph.text
    for group in ("signatories", "participants"):
        for index, party in enumerate(getattr(record, group)):
            for name in ("name", "honorific", "role", "organisation"):
                value = getattr(party, name)
                if value:
                    yield f"$.{group}[{index}].{name}", value
    for index, note in enumerate(record.notes):
        yield f"$.notes[{index}]", note


def _all_within(record: PressRelease, limit: int) -> bool:
    """Whether none of :func:`_texts` is longer than ``limit`` (without building their paths)."""
    for value in (record.title, record.subtitle, record.place, record.category, record.source_url):
        if value is not None and len(value) > limit:
            return False
    for paragraph in record.body:
        if len(paragraph.text) > limit:
            return False
    for party in (*record.signatories, *record.participants):
        for value in (party.name, party.honorific, party.role, party.organisation):
            if value is not None and len(value) > limit:
                return False
    return all(len(note) <= limit for note in record.notes)


def _check_limits(
    record: PressRelease,
    limits: Limits,
    *,
    source: str | None,
    line: int | None,
    id_is_uri: bool = False,
) -> None:
    value = record.unique_id
    if not id_is_uri and value is not None and len(value) > limits.max_id_length:
        raise LimitExceededError(
            f"'unique_id' is {len(value)} characters, more than max_id_length="
            f"{limits.max_id_length}",
            source=source,
            line=line,
            path="$.unique_id",
        )
    if _all_within(record, limits.max_field_chars):
        return  # the common case: no need to name the path of the culprit
    for path, text in _texts(record):
        if len(text) > limits.max_field_chars:
            raise LimitExceededError(
                f"a text of {len(text)} characters, more than max_field_chars="
                f"{limits.max_field_chars}",
                source=source,
                line=line,
                path=path,
            )


_HTTP = ("https://", "http://")


def _plainly_safe(url: str | None) -> bool:
    """Whether ``url`` is surely kept by :func:`unsafe_scheme` (no need to decode it).

    An ``http://`` or ``https://`` prefix is left as it is by every decoding
    step there (character references and percent escapes start with ``&``
    and ``%``; NFKC and case folding leave ASCII letters as they are), so the
    scheme found is http or https.
    """
    return url is None or url.startswith(_HTTP)


def _all_plainly_safe(record: PressRelease) -> bool:
    """Whether every URL of ``record`` is :func:`_plainly_safe`."""
    url = record.source_url
    if url is not None and not url.startswith(_HTTP):
        return False
    for link in record.related:
        if link.href is not None and not link.href.startswith(_HTTP):
            return False
    for translation in record.translations:
        if translation.url is not None and not translation.url.startswith(_HTTP):
            return False
    for paragraph in record.body:
        for link in paragraph.links:
            if link.href is not None and not link.href.startswith(_HTTP):
                return False
    return True


def _without_unsafe_urls(
    record: PressRelease, *, source: str | None, line: int | None
) -> PressRelease:
    """``record`` with every URL whose scheme is not http(s) or mailto removed, each with a PR501.

    A feed's item link, related links, translation URLs and paragraph links
    all end up as links a consumer may follow; ``javascript:`` or ``file:``
    there must never reach a record. The words of a paragraph link stay.
    """
    notices: list[Notice] = []
    where = Location(source=source, line=line)

    def safe(url: str | None, path: str) -> bool:
        scheme = None if url is None else unsafe_scheme(url)
        if scheme is None:
            return True
        notices.append(
            Notice(
                code="PR501",
                message=f"a {scheme}: URL was dropped; only http, https and mailto links are kept",
                path=path,
                location=where,
            )
        )
        return False

    changes: dict[str, Any] = {}
    if not safe(record.source_url, "$.source_url"):
        changes["source_url"] = None
    related = tuple(
        link for index, link in enumerate(record.related) if safe(link.href, f"$.related[{index}]")
    )
    if len(related) != len(record.related):
        changes["related"] = related
    translations = tuple(
        t if safe(t.url, f"$.translations[{index}].url") else attrs.evolve(t, url=None)
        for index, t in enumerate(record.translations)
    )
    if translations != record.translations:
        changes["translations"] = translations
    body = []
    for index, paragraph in enumerate(record.body):
        links = tuple(
            link
            if safe(link.href, f"$.body[{index}].links[{number}]")
            else attrs.evolve(link, href=None)
            for number, link in enumerate(paragraph.links)
        )
        body.append(paragraph if links == paragraph.links else attrs.evolve(paragraph, links=links))
    if notices:
        changes["body"] = tuple(body)
        changes["notices"] = (*record.notices, *notices)
        return attrs.evolve(record, **changes)
    return record


def location(source: str | None, element: etree._Element) -> Location:
    """Where ``element`` starts in its source."""
    return built_location(source, element.sourceline)
