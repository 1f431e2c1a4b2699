"""Inline text of a paragraph: Markdown markup removed, links kept with their positions.

:func:`strip_markdown` turns ``**Bold** and [the report](https://x.eu/r)\\.``
into ``Bold and the report.`` with a :class:`~pressrelease.model.Link` whose
``start`` points at ``the report``. Backslash escapes become the character,
emphasis markers and inline HTML tags go, code spans keep their text.

:func:`mark_external_links` finds plain-text marks such as ``(lien externe)``
and ``(external link)`` and adds a link without ``href`` on the phrase before
each mark. The paragraph text is left as printed, mark included: the mark is
the document's own words and tells a reader there was a link; the link's
``text`` and ``start`` say where. The phrase is the run of words after the
last punctuation mark before the link mark, from its first capitalised word
(``... signataires du Pacte mondial ... des Nations unies (lien externe)``
links ``Pacte mondial ... des Nations unies``); with no capitalised word, the
whole run; a sentence's own first capital does not count. (In German, where
every noun is capitalised, the phrase can start a word or two early.)

>>> text, links, dropped = strip_markdown("See **the** [full report](https://ec.europa.eu/r)\\\\.")
>>> text, links[0].text, links[0].start, links[0].href
('See the full report.', 'full report', 8, 'https://ec.europa.eu/r')
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin, urlsplit

from pressrelease.model import Link

__all__ = ["EXTERNAL_LINK_MARKS", "mark_external_links", "safe_href", "strip_markdown"]

#: Plain-text marks of an external link, in the EU languages that print them.
EXTERNAL_LINK_MARKS: tuple[str, ...] = (
    "lien externe",
    "external link",
    "externer Link",
    "enlace externo",
    "link esterno",
    "ligação externa",
    "link externo",
    "externe link",
    "link zewnętrzny",
    "externí odkaz",
    "външна връзка",
    "εξωτερικός σύνδεσμος",
    "ekstern link",
    "extern länk",
    "ulkoinen linkki",
    "külső hivatkozás",
    "link extern",
    "externý odkaz",
    "zunanja povezava",
    "vanjska poveznica",
    "išorinė nuoroda",
    "ārēja saite",
    "väline link",
    "link estern",
    "nasc seachtrach",
)
_MARK = re.compile(
    r"[ \t\u00a0]*\((?:" + "|".join(re.escape(m) for m in EXTERNAL_LINK_MARKS) + r")\)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]\"«»“”—–]")

_INLINE = re.compile(
    r"(?P<escape>\\(?P<escaped>[\\`*_{}\[\]()#+\-.!|>~<\"'$%&=^:;@/ ]))"
    r"|(?P<break>\\$)"
    r"|(?P<image>!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)(?:\s+\"[^\"]*\")?\))"
    r"|(?P<link>\[(?P<label>(?:\\.|[^\]\\])*)\]"
    r"\((?P<href><[^>]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\))"
    r"|(?P<auto><(?P<autohref>https?://[^>\s]+)>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<code>`+)"
    r"|(?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)"
    r"|(?P<emph>\*+|(?<![^\W_])_+|_+(?![^\W_]))",
    re.MULTILINE,
)

_MARKUP_CHAR = re.compile(r"[\\*_\[\]<>`&!]")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def safe_href(href: str, *, base: str | None = None) -> str | None:
    """``href`` made absolute against ``base`` if relative; ``None`` if its scheme is unsafe.

    >>> safe_href("/x", base="https://ec.europa.eu/a/b")
    'https://ec.europa.eu/x'
    >>> safe_href("JaVaScRiPt:alert(1)") is None
    True
    """
    cleaned = "".join(ch for ch in html.unescape(href.strip()) if ch > " ")
    try:
        scheme = urlsplit(cleaned).scheme.lower()
        if not scheme:
            if base and urlsplit(base).scheme.lower() in ("http", "https"):
                return urljoin(base, cleaned)
            return cleaned
    except ValueError:  # a malformed URL ("http://[x") is not kept either
        return None
    return cleaned if scheme in _SAFE_SCHEMES else None


def strip_markdown(text: str, *, base: str | None = None) -> tuple[str, list[Link], list[str]]:
    """Plain text, links and dropped unsafe hrefs of a Markdown inline run.

    Relative hrefs are made absolute against ``base``. A link whose scheme is
    unsafe (``javascript:``) keeps its words in the text but gets no
    :class:`~pressrelease.model.Link`; its href is returned in the third
    item so the caller can report it (``PR501``).
    """
    if not _MARKUP_CHAR.search(text):
        return text, [], []
    out: list[str] = []
    links: list[Link] = []
    dropped: list[str] = []
    length = 0
    position = 0
    for found in _INLINE.finditer(text):
        chunk = text[position : found.start()]
        out.append(chunk)
        length += len(chunk)
        position = found.end()
        kind = found.lastgroup
        if found["escape"]:
            out.append(found["escaped"])
            length += 1
        elif found["break"]:
            continue
        elif found["image"]:
            alt, _, _ = strip_markdown(found["alt"])
            out.append(alt)
            length += len(alt)
        elif found["link"]:
            label, inner, inner_dropped = strip_markdown(found["label"], base=base)
            dropped.extend(inner_dropped)
            target = found["href"].strip("<>")
            href = safe_href(target, base=base)
            if href is None:
                dropped.append(target)
            elif label:
                links.append(Link(text=label, href=href, start=length))
            links.extend(
                Link(text=link.text, href=link.href, start=length + (link.start or 0))
                for link in inner
            )
            out.append(label)
            length += len(label)
        elif found["auto"]:
            url = found["autohref"]
            links.append(Link(text=url, href=url, start=length))
            out.append(url)
            length += len(url)
        elif found["entity"]:
            value = html.unescape(found["entity"])
            if not value or any(ch == "\ufffd" or ord(ch) < 32 for ch in value):
                value = found["entity"]  # &#0; and kin name no character: keep them as printed
            out.append(value)
            length += len(value)
        elif kind in ("tag", "code", "emph"):
            continue
    out.append(text[position:])
    return "".join(out), links, dropped


def mark_external_links(text: str) -> list[Link]:
    """Links without ``href`` for each external-link mark in ``text`` (see module docstring).

    >>> t = "soutien du Pacte mondial des Nations unies (lien externe)."
    >>> [(link.text, link.start) for link in mark_external_links(t)]
    [('Pacte mondial des Nations unies', 11)]
    """
    links: list[Link] = []
    for found in _MARK.finditer(text):
        end = found.start()
        head = text[:end]
        breaks = list(_CLAUSE_BREAK.finditer(head))
        clause_start = breaks[-1].end() if breaks else 0
        clause = head[clause_start:]
        words = list(re.finditer(r"\S+", clause))
        if not words:
            continue
        start = clause_start + words[0].start()
        sentence_start = not head[:clause_start].rstrip() or bool(
            re.search(r"[.!?][\"”’»)]?\s*$", head[:clause_start])
        )
        for index, word in enumerate(words):
            if index == 0 and sentence_start:
                continue  # a sentence's first word is capitalised anyway
            if word.group(0)[0].isupper():
                start = clause_start + word.start()
                break
        phrase = text[start:end]
        if phrase:
            links.append(Link(text=phrase, href=None, start=start))
    return links
