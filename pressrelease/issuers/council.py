"""Council of the EU and European Council: press releases numbered ``NNN/YY``."""

import re

from pressrelease.issuers._profile import IdPattern, Issuer

ISSUER = Issuer(
    key="council",
    name="Council of the European Union",
    id_patterns=(
        IdPattern(
            regex=re.compile(r"\d{1,4}/(?P<yy>\d{2})"),
            example="912/21",
            description="NNN/YY: serial number and two-digit year",
        ),
    ),
    date_order="dmy",
    time_zone="Europe/Brussels",
    hosts=("consilium.europa.eu",),
    id_is_distinctive=False,
)
