"""RSS 2.0 (and RSS 0.9x, RSS 1.0 RDF): read in a stream, write RSS 2.0.

Reading keeps what real feeds do: CDATA descriptions, ``dc:`` and
``content:encoded`` extensions, ``guid isPermaLink="false"`` as the ID (a
``dc:identifier`` wins over it), HTML in titles turned into text, relative
links resolved against ``xml:base`` or the channel's link, and RFC 822 dates
with their variants, offsets kept. ``dc:creator`` is not read as a signatory:
feeds put the CMS user there.

>>> feed = b'''<rss version="2.0"><channel><title>T</title><link>https://ex.org/</link>
... <item><title>EU &amp;amp; UN</title><link>/news/1</link>
... <guid isPermaLink="false">201203_6</guid><pubDate>Thu, 03 Dec 2020 16:53 +0100</pubDate>
... <description><![CDATA[<p>First <a href="/r">link</a>.</p>]]></description></item></channel></rss>'''
>>> record = next(read_rss(feed))
>>> record.title, record.unique_id, record.source_url, record.published.isoformat()
('EU & UN', '201203_6', 'https://ex.org/news/1', '2020-12-03T16:53:00+01:00')
>>> record.body[0].links[0].href
'https://ex.org/r'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from lxml import etree

from pressrelease.feeds._body import body_to_html, built_location, html_to_body, html_to_text
from pressrelease.feeds._dates import format_rfc822, parse_rfc822, parse_rfc3339
from pressrelease.feeds._ext import EXT_NS, build_record, location, plain_from_xml
from pressrelease.feeds._stream import iter_elements
from pressrelease.feeds._xmlfeed import (
    ATOM_NS,
    CONTENT_NS,
    DC_NS,
    EXT_RECORD,
    resolve,
    text_of,
    write_tree,
)
from pressrelease.limits import DEFAULT_LIMITS, Limits
from pressrelease.model import Link, Notice, PressRelease, Translation

if TYPE_CHECKING:
    from pressrelease.writers import WriteReport

__all__ = ["read_rss", "write_rss"]

RSS1_NS = "http://purl.org/rss/1.0/"
RSS090_NS = "http://my.netscape.com/rdf/simple/0.9/"
_RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"

_ITEMS = ("item", f"{{{RSS1_NS}}}item", f"{{{RSS090_NS}}}item")
_CHANNELS = frozenset({"channel", f"{{{RSS1_NS}}}channel", f"{{{RSS090_NS}}}channel"})
_LINKS = frozenset({"link", f"{{{RSS1_NS}}}link", f"{{{RSS090_NS}}}link"})
_TITLES = frozenset({"title", f"{{{RSS1_NS}}}title", f"{{{RSS090_NS}}}title"})
_DESCRIPTIONS = frozenset(
    {"description", f"{{{RSS1_NS}}}description", f"{{{RSS090_NS}}}description"}
)
_LANGUAGES = frozenset({"language", f"{{{DC_NS}}}language"})
_STREAMED = (*_ITEMS, *_LINKS, *_LANGUAGES)
#: Root elements of the RSS versions we read (0.9x and 2.0; 0.90 and 1.0 are RDF).
_ROOTS = frozenset({"rss", "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"})

_DC_CREATOR = f"{{{DC_NS}}}creator"
_DC_LANGUAGE_TAG = f"{{{DC_NS}}}language"
_ENCODED_TAG = f"{{{CONTENT_NS}}}encoded"
_ATOM_LINK_TAG = f"{{{ATOM_NS}}}link"

# What each child of an item is to the reader (one dictionary look-up per child).
_TITLE, _LINK, _GUID, _DC_IDENTIFIER, _PUBDATE, _DC_DATE = range(6)
_CATEGORY, _DESCRIPTION, _ENCODED, _DC_LANGUAGE, _ATOM_LINK, _EXT = range(6, 12)
_KINDS: dict[object, int] = {
    **dict.fromkeys(_TITLES, _TITLE),
    **dict.fromkeys(_LINKS, _LINK),
    "guid": _GUID,
    f"{{{DC_NS}}}identifier": _DC_IDENTIFIER,
    "pubDate": _PUBDATE,
    f"{{{DC_NS}}}date": _DC_DATE,
    "category": _CATEGORY,
    **dict.fromkeys(_DESCRIPTIONS, _DESCRIPTION),
    _ENCODED_TAG: _ENCODED,
    _DC_LANGUAGE_TAG: _DC_LANGUAGE,
    _ATOM_LINK_TAG: _ATOM_LINK,
    EXT_RECORD: _EXT,
}


class _Channel:
    """What the channel says that items inherit: its link (the base) and language."""

    __slots__ = ("language", "link")

    def __init__(self) -> None:
        self.link: str | None = None
        self.language: str | None = None


def _item_values(
    item: etree._Element, channel: _Channel, source: str | None
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The record fields an item gives natively, and our extension's, if present."""
    base = item.base or channel.link
    title = ""
    guid: str | None = None
    identifier: str | None = None
    link: str | None = None
    pub_text: str | None = None
    pub_element: etree._Element | None = None
    dc_date: etree._Element | None = None
    category: str | None = None
    description: str | None = None
    encoded: str | None = None
    language: str | None = None
    translations: list[Translation] = []
    related: list[Link] = []
    ext: dict[str, Any] | None = None
    notices: list[Notice] = []
    item_line = item.sourceline
    item_where = built_location(source, item_line)
    locations = {"$": item_where}
    for child in item:
        kind = _KINDS.get(child.tag)  # comments' tags are functions: no kind either
        if kind is None:
            continue
        if kind == _TITLE:
            title = html_to_text(text_of(child))
            line = child.sourceline
            locations["$.title"] = item_where if line == item_line else built_location(source, line)
        elif kind == _LINK:
            link = resolve(child.base or base, text_of(child)) or None
        elif kind == _GUID:
            if child.get("isPermaLink", "true").strip().lower() == "false":
                guid = text_of(child).strip() or None
                line = child.sourceline
                locations["$.unique_id"] = (
                    item_where if line == item_line else built_location(source, line)
                )
        elif kind == _DC_IDENTIFIER:
            identifier = text_of(child).strip() or None
            locations["$.unique_id"] = location(source, child)
        elif kind == _PUBDATE:
            pub_text, pub_element = text_of(child), child
        elif kind == _DC_DATE:
            dc_date = child
        elif kind == _CATEGORY:
            if category is None:
                category = text_of(child).strip() or None
        elif kind == _DESCRIPTION:
            description = text_of(child)
        elif kind == _ENCODED:
            encoded = text_of(child)
        elif kind == _DC_LANGUAGE:
            language = text_of(child).strip() or None
        elif kind == _ATOM_LINK:
            href = child.get("href")
            if href is None:
                continue
            rel = child.get("rel", "alternate")
            if rel == "alternate" and child.get("hreflang"):
                translations.append(
                    Translation(
                        language=child.get("hreflang", ""),
                        url=resolve(child.base or base, href),
                        title=child.get("title"),
                    )
                )
            elif rel == "related":
                related.append(
                    Link(text=child.get("title", ""), href=resolve(child.base or base, href))
                )
        else:  # our extension
            ext = plain_from_xml(child)
    if link is None and item.get(_RDF_ABOUT):
        link = resolve(base, item.get(_RDF_ABOUT, ""))
    published = None
    if pub_element is not None and pub_text is not None:
        line = pub_element.sourceline
        where = item_where if line == item_line else built_location(source, line)
        parsed = parse_rfc822(pub_text, location=where)
        published = parsed.value
        locations["$.published"] = where
        if parsed.notice is not None:
            notices.append(parsed.notice)
    elif dc_date is not None:
        where = location(source, dc_date)
        parsed = parse_rfc3339(text_of(dc_date), location=where, allow_date=True)
        published = parsed.value
        locations["$.published"] = where
        if parsed.notice is not None:
            notices.append(parsed.notice)
    markup = encoded if encoded is not None else description
    body: tuple[Any, ...] = ()
    if markup:
        body, body_notices = html_to_body(markup, base=base, source=source)
        notices.extend(body_notices)
    values: dict[str, Any] = {
        "title": title,
        "unique_id": identifier if identifier is not None else guid,
        "published": published,
        "category": category,
        "language": language or channel.language,
        "body": body,
        "translations": translations,
        "related": related,
        "source_url": link,
        "locations": locations,
        "notices": notices,
    }
    return values, ext


