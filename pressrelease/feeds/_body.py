"""Feed bodies: HTML, XHTML or NITF markup to paragraphs with links, and back.

One walker reads every dialect by local element name, so the HTML of an RSS
``content:encoded``, the XHTML ``div`` of an Atom entry and the NITF
``body.content`` of a NewsML-G2 item give the same paragraphs. Scripts and
similar are dropped (``PR602``); only ``http``, ``https`` and ``mailto`` links
are kept, others are reported (``PR501``) and their words kept as plain text.
Runs of white space collapse to one space, as a browser shows them.

>>> body, notices = html_to_body('<p>See <a href="/r">the report</a>.</p><h2>Next</h2>', base="https://ex.org/a/")
>>> [(p.kind.value, p.text) for p in body]
[('paragraph', 'See the report.'), ('heading', 'Next')]
>>> body[0].links[0].href, body[0].links[0].start
('https://ex.org/r', 4)
>>> body_to_html(body)
'<p>See <a href="https://ex.org/r">the report</a>.</p><h2>Next</h2>'
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from pressrelease.model import Link, Location, Notice, Paragraph, ParagraphKind

__all__ = [
    "append_body",
    "body_to_html",
    "built_location",
    "built_paragraph",
    "collapse_space",
    "element_to_body",
    "html_to_body",
    "html_to_text",
    "join_url",
    "squash_space",
]

_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_DROPPED = frozenset(
    {"script", "style", "template", "noscript", "iframe", "object", "embed", "head", "title",
     "svg", "math", "form", "button", "select", "textarea", "applet", "frame", "frameset"}
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2", "hedline"})
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol",
     "dl", "dt", "dd", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "pre", "figure",
     "figcaption", "address", "center", "body", "html", "body.content", "block", "fieldset",
     "caption", "hr", "br-block", "nitf", "body.head", "body.end", "tagline"}
)  # fmt: skip
_QUOTES = frozenset({"blockquote", "bq"})
_ITEMS = frozenset({"li"})

#: What ``urlsplit`` strips from the start of a URL before it looks for the scheme (WHATWG).
_C0_OR_SPACE = "".join(map(chr, range(0x21)))
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
#: An absolute-path reference ``urljoin`` would only prefix with the base's origin: no
#: dot segments, backslashes, parameters, controls or spaces, no empty query or fragment.
_PLAIN_PATH = re.compile(
    r"/(?![/.])(?:[^\x00-\x20\\;/?#]|/(?![/.]))*(?:\?[^\x00-\x20\\#]+)?(?:#[^\x00-\x20\\]+)?\Z"
)
#: An absolute http(s) URL that ``urljoin`` gives back unchanged.
_PLAIN_ABSOLUTE = re.compile(
    r"https?://[^\x00-\x20\\;/?#@\[\]]+(?:/[^\x00-\x20\\;?#]*)?(?:\?[^\x00-\x20\\#]+)?(?:#[^\x00-\x20\\]+)?\Z"
)
_FULL_HTML = re.compile(r"\s*<(?:html|!doctype)", re.IGNORECASE)


def squash_space(text: str) -> str:
    """Every run of white space in ``text`` made one space (``re.sub(r"\\s+", " ", text)``).

    ``str.split`` does the work, several times faster than the regular
    expression on long texts (``\\s`` and ``str.split`` know the same white space).

    >>> squash_space(" EU\\u00a0and\\n\\n UN "), squash_space("as is")
    (' EU and UN ', 'as is')
    """
    core = " ".join(text.split())
    if not core:
        return " " if text else ""
    if text[0].isspace():
        core = " " + core
    if text[-1].isspace():
        core += " "
    return core


# The slots' own setters (what ``object.__setattr__`` ends up calling, found once).
_SET_TEXT = vars(Paragraph)["text"].__set__
_SET_KIND = vars(Paragraph)["kind"].__set__
_SET_LINKS = vars(Paragraph)["links"].__set__
_SET_PARAGRAPH_LOCATION = vars(Paragraph)["location"].__set__
_SET_SOURCE = vars(Location)["source"].__set__
_SET_LINE = vars(Location)["line"].__set__
_SET_COLUMN = vars(Location)["column"].__set__
_SET_ELEMENT = vars(Location)["element"].__set__


def built_paragraph(
    text: str,
    kind: ParagraphKind = ParagraphKind.PARAGRAPH,
    links: tuple[Link, ...] = (),
    location: Location | None = None,
) -> Paragraph:
    """``Paragraph(...)`` for values a feed reader built itself, without checking them again.

    The body walker gives a string, a kind, and links whose text it cut from
    that very string at their ``start``: the model's checks hold by
    construction, and cost more than the rest of reading a short paragraph.
    The paragraph is the one ``Paragraph(...)`` gives, slot for slot
    (``tests/feeds/test_body.py`` holds the two together, and fails when a
    field or a check is added to the model).
    """
    paragraph: Paragraph = object.__new__(Paragraph)
    _SET_TEXT(paragraph, text)
    _SET_KIND(paragraph, kind)
    _SET_LINKS(paragraph, links)
    _SET_PARAGRAPH_LOCATION(paragraph, location)
    return paragraph


def built_location(source: str | None, line: int | None) -> Location:
    """``Location(source=source, line=line)``, its slots set directly (it has no checks)."""
    location: Location = object.__new__(Location)
    _SET_SOURCE(location, source)
    _SET_LINE(location, line)
    _SET_COLUMN(location, None)
    _SET_ELEMENT(location, None)
    return location


def collapse_space(text: str) -> str:
    """``text`` with white space collapsed to single spaces and stripped.

    >>> collapse_space(" EU\\u00a0and\\n\\n UN ")
    'EU and UN'
    """
    return " ".join(text.split())


@lru_cache(maxsize=256)
def _origin(base: str) -> str | None:
    """``scheme://host`` of an http(s) base URL, or ``None``."""
    parts = urlsplit(base)
    if parts.scheme in ("http", "https") and parts.netloc and base.startswith(parts.scheme):
        return f"{parts.scheme}://{parts.netloc}"
    return None


