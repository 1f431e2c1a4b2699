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

import re
from collections.abc import Iterable, Sequence
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from pressrelease.model import Link, Location, Notice, Paragraph, ParagraphKind

__all__ = ["append_body", "body_to_html", "element_to_body", "html_to_body", "html_to_text"]

_SPACE = re.compile(r"\s+")
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
        text = _SPACE.sub(" ", text)
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
            location = Location(source=self.source, line=self.line) if self.line else None
            self.paragraphs.append(
                Paragraph(text=trimmed, kind=kind, links=links, location=location)
            )
        self.text, self.length, self.links, self.line = [], 0, [], None

    def href(self, raw: str, element: etree._Element) -> tuple[bool, str | None]:
        """(keep the link, its absolute href); unsafe schemes are reported and dropped."""
        value = "".join(raw.split())
        if self.base:
            value = urljoin(self.base, value)
        scheme = urlsplit(value).scheme.lower() if ":" in value else ""
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
    return lxml.html.fragment_fromstring(markup, create_parent="div", parser=_PARSER)


def html_to_body(
    markup: str, *, base: str | None = None, source: str | None = None
) -> tuple[tuple[Paragraph, ...], tuple[Notice, ...]]:
    """Paragraphs from an HTML fragment (or plain text, which becomes one paragraph)."""
    if not markup.strip():
        return (), ()
    if "<" not in markup and "&" not in markup:
        text = _SPACE.sub(" ", markup).strip()
        return (Paragraph(text=text),), ()
    return element_to_body(_fragment(markup), base=base, source=source)


def html_to_text(markup: str) -> str:
    """The text of a title that may hold HTML, white space collapsed.

    >>> html_to_text("EU &amp; <b>UN</b>\\n  agree")
    'EU & UN agree'
    """
    if "<" in markup or "&" in markup:
        root = _fragment(markup)
        for bad in root.iter("script", "style", "template"):
            bad.getparent().remove(bad)  # type: ignore[union-attr]
        markup = "".join(root.itertext())
    return _SPACE.sub(" ", markup).strip()


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
