"""Feeds and news formats: RSS, Atom, JSON Feed, IPTC ninjs and NewsML-G2.

:func:`read_feed` reads any of them (named, or sniffed from the first bytes)
as a stream of records; :func:`write_feed` writes records in a named format.

>>> import io
>>> records = list(read_feed(b'<rss version="2.0"><channel><item><title>Hi</title></item></channel></rss>'))
>>> records[0].title
'Hi'
>>> out = io.BytesIO()
>>> write_feed(records, out, "jsonfeed").format
'jsonfeed'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from pressrelease.errors import ParseError
from pressrelease.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from pressrelease.model import PressRelease
    from pressrelease.writers import WriteReport

__all__ = ["FEED_FORMATS", "read_feed", "sniff_feed", "write_feed"]

#: The feed and news formats this package reads and writes.
FEED_FORMATS = ("rss", "atom", "jsonfeed", "ninjs", "newsml")

_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_ROOTS = {
    b"rss": "rss",
    b"RDF": "rss",
    b"feed": "atom",
    b"entry": "atom",
    b"newsItem": "newsml",
    b"newsMessage": "newsml",
}


def sniff_feed(head: bytes) -> str | None:
    """The feed format the first bytes of a document suggest, or ``None``.

    >>> sniff_feed(b'<?xml version="1.0"?><!-- c --><rdf:RDF xmlns:rdf="x">')
    'rss'
    >>> sniff_feed(b'{"version": "https://jsonfeed.org/version/1.1", "items": []}')
    'jsonfeed'
    >>> sniff_feed(b'{"uri": "urn:x", "headlines": []}')
    'ninjs'
    """
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"{", b"[")):
        if b"jsonfeed.org/version" in text:
            return "jsonfeed"
        if b'"uri"' in text:
            return "ninjs"
        return None
    position = 0
    while True:
        position = text.find(b"<", position)
        if position < 0:
            return None
        if text.startswith((b"<?", b"<!"), position):
            end = text.find(b"-->" if text.startswith(b"<!--", position) else b">", position)
            if end < 0:
                return None
            position = end + 1
            continue
        match = _ROOT.match(text, position)
        return _ROOTS.get(match.group(1)) if match else None


class _Rejoined:
    """A stream that gives back the bytes already peeked, then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (all when negative); short only at the end of the input.

        Readers call ``read(limit + 1)`` once to take a whole document under
        its cap, so returning just the peeked head would cut every document
        after its first bytes.
        """
        if not self._head:
            return self._rest.read(size)
        if size < 0:
            chunk, self._head = self._head + self._rest.read(), b""
            return chunk
        if size <= len(self._head):
            chunk, self._head = self._head[:size], self._head[size:]
            return chunk
        chunk, self._head = self._head, b""
        return chunk + self._rest.read(size - len(chunk))

    def readline(self, size: int = -1) -> bytes:
        """One line (up to ``size`` bytes), as JSON Lines readers take it."""
        if not self._head:
            return self._rest.readline(size)
        end = self._head.find(b"\n")
        if end >= 0 and (size < 0 or end < size):
            line, self._head = self._head[: end + 1], self._head[end + 1 :]
            return line
        if 0 <= size <= len(self._head):
            line, self._head = self._head[:size], self._head[size:]
            return line
        line, self._head = self._head, b""
        return line + self._rest.readline(-1 if size < 0 else size - len(line))

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line


def read_feed(
    data: bytes | BinaryIO,
    format: str | None = None,
    *,
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[PressRelease]:
    """Yield the records of a feed or news document, lazily.

    Args:
        data: the bytes, or a binary stream (read as the records are taken).
        format: ``rss``, ``atom``, ``jsonfeed``, ``ninjs`` or ``newsml``;
            sniffed from the first bytes when ``None``.
        source: the input's name, for locations and errors.
        limits: size limits (a feed streams; each item is bounded).

    Raises:
        ParseError: the format cannot be recognised, or the document is broken.
    """
    from pressrelease.formats import FORMATS, load

    if format is None:
        if isinstance(data, bytes | bytearray | memoryview):
            format = sniff_feed(bytes(data[:4096]))
        else:
            head = data.read(4096)
            format = sniff_feed(head)
            data = cast("BinaryIO", _Rejoined(head, data))
        if format is None:
            raise ParseError(
                "not a feed this library knows: expected RSS, Atom, JSON Feed, ninjs or NewsML-G2",
                source=source,
                line=1,
            )
    if format not in FEED_FORMATS:
        raise ValueError(
            f"unknown feed format {format!r}; expected one of {', '.join(FEED_FORMATS)}"
        )
    reader = FORMATS[format].reader
    assert reader is not None
    try:
        function = load(reader)
    except ImportError as exc:
        raise ParseError(f"no reader for {format} yet", source=source) from exc
    records: Iterator[PressRelease] = function(data, source=source, limits=limits)
    return records


def write_feed(
    records: Iterable[PressRelease], out: BinaryIO, format: str, **options: Any
) -> WriteReport:
    """Write ``records`` to the binary stream ``out`` as ``format``; see each writer's options."""
    from pressrelease.formats import FORMATS, load

    if format not in FEED_FORMATS:
        raise ValueError(
            f"unknown feed format {format!r}; expected one of {', '.join(FEED_FORMATS)}"
        )
    writer = FORMATS[format].writer
    assert writer is not None
    report: WriteReport = load(writer)(records, out, **options)
    return report
