"""Feed dates: RFC 822 (RSS) with its real-world variants, and RFC 3339 (Atom, JSON).

Offsets are kept as printed: a named zone (``EDT``, ``GMT``, ``Z``) becomes its
numeric offset, never a conversion to UTC. A value that names an impossible
day or time gives no date and a ``PR202`` notice; a value that cannot be read
at all gives no date and a ``PR605`` notice; a time without a zone gives the
day alone and a ``PR203`` notice. Nothing here raises.

>>> parse_rfc822("Tue, 27 Jun 2017 15:05:00 +0100").value.isoformat()
'2017-06-27T15:05:00+01:00'
>>> parse_rfc822("Thu, 09 Feb 2006 16:59:45 PDT").value.isoformat()
'2006-02-09T16:59:45-07:00'
>>> parse_rfc822("Sat, 31 Jun 2006 23:08:26 +1000").notice.code
'PR202'
>>> format_rfc822(parse_rfc3339("2020-12-03T16:53:00+01:00").value)
'Thu, 03 Dec 2020 16:53:00 +0100'
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import attrs

from pressrelease.model import Location, Notice

__all__ = [
    "ParsedDate",
    "format_rfc822",
    "format_rfc3339",
    "format_xsd_datetime",
    "parse_rfc822",
    "parse_rfc3339",
]


@attrs.frozen
class ParsedDate:
    """A date read from a feed: the value (or ``None``) and what was noticed."""

    value: datetime | date | None = None
    notice: Notice | None = None


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# RFC 822 section 5 zones, plus UTC and the two European names feeds use most.
_ZONES = {
    "UT": 0,
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "EST": -5 * 60,
    "EDT": -4 * 60,
    "CST": -6 * 60,
    "CDT": -5 * 60,
    "MST": -7 * 60,
    "MDT": -6 * 60,
    "PST": -8 * 60,
    "PDT": -7 * 60,
    "BST": 60,
    "CET": 60,
    "CEST": 120,
}

_RFC822 = re.compile(
    r"""
    ^(?:(?P<weekday>[^\W\d_]+)\.?\s*,?\s*)?
    (?P<day>\d{1,2})[\s-]+(?P<month>[^\W\d_]+)\.?[\s-]+(?P<year>\d{2,4})
    \s+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?
    (?:\s*(?P<zone>[+-]\d{2}:?\d{2}|[^\W\d_]{1,5}))?$
    """,
    re.VERBOSE,
)
_RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:(Z)|([+-])(\d{2}):(\d{2}))$"
)
_DATE_ONLY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
#: The form nearly every feed prints (``Tue, 27 Jun 2017 15:05:00 +0100``), read
#: without the general pattern's alternatives; anything else takes the general path.
_USUAL_RFC822 = re.compile(
    r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{2}) "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([0-9]{4}) "
    r"([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]) ([+-])([0-9]{2})([0-5][0-9])"
)
_MONTH_NUMBERS = {name: number for number, name in enumerate(_MONTH_ABBR, start=1)}
_TIMEZONES: dict[int, timezone] = {}


def _timezone(minutes: int) -> timezone:
    """The fixed offset of ``minutes``, made once (feeds repeat a handful of offsets)."""
    zone = _TIMEZONES.get(minutes)
    if zone is None:
        zone = timezone(timedelta(minutes=minutes))
        if len(_TIMEZONES) < 4096:
            _TIMEZONES[minutes] = zone
    return zone


#: Dates read before, by their text: a feed often repeats one (items published together,
#: dates at midnight). Only values without a notice are kept: a notice has a location.
_SEEN_RFC822: dict[str, ParsedDate] = {}
_SEEN_RFC3339: dict[str, ParsedDate] = {}
_SEEN_MAX = 512


def _remember(seen: dict[str, ParsedDate], text: str, parsed: ParsedDate) -> ParsedDate:
    if len(seen) >= _SEEN_MAX:
        seen.clear()
    seen[text] = parsed
    return parsed


def _usual_rfc822(text: str) -> datetime | None:
    """The date of an RFC 822 date in the usual form, when it is a valid one; else ``None``.

    ``None`` sends the text to the general parser, which also words the notices.
    """
    match = _USUAL_RFC822.fullmatch(text)
    if match is None:
        return None
    weekday, day, month, year, hour, minute, second, sign, off_h, off_m = match.groups()
    offset = int(off_h) * 60 + int(off_m)
    try:
        value = datetime(
            int(year),
            _MONTH_NUMBERS[month],
            int(day),
            int(hour),
            int(minute),
            int(second),
            tzinfo=_timezone(-offset if sign == "-" else offset),
        )
    except ValueError:  # 31 Jun: the general parser says so
        return None
    if _WEEKDAYS[value.weekday()] != weekday:
        return None  # the general parser words the notice
    return value


def _strip_comments(text: str) -> str:
    """Remove RFC 822 comments: nested parentheses, with backslash escapes."""
    if "(" not in text:
        return text
    out: list[str] = []
    depth = 0
    escaped = False
    for char in text:
        if escaped:
            escaped = False
            continue
        if char == "\\" and depth:
            escaped = True
        elif char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if not depth:
                out.append(" ")  # a comment separates like white space
        elif not depth:
            out.append(char)
    return "".join(out)


def _notice(code: str, message: str, path: str, location: Location | None) -> Notice:
    return Notice(code=code, message=message, path=path, location=location)


def parse_rfc822(
    text: str, *, path: str = "$.published", location: Location | None = None
) -> ParsedDate:
    """Read an RSS date: RFC 822/2822 and the variants real feeds print.

    Accepted beyond the RFC: no weekday or a weekday in any language, no
    seconds, two- and three-digit years (RFC 2822 section 4.3), comments,
    a ``+hh:mm`` offset, and an RFC 3339 date (with a ``PR605`` notice).

    >>> parse_rfc822("09 Feb 06 23:59 GMT").value.isoformat()
    '2006-02-09T23:59:00+00:00'
    >>> parse_rfc822("Fri, 09 Feb 96 23:59:45 -0000").value.year
    1996
    >>> parse_rfc822("31 Dec 2002 14:20:20").value
    datetime.date(2002, 12, 31)
    """
    stripped = text.strip()
    seen = _SEEN_RFC822.get(stripped)
    if seen is not None:
        return seen
    usual = _usual_rfc822(stripped)
    if usual is not None:
        return _remember(_SEEN_RFC822, stripped, ParsedDate(usual))
    return _parse_rfc822(text, path, location)


def _parse_rfc822(text: str, path: str, location: Location | None) -> ParsedDate:
    """:func:`parse_rfc822` without its fast path: every variant, every notice."""
    raw = " ".join(_strip_comments(text).split())
    match = _RFC822.match(raw.replace(" ,", ","))
    if match is None:
        parsed = parse_rfc3339(raw, path=path, location=location)
        if parsed.value is not None:
            return ParsedDate(
                parsed.value,
                _notice(
                    "PR605",
                    f"date {text.strip()!r} is RFC 3339, not RFC 822; read as such",
                    path,
                    location,
                ),
            )
        return ParsedDate(
            None, _notice("PR605", f"date {text.strip()!r} is not an RFC 822 date", path, location)
        )
    month = _MONTHS.get(match["month"].lower())
    if month is None:
        return ParsedDate(
            None,
            _notice(
                "PR605",
                f"date {text.strip()!r} has an unknown month {match['month']!r}",
                path,
                location,
            ),
        )
    digits = match["year"]
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year < 50 else 1900
    elif len(digits) == 3:
        year += 1900
    day, hour, minute = int(match["day"]), int(match["hour"]), int(match["minute"])
    second = int(match["second"] or 0)
    try:
        day_value = date(year, month, day)
        if hour > 23 or minute > 59 or second > 59:
            raise ValueError("time out of range")
    except ValueError:
        return ParsedDate(
            None,
            _notice("PR202", f"date {text.strip()!r} is not a real date or time", path, location),
        )
    zone = match["zone"]
    notice: Notice | None = None
    offset: int | None
    if zone is None:
        offset = None
    elif zone[0] in "+-":
        digits_only = zone[1:].replace(":", "")
        hours, minutes = int(digits_only[:2]), int(digits_only[2:])
        if minutes > 59 or hours > 23:  # a day or more is no offset (and Python refuses it)
            return ParsedDate(
                None,
                _notice("PR202", f"date {text.strip()!r} has an impossible offset", path, location),
            )
        offset = (hours * 60 + minutes) * (-1 if zone[0] == "-" else 1)
        if ":" in zone:
            notice = _notice(
                "PR605",
                f"date {text.strip()!r} writes its offset with a colon; read anyway",
                path,
                location,
            )
    else:
        offset = _ZONES.get(zone.upper())
    if offset is None:
        why = "has no time zone" if zone is None else f"has a zone {zone!r} of unknown offset"
        return ParsedDate(
            day_value,
            _notice("PR203", f"date {text.strip()!r} {why}; kept the day only", path, location),
        )
    value = datetime(year, month, day, hour, minute, second, tzinfo=_timezone(offset))
    weekday = match["weekday"]
    if (
        notice is None
        and weekday is not None
        and weekday[:3].title() in _WEEKDAYS
        and weekday[:3].title() != _WEEKDAYS[day_value.weekday()]
    ):
        notice = _notice(
            "PR605",
            f"date {text.strip()!r} names the wrong weekday ({day_value:%Y-%m-%d} is a "
            f"{_WEEKDAYS[day_value.weekday()]}); kept the date",
            path,
            location,
        )
    return ParsedDate(value, notice)


def parse_rfc3339(
    text: str,
    *,
    path: str = "$.published",
    location: Location | None = None,
    allow_date: bool = False,
) -> ParsedDate:
    """Read an RFC 3339 date-time (Atom, JSON Feed, ninjs, NewsML-G2), offset kept.

    With ``allow_date``, a bare ``YYYY-MM-DD`` gives a :class:`~datetime.date`.

    >>> parse_rfc3339("2003-12-13T18:30:02.25Z").value.isoformat()
    '2003-12-13T18:30:02.250000+00:00'
    >>> parse_rfc3339("2003-12-13t18:30:02z").notice.code
    'PR605'
    >>> parse_rfc3339("2003-02-29T18:30:02Z").notice.code
    'PR202'
    """
    raw = text.strip()
    seen = _SEEN_RFC3339.get(raw)
    if seen is not None:
        return seen
    match = _RFC3339.match(raw)
    if match is None:
        day_match = _DATE_ONLY.match(raw) if allow_date else None
        if day_match is not None:
            try:
                return ParsedDate(date(*(int(g) for g in day_match.groups())))
            except ValueError:
                return ParsedDate(
                    None, _notice("PR202", f"date {raw!r} is not a real date", path, location)
                )
        return ParsedDate(
            None, _notice("PR605", f"date {raw!r} is not an RFC 3339 date-time", path, location)
        )
    year, month, day, hour, minute, second, fraction, zulu, sign, off_h, off_m = match.groups()
    micro = int((fraction + "000000")[:6]) if fraction else 0
    if zulu:
        offset = 0
    else:
        if int(off_h) > 23 or int(off_m) > 59:
            return ParsedDate(
                None, _notice("PR202", f"date {raw!r} has an impossible offset", path, location)
            )
        offset = (int(off_h) * 60 + int(off_m)) * (-1 if sign == "-" else 1)
    try:
        value = datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second),
            micro,
            tzinfo=_timezone(offset),
        )
    except ValueError:
        return ParsedDate(
            None, _notice("PR202", f"date {raw!r} is not a real date or time", path, location)
        )
    return _remember(_SEEN_RFC3339, raw, ParsedDate(value))


def _offset_minutes(value: datetime) -> int | None:
    offset = value.utcoffset()
    assert offset is not None  # the model only holds aware datetimes
    seconds = int(offset.total_seconds())
    if seconds % 60 or offset.microseconds:
        return None
    return seconds // 60


def format_rfc3339(value: datetime) -> str:
    """RFC 3339 with the record's own offset (UTC when the offset has seconds)."""
    minutes = _offset_minutes(value)
    if minutes is None:
        value = value.astimezone(UTC)
        minutes = 0
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    stamp = f"{value.year:04d}-{value:%m-%dT%H:%M:%S}"
    if value.microsecond:
        stamp += f".{value.microsecond:06d}"
    return f"{stamp}{sign}{hours:02d}:{mins:02d}"


