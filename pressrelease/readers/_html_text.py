"""Text out of an HTML tree: blocks in reading order, links made safe, whitespace collapsed.

Only text is taken, from an allow-list walk: scripts, styles, templates,
frames, forms and hidden elements never reach a record. Links keep an
absolute ``http``/``https``/``mailto`` URL or are dropped and reported.

>>> from lxml import etree
>>> root = etree.fromstring(
...     b"<div><p>See <a href='/r'>the&nbsp;&nbsp;report</a>.</p><script>x()</script></div>",
...     etree.HTMLParser())
>>> walker = BlockWalker(base="https://example.org/a/")
>>> [(b.text, [link[:3] for link in b.links]) for b in walker.blocks(root)]
[('See the report.', [('the report', 'https://example.org/r', 4)])]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin

import attrs
from lxml import etree

from pressrelease.model import ParagraphKind

__all__ = ["Block", "BlockWalker", "RawLink", "collapse", "element_text", "safe_url"]

#: Elements whose content is never text of the release.
DROPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "canvas",
        "audio",
        "video",
        "map",
        "form",
        "button",
        "select",
        "option",
        "input",
        "textarea",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "dialog",
    }
)
#: Of those, the ones worth a PR602 notice when found inside the text.
ACTIVE_TAGS = frozenset({"script", "iframe", "frame", "object", "embed", "applet", "form"})
#: Page furniture: navigation, share bars, footers, sidebars.
FURNITURE_TAGS = frozenset({"nav", "footer", "aside", "header"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Elements that end a block of text (everything else is inline).
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "blockquote",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "figure",
        "figcaption",
        "pre",
        "address",
        "hr",
        "center",
        "details",
        "summary",
        "fieldset",
        "legend",
        *_HEADINGS,
        *FURNITURE_TAGS,
    }
)
_BOLD = frozenset({"strong", "b"})

#: class/id words of boilerplate containers (cookie banners, share bars...).
_FURNITURE_WORDS = re.compile(
    r"(?:^|[\s_-])(?:cookie|cookies|consent|share|sharing|social|socialnetwok|breadcrumbs?|"
    r"newsletter|subscribe|related|sidebar|banner|menu|navbar|navigation|skip-link|"
    r"sr-only|visually-hidden|ep_hidden|print-only|advert|promo)(?:$|[\s_-])",
    re.IGNORECASE,
)

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_STRIP_ANYWHERE = re.compile(r"[\t\n\r]")
_C0_SPACE = "".join(chr(c) for c in range(0x21)) + "\x7f"
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def collapse(value: str) -> str:
    """Collapse runs of whitespace (NO-BREAK SPACE included) to one space and trim.

    >>> collapse(" Secretary-General\\xa0 Tells\\n")
    'Secretary-General Tells'
    """
    return " ".join(value.split())


def element_text(element: etree._Element) -> str:
    """The collapsed text of an element, leaving out scripts, styles and hidden parts."""
    parts: list[str] = []
    _gather(element, parts)
    return collapse("".join(parts))


def _gather(element: etree._Element, parts: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag not in DROPPED_TAGS and not _hidden(child):
            if tag in BLOCK_TAGS or tag == "br":
                parts.append(" ")
            _gather(child, parts)
        if child.tail:
            parts.append(child.tail)


def _hidden(element: etree._Element) -> bool:
    get = element.get
    if get("hidden") is not None:
        return True
    if (get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = get("style")
    return bool(style and "display:none" in style.replace(" ", "").lower())


def safe_url(href: str, base: str | None) -> tuple[str | None, str | None]:
    """``(absolute URL, None)`` for a safe link, ``(None, reason)`` for a dropped one.

    The value is checked as a browser would read it: entities are already
    decoded by the parser, tabs and newlines are removed anywhere, control
    characters and spaces trimmed, and the scheme compared case-folded.

    >>> safe_url(" JaVa\\nScRiPt:alert(1)", "https://example.org/")
    (None, "scheme 'javascript' is not allowed (only http, https and mailto)")
    >>> safe_url("../b?x=1", "https://example.org/a/c/")
    ('https://example.org/a/b?x=1', None)
    >>> safe_url("mailto:press@example.org", None)
    ('mailto:press@example.org', None)
    """
    cleaned = href.strip(_C0_SPACE)
    if "\t" in cleaned or "\n" in cleaned or "\r" in cleaned:
        cleaned = _STRIP_ANYWHERE.sub("", cleaned)
    if not cleaned:
        return None, "empty link"
    found = _SCHEME.match(cleaned)
    if found:
        scheme = found.group(1).lower()
        if scheme not in SAFE_SCHEMES:
            return None, f"scheme {scheme!r} is not allowed (only http, https and mailto)"
        absolute = cleaned
    else:
        if base is None:
            return None, "relative link and no page URL to resolve it against"
        absolute = _join(base, cleaned)
        found = _SCHEME.match(absolute)
        scheme = found.group(1).lower() if found else ""
        if scheme not in SAFE_SCHEMES:
            return None, f"resolves to scheme {scheme!r}, which is not allowed"
    if scheme != "mailto" and not absolute[len(scheme) + 1 :].startswith("//"):
        return None, "http(s) link without a host"
    return absolute, None


#: The scheme and host of an http(s) base URL that ``urljoin`` keeps as it is.
_ORIGIN = re.compile(r"https?://[^/?#\[\]\t\r\n]*(?=[/?#]|$)")


def _join(base: str, href: str) -> str:
    """``urljoin(base, href)``, without parsing both when ``href`` is a plain path from the root.

    Such a path (``/en/press/1?x=2``) is appended to the base's scheme and
    host: only empty, ``.`` or ``..`` segments, ``;parameters``, or an empty
    query or fragment would be changed by ``urljoin``, and those go to it.

    >>> _join("https://example.org/a/b?q", "/c/d?e=1#f")
    'https://example.org/c/d?e=1#f'
    >>> _join("https://example.org/a/b", "/c/../d")
    'https://example.org/d'
    """
    if href[:1] == "/" and href[1:2] != "/" and not _STRIP_ANYWHERE.search(href):
        origin = _ORIGIN.match(base)
        if origin is not None and origin.group().isascii():
            path = href.split("?", 1)[0].split("#", 1)[0]
            if (
                "//" not in path
                and "/." not in path
                and ";" not in path
                and not href.endswith(("?", "#"))
                and "?#" not in href
            ):
                return origin.group() + href
    return urljoin(base, href)


@attrs.define
class RawLink:
    """A link found while walking: its place in the block's text and its element."""

    start: int
    end: int
    href: str
    element: etree._Element


