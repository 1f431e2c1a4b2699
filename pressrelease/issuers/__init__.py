"""Issuer profiles: one small module per body, and the look-ups every reader shares.

A profile says how an issuer's IDs look, which date they encode, how it
prints numeric dates and which zone its datelines are in; for issuers whose
web pages we read, its ``html`` :class:`HtmlProfile` says how to recognise a
page (hosts, DOM markers) and where each field sits (one XPath per field). To
add an issuer, write ``issuers/<key>.py`` defining ``ISSUER = Issuer(...)``
(``issuers/un.py`` is a complete example) and list the module in
:data:`_MODULES`.

>>> from pressrelease.issuers import issuer_for_id, get_issuer
>>> issuer_for_id("201203_6").key
'eeas'
>>> issuer_for_id("SG/SM/21982").key
'un'
>>> get_issuer("eeas").id_date("201203_6")
(2020, 12, 3)
>>> issuer_for_id("912/21") is None  # a Council number is too plain to recognise alone
True
"""

from __future__ import annotations

import importlib
from functools import cache
from urllib.parse import urlsplit

from pressrelease.issuers._profile import HtmlProfile, IdPattern, Issuer

__all__ = [
    "ISSUER_KEYS",
    "HtmlProfile",
    "IdPattern",
    "Issuer",
    "get_issuer",
    "issuer_for_host",
    "issuer_for_id",
]

# Most distinctive ID forms first: the first profile whose forms match wins.
_MODULES: dict[str, str] = {
    "eeas": "eeas",
    "europarl": "europarl",
    "ec": "ec",
    "nato": "nato",
    "un": "un",
    "council": "council",
    "au-parliament": "au_parliament",
    "govuk": "govuk",
    "whitehouse": "whitehouse",
    "nsb": "nsb",
}

#: Every known issuer key.
ISSUER_KEYS: tuple[str, ...] = tuple(_MODULES)


@cache
def get_issuer(key: str) -> Issuer:
    """The profile of issuer ``key``; raises ``KeyError`` naming the known keys."""
    try:
        module = _MODULES[key]
    except KeyError:
        raise KeyError(f"unknown issuer {key!r}; known: {', '.join(ISSUER_KEYS)}") from None
    issuer: Issuer = importlib.import_module(f"pressrelease.issuers.{module}").ISSUER
    return issuer


def issuer_for_id(value: str, *, distinctive_only: bool = True) -> Issuer | None:
    """The issuer whose ID forms ``value`` matches entirely, or ``None``.

    With ``distinctive_only`` (the default), issuers whose IDs are too plain
    to recognise alone (``912/21``, ``94292``) are not considered.
    """
    for key in ISSUER_KEYS:
        issuer = get_issuer(key)
        if distinctive_only and not issuer.id_is_distinctive:
            continue
        if issuer.match_id(value):
            return issuer
    return None


def issuer_for_host(url: str) -> Issuer | None:
    """The issuer whose web host serves ``url`` (``https://press.un.org/en/...`` is ``un``).

    >>> issuer_for_host("https://www.europarl.europa.eu/news/en/press-room/x").key
    'europarl'
    >>> issuer_for_host("https://example.org/") is None
    True
    >>> issuer_for_host("http://[not-an-ipv6/") is None
    True
    """
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:  # urlsplit refuses malformed hosts such as an unclosed '[': no issuer
        return None
    if not host:
        return None
    for key in ISSUER_KEYS:
        issuer = get_issuer(key)
        for known in issuer.hosts:
            if host == known or host.endswith("." + known):
                return issuer
    return None
