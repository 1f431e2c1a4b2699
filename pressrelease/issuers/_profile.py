"""What an issuer profile holds: how its IDs look and what its dates mean."""

from __future__ import annotations

import re
from datetime import date

import attrs

__all__ = ["IdPattern", "Issuer"]


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
        id_is_distinctive: whether an ID of this form, found alone, is enough
            to recognise the issuer (``IP/20/777`` is; ``123/20`` is not).
    """

    key: str
    name: str
    id_patterns: tuple[IdPattern, ...] = ()
    date_order: str = "dmy"
    time_zone: str | None = None
    hosts: tuple[str, ...] = ()
    id_is_distinctive: bool = True

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
        """Whether the date an ID encodes agrees with ``day``; ``None`` if it encodes none."""
        parts = self.id_date(value)
        if parts is None:
            return None
        year, month, dom = parts
        if year != day.year:
            return False
        if month is not None and month != day.month:
            return False
        return not (dom is not None and dom != day.day)
