"""IPTC NewsML-G2: read ``newsItem`` and ``newsMessage`` documents in a stream; write 2.35.

The writer gives one ``newsMessage`` whose ``itemSet`` holds one ``newsItem``
per record, each with a NITF 3.6 body inside ``contentSet/inlineXML``. The
reader takes a lone ``newsItem`` or a ``newsMessage`` (items stream one by one,
in bounded memory), with a NITF (namespaced or not) or XHTML body, or a
``text/plain`` ``inlineData``.

Native mapping (G2 is the one feed-style format that keeps signatories):

========================  ==============================================================
record field              NewsML-G2
========================  ==============================================================
unique_id                 ``contentMeta/altId`` whose ``@type`` code is ``unique-id``,
                          else ``@guid`` (ours is ``urn:pressrelease:id:<ID>``)
title                     ``contentMeta/headline`` without a role, else NITF ``hl1``
subtitle                  ``headline`` whose ``@role`` code is ``subtitle``, else NITF ``hl2``
published                 ``itemMeta/firstCreated`` (offset kept), else
                          ``contentMeta/contentCreated`` (a date alone is written there)
place                     ``contentMeta/located/name``, else NITF ``dateline/location``,
                          else the ``dateline`` text before its first comma
category                  ``contentMeta/genre/name`` (else its ``@literal``)
language                  ``contentMeta/language@tag``, else ``newsItem@xml:lang``
signatories, participants ``contentMeta/contributor`` whose ``@role`` code is ``signatory``
                          or ``participant``: ``name`` (the one without ``@part``), the
                          honorific as ``name@part`` code ``honorific``, the role text
                          as ``note@role`` code ``role`` (``@jobtitle`` takes only a
                          QCode), the organisation as ``personDetails/affiliation/name``;
                          an organisation alone is a contributor of
                          ``@type="cpnat:organisation"`` named after it
body                      NITF ``body.content``: ``p``, ``hl2``, ``bq/block/p``, ``ul/li``,
                          ``a@href``
translations              ``itemMeta/link`` whose ``@rel`` code is ``translation``, with
                          ``@xml:lang``, ``@href`` and ``@title``
related                   ``itemMeta/link rel="irel:seeAlso"`` (``@title`` is the text)
notes                     ``itemMeta/edNote``
source_url                ``itemMeta/link`` whose ``@rel`` code is ``source``
issuer, contacts          only our extension (``pr:record`` at the end of ``itemMeta``)
========================  ==============================================================

Our own QCodes use the scheme alias ``pressrelease`` (declared in each item's
``catalog`` as ``urn:pressrelease:cv:``); any alias is accepted on reading, so
``x-role:signatory`` reads as a signatory too. Creators (the issuing
organisations in most releases) are not read as signatories.

Required G2 parts are derived from the record, never from the clock, so the
same records always give the same bytes: ``versionCreated`` is the published
time (its offset kept), the published day at midnight UTC for a date alone,
or ``1970-01-01T00:00:00Z`` when the record has no date; the message's
``header/sent`` is the latest ``versionCreated`` of its items.

>>> import io
>>> out = io.BytesIO()
>>> from pressrelease.model import PressRelease, Signatory
>>> record = PressRelease(title="EU-UN dialogue", unique_id="201203_6", place="Brussels",
...     signatories=(Signatory(name="Joanneke Balfoort", role="directrice", organisation="EEAS"),))
>>> write_newsml([record], out).lossy
()
>>> back = next(read_newsml(out.getvalue()))
>>> back == record, back.signatories[0].role
(True, 'directrice')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, BinaryIO

from lxml import etree

from pressrelease.errors import ParseError
from pressrelease.feeds._body import append_body, element_to_body
from pressrelease.feeds._dates import format_xsd_datetime, parse_rfc3339
from pressrelease.feeds._ext import EXT_NS, build_record, location, plain_from_xml
from pressrelease.feeds._stream import iter_elements
from pressrelease.feeds._xmlfeed import (
    EXT_RECORD,
    XML_LANG,
    id_from_uri,
    id_to_uri,
    text_of,
    write_tree,
)
from pressrelease.limits import DEFAULT_LIMITS, Limits
from pressrelease.model import Link, Notice, Paragraph, PressRelease, Signatory, Translation

if TYPE_CHECKING:
    from pressrelease.writers import WriteReport

__all__ = ["G2_NS", "NITF_NS", "read_newsml", "write_newsml"]

#: The NewsML-G2 (IPTC News Architecture) namespace.
G2_NS = "http://iptc.org/std/nar/2006-10-01/"
#: The NITF namespace used inside ``inlineXML``.
NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"
XHTML_NS = "http://www.w3.org/1999/xhtml"
#: The IPTC catalog the standard's own 2.35 examples refer to.
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml"
#: Our scheme alias and its URI (declared in every item written).
SCHEME_ALIAS = "pressrelease"
SCHEME_URI = "urn:pressrelease:cv:"
_EPOCH = "1970-01-01T00:00:00Z"

_G = f"{{{G2_NS}}}"
_N = f"{{{NITF_NS}}}"
_NEWS_ITEM, _HEADER = _G + "newsItem", _G + "header"
_ITEM_META, _CONTENT_META, _CONTENT_SET = _G + "itemMeta", _G + "contentMeta", _G + "contentSet"
_FIRST_CREATED, _CONTENT_CREATED = _G + "firstCreated", _G + "contentCreated"
_ED_NOTE, _LINK, _LOCATED, _NAME = _G + "edNote", _G + "link", _G + "located", _G + "name"
_CONTRIBUTOR, _ALT_ID, _LANGUAGE = _G + "contributor", _G + "altId", _G + "language"
_GENRE, _HEADLINE, _DATELINE, _NOTE = _G + "genre", _G + "headline", _G + "dateline", _G + "note"
_PERSON_DETAILS, _AFFILIATION = _G + "personDetails", _G + "affiliation"
_INLINE_XML, _INLINE_DATA = _G + "inlineXML", _G + "inlineData"

#: ``xs:language``: what ``language@tag`` and ``xml:lang`` may hold.
_XS_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*\Z")
#: A conservative ``xs:anyURI``: hrefs outside it travel in the extension only.
_URI_CHARS = r"[A-Za-z0-9\-._~!$&'()*+,;=:@/?\u0080-\U0010ffff]|%[0-9A-Fa-f]{2}"
_NOT_IN_NAMES = re.compile(r"[\t\n\r]")
_XS_ANY_URI = re.compile(
    rf"(?:[A-Za-z][A-Za-z0-9+.-]*:(?:{_URI_CHARS})*|(?:(?!:)(?:{_URI_CHARS}))*)"
    rf"(?:#(?:{_URI_CHARS})*)?\Z"
)


def _g2_name(value: str) -> str:
    """``value`` as a G2 ``name`` may hold it (no tab, line feed or carriage return)."""
    return _NOT_IN_NAMES.sub(" ", value)


def _code(qcode: str | None) -> str:
    """The code part of a QCode (``x-role:signatory`` -> ``signatory``)."""
    return (qcode or "").partition(":")[2]


def _codes(qcodes: str | None) -> set[str]:
    return {_code(q) for q in (qcodes or "").split()}


def _collapsed(element: etree._Element) -> str:
    return " ".join(text_of(element).split())


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


# ---------------------------------------------------------------------------
# Reading


def _party(element: etree._Element) -> tuple[str | None, Signatory | None]:
    """(``signatory``/``participant``/None, the party) of a ``contributor``."""
    kinds = _codes(element.get("role"))
    rel = "signatory" if "signatory" in kinds else "participant" if "participant" in kinds else None
    if rel is None:
        return None, None
    name: str | None = None
    honorific: str | None = None
    role: str | None = None
    organisation: str | None = None
    parts: list[str] = []
    for child in element:
        if child.tag == _NAME:
            part = _code(child.get("part"))
            if part == "honorific":
                honorific = _collapsed(child)
            elif child.get("part") is not None:
                parts.append(_collapsed(child))
            elif name is None:
                name = _collapsed(child)
        elif child.tag == _NOTE and "role" in _codes(child.get("role")):
            role = _collapsed(child)
        elif child.tag == _PERSON_DETAILS:
            for affiliation in child.iterfind(_AFFILIATION):
                found = affiliation.find(_NAME)
                if found is not None and organisation is None:
                    organisation = _collapsed(found)
    if name is None and parts:
        name = " ".join(parts)
    if element.get("type") == "cpnat:organisation":
        organisation, name = name, None
    if not name and not organisation:
        return rel, None  # nothing to name the party by: not a party the record can hold
    return rel, Signatory(name=name, honorific=honorific, role=role, organisation=organisation)


def _rendition(
    content_set: etree._Element, source: str | None
) -> tuple[tuple[Paragraph, ...], tuple[Notice, ...], etree._Element | None]:
    """The body of the first readable rendition, and its NITF ``body.head`` if any."""
    for rendition in content_set:
        if rendition.tag == _INLINE_XML:
            document = next((c for c in rendition if isinstance(c.tag, str)), None)
            if document is None:
                continue
            name = _local(document.tag)
            if name == "nitf":
                body = next((c for c in document if _local(c.tag) == "body"), None)
                if body is None:
                    return (), (), None
                head = next((c for c in body if _local(c.tag) == "body.head"), None)
                paragraphs: list[Paragraph] = []
                notices: list[Notice] = []
                for part in body:
                    if _local(part.tag) == "body.content":
                        found, noticed = element_to_body(part, source=source)
                        paragraphs.extend(found)
                        notices.extend(noticed)
                return tuple(paragraphs), tuple(notices), head
            if name == "html":
                body = next((c for c in document if _local(c.tag) == "body"), None)
                found, noticed = element_to_body(
                    body if body is not None else document, source=source
                )
                return found, noticed, None
            found, noticed = element_to_body(document, source=source)
            return found, noticed, None
        if rendition.tag == _INLINE_DATA and (rendition.get("contenttype") or "").startswith(
            "text/plain"
        ):
            text = rendition.text or ""
            return (
                tuple(
                    Paragraph(text=" ".join(block.split()))
                    for block in re.split(r"\n\s*\n", text)
                    if block.strip()
                ),
                (),
                None,
            )
    return (), (), None


def _item_values(
    item: etree._Element, source: str | None
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The record fields a ``newsItem`` gives natively, and our extension's, if present."""
    notices: list[Notice] = []
    locations = {"$": location(source, item)}
    guid = (item.get("guid") or "").strip()
    unique_id = id_from_uri(guid) if guid else None
    title: str | None = None
    subtitle: str | None = None
    place: str | None = None
    dateline: str | None = None
    category: str | None = None
    language: str | None = None
    dated: etree._Element | None = None
    content_created: etree._Element | None = None
    signatories: list[Signatory] = []
    participants: list[Signatory] = []
    translations: list[Translation] = []
    related: list[Link] = []
    notes: list[str] = []
    source_url: str | None = None
    body: tuple[Paragraph, ...] = ()
    nitf_head: etree._Element | None = None
    ext: dict[str, Any] | None = None
    for part in item:
        if part.tag == _ITEM_META:
            for child in part:
                tag = child.tag
                if tag == _FIRST_CREATED:
                    dated = child
                elif tag == _ED_NOTE:
                    notes.append(_collapsed(child))
                elif tag == _LINK:
                    href = child.get("href")
                    if href is None:
                        continue
                    rel = _code(child.get("rel"))
                    if rel == "translation" and child.get(XML_LANG):
                        translations.append(
                            Translation(
                                language=child.get(XML_LANG, ""), url=href, title=child.get("title")
                            )
                        )
                    elif rel == "seeAlso":
                        related.append(Link(text=child.get("title", ""), href=href))
                    elif rel == "source" and source_url is None:
                        source_url = href
                elif tag == EXT_RECORD:
                    ext = plain_from_xml(child)
        elif part.tag == _CONTENT_META:
            for child in part:
                tag = child.tag
                if tag == _CONTENT_CREATED:
                    content_created = child
                elif tag == _LOCATED:
                    found = child.find(_NAME)
                    if found is not None and place is None:
                        place = _collapsed(found)
                        locations["$.place"] = location(source, found)
                elif tag == _CONTRIBUTOR:
                    kind, party = _party(child)
                    if party is not None:
                        group = signatories if kind == "signatory" else participants
                        field = "signatories" if kind == "signatory" else "participants"
                        locations[f"$.{field}[{len(group)}]"] = location(source, child)
                        group.append(party)
                elif tag == _ALT_ID:
                    if _code(child.get("type")).endswith("unique-id"):
                        unique_id = (child.text or "").strip() or unique_id
                        locations["$.unique_id"] = location(source, child)
                elif tag == _LANGUAGE:
                    if language is None:
                        language = (child.get("tag") or "").strip() or None
                elif tag == _GENRE:
                    if category is None:
                        found = child.find(_NAME)
                        category = _collapsed(found) if found is not None else child.get("literal")
                elif tag == _HEADLINE:
                    if "subtitle" in _codes(child.get("role")):
                        if subtitle is None:
                            subtitle = _collapsed(child)
                    elif title is None:
                        title = _collapsed(child)
                        locations["$.title"] = location(source, child)
                elif tag == _DATELINE and dateline is None:
                    dateline = _collapsed(child)
        elif part.tag == _CONTENT_SET:
            body, found_notices, nitf_head = _rendition(part, source)
            notices.extend(found_notices)
    if nitf_head is not None:
        for element in nitf_head:
            name = _local(element.tag)
            if name == "hedline":
                for line in element:
                    if _local(line.tag) == "hl1" and title is None:
                        title = _collapsed(line)
                    elif _local(line.tag) == "hl2" and subtitle is None:
                        subtitle = _collapsed(line)
            elif name == "dateline" and place is None:
                for part in element:
                    if _local(part.tag) == "location":
                        place = _collapsed(part) or None
                        break
    if place is None and dateline:
        head = dateline.split(",", 1)[0].strip()
        if head and len(head) <= 40 and not any(c.isdigit() for c in head) and head != dateline:
            place = head
    if dated is None:
        dated = content_created
    published: datetime | date | None = None
    if dated is not None:
        where = location(source, dated)
        parsed = parse_rfc3339(text_of(dated), location=where, allow_date=dated is content_created)
        published = parsed.value
        locations["$.published"] = where
        if parsed.notice is not None:
            notices.append(parsed.notice)
    if language is None:
        language = (item.get(XML_LANG) or "").strip() or None
    values: dict[str, Any] = {
        "title": title or "",
        "unique_id": unique_id,
        "subtitle": subtitle,
        "published": published,
        "place": place,
        "category": category,
        "language": language,
        "signatories": signatories,
        "participants": participants,
        "body": body,
        "translations": translations,
        "related": related,
        "notes": notes,
        "source_url": source_url,
        "locations": locations,
        "notices": notices,
    }
    return values, ext


