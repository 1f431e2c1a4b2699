"""GOV.UK: a content item's ``content_id`` (a UUID) identifies the release."""

import re

from pressrelease.issuers._profile import IdPattern, Issuer

ISSUER = Issuer(
    key="govuk",
    name="GOV.UK",
    id_patterns=(
        IdPattern(
            regex=re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            example="5dc52233-7631-11e4-a3cb-005056011aef",
            description="the content item's content_id, a UUID",
        ),
    ),
    date_order="dmy",
    time_zone="Europe/London",
    hosts=("www.gov.uk", "gov.uk"),
    id_is_distinctive=False,
)
