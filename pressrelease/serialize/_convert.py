"""The one converter between records and plain data (dicts, lists, strings, ints).

Both of pressrelease's own formats go through it: JSON directly, XML by way
of the same plain data. It is strict where cattrs' default converter is
lenient (see ``HAZARDS.md``): a string is never made from ``None`` or a
list, a list never from a string, an int never from a float or a bool, and
unknown keys are errors. Every problem of a document is reported at once,
each with the JSON path of the value (``$.signatories[1].name``).

The plain form (what :func:`unstructure` gives and :func:`structure` takes):

* keys in the order of the record's fields, with ``"pressrelease": "1.0"``
  (the format version) first in a record;
* a field that holds its default (``None``, an empty tuple, a paragraph's
  kind ``"paragraph"``, a link's empty text) is left out; reading, a missing
  key takes the default, while an explicit ``null`` is refused (leave the key
  out) — XML has no ``null`` either, so the two formats say the same thing;
* ``published`` is ``YYYY-MM-DD`` for a date, or ISO 8601 with seconds and a
  numeric offset for a datetime (``2020-12-03T16:53:00+01:00``; ``Z`` is read
  as ``+00:00``); the offset is kept, and must lie between -14:00 and +14:00
  in whole minutes (as XSD requires);
* ``locations`` and ``notices`` are not written: they describe one reading
  of one source and take no part in equality.

>>> from datetime import date
>>> from pressrelease.model import PressRelease
>>> unstructure(PressRelease(title="T", published=date(2020, 12, 3)))
{'pressrelease': '1.0', 'title': 'T', 'published': '2020-12-03'}
>>> structure({"title": "T", "published": "2020-12-03T16:53:00+01:00"}).published.isoformat()
'2020-12-03T16:53:00+01:00'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, Final, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from pressrelease.errors import (
    LimitExceededError,
    ParseError,
    PressReleaseError,
    SerializationError,
)
from pressrelease.limits import Limits
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
    "FORMAT_VERSION",
    "RECORD_TYPES",
    "VERSION_KEY",
    "check_limits",
    "format_published",
    "parse_published",
    "structure",
    "unstructure",
]

T = TypeVar("T")

#: The version of the JSON and XML forms this module reads and writes.
FORMAT_VERSION: Final = "1.0"
#: The key (JSON) holding the format version; XML carries it as the ``version`` attribute.
VERSION_KEY: Final = "pressrelease"
#: Major versions this module reads.
_READABLE_MAJOR: Final = "1"
_VERSION_FORM: Final = re.compile(r"([0-9]+)\.([0-9]+)")

#: The record types, in the order a reader of the schemas meets them.
RECORD_TYPES: Final[tuple[type, ...]] = (
    PressRelease,
    Signatory,
    Paragraph,
    Link,
    Translation,
    Contact,
)

_DATE: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DATETIME: Final = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,6}))?"
    r"(?:(Z)|([+-])([0-9]{2}):([0-9]{2}))"
)
_ZONES: dict[int, timezone] = {0: UTC}
#: The largest offset ISO 8601 profiles allow (XSD, and real zones: Kiribati is +14:00).
MAX_OFFSET_MINUTES: Final = 14 * 60


class _Invalid(ValueError):
    """One value that does not fit its field (the path is added by the caller)."""


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return f"the string {shown!r}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# ---------------------------------------------------------------------------
# published


def _zone(minutes: int) -> timezone:
    zone = _ZONES.get(minutes)
    if zone is None:
        zone = _ZONES[minutes] = timezone(timedelta(minutes=minutes))
    return zone


def parse_published(text: str) -> date | datetime:
    """Read ``published``: ``YYYY-MM-DD``, or ISO 8601 date-time with seconds and an offset.

    Only ASCII digits, a ``T`` separator, and ``Z`` or ``±HH:MM`` are accepted;
    forms :meth:`datetime.fromisoformat` also takes (``20200203``, week dates,
    no offset) are refused.

    >>> parse_published("2020-12-03")
    datetime.date(2020, 12, 3)
    >>> parse_published("2020-12-03T16:53:00+05:45").isoformat()
    '2020-12-03T16:53:00+05:45'
    >>> parse_published("2020-12-03T16:53:00")
    Traceback (most recent call last):
    ...
    pressrelease.serialize._convert._Invalid: must be YYYY-MM-DD or an ISO 8601 date-time with seconds and an offset such as 2020-12-03T16:53:00+01:00 (got the string '2020-12-03T16:53:00'); a time without an offset is ambiguous: give the offset, or the date alone
    """
    match = _DATE.fullmatch(text)
    if match is not None:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError as exc:
            raise _Invalid(f"is not a real calendar date (got {text!r})") from exc
    match = _DATETIME.fullmatch(text)
    if match is None:
        hint = ""
        if "T" in text and _DATE.match(text) and not re.search(r"(Z|[+-][0-9]{2}:[0-9]{2})$", text):
            hint = "; a time without an offset is ambiguous: give the offset, or the date alone"
        raise _Invalid(
            "must be YYYY-MM-DD or an ISO 8601 date-time with seconds and an offset "
            f"such as 2020-12-03T16:53:00+01:00 (got {_describe(text)}){hint}"
        )
    fraction = match[7]
    if match[8]:
        minutes = 0
    else:
        hours, mins = int(match[10]), int(match[11])
        if mins > 59 or hours * 60 + mins > MAX_OFFSET_MINUTES:
            raise _Invalid(
                f"has the offset {match[9]}{match[10]}:{match[11]}; offsets go from "
                f"-14:00 to +14:00 (got {text!r})"
            )
        minutes = (hours * 60 + mins) * (-1 if match[9] == "-" else 1)
    try:
        return datetime(
            int(match[1]),
            int(match[2]),
            int(match[3]),
            int(match[4]),
            int(match[5]),
            int(match[6]),
            int(fraction.ljust(6, "0")) if fraction else 0,
            tzinfo=_zone(minutes),
        )
    except ValueError as exc:
        raise _Invalid(f"is not a real date and time (got {text!r}): {exc}") from exc


def format_published(value: date | datetime) -> str:
    """Write ``published``: ``YYYY-MM-DD`` or ISO 8601 with its offset.

    Raises :class:`SerializationError` for an offset with seconds, which
    ISO 8601 profiles (RFC 3339, XSD) cannot write.

    >>> from datetime import datetime, timedelta, timezone
    >>> format_published(datetime(2020, 12, 3, 16, 53, tzinfo=timezone(timedelta(hours=-3, minutes=-30))))
    '2020-12-03T16:53:00-03:30'
    """
    if isinstance(value, datetime):
        offset = value.utcoffset()
        if offset is None:
            raise SerializationError(
                f"'published' has no offset ({value.isoformat()}); it cannot be written",
                path="$.published",
            )
        if abs(offset) > timedelta(minutes=MAX_OFFSET_MINUTES):
            raise SerializationError(
                f"'published' has the offset {value.isoformat()[19:]}; offsets go from "
                "-14:00 to +14:00: convert it to another zone first",
                path="$.published",
            )
        if offset % timedelta(minutes=1):
            raise SerializationError(
                f"'published' has an offset with seconds ({offset}); ISO 8601 date-times "
                "in JSON and XML take whole minutes: convert it to another zone first",
                path="$.published",
            )
        return value.isoformat()
    return value.isoformat()


# ---------------------------------------------------------------------------
# Strict leaf hooks


def _structure_str(value: object, _: object) -> str:
    if type(value) is str:
        return value
    raise _Invalid(f"must be a string (got {_describe(value)})")


def _structure_optional_str(value: object, _: object) -> str:
    if type(value) is str:
        return value
    if value is None:
        raise _Invalid("must be a string (got null); leave the key out when there is no value")
    raise _Invalid(f"must be a string (got {_describe(value)})")


def _structure_optional_int(value: object, _: object) -> int:
    if type(value) is int:
        return value
    if value is None:
        raise _Invalid(
            "must be a whole number (got null); leave the key out when there is no value"
        )
    raise _Invalid(f"must be a whole number (got {_describe(value)})")


def _structure_published(value: object, _: object) -> date | datetime:
    if type(value) is not str:
        suffix = "; leave the key out when there is no value" if value is None else ""
        raise _Invalid(f"must be a string holding a date (got {_describe(value)}){suffix}")
    return parse_published(value)


_KINDS: Final = {kind.value: kind for kind in ParagraphKind}


def _structure_kind(value: object, _: object) -> ParagraphKind:
    if type(value) is str:
        kind = _KINDS.get(value)
        if kind is not None:
            return kind
    raise _Invalid(f"must be one of {', '.join(map(repr, _KINDS))} (got {_describe(value)})")


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(
    converter: cattrs.Converter, item_type: Any
) -> Callable[[object, object], tuple[Any, ...]]:
    item_hook = converter.get_structure_hook(item_type)

    def structure_tuple(value: object, _: object) -> tuple[Any, ...]:
        if type(value) is not list and type(value) is not tuple:
            raise _Invalid(f"must be an array (got {_describe(value)})")
        items = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as exc:  # every problem is gathered, then reported
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    IterableValidationNote(f"item {index}", index, item_type),
                ]
                errors.append(exc)
        if errors:
            raise IterableValidationError("invalid items", errors, tuple)
        return tuple(items)

    return structure_tuple


def _record_hook(converter: cattrs.Converter, cls: type[T]) -> Callable[[object, object], T]:
    fields: Any = attrs.fields(cls)  # type: ignore[arg-type]
    omitted: dict[str, Any] = {
        field.name: override(omit=True) for field in fields if field.name in _NOT_WRITTEN
    }
    generated = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True, **omitted
    )
    name = _RECORD_NAMES[cls]

    def structure_record(value: object, _: object) -> T:
        if type(value) is not dict:
            raise _Invalid(f"must be an object ({name}) (got {_describe(value)})")
        return generated(value, cls)

    return structure_record


#: Fields that describe one reading of a source, not the release (outside equality):
#: never written or read.
_NOT_WRITTEN: Final = frozenset({"locations", "notices", "location"})
_RECORD_NAMES: Final[dict[type, str]] = {
    PressRelease: "a press release",
    Signatory: "a signatory",
    Paragraph: "a paragraph",
    Link: "a link",
    Translation: "a translation",
    Contact: "a contact",
}


def _record_unstructure_hook(
    converter: cattrs.Converter, cls: type[T]
) -> Callable[[T], dict[str, Any]]:
    fields: Any = attrs.fields(cls)  # type: ignore[arg-type]
    omitted: dict[str, Any] = {
        field.name: override(omit=True) for field in fields if field.name in _NOT_WRITTEN
    }
    return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True, **omitted)


def _unstructure_published(value: date | datetime) -> str:
    return format_published(value)


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(
        forbid_extra_keys=True,
        detailed_validation=True,
        omit_if_default=True,
        unstruct_collection_overrides={tuple: list},
    )
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(str | None, _structure_optional_str)
    converter.register_structure_hook(int | None, _structure_optional_int)
    converter.register_structure_hook(datetime | date | None, _structure_published)
    converter.register_structure_hook(ParagraphKind, _structure_kind)
    converter.register_unstructure_hook(date, _unstructure_published)
    converter.register_unstructure_hook(datetime, _unstructure_published)
    # Factories, so that each hook is built on first use, once every other hook is known.
    converter.register_structure_hook_factory(
        _is_homogeneous_tuple, lambda type_: _tuple_hook(converter, get_args(type_)[0])
    )
    converter.register_structure_hook_factory(
        lambda type_: type_ in _RECORD_NAMES, lambda cls: _record_hook(converter, cls)
    )
    converter.register_unstructure_hook_factory(
        lambda type_: type_ in _RECORD_NAMES, lambda cls: _record_unstructure_hook(converter, cls)
    )
    return converter


_CONVERTER: Final = _make_converter()
#: cattrs' own unstructuring: :func:`unstructure` does the same by hand, faster; the tests
#: hold the two to the same output.
_UNSTRUCTURE_RECORD: Final = _CONVERTER.get_unstructure_hook(PressRelease)
_STRUCTURE_RECORD: Final = _CONVERTER.get_structure_hook(PressRelease)


# ---------------------------------------------------------------------------
# Errors: cattrs' exception groups flattened to one located problem each


def _field_names(cls: type) -> list[str]:
    return [f.name for f in attrs.fields(cls) if f.name not in _NOT_WRITTEN]


def _problems(exc: BaseException, path: str) -> Iterator[tuple[str, str]]:
    """(JSON path, message) for every leaf problem in a cattrs exception tree."""
    if isinstance(exc, ClassValidationError):
        for sub in exc.exceptions:
            note = next(
                (n for n in getattr(sub, "__notes__", ()) if type(n) is AttributeValidationNote),
                None,
            )
            if note is not None and isinstance(sub, KeyError):
                yield f"{path}.{note.name}", f"'{note.name}' is required"
            else:
                yield from _problems(sub, f"{path}.{note.name}" if note is not None else path)
    elif isinstance(exc, IterableValidationError):
        for sub in exc.exceptions:
            index = next(
                (
                    n.index
                    for n in getattr(sub, "__notes__", ())
                    if type(n) is IterableValidationNote
                ),
                None,
            )
            yield from _problems(sub, f"{path}[{index}]" if index is not None else path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        known = ", ".join(_field_names(exc.cl))
        for key in sorted(exc.extra_fields):
            yield (
                f"{path}.{key}",
                f"unknown key {key!r} in {_RECORD_NAMES.get(exc.cl, exc.cl.__name__)}; "
                f"the keys are: {known}",
            )
    elif isinstance(exc, _Invalid):
        name = path.rsplit(".", 1)[-1]
        yield path, f"'{name}' {exc}" if not name.startswith("$") else str(exc)
    elif isinstance(exc, PressReleaseError):
        yield path, exc.message
    else:
        yield path, str(exc) or type(exc).__name__


def _gathered(exc: BaseException, *, path: str, source: str | None) -> ParseError:
    problems = [
        ParseError(message, source=source, path=where) for where, message in _problems(exc, path)
    ]
    return ParseError.gather(problems, source=source)


# ---------------------------------------------------------------------------
# Public entry points of this module


def check_version(data: Mapping[str, Any], *, path: str = "$", source: str | None = None) -> None:
    """Refuse a record whose ``"pressrelease"`` version this module cannot read.

    A missing version key is read as the current version (hand-written records
    may leave it out); another major version is an error.
    """
    version = data.get(VERSION_KEY)
    if version is None and VERSION_KEY not in data:
        return
    if type(version) is not str or not _VERSION_FORM.fullmatch(version):
        raise ParseError(
            f"'{VERSION_KEY}' must be a format version string such as {FORMAT_VERSION!r} "
            f"(got {_describe(version)})",
            source=source,
            path=f"{path}.{VERSION_KEY}",
        )
    if version.split(".")[0] != _READABLE_MAJOR:
        raise ParseError(
            f"the record is in format version {version}, and this pressrelease reads "
            f"{_READABLE_MAJOR}.x: upgrade pressrelease",
            source=source,
            path=f"{path}.{VERSION_KEY}",
        )


def structure(
    data: Mapping[str, Any], *, path: str = "$", source: str | None = None
) -> PressRelease:
    """Build a :class:`PressRelease` from plain data; every problem reported at once.

    Raises:
        ParseError: gathering one problem per bad value, each with its JSON path.
    """
    if type(data) is not dict:
        if isinstance(data, Mapping):
            data = dict(data)
        else:
            raise ParseError(
                f"a press release must be an object (got {_describe(data)})",
                source=source,
                path=path,
            )
    check_version(data, path=path, source=source)
    if VERSION_KEY in data:
        data = {key: value for key, value in data.items() if key != VERSION_KEY}
    try:
        record: PressRelease = _STRUCTURE_RECORD(data, PressRelease)
    except (cattrs.BaseValidationError, ForbiddenExtraKeysError, ValueError, TypeError) as exc:
        raise _gathered(exc, path=path, source=source) from exc
    return record


def unstructure(record: PressRelease) -> dict[str, Any]:
    """The plain form of a record, version key first (see the module docstring).

    Written out by hand: the same dictionaries as cattrs' generated hooks
    (``tests/serialize/test_convert.py`` checks them against each other on any
    record), about three times faster, which counts when a feed is turned into
    JSON Lines.
    """
    if not isinstance(record, PressRelease):
        raise SerializationError(f"expected a PressRelease to write (got {type(record).__name__})")
    data: dict[str, Any] = {VERSION_KEY: FORMAT_VERSION, "title": record.title}
    if record.unique_id is not None:
        data["unique_id"] = record.unique_id
    if record.subtitle is not None:
        data["subtitle"] = record.subtitle
    if record.published is not None:
        data["published"] = _format_published_cached(record.published)
    if record.place is not None:
        data["place"] = record.place
    if record.category is not None:
        data["category"] = record.category
    if record.language is not None:
        data["language"] = record.language
    if record.issuer is not None:
        data["issuer"] = record.issuer
    if record.signatories:
        data["signatories"] = [_party(party) for party in record.signatories]
    if record.participants:
        data["participants"] = [_party(party) for party in record.participants]
    if record.body:
        data["body"] = [_paragraph(paragraph) for paragraph in record.body]
    if record.translations:
        data["translations"] = [_translation(item) for item in record.translations]
    if record.related:
        data["related"] = [_link(link) for link in record.related]
    if record.contacts:
        data["contacts"] = [_contact(contact) for contact in record.contacts]
    if record.notes:
        data["notes"] = list(record.notes)
    if record.source_url is not None:
        data["source_url"] = record.source_url
    return data


def _party(party: Signatory) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if party.name is not None:
        data["name"] = party.name
    if party.honorific is not None:
        data["honorific"] = party.honorific
    if party.role is not None:
        data["role"] = party.role
    if party.organisation is not None:
        data["organisation"] = party.organisation
    return data


def _paragraph(paragraph: Paragraph) -> dict[str, Any]:
    data: dict[str, Any] = {"text": paragraph.text}
    if paragraph.kind is not ParagraphKind.PARAGRAPH:
        data["kind"] = paragraph.kind.value
    if paragraph.links:
        data["links"] = [_link(link) for link in paragraph.links]
    return data


def _link(link: Link) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if link.text != "":
        data["text"] = link.text
    if link.href is not None:
        data["href"] = link.href
    if link.start is not None:
        data["start"] = link.start
    return data


def _translation(translation: Translation) -> dict[str, Any]:
    data: dict[str, Any] = {"language": translation.language}
    if translation.url is not None:
        data["url"] = translation.url
    if translation.title is not None:
        data["title"] = translation.title
    return data


def _contact(contact: Contact) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if contact.name is not None:
        data["name"] = contact.name
    if contact.role is not None:
        data["role"] = contact.role
    if contact.organisation is not None:
        data["organisation"] = contact.organisation
    if contact.email is not None:
        data["email"] = contact.email
    if contact.phone is not None:
        data["phone"] = contact.phone
    return data


#: Fixed offsets :func:`format_published` found writable (a feed repeats a few of them).
_WRITABLE_ZONES: set[timezone] = set()


def _format_published_cached(value: date | datetime) -> str:
    """:func:`format_published`, checking each fixed offset once rather than every time."""
    if type(value) is datetime:
        zone = value.tzinfo
        if type(zone) is timezone and zone in _WRITABLE_ZONES:
            return value.isoformat()
        text = format_published(value)  # raises for an offset it cannot write
        if type(zone) is timezone and len(_WRITABLE_ZONES) < 4096:
            _WRITABLE_ZONES.add(zone)
        return text
    return format_published(value)


def check_limits(
    data: Any, *, limits: Limits, size: int, path: str = "$", source: str | None = None
) -> None:
    """Refuse an ID longer than ``max_id_length`` or a text longer than ``max_field_chars``.

    ``size`` is the document's size in bytes: when it is within
    ``max_field_chars`` no text can exceed it, and the walk is skipped.
    """
    if isinstance(data, dict):
        unique_id = data.get("unique_id")
        if isinstance(unique_id, str) and len(unique_id) > limits.max_id_length:
            raise LimitExceededError(
                f"'unique_id' is {len(unique_id)} characters, more than "
                f"max_id_length={limits.max_id_length}",
                source=source,
                path=f"{path}.unique_id",
            )
    if size <= limits.max_field_chars:
        return
    stack: list[tuple[str, Any]] = [(path, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            if len(value) > limits.max_field_chars:
                raise LimitExceededError(
                    f"a text of {len(value)} characters, more than "
                    f"max_field_chars={limits.max_field_chars}",
                    source=source,
                    path=where,
                )
        elif isinstance(value, dict):
            stack.extend((f"{where}.{key}", item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((f"{where}[{index}]", item) for index, item in enumerate(value))


def structure_many(items: Sequence[Any], *, source: str | None = None) -> list[PressRelease]:
    """Build every record of an array; problems of all records are gathered."""
    records: list[PressRelease] = []
    problems: list[PressReleaseError] = []
    for index, item in enumerate(items):
        try:
            records.append(structure(item, path=f"$[{index}]", source=source))
        except ParseError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ParseError.gather(problems, source=source)
    return records
