"""Strict JSON for the JSON feed formats: size-capped, no duplicate keys, no NaN, depth-capped.

Interim: one small entry point the JSON Feed and ninjs readers call, to become
a call of the shared loader in ``pressrelease.serialize.json`` once it lands.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from pressrelease.errors import DecodeError, LimitExceededError, ParseError
from pressrelease.limits import DEFAULT_LIMITS, Limits

__all__ = ["dump_bytes", "load_document", "loads"]


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _depth(value: Any, limit: int, depth: int = 1) -> None:
    if depth > limit:
        raise LimitExceededError(f"JSON nesting deeper than max_json_depth={limit}")
    if isinstance(value, dict):
        for item in value.values():
            if isinstance(item, dict | list):
                _depth(item, limit, depth + 1)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict | list):
                _depth(item, limit, depth + 1)


def loads(
    data: bytes, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS, line: int = 1
) -> Any:
    """Parse one JSON value strictly (UTF-8, BOM allowed)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"not UTF-8 at byte {exc.start}: {exc.reason}", source=source, line=line
        ) from exc
    try:
        value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise ParseError(
            f"not valid JSON: {exc.msg}",
            source=source,
            line=line + exc.lineno - 1,
            column=exc.colno,
        ) from exc
    except RecursionError as exc:
        raise LimitExceededError(
            f"JSON nesting deeper than max_json_depth={limits.max_json_depth}", source=source
        ) from exc
    except ValueError as exc:
        raise ParseError(f"not valid JSON: {exc}", source=source, line=line) from exc
    try:
        _depth(value, limits.max_json_depth)
    except LimitExceededError as exc:
        raise LimitExceededError(str(exc), source=source, line=line) from exc
    return value


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
