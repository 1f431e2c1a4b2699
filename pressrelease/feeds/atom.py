"""Atom 1.0 (RFC 4287): read entries in a stream, write a feed.

Native mapping: ``id`` (ours as ``urn:pressrelease:id:...``, anyone else's as
it stands), ``title``, ``published`` (else ``updated``), ``xml:lang``,
``category``, ``link rel="alternate"`` (the source; with ``hreflang``, a
translation), ``link rel="related"``, ``contributor`` names (signatories) and
``content`` (XHTML, HTML or text). The rest travels in our extension.

>>> feed = b'''<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><id>urn:x</id>
... <title>T</title><updated>2020-12-03T16:53:00+01:00</updated>
... <entry><id>urn:pressrelease:id:201203_6</id><title type="html">A &amp;lt;b&amp;gt;</title>
... <updated>2020-12-03T16:53:00+01:00</updated>
... <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One.</p></div></content>
... </entry></feed>'''
>>> record = next(read_atom(feed))
>>> record.unique_id, record.title, record.language, record.published.isoformat()
('201203_6', 'A <b>', 'fr', '2020-12-03T16:53:00+01:00')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, BinaryIO

from lxml import etree

from pressrelease.feeds._body import (
    append_body,
    built_location,
    built_paragraph,
    collapse_space,
    element_to_body,
    html_to_body,
    html_to_text,
)
from pressrelease.feeds._dates import format_xsd_datetime, parse_rfc3339
from pressrelease.feeds._ext import EXT_NS, build_record, plain_from_xml
from pressrelease.feeds._stream import iter_elements
from pressrelease.feeds._xmlfeed import (
    ATOM_NS,
    EXT_RECORD,
    XML_LANG,
    id_from_uri,
    id_to_uri,
    resolve,
    text_of,
    write_tree,
)
from pressrelease.limits import DEFAULT_LIMITS, Limits
from pressrelease.model import (
    Link,
    Notice,
    Paragraph,
    PressRelease,
    Signatory,
    Translation,
)

if TYPE_CHECKING:
    from pressrelease.writers import WriteReport

__all__ = ["read_atom", "write_atom"]

XHTML_NS = "http://www.w3.org/1999/xhtml"
_A = f"{{{ATOM_NS}}}"
_ENTRY = _A + "entry"
_ID, _TITLE, _PUBLISHED, _UPDATED = _A + "id", _A + "title", _A + "published", _A + "updated"
_CONTENT, _SUMMARY, _CATEGORY, _LINK = _A + "content", _A + "summary", _A + "category", _A + "link"
_CONTRIBUTOR, _NAME = _A + "contributor", _A + "name"
# What each child of an entry is to the reader (one dictionary look-up per child).
_K_ID, _K_TITLE, _K_PUBLISHED, _K_UPDATED, _K_CONTENT, _K_SUMMARY = range(6)
_K_CATEGORY, _K_LINK, _K_CONTRIBUTOR, _K_EXT = range(6, 10)
_KINDS: dict[object, int] = {
    _ID: _K_ID,
    _TITLE: _K_TITLE,
    _PUBLISHED: _K_PUBLISHED,
    _UPDATED: _K_UPDATED,
    _CONTENT: _K_CONTENT,
    _SUMMARY: _K_SUMMARY,
    _CATEGORY: _K_CATEGORY,
    _LINK: _K_LINK,
    _CONTRIBUTOR: _K_CONTRIBUTOR,
    EXT_RECORD: _K_EXT,
}
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*\Z")


def _text_construct(element: etree._Element) -> str:
    kind = element.get("type", "text")
    if kind == "xhtml":
        return collapse_space("".join(element.itertext()))
    if kind == "html":
        return html_to_text(element.text or "")
    return collapse_space(element.text or "")


def _language(entry: etree._Element) -> str | None:
    node: etree._Element | None = entry
    while node is not None:
        value = node.get(XML_LANG)
        if value is not None:
            return value.strip() or None
        node = node.getparent()
    return None


def _content(
    element: etree._Element, base: str | None, source: str | None
) -> tuple[tuple[Paragraph, ...], tuple[Notice, ...]]:
    kind = element.get("type", "text")
    if kind == "xhtml":
        div = next((child for child in element if isinstance(child.tag, str)), None)
        if div is None:
            return (), ()
        return element_to_body(div, base=base, source=source)
    if kind in ("html", "text/html"):
        return html_to_body(element.text or "", base=base, source=source)
    if element.get("src") is not None or (kind not in ("text", "text/plain") and "/" in kind):
        return (), ()  # out-of-line or non-text media content: nothing to read
    text = collapse_space(element.text or "")
    return ((built_paragraph(text),) if text else ()), ()


def _entry_values(
    entry: etree._Element, source: str | None
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    base = entry.base
    values: dict[str, Any] = {"title": ""}
    notices: list[Notice] = []
    entry_line = entry.sourceline
    entry_where = built_location(source, entry_line)
    locations = {"$": entry_where}
    published: etree._Element | None = None
    updated: etree._Element | None = None
    content: etree._Element | None = None
    summary: etree._Element | None = None
    alternates: list[etree._Element] = []
    related: list[Link] = []
    signatories: list[Signatory] = []
    ext: dict[str, Any] | None = None
    for child in entry:
        kind = _KINDS.get(child.tag)  # comments' tags are functions: no kind either
        if kind is None:
            continue
        if kind == _K_ID:
            values["unique_id"] = id_from_uri(text_of(child).strip()) or None
            line = child.sourceline
            locations["$.unique_id"] = (
                entry_where if line == entry_line else built_location(source, line)
            )
        elif kind == _K_TITLE:
            values["title"] = _text_construct(child)
            line = child.sourceline
            locations["$.title"] = (
                entry_where if line == entry_line else built_location(source, line)
            )
        elif kind == _K_PUBLISHED:
            published = child
        elif kind == _K_UPDATED:
            updated = child
        elif kind == _K_CONTENT:
            content = child
        elif kind == _K_SUMMARY:
            summary = child
        elif kind == _K_CATEGORY:
            if "category" not in values:
                values["category"] = child.get("label") or child.get("term")
        elif kind == _K_LINK:
            href = child.get("href")
            if href is None:
                continue
            rel = child.get("rel", "alternate")
            if rel == "alternate":
                alternates.append(child)
            elif rel == "related":
                related.append(
                    Link(text=child.get("title", ""), href=resolve(child.base or base, href))
                )
        elif kind == _K_CONTRIBUTOR:
            name = child.find(_NAME)
            if name is not None and (text_of(name).strip()):
                signatories.append(Signatory(name=text_of(name).strip()))
        else:  # our extension
            ext = plain_from_xml(child)
    language = _language(entry)
    source_url: str | None = None
    translations: list[Translation] = []
    for link in alternates:
        href = resolve(link.base or base, link.get("href", ""))
        hreflang = link.get("hreflang")
        if hreflang is None and source_url is None:
            source_url = href
        elif hreflang is not None:
            translations.append(Translation(language=hreflang, url=href, title=link.get("title")))
    if source_url is None and language is not None:
        for index, translation in enumerate(translations):
            if translation.language == language:
                source_url = translation.url
                del translations[index]
                break
    dated = published if published is not None else (updated if ext is None else None)
    if dated is not None:
        line = dated.sourceline
        where = entry_where if line == entry_line else built_location(source, line)
        parsed = parse_rfc3339(text_of(dated), location=where)
        values["published"] = parsed.value
        locations["$.published"] = where
        if parsed.notice is not None:
            notices.append(parsed.notice)
    holder = content if content is not None else summary
    if holder is not None:
        body, body_notices = _content(holder, holder.base or base, source)
        values["body"] = body
        notices.extend(body_notices)
    values.update(
        language=language,
        source_url=source_url,
        translations=translations,
        related=related,
        signatories=signatories,
        locations=locations,
        notices=notices,
    )
    return values, ext


def read_atom(
    data: bytes | BinaryIO, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[PressRelease]:
    """Yield one record per entry of an Atom feed (or a lone entry document), in bounded memory.

    Raises:
        ParseError: the XML is not well formed, or an entry cannot become a record.
        UnsafeInputError: the document has a DOCTYPE.
        LimitExceededError: an entry is larger than ``limits.max_feed_item_bytes``.
    """
    for entry in iter_elements(
        data, (_ENTRY,), source=source, limits=limits, roots=(_A + "feed", _ENTRY)
    ):
        values, ext = _entry_values(entry, source)
        line = entry.sourceline
        yield build_record(
            values, ext, source=source, line=line, what="Atom entry", limits=limits, built=True
        )


_EPOCH = "1970-01-01T00:00:00Z"


def _stamp(record: PressRelease) -> str:
    if isinstance(record.published, datetime):
        return format_xsd_datetime(record.published)
    if record.published is not None:
        return f"{record.published.year:04d}-{record.published:%m-%d}T00:00:00Z"
    return _EPOCH


def _add_entry(feed: etree._Element, record: PressRelease, index: int) -> etree._Element:
    entry = etree.SubElement(feed, _ENTRY)
    if record.language is not None and _LANGUAGE_TAG.match(record.language):
        entry.set(XML_LANG, record.language)
    etree.SubElement(entry, _ID).text = id_to_uri(record.unique_id, index)
    etree.SubElement(entry, _TITLE, type="text").text = record.title
    etree.SubElement(entry, _UPDATED).text = _stamp(record)
    if isinstance(record.published, datetime):
        etree.SubElement(entry, _PUBLISHED).text = format_xsd_datetime(record.published)
    if record.category is not None:
        etree.SubElement(entry, _CATEGORY, term=record.category)
    for translation in record.translations:
        if translation.url is None or not _LANGUAGE_TAG.match(translation.language):
            continue
        link = etree.SubElement(
            entry, _LINK, rel="alternate", hreflang=translation.language, href=translation.url
        )
        if translation.title is not None:
            link.set("title", translation.title)
    for related in record.related:
        if related.href is None or related.start is not None:
            continue
        link = etree.SubElement(entry, _LINK, rel="related", href=related.href)
        if related.text:
            link.set("title", related.text)
    if record.source_url is not None:
        # After the translations: feedparser takes the last alternate link as the entry's.
        etree.SubElement(entry, _LINK, rel="alternate", type="text/html", href=record.source_url)
    for signatory in record.signatories:
        name = signatory.name or signatory.organisation
        if name:
            etree.SubElement(etree.SubElement(entry, _CONTRIBUTOR), _NAME).text = name
    content = etree.SubElement(entry, _CONTENT, type="xhtml")
    div = etree.SubElement(content, f"{{{XHTML_NS}}}div", nsmap={None: XHTML_NS})
    append_body(div, record.body, namespace=XHTML_NS)
    return entry


def write_atom(
    records: Iterable[PressRelease],
    out: BinaryIO,
    *,
    title: str = "Press releases",
    feed_id: str = "urn:pressrelease:feed",
    author: str = "pressrelease",
) -> WriteReport:
    """Write the records as one Atom 1.0 feed, our extension carrying what Atom cannot.

    The feed's ``updated`` is the latest record time; an entry without a
    time gets its day at midnight UTC (or 1970-01-01) as ``updated``, and
    the extension keeps the exact value.
    """
    entries = list(records)
    times = [r.published for r in entries if isinstance(r.published, datetime)]
    feed = etree.Element(_A + "feed", nsmap={None: ATOM_NS, "pr": EXT_NS})
    etree.SubElement(feed, _ID).text = feed_id
    etree.SubElement(feed, _TITLE).text = title
    etree.SubElement(feed, _UPDATED).text = format_xsd_datetime(max(times)) if times else _EPOCH
    etree.SubElement(etree.SubElement(feed, _A + "author"), _NAME).text = author

    def read_back(entry: etree._Element) -> dict[str, Any]:
        values, _ = _entry_values(entry, None)
        del values["locations"], values["notices"]
        return values

    return write_tree(feed, entries, _add_entry, read_back, out, "atom")
