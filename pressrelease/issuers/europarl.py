"""European Parliament press room: references ``YYYYMMDDIPRNNNNN`` such as ``20190712IPR56948``."""

import re

from pressrelease.issuers._profile import HtmlProfile, IdPattern, Issuer

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
    # The reference carries the day the release was drafted; in the corpus
    # publication follows by up to six days (20230929IPR06132 on 5 October).
    id_date_lag_days=14,
    hosts=("europarl.europa.eu",),
    html=HtmlProfile(
        # Press-room pages: the reference is printed in a "Product information"
        # block at the end and sits in the canonical URL; the date in
        # <time itemprop="datePublished"> (local time) and <meta name="available">.
        markers=(
            "//div[contains(@class, 'ep-a_reference')]",
            "//meta[@name='planet'][@content='news']",
        ),
        title=("//h1[contains(@class, 'ep_title')]",),
        unique_id=("//div[contains(@class, 'ep_reference')]/span[2]",),
        id_in_url=re.compile(r"/press-room/(?P<id>\d{8}IPR\d{5})(?:/|$)"),
        published=(
            "//time[@itemprop='datePublished']",
            "//meta[@name='available']/@content",
        ),
        category=("//div[contains(@class, 'ep-layout_contenttype')]",),
        body=(
            "//div[contains(@class, 'ep-a_facts')]",
            "//div[contains(@class, 'ep-a_text')]",
        ),
        translations=("//a[@hreflang][ancestor::nav]",),
        related=("//div[contains(@class, 'ep-a_links')]//a[@href]",),
        contact_items=(
            "//div[contains(@class, 'ep-a_contacts')]//li[contains(@class, 'ep_item')]",
        ),
        contact_name=(".//h3",),
        contact_role=(".//*[contains(@class, 'ep_information')]",),
        contact_phone=(".//li[contains(@class, 'ep_phone')]/a/@href",),
        contact_email=(".//li[contains(@class, 'ep_mail')]/a/@href",),
        organisation="European Parliament",
        site="https://www.europarl.europa.eu",
    ),
)
