"""Dates and times in running text, in the EU's 24 official languages and Arabic, Chinese, Russian.

Forms recognised (digits may be any Unicode decimal digits):

* numeric: ``03/12/2020``, ``3.12.2020``, ``3-12-2020``, ``2020-12-03``,
  ``2020/12/03``, ``2020年12月3日``;
* day, month name, year: ``3 décembre 2020``, ``1er décembre 2020``,
  ``3. Dezember 2020``, ``3 de diciembre de 2020``, ``3 grudnia 2020``,
  ``3 ta' Diċembru 2020``, ``3 Δεκεμβρίου 2020``, ``3 декабря 2020 г.``;
* month name, day, year: ``December 3, 2020``, ``May 19-21, 2023`` (the last day);
* year first: ``2020. december 3.`` (hu), ``2020 m. gruodžio 3 d.`` (lt),
  ``2020. gada 3. decembris`` (lv);
* an optional weekday before any of these (``jeudi 3 décembre 2020``,
  ``Friday, 11 April 2014``), included in the match;
* a time right after the date: ``- 16:53``, ``16h53``, ``à 16 h 53``,
  ``4.30 p.m.``, ``4 p.m.``, with an optional offset (``+01:00``, ``UTC``,
  ``CET``...).

Month and weekday names come from CLDR through Babel, in every width and
context (``décembre``, ``déc.``; Polish genitive ``grudnia`` and nominative
``grudzień``), folded (case, accents) for matching. Babel is imported and a
language's table built only when first needed, then cached for the process.

Numeric dates whose day and month could be swapped are resolved, in order, by
the date an ID encodes (``201203_6`` is 2020-12-03), then by the issuer's
convention (``date_order``); failing both, the day-first reading is kept and a
``PR206`` notice says so. Impossible dates (``31/02/2020``) give no date and a
``PR202`` notice.

>>> found = find_dates("Brussels, 03/12/2020 - 16:53, UNIQUE ID: 201203_6", date_order="dmy")
>>> found.dates[0].day, found.dates[0].time
(datetime.date(2020, 12, 3), datetime.time(16, 53))
>>> find_dates("Berlin, den 3. Dezember 2020", language="de").dates[0].day
datetime.date(2020, 12, 3)
>>> find_dates("le 31/02/2020").notices[0].code
'PR202'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, time, timedelta
from functools import cache

import attrs

from pressrelease.model import Location, Notice

__all__ = [
    "LANGUAGES",
    "DateScan",
    "FoundDate",
    "find_dates",
    "fold",
    "month_table",
    "weekday_table",
]

#: The EU's 24 official languages, then Arabic, Chinese and Russian (the other UN ones).
LANGUAGES: tuple[str, ...] = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
    "ar", "zh", "ru",
)  # fmt: skip

_WORD = r"[^\W\d_]+"
_D = r"\d"

_DAY_SUFFIX = r"(?:\.|er|ᵉʳ|º|°|ª|st|nd|rd|th|-?го|-?е)?"
_DMY_WORDS = re.compile(
    rf"(?<![\w.,/-])(?P<d0>{_D}{{1,2}}){_DAY_SUFFIX}(?:[ \t]*[-–][ \t]*(?P<d>{_D}{{1,2}}){_DAY_SUFFIX})?"
    rf"[ \t\u00a0]*(?:de[ \t]+|ta['’][ \t]*)?(?P<mon>{_WORD}(?:[ \t]{_WORD})?)\.?"
    rf"(?:[ \t]+de)?,?[ \t\u00a0]+(?P<y>{_D}{{4}})(?![\d/])(?:\s?(?:г\.|р\.|m\.|года|г\b))?",
)
_MDY_WORDS = re.compile(
    rf"(?<!\w)(?P<mon>{_WORD})\.?[ \t\u00a0]+(?:{_D}{{1,2}}(?:st|nd|rd|th)?[ \t]*[-–][ \t]*)?"
    rf"(?P<d>{_D}{{1,2}})(?:st|nd|rd|th)?,?[ \t\u00a0]+(?P<y>{_D}{{4}})(?![\d/])",
)
_YMD_WORDS = re.compile(
    # hu: 2020. december 3. · lt: 2020 m. gruodžio 3 d. · lv: 2020. gada 3. decembris
    rf"(?<![\w.])(?P<y>{_D}{{4}})(?:\.|[ \t]*m\.)?[ \t]+"
    rf"(?:gada[ \t]+(?P<d2>{_D}{{1,2}})\.[ \t]*(?P<mon2>{_WORD})"
    rf"|(?P<mon>{_WORD})[ \t]+(?P<d>{_D}{{1,2}})(?:\.|[ \t]*d\.)?)(?!\w)",
)
_CJK = re.compile(rf"(?P<y>{_D}{{4}})\s*年\s*(?P<m>{_D}{{1,2}})\s*月\s*(?P<d>{_D}{{1,2}})\s*[日号]")
_ISO = re.compile(
    rf"(?<![\w./-])(?P<y>{_D}{{4}})-(?P<m>{_D}{{2}})-(?P<d>{_D}{{2}})"
    rf"(?:[T ](?P<H>{_D}{{2}}):(?P<M>{_D}{{2}})(?::(?P<S>{_D}{{2}})(?:\.\d+)?)?"
    r"[ \t]?(?P<off>Z|[+-]\d{2}:?\d{2})?)?(?![\d/])"
)
_YMD_NUMERIC = re.compile(
    rf"(?<![\w./-])(?P<y>{_D}{{4}})(?P<sep>[./])(?P<m>{_D}{{1,2}})(?P=sep)(?P<d>{_D}{{1,2}})(?![\d/])\.?"
)
_NUMERIC = re.compile(
    rf"(?<![\w./-])(?P<a>{_D}{{1,2}})[ \t]*(?P<sep>[./-])[ \t]*(?P<b>{_D}{{1,2}})[ \t]*(?P=sep)"
    rf"[ \t]*(?P<y>{_D}{{4}})(?![\d/])\.?"
)

_ZONE_ABBREVIATIONS: dict[str, timedelta] = {
    "z": timedelta(0),
    "utc": timedelta(0),
    "gmt": timedelta(0),
    "cet": timedelta(hours=1),
    "cest": timedelta(hours=2),
    "eet": timedelta(hours=2),
    "eest": timedelta(hours=3),
    "est": timedelta(hours=-5),
    "edt": timedelta(hours=-4),
    "aest": timedelta(hours=10),
    "aedt": timedelta(hours=11),
}
_TIME_AFTER = re.compile(
    r"[ \t\u00a0]*(?:[-–—,|][ \t\u00a0]*)?"
    r"(?:(?:at|à|um|a[ \t]las|alle|às|om|kl\.?|klo|o|в|في)[ \t\u00a0]+)?"
    r"(?P<h>\d{1,2})(?:[ \t\u00a0]*(?:[:h.]|ч\.?)[ \t\u00a0]*(?P<m>\d{2})(?!\d))?"
    r"(?:[ \t\u00a0]*(?P<ampm>[ap])\.?[ \t]?m\b\.?)?"
    r"(?:[ \t\u00a0]*(?:h\b|Uhr\b|ч\.))?"
    r"(?:[ \t\u00a0]*\(?(?:(?P<off>[+-]\d{2}:?\d{2})|(?P<abbr>UTC|GMT|CEST|CET|EEST|EET|EDT|EST|AEDT|AEST|Z)"
    r"(?:[ \t]*(?P<off2>[+-]\d{1,2}(?::?\d{2})?))?)\)?)?"
)


def fold(word: str) -> str:
    """The form names are matched in: no accents, case-folded, no trailing dot.

    >>> fold("Décembre."), fold("ΔΕΚΕΜΒΡΊΟΥ"), fold("Diċembru")
    ('decembre', 'δεκεμβριου', 'dicembru')
    """
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().rstrip(".")


@cache
def month_table(language: str) -> dict[str, int]:
    """Folded month names of ``language`` (every CLDR width and context) to 1-12.

    >>> month_table("pl")["grudnia"], month_table("pl")["grudzien"], month_table("fr")["dec"]
    (12, 12, 12)
    """
    from babel.dates import get_month_names  # Babel costs ~20 ms: load on use

    table: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale=language).items():
                key = fold(name)
                if key and not key.isdigit():
                    table.setdefault(key, number)
    if language == "en":
        table.setdefault("sept", 9)
    return table


@cache
def weekday_table(language: str) -> frozenset[str]:
    """Folded weekday names of ``language`` in every CLDR width and context.

    >>> "jeudi" in weekday_table("fr"), "torstai" in weekday_table("fi")
    (True, True)
    """
    from babel.dates import get_day_names

    names: set[str] = set()
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            names.update(fold(n) for n in get_day_names(width, context, locale=language).values())
    return frozenset(names)


@cache
def _merged_months() -> dict[str, int]:
    """Month names of every language that mean the same month in all of them."""
    merged: dict[str, int] = {}
    clashes: set[str] = set()
    for language in LANGUAGES:
        if language == "zh":
            continue
        for key, number in month_table(language).items():
            if merged.get(key, number) != number:
                clashes.add(key)
            merged.setdefault(key, number)
    for key in clashes:
        del merged[key]
    return merged


@cache
def _merged_weekdays() -> frozenset[str]:
    return frozenset().union(*(weekday_table(lang) for lang in LANGUAGES if lang != "zh"))


_ANY_DIGIT = re.compile(r"\d")


def _base(language: str | None) -> str | None:
    if not language:
        return None
    base = language.split("-")[0].lower()
    return base if base in LANGUAGES else None


def _month(word: str, language: str | None) -> int | None:
    """The month a name means; of two words (Irish ``Meán Fómhair``), else of the first."""
    found = _month_name(word, language)
    if found is None and " " in word.strip():
        found = _month_name(word.split()[0], language)
    return found


def _month_name(word: str, language: str | None) -> int | None:
    key = fold(word)
    base = _base(language)
    if base and base != "zh":
        found = month_table(base).get(key)
        if found:
            return found
    return _merged_months().get(key)


def _is_weekday(word: str, language: str | None) -> bool:
    key = fold(word)
    base = _base(language)
    if base and base != "zh" and key in weekday_table(base):
        return True
    return key in _merged_weekdays()


@attrs.frozen(kw_only=True)
class FoundDate:
    """A date (and perhaps a time) found in text.

    Attributes:
        day: the calendar date.
        time: the local time printed with it, if any (naive).
        offset: the UTC offset printed with the time (``+01:00``, ``CET``), if any.
        start: where the match starts in the scanned text (a weekday included).
        end: where it ends (after the time, if any).
        text: the matched text.
        numeric: whether the date was all digits (day/month order mattered).
    """

    day: date
    time: time | None = None
    offset: timedelta | None = None
    start: int
    end: int
    text: str
    numeric: bool = False


@attrs.frozen(kw_only=True)
class DateScan:
    """What :func:`find_dates` found: dates in text order, and notices (PR202, PR206)."""

    dates: tuple[FoundDate, ...] = ()
    notices: tuple[Notice, ...] = ()

    @property
    def first(self) -> FoundDate | None:
        """The first date in the text, or ``None``."""
        return self.dates[0] if self.dates else None


_NOTHING = DateScan()


def _location(text: str, index: int, line: int, column: int, source: str | None) -> Location:
    before = text[:index]
    newlines = before.count("\n")
    if newlines:
        return Location(source=source, line=line + newlines, column=index - before.rfind("\n"))
    return Location(source=source, line=line, column=column + index)


def _time_after(text: str, end: int) -> tuple[time | None, timedelta | None, int]:
    found = _TIME_AFTER.match(text, end)
    if not found:
        return None, None, end
    hour = int(found["h"])
    minute = int(found["m"]) if found["m"] else 0
    if not found["m"] and not found["ampm"]:
        return None, None, end  # a lone number after a date is not a time
    if found["ampm"]:
        if not 1 <= hour <= 12:
            return None, None, end
        hour = hour % 12 + (12 if found["ampm"].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None, None, end
    offset: timedelta | None = None
    if found["off"]:
        offset = _parse_offset(found["off"])
    elif found["abbr"]:
        offset = _ZONE_ABBREVIATIONS[found["abbr"].lower()]
        if found["off2"]:
            extra = _parse_offset(found["off2"])
            offset = offset + extra if extra is not None else None
    end_at = found.end()
    while end_at > end and text[end_at - 1] in " \t\u00a0":
        end_at -= 1
    return time(hour, minute), offset, end_at


def _parse_offset(value: str) -> timedelta | None:
    sign = -1 if value[0] == "-" else 1
    digits = value[1:].replace(":", "")
    if len(digits) <= 2:
        hours, minutes = int(digits), 0
    else:
        hours, minutes = int(digits[:-2]), int(digits[-2:])
    if hours > 14 or minutes > 59:
        return None
    return sign * timedelta(hours=hours, minutes=minutes)


def _weekday_start(text: str, start: int, language: str | None) -> int:
    before = re.search(rf"({_WORD})[,.]?[ \t\u00a0]+$", text[max(0, start - 40) : start])
    if before and _is_weekday(before.group(1), language):
        return start - len(before.group(0))
    return start


def find_dates(
    text: str,
    *,
    language: str | None = None,
    date_order: str | None = None,
    id_date: tuple[int, int | None, int | None] | None = None,
    source: str | None = None,
    line: int = 1,
    column: int = 1,
    limit: int | None = None,
) -> DateScan:
    """Find the dates (with adjacent times) in ``text``, in text order.

    Args:
        text: where to look (a line, a paragraph or a whole document).
        language: BCP 47 tag of the text, if known: its month names are tried
            first (Croatian ``listopad`` is October, Czech and Polish November).
        date_order: the issuer's numeric order, ``"dmy"``, ``"mdy"`` or ``"ymd"``.
        id_date: the (year, month, day) the release's ID encodes, to resolve
            a day/month order.
        source, line, column: where ``text`` starts, for notice locations.
        limit: stop after this many dates.

    Returns:
        The dates found and the notices raised (``PR202`` impossible date,
        ``PR206`` ambiguous day/month order).

    >>> scan = find_dates("May 19-21, 2023 and 4 p.m.; 3 de diciembre de 2020", language="en")
    >>> [d.day.isoformat() for d in scan.dates]
    ['2023-05-21', '2020-12-03']
    >>> find_dates("05/06/2020").notices[0].code
    'PR206'
    >>> find_dates("05/06/2020", date_order="mdy").dates[0].day
    datetime.date(2020, 5, 6)
    """
    if not _ANY_DIGIT.search(text):
        return _NOTHING  # every form has a digit: most lines are done here
    candidates: list[tuple[int, int, date | None, bool, str, str]] = []
    notices: list[Notice] = []
    taken: list[tuple[int, int]] = []

    def overlaps(start: int, end: int) -> bool:
        return any(start < t_end and t_start < end for t_start, t_end in taken)

    def add(start: int, end: int, parts: tuple[int, int, int], numeric: bool) -> None:
        if overlaps(start, end):
            return
        taken.append((start, end))
        year, month, day = parts
        snippet = text[start:end]
        try:
            value: date | None = date(year, month, day)
        except ValueError:
            value = None
            notices.append(
                Notice(
                    code="PR202",
                    message=f"{snippet!r} is not a real calendar date "
                    f"(year {year}, month {month}, day {day}); no date taken from it",
                    path="$.published",
                    location=_location(text, start, line, column, source),
                )
            )
        candidates.append((start, end, value, numeric, snippet, ""))

    for pattern in (_ISO, _CJK, _YMD_NUMERIC):
        for found in pattern.finditer(text):
            add(
                found.start(),
                found.end(),
                (int(found["y"]), int(found["m"]), int(found["d"])),
                numeric=pattern is not _CJK,
            )
    for found in _YMD_WORDS.finditer(text):
        word = found["mon"] or found["mon2"]
        month = _month(word, language)
        if month is None:
            continue
        day_text = found["d"] or found["d2"]
        add(found.start(), found.end(), (int(found["y"]), month, int(day_text)), numeric=False)
    for found in _DMY_WORDS.finditer(text):
        month = _month(found["mon"], language)
        if month is None:
            continue
        start = _weekday_start(text, found.start(), language)
        day = int(found["d"] or found["d0"])
        add(start, found.end(), (int(found["y"]), month, day), numeric=False)
    for found in _MDY_WORDS.finditer(text):
        month = _month(found["mon"], language)
        if month is None:
            continue
        start = _weekday_start(text, found.start(), language)
        add(start, found.end(), (int(found["y"]), month, int(found["d"])), numeric=False)
    for found in _NUMERIC.finditer(text):
        if overlaps(found.start(), found.end()):
            continue
        first, second, year = int(found["a"]), int(found["b"]), int(found["y"])
        parts = _order(
            first,
            second,
            year,
            date_order=date_order,
            id_date=id_date,
            snippet=found.group(0),
            notices=notices,
            location=_location(text, found.start(), line, column, source),
        )
        add(found.start(), found.end(), parts, numeric=True)

    candidates.sort(key=lambda c: c[0])
    dates: list[FoundDate] = []
    for start, end, value, numeric, snippet, _ in candidates:
        if value is None:
            continue
        clock: time | None = None
        offset: timedelta | None = None
        if not (numeric and snippet.count(":")):
            clock, offset, end = _time_after(text, end)
        else:
            iso = _ISO.match(text, start)
            if iso and iso["H"]:
                clock = time(int(iso["H"]), int(iso["M"]), int(iso["S"] or 0))
                offset = _parse_offset(iso["off"]) if iso["off"] and iso["off"] != "Z" else None
                if iso["off"] == "Z":
                    offset = timedelta(0)
        dates.append(
            FoundDate(
                day=value,
                time=clock,
                offset=offset,
                start=start,
                end=end,
                text=text[start:end],
                numeric=numeric,
            )
        )
        if limit is not None and len(dates) >= limit:
            break
    return DateScan(dates=tuple(dates), notices=tuple(notices))


def _order(
    first: int,
    second: int,
    year: int,
    *,
    date_order: str | None,
    id_date: tuple[int, int | None, int | None] | None,
    snippet: str,
    notices: list[Notice],
    location: Location,
) -> tuple[int, int, int]:
    """(year, month, day) of a numeric date whose first two numbers may be swapped."""
    dmy = (year, second, first)
    mdy = (year, first, second)
    readings = [parts for parts in (dmy, mdy) if _valid(*parts)]
    if first == second or len(readings) < 2:
        return readings[0] if readings else (dmy if date_order != "mdy" else mdy)
    if id_date is not None and id_date[1] is not None:
        agreeing = [parts for parts in readings if _agrees(parts, id_date)]
        if len(agreeing) == 1:
            return agreeing[0]
    if date_order == "mdy":
        return mdy
    if date_order in ("dmy", "ymd"):
        return dmy
    notices.append(
        Notice(
            code="PR206",
            message=f"{snippet!r} could be day/month or month/day and neither the issuer nor "
            f"an ID settles it; read as day first ({date(*dmy).isoformat()})",
            path="$.published",
            location=location,
        )
    )
    return dmy


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _agrees(parts: tuple[int, int, int], id_date: tuple[int, int | None, int | None]) -> bool:
    year, month, day = id_date
    return parts[0] == year and parts[1] == month and (day is None or parts[2] == day)


def preload(languages: Iterable[str] = LANGUAGES) -> None:
    """Build the month and weekday tables now (for servers that prefer paying at start-up)."""
    for language in languages:
        if language != "zh":
            month_table(language)
            weekday_table(language)