def join_url(base: str | None, href: str) -> str:
    """``urljoin(base, href)``, without its cost for the common plain cases (same result).

    >>> join_url("https://ex.org/a/b", "/r/1?x=2#f"), join_url("https://ex.org/a/b", "../c")
    ('https://ex.org/r/1?x=2#f', 'https://ex.org/c')
    """
    if not base:
        return href
    if href.startswith("http") and _PLAIN_ABSOLUTE.match(href):
        return href
    if href.startswith("/") and _PLAIN_PATH.match(href):
        origin = _origin(base)
        if origin is not None:
            return origin + href
    try:
        return urljoin(base, href)
    except ValueError:  # "http://[x": not a URL that can be resolved; keep it as written
        return href


_PARSER = lxml.html.HTMLParser(
    remove_comments=True, remove_pis=True, no_network=True, default_doctype=False
)


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""  # comments and processing instructions
    return tag.rpartition("}")[2].lower()


class _Builder:
    """Collects the inline text of the current block with its links."""

    def __init__(self, base: str | None, source: str | None) -> None:
        self.base = base
        self.source = source
        self.paragraphs: list[Paragraph] = []
        self.notices: list[Notice] = []
        self.text: list[str] = []
        self.length = 0
        self.links: list[tuple[int, int, str | None]] = []
        self.line: int | None = None

    def add(self, text: str | None) -> None:
        if not text:
            return
        text = squash_space(text)
        if text.startswith(" ") and (not self.length or self.text[-1].endswith(" ")):
            text = text[1:]
        if text:
            self.text.append(text)
            self.length += len(text)

    def flush(self, kind: ParagraphKind) -> None:
        joined = "".join(self.text)
        trimmed = joined.rstrip(" ")
        if trimmed:
            links = []
            for start, end, href in self.links:
                end = min(end, len(trimmed))
                words = trimmed[start:end]
                lead = len(words) - len(words.lstrip(" "))
                words = words.strip(" ")
                if words or href:
                    links.append(
                        Link(text=words, href=href, start=start + lead if words else start)
                    )
            location = built_location(self.source, self.line) if self.line else None
            # Each link's words were cut from ``trimmed`` at its start: the model's check holds.
            self.paragraphs.append(built_paragraph(trimmed, kind, tuple(links), location))
        self.text, self.length, self.links, self.line = [], 0, [], None

    def href(self, raw: str, element: etree._Element) -> tuple[bool, str | None]:
        """(keep the link, its absolute href); unsafe schemes are reported and dropped."""
        value = "".join(raw.split())
        if self.base:
            value = join_url(self.base, value)
        scheme = ""
        if ":" in value:
            found = _SCHEME.match(value.lstrip(_C0_OR_SPACE))
            scheme = found.group(1).lower() if found else ""
        if scheme and scheme not in _SAFE_SCHEMES:
            self.notices.append(
                Notice(
                    code="PR501",
                    message=f"link to {raw.strip()[:80]!r} dropped: scheme {scheme!r} is not http(s) or mailto",
                    path="$.body",
                    location=Location(source=self.source, line=element.sourceline),
                )
            )
            return False, None
        return True, value


