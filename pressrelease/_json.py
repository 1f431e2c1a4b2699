"""A strict JSON loader and writer: the one way pressrelease reads and writes JSON.

The standard library's :func:`json.loads` is lenient in ways that hurt a
validator (``HAZARDS.md``): duplicate keys (last wins), ``NaN`` and
``Infinity``, ``1e400`` read as infinity, lone surrogates, a 5000-digit
number failing with no position, 100 000 nested arrays raising
:class:`RecursionError`. :func:`loads` refuses all of them with a located
:class:`~pressrelease.errors.ParseError`:

>>> loads(b'{"a": 1, "a": 2}', source="r.json")
Traceback (most recent call last):
...
pressrelease.errors.ParseError: r.json:1:10: duplicate key 'a' in an object; a key may appear once
>>> loads(b'[1, NaN]')
Traceback (most recent call last):
...
pressrelease.errors.ParseError: <input>:1:5: NaN is not JSON; write null or leave the value out
>>> loads(b'{"a": [1]}')
{'a': [1]}

:func:`dumps` writes UTF-8 text (``ensure_ascii=False``) and refuses lone
surrogates, which no UTF-8 output can hold.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, Final

from pressrelease.errors import (
    DecodeError,
    LimitExceededError,
    ParseError,
    SerializationError,
)
from pressrelease.limits import DEFAULT_LIMITS, Limits

__all__ = ["dumps", "dumps_line", "loads", "loads_line"]

#: Digits allowed in a JSON integer (Python refuses more than 4300 without a position).
MAX_INT_DIGITS: Final = 100

_STRING_OR_BRACKET: Final = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
# A number as the json module's scanner reads it (RFC 8259 grammar, ASCII digits), so
# that a refused token is found where the scanner stopped ("12-02" is "12", then "-02").
_STRING_OR_TOKEN: Final = re.compile(
    r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)',
    re.DOTALL,
)
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F]")
_UTF8_BOM: Final = b"\xef\xbb\xbf"


class _BadToken(ValueError):
    """A number or constant the decoder hooks refuse; located afterwards."""

    def __init__(self, token: str, message: str) -> None:
        super().__init__(message)
        self.token = token
        self.message = message


def _reject_constant(token: str) -> Any:
    raise _BadToken(token, f"{token} is not JSON; write null or leave the value out")


def _finite_float(token: str) -> float:
    value = float(token)
    if math.isinf(value):
        raise _BadToken(
            token, f"the number {token} is too large for a float (it would be infinite)"
        )
    return value


def _bounded_int(token: str) -> int:
    if len(token) > MAX_INT_DIGITS:
        raise _BadToken(
            token,
            f"a number with {len(token.lstrip('-'))} digits; at most {MAX_INT_DIGITS} are read",
        )
    return int(token)


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_object,
    parse_constant=_reject_constant,
    parse_float=_finite_float,
    parse_int=_bounded_int,
    strict=True,
)


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _decode(data: bytes | str, source: str | None) -> str:
    """Bytes to text: UTF-8 (a UTF-8 BOM is skipped), nothing else."""
    if isinstance(data, str):
        return data[1:] if data.startswith("\ufeff") else data
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and b"\x00" in data[:2]):
        raise DecodeError(
            "the JSON is UTF-16 or UTF-32; JSON must be UTF-8 (RFC 8259): re-encode it",
            source=source,
            line=1,
            column=1,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(
            data[data.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8", "replace")
        )
        raise DecodeError(
            f"invalid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "JSON must be UTF-8",
            source=source,
            line=line,
            column=column + 1,
        ) from exc


def _check_depth(text: str, maximum: int, source: str | None) -> None:
    """Refuse arrays and objects nested deeper than ``maximum``, without recursion."""
    if text.count("[") + text.count("{") <= maximum:
        return
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > maximum:
                line, column = _line_column(text, match.start())
                raise LimitExceededError(
                    f"arrays and objects nest deeper than max_json_depth={maximum}",
                    source=source,
                    line=line,
                    column=column,
                )
        elif token in "]}":
            depth -= 1


def _locate_token(text: str, token: str) -> tuple[int | None, int | None]:
    for match in _STRING_OR_TOKEN.finditer(text):
        if match.group(1) == token:
            return _line_column(text, match.start(1))
    return None, None


def _surrogate_path(value: Any) -> str | None:
    """The JSON path of the first string (or key) holding a lone surrogate, if any."""
    stack: list[tuple[str, Any]] = [("$", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return path
        elif isinstance(item, dict):
            for key, sub in reversed(item.items()):
                if _SURROGATE.search(key):
                    return f"{path} (a key)"
                stack.append((f"{path}.{key}", sub))
        elif isinstance(item, list):
            stack.extend((f"{path}[{i}]", sub) for i, sub in reversed(list(enumerate(item))))
    return None


def loads(
    data: bytes | str, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> dict[str, Any] | list[Any]:
    """Parse one JSON document (an object or an array) strictly.

    Raises:
        DecodeError: not UTF-8.
        LimitExceededError: larger than ``max_document_bytes`` or nested
            deeper than ``max_json_depth``.
        ParseError: anything else that is not strict JSON: syntax,
            duplicate keys, NaN/Infinity, infinite or huge numbers, lone
            surrogates, trailing data, a top-level scalar.
    """
    return _load(data, source=source, limits=limits, line_number=None)


def _load(
    data: bytes | str, *, source: str | None, limits: Limits, line_number: int | None
) -> dict[str, Any] | list[Any]:
    offset = 0 if line_number is None else line_number - 1
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    limits.check_size(size, source=source)
    text = _decode(data, source)
    _check_depth(text, limits.max_json_depth, source)

    def located(message: str, line: int | None, column: int | None) -> ParseError:
        return ParseError(
            message,
            source=source,
            line=None if line is None else line + offset,
            column=column,
        )

    try:
        value = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        message = exc.msg
        if message == "Extra data":
            message = "extra data after the JSON value; a document holds one value"
        elif message.startswith("Expecting value") and not text.strip():
            message = "the input is empty; expected a JSON object or array"
        elif message.startswith("Invalid control character"):
            message = (
                "a raw control character inside a string; write it escaped (\\n, \\t, \\u0001)"
            )
        raise located(message, exc.lineno, exc.colno) from exc
    except _BadToken as exc:
        raise located(exc.message, *_locate_token(text, exc.token)) from exc
    except _DuplicateKey as exc:
        line, column = _locate_duplicate(text, exc.key)
        raise located(
            f"duplicate key {exc.key!r} in an object; a key may appear once", line, column
        ) from exc
    except RecursionError as exc:  # only when max_json_depth is set above Python's limit
        raise LimitExceededError(
            "arrays and objects nest too deeply for Python's parser", source=source
        ) from exc
    if not isinstance(value, dict | list):
        raise located(
            f"expected a JSON object or array at the top level (got {type(value).__name__})", 1, 1
        )
    if _SURROGATE_ESCAPE.search(text):
        path = _surrogate_path(value)
        if path is not None:
            raise ParseError(
                "a \\u escape gives a lone surrogate (half of a UTF-16 pair), which is not a "
                "character; fix the escape or write the character itself",
                source=source,
                line=line_number,
                path=path,
            )
    return value


def _locate_duplicate(text: str, key: str) -> tuple[int | None, int | None]:
    """Where a duplicated key is seen for the second time in the same object (best effort)."""
    stack: list[set[str]] = []
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"(?=\s*:)|[\[\]{}]', text, re.DOTALL):
        token = match.group()
        if token in "[{":
            stack.append(set())
        elif token in "]}":
            if stack:
                stack.pop()
        elif stack:
            name = json.loads(token)
            if name in stack[-1] and name == key:
                return _line_column(text, match.start())
            stack[-1].add(name)
    return None, None


def loads_line(
    line: bytes | str, *, number: int, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> dict[str, Any] | list[Any]:
    """Parse one line of JSON Lines; errors carry the line's number (1-based)."""
    return _load(line, source=source, limits=limits, line_number=number)


