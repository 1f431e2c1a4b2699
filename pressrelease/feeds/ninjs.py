"""IPTC ninjs: read 2.x and 3.x (one document, an array, or JSON Lines); write 3.1.

Native mapping (3.x names; 2.x lowercase ones are read too): ``altIds``
(role ``unique-id``, else the ``uri``), ``headlines`` (``main`` -> title,
``sub`` -> subtitle), ``firstCreated``, ``language``, ``located`` (place),
``genres[0]`` (category), ``people`` (``rel`` signatory / participant, names
only), ``bodies`` (HTML), ``renditions`` (the source page), ``associations``
(``rel`` translation / seeAlso).

ninjs 3.x rejects unknown top-level keys, so our extension lives in a place
ninjs offers: a ``descriptions`` entry with role :data:`EXTENSION_ROLE` and
content type ``application/json`` whose value is the extension object as JSON.
Documents stay valid against IPTC's own 3.1 schema.

>>> doc = b'''{"uri": "urn:x:1", "altids": [{"role": "eeas-unique-id", "value": "201203_6"}],
...   "headlines": [{"role": "main", "value": "Titre"}], "firstcreated": "2020-12-03T16:53:00+01:00",
...   "located": "Brussels"}'''
>>> record = next(read_ninjs(doc))
>>> record.unique_id, record.title, record.place, record.published.isoformat()
('201203_6', 'Titre', 'Brussels', '2020-12-03T16:53:00+01:00')
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, BinaryIO

from pressrelease._json import dumps, loads, loads_line
from pressrelease.errors import LimitExceededError, ParseError, SerializationError
from pressrelease.feeds._body import body_to_html, html_to_body
from pressrelease.feeds._dates import format_rfc3339, parse_rfc3339
from pressrelease.feeds._ext import build_record, compare, to_plain
from pressrelease.feeds._stream import open_input, read_all
from pressrelease.feeds._xmlfeed import id_from_uri, id_to_uri
from pressrelease.limits import DEFAULT_LIMITS, Limits
from pressrelease.model import (
    Link,
    Location,
    Notice,
    Paragraph,
    PressRelease,
    Signatory,
    Translation,
)

if TYPE_CHECKING:
    from pressrelease.writers import WriteReport

__all__ = ["EXTENSION_ROLE", "read_ninjs", "write_ninjs"]

#: The ``descriptions[].role`` of the entry that carries our extension.
EXTENSION_ROLE = "pressrelease-extension"
_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"


def _get(doc: Mapping[str, Any], camel: str) -> Any:
    """A property by its 3.x name, or its 2.x all-lowercase name."""
    value = doc.get(camel)
    return doc.get(camel.lower()) if value is None else value


def _list(doc: Mapping[str, Any], camel: str) -> list[Mapping[str, Any]]:
    value = _get(doc, camel)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _headline(doc: Mapping[str, Any], roles: tuple[str | None, ...]) -> str | None:
    for headline in _list(doc, "headlines"):
        if headline.get("role") in roles and isinstance(headline.get("value"), str):
            return str(headline["value"])
    return None


def _doc_values(
    doc: Mapping[str, Any], where: Location, source: str | None
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    notices: list[Notice] = []
    unique_id: str | None = None
    for alt in _list(doc, "altIds"):
        if str(alt.get("role", "")).endswith("unique-id") and isinstance(alt.get("value"), str):
            unique_id = alt["value"]
            break
    else:
        if isinstance(doc.get("uri"), str):
            unique_id = id_from_uri(doc["uri"])
    title = _headline(doc, ("main", None))
    if title is None:
        title = _str(doc.get("headline")) or ""
    published = None
    for key in ("firstCreated", "versionCreated"):
        stamp = _get(doc, key)
        if isinstance(stamp, str):
            parsed = parse_rfc3339(stamp, location=where, allow_date=True)
            published = parsed.value
            if parsed.notice is not None:
                notices.append(parsed.notice)
            break
    genres = _list(doc, "genres")
    category = (_str(genres[0].get("name")) or _str(genres[0].get("literal"))) if genres else None
    source_url = None
    for rendition in _list(doc, "renditions"):
        if _get(rendition, "contentType") == "text/html" and isinstance(rendition.get("href"), str):
            source_url = rendition["href"]
            break
    body: tuple[Paragraph, ...] = ()
    for entry in _list(doc, "bodies"):
        if entry.get("role", "main") == "main" and isinstance(entry.get("value"), str):
            kind = _get(entry, "contentType") or "text/html"
            if kind == "text/plain":
                body = tuple(
                    Paragraph(text=" ".join(b.split()))
                    for b in entry["value"].split("\n\n")
                    if b.strip()
                )
            else:
                body, found = html_to_body(entry["value"], base=source_url, source=source)
                notices.extend(found)
            break
    else:
        if isinstance(doc.get("body_html"), str):
            body, found = html_to_body(doc["body_html"], base=source_url, source=source)
            notices.extend(found)
    signatories, participants = [], []
    for person in _list(doc, "people"):
        name = _str(person.get("name"))
        if not name:
            continue
        if person.get("rel") == "signatory":
            signatories.append(Signatory(name=name))
        elif person.get("rel") == "participant":
            participants.append(Signatory(name=name))
    translations: list[Translation] = []
    related: list[Link] = []
    for association in _list(doc, "associations"):
        rel = str(association.get("rel") or association.get("name") or "")
        renditions = _list(association, "renditions")
        url = _str(renditions[0].get("href")) if renditions else None
        url = url or _str(association.get("uri"))
        if rel.startswith("translation"):
            language = _str(association.get("language"))
            if language:
                translations.append(
                    Translation(
                        language=language, url=url, title=_headline(association, ("main", None))
                    )
                )
        elif rel.startswith("seeAlso") and url:
            related.append(Link(text=_headline(association, ("main", None)) or "", href=url))
    ext: object = None
    for index, description in enumerate(_list(doc, "descriptions")):
        if description.get("role") == EXTENSION_ROLE and isinstance(description.get("value"), str):
            try:
                ext = loads(description["value"], source=source)
            except ParseError as exc:
                raise ParseError(
                    f"our extension is not strict JSON: {exc.message}",
                    source=source,
                    line=where.line,
                    path=f"{where.element or '$'}.descriptions[{index}].value",
                ) from exc
            break
    values: dict[str, Any] = {
        "title": title,
        "unique_id": unique_id,
        "subtitle": _headline(doc, ("sub", "subtitle")),
        "published": published,
        "place": _str(doc.get("located")),
        "category": category,
        "language": _str(doc.get("language")),
        "signatories": signatories,
        "participants": participants,
        "body": body,
        "translations": translations,
        "related": related,
        "source_url": source_url,
        "locations": {"$": where},
        "notices": notices,
    }
    return values, ext if isinstance(ext, dict) else None


def _record(
    doc: object, where: Location, source: str | None, limits: Limits = DEFAULT_LIMITS
) -> PressRelease:
    if not isinstance(doc, dict):
        raise ParseError(
            "not a ninjs document: expected a JSON object", source=source, line=where.line,
            path=where.element,
        )  # fmt: skip
    try:
        values, ext = _doc_values(doc, where, source)
    except ParseError:
        raise
    except (ValueError, TypeError) as exc:
        raise ParseError(
            f"ninjs document cannot be read: {exc}", source=source, line=where.line
        ) from exc
    return build_record(
        values,
        ext,
        source=source,
        line=where.line,
        what="ninjs document",
        limits=limits,
        # A ninjs uri is a URI (IPTC's own examples run to 93 characters), not an issuer's ID.
        id_is_uri=True,
    )


def read_ninjs(
    data: bytes | BinaryIO, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[PressRelease]:
    """Yield the records of a ninjs document, a JSON array of them, or JSON Lines (streamed).

    A single document or an array is read whole within
    ``limits.max_document_bytes``, an array of at most ``limits.max_items``
    documents; JSON Lines stream line by line, each line within
    ``max_feed_item_bytes``, as many lines as there are.

    Raises:
        ParseError: not JSON, or not ninjs objects.
        LimitExceededError: a document or line is too large or too deep, or
            an array holds more than ``limits.max_items`` documents.

    >>> read = lambda data, **kw: list(read_ninjs(data, source="n.json", **kw))
    >>> len(read(b'[{"uri": "urn:x:1"}, {"uri": "urn:x:2"}]'))
    2
    >>> read(b'[{"uri": "urn:x:1"}, {"uri": "urn:x:2"}]', limits=Limits(max_items=1))
    Traceback (most recent call last):
    ...
    pressrelease.errors.LimitExceededError: n.json:1:1: $: the array holds 2 ninjs documents, more than max_items=1; raise the limit (--max-items) if the input is genuine, or write one document per line (JSON Lines), which is read as a stream
    """
    head, rest = open_input(data)
    first_end = head.find(b"\n")
    first = head[: first_end if first_end >= 0 else len(head)].strip()
    lines_mode = False
    if first.startswith(b"{") and first_end >= 0:
        try:
            json.loads(first)
            lines_mode = True
        except ValueError:
            lines_mode = False
    if not lines_mode:
        whole = head + (read_all(rest, source=source, limits=limits) if rest is not None else b"")
        limits.check_size(len(whole), source=source)
        value = loads(whole, source=source, limits=limits)
        if isinstance(value, list):
            if len(value) > limits.max_items:
                start_line, start_column = _start_of(whole)
                raise LimitExceededError(
                    f"the array holds {len(value)} ninjs documents, more than max_items="
                    f"{limits.max_items}; raise the limit (--max-items) if the input is genuine, "
                    "or write one document per line (JSON Lines), which is read as a stream",
                    source=source,
                    line=start_line,
                    column=start_column,
                    path="$",
                )
            for index, doc in enumerate(value):
                yield _record(doc, Location(source=source, element=f"$[{index}]"), source, limits)
        else:
            yield _record(value, Location(source=source, line=1, element="$"), source, limits)
        return
    for number, line in enumerate(_lines(head, rest), start=1):
        if len(line) > limits.max_feed_item_bytes:
            raise LimitExceededError(
                f"line {number} is {len(line)} bytes, more than max_feed_item_bytes="
                f"{limits.max_feed_item_bytes}",
                source=source,
                line=number,
            )
        if not line.strip():
            continue
        doc = loads_line(line, number=number, source=source, limits=limits)
        yield _record(doc, Location(source=source, line=number, element="$"), source, limits)


def _start_of(whole: bytes) -> tuple[int, int]:
    """The line and column where the JSON value in ``whole`` starts (after white space)."""
    lead = whole[: len(whole) - len(whole.lstrip())]
    return lead.count(b"\n") + 1, len(lead) - (lead.rfind(b"\n") + 1) + 1


def _lines(head: bytes, rest: BinaryIO | None) -> Iterator[bytes]:
    pending = head
    while True:
        *complete, pending = pending.split(b"\n")
        yield from complete
        chunk = rest.read(1 << 16) if rest is not None else b""
        if not chunk:
            break
        pending += chunk
    if pending.strip():
        yield pending


def _document(record: PressRelease, index: int) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "uri": id_to_uri(record.unique_id, index),
        "standard": {"name": "ninjs", "version": "3.1", "schema": _SCHEMA},
        "type": "text",
    }
    if isinstance(record.published, datetime):
        stamp = format_rfc3339(record.published)
        doc["firstCreated"] = stamp
        doc["versionCreated"] = stamp
    if record.language is not None:
        doc["language"] = record.language
    headlines = [{"role": "main", "value": record.title}]
    if record.subtitle is not None:
        headlines.append({"role": "sub", "value": record.subtitle})
    doc["headlines"] = headlines
    if record.place is not None:
        doc["located"] = record.place
    if record.category is not None:
        doc["genres"] = [{"name": record.category}]
    if record.unique_id is not None:
        doc["altIds"] = [{"role": "unique-id", "value": record.unique_id}]
    people = [
        {"name": person.name, "rel": rel, **({"literal": literal} if literal else {})}
        for rel, group in (("signatory", record.signatories), ("participant", record.participants))
        for person in group
        if person.name
        for literal in [", ".join(p for p in (person.role, person.organisation) if p)]
    ]
    if people:
        doc["people"] = people
    if record.body:
        doc["bodies"] = [
            {"role": "main", "contentType": "text/html", "value": body_to_html(record.body)}
        ]
    if record.source_url is not None:
        doc["renditions"] = [
            {"name": "source", "href": record.source_url, "contentType": "text/html"}
        ]
    associations: list[dict[str, Any]] = []
    for translation in record.translations:
        if translation.url is None:
            continue
        association: dict[str, Any] = {
            "name": translation.language,
            "rel": "translation",
            "uri": translation.url,
            "language": translation.language,
        }
        if translation.title is not None:
            association["headlines"] = [{"role": "main", "value": translation.title}]
        associations.append(association)
    for link in record.related:
        if link.href is None or link.start is not None:
            continue
        association = {"name": "related", "rel": "seeAlso", "uri": link.href}
        if link.text:
            association["headlines"] = [{"role": "main", "value": link.text}]
        associations.append(association)
    if associations:
        doc["associations"] = associations
    return doc


def write_ninjs(records: Iterable[PressRelease], out: BinaryIO) -> WriteReport:
    """Write ninjs 3.1: one record as one document, several as JSON Lines of documents."""
    from pressrelease.writers import WriteReport

    docs: list[dict[str, Any]] = []
    lossy: dict[str, None] = {}
    for index, record in enumerate(records):
        doc = _document(record, index)
        values, _ = _doc_values(doc, Location(), None)
        del values["locations"], values["notices"]
        try:
            native = PressRelease(**values)
        except ValueError as exc:
            raise SerializationError(f"record {index} cannot be written as ninjs: {exc}") from exc
        fields, paths = compare(record, native)
        if fields:
            doc.setdefault("descriptions", []).append(
                {
                    "role": EXTENSION_ROLE,
                    "contentType": "application/json",
                    "value": dumps(to_plain(record, fields), indent=None),
                }
            )
            lossy.update(dict.fromkeys(paths))
        docs.append(doc)
    if len(docs) == 1:
        out.write((dumps(docs[0]) + "\n").encode("utf-8"))
    else:
        for doc in docs:
            out.write((dumps(doc, indent=None) + "\n").encode("utf-8"))
    return WriteReport(format="ninjs", records=len(docs), lossy=tuple(lossy))
