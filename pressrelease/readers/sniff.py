"""Which format a document is, from its first bytes, and :func:`parse` that reads any of them.

:func:`sniff` looks at the start of the document (after a byte order mark and
white space) and answers with a format name of :mod:`pressrelease.formats`:

* ``json``: starts with ``{``, or ``[`` followed by ``{`` or ``]``;
* ``rss`` / ``atom``: XML whose root is ``<rss>``, ``<rdf:RDF>`` or ``<feed>``;
* ``html``: ``<!DOCTYPE html``, ``<html``, or markup whose first element is an
  HTML one (``<head>``, ``<body>``, ``<meta>``, ``<div>``, ``<p>``...), also
  after an XML declaration (XHTML);
* ``xml``: any other document starting with ``<``;
* ``markdown``: Markdown signs in the first 4 KiB — a ``#`` heading,
  ``**strong**``, an inline link ``[text](url)``, a ``-   `` list item or a
  Markdown escape such as ``\\_``;
* ``text``: anything else (front matter included: a ``.txt`` with front matter is still text).

>>> sniff(b'{"title": "x"}'), sniff(b"<?xml version='1.0'?><pressRelease/>")
('json', 'xml')
>>> sniff(b"<!doctype html><title>x</title>"), sniff(b"---\\ntitle: x\\n---\\n**Bold**")
('html', 'markdown')
>>> sniff("Brussels, 3 December 2020\\n\\nText.".encode())
'text'
"""

from __future__ import annotations

import codecs
import importlib
import re
from collections.abc import Callable
from typing import Any

from pressrelease.decode import decode
from pressrelease.errors import ParseError
from pressrelease.formats import FORMATS
from pressrelease.limits import DEFAULT_LIMITS, Limits
from pressrelease.model import PressRelease

__all__ = ["PARSERS", "parse", "sniff"]

#: Format name -> the ``module:function`` that reads one record of it from bytes.
PARSERS: dict[str, str] = {
    "text": "pressrelease.readers.text:parse_text",
    "markdown": "pressrelease.readers.text:parse_markdown",
    "html": "pressrelease.readers.html:parse_html",
    "json": "pressrelease.serialize.json:from_json",
    "xml": "pressrelease.serialize.xml:from_xml",
}

_HTML_ELEMENTS = (
    "html|head|body|meta|title|link|script|style|div|p|span|main|article|section|header"
    "|nav|h1|h2|h3|table|ul|ol|a|img|br|!--"
)
_HTML_START = re.compile(rf"<(?:!doctype\s+html|(?:{_HTML_ELEMENTS})[\s>/])", re.IGNORECASE)
_XML_ROOT = re.compile(r"<(?!\?|!)([A-Za-z_][\w.:-]*)")
_MARKDOWN = re.compile(
    r"^#{1,6}[ \t]\S|\*\*\S|\]\((?:https?:|/|#)|^(?:[-*+]|\d{1,3}\.)[ \t]{2,}\S|\\[_#.*\[\]`]"
    r"|^>[ \t]\S|^```",
    re.MULTILINE,
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _peek(data: bytes, size: int = 4096) -> str:
    """The start of the document as text, for sniffing only (never for parsing)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) : len(bom) + size * 4].decode(codec, errors="ignore")[:size]
    return data[:size].decode("latin-1")


def sniff(data: bytes) -> str:
    """The format name of ``data`` (see the module docstring)."""
    head = _peek(data).lstrip(" \t\r\n\ufeff")
    if head.startswith("{") or re.match(r"\[\s*[{\]]", head):
        return "json"
    if head.startswith("<"):
        body = re.sub(r"\A<\?xml[^>]*>\s*", "", head)
        body = re.sub(r"\A(?:<!--.*?-->\s*)+", "", body, flags=re.DOTALL)
        if _HTML_START.match(body):
            return "html"
        root = _XML_ROOT.search(body)
        name = root.group(1).lower() if root else ""
        if name in ("rss", "rdf:rdf"):
            return "rss"
        if name == "feed":
            return "atom"
        if name == "html" or re.match(r"<!doctype\s+html", body, re.IGNORECASE):
            return "html"
        return "xml"
    if _MARKDOWN.search(head):
        return "markdown"
    return "text"


def _load(path: str, fmt: str) -> Callable[..., Any]:
    module_name, _, attribute = path.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ParseError(
            f"the document looks like {fmt}, but this version of pressrelease cannot read "
            f"{fmt} yet ({module_name} is missing); pass format='text' to read it as text"
        ) from exc
    function: Callable[..., Any] = getattr(module, attribute)
    return function


def parse(
    data: bytes,
    *,
    source: str | None = None,
    format: str | None = None,  # the name the CLI and the registry use
    limits: Limits = DEFAULT_LIMITS,
) -> PressRelease:
    """Read one press release from bytes in any format pressrelease knows.

    The format is ``format`` if given (a name of :data:`PARSERS`), otherwise
    :func:`sniff` decides. Text and Markdown are decoded here by
    :func:`pressrelease.decode.decode` (BOM, strict UTF-8, never a silent
    replacement); HTML, JSON and XML bytes go to their readers, which decode
    by the same policy with their own declarations.

    Raises:
        ParseError: the bytes cannot be decoded, the format is unknown, or the
            document is a feed (read feeds with their readers, they hold many records).
        LimitExceededError: ``data`` is over ``limits.max_document_bytes``.

    >>> parse("Title\\n\\nBruxelles, 3 décembre 2020\\n\\nTexte.".encode()).place
    'Bruxelles'
    """
    limits.check_size(len(data), source=source)
    fmt = format or sniff(data)
    if fmt in ("rss", "atom", "jsonfeed", "ninjs", "newsml", "jsonl") and fmt in FORMATS:
        raise ParseError(
            f"the document is a {fmt} feed, which holds many records; read it with "
            f"{FORMATS[fmt].reader} (or the command line) instead of parse()",
            source=source,
        )
    if fmt not in PARSERS:
        raise ParseError(
            f"unknown format {fmt!r}; parse() reads {', '.join(PARSERS)}",
            source=source,
        )
    if fmt in ("text", "markdown"):
        decoded = decode(data, kind="text", source=source)
        function = _load(PARSERS[fmt], fmt)
        record: PressRelease = function(decoded.text, source=source, limits=limits)
        if decoded.notices:
            import attrs

            record = attrs.evolve(record, notices=(*decoded.notices, *record.notices))
        return record
    function = _load(PARSERS[fmt], fmt)
    result: PressRelease = function(data, source=source, limits=limits)
    return result
