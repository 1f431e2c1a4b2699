"""European External Action Service (EEAS): IDs ``YYMMDD_N`` such as ``201203_6``."""

import re

from pressrelease.issuers._profile import IdPattern, Issuer

ISSUER = Issuer(
    key="eeas",
    name="European External Action Service",
    id_patterns=(
        IdPattern(
            regex=re.compile(r"(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})_\d{1,3}"),
            example="201203_6",
            description="YYMMDD_N: the day of publication and a serial number",
        ),
    ),
    date_order="dmy",
    time_zone="Europe/Brussels",
    hosts=("eeas.europa.eu",),
)
