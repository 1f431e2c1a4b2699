"""Strict JSON for the JSON feed formats: size-capped, no duplicate keys, no NaN, depth-capped.

One small entry point the JSON Feed and ninjs readers call; parsing itself is
the shared strict loader of :mod:`pressrelease._json`.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from pressrelease._json import loads_line
from pressrelease.limits import DEFAULT_LIMITS, Limits

__all__ = ["dump_bytes", "load_document", "loads"]


def loads(
    data: bytes, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS, line: int = 1
) -> Any:
    """Parse one JSON value strictly (UTF-8, BOM allowed), as every pressrelease JSON is read.

    The project's strict loader refuses what :func:`json.loads` lets through
    (lone surrogates, ``1e400`` read as infinity, ``1e-400`` read as zero,
    huge integers, deep nesting) with a located error; ``line`` numbers the
    errors of one line of JSON Lines.
    """
    return loads_line(data, number=line, source=source, limits=limits)


def read_all(data: bytes | BinaryIO, *, source: str | None, limits: Limits) -> bytes:
    """All of ``data``, refusing more than ``limits.max_document_bytes``."""
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
    else:
        raw = data.read(limits.max_document_bytes + 1)
    limits.check_size(len(raw), source=source)
    return raw


def load_document(data: bytes | BinaryIO, *, source: str | None, limits: Limits) -> Any:
    """One whole JSON document, size-capped."""
    return loads(read_all(data, source=source, limits=limits), source=source, limits=limits)


def dump_bytes(value: Any, *, indent: int | None = 2) -> bytes:
    """Deterministic UTF-8 JSON (keys in the order built)."""
    return (json.dumps(value, ensure_ascii=False, indent=indent) + "\n").encode("utf-8")
