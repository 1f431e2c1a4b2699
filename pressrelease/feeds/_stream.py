"""Streaming XML for the feed readers, through the shared safe parser (:mod:`pressrelease._xml`).

Each completed element whose tag is asked for is yielded, then cleared and
removed from the tree by the shared parser, so memory stays bounded; DOCTYPEs,
entities, external references and XInclude are refused there, and each item
is checked against ``limits.max_feed_item_bytes``.
"""

from __future__ import annotations

import io
from collections.abc import Collection, Iterator
from typing import BinaryIO

from lxml import etree

from pressrelease._xml import iterparse_xml
from pressrelease.limits import DEFAULT_LIMITS, Limits

__all__ = ["iter_elements", "open_input", "read_all"]

_PEEK = 64 * 1024


def open_input(data: bytes | BinaryIO) -> tuple[bytes, BinaryIO | None]:
    """The first bytes of ``data`` (to sniff) and the rest of the stream, if any."""
    if isinstance(data, bytes | bytearray | memoryview):
        return bytes(data), None
    return data.read(_PEEK), data


def read_all(data: bytes | BinaryIO, *, source: str | None, limits: Limits) -> bytes:
    """All of ``data``, refusing more than ``limits.max_document_bytes`` (never reads past it)."""
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
    else:
        raw = data.read(limits.max_document_bytes + 1)
    limits.check_size(len(raw), source=source)
    return raw


def iter_elements(
    data: bytes | BinaryIO,
    tags: Collection[str],
    *,
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    roots: Collection[str] | None = None,
) -> Iterator[etree._Element]:
    """Yield each completed element whose tag is in ``tags`` (outermost only), in document order.

    ``roots``, when given, are the only root elements accepted (see ``iterparse_xml``).
    """
    stream: BinaryIO = (
        io.BytesIO(bytes(data)) if isinstance(data, bytes | bytearray | memoryview) else data
    )
    return iterparse_xml(stream, tags=tags, source=source, limits=limits, roots=roots)
