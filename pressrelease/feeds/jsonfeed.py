"""JSON Feed 1.1 (reads 1.0 too): a feed of items, each a record.

Native mapping: item ``id`` (the unique ID), ``title``, ``content_html`` (or
``content_text``), ``date_published``, ``language`` (else the feed's),
``tags[0]`` (category), ``url`` (source), ``external_url`` (one related link),
``authors`` names (signatories). Everything else is in the item's
``_pressrelease`` object.

>>> doc = b'''{"version": "https://jsonfeed.org/version/1.1", "title": "T", "language": "fr",
...   "items": [{"id": "201203_6", "title": "Titre", "content_html": "<p>Un.</p>",
...              "date_published": "2020-12-03T16:53:00+01:00"}]}'''
>>> record = next(read_jsonfeed(doc))
>>> record.unique_id, record.language, record.body[0].text, record.published.isoformat()
('201203_6', 'fr', 'Un.', '2020-12-03T16:53:00+01:00')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, BinaryIO

from pressrelease._json import dumps, loads
from pressrelease.errors import ParseError, SerializationError
from pressrelease.feeds._body import body_to_html, html_to_body
from pressrelease.feeds._dates import format_rfc3339, parse_rfc3339
from pressrelease.feeds._ext import build_record, compare, to_plain
from pressrelease.feeds._stream import read_all
from pressrelease.feeds._xmlfeed import id_from_uri, id_to_uri, resolve
from pressrelease.limits import DEFAULT_LIMITS, Limits
from pressrelease.model import Link, Location, Notice, Paragraph, PressRelease, Signatory

if TYPE_CHECKING:
    from pressrelease.writers import WriteReport

__all__ = ["EXTENSION_KEY", "read_jsonfeed", "write_jsonfeed"]

#: The item key of our extension (JSON Feed reserves keys starting with ``_`` for extensions).
EXTENSION_KEY = "_pressrelease"
_ABOUT = "https://pressrelease.readthedocs.io/en/latest/feeds.html#extension"
VERSION = "https://jsonfeed.org/version/1.1"


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


#: Item members the spec types as strings: another type is an error, not a silent drop.
_STRING_MEMBERS = (
    "title",
    "url",
    "external_url",
    "date_published",
    "language",
    "content_html",
    "content_text",
    "summary",
)


def _check_types(item: Mapping[str, Any], path: str, source: str | None) -> None:
    """Refuse an item whose string members hold something else (``"title": ["a"]``).

    The id is the exception the spec makes: a number is read as its string.
    """
    problems = [
        ParseError(
            f"'{key}' must be a string (got {type(item[key]).__name__})",
            source=source,
            path=f"{path}.{key}",
        )
        for key in _STRING_MEMBERS
        if item.get(key) is not None and not isinstance(item[key], str)
    ]
    raw_id = item.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        problems.append(
            ParseError(
                f"'id' must be a string (got {type(raw_id).__name__})",
                source=source,
                path=f"{path}.id",
            )
        )
    if problems:
        raise ParseError.gather(problems, source=source)


def _item_values(
    item: Mapping[str, Any], feed: Mapping[str, Any], index: int, source: str | None
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    path = f"$.items[{index}]"
    where = Location(source=source, element=path)
    _check_types(item, path, source)
    notices: list[Notice] = []
    raw_id = item.get("id")
    unique_id = id_from_uri(str(raw_id)) if isinstance(raw_id, str | int) else None
    source_url = _str(item.get("url"))
    base = source_url or _str(feed.get("home_page_url"))
    published = None
    if isinstance(item.get("date_published"), str):
        parsed = parse_rfc3339(item["date_published"], location=where)
        published = parsed.value
        if parsed.notice is not None:
            notices.append(parsed.notice)
    body: tuple[Paragraph, ...] = ()
    if isinstance(item.get("content_html"), str):
        body, found = html_to_body(item["content_html"], base=base, source=source)
        notices.extend(found)
    elif isinstance(item.get("content_text"), str):
        body = tuple(
            Paragraph(text=" ".join(block.split()))
            for block in item["content_text"].split("\n\n")
            if block.strip()
        )
    tags = item.get("tags")
    authors = item.get("authors")
    if authors is None and isinstance(item.get("author"), dict):
        authors = [item["author"]]
    signatories = [
        Signatory(name=author["name"])
        for author in (authors if isinstance(authors, list) else ())
        if isinstance(author, dict) and isinstance(author.get("name"), str) and author["name"]
    ]
    external = _str(item.get("external_url"))
    values: dict[str, Any] = {
        "title": _str(item.get("title")) or "",
        "unique_id": unique_id,
        "published": published,
        "language": _str(item.get("language")) or _str(feed.get("language")),
        "category": tags[0]
        if isinstance(tags, list) and tags and isinstance(tags[0], str)
        else None,
        "body": body,
        "signatories": signatories,
        "related": (Link(href=resolve(base, external)),) if external else (),
        "source_url": resolve(_str(feed.get("home_page_url")), source_url) if source_url else None,
        "locations": {"$": where},
        "notices": notices,
    }
    ext = item.get(EXTENSION_KEY)
    if isinstance(ext, dict):
        ext = {key: value for key, value in ext.items() if key != "about"}
    else:
        ext = None
    return values, ext


def read_jsonfeed(
    data: bytes | BinaryIO, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[PressRelease]:
    """Yield one record per item of a JSON Feed (read whole, within ``max_document_bytes``).

    Raises:
        ParseError: not JSON, or not a JSON Feed (no ``version``/``items``).
        LimitExceededError: the document is too large or too deep.
    """
    feed = loads(read_all(data, source=source, limits=limits), source=source, limits=limits)
    if (
        not isinstance(feed, dict)
        or not str(feed.get("version", "")).startswith("https://jsonfeed.org/version/")
        or not isinstance(feed.get("items"), list)
    ):
        raise ParseError(
            "not a JSON Feed: expected an object with 'version' "
            "(https://jsonfeed.org/version/1.1) and an 'items' array",
            source=source,
            line=1,
        )
    if len(feed["items"]) > limits.max_items:
        from pressrelease.errors import LimitExceededError

        raise LimitExceededError(
            f"the feed has {len(feed['items'])} items, more than max_items={limits.max_items}",
            source=source,
        )
    for index, item in enumerate(feed["items"]):
        if not isinstance(item, dict):
            raise ParseError(
                f"$.items[{index}] is not an object", source=source, path=f"$.items[{index}]"
            )
        values, ext = _item_values(item, feed, index, source)
        yield build_record(
            values, ext, source=source, line=None, what=f"$.items[{index}]", limits=limits
        )


def _item(record: PressRelease, index: int) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": record.unique_id if record.unique_id is not None else id_to_uri(None, index)
    }
    if record.source_url is not None:
        item["url"] = record.source_url
    related = [link for link in record.related if link.href]
    if related:
        item["external_url"] = related[0].href
    item["title"] = record.title
    item["content_html"] = body_to_html(record.body)
    if record.subtitle is not None:
        item["summary"] = record.subtitle
    if isinstance(record.published, datetime):
        item["date_published"] = format_rfc3339(record.published)
    if record.language is not None:
        item["language"] = record.language
    if record.category is not None:
        item["tags"] = [record.category]
    authors = [{"name": s.name} for s in record.signatories if s.name]
    if authors:
        item["authors"] = authors
    return item


def write_jsonfeed(
    records: Iterable[PressRelease],
    out: BinaryIO,
    *,
    title: str = "Press releases",
    home_page_url: str | None = None,
) -> WriteReport:
    """Write the records as one JSON Feed 1.1, ``_pressrelease`` carrying what it cannot."""
    from pressrelease.writers import WriteReport

    items: list[dict[str, Any]] = []
    lossy: dict[str, None] = {}
    for index, record in enumerate(records):
        item = _item(record, index)
        values, _ = _item_values(item, {}, index, None)
        del values["locations"], values["notices"]
        try:
            native = PressRelease(**values)
        except ValueError as exc:
            raise SerializationError(
                f"record {index} cannot be written as jsonfeed: {exc}"
            ) from exc
        fields, paths = compare(record, native)
        if fields:
            item[EXTENSION_KEY] = {"about": _ABOUT, **to_plain(record, fields)}
            lossy.update(dict.fromkeys(paths))
        items.append(item)
    feed: dict[str, Any] = {"version": VERSION, "title": title}
    if home_page_url is not None:
        feed["home_page_url"] = home_page_url
    feed["items"] = items
    out.write((dumps(feed) + "\n").encode("utf-8"))
    return WriteReport(format="jsonfeed", records=len(items), lossy=tuple(lossy))
