"""European Parliament press room: references ``YYYYMMDDIPRNNNNN`` such as ``20190712IPR56948``."""

import re

from pressrelease.issuers._profile import IdPattern, Issuer

ISSUER = Issuer(
    key="europarl",
    name="European Parliament",
    id_patterns=(
        IdPattern(
            regex=re.compile(r"(?P<yyyy>\d{4})(?P<mm>\d{2})(?P<dd>\d{2})IPR\d{5}"),
            example="20190712IPR56948",
            description="YYYYMMDDIPRNNNNN: the day of publication, IPR and a serial number",
        ),
    ),
    date_order="dmy",
    time_zone="Europe/Brussels",
    hosts=("europarl.europa.eu",),
)
