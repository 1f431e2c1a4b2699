"""Press releases from HTML pages: issuer profiles first, a generic reading for any other site.

A page is parsed once with a fresh ``lxml`` HTML parser (no network), then
each field is looked for where the issuer's profile says
(:class:`~pressrelease.issuers.HtmlProfile`), and where the profile says
nothing, in the page's machine-readable metadata (JSON-LD, OpenGraph, Dublin
Core, ``<time datetime>``, ``<html lang>``, ``hreflang`` alternates) and its
visible ``<h1>``. The body is the text of the profile's containers, or of the
element holding most paragraph text, with navigation, banners, share bars,
footers, sidebars, scripts, styles, templates and frames left out.

>>> page = b'''<html lang="en"><head><title>Site | Talks</title>
... <link rel="canonical" href="https://example.org/news/1"></head>
... <body><nav><a href="/">Home</a></nav><main><h1>Talks  open</h1>
... <time datetime="2024-05-02">2 May 2024</time>
... <p>Talks opened <a href="/talks">today</a>.</p></main>
... <footer>Cookies and legal notice</footer></body></html>'''
>>> release = parse_html(page)
>>> release.title, release.published, release.language, release.source_url
('Talks open', datetime.date(2024, 5, 2), 'en', 'https://example.org/news/1')
>>> [(p.text, p.links[0].href) for p in release.body]
[('Talks opened today.', 'https://example.org/talks')]

Decisions, for callers to rely on:

* **Encoding**: a BOM, then ``charset=``, then ``<meta charset>`` in the
  first 1024 bytes, then strict UTF-8; undecodable bytes raise
  :class:`~pressrelease.errors.DecodeError` with their line and column. A
  page declaring a single-byte charset whose bytes are valid UTF-8 with
  non-ASCII characters is read as UTF-8 with a ``PR601`` notice.
* **Deep nesting**: libxml2 silently drops everything nested past 255
  levels. Content lost is never returned as a record:
  :class:`~pressrelease.errors.LimitExceededError` is raised.
* **Listing pages** (several press items, such as the EEAS press-material
  list): :func:`parse_html` raises :class:`~pressrelease.errors.ParseError`
  saying so; :func:`read_html` yields one record per item.
* **Times**: a ``<time datetime>`` at noon or midnight UTC whose visible
  text shows no time stands for a day and gives a date. A time without an
  offset takes the issuer's zone (as a text dateline takes its place's);
  without an issuer, only its day is kept, with a ``PR203`` notice.
* **Links**: only ``http``, ``https`` and ``mailto`` survive, checked after
  entity decoding, removal of tabs and newlines, trimming of control
  characters and case folding; each dropped link is a ``PR501`` notice. A
  ``<base href>`` that is not http(s) is ignored (``PR501``).
* **Parties** (:mod:`~pressrelease.extract.people`) are read from the title
  and the text's opening and closing blocks, each with its lines as printed:
  a ``<br>`` breaks a line, a table prints row by row with its cells
  separated by a run of spaces (a two-column signature table reads as a
  two-column signature block in text). Each signatory's location is the
  element holding its name, the source line and, when the page prints the
  name as it is, the column. Each card of a listing is read as a document's
  title and text; a card that names no party has none.
* A ``<meta http-equiv="refresh">`` is never followed; nothing is fetched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from functools import cache
from typing import IO, Any
from zoneinfo import ZoneInfo

import attrs
from lxml import etree

from pressrelease.decode import decode
from pressrelease.errors import (
    DecodeError,
    LimitExceededError,
    ParseError,
    PressReleaseError,
    UnsafeInputError,
)
from pressrelease.extract.dates import find_dates
from pressrelease.extract.ids import find_id
from pressrelease.extract.people import Parties, TextBlock, extract_parties
from pressrelease.extract.places import known_place
from pressrelease.issuers import ISSUER_KEYS, HtmlProfile, Issuer, get_issuer, issuer_for_host
from pressrelease.limits import DEFAULT_LIMITS, Limits
from pressrelease.model import (
    Contact,
    Link,
    Location,
    Notice,
    Paragraph,
    ParagraphKind,
    PressRelease,
    Signatory,
    Translation,
)
from pressrelease.readers._html_meta import (
    ambiguous_numeric,
    article_objects,
    json_depth,
    load_json_ld,
    parse_machine_date,
)
from pressrelease.readers._html_text import (
    FURNITURE_TAGS,
    Block,
    BlockWalker,
    collapse,
    element_text,
    safe_url,
)
from pressrelease.readers.text import parse_text

__all__ = ["fragment_paragraphs", "parse_html", "read_html"]

# --------------------------------------------------------------------------- decoding

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE
)
#: Single-byte charsets a page may claim while its bytes are really UTF-8.
_SINGLE_BYTE = frozenset(
    {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "windows-1252", "cp1252", "us-ascii", "ascii"}
)


def _decode(
    data: bytes, *, charset: str | None, source: str | None
) -> tuple[str, tuple[Notice, ...], str]:
    """Bytes to text by :func:`pressrelease.decode.decode` (BOM, caller, ``<meta>``, UTF-8).

    One HTML-specific step comes first: a page whose ``<meta>`` claims a
    single-byte charset but whose bytes are valid UTF-8 with non-ASCII
    characters (a page re-encoded without fixing its declaration) is read as
    UTF-8, with a ``PR601`` notice, instead of silently as mojibake.

    Returns the text, any ``PR601`` notices and the codec used.
    """
    if charset is None and not data.startswith(_BOMS) and not data.isascii():
        found = _META_CHARSET.search(data, 0, 1024)
        label = found.group(1).decode("ascii").lower() if found else ""
        if label in _SINGLE_BYTE:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                message = (
                    f"the page declares charset {label!r} but its bytes are valid UTF-8 "
                    "with non-ASCII characters; read as UTF-8"
                )
                notice = Notice(code="PR601", message=message, path="$")
                return text, (notice,), "utf-8"
    try:
        decoded = decode(data, kind="html", charset=charset, source=source)
    except DecodeError as exc:
        if exc.line is None and exc.path is None:
            exc.path = "$"  # an unknown charset label: about the whole page
        raise
    return decoded.text, decoded.notices, decoded.encoding


# --------------------------------------------------------------------------- compiled XPaths


# ``//name[...]`` makes libxml2 test every node's children; ``/descendant::name[...]``
# selects the same nodes (when no predicate counts positions) about twice as fast.
_DESCENDANT_STEP = re.compile(
    r"(?<![/:])//(?=[A-Za-z*][\w.-]*(?:\[(?![\d\s]*\])(?![^\]]*(?:position|last)\s*\()|/|\)|$|\s|\|))"
)


def _fast(expression: str) -> str:
    """``//x[p]`` as ``/descendant::x[p]`` where that selects the same nodes.

    >>> _fast("//div[contains(@class, 'a')]//h1 | (.//span)[2] | //li[2]")
    "/descendant::div[contains(@class, 'a')]/descendant::h1 | (./descendant::span)[2] | //li[2]"
    """
    return _DESCENDANT_STEP.sub("/descendant::", expression)


@cache
def _xpath(expression: str) -> etree.XPath:
    """Profile XPaths are compiled once, on first use, and kept."""
    return etree.XPath(_fast(expression))


@cache
def _union(expressions: tuple[str, ...]) -> etree.XPath:
    """Several XPaths as one union, whose results come in document order."""
    return etree.XPath(" | ".join(_fast(e) for e in expressions))


_WRAPPED = re.compile(r"\((?P<inner>.*)\)\[(?P<position>[1-9]\d*)\]")
#: Location steps with simple predicates (``/span[2]``, ``//a[@href]``, ``/@content``):
#: whatever follows, the result is a node set, as the whole XPath's is.
_STEPS = r"(?:/{1,2}(?:@?[A-Za-z_*][\w.:-]*|text\(\)|node\(\)|\.{1,2})(?:\[[^\[\]]*\])*)*"
_CLASS_FIRST = re.compile(
    r"//(?P<tag>[a-z][a-z0-9]*)\[contains\(@class,\s*'(?P<word>[^']+)'\)\]"
    rf"(?P<rest>{_STEPS})"
)


@attrs.frozen
class _ClassPlan:
    """An XPath ``//tag[contains(@class, 'word')]<rest>``, optionally as ``(...)[position]``.

    Most profile XPaths start so; each run as XPath walks the whole page,
    while one walk (:meth:`_Page.classed`) serves them all.
    """

    tag: str
    word: str
    rest: etree.XPath | None
    position: int | None


@cache
def _class_plan(expression: str) -> _ClassPlan | None:
    """How to run ``expression`` from the page's class index, or ``None``.

    >>> plan = _class_plan("(//div[contains(@class, 'meta')]//span)[2]")
    >>> plan.tag, plan.word, plan.rest.path, plan.position
    ('div', 'meta', './/span', 2)
    >>> _class_plan("//div[contains(@class, 'a')][2]") is None
    True
    >>> _class_plan("//div[contains(@class, 'a')]/@id = 'x'") is None  # a boolean, not nodes
    True
    """
    position = None
    wrapped = _WRAPPED.fullmatch(expression)
    if wrapped is not None:
        expression, position = wrapped["inner"], int(wrapped["position"])
    found = _CLASS_FIRST.fullmatch(expression)
    if found is None:
        return None
    rest = etree.XPath("." + found["rest"]) if found["rest"] else None
    return _ClassPlan(tag=found["tag"], word=found["word"], rest=rest, position=position)


#: A DOCTYPE with an internal subset (``<!DOCTYPE html [<!ENTITY ...>]>``), after
#: any BOM, white space and comments.
_INTERNAL_SUBSET = re.compile(
    r"\ufeff?(?:\s|<!--.*?-->)*<!DOCTYPE[^>\[]*\[", re.IGNORECASE | re.DOTALL
)
_TITLE_TAGS = re.compile(r"</?(?:head|body|div|p|h1|meta|script|link)\b", re.IGNORECASE)
_SHOWS_TIME = re.compile(r"\d{1,2}\s*[:.h]\s*\d{2}(?!\d)|\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_SPLIT_TITLE = re.compile(r"\s+[|\u2013\u2014-]\s+")
_ARTICLE_TAGS = frozenset({"article", "main"})
_META_DATE_KEYS = (
    "article:published_time",
    "datepublished",
    "dcterms.created",
    "dcterms.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "date",
    "publication_date",
    "pubdate",
    "available",
)


# --------------------------------------------------------------------------- the page


@attrs.define
class _Page:
    """One parsed page and what every field reader shares."""

    root: etree._Element
    tree: etree._ElementTree
    source: str | None
    url: str | None
    limits: Limits
    metas: dict[str, tuple[str, etree._Element]]
    links: list[etree._Element]
    times: list[etree._Element]
    h1s: list[etree._Element]
    json_ld: list[dict[str, Any]]
    title_element: etree._Element | None
    base: str | None = None
    found: dict[str, Any] = attrs.Factory(dict)
    notices: list[Notice] = attrs.Factory(list)
    locations: dict[str, Location] = attrs.Factory(dict)
    paths: dict[etree._Element, str] = attrs.Factory(dict)
    classes: dict[str, list[tuple[etree._Element, str]]] = attrs.Factory(dict)
    #: The page's text as decoded (for the column of a signatory's name).
    text: str = ""

    def where(self, element: etree._Element | None) -> Location | None:
        if element is None:
            return None
        return Location(source=self.source, line=element.sourceline, element=self.path(element))

    def path(self, element: etree._Element) -> str:
        """The element's path, as ``getpath`` gives it, in linear time over a page.

        ``getpath`` counts an element's preceding siblings on every call, which
        is quadratic on a page of many paragraphs; here the paths of all the
        children of a parent are worked out once, in one pass, and kept.
        """
        paths = self.paths
        found = paths.get(element)
        if found is not None:
            return found
        parent = element.getparent()
        if parent is None:
            found = paths[element] = self.tree.getpath(element)
            return found
        base = self.path(parent)
        children = [(child, child.tag) for child in parent]
        totals: dict[str, int] = {}
        for _, tag in children:
            if isinstance(tag, str):
                totals[tag] = totals.get(tag, 0) + 1
        seen: dict[str, int] = {}
        for child, tag in children:
            if not isinstance(tag, str):
                continue
            if totals[tag] > 1:
                number = seen[tag] = seen.get(tag, 0) + 1
                paths[child] = f"{base}/{tag}[{number}]"
            else:
                paths[child] = f"{base}/{tag}"
        return paths.get(element) or self.tree.getpath(element)

    def run(self, expression: str) -> Any:
        """An XPath's result on the whole page, computed once per page."""
        try:
            return self.found[expression]
        except KeyError:
            pass
        result = None
        plan = _class_plan(expression)
        if plan is not None:
            result = self._planned(plan)
        if result is None:
            result = _xpath(expression)(self.root)
        self.found[expression] = result
        return result

    def _planned(self, plan: _ClassPlan) -> list[Any] | None:
        """A class plan's result, or ``None`` when only the XPath can tell its order."""
        contexts = [element for element, names in self.classed(plan.tag) if plan.word in names]
        if plan.rest is None:
            result: list[Any] = contexts
        elif not contexts:
            result = []
        elif len(contexts) == 1:
            result = plan.rest(contexts[0])
        else:  # results under several containers: XPath puts them in document order
            return None
        if plan.position is not None:
            result = result[plan.position - 1 : plan.position]
        return result

    def classed(self, tag: str) -> list[tuple[etree._Element, str]]:
        """The page's ``tag`` elements with a ``class``, in document order, and their classes."""
        found = self.classes.get(tag)
        if found is None:
            found = self.classes[tag] = [
                (element, names)
                for element in self.root.iter(tag)
                if (names := element.get("class"))
            ]
        return found

    def union(self, expressions: tuple[str, ...]) -> list[etree._Element]:
        """The elements several XPaths select, in document order."""
        plans = [_class_plan(expression) for expression in expressions]
        tags = {plan.tag for plan in plans if plan is not None}
        if len(tags) == 1 and all(
            plan is not None and plan.rest is None and plan.position is None for plan in plans
        ):
            words = [plan.word for plan in plans if plan is not None]
            return [
                element
                for element, names in self.classed(tags.pop())
                if any(word in names for word in words)
            ]
        result = _union(expressions)(self.root)
        return (
            [e for e in result if isinstance(e, etree._Element)] if isinstance(result, list) else []
        )

    def meta(self, *keys: str) -> tuple[str, etree._Element] | None:
        for key in keys:
            found = self.metas.get(key)
            if found and found[0]:
                return found
        return None

    def note(self, code: str, message: str, path: str, element: etree._Element | None) -> None:
        self.notices.append(
            Notice(code=code, message=message, path=path, location=self.where(element))
        )


