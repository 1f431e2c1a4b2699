"""European External Action Service (EEAS): IDs ``YYMMDD_N`` such as ``201203_6``."""

import re

from pressrelease.issuers._profile import HtmlProfile, IdPattern, Issuer

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
    html=HtmlProfile(
        # The current (Drupal) site's press-material listing: one card per
        # item with category, linked title and a DD.MM.YYYY date. Pages of
        # the older site ("Brussels, 03/12/2020 - 16:53, UNIQUE ID: 201203_6")
        # carry no such markup and are read by the generic path.
        markers=(
            "//div[contains(@class, 'view-pressmaterial')]",
            "//form[contains(@action, '/eeas/')]",
        ),
        items=(
            "//div[contains(concat(' ', normalize-space(@class), ' '), ' card ')]"
            "[.//*[contains(@class, 'card-title')]/a[@href]]",
        ),
        item_title=(".//*[contains(@class, 'card-title')]/a",),
        item_link=(".//*[contains(@class, 'card-title')]/a/@href",),
        item_category=(".//*[contains(@class, 'field--name-field-category')]",),
        item_published=(".//*[contains(@class, 'card-footer')]",),
        site="https://www.eeas.europa.eu",
    ),
)