def format_xsd_datetime(value: datetime) -> str:
    """RFC 3339 that is also an ``xs:dateTime``: UTC when the offset is beyond +-14:00.

    XML Schema allows offsets from -14:00 to +14:00 only (Atom's grammar and
    NewsML-G2 type their dates so); the instant is kept, the offset is then
    only in our extension.

    >>> from datetime import timedelta, timezone
    >>> format_xsd_datetime(datetime(2020, 1, 1, 12, tzinfo=timezone(timedelta(hours=15))))
    '2019-12-31T21:00:00+00:00'
    """
    offset = value.utcoffset()
    assert offset is not None  # the model only holds aware datetimes
    if abs(offset) > timedelta(hours=14):
        value = value.astimezone(UTC)
    return format_rfc3339(value)


def format_rfc822(value: datetime) -> str:
    """RFC 822 with a numeric offset (the only zone form that keeps the offset exact)."""
    minutes = _offset_minutes(value)
    if minutes is None:
        value = value.astimezone(UTC)
        minutes = 0
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return (
        f"{_WEEKDAYS[value.weekday()]}, {value.day:02d} {_MONTH_ABBR[value.month - 1]} "
        f"{value.year:04d} {value:%H:%M:%S} {sign}{hours:02d}{mins:02d}"
    )