def _load(
    data: bytes | str,
    *,
    url: str | None,
    source: str | None,
    charset: str | None,
    limits: Limits,
) -> _Page:
    notices: tuple[Notice, ...] = ()
    if isinstance(data, str):
        text = data
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise DecodeError(
                "the text holds a lone surrogate, which no encoding can carry", source=source
            ) from exc
        limits.check_size(len(raw), source=source)
    elif isinstance(data, bytes | bytearray | memoryview):
        data = bytes(data)
        limits.check_size(len(data), source=source)
        text, notices, codec = _decode(data, charset=charset, source=source)
        if codec in ("utf-8", "utf_8"):  # valid UTF-8 already: hand lxml the bytes as they are
            raw = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        else:
            raw = text.encode("utf-8")
    else:
        raise TypeError(f"parse_html() takes bytes or str, not {type(data).__name__}")
    if _INTERNAL_SUBSET.match(text):
        raise UnsafeInputError(
            "the page's DOCTYPE declares entities or an internal subset, which no HTML page "
            "needs; refused",
            source=source,
            line=1,
            path="$",
        )
    if b"\x00" in raw:  # (raw is text as UTF-8: a NUL byte there is a NUL character)
        index = text.index("\x00")
        raise ParseError(
            "the page holds NUL characters: it is not an HTML text (UTF-16 without a byte "
            "order mark, or a binary file)",
            source=source,
            line=text.count("\n", 0, index) + 1,
            column=index - (text.rfind("\n", 0, index) + 1) + 1,
        )
    parser = etree.HTMLParser(
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        encoding="utf-8",
        huge_tree=False,
        default_doctype=False,
    )
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"not an HTML page: {exc}", source=source, path="$") from exc
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in entry.message:
            raise LimitExceededError(
                f"the page nests elements deeper than libxml2's limit of 256 levels "
                f"({entry.message.strip()}); everything past that depth would be lost, "
                "so the page is refused",
                source=source,
                line=entry.line,
            )
    if root is None or not text.strip():
        raise ParseError("the page is empty", source=source, path="$")
    if limits.max_xml_depth < 256:
        _check_depth(root, limits, source)
    metas: dict[str, tuple[str, etree._Element]] = {}
    links: list[etree._Element] = []
    times: list[etree._Element] = []
    h1s: list[etree._Element] = []
    scripts: list[etree._Element] = []
    title_element = None
    base = None
    for element in root.iter("meta", "link", "time", "h1", "script", "title", "base"):
        tag = element.tag
        if tag == "meta":
            key = element.get("property") or element.get("name") or element.get("itemprop")
            content = element.get("content")
            if key and content is not None:
                metas.setdefault(key.strip().lower(), (collapse(content), element))
            elif element.get("http-equiv", "").lower() == "content-language" and content:
                metas.setdefault("content-language", (collapse(content), element))
        elif tag == "link":
            links.append(element)
        elif tag == "time":
            times.append(element)
        elif tag == "h1":
            h1s.append(element)
        elif tag == "script":
            if (element.get("type") or "").strip().lower() == "application/ld+json":
                scripts.append(element)
        elif tag == "title":
            if title_element is None:
                title_element = element
        elif base is None and element.get("href") is not None:
            base = element
    if title_element is not None and _TITLE_TAGS.search(title_element.text or ""):
        raise ParseError(
            "the <title> element is never closed: it swallows the rest of the page",
            source=source,
            line=title_element.sourceline,
        )
    page = _Page(
        root=root,
        tree=root.getroottree(),
        source=source,
        url=url,
        limits=limits,
        metas=metas,
        links=links,
        times=times,
        h1s=h1s,
        json_ld=[],
        title_element=title_element,
        notices=list(notices),
        text=text,
    )
    page.json_ld = _json_ld(page, scripts)
    page.base = _base(page, base)
    return page


