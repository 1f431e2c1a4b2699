"""GOV.UK: a content item's ``content_id`` (a UUID) identifies the release."""

import re

from pressrelease.issuers._profile import HtmlProfile, IdPattern, Issuer

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
    html=HtmlProfile(
        # GOV.UK pages name their content item and publisher in govuk: meta
        # tags; the text is the "govspeak" block.
        markers=("//meta[@name='govuk:content-id']",),
        title=("//h1[contains(@class, 'gem-c-title__text')]", "//main//h1"),
        unique_id=("//meta[@name='govuk:content-id']/@content",),
        published=(
            "//meta[@name='govuk:first-published-at']/@content",
            "//meta[@name='govuk:public-updated-at']/@content",
        ),
        category=("//meta[@name='govuk:format']/@content",),
        body=("(//*[contains(concat(' ', normalize-space(@class), ' '), ' govspeak ')])[1]",),
        organisation_from=("//meta[@name='govuk:primary-publishing-organisation']/@content",),
        site="https://www.gov.uk",
    ),
)
