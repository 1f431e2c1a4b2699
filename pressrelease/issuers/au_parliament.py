"""Australian ministers' releases (parliamentary collection): ``MPS 22/2002``, ``IEA 90/77``."""

import re

from pressrelease.issuers._profile import IdPattern, Issuer

ISSUER = Issuer(
    key="au-parliament",
    name="Parliament of Australia (ministerial releases)",
    id_patterns=(
        IdPattern(
            regex=re.compile(
                r"(?:[A-Z]{1,5} ?)?[A-Z]?\d{1,4}/(?:(?P<yyyy>(?:19|20)\d{2})|(?P<yy>\d{2}))"
            ),
            example="MPS 22/2002",
            description="an office's letters, a serial number and the year",
        ),
        IdPattern(
            regex=re.compile(r"PR \d{1,4}"),
            example="PR 55",
            description="PR and a serial number",
        ),
    ),
    date_order="dmy",
    time_zone="Australia/Sydney",
    hosts=("parlinfo.aph.gov.au", "trove.nla.gov.au"),
    id_is_distinctive=False,
)