def _check_depth(root: etree._Element, limits: Limits, source: str | None) -> None:
    for element in root.iter():
        if len(element) == 0:
            depth = sum(1 for _ in element.iterancestors())
            if depth + 1 > limits.max_xml_depth:
                raise LimitExceededError(
                    f"the page nests elements {depth + 1} deep, more than "
                    f"max_xml_depth={limits.max_xml_depth}; raise the limit if the page is genuine",
                    source=source,
                    line=element.sourceline,
                )


def _json_ld(page: _Page, scripts: list[etree._Element]) -> list[dict[str, Any]]:
    found: list[Any] = []
    for script in scripts:
        values = load_json_ld(script.text or "")
        if not values and (script.text or "").strip():
            page.note(
                "PR605",
                "a JSON-LD block is not JSON even after repairs (comments, trailing commas); ignored",
                "$",
                script,
            )
        for value in values:
            if json_depth(value, page.limits.max_json_depth) > page.limits.max_json_depth:
                raise LimitExceededError(
                    f"a JSON-LD block nests deeper than max_json_depth={page.limits.max_json_depth}",
                    source=page.source,
                    line=script.sourceline,
                )
            found.append(value)
    return list(article_objects(found))


def _base(page: _Page, base: etree._Element | None) -> str | None:
    """The URL relative links resolve against: ``<base href>`` if safe, else the page URL."""
    start = page.url
    if start is not None and safe_url(start, None)[0] is None:
        start = None
    if base is not None:
        href = base.get("href") or ""
        resolved, reason = safe_url(href, start)
        if resolved is not None and resolved.startswith(("http://", "https://")):
            return resolved
        page.note("PR501", f"<base href={href!r}> ignored: {reason or 'not http(s)'}", "$", base)
    return start


# --------------------------------------------------------------------------- issuers


def _profiles() -> Iterator[Issuer]:
    for key in ISSUER_KEYS:
        issuer = get_issuer(key)
        if issuer.html is not None:
            yield issuer


def _detect(page: _Page, issuer: str | None) -> Issuer | None:
    """The issuer of a page: ``issuer=``, then URL hosts, then generator, then DOM markers."""
    if issuer is not None:
        try:
            return get_issuer(issuer)
        except KeyError as exc:
            raise ParseError(str(exc.args[0]), source=page.source, path="$.issuer") from exc
    urls = [page.url, _canonical(page), (page.meta("og:url") or ("", None))[0]]
    for candidate in urls:
        if candidate:
            found = issuer_for_host(candidate)
            if found is not None and found.html is not None:
                return found
    generator = (page.meta("generator") or ("", None))[0].lower()
    for known in _profiles():
        assert known.html is not None
        if generator and any(word.lower() in generator for word in known.html.generators):
            return known
    for known in _profiles():
        assert known.html is not None
        for marker in known.html.markers:
            if page.run(marker):
                return known
    return None


def _canonical(page: _Page) -> str | None:
    for link in page.links:
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href")
    return None


# --------------------------------------------------------------------------- values


def _values(
    expressions: Sequence[str], context: etree._Element | _Page
) -> Iterator[tuple[str, etree._Element]]:
    """Non-empty ``(text, element)`` values the XPaths give, in order (on a page or an item)."""
    for expression in expressions:
        if isinstance(context, _Page):
            result = context.run(expression)
        else:
            result = _xpath(expression)(context)
        if not isinstance(result, list):
            continue
        for item in result:
            if isinstance(item, str):
                parent = getattr(item, "getparent", lambda: None)()
                value = collapse(item)
                if value and parent is not None:
                    yield value, parent
            elif isinstance(item, etree._Element):
                if item.tag == "time" and item.get("datetime"):
                    value = collapse(item.get("datetime") or "")
                elif item.tag == "meta":
                    value = collapse(item.get("content") or "")
                else:
                    value = element_text(item)
                if value:
                    yield value, item


def _first(
    expressions: Sequence[str], context: etree._Element | _Page
) -> tuple[str, etree._Element] | None:
    return next(_values(expressions, context), None)


def _limit(page: _Page, value: str, path: str, element: etree._Element | None) -> str:
    if len(value) > page.limits.max_field_chars:
        location = page.where(element)
        raise LimitExceededError(
            f"{path} is {len(value)} characters, more than max_field_chars="
            f"{page.limits.max_field_chars}",
            source=page.source,
            line=location.line if location else None,
            path=path,
        )
    return value


def _set(page: _Page, path: str, found: tuple[str, etree._Element] | None) -> str | None:
    if found is None:
        return None
    value, element = found
    _limit(page, value, path, element)
    location = page.where(element)
    if location is not None:
        page.locations[path] = location
    return value


def _json_text(value: Any) -> str | None:
    if isinstance(value, str):
        return collapse(value) or None
    if isinstance(value, dict):
        return _json_text(value.get("name") or value.get("@value"))
    if isinstance(value, list) and value:
        return _json_text(value[0])
    return None


def _json_field(page: _Page, *keys: str) -> tuple[str, etree._Element] | None:
    for item in page.json_ld:
        for key in keys:
            value = _json_text(item.get(key))
            if value:
                return value, page.root
    return None


def _title(
    page: _Page, profile: HtmlProfile | None, main: etree._Element | None
) -> tuple[str, etree._Element | None]:
    found = _first(profile.title, page) if profile else None
    if found is None:
        ordered = sorted(page.h1s, key=lambda h: main is None or not _inside(h, main))
        for h1 in ordered:
            text = element_text(h1)
            if text and not _furniture_ancestor(h1):
                found = (text, h1)
                break
    if found is None:
        found = _json_field(page, "headline", "name")
        if found:
            found = (found[0], page.root)
    if found is None:
        found = page.meta("og:title", "dcterms.title", "dc.title", "twitter:title")
    if found is None and page.title_element is not None:
        text = element_text(page.title_element)
        if text:
            found = (_SPLIT_TITLE.split(text)[0], page.title_element)
    if found is None:
        return "", None
    return _set(page, "$.title", found) or "", found[1]


def _inside(element: etree._Element, container: etree._Element) -> bool:
    return any(ancestor is container for ancestor in element.iterancestors())


def _furniture_ancestor(element: etree._Element) -> bool:
    return any(a.tag in FURNITURE_TAGS and a.tag != "header" for a in element.iterancestors())


