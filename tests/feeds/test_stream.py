"""The streamed XML feed readers (RSS, Atom, NewsML-G2): every failure located, items measured.

Documents come from each format's own writer (three records, one pretty-printed
element per line), and a fault is put at a place found in the document's text;
the expected line and column are that place's, counted in the text here.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import pytest

from pressrelease.cli.main import main
from pressrelease.errors import (
    DecodeError,
    DTDForbiddenError,
    LimitExceededError,
    ParseError,
    PressReleaseError,
)
from pressrelease.feeds.atom import read_atom, write_atom
from pressrelease.feeds.newsml import read_newsml, write_newsml
from pressrelease.feeds.ninjs import write_ninjs
from pressrelease.feeds.rss import read_rss, write_rss
from pressrelease.limits import Limits
from pressrelease.model import Paragraph, PressRelease, Signatory

Reader = Callable[..., Iterable[PressRelease]]
Writer = Callable[..., object]
FORMATS: dict[str, tuple[Reader, Writer, bytes]] = {
    # the reader, the writer, and the start of one item's element
    "rss": (read_rss, write_rss, b"<item>"),
    "atom": (read_atom, write_atom, b"<entry "),
    "newsml": (read_newsml, write_newsml, b"<newsItem "),
}
MARK = "Second statement"


def _record(n: int, title: str, text: str = "The parties met in Brussels.") -> PressRelease:
    return PressRelease(
        title=title,
        unique_id=f"ID-{n}",
        published=date(2020, 12, 3),
        language="en",
        signatories=(Signatory(organisation="European Union"),),
        body=(Paragraph(text=text),),
    )


def _document(fmt: str, text: str = "The parties met in Brussels.") -> bytes:
    out = io.BytesIO()
    records = [_record(0, "First"), _record(1, MARK, text), _record(2, "Third")]
    FORMATS[fmt][1](records, out)
    return out.getvalue()


def _where(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (1-based, in characters) of byte ``offset`` in UTF-8 ``data``."""
    before = data[:offset].decode()
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _read(fmt: str, data: bytes, *, stream: bool, limits: Limits | None = None) -> int:
    reader = FORMATS[fmt][0]
    source: bytes | io.BytesIO = io.BytesIO(data) if stream else data
    kwargs = {} if limits is None else {"limits": limits}
    return sum(1 for _ in reader(source, source=f"feed.{fmt}", **kwargs))


def _fails(
    fmt: str, data: bytes, error: type[PressReleaseError], *, limits: Limits | None = None
) -> PressReleaseError:
    """The error reading ``data`` raises, the same from bytes and from a stream."""
    raised = []
    for stream in (False, True):
        with pytest.raises(error) as info:
            _read(fmt, data, stream=stream, limits=limits)
        assert info.value.source == f"feed.{fmt}"
        raised.append(info.value)
    assert str(raised[0]) == str(raised[1])
    return raised[0]


@pytest.fixture(params=sorted(FORMATS))
def fmt(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_the_documents_read(fmt: str) -> None:
    data = _document(fmt)
    assert _read(fmt, data, stream=False) == 3
    assert data.count(MARK.encode()) >= 1


def test_undefined_entity_is_located(fmt: str) -> None:
    data = _document(fmt)
    at = data.index(MARK.encode())
    bad = data[:at] + b"S&eacute;cond" + data[at + len("Second") :]
    error = _fails(fmt, bad, ParseError)
    assert (error.line, error.column) == _where(bad, at + 1)
    assert "undefined entity '&eacute;'" in error.message


def test_bad_bytes_are_located(fmt: str) -> None:
    data = _document(fmt)
    at = data.index(MARK.encode())
    bad = data[:at] + b"\xff" + data[at + 1 :]
    error = _fails(fmt, bad, DecodeError)
    assert (error.line, error.column) == _where(bad, at)


def test_truncation_is_located_at_the_end(fmt: str) -> None:
    data = _document(fmt)
    cut = data[: data.index(b"Third")]
    error = _fails(fmt, cut, ParseError)
    assert error.line == cut.count(b"\n") + 1


def test_a_second_root_is_located(fmt: str) -> None:
    data = _document(fmt).rstrip() + b"\n<other/>\n"
    error = _fails(fmt, data, ParseError)
    assert (error.line, error.column) == (data.rstrip().count(b"\n") + 1, 1)
    assert "Extra content" in error.message


def test_a_dtd_is_refused_where_it_stands(fmt: str) -> None:
    data = _document(fmt)
    declaration_end = data.index(b"?>") + 2
    bad = data[:declaration_end] + b'\n<!DOCTYPE x SYSTEM "x.dtd">' + data[declaration_end:]
    error = _fails(fmt, bad, DTDForbiddenError)
    assert (error.line, error.column) == (2, 1)


def test_an_item_over_the_limit_in_a_small_document(fmt: str) -> None:
    """The whole document fits in one read: the item is still measured on its own."""
    data = _document(fmt, text="x " * 3000)
    item = FORMATS[fmt][2]
    starts = [at for at in range(len(data)) if data.startswith(item, at)]
    assert len(starts) == 3
    big = starts[2] - starts[1]  # the second item and the white space after it
    assert len(data) < 64 * 1024
    assert _read(fmt, data, stream=True, limits=Limits(max_feed_item_bytes=big)) == 3
    error = _fails(fmt, data, LimitExceededError, limits=Limits(max_feed_item_bytes=big // 2))
    assert error.line == _where(data, starts[1])[0]
    assert f"max_feed_item_bytes={big // 2}" in error.message
    assert "--max-feed-item-bytes" in error.message


@pytest.mark.parametrize("command", ["validate", "convert"])
def test_cli_prints_one_located_line_per_bad_feed(
    fmt: str, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _document(fmt)
    at = data.index(MARK.encode())
    entity = tmp_path / f"entity.{fmt}"
    entity.write_bytes(data[:at] + b"S&eacute;cond" + data[at + len("Second") :])
    large = tmp_path / f"large.{fmt}"
    large.write_bytes(_document(fmt, text="x " * 3000))
    extra = ["--to", "jsonl"] if command == "convert" else []
    code = main(
        [command, "--from", fmt, "--max-feed-item-bytes", "4K", *extra, str(entity), str(large)]
    )
    captured = capsys.readouterr()
    output = captured.out + captured.err
    assert code == 1
    assert "Traceback" not in output
    line, column = _where(entity.read_bytes(), at + 1)
    located = [text for text in output.splitlines() if text.startswith(str(tmp_path))]
    assert len(located) == 2, output
    assert located[0] == (
        f"{entity}:{line}:{column}: undefined entity '&eacute;'; XML knows only &amp; &lt; "
        "&gt; &quot; &apos; and character references such as &#233;"
    )
    assert located[1].startswith(f"{large}:")
    assert "is larger than max_feed_item_bytes=4096" in located[1]
    assert "--max-feed-item-bytes" in located[1]


def test_cli_ninjs_array_over_max_items(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = io.BytesIO()
    write_ninjs([_record(n, f"Statement {n}") for n in range(3)], out)
    array = tmp_path / "three.json"
    array.write_bytes(b"[\n" + b",\n".join(out.getvalue().splitlines()) + b"\n]\n")
    assert main(["validate", "--from", "ninjs", "--max-items", "3", str(array)]) == 0
    capsys.readouterr()
    assert main(["validate", "--from", "ninjs", "--max-items", "2", str(array)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert f"{array}:1:1: $: the array holds 3 ninjs documents, more than max_items=2" in (
        captured.err + captured.out
    )
    assert "--max-items" in captured.err + captured.out
