"""United Nations press (press.un.org): document symbols ``SG/SM/21982``, ``DEV/3440``."""

import re

from pressrelease.issuers._profile import IdPattern, Issuer

ISSUER = Issuer(
    key="un",
    name="United Nations",
    id_patterns=(
        IdPattern(
            # One or more symbol series, then a serial; joint symbols are
            # hyphenated: SG/SM/20449-OBV/1902.
            regex=re.compile(
                r"[A-Z]{1,8}(?:/[A-Z]{1,8}){0,3}/\d{1,6}(?:-[A-Z]{1,8}(?:/[A-Z]{1,8}){0,3}/\d{1,6})*"
            ),
            example="SG/SM/21982",
            description="a UN press document symbol: series letters and a serial number",
        ),
    ),
    date_order="dmy",
    time_zone="America/New_York",
    hosts=("press.un.org", "un.org"),
)

#: Series that make a symbol recognisably the UN's when it stands alone.
SERIES = (
    "SG",
    "DSG",
    "SC",
    "GA",
    "ECOSOC",
    "DEV",
    "ORG",
    "PI",
    "OBV",
    "ENV",
    "HR",
    "SEA",
    "IHA",
    "WOM",
    "SAG",
    "L",
    "CS",
    "GEF",
    "AFR",
    "NOTE",
    "POP",
    "REF",
    "SOC",
    "DC",
    "SPD",
    "ICJ",
    "EF",
    "SHC",
    "SPC",
    "PAL",
    "DSG/SM",
    "SG/SM",
    "SG/A",
    "SG/T",
    "SG/2",
)
