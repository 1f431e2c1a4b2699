"""Text helpers the rules share: normalising names, finding invisible characters, URL schemes."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote

__all__ = ["escape_controls", "fold", "invisible_characters", "unsafe_scheme", "words"]

#: Characters no name, ID or title should hold: C0 and C1 controls but tab
#: (line feed and carriage return too: these are one-line values, and a newline
#: in an ID is how a document forges a CI annotation), DEL, zero-width
#: characters and bidirectional overrides/isolates.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]"
)
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
#: A URL that starts so keeps that scheme through every decoding step below
#: (none of them touches these ASCII letters or the colon after them).
_PLAINLY_SAFE = re.compile(r"(?:https?|mailto):", re.IGNORECASE | re.ASCII)
# What browsers ignore in a URL's scheme: ASCII whitespace and C0 controls
# (stripped at the ends, tab and newline removed anywhere); we also drop the
# invisible characters above, which some parsers skip.
_IGNORED_IN_URL = re.compile(
    "[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]"
)
_WORD = re.compile(r"\w+")
# Controls, format characters (zero-width, bidi), surrogates, private use,
# unassigned, and the line and paragraph separators.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """``text`` for comparison: compatibility forms, no accents, case folded, spaces collapsed.

    >>> fold("  Mme  Joanneke\\u00a0BALFOORT ")
    'mme joanneke balfoort'
    >>> fold("Společné") == fold("SPOLECNE")
    True
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def words(text: str) -> list[str]:
    """The folded words of ``text`` (runs of letters and digits)."""
    return _WORD.findall(fold(text))


def invisible_characters(text: str) -> list[tuple[int, str]]:
    """Positions and names of the control, zero-width and bidi characters in ``text``.

    >>> invisible_characters("EU\\u202eUN")
    [(2, 'U+202E RIGHT-TO-LEFT OVERRIDE')]
    >>> invisible_characters("PR-1\\n::error::x")
    [(4, 'U+000A control character')]
    >>> invisible_characters("a\\tb")
    []
    >>> invisible_characters("a\\tb")
    []
    """
    if _INVISIBLE.search(text) is None:
        return []
    found = []
    for match in _INVISIBLE.finditer(text):
        char = match.group()
        name = unicodedata.name(char, "control character")
        found.append((match.start(), f"U+{ord(char):04X} {name}"))
    return found


def unsafe_scheme(href: str) -> str | None:
    """The scheme of ``href`` when it is not http, https or mailto; ``None`` when safe.

    The URL is decoded first the way a browser or a careless consumer might:
    HTML character references and percent escapes (repeatedly), compatibility
    forms, whitespace and control characters dropped, case folded. A relative
    reference has no scheme and is safe.

    >>> unsafe_scheme("JaVaScRiPt&colon;alert(1)")
    'javascript'
    >>> unsafe_scheme(" java\\tscript:alert(1)")
    'javascript'
    >>> unsafe_scheme("%6Aavascript:alert(1)")
    'javascript'
    >>> unsafe_scheme("HTTPS://www.eeas.europa.eu/") is None, unsafe_scheme("/fr/node/1") is None
    (True, True)
    """
    if _PLAINLY_SAFE.match(href):
        return None
    value = href
    for _ in range(5):
        decoded = unquote(html.unescape(value))
        if decoded == value:
            break
        value = decoded
    value = _IGNORED_IN_URL.sub("", unicodedata.normalize("NFKC", value)).casefold()
    found = _SCHEME.match(value)
    if found is None:
        return None
    scheme = found.group(1)
    return None if scheme in _SAFE_SCHEMES else scheme


def escape_controls(text: str) -> str:
    """``text`` with control, zero-width and bidi characters shown as ``\\u202e`` escapes.

    For echoing document values to terminals and logs, where they could move
    the cursor, hide text or reorder a line.

    >>> escape_controls("ID\\u202e1\\n::error")
    'ID\\\\u202e1\\\\n::error'
    """
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif unicodedata.category(ch) in _ESCAPED_CATEGORIES:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)