_LONE_SURROGATE: Final = (
    "a string holds a lone surrogate (half of a UTF-16 pair), which UTF-8 cannot "
    "carry; fix the text before writing it"
)
_COMPACT: Final = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))
# The json module's C string encoder; with ``indent`` set, json.dumps runs its pure-Python
# encoder for everything, which costs twice as much on a record's plain data.
_STRING: Final = json.encoder.encode_basestring


class _NotPlain(Exception):
    """Data :func:`_indented` leaves to the json module (a non-string key, another type)."""


def _indented(value: Any, step: str, newline: str, out: list[str]) -> None:
    """Append ``value`` as JSON indented by ``step`` per level, exactly as json.dumps would."""
    if isinstance(value, str):
        out.append(_STRING(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + step
        out.append("{")
        separator = inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise _NotPlain
            out.append(separator)
            out.append(_STRING(key))
            out.append(": ")
            _indented(item, step, inner, out)
            separator = "," + inner
        out.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = newline + step
        out.append("[")
        separator = inner
        for item in value:
            out.append(separator)
            _indented(item, step, inner, out)
            separator = "," + inner
        out.append(newline + "]")
    elif value is None or isinstance(value, bool | int | float):
        out.append(_COMPACT.encode(value))
    else:
        raise _NotPlain


def dumps(value: Any, *, indent: int | None = 2) -> str:
    """Serialise plain data as deterministic JSON text (keys in the order given).

    Raises:
        SerializationError: a string holds a lone surrogate, which UTF-8 cannot
            carry, or a float is not finite.
    """
    try:
        if indent is None:
            text = _COMPACT.encode(value)
        else:
            parts: list[str] = []
            try:
                _indented(value, " " * indent, "\n", parts)
                text = "".join(parts)
            except _NotPlain:  # keys that are not strings, unusual types: the json module
                text = json.dumps(
                    value,
                    ensure_ascii=False,
                    allow_nan=False,
                    indent=indent,
                    separators=(",", ": "),
                )
    except (ValueError, RecursionError) as exc:
        raise SerializationError(f"cannot write JSON: {exc}") from exc
    if _SURROGATE.search(text):
        raise SerializationError(_LONE_SURROGATE, path=_surrogate_path(value) or "$")
    return text


def dumps_line(value: Any) -> bytes:
    """One line of JSON Lines: ``dumps(value, indent=None)`` and a newline, as UTF-8.

    The encoding to UTF-8 finds a lone surrogate itself, so the text is not
    searched for one beforehand (which matters for a million-line output).

    Raises:
        SerializationError: as :func:`dumps`.

    >>> dumps_line({"title": "Café", "notes": ["a"]})
    b'{"title":"Caf\\xc3\\xa9","notes":["a"]}\\n'
    """
    try:
        text = _COMPACT.encode(value)
    except ValueError as exc:
        raise SerializationError(f"cannot write JSON: {exc}") from exc
    try:
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError:  # only a surrogate cannot be encoded
        raise SerializationError(_LONE_SURROGATE, path=_surrogate_path(value) or "$") from None