@attrs.define
class Block:
    """A block of text as the walker found it."""

    text: str
    kind: ParagraphKind
    element: etree._Element
    links: list[tuple[str, str, int, etree._Element]]
    bold: bool
    #: The block's lines as printed, each with its source line, when ``<br>``
    #: breaks it (empty otherwise: the block is one line, ``text``). Only the
    #: people extractor reads them: a signature block puts a name, an office
    #: and an organisation on lines of their own.
    lines: tuple[tuple[str, int | None], ...] = ()
    #: The table cell (``<td>``, ``<th>``) the block is in, if any.
    cell: etree._Element | None = None


@attrs.define
class _Builder:
    """Collects one block's raw text and the raw offsets of its links."""

    parts: list[str] = attrs.Factory(list)
    length: int = 0
    links: list[RawLink] = attrs.Factory(list)
    plain: bool = False  # some text outside <strong>/<b>
    breaks: list[int | None] = attrs.Factory(list)  # the source line of each <br>

    def add(self, value: str, *, bold: bool) -> None:
        self.parts.append(value)
        self.length += len(value)
        if not bold and not self.plain and not value.isspace():
            self.plain = True

    def reset(self) -> None:
        self.parts.clear()
        self.length = 0
        self.links.clear()
        self.plain = False
        if self.breaks:
            self.breaks.clear()


