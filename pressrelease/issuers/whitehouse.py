"""The White House (briefing room): releases carry no ID; dates are month-first."""

from pressrelease.issuers._profile import Issuer

ISSUER = Issuer(
    key="whitehouse",
    name="The White House",
    date_order="mdy",
    time_zone="America/New_York",
    hosts=("whitehouse.gov", "bidenwhitehouse.archives.gov", "obamawhitehouse.archives.gov"),
)
