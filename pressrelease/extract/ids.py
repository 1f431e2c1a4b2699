"""Unique IDs of press releases: labelled, or standing alone on a line.

Two ways an ID is printed:

* after a label: ``UNIQUE ID: 201203_6``, ``Reference: 20190712IPR56948``,
  ``Réf.: IP/20/2263``, ``Press release no. 912/21``, ``Ref.: SG/SM/21982``;
* alone on a line, possibly beside the release's date: ``STATEMENT/15/6088``,
  ``SG/SM/21765``, ``MIN 40/95 23 May 1995``, ``23 November 1977 , IEA 90/77``.

A labelled value is taken whatever its form (the label says it is an ID) but
checked against the issuer profiles in :mod:`pressrelease.issuers`; a value on
its own must match one of their forms. The issuer whose form matches is
recorded (``201203_6`` is ``eeas``). IDs longer than ``limits.max_id_length``
raise :class:`~pressrelease.errors.LimitExceededError`.

>>> found = find_id("Brussels, 03/12/2020 - 16:53, UNIQUE ID: 201203_6")
>>> found.value, found.issuer, found.labelled
('201203_6', 'eeas', True)
>>> find_id(" STATEMENT/15/6088 ").issuer
'ec'
>>> find_id("MIN 40/95 23 May 1995", issuer="au-parliament").value
'MIN 40/95'
"""

from __future__ import annotations

import re

import attrs

from pressrelease.errors import LimitExceededError
from pressrelease.extract.dates import find_dates
from pressrelease.issuers import ISSUER_KEYS, Issuer, get_issuer
from pressrelease.limits import DEFAULT_LIMITS, Limits

__all__ = ["FoundId", "find_id", "issuer_of"]

_LABEL = re.compile(
    r"(?<!\w)(?:UNIQUE\s+ID|Unique\s+identifier|Reference|Référence|Réf|Ref|Referenz"
    r"|Referencia|Referência|Riferimento|Referentie|Sygnatura|Symbol|Document\s+symbol"
    r"|(?:Press\s+release|Media\s+release|News\s+release|Communiqué(?:\s+de\s+presse)?"
    r"|Pressemitteilung|Comunicado(?:\s+de\s+prensa)?|Comunicato(?:\s+stampa)?|Persbericht)"
    r"\s+(?:no|No|NO|nr|Nr|n[°º]|N[°º]|number|numéro|núm|número|numero)"
    r")\.?[ \t\u00a0]*[:#]?[ \t\u00a0]*"
    r"(?P<id>[^\s,;]+(?:[ \t](?=[A-Z]{0,5}\d)[^\s,;]+)?)",
    re.IGNORECASE,
)
# A token that could be an ID standing alone: letters/digits with / _ ( ) - and at most
# one inner space ("MIN 40/95", "PR 55").
_TOKEN = re.compile(r"(?<![\w/])(?:[A-Z]{1,5} )?[A-Za-z0-9][A-Za-z0-9/_()\-]*[0-9)](?![\w/])")
_DIGIT = re.compile(r"\d")
_ID_CHARS = re.compile(r"[A-Za-z0-9][A-Za-z0-9/_().\-]*[A-Za-z0-9)]")
# Web paths, slugs and rules are not IDs, however long: "//", "a-slug-of-words".
_NOT_AN_ID = re.compile(r"//|[a-z]{2,}-[a-z]{2,}-[a-z]{2,}")
_ISSUERS_ALONE: tuple[str, ...] = tuple(key for key in ISSUER_KEYS if key != "nsb")


@attrs.frozen(kw_only=True)
class FoundId:
    """An ID found in text.

    Attributes:
        value: the ID as printed.
        issuer: key of the issuer whose form it matches, if any.
        start: where it starts in the scanned text.
        labelled: whether a label (``UNIQUE ID:``) announced it.
        conforms: whether it matches a form of ``issuer`` (or of any issuer
            when none was known); ``False`` for a labelled value of no known form.
    """

    value: str
    issuer: str | None = None
    start: int
    labelled: bool = False
    conforms: bool = True


def issuer_of(value: str, *, preferred: str | None = None) -> Issuer | None:
    """The issuer whose ID forms ``value`` matches, trying ``preferred`` first.

    Issuers whose IDs are too plain to recognise alone (``912/21``) are only
    considered when preferred.

    >>> issuer_of("912/21") is None, issuer_of("912/21", preferred="council").key
    (True, 'council')
    """
    if preferred:
        issuer = get_issuer(preferred)
        if issuer.match_id(value):
            return issuer
    for key in _ISSUERS_ALONE:
        issuer = get_issuer(key)
        if issuer.id_is_distinctive and issuer.match_id(value):
            return issuer
    return None


def _check_length(value: str, limits: Limits, source: str | None) -> None:
    if len(value) > limits.max_id_length:
        raise LimitExceededError(
            f"unique ID is {len(value)} characters, more than max_id_length="
            f"{limits.max_id_length} (starts {value[:20]!r}); raise the limit if it is genuine",
            source=source,
            path="$.unique_id",
        )


def find_id(
    text: str,
    *,
    issuer: str | None = None,
    alone: bool = True,
    date_spans: tuple[tuple[int, int], ...] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    source: str | None = None,
) -> FoundId | None:
    """The release's ID in ``text`` (a line, usually), or ``None``.

    Args:
        text: the text to look in.
        issuer: the issuer, if known, whose forms are tried first (and whose
            plain forms, such as the Council's ``912/21``, are then accepted alone).
        alone: also accept an unlabelled ID when it is all the line holds
            besides the dates at ``date_spans`` and punctuation.
        date_spans: (start, end) of dates in ``text``, ignored when judging
            "alone"; found with :func:`~pressrelease.extract.dates.find_dates` if not given.
        limits: ``max_id_length`` applies.
        source: the input's name, for errors.

    >>> find_id("Reference: 20190712IPR56948").issuer
    'europarl'
    >>> find_id("The 2030 Agenda and SG/SM/1 today") is None
    True
    """
    if alone:
        lone = text.strip()
        if (
            len(lone) > limits.max_id_length
            and _ID_CHARS.fullmatch(lone)
            and not _NOT_AN_ID.search(lone)
        ):
            _check_length(lone, limits, source)  # a lone ID-like token, too long to be one
    if not _DIGIT.search(text):
        return None  # every ID has a digit
    labelled = _LABEL.search(text)
    if labelled:
        value = labelled.group("id").rstrip(".:)")
        _check_length(value, limits, source)
        if any(ch.isdigit() for ch in value):
            found = issuer_of(value, preferred=issuer)
            return FoundId(
                value=value,
                issuer=found.key if found else issuer,
                start=labelled.start("id"),
                labelled=True,
                conforms=found is not None,
            )
    if not alone:
        return None
    if date_spans is None:
        date_spans = tuple((d.start, d.end) for d in find_dates(text).dates)
    rest = text
    for start, end in date_spans:
        rest = rest[:start] + " " * (end - start) + rest[end:]
    tokens = list(_TOKEN.finditer(rest))
    if not tokens:
        return None
    leftover = _TOKEN.sub(" ", rest)
    if re.search(r"[^\W\d_]|\d", leftover):
        return None  # the line says more than an ID (and a date)
    for token in tokens:
        value = token.group(0)
        _check_length(value, limits, source)
        found = issuer_of(value, preferred=issuer)
        if found is not None:
            return FoundId(value=value, issuer=found.key, start=token.start())
    return None
