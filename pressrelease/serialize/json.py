"""pressrelease JSON: one record, an array of records, or JSON Lines; lossless both ways.

>>> from datetime import date
>>> from pressrelease.model import PressRelease
>>> record = PressRelease(title="EU-UN dialogue", published=date(2020, 12, 3))
>>> print(to_json(record))
{
  "pressrelease": "1.0",
  "title": "EU-UN dialogue",
  "published": "2020-12-03"
}
>>> from_json(to_json(record)) == record
True

The shape is the one :mod:`pressrelease.serialize._convert` describes and
``schemas/pressrelease.schema.json`` publishes: fields in the order of the
record, fields holding their default left out, ``"pressrelease": "1.0"``
first. Reading is strict: duplicate keys, ``NaN``, wrong types, unknown keys
and absurd nesting are errors, and every problem of a document is reported
at once, each with its JSON path.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any, Final

from pressrelease._json import dumps, dumps_line, loads, loads_line
from pressrelease.errors import LimitExceededError, ParseError, SerializationError
from pressrelease.limits import DEFAULT_LIMITS, Limits
from pressrelease.model import PressRelease
from pressrelease.serialize._convert import check_limits, structure, structure_many, unstructure
from pressrelease.writers import WriteReport

__all__ = [
    "from_dict",
    "from_json",
    "from_json_array",
    "iter_jsonl",
    "read_json",
    "read_jsonl",
    "to_dict",
    "to_json",
    "to_json_array",
    "to_jsonl",
    "write_json",
    "write_jsonl",
]

_INDENT: Final = 2


def to_dict(record: PressRelease) -> dict[str, Any]:
    """The record as plain JSON-ready data: version key first, defaults left out.

    >>> from pressrelease.model import PressRelease, Signatory
    >>> to_dict(PressRelease(title="T", signatories=(Signatory(name="A", role="chair"),)))
    {'pressrelease': '1.0', 'title': 'T', 'signatories': [{'name': 'A', 'role': 'chair'}]}
    """
    return unstructure(record)


def from_dict(data: Any, *, source: str | None = None) -> PressRelease:
    """Build a record from plain data (as :func:`json.loads` gives), strictly.

    Raises:
        ParseError: one problem per bad value, each with its JSON path
            (``$.signatories[1].name``), gathered in one error.

    >>> from_dict({"title": "T", "place": None})
    Traceback (most recent call last):
    ...
    pressrelease.errors.ParseError: $.place: 'place' must be a string (got null); leave the key out when there is no value
    """
    return structure(data, source=source)


def to_json(record: PressRelease, *, indent: int | None = _INDENT) -> str:
    """The record as JSON text (no final newline); the same record always gives the same text.

    Args:
        record: the record to write.
        indent: spaces per level, or ``None`` for one compact line.

    Raises:
        SerializationError: a string holds a lone surrogate, or ``published``
            has an offset with seconds.
    """
    return dumps(unstructure(record), indent=indent)


def from_json(
    data: str | bytes, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> PressRelease:
    """Read one record from JSON text or UTF-8 bytes.

    Raises:
        ParseError: not strict JSON (located by line and column), not one
            object, or values that do not fit the record (located by JSON path).
        DecodeError: bytes that are not UTF-8.
        LimitExceededError: larger or deeper than ``limits`` allow.
    """
    value = loads(data, source=source, limits=limits)
    if isinstance(value, list):
        raise ParseError(
            "expected one press release (a JSON object), got an array; "
            "read arrays with from_json_array",
            source=source,
            line=1,
            column=1,
        )
    check_limits(value, limits=limits, size=len(data), source=source)
    return structure(value, source=source)


def to_json_array(records: Iterable[PressRelease], *, indent: int | None = _INDENT) -> str:
    """Several records as one JSON array (each record as :func:`to_json` writes it)."""
    return dumps([unstructure(record) for record in records], indent=indent)


def from_json_array(
    data: str | bytes, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> list[PressRelease]:
    """Read a JSON array of records; problems in all of them are reported together.

    Raises:
        ParseError: as :func:`from_json`; paths start with the index (``$[3].title``).
        LimitExceededError: more than ``limits.max_items`` records.

    >>> from_json_array('[{"title": "A"}, {"title": 1}, {}]')
    Traceback (most recent call last):
    ...
    pressrelease.errors.ParseError: $[1].title: 'title' must be a string (got the number 1)
    $[2].title: 'title' is required
    """
    value = loads(data, source=source, limits=limits)
    if not isinstance(value, list):
        raise ParseError(
            "expected an array of press releases, got one object; read it with from_json",
            source=source,
            line=1,
            column=1,
        )
    _check_items(len(value), limits, source)
    for index, item in enumerate(value):
        check_limits(item, limits=limits, size=len(data), path=f"$[{index}]", source=source)
    return structure_many(value, source=source)


def _check_items(count: int, limits: Limits, source: str | None) -> None:
    if count > limits.max_items:
        raise LimitExceededError(
            f"{count} records in one array, more than max_items={limits.max_items}; "
            "use JSON Lines for long collections (read one record at a time)",
            source=source,
        )


def to_jsonl(records: Iterable[PressRelease]) -> str:
    """Records as JSON Lines: one compact record per line, each line ending in ``\\n``."""
    return "".join(dumps(unstructure(record), indent=None) + "\n" for record in records)


def iter_jsonl(
    stream: IO[bytes] | Iterable[bytes],
    *,
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[PressRelease]:
    """Read JSON Lines lazily, one record per non-blank line.

    A line longer than ``limits.max_document_bytes`` is refused before it is
    held whole (for a binary stream). A bad line raises with its line number.

    Raises:
        ParseError: the first bad line, with its number as ``line``.
        LimitExceededError: a line too long.

    >>> import io
    >>> lines = io.BytesIO(b'{"title": "A"}\\n\\n{"title": "B", "x": 1}\\n')
    >>> [r.title for r in iter_jsonl(lines)]
    Traceback (most recent call last):
    ...
    pressrelease.errors.ParseError: <input>:3: $.x: unknown key 'x' in a press release; the keys are: title, unique_id, subtitle, published, place, category, language, issuer, signatories, participants, body, translations, related, contacts, notes, source_url
    """
    for number, line in _lines(stream, limits, source):
        if not line.strip():
            continue
        value = loads_line(line, number=number, source=source, limits=limits)
        if isinstance(value, list):
            raise ParseError(
                "expected one press release (a JSON object) on this line, got an array",
                source=source,
                line=number,
                column=1,
            )
        check_limits(value, limits=limits, size=len(line), source=source)
        try:
            yield structure(value, source=source)
        except ParseError as exc:
            for problem in exc.problems:
                problem.line = number
            exc.line = number
            raise


def _lines(
    stream: IO[bytes] | Iterable[bytes], limits: Limits, source: str | None
) -> Iterator[tuple[int, bytes]]:
    cap = limits.max_document_bytes
    readline = getattr(stream, "readline", None)
    if readline is None:
        for number, line in enumerate(stream, start=1):
            if len(line) > cap + 2:
                raise LimitExceededError(
                    f"line {number} is {len(line)} bytes, more than max_document_bytes={cap}",
                    source=source,
                    line=number,
                )
            yield number, line
        return
    number = 0
    while True:
        line = readline(cap + 3)
        if not line:
            return
        number += 1
        if len(line) > cap + 2 and not line.endswith(b"\n"):
            raise LimitExceededError(
                f"line {number} is longer than max_document_bytes={cap}",
                source=source,
                line=number,
            )
        yield number, line


# ---------------------------------------------------------------------------
# Registry functions (see pressrelease.formats)


def _read_all(data: bytes | IO[bytes], limits: Limits, source: str | None) -> bytes:
    if isinstance(data, bytes | bytearray | memoryview):
        return bytes(data)
    content = data.read(limits.max_document_bytes + 1)
    limits.check_size(len(content), source=source)
    return content


def read_json(
    data: bytes | IO[bytes], *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[PressRelease]:
    """Registry reader: one record (an object) or several (an array) of pressrelease JSON."""
    content = _read_all(data, limits, source)
    value = loads(content, source=source, limits=limits)
    if isinstance(value, dict):
        check_limits(value, limits=limits, size=len(content), source=source)
        return iter((structure(value, source=source),))
    _check_items(len(value), limits, source)
    for index, item in enumerate(value):
        check_limits(item, limits=limits, size=len(content), path=f"$[{index}]", source=source)
    return iter(structure_many(value, source=source))


def write_json(records: Iterable[PressRelease], out: IO[bytes]) -> WriteReport:
    """Registry writer: one record as an object, any other number as an array; UTF-8."""
    items = [unstructure(record) for record in records]
    value: Any = items[0] if len(items) == 1 else items
    out.write(dumps(value, indent=_INDENT).encode("utf-8") + b"\n")
    return WriteReport(format="json", records=len(items))


def read_jsonl(
    data: bytes | IO[bytes], *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[PressRelease]:
    """Registry reader: JSON Lines, read lazily from a stream."""
    if isinstance(data, bytes | bytearray | memoryview):
        return iter_jsonl(bytes(data).splitlines(keepends=True), source=source, limits=limits)
    return iter_jsonl(data, source=source, limits=limits)


def write_jsonl(records: Iterable[PressRelease], out: IO[bytes]) -> WriteReport:
    """Registry writer: JSON Lines, one record at a time (never holding them all)."""
    count = 0
    for record in records:
        try:
            line = dumps_line(unstructure(record))
        except SerializationError as exc:
            exc.message = f"record {count + 1}: {exc.message}"
            raise
        out.write(line)
        count += 1
    return WriteReport(format="jsonl", records=count)
