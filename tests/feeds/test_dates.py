"""Feed dates against the feedvalidator cases (their ``Expect:`` header) and hand-made variants."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressrelease.feeds import read_feed
from pressrelease.feeds._dates import (
    ParsedDate,
    _parse_rfc822,
    _usual_rfc822,
    format_rfc822,
    format_rfc3339,
    parse_rfc822,
    parse_rfc3339,
)
from pressrelease.model import Location
from tests.conftest import STANDARDS

FEEDVALIDATOR = STANDARDS / "examples" / "feedvalidator"


def _expect(path: Path) -> str:
    match = re.search(r"Expect:\s*(\S+)", path.read_text(encoding="utf-8"))
    assert match, path
    return match.group(1)


def _cases(folder: str) -> list[Path]:
    return sorted((FEEDVALIDATOR / folder).glob("*.xml"))


def _offset(hours: float) -> timezone:
    return timezone(timedelta(minutes=round(hours * 60)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tue, 27 Jun 2017 15:05:00 +0100", datetime(2017, 6, 27, 15, 5, tzinfo=_offset(1))),
        ("Thu, 09 Feb 2006 23:59 +0000", datetime(2006, 2, 9, 23, 59, tzinfo=_offset(0))),
        ("Thu, 09 Feb 06 23:59:45 +0000", datetime(2006, 2, 9, 23, 59, 45, tzinfo=_offset(0))),
        ("Fri, 09 Feb 96 23:59:45 +0000", datetime(1996, 2, 9, 23, 59, 45, tzinfo=_offset(0))),
        ("Thu, 09 Feb 2006 16:59:45 PDT", datetime(2006, 2, 9, 16, 59, 45, tzinfo=_offset(-7))),
        ("Thu, 09 Feb 2006 16:59:45 pDt", datetime(2006, 2, 9, 16, 59, 45, tzinfo=_offset(-7))),
        ("Mon, 21 Oct 2002 14:04:23 EDT", datetime(2002, 10, 21, 14, 4, 23, tzinfo=_offset(-4))),
        ("Thu, 09 Feb 2006 23:59:45 z", datetime(2006, 2, 9, 23, 59, 45, tzinfo=_offset(0))),
        (
            "Thu, 09 Feb 2006 21:25:45 -0234",
            datetime(2006, 2, 9, 21, 25, 45, tzinfo=_offset(-2 - 34 / 60)),
        ),
        ("Do, 09 Feb 2006 23:59:45 GMT", datetime(2006, 2, 9, 23, 59, 45, tzinfo=_offset(0))),
        ("jeu., 09 Feb 2006 23:59:45 +0100", datetime(2006, 2, 9, 23, 59, 45, tzinfo=_offset(1))),
        (
            "Thu, 09 (nested (comment) Mar)Feb(escaped comment\\) 2005) 2006()23:59:45 +0000",
            datetime(2006, 2, 9, 23, 59, 45, tzinfo=_offset(0)),
        ),
        (
            "\n Thu,\n 09 Feb 2006\n 23:59:45 +0000\n",
            datetime(2006, 2, 9, 23, 59, 45, tzinfo=_offset(0)),
        ),
    ],
)
def test_rfc822_variants_keep_the_offset(text: str, expected: datetime) -> None:
    value = parse_rfc822(text).value
    assert isinstance(value, datetime)
    assert value == expected
    assert value.utcoffset() == expected.utcoffset()


def test_rfc822_without_zone_keeps_the_day_and_says_so() -> None:
    parsed = parse_rfc822("Thu, 09 Feb 2006 16:59:45 G")
    assert parsed.value == date(2006, 2, 9)
    assert parsed.notice is not None
    assert parsed.notice.code == "PR203"


@pytest.mark.parametrize(
    "text", ["Sat, 31 Jun 2006 23:08:26 +1000", "30 Feb 2020 10:00 GMT", "01 Jan 2020 25:00 GMT"]
)
def test_impossible_dates_give_no_date_and_pr202(text: str) -> None:
    parsed = parse_rfc822(text)
    assert parsed.value is None
    assert parsed.notice is not None
    assert parsed.notice.code == "PR202"


def test_rfc3339_keeps_offset_and_refuses_what_atom_refuses() -> None:
    value = parse_rfc3339("2020-12-03T16:53:00.5-05:30").value
    assert isinstance(value, datetime)
    assert value.utcoffset() == timedelta(hours=-5, minutes=-30)
    assert value.microsecond == 500000
    for bad in ("2003-12-13", "2003-12-13T18:30Z", "2003-12-13 T18:30:02Z", "2003-12-13t18:30:02z"):
        parsed = parse_rfc3339(bad)
        assert parsed.value is None, bad
        assert parsed.notice is not None, bad


def test_formatters() -> None:
    value = datetime(2020, 12, 3, 16, 53, tzinfo=_offset(1))
    assert format_rfc822(value) == "Thu, 03 Dec 2020 16:53:00 +0100"
    assert format_rfc3339(value) == "2020-12-03T16:53:00+01:00"
    odd = datetime(2020, 1, 1, tzinfo=timezone(timedelta(seconds=30)))
    assert format_rfc3339(odd) == "2019-12-31T23:59:30+00:00"  # an offset in seconds: UTC instead


@pytest.mark.parametrize("path", _cases("rss20/data-types-datetime"), ids=lambda p: p.name)
def test_feedvalidator_rss_dates(path: Path) -> None:
    """Valid and problematical dates are read; invalid ones give no date or a notice, never a crash."""
    expect = _expect(path)
    records = list(read_feed(path.read_bytes(), "rss", source=path.name))
    if path.name == "everything.xml":
        dated = [r for r in records if isinstance(r.published, datetime)]
        # 30 items; the three military zones (G, L, Q) are of unknown offset: the day only.
        assert len(records) == 30
        assert len(dated) == 27
        assert {r.published.astimezone(UTC) for r in dated if r.published.year == 2006} == {
            datetime(2006, 2, 9, 23, 59, 45, tzinfo=UTC),
            datetime(2006, 2, 9, 23, 59, tzinfo=UTC),
        }
        return
    # These cases put the date on the channel; read it the way an item's is read.
    text = re.search(r"<pubDate>(.*?)</pubDate>", path.read_text(encoding="utf-8"), re.S)
    assert text
    parsed = parse_rfc822(text.group(1))
    if expect.startswith("Invalid"):
        assert parsed.value is None or parsed.notice is not None, parsed
    else:
        assert parsed.value is not None, (expect, text.group(1))


@pytest.mark.parametrize("path", _cases("atom/3.3"), ids=lambda p: p.name)
def test_feedvalidator_atom_dates(path: Path) -> None:
    expect = _expect(path)
    records = list(read_feed(path.read_bytes(), "atom", source=path.name))
    if "element:published" in expect:
        (record,) = records
        if expect.startswith("Invalid"):
            assert record.published is None
            assert any(n.code in ("PR202", "PR605") for n in record.notices)
        else:
            assert isinstance(record.published, datetime)
    else:  # feed-level 'updated' cases: entries still read, each with a date
        assert records
        assert all(r.published is not None for r in records)


# --- the fast path for the usual RFC 822 form agrees with the general parser -----------

_WEEKDAY_NAMES = st.sampled_from(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "mon", "Jeu"])
_MONTH_NAMES = st.sampled_from(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "jun"]
)
_TWO = st.integers(0, 99).map("{:02d}".format)
_ZONE_NAMES = st.sampled_from(["GMT", "UT", "Z", "EDT", "PDT", "CEST", "XYZ"])
_NUMERIC_ZONES = st.builds(
    "{}{}{}".format, st.sampled_from("+-"), _TWO, st.sampled_from(["00", "30", "45", "59", "60"])
)


_REAL_ZONES = st.builds(
    "{}{:02d}{}".format,
    st.sampled_from("+-"),
    st.integers(0, 23),
    st.sampled_from(["00", "30", "45", "59"]),
)
_WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@st.composite
def rfc822_dates(draw: st.DrawFn) -> str:
    """RFC 822 dates: real ones in the usual form, and the ways they go wrong."""
    real = draw(st.booleans())
    zone = draw(_REAL_ZONES if real else st.one_of(_NUMERIC_ZONES, _ZONE_NAMES))
    if real:  # a real date, its weekday right
        when = draw(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)))
        text = (
            f"{_WEEKDAY_ABBR[when.weekday()]}, {when.day:02d} {_MONTH_ABBR[when.month - 1]} "
            f"{when.year:04d} {when:%H:%M:%S} {zone}"
        )
    else:
        year = draw(st.sampled_from(["2017", "1996", "0001", "9999", "0000", "2020", "2100"]))
        day = draw(st.one_of(_TWO, st.integers(1, 9).map(str)))
        time = f"{draw(_TWO)}:{draw(_TWO)}" + draw(st.sampled_from(["", f":{draw(_TWO)}"]))
        text = f"{draw(_WEEKDAY_NAMES)}, {day} {draw(_MONTH_NAMES)} {year} {time} {zone}"
    spoil = draw(st.sampled_from(["", "", "", "pad", "comment", "double space"]))
    if spoil == "pad":
        text = f" {text}\n"
    elif spoil == "comment":
        text += " (UTC)"
    elif spoil == "double space":
        text = text.replace(" ", "  ", 1)
    return text


def _same(a: ParsedDate, b: ParsedDate) -> bool:
    offsets = [v.utcoffset() if isinstance(v, datetime) else None for v in (a.value, b.value)]
    return (a.value, a.notice, offsets[0]) == (b.value, b.notice, offsets[1])


@settings(max_examples=1000)
@given(text=rfc822_dates())
def test_the_usual_form_fast_path_is_the_general_parser(text: str) -> None:
    where = Location(source="f.xml", line=3)
    fast = parse_rfc822(text, location=where)
    general = _parse_rfc822(text, "$.published", where)
    assert _same(fast, general), (fast, general)


def test_the_fast_path_reads_real_dates_and_leaves_wrong_ones_to_the_general_parser() -> None:
    assert _usual_rfc822("Tue, 27 Jun 2017 15:05:00 +0100") == datetime(
        2017, 6, 27, 15, 5, tzinfo=_offset(1)
    )
    assert _usual_rfc822("Tue, 27 Jun 2017 15:05:00 -0000").utcoffset() == timedelta(0)
    for other in (
        "Wed, 27 Jun 2017 15:05:00 +0100",  # wrong weekday: the general parser words a notice
        "Sat, 31 Jun 2006 23:08:26 +1000",  # no such day
        "Tue, 27 Jun 2017 15:05:00 +2400",  # no such offset
        "Tue, 27 Jun 2017 15:05 +0100",  # no seconds
        "Tue, 27 Jun 2017 15:05:00 GMT",  # a named zone
    ):
        assert _usual_rfc822(other) is None, other


@pytest.mark.parametrize("text", ["Thu, 09 Feb 2006 23:59:45 +9900", "09 Feb 2006 23:59 -2400"])
def test_an_offset_of_a_day_or_more_is_pr202_not_a_crash(text: str) -> None:
    parsed = parse_rfc822(text)
    assert parsed.value is None
    assert parsed.notice is not None
    assert parsed.notice.code == "PR202"
