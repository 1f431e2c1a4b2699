"""Hostile inputs too large to commit: built at test time, some as lazy streams.

Each entry is a :class:`~_hostile.Case` whose expectation uses the same
grammar as the case files' headers (see ``README.md``). Streams are produced
chunk by chunk, so a reader that streams reads a feed of a million items in
bounded memory, and a reader that slurps its input shows up in the peak RSS
measured by ``test_resources.py``.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Callable, Iterator
from functools import cache
from typing import BinaryIO

from _hostile import MAX_SECONDS, MAX_SLOW_SECONDS, Case, parse_expect

XML_FORMATS = "formats=xml,rss,atom,newsml"
JSON_FORMATS = "formats=json,jsonl,jsonfeed,ninjs"
MIB = 1024 * 1024

RSS_HEAD = (
    b'<rss version="2.0"><channel><title>Generated feed</title>'
    b"<link>https://example.org/</link><description>Generated</description>\n"
)
RSS_TAIL = b"</channel></rss>\n"
ATOM_HEAD = (
    b'<feed xmlns="http://www.w3.org/2005/Atom"><title>Generated</title><id>urn:generated</id>'
    b"<updated>2020-12-03T10:00:00Z</updated>\n"
)
ATOM_TAIL = b"</feed>\n"


def rss_item(number: int, description: bytes = b"The parties met in Brussels.") -> bytes:
    """One small RSS item with a unique GUID."""
    return (
        b"<item><title>Release %d</title><link>https://example.org/news/%d</link>"
        b'<guid isPermaLink="false">GEN-%d</guid><pubDate>Thu, 03 Dec 2020 10:00:00 +0100</pubDate>'
        b"<description>%s</description></item>\n" % (number, number, number, description)
    )


def atom_entry(number: int) -> bytes:
    """One small Atom entry with a unique ID."""
    return (
        b"<entry><id>urn:generated:%d</id><title>Release %d</title>"
        b'<updated>2020-12-03T10:00:00Z</updated><link href="https://example.org/%d"/>'
        b'<content type="text">The parties met in Brussels.</content></entry>\n'
        % (number, number, number)
    )


class ChunkStream(io.RawIOBase):
    """A read-only binary stream whose bytes come from an iterator of chunks."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        super().__init__()
        self._chunks = chunks
        self._pending = b""
        #: Bytes handed out so far (how far a reader got before its first record).
        self.delivered = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            try:
                self._pending = next(self._chunks)
            except StopIteration:
                return 0
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        self.delivered += size
        return size


def stream(make_chunks: Callable[[], Iterator[bytes]]) -> Callable[[], BinaryIO]:
    """A loader giving a fresh buffered stream over ``make_chunks()`` on every call."""

    def load() -> BinaryIO:
        return io.BufferedReader(ChunkStream(make_chunks()), buffer_size=64 * 1024)

    return load


def feed_chunks(
    head: bytes, tail: bytes, item: Callable[[int], bytes], count: int
) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        yield head
        batch: list[bytes] = []
        for number in range(1, count + 1):
            batch.append(item(number))
            if len(batch) == 1000:
                yield b"".join(batch)
                batch = []
        yield b"".join(batch)
        yield tail

    return chunks


def _xml_deep(levels: int) -> bytes:
    return RSS_HEAD + b"<x>" * levels + b"</x>" * levels + RSS_TAIL


def _quadratic() -> bytes:
    big = b"A" * 100_000
    return (
        b'<!DOCTYPE rss [<!ENTITY big "'
        + big
        + b'">]>\n'
        + RSS_HEAD
        + b"<item><title>"
        + b"&big;" * 20_000
        + b"</title></item>"
        + RSS_TAIL
    )


def _html_deep(levels: int) -> bytes:
    return (
        b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Deep</title></head>'
        b"<body><main><article><h1>Joint statement on deep nesting</h1>"
        b'<p class="date">Brussels, 3 December 2020</p>'
        + b"<div>" * levels
        + b"<p>The hidden paragraph at the bottom of the nesting.</p>"
        + b"</div>" * levels
        + b"<p>Closing paragraph.</p></article></main></body></html>\n"
    )


def _many_paragraphs(count: int) -> bytes:
    return _html_deep(0).replace(b"<p>Closing", b"<p>x</p>" * count + b"<p>Closing")


TEXT_HEAD = (
    b"Joint statement on hostile input\n\nBrussels, 3 December 2020\n\n"
    b"The European Union and the United Nations met today in Brussels.\n\n"
)
TEXT_KEEP = 'present="The European Union and the United Nations met today in Brussels."'


