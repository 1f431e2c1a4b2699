"""What an issuer profile holds: how its IDs look and what its dates mean."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import attrs

__all__ = ["HtmlProfile", "IdPattern", "Issuer"]


@attrs.frozen(kw_only=True)
class IdPattern:
    """One form of an issuer's unique IDs.

    Attributes:
        regex: the whole ID, anchored. Named groups ``yy``/``yyyy``, ``mm``,
            ``dd`` say which date the ID encodes, if any.
        example: a real ID of this form (used in messages and docs).
        description: what the form is, for a person.
    """

    regex: re.Pattern[str]
    example: str
    description: str

    def fullmatch(self, value: str) -> re.Match[str] | None:
        """The match of ``value`` against this form, or ``None``."""
        return self.regex.fullmatch(value)


@attrs.frozen(kw_only=True)
class HtmlProfile:
    """Where an issuer's web pages keep each field, as XPath 1.0 expressions.

    Every field is a tuple of XPaths tried in order; the first one that gives
    a non-empty value wins, and a field the profile leaves empty (or whose
    XPaths find nothing) falls back to the generic reading of the page
    (JSON-LD, OpenGraph, Dublin Core, ``<time>``, ``<h1>``...). An XPath may
    select elements (their text is taken, whitespace collapsed) or attribute
    values (``//meta[@name='Date']/@content``).

    Attributes:
        markers: XPaths any of which, when it matches, recognises a page of
            this issuer when neither the URL nor the canonical link says so.
        generators: words of ``<meta name="generator">`` that recognise it.
        title, unique_id, published, place, category, language: where those
            fields sit.
        id_in_url: a regex with an ``id`` group, searched in the page URL,
            ``<link rel=canonical>`` and ``og:url`` when no XPath gives an ID.
        id_form: turns an ID as found into its printed form
            (``ip_20_777`` into ``IP/20/777``); ``None`` keeps it.
        body: the containers of the text, in reading order (all matches).
        skip: elements inside the body containers that are not text
            (related-news boxes, share bars, repeated titles).
        translations: ``<a>`` or ``<link>`` elements with ``hreflang`` and
            ``href`` naming the other language versions.
        related: ``<a>`` elements of "further information" lists.
        contact_items: one element per press contact; ``contact_name``,
            ``contact_role``, ``contact_phone``, ``contact_email`` are
            XPaths relative to it.
        items: on a listing page, one element per press item (a card). When
            it matches, the page is a listing: ``item_title``,
            ``item_link``, ``item_category`` and ``item_published`` are
            relative to each item.
        organisation: the body that issues every page of the site when the
            page names no other party (``None`` for portals such as GOV.UK
            that publish for many bodies; ``organisation_from`` then says
            where the page names its publisher).
        site: the site's origin (``https://www.eeas.europa.eu``), to make
            links absolute on a saved page that gives no URL of its own.
    """

    markers: tuple[str, ...] = ()
    generators: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    unique_id: tuple[str, ...] = ()
    id_in_url: re.Pattern[str] | None = None
    id_form: Callable[[str], str] | None = None
    published: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    language: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    translations: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    contact_items: tuple[str, ...] = ()
    contact_name: tuple[str, ...] = ()
    contact_role: tuple[str, ...] = ()
    contact_phone: tuple[str, ...] = ()
    contact_email: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    item_title: tuple[str, ...] = ()
    item_link: tuple[str, ...] = ()
    item_category: tuple[str, ...] = ()
    item_published: tuple[str, ...] = ()
    organisation: str | None = None
    organisation_from: tuple[str, ...] = ()
    site: str | None = None


@attrs.frozen(kw_only=True)
class Issuer:
    """A body that issues press releases, as far as IDs and dates go.

    Attributes:
        key: short stable name (``eeas``, ``ec``, ``un``...), stored in
            :attr:`PressRelease.issuer <pressrelease.model.PressRelease.issuer>`.
        name: the body's name in English.
        id_patterns: the forms its IDs take, most specific first.
        date_order: how it prints numeric dates: ``"dmy"``, ``"mdy"`` or ``"ymd"``.
        time_zone: IANA zone of its usual dateline place, for times printed
            without an offset when the place is not known.
        hosts: web hosts of its pages (``press.un.org``), for recognising URLs.
        id_date_lag_days: how many days publication may follow the day an ID
            encodes (0: the ID's day is the publication day). The European
            Parliament's IDs carry the day the release was drafted.
        id_is_distinctive: whether an ID of this form, found alone, is enough
            to recognise the issuer (``IP/20/777`` is; ``123/20`` is not).
        html: how to recognise and read its web pages, if we read them.
    """

    key: str
    name: str
    id_patterns: tuple[IdPattern, ...] = ()
    date_order: str = "dmy"
    time_zone: str | None = None
    hosts: tuple[str, ...] = ()
    id_is_distinctive: bool = True
    html: HtmlProfile | None = None
    id_date_lag_days: int = 0

    def match_id(self, value: str) -> re.Match[str] | None:
        """The first of this issuer's ID forms that ``value`` matches entirely."""
        for pattern in self.id_patterns:
            found = pattern.fullmatch(value)
            if found:
                return found
        return None

    def id_date(self, value: str) -> tuple[int, int | None, int | None] | None:
        """The (year, month, day) an ID encodes; month and day may be ``None``.

        Returns ``None`` when the ID encodes no date or is not of this issuer's forms.
        Two-digit years are read as 19YY from 50 to 99, 20YY below.
        """
        found = self.match_id(value)
        if not found:
            return None
        groups = found.groupdict()
        if groups.get("yyyy"):
            year = int(groups["yyyy"])
        elif groups.get("yy"):
            short = int(groups["yy"])
            year = 1900 + short if short >= 50 else 2000 + short
        else:
            return None
        month = int(groups["mm"]) if groups.get("mm") else None
        day = int(groups["dd"]) if groups.get("dd") else None
        return year, month, day

    def id_agrees_with(self, value: str, day: date) -> bool | None:
        """Whether the date an ID encodes agrees with ``day``; ``None`` if it encodes none.

        A full date agrees when ``day`` falls on it or up to
        :attr:`id_date_lag_days` after it; a year (and month) must match.
        """
        parts = self.id_date(value)
        if parts is None:
            return None
        year, month, dom = parts
        if dom is not None and month is not None:
            try:
                encoded = date(year, month, dom)
            except ValueError:
                return False
            return 0 <= (day - encoded).days <= self.id_date_lag_days
        if year != day.year:
            return False
        return not (month is not None and month != day.month)