#: A lone no-break space between words is typography (``Mme\xa0Balfoort``,
#: ``2\xa0décembre``) and is kept, as the text reader keeps it; any other run
#: of white space, NO-BREAK SPACEs included, becomes one space.
#: (A lone one, captured: ``re.split`` keeps it between the pieces. The set
#: comes first so that the regex engine jumps from one candidate to the next.)
_LONE_NO_BREAK = re.compile(r"([\u00a0\u202f])(?<=\S[\u00a0\u202f])(?=\S)")


def normalise_space(raw: str) -> str:
    r"""``raw`` with white space collapsed and trimmed, lone no-break spaces kept.

    >>> normalise_space("  Mme\xa0Balfoort,\n  the\xa0\xa0chair ")
    'Mme\xa0Balfoort, the chair'
    """
    if "\u00a0" not in raw and "\u202f" not in raw:
        return " ".join(raw.split())
    # Pieces between lone no-break spaces end and start with a non-space, so
    # collapsing each piece on its own collapses the whole.
    pieces = _LONE_NO_BREAK.split(raw)
    if len(pieces) == 1:
        return " ".join(raw.split())
    pieces[::2] = [" ".join(piece.split()) for piece in pieces[::2]]
    return "".join(pieces)


#: What a ``<br>`` adds to a block's raw text: white space to :func:`normalise_space`
#: (the paragraph's text is one line), a line break to :func:`_printed_lines`.
_BREAK = "\u2028"


def _printed_lines(
    raw: str, first: int | None, breaks: list[int | None]
) -> tuple[tuple[str, int | None], ...]:
    r"""The lines of a block's raw text, broken at its ``<br>``, each with its source line.

    A line's source line is that of the element or ``<br>`` it follows, plus
    the source line breaks before its first character.

    >>> _printed_lines("\n  Ann Lee\u2028\n President ", 4, [5])
    (('Ann Lee', 5), ('President', 6))
    """
    lines: list[tuple[str, int | None]] = []
    starts = [first, *breaks]
    for number, part in enumerate(raw.split(_BREAK)):
        start = starts[number] if number < len(starts) else None
        if start is not None:
            start += part[: len(part) - len(part.lstrip())].count("\n")
        lines.append((normalise_space(part), start))
    return tuple(lines)


def _span(raw: str, start: int, end: int) -> tuple[int, int]:
    """Where ``raw[start:end]`` lands in ``normalise_space(raw)``, white space at its edges left out.

    >>> _span("seethe  report.", 3, 14), _span("see  the report.", 5, 15)
    ((3, 13), (4, 14))
    """
    before = normalise_space(raw[:start])
    head = len(before)
    if before and (raw[start - 1 : start].isspace() or raw[start : start + 1].isspace()):
        head += 1  # the space (or kept no-break space) between them
    return head, len(normalise_space(raw[:end]))