def _unique_id(page: _Page, issuer: Issuer | None) -> str | None:
    profile = issuer.html if issuer else None
    found = _first(profile.unique_id, page) if profile else None
    if found is None and profile is not None and profile.id_in_url is not None:
        candidates: list[tuple[str | None, etree._Element | None]] = []
        for link in page.links:
            if "canonical" in (link.get("rel") or "").lower().split():
                candidates.append((link.get("href"), link))
        og = page.meta("og:url", "dcterms.identifier")
        if og:
            candidates.append(og)
        candidates.append((page.url, None))
        for value, element in candidates:
            match = profile.id_in_url.search(value or "")
            if match:
                found = (match.group("id"), element if element is not None else page.root)
                break
    if found is None:
        found = _json_field(page, "identifier")
        if found and found[0].startswith(("http://", "https://")):
            found = None
    if found is None:
        return None
    value, element = found
    if profile is not None and profile.id_form is not None:
        value = profile.id_form(value)
    if len(value) > page.limits.max_id_length:
        raise LimitExceededError(
            f"unique ID is {len(value)} characters, more than max_id_length="
            f"{page.limits.max_id_length} (starts {value[:20]!r}); raise the limit if it is "
            "genuine",
            source=page.source,
            line=element.sourceline,
            path="$.unique_id",
        )
    if issuer is not None and issuer.id_patterns and not issuer.match_id(value):
        examples = ", ".join(p.example for p in issuer.id_patterns)
        page.note(
            "PR102",
            f"unique ID {value!r} is not of {issuer.name}'s forms (such as {examples})",
            "$.unique_id",
            element,
        )
    return _set(page, "$.unique_id", (value, element))


@attrs.frozen
class _Date:
    value: date | datetime
    element: etree._Element
    origin: str
    visible: str | None


def _date_candidates(
    page: _Page, issuer: Issuer | None, main: etree._Element | None
) -> list[_Date]:
    order = issuer.date_order if issuer else "dmy"
    found: list[_Date] = []

    def add(text: str, element: etree._Element, origin: str) -> None:
        visible = None
        if element.tag == "time":
            visible = element_text(element)
        try:
            value = parse_machine_date(text, order=order)
        except ValueError as exc:
            page.note(
                "PR202",
                f"{origin} gives an impossible date {text!r} ({exc})",
                "$.published",
                element,
            )
            return
        if value is None:
            if visible:  # a <time> whose datetime is not machine-readable: try its text
                return
            return
        if issuer is None and ambiguous_numeric(text):
            page.note(
                "PR206",
                f"{origin} gives {text!r}, which reads day-first or month-first; read day-first",
                "$.published",
                element,
            )
        found.append(_Date(value, element, origin, visible))

    profile = issuer.html if issuer else None
    if profile is not None:
        for text, element in _values(profile.published, page):
            add(text, element, "the issuer profile's date field")
    for item in page.json_ld:
        value = item.get("datePublished") or item.get("dateCreated")
        if isinstance(value, str) and value.strip():
            add(value, page.root, "JSON-LD datePublished")
            break
    meta = page.meta(*_META_DATE_KEYS)
    if meta is not None:
        add(meta[0], meta[1], "a <meta> date")
    ordered = sorted(
        page.times,
        key=lambda t: (
            t.get("itemprop") != "datePublished",
            main is not None and not _inside(t, main),
        ),
    )
    for element in ordered:
        if _furniture_ancestor(element) and element.get("itemprop") != "datePublished":
            continue
        value = element.get("datetime") or element_text(element)
        if value:
            add(value, element, "<time datetime>")
            break
    return found


def _settle(page: _Page, found: _Date, issuer: Issuer | None) -> date | datetime:
    value = found.value
    if not isinstance(value, datetime):
        return value
    if (
        found.visible is not None
        and not _SHOWS_TIME.search(found.visible)
        and value.utcoffset() is not None
        and value.utcoffset() == UTC.utcoffset(None)
        and (value.hour, value.minute, value.second) in ((12, 0, 0), (0, 0, 0))
    ):
        return value.date()  # a day stored as noon (or midnight) UTC
    if value.tzinfo is not None:
        return value
    if issuer is not None and issuer.time_zone:
        # The profile's zone is the issuer's own (as a dateline place's zone
        # is in text): the time is well defined, nothing to report.
        return value.replace(tzinfo=ZoneInfo(issuer.time_zone))
    page.note(
        "PR203",
        f"{found.origin} gives {value.isoformat()} without a zone and the issuer is unknown; "
        "only the day is kept",
        "$.published",
        found.element,
    )
    return value.date()


def _published(
    page: _Page, issuer: Issuer | None, main: etree._Element | None
) -> date | datetime | None:
    candidates = _date_candidates(page, issuer, main)
    if not candidates:
        return None
    chosen = candidates[0]
    value = _settle(page, chosen, issuer)
    day = value.date() if isinstance(value, datetime) else value
    for other in candidates[1:]:
        other_day = other.value.date() if isinstance(other.value, datetime) else other.value
        if other_day != day:
            page.note(
                "PR603",
                f"{chosen.origin} says {day.isoformat()} but {other.origin} says "
                f"{other_day.isoformat()}; kept {day.isoformat()}",
                "$.published",
                other.element,
            )
    location = page.where(chosen.element)
    if location is not None:
        page.locations["$.published"] = location
    return value


def _language(page: _Page, profile: HtmlProfile | None) -> str | None:
    found = _first(profile.language, page) if profile else None
    if found is None:
        lang = page.root.get("lang") or page.root.get("{http://www.w3.org/XML/1998/namespace}lang")
        if lang and lang.strip():
            found = (lang.strip(), page.root)
    if found is None:
        found = page.meta(
            "language", "content-language", "dc.language", "dcterms.language", "og:locale"
        )
    if found is None:
        found = _json_field(page, "inLanguage")
    if found is None:
        return None
    value = found[0].replace("_", "-")
    if not _LANGUAGE.fullmatch(value):
        page.note("PR421", f"language {value!r} is not a BCP 47 tag", "$.language", found[1])
    return _set(page, "$.language", (value, found[1]))


# --------------------------------------------------------------------------- body


_NOT_TEXT = FURNITURE_TAGS | {"form", "template", "noscript"}


def _main_container(page: _Page) -> etree._Element | None:
    """The element holding the article text on a page of an unknown site."""
    marked = page.root.find(".//*[@itemprop='articleBody']")
    if marked is not None:
        return marked
    scores: dict[etree._Element, float] = {}
    outside: dict[etree._Element, bool] = {}  # parent -> inside furniture
    for count, paragraph in enumerate(page.root.iter("p"), start=1):
        if count > page.limits.max_items:
            raise LimitExceededError(
                f"the page has more than max_items={page.limits.max_items} paragraphs; "
                "raise the limit if the page is genuine",
                source=page.source,
                line=paragraph.sourceline,
            )
        parent = paragraph.getparent()
        if parent is None:
            continue
        furniture = outside.get(parent)
        if furniture is None:
            furniture = outside[parent] = parent.tag in _NOT_TEXT or any(
                a.tag in _NOT_TEXT for a in parent.iterancestors()
            )
        if furniture:
            continue
        length = len(element_text(paragraph))
        if length < 2:
            continue
        scores[parent] = scores.get(parent, 0.0) + length
        grand = parent.getparent()
        if grand is not None and grand.tag != "body":
            scores[grand] = scores.get(grand, 0.0) + length / 2
    if scores:
        return max(scores, key=lambda element: scores[element])
    for tag in ("article", "main"):
        found = page.root.find(f".//{tag}")
        if found is not None:
            return found
    return page.root.find("body")


def _body(
    page: _Page,
    profile: HtmlProfile | None,
    containers: list[etree._Element],
    title_element: etree._Element | None,
    title: str,
) -> tuple[tuple[Paragraph, ...], list[Block]]:
    """The body's paragraphs, and the blocks they were made from (one each)."""
    skip: set[etree._Element] = set()
    if profile is not None and profile.skip:
        for expression in profile.skip:
            result = page.run(expression)
            if isinstance(result, list):
                skip.update(item for item in result if isinstance(item, etree._Element))
    if title_element is not None:
        skip.add(title_element)
    walker = BlockWalker(
        base=page.base,
        skip=frozenset(skip),
        max_depth=page.limits.max_xml_depth,
    )
    blocks: list[Block] = []
    for container in containers:
        blocks.extend(walker.blocks(container))
        if len(blocks) > page.limits.max_items:
            raise LimitExceededError(
                f"the text has more than max_items={page.limits.max_items} paragraphs; "
                "raise the limit if the page is genuine",
                source=page.source,
                line=container.sourceline,
            )
    for href, reason, anchor in walker.dropped_links:
        page.note("PR501", f"link {href[:80]!r} dropped: {reason}", "$.body", anchor)
    if walker.dropped_active:
        tags = sorted({str(element.tag) for element in walker.dropped_active})
        page.note(
            "PR602",
            f"left out of the text: {len(walker.dropped_active)} active element(s) ({', '.join(tags)})",
            "$.body",
            walker.dropped_active[0],
        )
    if blocks and collapse(blocks[0].text) == title:
        blocks = blocks[1:]
    if page.times:
        holders = {a for t in page.times for a in t.iterancestors()}
        blocks = [b for b in blocks if b.element not in holders or not _only_time(b)]
    paragraphs = []
    where = page.where
    most = page.limits.max_field_chars
    for index, block in enumerate(blocks):
        text = block.text
        if len(text) > most:
            _limit(page, text, f"$.body[{index}]", block.element)
        kind = block.kind
        if kind is ParagraphKind.PARAGRAPH and block.bold and len(text) < 200:
            kind = ParagraphKind.HEADING  # a paragraph all in bold stands as a heading
        links = (
            tuple(
                Link(text=words, href=href, start=start, location=where(anchor))
                for words, href, start, anchor in block.links
            )
            if block.links
            else ()
        )
        paragraphs.append(
            Paragraph(text=text, kind=kind, links=links, location=where(block.element))
        )
    return tuple(paragraphs), blocks


