"""Dateline places and their IANA time zones, so a printed local time gets its offset.

A place is known by its English name, by the hand-kept local spellings below
(Strasbourg, Geneva, The Hague and Washington are not zone cities), and by
CLDR's name of every zone city in the 24 EU languages and Arabic, Chinese and
Russian (Bruxelles, Brüssel, Bruselas, Bruxelas, Brussel, Bruksela...),
looked up through Babel on first use and cached.

>>> zone_for_place("Bruxelles"), zone_for_place("WASHINGTON"), zone_for_place("Den Haag")
('Europe/Brussels', 'America/New_York', 'Europe/Amsterdam')
>>> at_place(date(2020, 12, 3), time(16, 53), zone="Europe/Brussels").isoformat()
'2020-12-03T16:53:00+01:00'
>>> at_place(date(2020, 7, 3), time(16, 53), zone="Europe/Brussels").isoformat()
'2020-07-03T16:53:00+02:00'
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo

from pressrelease.extract.dates import LANGUAGES, fold

__all__ = ["at_place", "known_place", "zone_for_place"]

# English name -> (zone, other spellings not given by CLDR's zone cities).
_PLACES: dict[str, tuple[str, tuple[str, ...]]] = {
    # EU institutions and the UN's seats.
    "Brussels": ("Europe/Brussels", ("Bruxelles", "Brussel", "Brüssel", "Bruselas", "Bruxelas")),
    "Luxembourg": ("Europe/Luxembourg", ("Luxemburg", "Luxemburgo", "Lussemburgo", "Lëtzebuerg")),
    "Strasbourg": (
        "Europe/Paris",
        ("Straßburg", "Strassburg", "Estrasburgo", "Strasburgo", "Straatsburg", "Strasburg"),
    ),
    "Geneva": ("Europe/Zurich", ("Genève", "Genf", "Ginebra", "Ginevra", "Genebra", "Genewa")),
    "New York": ("America/New_York", ("Nueva York", "Nova Iorque", "Nowy Jork", "New York City")),
    "Washington": (
        "America/New_York",
        ("Washington, D.C.", "Washington D.C.", "Washington DC", "Waszyngton", "Washingtón"),
    ),
    "Vienna": ("Europe/Vienna", ("Wien", "Vienne", "Viena")),
    "Nairobi": ("Africa/Nairobi", ()),
    "The Hague": (
        "Europe/Amsterdam",
        ("Den Haag", "'s-Gravenhage", "La Haye", "La Haya", "L'Aia", "L’Aia", "Haia", "Haga"),
    ),
    # The other EU capitals.
    "Amsterdam": ("Europe/Amsterdam", ()),
    "Athens": ("Europe/Athens", ("Athènes", "Athen", "Atenas", "Atene", "Αθήνα", "Athína")),
    "Berlin": ("Europe/Berlin", ("Berlino", "Berlijn", "Berlim")),
    "Bratislava": ("Europe/Bratislava", ()),
    "Bucharest": ("Europe/Bucharest", ("București", "Bucarest", "Bukarest", "Bucareste")),
    "Budapest": ("Europe/Budapest", ()),
    "Copenhagen": ("Europe/Copenhagen", ("København", "Copenhague", "Kopenhagen", "Copenaghen")),
    "Dublin": ("Europe/Dublin", ("Baile Átha Cliath", "Dublino")),
    "Helsinki": ("Europe/Helsinki", ("Helsingfors",)),
    "Lisbon": ("Europe/Lisbon", ("Lisboa", "Lisbonne", "Lissabon", "Lisbona")),
    "Ljubljana": ("Europe/Ljubljana", ()),
    "Madrid": ("Europe/Madrid", ()),
    "Nicosia": ("Asia/Nicosia", ("Lefkosia", "Λευκωσία", "Nicosie", "Nikosia")),
    "Paris": ("Europe/Paris", ("Parigi",)),
    "Prague": ("Europe/Prague", ("Praha", "Prag", "Praga")),
    "Riga": ("Europe/Riga", ("Rīga",)),
    "Rome": ("Europe/Rome", ("Roma", "Rom")),
    "Sofia": ("Europe/Sofia", ("София", "Sofía")),
    "Stockholm": ("Europe/Stockholm", ("Estocolmo", "Stoccolma")),
    "Tallinn": ("Europe/Tallinn", ()),
    "Valletta": ("Europe/Malta", ("La Valette", "Valeta")),
    "Vilnius": ("Europe/Vilnius", ("Wilno", "Vilna")),
    "Warsaw": ("Europe/Warsaw", ("Warszawa", "Varsovie", "Warschau", "Varsovia")),
    "Zagreb": ("Europe/Zagreb", ()),
    # Other datelines of EU, UN and partner releases.
    "London": ("Europe/London", ("Londres", "Londra", "Londen")),
    "Edinburgh": ("Europe/London", ()),
    "Leuven": ("Europe/Brussels", ("Louvain",)),
    "Antwerp": ("Europe/Brussels", ("Antwerpen", "Anvers")),
    "Bonn": ("Europe/Berlin", ()),
    "Frankfurt": ("Europe/Berlin", ("Frankfurt am Main",)),
    "Munich": ("Europe/Berlin", ("München",)),
    "Milan": ("Europe/Rome", ("Milano",)),
    "Florence": ("Europe/Rome", ("Firenze",)),
    "Barcelona": ("Europe/Madrid", ()),
    "Porto": ("Europe/Lisbon", ()),
    "Thessaloniki": ("Europe/Athens", ()),
    "Gothenburg": ("Europe/Stockholm", ("Göteborg",)),
    "Kyiv": ("Europe/Kyiv", ("Kiev", "Kijów", "Kiew")),
    "Moscow": ("Europe/Moscow", ("Moscou", "Moskau", "Moscú", "Москва")),
    "Istanbul": ("Europe/Istanbul", ()),
    "Ankara": ("Europe/Istanbul", ()),
    "Bern": ("Europe/Zurich", ("Berne",)),
    "Zurich": ("Europe/Zurich", ("Zürich",)),
    "Oslo": ("Europe/Oslo", ()),
    "Reykjavik": ("Atlantic/Reykjavik", ("Reykjavík",)),
    "Ottawa": ("America/Toronto", ()),
    "Mexico City": ("America/Mexico_City", ("Ciudad de México",)),
    "Brasília": ("America/Sao_Paulo", ("Brasilia",)),
    "Buenos Aires": ("America/Argentina/Buenos_Aires", ()),
    "Addis Ababa": ("Africa/Addis_Ababa", ()),
    "Cairo": ("Africa/Cairo", ()),
    "Jeddah": ("Asia/Riyadh", ()),
    "Riyadh": ("Asia/Riyadh", ()),
    "Doha": ("Asia/Qatar", ()),
    "Jerusalem": ("Asia/Jerusalem", ()),
    "New Delhi": ("Asia/Kolkata", ("Delhi",)),
    "Beijing": ("Asia/Shanghai", ("Pékin", "Peking", "北京")),
    "Tokyo": ("Asia/Tokyo", ()),
    "Hiroshima": ("Asia/Tokyo", ()),
    "Seoul": ("Asia/Seoul", ()),
    "Jakarta": ("Asia/Jakarta", ()),
    "Manado": ("Asia/Makassar", ()),
    "Kuala Lumpur": ("Asia/Kuala_Lumpur", ()),
    "Singapore": ("Asia/Singapore", ()),
    "Bangkok": ("Asia/Bangkok", ()),
    "Canberra": ("Australia/Sydney", ()),
    "Sydney": ("Australia/Sydney", ()),
    "Melbourne": ("Australia/Melbourne", ()),
    "Brisbane": ("Australia/Brisbane", ()),
    "Perth": ("Australia/Perth", ()),
    "Adelaide": ("Australia/Adelaide", ()),
    "Hobart": ("Australia/Hobart", ()),
    "Darwin": ("Australia/Darwin", ()),
    "Wellington": ("Pacific/Auckland", ()),
    "Auckland": ("Pacific/Auckland", ()),
    "Port Moresby": ("Pacific/Port_Moresby", ()),
    "Kingstown": ("America/St_Vincent", ()),
    "San Francisco": ("America/Los_Angeles", ()),
    "Camp David": ("America/New_York", ()),
}

#: Zones whose CLDR city names (in every supported language) are also places.
_CLDR_ZONES: tuple[str, ...] = tuple(
    sorted({zone for zone, _ in _PLACES.values()} - {"America/Toronto"})
)

_TRAILING = re.compile(r"[\s,.;:–—-]+$")


@cache
def _kept() -> dict[str, str]:
    """The hand-kept names and spellings, folded: cheap, and they win over CLDR's."""
    return {
        fold(name): zone
        for english, (zone, spellings) in _PLACES.items()
        for name in (english, *spellings)
    }


