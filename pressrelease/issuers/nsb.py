"""Swiss federal administration news service (NSB): numeric message IDs."""

import re

from pressrelease.issuers._profile import IdPattern, Issuer

ISSUER = Issuer(
    key="nsb",
    name="Swiss Federal Administration",
    id_patterns=(
        IdPattern(
            regex=re.compile(r"\d{1,7}"),
            example="94292",
            description="the news service's message number",
        ),
    ),
    date_order="dmy",
    time_zone="Europe/Zurich",
    hosts=("admin.ch",),
    id_is_distinctive=False,
)
