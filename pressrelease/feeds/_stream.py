"""Streaming XML for the feed readers: completed elements, cleared as the caller goes.

Interim: this is the single entry point the feed readers use to read XML, kept
to one function so that it becomes a one-line call of the shared safe-XML layer
(``pressrelease._xml``) once that lands. It refuses any DOCTYPE (the root of
entity and DTD attacks), never resolves entities or touches the network, and
checks each item against ``limits.max_feed_item_bytes``.
"""

from __future__ import annotations

import io
from collections.abc import Collection, Iterator
from typing import BinaryIO

from lxml import etree

from pressrelease.errors import DTDForbiddenError, LimitExceededError, ParseError
from pressrelease.limits import DEFAULT_LIMITS, Limits

__all__ = ["iter_elements", "open_input", "release"]

_PEEK = 64 * 1024


class _Counting(io.RawIOBase):
    """A read-only stream that counts the bytes handed to the parser."""

    def __init__(self, head: bytes, rest: BinaryIO | None) -> None:
        self._head = head
        self._rest = rest
        self.count = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size < 0 or size >= len(self._head):
                chunk, self._head = self._head, b""
            else:
                chunk, self._head = self._head[:size], self._head[size:]
        elif self._rest is not None:
            chunk = self._rest.read(size)
        else:
            chunk = b""
        self.count += len(chunk)
        return chunk


def open_input(data: bytes | BinaryIO) -> tuple[bytes, BinaryIO | None]:
    """The first bytes of ``data`` (to sniff) and the rest of the stream, if any."""
    if isinstance(data, bytes | bytearray | memoryview):
        return bytes(data), None
    return data.read(_PEEK), data


def _doctype(head: bytes) -> bool:
    text = head
    # Skip the declaration, comments and PIs: a DOCTYPE can only precede the root.
    position = 0
    while True:
        position = text.find(b"<", position)
        if position < 0 or position + 1 >= len(text):
            return False
        following = text[position + 1 : position + 2]
        if following == b"?":
            position = text.find(b"?>", position)
        elif text.startswith(b"<!--", position):
            position = text.find(b"-->", position)
        else:
            return text.startswith((b"<!DOCTYPE", b"<!doctype"), position)
        if position < 0:
            return False


def iter_elements(
    data: bytes | BinaryIO,
    tags: Collection[str],
    *,
    items: Collection[str] = (),
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    head: bytes | None = None,
) -> Iterator[etree._Element]:
    """Yield each completed element whose tag is in ``tags``, in document order.

    Elements in ``items`` are checked against ``limits.max_feed_item_bytes``.
    The caller clears what it has read (see :func:`release`).

    Raises:
        DTDForbiddenError: the document has a DOCTYPE.
        LimitExceededError: an item is larger than the limit.
        ParseError: the XML is not well formed.
    """
    if head is None:
        head, rest = open_input(data)
    else:
        rest = data if not isinstance(data, bytes | bytearray | memoryview) else None
    if _doctype(head[:_PEEK]):
        raise DTDForbiddenError(
            "the document has a DOCTYPE; feeds never need one and it can carry entity attacks",
            source=source,
            line=1,
        )
    stream = _Counting(head, rest)
    parser = etree.iterparse(
        stream,
        events=("start", "end"),
        tag=list(tags),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    item_tags = frozenset(items)
    started: dict[int, int] = {}
    try:
        for event, element in parser:
            if element.tag in item_tags:
                if event == "start":
                    started[id(element)] = stream.count
                    continue
                size = stream.count - started.pop(id(element), stream.count)
                if size > limits.max_feed_item_bytes:
                    raise LimitExceededError(
                        f"a feed item is at least {size} bytes, more than "
                        f"max_feed_item_bytes={limits.max_feed_item_bytes}; raise the limit "
                        "if the input is genuine",
                        source=source,
                        line=element.sourceline,
                    )
            elif event == "start":
                continue
            yield element
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        raise ParseError(
            f"not well-formed XML: {exc.msg}", source=source, line=line, column=column
        ) from exc


def release(element: etree._Element) -> None:
    """Free a processed element and the siblings before it (bounded memory)."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
