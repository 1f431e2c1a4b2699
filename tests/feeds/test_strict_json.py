"""JSON Feed and ninjs read through core's strict loader: what the stdlib would let through is refused."""

from __future__ import annotations

import io

import pytest

from pressrelease.errors import DecodeError, LimitExceededError, ParseError
from pressrelease.feeds import read_feed
from pressrelease.limits import Limits

FEED = b'{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [%s]}'


@pytest.mark.parametrize("fmt", ["jsonfeed", "ninjs"])
@pytest.mark.parametrize(
    ("document", "message", "line", "column"),
    [
        (
            b'{"uri": "urn:x",\n "title": "a", "title": "b", "items": []}',
            "duplicate key 'title'",
            2,
            16,
        ),
        (b'{"uri": "urn:x", "n": NaN, "items": []}', "NaN is not JSON", 1, 23),
        (b'{"uri": "urn:x", "n": 1e400, "items": []}', "too large", 1, 23),
        (b'{"uri": "urn:x", "items": [}', "Expecting value", 1, 28),
    ],
    ids=["duplicate-key", "nan", "infinite", "syntax"],
)
def test_lenient_json_is_refused_with_its_location(
    fmt: str, document: bytes, message: str, line: int, column: int
) -> None:
    with pytest.raises(ParseError, match=message) as caught:
        list(read_feed(document, fmt, source="doc.json"))
    assert (caught.value.source, caught.value.line, caught.value.column) == (
        "doc.json",
        line,
        column,
    )


@pytest.mark.parametrize("fmt", ["jsonfeed", "ninjs"])
def test_depth_size_and_encoding_are_capped(fmt: str) -> None:
    deep = b'{"uri": "urn:x", "items": [], "x": ' + b"[" * 100 + b"]" * 100 + b"}"
    with pytest.raises(LimitExceededError, match="max_json_depth=64"):
        list(read_feed(deep, fmt, source="deep.json"))
    small = Limits(max_document_bytes=64)
    big = FEED % (b'{"id": "1", "content_text": "' + b"x" * 100 + b'"}')
    with pytest.raises(LimitExceededError):
        list(read_feed(io.BytesIO(big), fmt, limits=small))
    with pytest.raises(DecodeError):
        list(read_feed(b'{"uri": "\xff"}', fmt))


def test_ninjs_lines_errors_carry_the_line_number() -> None:
    lines = b'{"uri": "urn:a"}\n{"uri": "urn:b", "uri": "urn:c"}\n'
    records = read_feed(lines, "ninjs", source="docs.jsonl")
    assert next(records).unique_id == "urn:a"
    with pytest.raises(ParseError, match="duplicate key 'uri'") as caught:
        next(records)
    assert caught.value.line == 2


def test_ninjs_extension_must_be_strict_json_too() -> None:
    document = (
        b'{"uri": "urn:x", "descriptions": [{"role": "pressrelease-extension", '
        b'"contentType": "application/json", "value": "{\\"notes\\": [1, NaN]}"}]}'
    )
    with pytest.raises(ParseError, match="our extension is not strict JSON: NaN") as caught:
        list(read_feed(document, "ninjs", source="n.json"))
    assert caught.value.path == "$.descriptions[0].value"
