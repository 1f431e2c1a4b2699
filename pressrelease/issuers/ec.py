"""European Commission press corner: ``IP/20/2263``, ``STATEMENT/15/6088`` and kin."""

import re

from pressrelease.issuers._profile import IdPattern, Issuer

#: Document types of the Commission's press corner.
DOCUMENT_TYPES = (
    "IP",
    "STATEMENT",
    "SPEECH",
    "MEMO",
    "QANDA",
    "AC",
    "MEX",
    "DAILYNEWS",
    "INF",
    "ANNOUNCEMENT",
    "FS",
    "STAT",
    "AGENDA",
    "CALENDAR",
    "WM",
    "READ",
    "BIO",
    "COR",
)
_TYPES = "|".join(DOCUMENT_TYPES)

ISSUER = Issuer(
    key="ec",
    name="European Commission",
    id_patterns=(
        IdPattern(
            regex=re.compile(rf"(?:{_TYPES})/(?P<yy>\d{{2}})/\d{{1,5}}"),
            example="IP/20/2263",
            description="TYPE/YY/N: document type, two-digit year and serial number",
        ),
        IdPattern(
            regex=re.compile(rf"(?:{_TYPES.lower()})_(?P<yy>\d{{2}})_\d{{1,5}}"),
            example="ip_20_777",
            description="type_yy_n: the lower-case form used in press corner URLs",
        ),
    ),
    date_order="dmy",
    time_zone="Europe/Brussels",
    hosts=("ec.europa.eu",),
)


def canonical_id(value: str) -> str:
    """The printed form of a press-corner ID: ``ip_20_777`` becomes ``IP/20/777``.

    >>> canonical_id("ip_20_777")
    'IP/20/777'
    >>> canonical_id("STATEMENT/15/6088")
    'STATEMENT/15/6088'
    """
    if "_" in value and "/" not in value:
        return value.upper().replace("_", "/")
    return value