def _long_line(total: int) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        yield TEXT_HEAD
        piece = b"word " * (MIB // 5)
        left = total
        while left > 0:
            yield piece[:left]
            left -= len(piece)
        yield b"\n"

    return chunks


@cache
def generated_cases() -> tuple[Case, ...]:
    """Every generated case (the million-item and 50 MB ones are marked slow)."""

    def case(
        name: str,
        load: Callable[[], bytes | BinaryIO],
        expect: str,
        *,
        slow: bool = False,
        max_seconds: float = MAX_SECONDS,
    ) -> Case:
        return Case(
            name=f"generated/{name}",
            load=load,
            expects=(parse_expect(expect),),
            slow=slow,
            max_seconds=max_seconds,
        )

    return (
        case(
            "xml-nesting-100k",
            lambda: _xml_deep(100_000),
            f"{XML_FORMATS} raises=LimitExceededError",
        ),
        case("xml-nesting-300", lambda: _xml_deep(300), f"{XML_FORMATS} raises=LimitExceededError"),
        case(
            "xml-quadratic-blowup",
            _quadratic,
            f"{XML_FORMATS} raises=EntitiesForbiddenError line=1",
        ),
        case(
            "xml-text-node-11mib",
            lambda: RSS_HEAD + rss_item(1, b"A" * (11 * MIB)) + RSS_TAIL,
            "formats=xml,atom,newsml,rss raises=LimitExceededError",
        ),
        case(
            "xml-gzip-bomb",
            lambda: gzip.compress(
                RSS_HEAD + b" " * (32 * MIB) + RSS_TAIL, compresslevel=9, mtime=0
            ),
            f"{XML_FORMATS} raises=ParseError",
        ),
        case(
            "html-nesting-300",
            lambda: _html_deep(300),
            "formats=html records=1 notice=PR604 | raises=LimitExceededError",
        ),
        case(
            "html-nesting-100k",
            lambda: _html_deep(100_000),
            "formats=html records=1 notice=PR604 | raises=LimitExceededError",
        ),
        case(
            "html-30k-paragraphs",
            lambda: _many_paragraphs(30_000),
            'formats=html records=1 present="Closing paragraph." | raises=LimitExceededError',
        ),
        case(
            "html-150k-paragraphs",
            lambda: _many_paragraphs(150_000),
            'formats=html records=1 present="Closing paragraph." | raises=LimitExceededError',
            slow=True,
            max_seconds=MAX_SECONDS,
        ),
        case(
            "html-11mib",
            lambda: _html_deep(0).replace(
                b"<p>Closing", b"<p>" + b"x " * (11 * MIB // 2) + b"</p><p>Closing"
            ),
            "formats=html raises=LimitExceededError",
        ),
        case(
            "json-nesting-100k-array",
            lambda: b"[" * 100_000 + b"]" * 100_000,
            f"{JSON_FORMATS} raises=LimitExceededError",
        ),
        case(
            "json-nesting-100k-in-field",
            lambda: (
                b'{"title": "Joint statement", "notes": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
            ),
            f"{JSON_FORMATS} raises=LimitExceededError",
        ),
        case(
            "json-nesting-100k-objects",
            lambda: b'{"a": ' * 100_000 + b"1" + b"}" * 100_000,
            f"{JSON_FORMATS} raises=LimitExceededError",
        ),
        case(
            "json-200k-records",
            lambda: b"[" + b",".join([b'{"title": "Joint statement"}'] * 200_000) + b"]",
            "formats=json raises=LimitExceededError",
        ),
        case(
            "json-11mib-string",
            lambda: b'{"title": "' + b"x" * (11 * MIB) + b'"}',
            f"{JSON_FORMATS} raises=LimitExceededError",
        ),
        case(
            "text-1m-chars-line",
            stream(_long_line(1_000_000)),
            f"formats=text,markdown records=1 {TEXT_KEEP} | raises=LimitExceededError",
        ),
        case(
            "text-100k-lines",
            lambda: TEXT_HEAD + b"A line.\n" * 100_000,
            f"formats=text,markdown records=1 {TEXT_KEEP} | raises=LimitExceededError",
        ),
        case(
            "text-backtracking-bait",
            lambda: TEXT_HEAD + b"3 " * 400_000 + b"\n" + b"Brussels, " * 50_000 + b"\n",
            f"formats=text,markdown records=1 {TEXT_KEEP} | raises=ParseError,LimitExceededError",
        ),
        case(
            "text-50mb-line",
            stream(_long_line(50 * 1000 * 1000)),
            "formats=text,markdown raises=LimitExceededError",
            slow=True,
        ),
        case(
            "text-50mb-line-bytes",
            lambda: TEXT_HEAD + b"x" * (50 * 1000 * 1000) + b"\n",
            "formats=text,markdown raises=LimitExceededError",
            slow=True,
        ),
        case(
            "rss-item-11mib",
            stream(feed_chunks(RSS_HEAD, RSS_TAIL, lambda n: rss_item(n, b"A" * (11 * MIB)), 1)),
            "formats=rss raises=LimitExceededError",
        ),
        case(
            "rss-12mib-in-1500-items",
            stream(
                feed_chunks(RSS_HEAD, RSS_TAIL, lambda n: rss_item(n, b"Words. " * 1200), 1_500)
            ),
            "formats=rss records=1500",
        ),
        case(
            "rss-million-items",
            stream(feed_chunks(RSS_HEAD, RSS_TAIL, rss_item, 1_000_000)),
            "formats=rss records=1000000",
            slow=True,
            max_seconds=MAX_SLOW_SECONDS,
        ),
        case(
            "atom-million-entries",
            stream(feed_chunks(ATOM_HEAD, ATOM_TAIL, atom_entry, 1_000_000)),
            "formats=atom records=1000000",
            slow=True,
            max_seconds=MAX_SLOW_SECONDS,
        ),
    )
