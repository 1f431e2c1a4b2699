"""The formats pressrelease reads and writes, by the names the command line uses.

Each :class:`Format` names its reader and writer as ``module:function``
strings, imported only when used, so listing formats costs nothing and a
worker process loads only what its format needs.

Conventions every registered function follows:

* a **reader** is ``read(data, *, source=None, limits=DEFAULT_LIMITS)``
  taking ``bytes`` or a binary stream and returning an iterator of
  :class:`~pressrelease.model.PressRelease` (one item for single-document
  formats); it raises only :class:`~pressrelease.errors.PressReleaseError`;
* a **writer** is ``write(records, out)`` taking an iterable of records and a
  binary stream, returning a :class:`~pressrelease.writers.WriteReport`-like
  object that lists what the format could not carry.

>>> from pressrelease.formats import FORMATS, format_for_path
>>> sorted(name for name, f in FORMATS.items() if f.writer)[:3]
['atom', 'json', 'jsonfeed']
>>> format_for_path("release.md").name
'markdown'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["FORMATS", "Format", "format_for_path", "load"]


@attrs.frozen(kw_only=True)
class Format:
    """A format name with its reader, writer and usual file name endings."""

    name: str
    summary: str
    reader: str | None = None
    writer: str | None = None
    extensions: tuple[str, ...] = ()


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            name="text",
            summary="plain-text press release",
            reader="pressrelease.readers.text:read_text",
            extensions=(".txt",),
        ),
        Format(
            name="markdown",
            summary="Markdown press release, with optional YAML front matter",
            reader="pressrelease.readers.text:read_markdown",
            extensions=(".md", ".markdown"),
        ),
        Format(
            name="html",
            summary="HTML page of a press release",
            reader="pressrelease.readers.html:read_html",
            extensions=(".html", ".htm", ".xhtml"),
        ),
        Format(
            name="json",
            summary="pressrelease JSON: one record or an array of records",
            reader="pressrelease.serialize.json:read_json",
            writer="pressrelease.serialize.json:write_json",
            extensions=(".json",),
        ),
        Format(
            name="jsonl",
            summary="JSON Lines of pressrelease records, one per line",
            reader="pressrelease.serialize.json:read_jsonl",
            writer="pressrelease.serialize.json:write_jsonl",
            extensions=(".jsonl", ".ndjson"),
        ),
        Format(
            name="xml",
            summary="pressrelease XML: one record or a collection",
            reader="pressrelease.serialize.xml:read_xml",
            writer="pressrelease.serialize.xml:write_xml",
            extensions=(".xml",),
        ),
        Format(
            name="rss",
            summary="RSS 2.0 (also reads RSS 0.9x and RSS 1.0 RDF)",
            reader="pressrelease.feeds.rss:read_rss",
            writer="pressrelease.feeds.rss:write_rss",
            extensions=(".rss",),
        ),
        Format(
            name="atom",
            summary="Atom 1.0 (RFC 4287)",
            reader="pressrelease.feeds.atom:read_atom",
            writer="pressrelease.feeds.atom:write_atom",
            extensions=(".atom",),
        ),
        Format(
            name="jsonfeed",
            summary="JSON Feed 1.1",
            reader="pressrelease.feeds.jsonfeed:read_jsonfeed",
            writer="pressrelease.feeds.jsonfeed:write_jsonfeed",
        ),
        Format(
            name="ninjs",
            summary="IPTC ninjs 3.1 (reads 2.x and 3.x); several records become JSON Lines",
            reader="pressrelease.feeds.ninjs:read_ninjs",
            writer="pressrelease.feeds.ninjs:write_ninjs",
        ),
        Format(
            name="newsml",
            summary="IPTC NewsML-G2 2.35 newsMessage of newsItems with NITF bodies",
            reader="pressrelease.feeds.newsml:read_newsml",
            writer="pressrelease.feeds.newsml:write_newsml",
        ),
    )
}


def format_for_path(path: str) -> Format | None:
    """The format a file name's ending suggests, or ``None``; content sniffing decides the rest."""
    lower = path.lower()
    for fmt in FORMATS.values():
        if lower.endswith(fmt.extensions):
            return fmt
    return None


def load(dotted: str) -> Callable[..., Any]:
    """Import ``module:function`` and return the function."""
    module_name, _, attribute = dotted.partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module_name), attribute)
    return function
