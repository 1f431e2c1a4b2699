"""Every reader honours every limit of :class:`~pressrelease.limits.Limits` that applies to it.

Each limit is tested with a generated document just under and just over it.
Documents come from the format's own writer where it has one (so the test
follows the format as it evolves), and are written by hand for text,
Markdown and HTML. Depths are counted the way each tool counts them, so the
depth tests allow one level of slack on either side; sizes, lengths and
counts are exact.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from _hostile import MissingReader, reader_for, run_reader
from _known import TESTS, marks
from lxml import etree

from pressrelease.errors import LimitExceededError
from pressrelease.formats import FORMATS, load
from pressrelease.limits import DEFAULT_LIMITS, Limits
from pressrelease.model import Paragraph, PressRelease, Signatory

WRITTEN = sorted(name for name, fmt in FORMATS.items() if fmt.reader and fmt.writer)
HANDMADE = ["text", "markdown", "html"]
XML_BASED = {"xml", "rss", "atom", "newsml"}
JSON_BASED = {"json", "jsonl", "jsonfeed", "ninjs"}
#: Formats that stream their records, so the whole input is not capped; the
#: limit that caps one of their records instead (a JSON line is a document).
STREAMED = {
    "rss": "max_feed_item_bytes",
    "atom": "max_feed_item_bytes",
    "newsml": "max_feed_item_bytes",
    "jsonl": "max_document_bytes",
}
#: Formats whose writer puts several records one per line (JSON Lines), which
#: their reader streams; one JSON array of the same documents is read whole.
LINES_WHEN_MANY = {"ninjs"}


def record(
    *,
    title: str = "Joint statement on limits",
    unique_id: str = "201203_6",
    text: str = "The parties met today in Brussels and agreed.",
) -> PressRelease:
    return PressRelease(
        title=title,
        unique_id=unique_id,
        published=date(2020, 12, 3),
        language="en",
        signatories=(
            Signatory(organisation="European Union"),
            Signatory(organisation="United Nations"),
        ),
        body=(Paragraph(text=text),),
    )


def _reader(fmt: str) -> None:
    try:
        reader_for(fmt)
    except MissingReader as exc:
        pytest.skip(str(exc))


def written(fmt: str, records: list[PressRelease]) -> bytes:
    spec = FORMATS[fmt].writer
    assert spec is not None
    try:
        writer = load(spec)
    except (ModuleNotFoundError, AttributeError) as exc:
        pytest.skip(f"writer for {fmt} not on this branch yet: {exc}")
    out = io.BytesIO()
    writer(records, out)
    return out.getvalue()


def handmade(fmt: str, *, title: str, unique_id: str, text: str) -> bytes:
    if fmt == "text":
        doc = f"{title}\n\nBrussels, 3 December 2020\n\n{unique_id}\n\n{text}\n"
    elif fmt == "markdown":
        doc = f"---\ntitle: {title}\ndate: 2020-12-03\nid: {unique_id}\n---\n\n{text}\n"
    else:
        doc = (
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>'
            f"{title}</title></head><body><main><article><h1>{title}</h1>"
            f'<p class="date">Brussels, 3 December 2020</p><p>{unique_id}</p><p>{text}</p>'
            "</article></main></body></html>\n"
        )
    return doc.encode()


def document(fmt: str, **fields: str) -> bytes:
    if fmt in HANDMADE:
        base = {
            "title": "Joint statement on limits",
            "unique_id": "201203_6",
            "text": "The parties met today in Brussels and agreed.",
        }
        return handmade(fmt, **{**base, **fields})
    return written(fmt, [record(**fields)])


def read(fmt: str, data: bytes, limits: Limits) -> list[PressRelease]:
    result = run_reader(fmt, data, source=f"limits.{fmt}", limits=limits)
    if result.error is not None:
        raise result.error
    assert result.records is not None
    return result.records


def assert_limited(fmt: str, data: bytes, limits: Limits, name: str) -> None:
    result = run_reader(fmt, data, source=f"limits.{fmt}", limits=limits)
    assert isinstance(result.error, LimitExceededError), (
        f"{fmt}: expected LimitExceededError over {name}, got "
        f"{type(result.error).__name__ if result.error else f'{result.count} record(s)'}: {result.error}"
    )
    assert name in str(result.error), f"the error does not name the limit {name}: {result.error}"


ALL = sorted(set(WRITTEN) | set(HANDMADE))


def formats(test: str, names: object) -> list[Any]:
    """``names`` as parameters, each marked when ``test`` is a known failure for it."""
    return [pytest.param(name, id=name, marks=marks((test, name), TESTS)) for name in sorted(names)]  # type: ignore[call-overload]


@pytest.mark.parametrize("fmt", formats("test_document_bytes", ALL))
def test_document_bytes(fmt: str) -> None:
    _reader(fmt)
    data = document(fmt)
    if fmt in STREAMED:
        pytest.skip(f"{fmt} streams: the document limit does not cap it (see test_feed_item_bytes)")
    assert read(fmt, data, Limits(max_document_bytes=len(data)))
    assert_limited(fmt, data, Limits(max_document_bytes=len(data) - 1), "max_document_bytes")


@pytest.mark.parametrize("fmt", formats("test_item_bytes_and_unlimited_total", sorted(STREAMED)))
def test_item_bytes_and_unlimited_total(fmt: str) -> None:
    """One record of a stream is capped (with some slack for what counts as its bytes); the total is not."""
    _reader(fmt)
    name = STREAMED[fmt]
    one = document(fmt)
    many = written(fmt, [record(unique_id=f"ID-{n}") for n in range(40)])
    limits = Limits(max_document_bytes=len(one), max_feed_item_bytes=len(one))
    assert len(read(fmt, many, limits)) == 40, "a streamed format must not cap its total size"
    big = written(fmt, [record(text="x " * 5000)])
    assert read(fmt, big, Limits(**{name: len(big)}))
    assert_limited(fmt, big, Limits(**{name: len(big) // 2}), name)


def _xml_depth(data: bytes, fmt: str) -> int:
    if fmt == "html":
        import lxml.html

        root = lxml.html.document_fromstring(data)
    else:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))

    def depth(element: etree._Element) -> int:
        return 1 + max((depth(child) for child in element if isinstance(child.tag, str)), default=0)

    return depth(root)


@pytest.mark.parametrize(
    "fmt", formats("test_xml_depth", sorted((XML_BASED & set(WRITTEN)) | {"html"}))
)
def test_xml_depth(fmt: str) -> None:
    _reader(fmt)
    data = document(fmt)
    depth = _xml_depth(data, fmt)
    assert read(fmt, data, Limits(max_xml_depth=depth + 1))
    assert_limited(fmt, data, Limits(max_xml_depth=depth - 2), "max_xml_depth")


def _json_depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((_json_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_json_depth(v) for v in value), default=0)
    return 0


@pytest.mark.parametrize("fmt", formats("test_json_depth", sorted(JSON_BASED & set(WRITTEN))))
def test_json_depth(fmt: str) -> None:
    _reader(fmt)
    data = document(fmt)
    first = data.splitlines()[0] if fmt == "jsonl" else data
    depth = _json_depth(json.loads(first))
    assert read(fmt, data, Limits(max_json_depth=depth + 1))
    assert_limited(fmt, data, Limits(max_json_depth=depth - 2), "max_json_depth")


@pytest.mark.parametrize("fmt", formats("test_id_length_at_default", ALL))
def test_id_length_at_default(fmt: str) -> None:
    _reader(fmt)
    longest = "A" * DEFAULT_LIMITS.max_id_length
    records = read(fmt, document(fmt, unique_id=longest), DEFAULT_LIMITS)
    if fmt in FORMATS and FORMATS[fmt].writer:
        assert records[0].unique_id == longest
    assert_limited(fmt, document(fmt, unique_id=longest + "A"), DEFAULT_LIMITS, "max_id_length")


@pytest.mark.parametrize("fmt", formats("test_field_chars", ALL))
def test_field_chars(fmt: str) -> None:
    _reader(fmt)
    limits = Limits(max_field_chars=400)
    title = "Joint statement " + "x" * (400 - 16)
    assert read(fmt, document(fmt, title=title), limits)[0].title == title
    assert_limited(fmt, document(fmt, title=title + "x"), limits, "max_field_chars")
    text = "The parties met. " + "y" * (400 - 17)
    assert any(p.text == text for p in read(fmt, document(fmt, text=text), limits)[0].body)
    assert_limited(fmt, document(fmt, text=text + "y"), limits, "max_field_chars")


@pytest.mark.parametrize(
    "fmt",
    formats(
        "test_items_in_a_document_read_whole",
        # NewsML-G2 streams its newsItems like RSS and Atom: max_items does not cap it.
        sorted({"json", "xml", "jsonfeed", "ninjs"} & set(WRITTEN)),
    ),
)
def test_items_in_a_document_read_whole(fmt: str) -> None:
    _reader(fmt)
    data = written(fmt, [record(unique_id=f"ID-{n}") for n in range(12)])
    if fmt in LINES_WHEN_MANY:
        data = b"[" + b",".join(data.splitlines()) + b"]"
    assert len(read(fmt, data, Limits(max_items=12))) == 12
    assert_limited(fmt, data, Limits(max_items=11), "max_items")


@pytest.mark.parametrize(
    "fmt",
    formats(
        "test_items_of_a_stream_are_not_capped",
        sorted((set(STREAMED) | LINES_WHEN_MANY) & set(WRITTEN)),
    ),
)
def test_items_of_a_stream_are_not_capped(fmt: str) -> None:
    _reader(fmt)
    data = written(fmt, [record(unique_id=f"ID-{n}") for n in range(12)])
    assert len(read(fmt, data, Limits(max_items=5))) == 12


def test_limits_are_one_frozen_record_with_documented_defaults() -> None:
    import attrs

    names = [field.name for field in attrs.fields(Limits)]
    assert names == [
        "max_document_bytes",
        "max_xml_depth",
        "max_json_depth",
        "max_feed_item_bytes",
        "max_id_length",
        "max_field_chars",
        "max_items",
    ]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DEFAULT_LIMITS.max_items = 1  # type: ignore[misc]
    doc = Limits.__doc__ or ""
    assert all(name in doc for name in names)
    with pytest.raises(ValueError, match="max_json_depth"):
        Limits(max_json_depth=0)


Reader = Callable[..., object]
