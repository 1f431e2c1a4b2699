"""The strict JSON loader (pressrelease/_json.py): one test per stdlib leniency in HAZARDS.md."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressrelease._json import dumps, dumps_line, loads, loads_line
from pressrelease.errors import DecodeError, LimitExceededError, ParseError, SerializationError
from pressrelease.limits import Limits


@pytest.mark.parametrize(
    ("data", "line", "column", "message"),
    [
        pytest.param(
            b'{"title": "a",\n "title": "b"}',
            2,
            2,
            "duplicate key 'title' in an object; a key may appear once",
            id="duplicate-key",
        ),
        pytest.param(
            b'{"a": {"x": 1}, "b": {"x": 1, "y": {"x": 1, "x": 2}}}',
            1,
            45,
            "duplicate key 'x' in an object; a key may appear once",
            id="duplicate-key-nested",
        ),
        pytest.param(
            b'{"a": NaN}', 1, 7, "NaN is not JSON; write null or leave the value out", id="nan"
        ),
        pytest.param(
            b'{"a": [1,\n  Infinity]}',
            2,
            3,
            "Infinity is not JSON; write null or leave the value out",
            id="infinity",
        ),
        pytest.param(
            b"[-Infinity]",
            1,
            2,
            "-Infinity is not JSON; write null or leave the value out",
            id="-inf",
        ),
        pytest.param(
            b'{"a": 1e400}',
            1,
            7,
            "the number 1e400 is too large for a float (it would be infinite)",
            id="1e400",
        ),
        pytest.param(
            b'{"a": ' + b"7" * 5000 + b"}",
            1,
            7,
            "a number with 5000 digits; at most 100 are read",
            id="5000-digit-int",
        ),
        pytest.param(
            # the scanner stops at the "-" of what looks like a date glued to the number
            b'{"a": "9",\n "b": ' + b"9" * 101 + b"2020-02-30}",
            2,
            7,
            "a number with 105 digits; at most 100 are read",
            id="long-int-glued-to-a-date",
        ),
        pytest.param(
            b'{"a": 1} {"b": 2}',
            1,
            10,
            "extra data after the JSON value; a document holds one value",
            id="trailing-garbage",
        ),
        pytest.param(
            b'"just a string"',
            1,
            1,
            "expected a JSON object or array at the top level (got str)",
            id="top-level-scalar",
        ),
        pytest.param(b"", 1, 1, "the input is empty; expected a JSON object or array", id="empty"),
        pytest.param(
            b'{"a": "x\x01y"}',
            1,
            9,
            "a raw control character inside a string; write it escaped (\\n, \\t, \\u0001)",
            id="raw-control-character",
        ),
        pytest.param(
            b'{"a": 1,}', 1, 9, "Expecting property name enclosed in double quotes", id="comma"
        ),
    ],
)
def test_strictness_rules_are_located(data: bytes, line: int, column: int, message: str) -> None:
    with pytest.raises(ParseError) as info:
        loads(data, source="doc.json")
    error = info.value
    assert type(error) is ParseError
    assert (error.source, error.line, error.column) == ("doc.json", line, column)
    assert error.message == message
    assert str(error) == f"doc.json:{line}:{column}: {message}"


def test_deep_nesting_is_refused_without_recursion() -> None:
    with pytest.raises(LimitExceededError) as info:
        loads(b"[" * 100_000 + b"]" * 100_000, source="deep.json")
    assert (info.value.line, info.value.column) == (1, 65)
    assert "max_json_depth=64" in info.value.message
    # brackets inside strings do not count
    assert loads(b'{"a": "' + b"[" * 1000 + b'"}') == {"a": "[" * 1000}
    assert loads(b"[" * 64 + b"]" * 64) is not None
    with pytest.raises(LimitExceededError):
        loads(b'{"a": [[[1]]]}', limits=Limits(max_json_depth=3))


def test_lone_surrogate_escapes_are_refused() -> None:
    with pytest.raises(ParseError) as info:
        loads(b'{"notes": ["ok", "\\ud800x"]}', source="s.json")
    assert info.value.path == "$.notes[1]"
    assert "lone surrogate" in info.value.message
    # a proper pair is one astral character, and is fine
    assert loads(b'{"a": "\\ud834\\udd1e"}') == {"a": "𝄞"}


def test_raw_encoded_surrogates_are_not_utf8() -> None:
    with pytest.raises(DecodeError) as info:
        loads(b'{"a": "\xed\xa0\x80"}', source="s.json")
    assert (info.value.line, info.value.column) == (1, 8)
    assert "invalid UTF-8" in info.value.message


def test_byte_order_marks() -> None:
    assert loads(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}
    assert loads('\ufeff{"a": 1}') == {"a": 1}
    with pytest.raises(DecodeError, match="JSON must be UTF-8"):
        loads('{"a": 1}'.encode("utf-16"))


def test_size_limit() -> None:
    with pytest.raises(LimitExceededError, match="max_document_bytes=10"):
        loads(b'{"a": "0123456789"}', limits=Limits(max_document_bytes=10), source="big.json")


def test_json_lines_errors_carry_the_line_number() -> None:
    with pytest.raises(ParseError) as info:
        loads_line(b'{"a": NaN}\n', number=12, source="r.jsonl")
    assert (info.value.line, info.value.column) == (12, 7)


def test_dumps_never_writes_lone_surrogates_or_nan() -> None:
    with pytest.raises(SerializationError) as info:
        dumps({"a": [{"b": "x\udc00"}]})
    assert info.value.path == "$.a[0].b"
    with pytest.raises(SerializationError):
        dumps({"a": float("nan")})
    assert dumps({"b": "é𝄞\u2028", "a": 1}, indent=None) == '{"b":"é𝄞\u2028","a":1}'


_JSON_TEXT = st.text(st.sampled_from(["a", "é", "𝄞", "\u2028", '"', "\\", "\n", "\x00", "\udc00"]))
_JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), _JSON_TEXT),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(_JSON_TEXT, inner, max_size=3)
    ),
    max_leaves=8,
)


@given(value=_JSON_VALUES)
def test_dumps_line_is_dumps_with_a_newline_in_utf8(value: object) -> None:
    def outcome(write: Callable[[], bytes]) -> bytes | tuple[str, str | None]:
        try:
            return write()
        except SerializationError as exc:
            return exc.message, exc.path

    expected = outcome(lambda: (dumps(value, indent=None) + "\n").encode("utf-8"))
    assert outcome(lambda: dumps_line(value)) == expected


_PLAIN = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        | st.dictionaries(st.integers(), inner, max_size=2)  # keys the json module converts
    ),
    max_leaves=20,
)


@given(value=_PLAIN, indent=st.sampled_from([None, 0, 1, 2, 4]))
def test_dumps_writes_what_the_json_module_writes(value: object, indent: int | None) -> None:
    # dumps indents plain data itself (the json module's indenting encoder is pure Python)
    separators = (",", ": ") if indent is not None else (",", ":")
    expected = json.dumps(
        value, ensure_ascii=False, allow_nan=False, indent=indent, separators=separators
    )
    if re.search("[\ud800-\udfff]", expected):
        with pytest.raises(SerializationError):
            dumps(value, indent=indent)
    else:
        assert dumps(value, indent=indent) == expected


@pytest.mark.parametrize("number", [float("inf"), float("-inf"), float("nan")])
@pytest.mark.parametrize("indent", [None, 2])
def test_dumps_refuses_what_json_cannot_hold(number: float, indent: int | None) -> None:
    with pytest.raises(SerializationError, match="cannot write JSON"):
        dumps({"a": [number]}, indent=indent)