def _locate_body(page: _Page, body: Sequence[Paragraph]) -> None:
    for index, paragraph in enumerate(body):
        path = f"$.body[{index}]"
        if paragraph.location is not None:
            page.locations[path] = paragraph.location
        for number, link in enumerate(paragraph.links):
            if link.location is not None:
                page.locations[f"{path}.links[{number}]"] = link.location


def _only_time(block: Block) -> bool:
    """Whether a block is nothing but a ``<time>`` (a date line the metadata already gave)."""
    if len(block.text) > 80:
        return False
    times = [element_text(t) for t in block.element.iter("time")]
    return bool(times) and block.text == " ".join(t for t in times if t)


# --------------------------------------------------------------------------- other fields


def _translations(
    page: _Page, profile: HtmlProfile | None, language: str | None
) -> tuple[Translation, ...]:
    elements: list[etree._Element] = []
    if profile is not None:
        for expression in profile.translations:
            result = page.run(expression)
            if isinstance(result, list):
                elements.extend(e for e in result if isinstance(e, etree._Element))
    elements.extend(
        link
        for link in page.links
        if "alternate" in (link.get("rel") or "").lower().split() and link.get("hreflang")
    )
    own = (language or "").lower()
    seen: set[str] = set()
    found: list[Translation] = []
    for element in elements:
        tag = (element.get("hreflang") or element.get("value") or element.get("lang") or "").strip()
        if not tag or tag.lower() in ("x-default", own) or tag.lower() in seen:
            continue
        if element.tag == "option" and element.get("selected") is not None:
            continue
        href = element.get("href")
        url = None
        if href:
            url, reason = safe_url(href, page.base)
            if url is None:
                page.note(
                    "PR501",
                    f"translation link {href[:80]!r} dropped: {reason}",
                    "$.translations",
                    element,
                )
        seen.add(tag.lower())
        location = page.where(element)
        if location is not None:
            page.locations[f"$.translations[{len(found)}]"] = location
        found.append(Translation(language=tag.replace("_", "-"), url=url))
    return tuple(found)


def _related(page: _Page, profile: HtmlProfile | None) -> tuple[Link, ...]:
    if profile is None or not profile.related:
        return ()
    found: list[Link] = []
    for expression in profile.related:
        result = page.run(expression)
        if not isinstance(result, list):
            continue
        for anchor in result:
            if not isinstance(anchor, etree._Element):
                continue
            text = element_text(anchor)
            url, reason = safe_url(anchor.get("href") or "", page.base)
            if url is None:
                page.note("PR501", f"related link dropped: {reason}", "$.related", anchor)
                continue
            if text:
                found.append(Link(text=text, href=url, location=page.where(anchor)))
    return tuple(found)


def _strip_scheme(value: str | None, scheme: str) -> str | None:
    if value is None:
        return None
    if value.lower().startswith(scheme):
        value = value[len(scheme) :]
    return collapse(value) or None


def _contacts(page: _Page, profile: HtmlProfile | None) -> tuple[Contact, ...]:
    if profile is None or not profile.contact_items:
        return ()
    found: list[Contact] = []
    for expression in profile.contact_items:
        result = page.run(expression)
        if not isinstance(result, list):
            continue
        for item in result:
            if not isinstance(item, etree._Element):
                continue

            def get(expressions: tuple[str, ...], item: etree._Element = item) -> str | None:
                value = _first(expressions, item)
                return value[0] if value else None

            name = get(profile.contact_name)
            phone = _strip_scheme(get(profile.contact_phone), "tel:")
            email = _strip_scheme(get(profile.contact_email), "mailto:")
            if name or phone or email:
                found.append(
                    Contact(name=name, role=get(profile.contact_role), phone=phone, email=email)
                )
    return tuple(found)


_TEXT_HEAD = 12
_TEXT_TAIL = 2
_PARTY_HEAD = 4
_PARTY_TAIL = 3
#: Short blocks before the closing ones are read too, up to this many closing
#: blocks in all: a signature block's marker line and its signers, one block each.
_PARTY_TAIL_MOST = 12
_SHORT_BLOCK = 200


def _creators(page: _Page, profile: HtmlProfile | None) -> tuple[str, ...]:
    """Organisations the page names as its publisher (profile, then JSON-LD)."""
    if profile is not None:
        named = [value for value, _ in _values(profile.organisation_from, page)]
        if named:
            return tuple(named)
        if profile.organisation:
            return (profile.organisation,)
    found = _json_field(page, "publisher", "author", "sourceOrganization")
    return (found[0],) if found else ()


#: A segment of a line handed to the people extractor: where it starts in the
#: line, the element holding it and its source line.
_Segment = tuple[int, etree._Element, int | None]
#: The lines of a unit for the extractor, each a list of cells (text, element, source line).
_Lines = list[list[tuple[str, etree._Element, int | None]]]
#: A table printed as rows for the extractor: a signature table, not a page laid
#: out in a table (no cell paragraph longer than this, at most this many rows).
_TABLE_CELL_CHARS = 300
_TABLE_ROWS = 30
#: What separates the cells of a table row in a printed line: a run of spaces, as
#: in a two-column signature block of a text (never at a line's end, where a long
#: run would read as a cell wrapped over lines).
_CELL_GAP = "    "


class _PartyText:
    """Blocks of printed lines for the people extractor, and the way back to the page.

    Each line the extractor sees has a number of its own; :meth:`locate` maps
    a location it gives back (line, column) to the element that holds the
    name, its source line and, where the page's text shows it, its column.
    """

    def __init__(self, page: _Page) -> None:
        self.page = page
        self.blocks: list[TextBlock] = []
        self._lines: list[list[_Segment]] = []
        #: The text of each line, as the extractor sees it.
        self.texts: list[str] = []

    def add(self, lines: Sequence[Sequence[tuple[str, etree._Element, int | None]]]) -> None:
        """One block: each line a list of cells (text, element, source line)."""
        texts: list[str] = []
        for cells in lines:
            parts: list[str] = []
            segments: list[_Segment] = []
            position = 0
            for text, element, line in cells:
                if not text:
                    continue
                if parts:
                    parts.append(_CELL_GAP)
                    position += len(_CELL_GAP)
                segments.append((position, element, line))
                parts.append(text)
                position += len(text)
            if not parts:  # an empty line ends a block, as a blank line does in text
                self._close(texts)
                texts = []
                continue
            texts.append("".join(parts))
            self._lines.append(segments)
            self.texts.append(texts[-1])
        self._close(texts)

    def _close(self, texts: list[str]) -> None:
        if texts:
            first = len(self._lines) - len(texts) + 1
            self.blocks.append(TextBlock(text="\n".join(texts), line=first))

    def locate(self, location: Location | None, text: str) -> Location | None:
        """The element, source line and column of a location in line ``text`` of a block."""
        if location is None or location.line is None or location.column is None:
            return location  # the title, the page's creators, the issuer: as they are
        if not 1 <= location.line <= len(self._lines):
            return location
        offset = location.column - 1
        segments = self._lines[location.line - 1]
        _, element, line = segments[0]
        end = len(text)
        for start, holder, number in segments:
            if start <= offset:
                element, line = holder, number
            elif end == len(text):
                end = start - len(_CELL_GAP)  # the cell's text ends before the next one's
        return Location(
            source=self.page.source,
            line=line,
            column=_source_column(self.page.text, line, text[offset:end]),
            element=self.page.path(element),
        )


