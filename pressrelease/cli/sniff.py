"""Guessing a document's format from its first bytes, for files whose name does not say.

Sans-IO: these functions look at bytes already read.

>>> sniff_head(b'<?xml version="1.0"?>\\n<!-- x --><rss version="2.0"><channel/></rss>')
'rss'
>>> sniff_head(b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">')
'rss'
>>> sniff_head(b'<feed xmlns="http://www.w3.org/2005/Atom">')
'atom'
>>> sniff_head(b'\\xef\\xbb\\xbf<!DOCTYPE html><html><body>')
'html'
>>> sniff_head(b'  {"title": "x"}')
'json'
>>> sniff_head(b'<?xml version="1.0"?><pressRelease xmlns="urn:pressrelease:1"/>')
'xml'
>>> sniff_head(b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">')
'newsml'
>>> sniff_head("Brussels, 3 December 2020\\n\\nText.".encode())
'text'
>>> sniff_json(b'{"version": "https://jsonfeed.org/version/1.1", "items": []}')
'jsonfeed'
>>> sniff_json(b'{"uri": "urn:x", "headlines": []}')
'ninjs'
"""

from __future__ import annotations

import json
import re

__all__ = ["sniff_head", "sniff_json"]

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_SKIP = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^>\[]|\[.*?\])*>)", re.DOTALL | re.I)
_ROOT = re.compile(rb"\s*<([A-Za-z_][\w.:\-]*)")
_FEED_ROOTS = {
    b"rss": "rss",
    b"rdf": "rss",
    b"feed": "atom",
    b"newsmessage": "newsml",
    b"newsitem": "newsml",
}


def sniff_head(head: bytes) -> str:
    """The format the first bytes of a document suggest.

    ``json`` stands for any JSON (:func:`sniff_json` decides which). Feeds go
    by their root element: ``rss``/``rdf:RDF`` RSS, ``feed`` Atom,
    ``newsMessage``/``newsItem`` NewsML-G2. Everything else is decided by
    :func:`pressrelease.readers.sniff.sniff` (HTML, our XML, Markdown, text).
    """
    from pressrelease.readers.sniff import sniff

    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    stripped = head.lstrip()
    if stripped[:1] in (b"{", b"["):
        return "json"
    if stripped.startswith(b"<") and not re.match(rb"<!DOCTYPE\s+html", stripped, re.I):
        position = 0
        while True:
            skipped = _SKIP.match(stripped, position)
            if skipped is None or skipped.end() == position:
                break
            position = skipped.end()
        root = _ROOT.match(stripped, position)
        if root is not None:
            local = root.group(1).rsplit(b":", 1)[-1].lower()
            if local in _FEED_ROOTS:
                return _FEED_ROOTS[local]
    return sniff(head)


def sniff_json(data: bytes, *, lines_possible: bool = False) -> str:
    """Which JSON format ``data`` holds: ``jsonfeed``, ``ninjs``, ``jsonl`` or our ``json``.

    Parses only when the bytes carry a marker of another format (or, with
    ``lines_possible``, when the name does not say JSON and JSON Lines could
    be meant), so our own ``.json`` files cost a few substring searches.
    """
    markers = (b"jsonfeed.org", b'"uri"', b"ninjs")
    if not lines_possible and not any(marker in data for marker in markers):
        return "json"
    try:
        value = json.loads(data)
    except json.JSONDecodeError as exc:
        return "jsonl" if exc.msg == "Extra data" else "json"
    except (ValueError, RecursionError):
        return "json"  # the reader reports the problem with its location
    if isinstance(value, dict):
        version = value.get("version")
        if isinstance(version, str) and "jsonfeed.org" in version:
            return "jsonfeed"
        schema = value.get("$schema")
        if "uri" in value or (isinstance(schema, str) and "ninjs" in schema):
            return "ninjs"
    return "json"
