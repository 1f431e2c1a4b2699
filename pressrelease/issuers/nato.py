"""NATO: press releases numbered ``PR/CP(2021)094``."""

import re

from pressrelease.issuers._profile import IdPattern, Issuer

ISSUER = Issuer(
    key="nato",
    name="North Atlantic Treaty Organization",
    id_patterns=(
        IdPattern(
            regex=re.compile(r"PR/CP\((?P<yyyy>\d{4})\)\d{2,4}"),
            example="PR/CP(2021)094",
            description="PR/CP(YYYY)NNN: press release, year and serial number",
        ),
    ),
    date_order="dmy",
    time_zone="Europe/Brussels",
    hosts=("nato.int",),
)