def read_newsml(
    data: bytes | BinaryIO, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[PressRelease]:
    """Yield one record per ``newsItem`` of a NewsML-G2 document, in bounded memory.

    A lone ``newsItem`` gives one record; a ``newsMessage`` gives one per
    ``newsItem`` of its ``itemSet`` (package, concept and knowledge items are
    skipped). Items stream: each is read, then freed.

    Raises:
        ParseError: the XML is not well formed, the root is not a G2
            ``newsItem`` or ``newsMessage`` (a fragment such as a lone
            ``contentSet``), or an item cannot become a record.
        UnsafeInputError: the document has a DOCTYPE with entities or a DTD.
        LimitExceededError: an item is larger than ``limits.max_feed_item_bytes``.
    """
    seen = False
    for element in iter_elements(data, (_NEWS_ITEM, _HEADER), source=source, limits=limits):
        seen = True
        if element.tag == _HEADER:
            continue
        values, ext = _item_values(element, source)
        yield build_record(
            values,
            ext,
            source=source,
            line=element.sourceline,
            what="NewsML-G2 newsItem",
            limits=limits,
        )
    if not seen:  # judged after the parse, so that unsafe or broken XML is reported as such
        raise ParseError(
            "not a NewsML-G2 document: no <newsItem> or <newsMessage> header in the "
            f"NewsML-G2 namespace {G2_NS}",
            source=source,
            line=1,
        )


# ---------------------------------------------------------------------------
# Writing


def _version_created(record: PressRelease) -> str:
    if isinstance(record.published, datetime):
        return format_xsd_datetime(record.published)
    if record.published is not None:
        return f"{record.published.isoformat()}T00:00:00Z"
    return _EPOCH


def _qcode(code: str) -> str:
    return f"{SCHEME_ALIAS}:{code}"


def _add_party(meta: etree._Element, party: Signatory, rel: str) -> None:
    person = party.name is not None
    contributor = etree.SubElement(
        meta,
        _CONTRIBUTOR,
        role=_qcode(rel),
        type="cpnat:person" if person else "cpnat:organisation",
    )
    etree.SubElement(contributor, _NAME).text = _g2_name(
        (party.name if person else party.organisation) or ""
    )
    if party.honorific is not None:
        etree.SubElement(contributor, _NAME, part=_qcode("honorific")).text = _g2_name(
            party.honorific
        )
    if party.role is not None:
        etree.SubElement(contributor, _NOTE, role=_qcode("role")).text = party.role
    if person and party.organisation is not None:
        details = etree.SubElement(contributor, _PERSON_DETAILS)
        affiliation = etree.SubElement(details, _AFFILIATION)
        etree.SubElement(affiliation, _NAME).text = _g2_name(party.organisation)


def _add_item(item_set: etree._Element, record: PressRelease, index: int) -> etree._Element:
    item = etree.SubElement(
        item_set,
        _NEWS_ITEM,
        guid=id_to_uri(record.unique_id, index),
        version="1",
        standard="NewsML-G2",
        standardversion="2.35",
        conformance="power",
    )
    language = record.language if record.language and _XS_LANGUAGE.match(record.language) else None
    if language is not None:
        item.set(XML_LANG, language)
    etree.SubElement(item, _G + "catalogRef", href=IPTC_CATALOG)
    catalog = etree.SubElement(item, _G + "catalog")
    etree.SubElement(catalog, _G + "scheme", alias=SCHEME_ALIAS, uri=SCHEME_URI)

    meta = etree.SubElement(item, _ITEM_META)
    etree.SubElement(meta, _G + "itemClass", qcode="ninat:text")
    etree.SubElement(meta, _G + "provider", literal="pressrelease")
    etree.SubElement(meta, _G + "versionCreated").text = _version_created(record)
    if isinstance(record.published, datetime):
        etree.SubElement(meta, _FIRST_CREATED).text = format_xsd_datetime(record.published)
    etree.SubElement(meta, _G + "pubStatus", qcode="stat:usable")
    for note in record.notes:
        etree.SubElement(meta, _ED_NOTE).text = note
    for translation in record.translations:
        if (
            translation.url is None
            or not _XS_LANGUAGE.match(translation.language)
            or not _XS_ANY_URI.match(translation.url)
        ):
            continue
        link = etree.SubElement(meta, _LINK, rel=_qcode("translation"), href=translation.url)
        link.set(XML_LANG, translation.language)
        if translation.title is not None:
            link.set("title", translation.title)
    for related in record.related:
        if related.href is None or related.start is not None or not _XS_ANY_URI.match(related.href):
            continue
        link = etree.SubElement(meta, _LINK, rel="irel:seeAlso", href=related.href)
        if related.text:
            link.set("title", related.text)
    if record.source_url is not None and _XS_ANY_URI.match(record.source_url):
        etree.SubElement(
            meta, _LINK, rel=_qcode("source"), href=record.source_url, contenttype="text/html"
        )

    content = etree.SubElement(item, _CONTENT_META)
    if isinstance(record.published, date) and not isinstance(record.published, datetime):
        etree.SubElement(content, _CONTENT_CREATED).text = record.published.isoformat()
    if record.place is not None:
        etree.SubElement(etree.SubElement(content, _LOCATED), _NAME).text = _g2_name(record.place)
    for rel, group in (("signatory", record.signatories), ("participant", record.participants)):
        for party in group:
            _add_party(content, party, rel)
    if record.unique_id is not None:
        etree.SubElement(content, _ALT_ID, type=_qcode("unique-id")).text = record.unique_id
    if language is not None:
        etree.SubElement(content, _LANGUAGE, tag=language)
    if record.category is not None:
        etree.SubElement(etree.SubElement(content, _GENRE), _NAME).text = _g2_name(record.category)
    etree.SubElement(content, _HEADLINE).text = record.title
    if record.subtitle is not None:
        etree.SubElement(content, _HEADLINE, role=_qcode("subtitle")).text = record.subtitle

    inline = etree.SubElement(
        etree.SubElement(item, _CONTENT_SET), _INLINE_XML, contenttype="application/nitf+xml"
    )
    nitf = etree.SubElement(inline, _N + "nitf", nsmap={None: NITF_NS})
    body = etree.SubElement(nitf, _N + "body")
    body_head = etree.SubElement(body, _N + "body.head")
    hedline = etree.SubElement(body_head, _N + "hedline")
    etree.SubElement(hedline, _N + "hl1").text = record.title
    if record.subtitle is not None:
        etree.SubElement(hedline, _N + "hl2").text = record.subtitle
    if record.place is not None:
        dateline = etree.SubElement(body_head, _N + "dateline")
        etree.SubElement(dateline, _N + "location").text = record.place
    append_body(
        etree.SubElement(body, _N + "body.content"), record.body, namespace=NITF_NS, nitf=True
    )
    return item


def _instant(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def write_newsml(
    records: Iterable[PressRelease], out: BinaryIO, *, sender: str = "pressrelease"
) -> WriteReport:
    """Write the records as one NewsML-G2 2.35 ``newsMessage``, one ``newsItem`` each.

    Args:
        records: the records, in order.
        out: a binary stream.
        sender: the message header's ``sender``.

    Returns:
        What was written, with the JSON paths only our extension carries.
    """
    items = list(records)
    stamps = [_version_created(record) for record in items]
    message = etree.Element(_G + "newsMessage", nsmap={None: G2_NS, "pr": EXT_NS})
    header = etree.SubElement(message, _HEADER)
    etree.SubElement(header, _G + "sent").text = max(stamps, key=_instant) if stamps else _EPOCH
    etree.SubElement(header, _G + "sender").text = sender
    item_set = etree.SubElement(message, _G + "itemSet")

    def read_back(item: etree._Element) -> dict[str, Any]:
        values, _ = _item_values(item, None)
        del values["locations"], values["notices"]
        return values

    def item_meta(item: etree._Element) -> etree._Element:
        meta = item.find(_ITEM_META)
        assert meta is not None  # _add_item always writes it
        return meta

    return write_tree(
        message,
        items,
        _add_item,
        read_back,
        out,
        "newsml",
        container=item_set,
        extension_parent=item_meta,
    )
