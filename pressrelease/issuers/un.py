"""United Nations press (press.un.org): document symbols ``SG/SM/21982``, ``DEV/3440``."""

import re

from pressrelease.issuers._profile import HtmlProfile, IdPattern, Issuer

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
    html=HtmlProfile(
        # Drupal pages of press.un.org: the symbol, the date and the title sit
        # in named fields; a "Highlights" sidebar holds a second <time>.
        markers=(
            "//div[contains(@class, 'field--name-field-symbol')]",
            "//body[contains(@class, 'node-type--press')]",
        ),
        title=("//div[contains(@class, 'field--name-field-display-title')]//h1",),
        unique_id=("//div[contains(@class, 'field--name-field-symbol')]",),
        published=("//div[contains(@class, 'field--name-field-dated')]//time",),
        category=("//div[contains(@class, 'field--name-field-doctype')]",),
        body=("//div[contains(@class, 'field--name-body')]",),
        organisation="United Nations",
        site="https://press.un.org",
    ),
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
