"""Tests for pressrelease.extract.places: place names in many spellings, and local times."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from pressrelease.extract._cldr_cities import CITIES
from pressrelease.extract.places import at_place, cldr_city_names, known_place, zone_for_place


@pytest.mark.parametrize(
    ("name", "zone"),
    [
        ("Brussels", "Europe/Brussels"),
        ("BRUSSELS", "Europe/Brussels"),
        ("Bruxelles", "Europe/Brussels"),
        ("Brüssel", "Europe/Brussels"),
        ("Bruselas", "Europe/Brussels"),
        ("Bruxelas", "Europe/Brussels"),
        ("Brussel", "Europe/Brussels"),
        ("Bruksela", "Europe/Brussels"),
        ("Βρυξέλλες", "Europe/Brussels"),
        ("Брюксел", "Europe/Brussels"),
        ("Luxembourg", "Europe/Luxembourg"),
        ("Strasbourg", "Europe/Paris"),
        ("Straßburg", "Europe/Paris"),
        ("New York", "America/New_York"),
        ("Nowy Jork", "America/New_York"),
        ("Washington, D.C.", "America/New_York"),
        ("WASHINGTON", "America/New_York"),
        ("Geneva", "Europe/Zurich"),
        ("Genève", "Europe/Zurich"),
        ("Genf", "Europe/Zurich"),
        ("Vienna", "Europe/Vienna"),
        ("Wien", "Europe/Vienna"),
        ("Nairobi", "Africa/Nairobi"),
        ("The Hague", "Europe/Amsterdam"),
        ("Den Haag", "Europe/Amsterdam"),
        ("La Haye", "Europe/Amsterdam"),
        ("Warszawa", "Europe/Warsaw"),
        ("Praha", "Europe/Prague"),
        ("København", "Europe/Copenhagen"),
        ("Lisboa", "Europe/Lisbon"),
        ("Valletta", "Europe/Malta"),
        ("Nicosia", "Asia/Nicosia"),
        ("Canberra", "Australia/Sydney"),
        ("MELBOURNE", "Australia/Melbourne"),
        ("PERTH", "Australia/Perth"),
        ("Leuven, Belgium", "Europe/Brussels"),
        ("Manado-Indonesia", "Asia/Makassar"),
        ("Brussels,", "Europe/Brussels"),
    ],
)
def test_zone_for_place(name: str, zone: str) -> None:
    assert zone_for_place(name) == zone


EU_CAPITALS = [
    "Amsterdam",
    "Athens",
    "Berlin",
    "Bratislava",
    "Brussels",
    "Bucharest",
    "Budapest",
    "Copenhagen",
    "Dublin",
    "Helsinki",
    "Lisbon",
    "Ljubljana",
    "Luxembourg",
    "Madrid",
    "Nicosia",
    "Paris",
    "Prague",
    "Riga",
    "Rome",
    "Sofia",
    "Stockholm",
    "Tallinn",
    "Valletta",
    "Vienna",
    "Vilnius",
    "Warsaw",
    "Zagreb",
]


@pytest.mark.parametrize("capital", EU_CAPITALS)
def test_every_eu_capital_is_known(capital: str) -> None:
    assert known_place(capital)


@pytest.mark.parametrize("name", ["Minister", "Joint Press Releases", "", "  ", "Atlantis"])
def test_not_places(name: str) -> None:
    assert zone_for_place(name) is None


def test_brussels_winter_and_summer() -> None:
    winter = at_place(date(2020, 12, 3), time(16, 53), zone="Europe/Brussels")
    summer = at_place(date(2020, 7, 3), time(16, 53), zone="Europe/Brussels")
    assert winter.isoformat() == "2020-12-03T16:53:00+01:00"
    assert summer.isoformat() == "2020-07-03T16:53:00+02:00"


def test_printed_offset_wins_over_the_zone() -> None:
    value = at_place(date(2020, 7, 3), time(9, 0), zone="Europe/Brussels", offset=timedelta(0))
    assert value.isoformat() == "2020-07-03T09:00:00+00:00"


def test_no_zone_and_no_offset_is_refused() -> None:
    with pytest.raises(ValueError, match="zone or an offset"):
        at_place(date(2020, 7, 3), time(9, 0))


def test_the_shipped_cldr_city_names_are_babels() -> None:
    # The table ships so that a process reading one dateline need not load 27 locales;
    # after a Babel upgrade that changes CLDR's names, run: python tools/cldr_tables.py
    assert cldr_city_names() == CITIES
    assert CITIES["bruxelles"] == "Europe/Brussels"  # CLDR's French name for Brussels