def _source_column(text: str, line: int | None, printed: str) -> int | None:
    """The 1-based column where ``printed`` (a name and what follows it in its cell)
    starts in source line ``line`` of ``text``, if the source prints its first words
    as they are.

    The longest run of its first words (at most four) found on the line is
    taken, so that a name that shares its given name with another on the line
    is found where it is.

    >>> _source_column("<p>\\n<b>Dr</b> Ann Lee</p>", 2, "Ann Lee")
    11
    >>> _source_column("<td>Ann Roe</td><td>Ann Lee, President</td>", 1, "Ann Lee, President")
    21
    >>> _source_column("<p>Ann&nbsp;Lee</p>", 1, "Ann Lee")  # an entity: the first word
    4
    >>> _source_column("Ann Lee\\n<p>Ann Lee</p>", 2, "Ann Lee")
    4
    """
    words = printed.split()[:4]
    if line is None or not words:
        return None
    for count in range(len(words), 0, -1):
        needle = " ".join(words[:count])
        found = text.find(needle)
        number, counted = 1, 0  # the line of offset ``counted``
        while found >= 0:
            number += text.count("\n", counted, found)
            counted = found
            if number == line:
                return found - (text.rfind("\n", 0, found) + 1) + 1
            if number > line:
                break
            found = text.find(needle, found + 1)
    return None


def _block_lines(block: Block) -> list[tuple[str, int | None]]:
    if block.lines:
        return list(block.lines)
    return [(block.text, block.element.sourceline)]


def _table_lines(
    run: Sequence[tuple[Block, etree._Element]],
) -> _Lines | None:
    """A table's blocks as printed lines: each row's cells side by side, or ``None``.

    A row whose cells hold several lines (``Name<br>Office``) prints as many
    lines, the cells' first lines side by side, then their second lines...
    ``None`` for a table that lays out a page rather than a signature block.
    """
    rows: dict[etree._Element, dict[etree._Element, list[tuple[str, etree._Element, int | None]]]]
    rows = {}
    for block, cell in run:
        if len(block.text) > _TABLE_CELL_CHARS:
            return None
        row = cell.getparent()
        if row is None:
            return None
        rows.setdefault(row, {}).setdefault(cell, []).extend(
            (text, block.element, line) for text, line in _block_lines(block)
        )
    if len(rows) > _TABLE_ROWS:
        return None
    lines: _Lines = []
    for cells in rows.values():
        columns = [c for c in ([e for e in entries if e[0]] for entries in cells.values()) if c]
        for number in range(max((len(c) for c in columns), default=0)):
            if number == len(columns[0]):
                # The first column has no more lines: the others' next lines would be
                # read as its cells (the extractor counts cells, not columns), so they
                # go in a block of their own.
                lines.append([])
            lines.append([column[number] for column in columns if number < len(column)])
        lines.append([])  # a row ends a block: the next row's names are not this one's office
    return lines


def _party_text(page: _Page, blocks: Sequence[Block]) -> _PartyText:
    """The blocks where parties are named, as printed, for the people extractor.

    A paragraph broken by ``<br>`` keeps its lines; a table becomes its rows,
    cells separated by a run of spaces, so that a two-column signature table
    reads as a two-column signature block does in text. Parties are named in
    the opening blocks ("Following is UN Secretary-General António Guterres'
    message") or in closing ones (a signature block: short paragraphs are read
    back to the last paragraph of prose, list item or heading): a long text's
    middle is not read (the extractor's cost grows with the text).
    """
    # Units (a block, or the blocks of a table) as spans of blocks: the lines of
    # only the units read are made.
    # Units as (first block, end, a table's printed rows): a block's lines are made
    # only for the units read.
    spans: list[tuple[int, int, _Lines | None]] = []
    index = 0 if any(block.cell is not None for block in blocks) else len(blocks)
    if index:  # no table: one unit per block
        spans = [(number, number + 1, None) for number in range(index)]
    while index < len(blocks):
        cell = blocks[index].cell
        end = index + 1
        if cell is None:
            spans.append((index, end, None))
            index = end
            continue
        table = next(cell.iterancestors("table"), None)
        run = [(blocks[index], cell)]
        while end < len(blocks):
            other = blocks[end].cell
            if other is None or next(other.iterancestors("table"), None) is not table:
                break
            run.append((blocks[end], other))
            end += 1
        printed = _table_lines(run)
        if printed is None:  # a page laid out in a table: its blocks one by one
            spans.extend((number, number + 1, None) for number in range(index, end))
        else:
            spans.append((index, end, printed))
        index = end
    if len(spans) > _PARTY_HEAD + _PARTY_TAIL:
        tail = len(spans) - _PARTY_TAIL
        while tail > _PARTY_HEAD and len(spans) - tail < _PARTY_TAIL_MOST:
            first, end, _ = spans[tail - 1]
            if blocks[first].kind is not ParagraphKind.PARAGRAPH or (
                sum(len(block.text) for block in blocks[first:end]) > _SHORT_BLOCK
            ):
                break
            tail -= 1
        spans = [*spans[:_PARTY_HEAD], *spans[tail:]]
    units: list[_Lines] = []
    for first, _, printed in spans:
        if printed is not None:
            units.append(printed)
        else:
            block = blocks[first]
            units.append([[(text, block.element, line)] for text, line in _block_lines(block)])
    text = _PartyText(page)
    for unit in units:
        text.add(unit)
    return text


def _parties(
    page: _Page,
    issuer: Issuer | None,
    title: str,
    blocks: Sequence[Block],
    language: str | None,
) -> Parties:
    """Signatories and participants by the shared extractor, over title and body text."""
    profile = issuer.html if issuer else None
    text = _party_text(page, blocks)
    found = extract_parties(
        title=title,
        blocks=text.blocks,
        language=language,
        source=page.source,
        creators=_creators(page, profile),
        issuer=issuer.key if issuer else None,
    )
    return _located(page, text, found)


def _located(page: _Page, text: _PartyText, found: Parties) -> Parties:
    """``found`` with every location pointing at the element and line of the name."""
    lines = text.texts

    def locate(party: Signatory) -> Signatory:
        location = party.location
        if location is not None and location.element == "title" and "$.title" in page.locations:
            return attrs.evolve(party, location=page.locations["$.title"])
        if location is None or location.line is None or not 1 <= location.line <= len(lines):
            return party
        return attrs.evolve(party, location=text.locate(location, lines[location.line - 1]))

    signatories = tuple(locate(s) for s in found.signatories)
    participants = tuple(locate(p) for p in found.participants)
    for index, signatory in enumerate(signatories):
        if signatory.location is not None:
            page.locations[f"$.signatories[{index}]"] = signatory.location
    for index, participant in enumerate(participants):
        if participant.location is not None:
            page.locations[f"$.participants[{index}]"] = participant.location
    return Parties(signatories=signatories, participants=participants)


def _source_url(page: _Page) -> str | None:
    for value, element in ((_canonical(page), None), (page.meta("og:url") or (None, None))):
        if value:
            url, _ = safe_url(value, page.base)
            if url is not None and url.startswith(("http://", "https://")):
                if element is not None:
                    page.locations["$.source_url"] = page.where(element) or Location()
                return url
    return page.url


# --------------------------------------------------------------------------- records


def _fallback_base(page: _Page, profile: HtmlProfile | None) -> None:
    """Without ``url`` or ``<base>``, resolve links against the page's own canonical URL."""
    if page.base is not None:
        return
    for value in (_canonical(page), (page.meta("og:url") or ("", None))[0]):
        if value and value.startswith(("http://", "https://")):
            page.base = value
            return
    if profile is not None and profile.site:
        page.base = profile.site + "/"


