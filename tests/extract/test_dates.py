"""Tests for pressrelease.extract.dates: every language, numeric orders, times, notices."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressrelease.extract.dates import LANGUAGES, find_dates, fold, month_table, weekday_table

DEC_3 = date(2020, 12, 3)

# Written by hand from each language's usual press-release dateline forms.
WRITTEN = [
    ("bg", "3 декември 2020 г."),
    ("cs", "3. prosince 2020"),
    ("da", "3. december 2020"),
    ("de", "Donnerstag, 3. Dezember 2020"),
    ("el", "3 Δεκεμβρίου 2020"),
    ("el", "3 ΔΕΚΕΜΒΡΙΟΥ 2020"),
    ("en", "3 December 2020"),
    ("en", "Thursday, December 3, 2020"),
    ("en", "3rd Dec. 2020"),
    ("es", "jueves, 3 de diciembre de 2020"),
    ("et", "3. detsember 2020"),
    ("fi", "3. joulukuuta 2020"),
    ("fr", "jeudi 3 décembre 2020"),
    ("fr", "3 déc. 2020"),
    ("ga", "3 Nollaig 2020"),
    ("hr", "3. prosinca 2020."),
    ("hu", "2020. december 3."),
    ("it", "giovedì 3 dicembre 2020"),
    ("lt", "2020 m. gruodžio 3 d."),
    ("lv", "2020. gada 3. decembris"),
    ("mt", "3 ta' Diċembru 2020"),
    ("nl", "donderdag 3 december 2020"),
    ("pl", "3 grudnia 2020 r."),
    ("pl", "czwartek, 3 grudzień 2020"),
    ("pt", "3 de dezembro de 2020"),
    ("ro", "3 decembrie 2020"),
    ("sk", "3. decembra 2020"),
    ("sl", "3. december 2020"),
    ("sv", "torsdagen den 3 december 2020"),
    ("ar", "3 ديسمبر 2020"),
    ("ar", "٣ ديسمبر ٢٠٢٠"),
    ("zh", "2020年12月3日"),
    ("ru", "3 декабря 2020 г."),
]


@pytest.mark.parametrize(("language", "text"), WRITTEN)
def test_written_dates_in_every_language(language: str, text: str) -> None:
    scan = find_dates(f"Place, {text}", language=language)
    assert scan.first is not None, text
    assert scan.first.day == DEC_3
    assert scan.notices == ()


@pytest.mark.parametrize(("language", "text"), WRITTEN)
def test_written_dates_without_a_language_hint(language: str, text: str) -> None:
    # Merged tables know every language's months (Croatian vs Czech clashes aside).
    scan = find_dates(text)
    assert scan.first is not None
    assert scan.first.day == DEC_3


def test_every_language_has_twelve_months() -> None:
    for language in LANGUAGES:
        if language == "zh":
            continue
        assert set(month_table(language).values()) == set(range(1, 13)), language
        assert len(weekday_table(language)) >= 7


def test_language_decides_a_clashing_month_name() -> None:
    assert find_dates("15. listopada 2020", language="hr").dates[0].day == date(2020, 10, 15)
    assert find_dates("15 listopada 2020", language="pl").dates[0].day == date(2020, 11, 15)
    # Without a language the clash is not guessed.
    assert find_dates("15 listopada 2020").dates == ()


def test_weekday_is_part_of_the_match() -> None:
    scan = find_dates("Berlin, Donnerstag, 3. Dezember 2020", language="de")
    assert scan.dates[0].text == "Donnerstag, 3. Dezember 2020"
    assert scan.dates[0].start == len("Berlin, ")


def test_a_word_before_the_date_that_is_no_weekday_is_left_out() -> None:
    scan = find_dates("Brussels, 3 December 2020", language="en")
    assert scan.dates[0].text == "3 December 2020"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/12/2020", date(2020, 12, 3)),
        ("3.12.2020", date(2020, 12, 3)),
        ("3-12-2020", date(2020, 12, 3)),
        ("2020-12-03", date(2020, 12, 3)),
        ("2020/12/03", date(2020, 12, 3)),
        ("2020.12.03.", date(2020, 12, 3)),
        ("19 / 05 / 2017", date(2017, 5, 19)),
        ("25/12/2020", date(2020, 12, 25)),
        ("12/25/2020", date(2020, 12, 25)),  # only one reading is a real date
    ],
)
def test_numeric_forms(text: str, expected: date) -> None:
    scan = find_dates(text, date_order="dmy")
    assert scan.first is not None
    assert scan.first.day == expected
    assert scan.first.numeric


def test_numeric_order_follows_the_issuer() -> None:
    assert find_dates("05/06/2020", date_order="mdy").dates[0].day == date(2020, 5, 6)
    assert find_dates("05/06/2020", date_order="dmy").dates[0].day == date(2020, 6, 5)


def test_id_date_settles_the_order_against_the_issuer_convention() -> None:
    # An ID that encodes 2020-05-06 wins over a day-first convention.
    scan = find_dates("05/06/2020", date_order="dmy", id_date=(2020, 5, 6))
    assert scan.dates[0].day == date(2020, 5, 6)
    assert scan.notices == ()


def test_truly_ambiguous_numeric_date_is_reported() -> None:
    scan = find_dates("Issued 05/06/2020", source="x.txt", line=4, column=3)
    assert scan.dates[0].day == date(2020, 6, 5)
    (notice,) = scan.notices
    assert notice.code == "PR206"
    assert "05/06/2020" in notice.message
    assert notice.location is not None
    assert (notice.location.source, notice.location.line, notice.location.column) == (
        "x.txt",
        4,
        10,
    )


def test_same_day_and_month_is_not_ambiguous() -> None:
    assert find_dates("05/05/2020").notices == ()


@pytest.mark.parametrize("text", ["31/02/2020", "30.02.2021", "2021-02-29", "31 April 2020"])
def test_impossible_dates_give_no_date_and_pr202(text: str) -> None:
    scan = find_dates(f"Brussels,\n{text}", source="d.txt", date_order="dmy", language="en")
    assert scan.dates == ()
    (notice,) = scan.notices
    assert notice.code == "PR202"
    assert text in notice.message
    assert notice.location is not None
    assert (notice.location.line, notice.location.column) == (2, 1)


@pytest.mark.parametrize(
    ("text", "clock", "offset"),
    [
        ("Brussels, 03/12/2020 - 16:53, UNIQUE ID: 201203_6", time(16, 53), None),
        ("Paris, le 3 décembre 2020 à 16h53", time(16, 53), None),
        ("Paris, le 3 décembre 2020 à 16 h 53", time(16, 53), None),
        ("Berlin, 3. Dezember 2020, 16.53 Uhr", time(16, 53), None),
        ("Madrid, 3 de diciembre de 2020, a las 16:53", time(16, 53), None),
        ("December 3, 2020, 4.30 p.m.", time(16, 30), None),
        ("December 3, 2020 at 4 p.m. EST", time(16, 0), timedelta(hours=-5)),
        ("3 December 2020 12:00 a.m.", time(0, 0), None),
        ("2021-10-31 09:17:27-04:00", time(9, 17, 27), timedelta(hours=-4)),
        ("2021-10-31T09:17Z", time(9, 17), timedelta(0)),
        ("3.12.2020 16:53 CET", time(16, 53), timedelta(hours=1)),
        ("3.12.2020 16:53 UTC+2", time(16, 53), timedelta(hours=2)),
        ("3.12.2020 16:53 +05:30", time(16, 53), timedelta(hours=5, minutes=30)),
    ],
)
def test_times_after_dates(text: str, clock: time, offset: timedelta | None) -> None:
    found = find_dates(text, date_order="dmy").first
    assert found is not None
    assert found.time == clock
    assert found.offset == offset


@pytest.mark.parametrize(
    "text", ["3 December 2020 - 25:61", "3 December 2020, 2021", "3.12.2020 7"]
)
def test_not_a_time(text: str) -> None:
    found = find_dates(text, date_order="dmy").first
    assert found is not None
    assert found.time is None


def test_ranges_take_the_last_day() -> None:
    assert find_dates("May 19-21, 2023").dates[0].day == date(2023, 5, 21)
    assert find_dates("18 - 21 NOVEMBER 2002").dates[0].day == date(2002, 11, 21)


def test_several_dates_in_text_order_and_limit() -> None:
    text = "On 2 December 2020 they met; released 3 December 2020."
    assert [d.day.day for d in find_dates(text).dates] == [2, 3]
    assert len(find_dates(text, limit=1).dates) == 1


def test_numbers_that_are_not_dates() -> None:
    for text in ("1.5.2 release", "Room 12/3", "about 3 decembers", "1 of 5", "MPS 22/2002"):
        assert find_dates(text).dates == (), text


def test_fold_removes_case_and_accents() -> None:
    assert fold("AOÛT") == "aout"
    assert fold("Février.") == "fevrier"


def test_babel_is_not_imported_with_the_module() -> None:
    code = (
        "import sys, pressrelease.extract.dates, pressrelease.readers.text; "
        "print('babel' in sys.modules, 'py3langid' in sys.modules, 'numpy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False", "False"]


_MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]  # fmt: skip


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.sampled_from(LANGUAGES)
)
def test_any_date_written_with_cldr_names_reads_back(day: date, language: str) -> None:
    if language == "zh":
        text = f"{day.year}年{day.month}月{day.day}日"
    elif language in ("hu",):
        from babel.dates import get_month_names

        text = f"{day.year}. {get_month_names('wide', 'format', language)[day.month]} {day.day}."
    elif language in ("lt",):
        from babel.dates import get_month_names

        text = (
            f"{day.year} m. {get_month_names('wide', 'format', language)[day.month]} {day.day} d."
        )
    elif language in ("lv",):
        from babel.dates import get_month_names

        text = (
            f"{day.year}. gada {day.day}. {get_month_names('wide', 'format', language)[day.month]}"
        )
    else:
        from babel.dates import get_month_names

        text = f"{day.day} {get_month_names('wide', 'format', language)[day.month]} {day.year}"
    found = find_dates(text, language=language).first
    assert found is not None, text
    assert found.day == day


@given(st.text(max_size=200))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    scan = find_dates(text)
    for found in scan.dates:
        assert text[found.start : found.end] == found.text


@given(st.dates(min_value=date(1000, 1, 1)))
def test_english_month_day_year(day: date) -> None:
    text = f"{_MONTHS_EN[day.month - 1]} {day.day}, {day.year:04d}"
    found = find_dates(text).first
    assert found is not None
    assert found.day == day