class BlockWalker:
    """Walks a container once and yields its blocks in reading order.

    Args:
        base: the URL relative links are resolved against (``None``: relative
            links are dropped and reported).
        skip: elements not to enter (from the issuer profile).
        furniture: whether to skip navigation, footers, asides, headers and
            containers whose class or id names a cookie banner, share bar,
            related-news box and the like.
        max_depth: nesting past which the walk stops with ``too_deep`` set.
    """

    def __init__(
        self,
        *,
        base: str | None,
        skip: frozenset[etree._Element] = frozenset(),
        furniture: bool = True,
        max_depth: int = 256,
    ) -> None:
        self.base = base
        self.skip = skip
        self.furniture = furniture
        self.max_depth = max_depth
        self.dropped_links: list[tuple[str, str, etree._Element]] = []
        self.dropped_active: list[etree._Element] = []
        self.too_deep = False
        self._out: list[Block] = []
        self._cell: etree._Element | None = None

    def blocks(self, container: etree._Element) -> list[Block]:
        """The blocks of ``container`` (headings, paragraphs, list items, quotes)."""
        self._out = []
        builder = _Builder()
        self._walk(container, builder, container, ParagraphKind.PARAGRAPH, False, 0)
        self._flush(builder, container, ParagraphKind.PARAGRAPH)
        return self._out

    def _skipped(self, element: etree._Element, tag: str) -> bool:
        if tag in DROPPED_TAGS:
            if tag in ACTIVE_TAGS:
                self.dropped_active.append(element)
            return True
        if self.furniture and tag in FURNITURE_TAGS:
            return True
        if self.skip and element in self.skip:
            return True
        if not element.attrib:  # most inline elements: nothing more to look at
            return False
        if _hidden(element):
            return True
        if self.furniture:
            names = element.get("class", "") + " " + element.get("id", "")
            if names != " " and _FURNITURE_WORDS.search(names):
                return True
        return False

    def _flush(self, builder: _Builder, element: etree._Element, kind: ParagraphKind) -> None:
        if not builder.length:
            builder.reset()
            return
        raw = "".join(builder.parts)
        if raw.isspace():
            builder.reset()
            return
        text = normalise_space(raw)
        links = []
        for link in builder.links:
            start, end = _span(raw, link.start, link.end)
            if start < end and text[start:end].strip():
                links.append((text[start:end], link.href, start, link.element))
        lines: tuple[tuple[str, int | None], ...] = ()
        if builder.breaks:
            lines = _printed_lines(raw, element.sourceline, builder.breaks)
        self._out.append(
            Block(
                text=text,
                kind=kind,
                element=element,
                links=links,
                bold=not builder.plain,
                lines=lines,
                cell=self._cell,
            )
        )
        builder.reset()

    def _walk(
        self,
        element: etree._Element,
        builder: _Builder,
        block: etree._Element,
        kind: ParagraphKind,
        bold: bool,
        depth: int,
    ) -> None:
        if depth > self.max_depth:
            self.too_deep = True
            return
        if element.text:
            builder.add(element.text, bold=bold)
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):  # comments, processing instructions
                if child.tail:
                    builder.add(child.tail, bold=bold)
                continue
            if not self._skipped(child, tag):
                if tag in BLOCK_TAGS:
                    self._flush(builder, block, kind)
                    child_kind = _kind_of(tag, kind)
                    if tag == "td" or tag == "th":
                        outer, self._cell = self._cell, child
                        self._walk(child, builder, child, child_kind, False, depth + 1)
                        self._flush(builder, child, child_kind)
                        self._cell = outer
                    else:
                        self._walk(child, builder, child, child_kind, False, depth + 1)
                        self._flush(builder, child, child_kind)
                elif tag == "br":
                    builder.add(_BREAK, bold=bold)
                    builder.breaks.append(child.sourceline)
                elif tag == "a":
                    self._link(child, builder, block, kind, bold, depth)
                else:
                    self._walk(child, builder, block, kind, bold or tag in _BOLD, depth + 1)
            if child.tail:
                builder.add(child.tail, bold=bold)

    def _link(
        self,
        anchor: etree._Element,
        builder: _Builder,
        block: etree._Element,
        kind: ParagraphKind,
        bold: bool,
        depth: int,
    ) -> None:
        href = anchor.get("href")
        raw: RawLink | None = None
        if href is not None and href.strip() and not href.strip().startswith("#"):
            absolute, reason = safe_url(href, self.base)
            if absolute is None:
                self.dropped_links.append((href, reason or "unsafe", anchor))
            else:
                raw = RawLink(start=builder.length, end=-1, href=absolute, element=anchor)
        blocks_before = len(self._out)
        self._walk(anchor, builder, block, kind, bold, depth + 1)
        # A link that wrapped whole blocks keeps their text but is no link:
        # its offsets would point into another block.
        if raw is not None and len(self._out) == blocks_before:
            raw.end = builder.length
            builder.links.append(raw)


def _kind_of(tag: str, outer: ParagraphKind) -> ParagraphKind:
    if tag in _HEADINGS:
        return ParagraphKind.HEADING
    if tag in ("li", "dd", "dt"):
        return ParagraphKind.LIST_ITEM
    if tag == "blockquote":
        return ParagraphKind.QUOTE
    if outer is not ParagraphKind.HEADING and tag in ("p", "div"):
        return outer
    return ParagraphKind.PARAGRAPH


def iter_elements(root: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Elements named ``tag`` under ``root``, in document order."""
    yield from root.iter(tag)