def _read_page(page: _Page, issuer: Issuer | None) -> PressRelease:
    profile = issuer.html if issuer else None
    _fallback_base(page, profile)
    containers: list[etree._Element] = []
    if profile is not None and profile.body:
        containers = _outermost(page.union(profile.body))
    generic_main = None
    if not containers:
        generic_main = _main_container(page)
        if generic_main is not None:
            containers = [generic_main]
    main = containers[0] if containers else None
    title, title_element = _title(page, profile, generic_main)
    language = _language(page, profile)
    body, blocks = _body(page, profile, containers, title_element, title)
    unique_id = _unique_id(page, issuer)
    published = _published(page, issuer, main)
    place = _set(page, "$.place", _first(profile.place, page)) if profile else None
    category = _set(page, "$.category", _first(profile.category, page)) if profile else None
    if category is None:
        category = _set(page, "$.category", page.meta("article:section"))
    translations = _translations(page, profile, language)
    found_issuer = issuer.key if issuer else None
    if profile is None:
        staged = _text_stage(page, title, body, issuer, language)
        if staged is not None:
            record, body = staged
            unique_id = unique_id or record.unique_id
            if published is None:
                published = record.published
            elif record.published is not None and _day(record.published) != _day(published):
                page.note(
                    "PR603",
                    f"the page's metadata says {_day(published).isoformat()} but its "
                    f"dateline says {_day(record.published).isoformat()}; kept the metadata",
                    "$.published",
                    None,
                )
            place = place or record.place
            category = category or record.category
            language = language or record.language
            found_issuer = found_issuer or record.issuer
            translations = translations or record.translations
    missing = []
    if not title:
        missing.append("no title (<h1>, og:title, JSON-LD headline or <title>)")
    elif (
        title_element is not None
        and title_element is page.title_element
        and published is None
        and unique_id is None
    ):
        missing.append("no headline (<h1>, og:title or JSON-LD; only a <title>) and no date or ID")
    if not body and published is None and unique_id is None:
        missing.append("no text paragraph, date or ID")
    if missing:
        raise ParseError(
            "no press release found in the page: " + "; ".join(missing),
            source=page.source,
            path="$.title" if not title else "$.body",
        )
    if not body:
        page.note("PR411", "no text paragraphs found in the page", "$.body", None)
    # Parties from the page's blocks as printed (the text stage reads them flattened,
    # and its locations are lines of the text laid out from the page).
    parties = _parties(page, issuer, title, blocks, language)
    _locate_body(page, body)
    return PressRelease(
        title=title,
        unique_id=unique_id,
        published=published,
        place=place,
        category=category,
        language=language,
        issuer=found_issuer,
        signatories=parties.signatories,
        participants=parties.participants,
        body=body,
        translations=translations,
        related=_related(page, profile),
        contacts=_contacts(page, profile),
        source_url=_source_url(page),
        locations=page.locations,
        notices=tuple(page.notices),
    )


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _text_stage(
    page: _Page,
    title: str,
    body: tuple[Paragraph, ...],
    issuer: Issuer | None,
    language: str | None,
) -> tuple[PressRelease, tuple[Paragraph, ...]] | None:
    """The text reader over the page's title and main text (pages of unknown sites).

    The main text is laid out as a plain-text release (title, then one block
    per paragraph) and read by :func:`~pressrelease.readers.text.parse_text`,
    so that datelines (``Brussels, 03/12/2020 - 16:53, UNIQUE ID: 201203_6``),
    category lines, IDs, parties and a closing ``Languages:`` line are read
    exactly as in text. Returns its record and the body without the blocks
    it took as head or ``Languages:``, or ``None`` when there is no body.
    """
    if not body:
        return None
    # The head (dateline, category, ID) is in the first blocks and a
    # "Languages:" line is the last: a long body is sampled, not read whole.
    sample = (
        body
        if len(body) <= _TEXT_HEAD + _TEXT_TAIL
        else (
            *body[:_TEXT_HEAD],
            *body[-_TEXT_TAIL:],
        )
    )
    # Short lines before the first prose paragraph (dateline, category, ID)
    # go on consecutive lines, as a printed release has them.
    lines = [title or "Untitled", ""]
    owners: list[Paragraph | None] = [None, None]
    if language and _LANGUAGE.fullmatch(language):
        # The page says its language: no need to guess it from the text.
        lines[:0] = ["---", f"language: {language}", "---"]
        owners[:0] = [None, None, None]
    in_head = True
    for paragraph in sample:
        if in_head and _looks_like_prose(paragraph.text):
            in_head = False
            if lines[-1] != "":
                lines.append("")
                owners.append(None)
        lines.append(paragraph.text)
        owners.append(paragraph)
        if not in_head:
            lines.append("")
            owners.append(None)
    try:
        record = parse_text(
            "\n".join(lines),
            source=page.source,
            issuer=issuer.key if issuer else None,
            limits=page.limits,
        )
    except LimitExceededError as exc:
        # Over a limit (a unique ID longer than max_id_length...): the page is
        # refused as the text would be, located in the page, not in the
        # text laid out from it.
        if exc.line and 0 < exc.line <= len(owners):
            owner = owners[exc.line - 1]
        elif exc.path == "$.unique_id":  # the paragraph where the ID reader meets it
            owner = next((p for p in sample if _id_too_long(p.text, page.limits)), None)
        else:
            owner = None
        raise LimitExceededError(
            exc.message,
            source=page.source,
            line=owner.location.line if owner is not None and owner.location else None,
            path=exc.path,
        ) from exc
    except PressReleaseError as exc:
        page.note(
            "PR605", f"the main text could not be read as a release: {exc.message}", "$", None
        )
        return None

    def block_of(location: Location | None) -> Paragraph | None:
        if location is None or location.line is None or not 0 < location.line <= len(owners):
            return None
        return owners[location.line - 1]

    for path in ("$.unique_id", "$.published", "$.place", "$.category"):
        holder = block_of(record.locations.get(path))
        if holder is not None and holder.location is not None:
            page.locations.setdefault(path, holder.location)
    for notice in record.notices:
        holder = block_of(notice.location)
        page.notices.append(attrs.evolve(notice, location=holder.location if holder else None))
    wanted = [paragraph.text for paragraph in record.body]
    marked: dict[int, Paragraph] = {}
    position = 0
    for index, paragraph in enumerate(sample):
        if position < len(wanted) and paragraph.text == wanted[position]:
            marked[index] = _with_marks(paragraph, record.body[position])
            position += 1
    if position < len(wanted):  # blocks joined or split: keep ours, unfiltered
        return record, body
    if len(sample) == len(body):
        return record, tuple(marked[i] for i in sorted(marked))
    # Drop the sampled blocks the text reader took as head or "Languages:".
    tail_start = len(body) - _TEXT_TAIL
    kept: list[Paragraph] = []
    for index, paragraph in enumerate(body):
        sampled = (
            index
            if index < _TEXT_HEAD
            else (_TEXT_HEAD + index - tail_start if index >= tail_start else None)
        )
        if sampled is None:
            kept.append(paragraph)
        elif sampled in marked:
            kept.append(marked[sampled])
    return record, tuple(kept)


def _id_too_long(text: str, limits: Limits) -> bool:
    try:
        find_id(text, limits=limits)
    except LimitExceededError:
        return True
    return False


def _looks_like_prose(text: str) -> bool:
    """A paragraph of running text rather than a dateline, category or ID line."""
    return len(text) > 120 or text.rstrip().endswith((".", "!", "?", ":", "»", "”"))


def _with_marks(ours: Paragraph, theirs: Paragraph) -> Paragraph:
    """Our paragraph, plus the text reader's href-less ``(lien externe)`` links not overlapping ours."""
    extra = [
        link
        for link in theirs.links
        if link.href is None
        and link.start is not None
        and not any(
            mine.start is not None
            and mine.start < link.start + len(link.text)
            and link.start < mine.start + len(mine.text)
            for mine in ours.links
        )
    ]
    if not extra:
        return ours
    extra = [attrs.evolve(link, location=ours.location) for link in extra]
    links = sorted([*ours.links, *extra], key=lambda link: link.start or 0)
    return attrs.evolve(ours, links=tuple(links))


def _outermost(elements: list[etree._Element]) -> list[etree._Element]:
    """Drop elements nested inside another of the list (their text would come twice)."""
    chosen = set(elements)
    return [e for e in elements if not any(a in chosen for a in e.iterancestors())]


def _items(page: _Page, issuer: Issuer | None) -> list[etree._Element]:
    if issuer is None or issuer.html is None or not issuer.html.items:
        return []
    result = _union(issuer.html.items)(page.root)
    if not isinstance(result, list):
        return []
    return _outermost([e for e in result if isinstance(e, etree._Element)])


def _read_item(page: _Page, issuer: Issuer, item: etree._Element, number: int) -> PressRelease:
    profile = issuer.html
    assert profile is not None
    page.locations = {}
    page.notices = [n for n in page.notices if n.path == "$" and n.code == "PR601"]
    title_found = _first(profile.item_title, item)
    title = _set(page, "$.title", title_found) or ""
    if not title:
        raise ParseError(
            f"listing item {number} has no title", source=page.source, line=item.sourceline
        )
    _fallback_base(page, profile)
    base = page.base
    link = _first(profile.item_link, item)
    url = None
    if link is not None:
        url, reason = safe_url(link[0], base)
        if url is None:
            page.note(
                "PR501", f"item link {link[0][:80]!r} dropped: {reason}", "$.source_url", link[1]
            )
        else:
            page.locations["$.source_url"] = page.where(link[1]) or Location()
    published = None
    found = _first(profile.item_published, item)
    if found is not None:
        try:
            value = parse_machine_date(found[0], order=issuer.date_order)
        except ValueError as exc:
            page.note("PR202", f"impossible date {found[0]!r} ({exc})", "$.published", found[1])
            value = None
        if value is None:
            page.note("PR605", f"date {found[0]!r} not understood", "$.published", found[1])
        else:
            published = _settle(page, _Date(value, found[1], "the item's date", None), issuer)
            page.locations["$.published"] = page.where(found[1]) or Location()
    language = _language(page, profile)
    place = _title_place(title, language)
    if place is not None and "$.title" in page.locations:
        page.locations["$.place"] = page.locations["$.title"]
    parties = _item_parties(page, item, (title, title_found[1] if title_found else None), language)
    return PressRelease(
        title=title,
        published=published,
        place=place,
        category=_set(page, "$.category", _first(profile.item_category, item)),
        language=language,
        issuer=issuer.key,
        source_url=url,
        signatories=parties.signatories,
        participants=parties.participants,
        locations=dict(page.locations),
        notices=tuple(page.notices),
    )


