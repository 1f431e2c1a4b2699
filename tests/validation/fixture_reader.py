"""A tiny reader registered in place of a real one by CLI tests (never shipped).

It reads a JSON object (or an array of them) with a handful of fields and
records the line of each record's ``unique_id`` as its location, so the
reporters have lines to print. Malformed JSON raises a located ParseError,
as the real readers do.
"""

from __future__ import annotations

import json
from datetime import date
from typing import IO, Any

from pressrelease.errors import ParseError
from pressrelease.limits import DEFAULT_LIMITS, Limits
from pressrelease.model import Location, Notice, Paragraph, PressRelease, Signatory


def _record(item: dict[str, Any], source: str | None, line: int) -> PressRelease:
    published = item.get("published")
    return PressRelease(
        title=item.get("title", ""),
        unique_id=item.get("unique_id"),
        issuer=item.get("issuer"),
        category=item.get("category"),
        language=item.get("language"),
        published=date.fromisoformat(published) if published else None,
        signatories=[Signatory(**s) for s in item.get("signatories", [])],
        body=[Paragraph(text=t) for t in item.get("body", [])],
        notices=[Notice(**n) for n in item.get("notices", [])],
        locations={"$.unique_id": Location(source=source, line=line, column=3)},
    )


def read_fixture(
    data: bytes | IO[bytes], *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Any:
    raw = data if isinstance(data, bytes) else data.read()
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ParseError(exc.msg, source=source, line=exc.lineno, column=exc.colno) from exc
    items = value if isinstance(value, list) else [value]
    for index, item in enumerate(items):
        yield _record(item, source, index + 2)
