"""A syntax check of BCP 47 language tags (RFC 5646), offline and without the registry.

:func:`tag_problem` says what is wrong with a tag, or returns ``None`` for a
well-formed one. It follows the ABNF of RFC 5646 section 2.1 and the
validity rules of section 2.2.5/2.2.6 that need no registry (no repeated
variant, no repeated extension singleton); primary language subtags of four
letters are reserved and none of five to eight letters is registered, so
both are refused.

>>> tag_problem("fr") is None, tag_problem("zh-Hant-TW") is None, tag_problem("es-419") is None
(True, True, True)
>>> tag_problem("en_US")
"'en_US' uses '_' between subtags; BCP 47 uses '-' (en-US)"
>>> tag_problem("english")
"'english' has a primary language subtag of 7 letters; languages are 2-3 letters (ISO 639), like 'en'"
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["tag_problem"]

# RFC 5646 section 2.2.8: grandfathered tags, well-formed by enumeration.
_GRANDFATHERED = frozenset(
    tag.lower()
    for tag in [
        "en-GB-oed",
        "i-ami",
        "i-bnn",
        "i-default",
        "i-enochian",
        "i-hak",
        "i-klingon",
        "i-lux",
        "i-mingo",
        "i-navajo",
        "i-pwn",
        "i-tao",
        "i-tay",
        "i-tsu",
        "sgn-BE-FR",
        "sgn-BE-NL",
        "sgn-CH-DE",
        "art-lojban",
        "cel-gaulish",
        "no-bok",
        "no-nyn",
        "zh-guoyu",
        "zh-hakka",
        "zh-min",
        "zh-min-nan",
        "zh-xiang",
    ]
)

_ALPHA = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"[0-9]+")
_ALNUM = re.compile(r"[A-Za-z0-9]+")


def _is(pattern: re.Pattern[str], value: str, low: int, high: int) -> bool:
    return low <= len(value) <= high and pattern.fullmatch(value) is not None


def _is_variant(sub: str) -> bool:
    return _is(_ALNUM, sub, 5, 8) or (len(sub) == 4 and sub[0].isdigit() and _is(_ALNUM, sub, 4, 4))


#: Tags longer than this are not memoised (a record's few tags repeat from record to record).
_MEMO_LENGTH = 64


def tag_problem(tag: str) -> str | None:
    """What makes ``tag`` not a well-formed BCP 47 language tag, or ``None`` if it is one."""
    if len(tag) <= _MEMO_LENGTH:
        return _memo_problem(tag)
    return _problem(tag)


@lru_cache(maxsize=1024)
def _memo_problem(tag: str) -> str | None:
    return _problem(tag)


def _problem(tag: str) -> str | None:
    shown = repr(tag)
    if not tag:
        return "the language tag is empty"
    if not tag.isascii():
        return (
            f"{shown} has characters outside ASCII; language tags are ASCII letters, digits and '-'"
        )
    if "_" in tag and "-" not in tag.strip("_"):
        return f"{shown} uses '_' between subtags; BCP 47 uses '-' ({tag.replace('_', '-')})"
    if tag.lower() in _GRANDFATHERED:
        return None
    subtags = tag.split("-")
    for sub in subtags:
        if not sub:
            return f"{shown} has an empty subtag (a leading, trailing or doubled '-')"
        if len(sub) > 8:
            return f"{shown} has the subtag {sub!r} longer than 8 characters"
        if not _ALNUM.fullmatch(sub):
            return f"{shown} has the subtag {sub!r} with characters other than letters and digits"
    first = subtags[0]
    if first.lower() == "x":
        return _private_use(tag, subtags, 0)
    if not _ALPHA.fullmatch(first):
        return f"{shown} starts with {first!r}; the primary language subtag is letters only"
    if len(first) == 1:
        return f"{shown} starts with the single letter {first!r}; only 'x' (private use) may"
    if len(first) == 4:
        return f"{shown} has a primary language subtag of 4 letters, which RFC 5646 reserves"
    if len(first) > 4:
        return (
            f"{shown} has a primary language subtag of {len(first)} letters; "
            "languages are 2-3 letters (ISO 639), like 'en'"
        )
    index = 1
    # extlang: up to three 3-letter subtags after a 2-3 letter language.
    extlangs = 0
    while index < len(subtags) and _is(_ALPHA, subtags[index], 3, 3):
        extlangs += 1
        if extlangs > 3:
            return f"{shown} has more than three extended language subtags"
        index += 1
    if index < len(subtags) and _is(_ALPHA, subtags[index], 4, 4):
        index += 1  # script
    if index < len(subtags) and (
        _is(_ALPHA, subtags[index], 2, 2) or _is(_DIGIT, subtags[index], 3, 3)
    ):
        index += 1  # region
    seen_variants: set[str] = set()
    while index < len(subtags) and _is_variant(subtags[index]):
        variant = subtags[index].lower()
        if variant in seen_variants:
            return f"{shown} repeats the variant {subtags[index]!r}"
        seen_variants.add(variant)
        index += 1
    seen_singletons: set[str] = set()
    while index < len(subtags) and len(subtags[index]) == 1 and subtags[index].lower() != "x":
        singleton = subtags[index].lower()
        if singleton in seen_singletons:
            return f"{shown} repeats the extension {subtags[index]!r}"
        seen_singletons.add(singleton)
        index += 1
        count = 0
        while index < len(subtags) and 2 <= len(subtags[index]) <= 8:
            count += 1
            index += 1
        if count == 0:
            return (
                f"{shown} has the extension {singleton!r} with no subtag of 2-8 characters after it"
            )
    if index < len(subtags) and subtags[index].lower() == "x":
        return _private_use(tag, subtags, index)
    if index < len(subtags):
        return f"{shown} has the subtag {subtags[index]!r} where it does not fit (RFC 5646 section 2.1)"
    return None


def _private_use(tag: str, subtags: list[str], index: int) -> str | None:
    if index + 1 >= len(subtags):
        return f"{tag!r} has 'x' (private use) with nothing after it"
    return None