def _item_parties(
    page: _Page,
    item: etree._Element,
    title: tuple[str, etree._Element | None],
    language: str | None,
) -> Parties:
    """The parties a listing card names, in its title or its text, as a document's would be.

    A card is only a summary of a page not read: neither the listing's
    publisher nor the issuer's name stands in for a card that names no party
    (a delegation's card is not the service's own release).
    """
    words, element = title
    walker = BlockWalker(
        base=page.base,
        skip=frozenset({element}) if element is not None else frozenset(),
        max_depth=page.limits.max_xml_depth,
    )
    text = _party_text(page, walker.blocks(item))
    found = extract_parties(title=words, blocks=text.blocks, language=language, source=page.source)
    return _located(page, text, found)


_PLACE_BEFORE_DATE = re.compile(r"([^\W\d_][\w'’.-]*)\s*[-–—,]\s*$")


def _title_place(title: str, language: str | None) -> str | None:
    """The place of a title that ends with ``Place - date`` (``... Vienne - 23 septembre 2026``).

    >>> _title_place("Déclaration de l’UE, No 1146  Vienne - 23 septembre 2026", "fr")
    'Vienne'
    >>> _title_place("Talks in Rome end", "en") is None
    True
    """
    scan = find_dates(title, language=language)
    if not scan.dates or title[scan.dates[-1].end :].strip():
        return None
    found = _PLACE_BEFORE_DATE.search(title[: scan.dates[-1].start])
    if found and known_place(found.group(1)):
        return found.group(1)
    return None


def parse_html(
    data: bytes | str,
    *,
    url: str | None = None,
    source: str | None = None,
    issuer: str | None = None,
    charset: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> PressRelease:
    """Read the press release on an HTML page.

    Args:
        data: the page, as bytes (decoded by the policy in the module
            docstring) or as text.
        url: where the page was fetched from: recognises the issuer and
            makes relative links absolute. Never fetched.
        source: the input's name, for locations and errors.
        issuer: an issuer key (``"un"``, ``"ec"``...) that overrides detection.
        charset: a charset known from outside the page (an HTTP header).
        limits: size limits.

    Returns:
        The record, with :attr:`~PressRelease.locations` and
        :attr:`~PressRelease.notices`.

    Raises:
        DecodeError: the bytes are not valid in the charset chosen.
        LimitExceededError: the page is too large or too deeply nested, or
            a value is over its limit (a unique ID over ``max_id_length``).
        ParseError: the page holds no press release (the message says what is
            missing), or lists several (use :func:`read_html`).

    >>> parse_html(b"<html><body><nav>Home</nav></body></html>")
    Traceback (most recent call last):
    ...
    pressrelease.errors.ParseError: $.title: no press release found in the page: no title (<h1>, og:title, JSON-LD headline or <title>); no text paragraph, date or ID
    """
    page = _load(data, url=url, source=source, charset=charset, limits=limits)
    found = _detect(page, issuer)
    items = _items(page, found)
    if items:
        assert found is not None
        raise ParseError(
            f"the page is a listing of {len(items)} press items ({found.name}), not one "
            "release; read_html() yields one record per item",
            source=source,
            line=items[0].sourceline,
            path="$",
        )
    return _read_page(page, found)


def read_html(
    data: bytes | IO[bytes],
    *,
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    url: str | None = None,
    issuer: str | None = None,
    charset: str | None = None,
) -> Iterator[PressRelease]:
    """Registry reader: the release on a page, or one record per item of a listing page.

    >>> page = (b'<html lang="fr"><body><div class="view-pressmaterial-x"></div>'
    ...         b'<div class="card"><h3 class="card-title"><a href="/a_fr"> Un titre</a></h3>'
    ...         b'<div class="card-footer">23.09.2026</div></div></body></html>')
    >>> [(r.title, r.published, r.source_url) for r in read_html(page)]
    [('Un titre', datetime.date(2026, 9, 23), 'https://www.eeas.europa.eu/a_fr')]
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        chunk = data.read(limits.max_document_bytes + 1)
        data = bytes(chunk)
    page = _load(bytes(data), url=url, source=source, charset=charset, limits=limits)
    found = _detect(page, issuer)
    items = _items(page, found)
    if not items:
        yield _read_page(page, found)
        return
    assert found is not None
    if len(items) > limits.max_items:
        raise LimitExceededError(
            f"the page lists {len(items)} items, more than max_items={limits.max_items}",
            source=source,
        )
    for number, item in enumerate(items, start=1):
        yield _read_item(page, found, item, number)


def fragment_paragraphs(
    markup: str,
    *,
    base: str | None,
    source: str | None,
    path: str,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[tuple[Paragraph, ...], tuple[Notice, ...]]:
    """The paragraphs of an HTML fragment held in another format (a JSON ``body`` field).

    Locations point at ``path`` (the JSON path of the field) with the
    fragment's own element path after it.

    >>> paragraphs, notices = fragment_paragraphs(
    ...     '<div class="govspeak"><p>See <a href="/x">this</a>.</p><script>x</script></div>',
    ...     base="https://www.gov.uk/", source=None, path="$.details.body")
    >>> [(p.text, p.links[0].href) for p in paragraphs], [n.code for n in notices]
    ([('See this.', 'https://www.gov.uk/x')], ['PR602'])
    """
    if len(markup) > limits.max_field_chars:
        raise LimitExceededError(
            f"{path} is {len(markup)} characters, more than max_field_chars={limits.max_field_chars}",
            source=source,
            path=path,
        )
    parser = etree.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, encoding="utf-8"
    )
    try:
        root = etree.fromstring(
            ("<html><body>" + markup + "</body></html>").encode("utf-8", "surrogatepass"), parser
        )
    except (etree.XMLSyntaxError, UnicodeError) as exc:
        raise ParseError(f"{path} is not HTML: {exc}", source=source, path=path) from exc
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in entry.message:
            raise LimitExceededError(
                f"{path} nests elements deeper than libxml2's limit of 256 levels",
                source=source,
                path=path,
            )
    body = root.find("body") if root is not None else None
    if body is None:
        return (), ()
    tree = root.getroottree()
    walker = BlockWalker(base=base, max_depth=limits.max_xml_depth)
    notices: list[Notice] = []

    def where(element: etree._Element) -> Location:
        return Location(
            source=source, element=f"{path}{tree.getpath(element)[len('/html/body') :]}"
        )

    paragraphs = []
    for block in walker.blocks(body):
        if len(block.text) > limits.max_field_chars:
            raise LimitExceededError(
                f"a paragraph of {path} is longer than max_field_chars={limits.max_field_chars}",
                source=source,
                path=path,
            )
        kind = block.kind
        if kind is ParagraphKind.PARAGRAPH and block.bold and len(block.text) < 200:
            kind = ParagraphKind.HEADING
        paragraphs.append(
            Paragraph(
                text=block.text,
                kind=kind,
                links=tuple(
                    Link(text=text, href=href, start=start, location=where(anchor))
                    for text, href, start, anchor in block.links
                ),
                location=where(block.element),
            )
        )
    for href, reason, anchor in walker.dropped_links:
        notices.append(
            Notice(
                code="PR501",
                message=f"link {href[:80]!r} dropped: {reason}",
                path=path,
                location=where(anchor),
            )
        )
    if walker.dropped_active:
        tags = sorted({str(element.tag) for element in walker.dropped_active})
        notices.append(
            Notice(
                code="PR602",
                message=f"left out of the text: {len(walker.dropped_active)} active element(s) ({', '.join(tags)})",
                path=path,
                location=where(walker.dropped_active[0]),
            )
        )
    return tuple(paragraphs), tuple(notices)
