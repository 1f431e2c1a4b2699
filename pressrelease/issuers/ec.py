"""European Commission press corner: ``IP/20/2263``, ``STATEMENT/15/6088`` and kin."""

import re

from pressrelease.issuers._profile import HtmlProfile, IdPattern, Issuer

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
    html=HtmlProfile(
        # The press corner is an Angular page: the header meta line reads
        # "Press release | 29 April 2020 | Brussels", the ID is printed at the
        # very end (.ecpr-reference__display) and closes og:url (ip_20_777).
        markers=(
            "//div[contains(@class, 'ecpr-reference__display')]",
            "//app-detail",
        ),
        title=("//div[contains(@class, 'ecl-page-header__title')]//h1",),
        unique_id=("//div[contains(@class, 'ecpr-reference__display')]",),
        id_in_url=re.compile(
            r"/presscorner/detail/[a-z]{2}/(?P<id>[a-z]+_\d{2}_\d{1,5})(?:$|[/?#])"
        ),
        published=(
            "//meta[@name='Date']/@content",
            "(//div[contains(@class, 'ecl-page-header__meta')]//span[contains(@class, 'ecl-meta__item')])[2]",
        ),
        place=(
            "(//div[contains(@class, 'ecl-page-header__meta')]//span[contains(@class, 'ecl-meta__item')])[3]",
        ),
        category=(
            "(//div[contains(@class, 'ecl-page-header__meta')]//span[contains(@class, 'ecl-meta__item')])[1]",
        ),
        body=("//section[@id='inline-nav-1']//div[contains(@class, 'ecl-paragraph')]",),
        translations=("//select[contains(@class, 'ecpr-lang-dropdown')]/option",),
        contact_items=("//app-detail-contact//li",),
        contact_name=(".//h4",),
        contact_phone=(
            ".//*[contains(@class, 'ecl-field')][*[contains(@class, 'ecl-field__label')]='Phone']"
            "/*[contains(@class, 'ecl-field__body')]",
        ),
        contact_email=(".//a[starts-with(@href, 'mailto:')]/@href",),
        id_form=canonical_id,
        organisation="European Commission",
        site="https://ec.europa.eu",
    ),
)