def read_rss(
    data: bytes | BinaryIO, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[PressRelease]:
    """Yield one record per item of an RSS 2.0, 0.9x or 1.0 feed, in bounded memory.

    Args:
        data: the feed's bytes, or a binary stream read as the records are taken.
        source: the input's name, for locations and errors.
        limits: ``max_feed_item_bytes`` bounds each item; the feed itself streams.

    Raises:
        ParseError: the XML is not well formed, or an item cannot become a record.
        UnsafeInputError: the feed has a DOCTYPE.
        LimitExceededError: an item is larger than the limit.
    """
    channel = _Channel()
    for element in iter_elements(data, _STREAMED, source=source, limits=limits, roots=_ROOTS):
        tag = element.tag
        if tag in _LINKS or tag in _LANGUAGES:
            parent = element.getparent()
            if parent is not None and parent.tag in _CHANNELS:
                if tag in _LINKS and channel.link is None:
                    channel.link = resolve(element.base, text_of(element)) or None
                elif tag in _LANGUAGES and channel.language is None:
                    channel.language = text_of(element).strip() or None
            continue
        values, ext = _item_values(element, channel, source)
        line = element.sourceline
        yield build_record(
            values, ext, source=source, line=line, what="RSS item", limits=limits, built=True
        )


def _add_item(channel: etree._Element, record: PressRelease, index: int) -> etree._Element:
    item = etree.SubElement(channel, "item")
    etree.SubElement(item, "title").text = record.title
    if record.unique_id is not None:
        guid = etree.SubElement(item, "guid", isPermaLink="false")
        guid.text = record.unique_id
    if record.published is not None and hasattr(record.published, "hour"):
        etree.SubElement(item, "pubDate").text = format_rfc822(record.published)  # type: ignore[arg-type]
    if record.category is not None:
        etree.SubElement(item, "category").text = record.category
    if record.body:
        etree.SubElement(item, "description").text = record.body[0].text
        html = body_to_html(record.body)
        encoded = etree.SubElement(item, _ENCODED_TAG)
        encoded.text = etree.CDATA(html) if "]]>" not in html else html
    if record.language is not None:
        etree.SubElement(item, _DC_LANGUAGE_TAG).text = record.language
    for signatory in record.signatories:
        if signatory.name or signatory.organisation:
            etree.SubElement(item, _DC_CREATOR).text = signatory.name or signatory.organisation
    for translation in record.translations:
        if translation.url is None:
            continue
        link = etree.SubElement(item, _ATOM_LINK_TAG, rel="alternate", href=translation.url)
        link.set("hreflang", translation.language)
        if translation.title is not None:
            link.set("title", translation.title)
    for related in record.related:
        if related.href is None or related.start is not None:
            continue
        link = etree.SubElement(item, _ATOM_LINK_TAG, rel="related", href=related.href)
        if related.text:
            link.set("title", related.text)
    if record.source_url is not None:
        # Last, so that consumers taking the last alternate link (feedparser) see the source.
        etree.SubElement(item, "link").text = record.source_url
    return item


def write_rss(
    records: Iterable[PressRelease],
    out: BinaryIO,
    *,
    title: str = "Press releases",
    link: str | None = None,
    description: str = "Press releases written by pressrelease",
) -> WriteReport:
    """Write the records as one RSS 2.0 feed, our extension carrying what RSS cannot.

    Args:
        records: the records, in feed order.
        out: a binary stream.
        title, link, description: the channel's (the link defaults to the
            first record's ``source_url``).

    Returns:
        What was written, with the JSON paths only the extension carries.
    """
    items = list(records)
    if link is None:
        link = next(
            (r.source_url for r in items if r.source_url and r.source_url.startswith("http")), None
        )
    root = etree.Element(
        "rss",
        version="2.0",
        nsmap={"atom": ATOM_NS, "content": CONTENT_NS, "dc": DC_NS, "pr": EXT_NS},
    )
    channel = etree.SubElement(root, "channel")
    etree.SubElement(channel, "title").text = title
    if link is not None:
        etree.SubElement(channel, "link").text = link
    etree.SubElement(channel, "description").text = description
    context = _Channel()
    context.link = resolve(None, link) or None if link is not None else None

    def read_back(item: etree._Element) -> dict[str, Any]:
        values, _ = _item_values(item, context, None)
        del values["locations"], values["notices"]
        return values

    return write_tree(root, items, _add_item, read_back, out, "rss", container=channel)