def cldr_city_names() -> dict[str, str]:
    """CLDR's city names for the known zones in every supported language, folded, from Babel.

    Building this loads 27 Babel locales (about 0.3 s), too slow for every
    process that reads one dateline, so the result ships as
    ``pressrelease/extract/_cldr_cities.py``; a test checks the two agree, and
    ``python tools/cldr_tables.py`` rewrites the file after a Babel upgrade.
    """
    from babel.dates import get_timezone_location  # Babel costs ~20 ms: load on use

    table: dict[str, str] = {}
    for zone in _CLDR_ZONES:
        for language in LANGUAGES:
            city = get_timezone_location(zone, locale=language, return_city=True)
            if city:
                table.setdefault(fold(city), zone)
    return table


def _lookup(name: str) -> str | None:
    from pressrelease.extract._cldr_cities import CITIES  # 740 names: import on use

    key = fold(name)
    return _kept().get(key) or CITIES.get(key)


def zone_for_place(name: str) -> str | None:
    """The IANA zone of a dateline place (any case, local spellings), or ``None``.

    A place followed by its country or state (``Leuven, Belgium``,
    ``Manado-Indonesia``) is looked up by the city.

    >>> zone_for_place("Bruksela"), zone_for_place("Leuven, Belgium"), zone_for_place("Atlantis")
    ('Europe/Brussels', 'Europe/Brussels', None)
    """
    cleaned = _TRAILING.sub("", name.strip())
    if not cleaned:
        return None
    found = _lookup(cleaned)
    if found:
        return found
    for separator in (",", " - ", "-", "–"):
        head = cleaned.split(separator, 1)[0].strip()
        if head != cleaned and (found := _lookup(head)):
            return found
    return None


def known_place(name: str) -> bool:
    """Whether ``name`` is a place this module knows.

    >>> known_place("GENEVA"), known_place("Minister")
    (True, False)
    """
    return zone_for_place(name) is not None


def at_place(
    day: date, clock: time, *, zone: str | None = None, offset: timedelta | None = None
) -> datetime:
    """An aware datetime: the printed ``offset`` if any, else local time in ``zone``.

    Raises ``ValueError`` when neither is given (callers keep the date alone then).

    >>> at_place(date(2021, 10, 31), time(9, 17), offset=timedelta(hours=-4)).isoformat()
    '2021-10-31T09:17:00-04:00'
    """
    naive = datetime.combine(day, clock)
    if offset is not None:
        return naive.replace(tzinfo=timezone(offset))
    if zone is None:
        raise ValueError("a zone or an offset is needed to place a time")
    local = naive.replace(tzinfo=ZoneInfo(zone))
    # Fix the offset as printed at that moment, so the value survives serialisation.
    fixed = local.utcoffset()
    assert fixed is not None
    return naive.replace(tzinfo=timezone(fixed))