def _walk(node: etree._Element, builder: _Builder, kind: ParagraphKind) -> None:
    name = _local(node.tag)
    if name in _DROPPED:
        if name in ("script", "style", "iframe", "object", "embed", "applet", "form"):
            builder.notices.append(
                Notice(
                    code="PR602",
                    message=f"<{name}> dropped from the body",
                    path="$.body",
                    location=Location(source=builder.source, line=node.sourceline),
                )
            )
        builder.add(node.tail)
        return
    if name == "br":
        builder.add(" ")
        builder.add(node.tail)
        return
    block_kind: ParagraphKind | None = None
    if name in _HEADINGS:
        block_kind = ParagraphKind.HEADING
    elif name in _QUOTES:
        block_kind = ParagraphKind.QUOTE
    elif name in _ITEMS:
        block_kind = ParagraphKind.LIST_ITEM
    elif name in _BLOCKS:
        block_kind = kind
    if block_kind is not None:
        builder.flush(kind)
        if builder.line is None:
            builder.line = node.sourceline
        builder.add(node.text)
        for child in node:
            _walk(child, builder, block_kind)
        builder.flush(block_kind)
        builder.add(node.tail)
        return
    if name == "a":
        raw = node.get("href")
        keep, href = (True, None) if raw is None else builder.href(raw, node)
        start = builder.length
        builder.add(node.text)
        for child in node:
            _walk(child, builder, kind)
        if keep and start < builder.length:
            builder.links.append((start, builder.length, href))
        builder.add(node.tail)
        return
    if builder.line is None:
        builder.line = node.sourceline
    builder.add(node.text)
    for child in node:
        _walk(child, builder, kind)
    builder.add(node.tail)


def element_to_body(
    container: etree._Element, *, base: str | None = None, source: str | None = None
) -> tuple[tuple[Paragraph, ...], tuple[Notice, ...]]:
    """The paragraphs inside ``container`` (its own text and tail excluded from the tail side)."""
    builder = _Builder(base, source)
    builder.add(container.text)
    for child in container:
        _walk(child, builder, ParagraphKind.PARAGRAPH)
    builder.flush(ParagraphKind.PARAGRAPH)
    return tuple(builder.paragraphs), tuple(builder.notices)


def _fragment(markup: str) -> etree._Element:
    """The ``body`` an HTML fragment parses into (what ``lxml.html.fragment_fromstring`` wraps)."""
    if not _FULL_HTML.match(markup):
        markup = f"<html><body>{markup}</body></html>"
    document = etree.fromstring(markup, _PARSER)
    if document is None:
        return etree.Element("div")
    return next((child for child in document if child.tag == "body"), document)


def html_to_body(
    markup: str, *, base: str | None = None, source: str | None = None
) -> tuple[tuple[Paragraph, ...], tuple[Notice, ...]]:
    """Paragraphs from an HTML fragment (or plain text, which becomes one paragraph)."""
    if "<" not in markup:  # plain text (entities at most): no parser needed
        text = collapse_space(html.unescape(markup) if "&" in markup else markup)
        return ((built_paragraph(text),) if text else ()), ()
    if markup.startswith("<p>") and _PLAIN_PARAGRAPHS.match(markup):
        return _plain_paragraphs(markup, source), ()
    return element_to_body(_fragment(markup), base=base, source=source)


