"""What the XML feed readers and writers share: namespaces, text helpers, the write loop."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, BinaryIO
from urllib.parse import quote, unquote, urljoin

from lxml import etree

from pressrelease.errors import ParseError, SerializationError
from pressrelease.feeds._ext import EXT_NS, compare, plain_to_xml, to_plain
from pressrelease.model import PressRelease

if TYPE_CHECKING:
    from pressrelease.writers import WriteReport

__all__ = [
    "ATOM_NS",
    "CONTENT_NS",
    "DC_NS",
    "EXT_RECORD",
    "XML_LANG",
    "id_from_uri",
    "id_to_uri",
    "resolve",
    "text_of",
    "write_tree",
]

ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EXT_RECORD = f"{{{EXT_NS}}}record"

_ID_PREFIX = "urn:pressrelease:id:"
_NO_ID_PREFIX = "urn:pressrelease:noid:"


def text_of(element: etree._Element) -> str:
    """The element's text content (its children's text included)."""
    if len(element) == 0:
        return element.text or ""
    return "".join(element.itertext())


def resolve(base: str | None, href: str) -> str:
    """``href`` made absolute against ``base`` (white space inside a URL removed)."""
    href = href.strip()
    return urljoin(base, href) if base else href


def id_to_uri(unique_id: str | None, index: int) -> str:
    """An absolute IRI for a record's ID (Atom ``id``, ninjs ``uri``, G2 ``guid``).

    >>> id_to_uri("IP/20/2263", 0)
    'urn:pressrelease:id:IP%2F20%2F2263'
    >>> id_from_uri(id_to_uri("IP/20/2263", 0)), id_from_uri(id_to_uri(None, 3))
    ('IP/20/2263', None)
    """
    if unique_id is None:
        return f"{_NO_ID_PREFIX}{index + 1}"
    return _ID_PREFIX + quote(unique_id, safe="")


def id_from_uri(uri: str) -> str | None:
    """The record ID an identifier carries: ours decoded, anyone else's as it stands."""
    if uri.startswith(_ID_PREFIX):
        return unquote(uri[len(_ID_PREFIX) :])
    if uri.startswith(_NO_ID_PREFIX):
        return None
    return uri


def write_tree(
    root: etree._Element,
    records: Iterable[PressRelease],
    add_entry: Callable[[etree._Element, PressRelease, int], etree._Element],
    read_entry: Callable[[etree._Element], dict[str, Any]],
    out: BinaryIO,
    fmt: str,
    container: etree._Element | None = None,
    extension_parent: Callable[[etree._Element], etree._Element] | None = None,
) -> WriteReport:
    """Write one entry per record under ``container``, with the extension where needed.

    The extension goes at the end of the entry, or at the end of the element
    ``extension_parent(entry)`` returns (NewsML-G2 allows foreign elements only
    at the end of ``itemMeta``).
    """
    from pressrelease.writers import WriteReport

    parent = root if container is None else container
    lossy: dict[str, None] = {}
    count = 0
    try:
        for index, record in enumerate(records):
            entry = add_entry(parent, record, index)
            native = PressRelease(**read_entry(entry))
            fields, paths = compare(record, native)
            if fields:
                holder = entry if extension_parent is None else extension_parent(entry)
                plain_to_xml(holder, to_plain(record, fields))
                lossy.update(dict.fromkeys(paths))
            count += 1
        etree.ElementTree(root).write(
            out, encoding="utf-8", xml_declaration=True, pretty_print=True
        )
    except (ValueError, ParseError) as exc:
        raise SerializationError(f"record {count} cannot be written as {fmt}: {exc}") from exc
    return WriteReport(format=fmt, records=count, lossy=tuple(lossy))
