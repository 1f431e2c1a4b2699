"""GOV.UK content items: the JSON of GOV.UK's Content API for a press release.

The Content API (``https://www.gov.uk/api/content/<path>``) describes each
page as one JSON object: ``content_id`` (a UUID, the release's ID),
``title``, ``description``, ``first_published_at``, ``locale``,
``document_type``, ``base_path``, ``details.body`` (the text, as HTML) and
``links`` (publishing organisations, translations). Nothing is fetched: the
caller passes the JSON.

>>> item = b'''{"content_id": "5dc52233-7631-11e4-a3cb-005056011aef",
...   "title": "New FRANK adverts", "locale": "en", "document_type": "press_release",
...   "base_path": "/government/news/frank", "first_published_at": "2013-01-28T00:00:00.000+00:00",
...   "details": {"body": "<div class=\\\\"govspeak\\\\"><p>The campaign.</p></div>"},
...   "links": {"organisations": [{"title": "Home Office"}]}}'''
>>> release = parse_govuk_json(item)
>>> release.unique_id, release.published.isoformat(), release.signatories[0].organisation
('5dc52233-7631-11e4-a3cb-005056011aef', '2013-01-28T00:00:00+00:00', 'Home Office')
>>> release.source_url, release.text
('https://www.gov.uk/government/news/frank', 'The campaign.')
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import IO, Any

from pressrelease._json import loads
from pressrelease.errors import ParseError
from pressrelease.issuers import get_issuer
from pressrelease.limits import DEFAULT_LIMITS, Limits
from pressrelease.model import Location, Notice, PressRelease, Signatory, Translation
from pressrelease.readers._html_meta import parse_machine_date
from pressrelease.readers._html_text import collapse
from pressrelease.readers.html import fragment_paragraphs

__all__ = ["parse_govuk_json", "read_govuk_json"]

_SITE = "https://www.gov.uk"


def _text(item: dict[str, Any], key: str, path: str, source: str | None) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ParseError(
            f"{key!r} must be a string (got {type(value).__name__})", source=source, path=path
        )
    return collapse(value) or None


def _titles(links: dict[str, Any], key: str) -> list[str]:
    found = []
    for entry in links.get(key) or ():
        if isinstance(entry, dict) and isinstance(entry.get("title"), str):
            title = collapse(entry["title"])
            if title and title not in found:
                found.append(title)
    return found


def parse_govuk_json(
    data: bytes | str, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> PressRelease:
    """Read one GOV.UK Content API item.

    Signatories are the primary publishing organisation (or, without one,
    every organisation in ``links.organisations``); people in ``links.people``
    are quoted ministers and officials, not issuers, and are left out.

    Raises:
        ParseError: not strict JSON, not an object, or a field of the wrong type.
        LimitExceededError: past a limit.
    """
    item = loads(data, source=source, limits=limits)
    if not isinstance(item, dict):
        raise ParseError("a GOV.UK content item is a JSON object", source=source, path="$")
    notices: list[Notice] = []
    locations: dict[str, Location] = {}

    def at(path: str, json_path: str) -> None:
        locations[path] = Location(source=source, element=json_path)

    title = _text(item, "title", "$.title", source) or ""
    if title:
        at("$.title", "$.title")
    unique_id = _text(item, "content_id", "$.content_id", source)
    if unique_id is not None:
        at("$.unique_id", "$.content_id")
        if len(unique_id) > limits.max_id_length or not get_issuer("govuk").match_id(unique_id):
            notices.append(
                Notice(
                    code="PR102",
                    message=f"content_id {unique_id[:80]!r} is not a UUID",
                    path="$.unique_id",
                    location=locations["$.unique_id"],
                )
            )
    published: date | datetime | None = None
    for key in ("first_published_at", "public_updated_at"):
        value = _text(item, key, f"$.{key}", source)
        if value is None:
            continue
        try:
            published = parse_machine_date(value)
        except ValueError:
            published = None
        if published is None or (isinstance(published, datetime) and published.tzinfo is None):
            notices.append(
                Notice(
                    code="PR605",
                    message=f"{key} {value!r} is not an ISO 8601 time with an offset",
                    path="$.published",
                    location=Location(source=source, element=f"$.{key}"),
                )
            )
            published = None
            continue
        at("$.published", f"$.{key}")
        break
    raw_links = item.get("links")
    links: dict[str, Any] = raw_links if isinstance(raw_links, dict) else {}
    organisations = _titles(links, "primary_publishing_organisation") or _titles(
        links, "organisations"
    )
    signatories = tuple(Signatory(organisation=name) for name in organisations)
    for index, _ in enumerate(signatories):
        at(f"$.signatories[{index}]", "$.links.organisations")
    language = _text(item, "locale", "$.locale", source)
    if language:
        at("$.language", "$.locale")
    translations = []
    for entry in links.get("available_translations") or ():
        if not isinstance(entry, dict):
            continue
        locale, path = entry.get("locale"), entry.get("base_path")
        if isinstance(locale, str) and locale and locale != language:
            translations.append(
                Translation(
                    language=locale,
                    url=_SITE + path if isinstance(path, str) and path.startswith("/") else None,
                    title=entry.get("title") if isinstance(entry.get("title"), str) else None,
                )
            )
    base_path = _text(item, "base_path", "$.base_path", source)
    source_url = _SITE + base_path if base_path and base_path.startswith("/") else None
    raw_details = item.get("details")
    details: dict[str, Any] = raw_details if isinstance(raw_details, dict) else {}
    body_html = details.get("body")
    body: tuple[Any, ...] = ()
    if isinstance(body_html, str):
        body, body_notices = fragment_paragraphs(
            body_html,
            base=source_url or _SITE + "/",
            source=source,
            path="$.details.body",
            limits=limits,
        )
        notices.extend(body_notices)
        for index, paragraph in enumerate(body):
            if paragraph.location is not None:
                locations[f"$.body[{index}]"] = paragraph.location
    elif body_html is not None:
        raise ParseError(
            "details.body must be an HTML string", source=source, path="$.details.body"
        )
    if not title and not body:
        raise ParseError(
            "not a GOV.UK content item: it has neither a title nor details.body",
            source=source,
            path="$",
        )
    return PressRelease(
        title=title,
        unique_id=unique_id,
        subtitle=_text(item, "description", "$.description", source),
        published=published,
        category=_text(item, "document_type", "$.document_type", source),
        language=language,
        issuer="govuk",
        signatories=signatories,
        body=body,
        translations=tuple(translations),
        source_url=source_url,
        locations=locations,
        notices=tuple(notices),
    )


def read_govuk_json(
    data: bytes | IO[bytes], *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[PressRelease]:
    """Registry-style reader: the one release of a GOV.UK content item."""
    if not isinstance(data, bytes | bytearray | memoryview):
        data = bytes(data.read(limits.max_document_bytes + 1))
    yield parse_govuk_json(bytes(data), source=source, limits=limits)
