"""Structured metadata of a page: JSON-LD as found in the wild, and machine-written dates.

JSON-LD is data, never code: it is read with :func:`json.loads` only, after
repairs that real pages need (HTML comments and CDATA markers around the
script, trailing commas, several objects one after another). Nothing that
fails those repairs is guessed at.

>>> items = load_json_ld('<!-- {"@type": "NewsArticle", "headline": "A",} --> {"@type": "Thing"}')
>>> [item["@type"] for item in items]
['NewsArticle', 'Thing']
>>> parse_machine_date("2023-10-06T12:00:00Z")
datetime.datetime(2023, 10, 6, 12, 0, tzinfo=datetime.timezone.utc)
>>> parse_machine_date("19-10-2022")
datetime.date(2022, 10, 19)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

__all__ = [
    "ARTICLE_TYPES",
    "article_objects",
    "json_depth",
    "load_json_ld",
    "parse_machine_date",
]

#: schema.org types that describe a press release page's main item.
ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "Report",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BlogPosting",
        "WebPage",
        "PressRelease",
    }
)

_COMMENT = re.compile(r"<!--|-->|<!\[CDATA\[|\]\]>|^\s*//.*$", re.MULTILINE)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")


def _strip_trailing_commas(text: str) -> str:
    """Remove commas before ``}``/``]`` that stand outside strings."""
    out: list[str] = []
    index = 0
    in_string = False
    length = len(text)
    while index < length:
        char = text[index]
        if in_string:
            out.append(char)
            if char == "\\" and index + 1 < length:
                out.append(text[index + 1])
                index += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
            out.append(char)
        elif char == ",":
            look = index + 1
            while look < length and text[look] in " \t\r\n":
                look += 1
            if look >= length or text[look] not in "}]":
                out.append(char)
        else:
            out.append(char)
        index += 1
    return "".join(out)


def load_json_ld(text: str) -> list[Any]:
    """The JSON values in one ``<script type="application/ld+json">``, repaired as needed.

    Returns an empty list when the text is not JSON even after the repairs.
    """
    cleaned = _COMMENT.sub("", text).strip()
    if not cleaned:
        return []
    try:
        return [json.loads(cleaned)]
    except ValueError:
        pass
    if "," in cleaned:
        cleaned = _strip_trailing_commas(cleaned)
    decoder = json.JSONDecoder()
    values: list[Any] = []
    index = 0
    length = len(cleaned)
    while index < length:
        while index < length and cleaned[index] in " \t\r\n;,":
            index += 1
        if index >= length:
            break
        try:
            value, index = decoder.raw_decode(cleaned, index)
        except ValueError:
            break
        values.append(value)
    return values


def json_depth(value: Any, limit: int) -> int:
    """The nesting depth of ``value``, counting stops once past ``limit``."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    if isinstance(kind, str):
        return {kind.rsplit("/", 1)[-1]}
    if isinstance(kind, list):
        return {k.rsplit("/", 1)[-1] for k in kind if isinstance(k, str)}
    return set()


def article_objects(values: list[Any]) -> Iterator[dict[str, Any]]:
    """The objects of article types in JSON-LD values, ``@graph`` members included.

    Articles proper come before ``WebPage`` objects.
    """
    pages: list[dict[str, Any]] = []
    stack = list(reversed(values))
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(reversed(graph))
            types = _types(item)
            if "WebPage" in types and not types - {"WebPage"}:
                pages.append(item)
            elif types & ARTICLE_TYPES:
                yield item
    yield from pages


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_ISO_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?",
    re.ASCII,
)
_NUMERIC = re.compile(r"(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})", re.ASCII)


def _offset(text: str | None) -> timezone | None:
    if text is None:
        return None
    if text == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise ValueError(f"UTC offset {text!r} is out of range")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def parse_machine_date(value: str, *, order: str = "dmy") -> date | datetime | None:
    """A date or datetime from a machine-written value, or ``None`` if it is not one.

    Accepts ISO 8601 dates and date-times (aware or naive) and all-numeric
    dates ``19-10-2022``/``23.09.2026``/``2020/04/29`` read in ``order``
    (``"dmy"``, ``"mdy"`` or ``"ymd"``) unless the four-digit year comes
    first. Raises :class:`ValueError` for a value of a known form that names
    an impossible day (``2020-02-31``).

    >>> parse_machine_date("2019-07-18T11:37:00")
    datetime.datetime(2019, 7, 18, 11, 37)
    >>> parse_machine_date("07/18/2019", order="mdy")
    datetime.date(2019, 7, 18)
    >>> parse_machine_date("18 July 2019") is None
    True
    """
    value = value.strip()
    found = _ISO_DATETIME.fullmatch(value)
    if found:
        year, month, day, hour, minute = (int(found.group(i)) for i in range(1, 6))
        second = int(found.group(6) or 0)
        return datetime(year, month, day, hour, minute, second, tzinfo=_offset(found.group(7)))
    found = _ISO_DATE.fullmatch(value)
    if found:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    found = _NUMERIC.fullmatch(value)
    if found:
        first, _, second_part, last = found.groups()
        a, b, c = int(first), int(second_part), int(last)
        if len(first) == 4:
            return date(a, b, c)
        if len(last) != 4:
            return None
        if order == "mdy":
            return date(c, a, b)
        return date(c, b, a)
    return None


def ambiguous_numeric(value: str) -> bool:
    """Whether an all-numeric date could be read day-first or month-first.

    >>> ambiguous_numeric("03/12/2020"), ambiguous_numeric("19-10-2022"), ambiguous_numeric("2020-12-03")
    (True, False, False)
    """
    found = _NUMERIC.fullmatch(value.strip())
    if not found or len(found.group(1)) == 4:
        return False
    a, b = int(found.group(1)), int(found.group(3))
    return a != b and a <= 12 and b <= 12