#: Markup that is only ``<p>`` blocks of plain text, back to back: what many feeds put in
#: ``content:encoded``. No attribute, entity or markup inside, and no character the HTML
#: parser would change (controls, which it replaces or drops; non-characters).
_PLAIN_PARAGRAPHS = re.compile(
    "(?:<p>[^<>&\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]*</p>)+\\Z"
)


def _plain_paragraphs(markup: str, source: str | None) -> tuple[Paragraph, ...]:
    """What :func:`element_to_body` gives for markup :data:`_PLAIN_PARAGRAPHS` matches."""
    paragraphs = []
    line = 1
    for block in markup[3:-4].split("</p><p>"):
        text = collapse_space(block)
        if text:
            paragraphs.append(built_paragraph(text, location=built_location(source, line)))
        line += block.count("\n")
    return tuple(paragraphs)


def html_to_text(markup: str) -> str:
    """The text of a title that may hold HTML, white space collapsed.

    >>> html_to_text("EU &amp; <b>UN</b>\\n  agree")
    'EU & UN agree'
    """
    if "<" not in markup and "&" in markup:
        markup = html.unescape(markup)
    elif "<" in markup:
        root = _fragment(markup)
        for bad in root.iter("script", "style", "template"):
            bad.getparent().remove(bad)  # type: ignore[union-attr]
        markup = "".join(root.itertext())
    return collapse_space(markup)


_HTML_TAGS = {
    ParagraphKind.PARAGRAPH: ("p",),
    ParagraphKind.HEADING: ("h2",),
    ParagraphKind.QUOTE: ("blockquote",),
    ParagraphKind.LIST_ITEM: ("ul", "li"),
}
_NITF_TAGS = {
    ParagraphKind.PARAGRAPH: ("p",),
    ParagraphKind.HEADING: ("hl2",),
    ParagraphKind.QUOTE: ("bq", "block", "p"),
    ParagraphKind.LIST_ITEM: ("ul", "li"),
}


def _inline(parent: etree._Element, paragraph: Paragraph, anchor: str) -> None:
    """Fill ``parent`` with the paragraph's text, links as ``<a>`` at their positions."""
    text = paragraph.text
    position = 0
    last: etree._Element | None = None

    def put(chunk: str) -> None:
        if not chunk:
            return
        if last is None:
            parent.text = (parent.text or "") + chunk
        else:
            last.tail = (last.tail or "") + chunk

    for link in sorted(
        (link for link in paragraph.links if link.start is not None), key=lambda k: k.start or 0
    ):
        start = link.start or 0
        if start < position:
            continue  # overlapping links cannot nest in HTML; the round-trip check sees it
        put(text[position:start])
        element = etree.SubElement(parent, anchor)
        if link.href is not None:
            element.set("href", link.href)
        element.text = link.text
        last = element
        position = start + len(link.text)
    put(text[position:])


def append_body(
    parent: etree._Element, body: Sequence[Paragraph], *, namespace: str | None = None,
    nitf: bool = False,
) -> None:  # fmt: skip
    """Append block elements for ``body`` to ``parent`` (HTML/XHTML, or NITF's with ``nitf``)."""
    tags = _NITF_TAGS if nitf else _HTML_TAGS
    prefix = f"{{{namespace}}}" if namespace else ""
    open_list: etree._Element | None = None
    for paragraph in body:
        path = tags[paragraph.kind]
        if paragraph.kind is ParagraphKind.LIST_ITEM:
            if open_list is None:
                open_list = etree.SubElement(parent, prefix + path[0])
            target = etree.SubElement(open_list, prefix + path[1])
        else:
            open_list = None
            target = parent
            for tag in path:
                target = etree.SubElement(target, prefix + tag)
        _inline(target, paragraph, prefix + "a")


def body_to_html(body: Iterable[Paragraph]) -> str:
    """HTML blocks for the paragraphs (``p``, ``h2``, ``blockquote``, ``ul/li``), links inline."""
    holder = etree.Element("div")
    append_body(holder, tuple(body))
    return "".join(
        etree.tostring(child, encoding="unicode", method="html", with_tail=False)
        for child in holder
    )
