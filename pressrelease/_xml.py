"""The one safe way pressrelease parses XML with lxml.

Every XML reader in the project goes through :func:`parse_xml` (a whole
document) or :func:`iterparse_xml` (a feed read in bounded memory), so that the
hazards listed in ``HAZARDS.md`` are handled once:

* no entity is ever expanded: a DOCTYPE that declares entities is refused
  (:class:`~pressrelease.errors.EntitiesForbiddenError`) by a scan of the
  prolog *before* libxml2 sees the internal subset, and again on the parsed
  tree; libxml2's own amplification and loop guards map to the same error;
* no DTD is loaded or fetched: a DOCTYPE with an external identifier or an
  internal subset is refused (:class:`~pressrelease.errors.DTDForbiddenError`),
  unless the caller allows a harmless external identifier (old RSS 0.91
  feeds carry one) — it is never read either way;
* nothing external is ever loaded: every parser gets a resolver that refuses
  all loads, ``no_network=True``, and XInclude elements are refused
  (:class:`~pressrelease.errors.ExternalReferenceForbiddenError`);
* gzip input is refused (lxml would inflate it), bytes are always parsed as
  bytes (never a ``str``), sizes and depth are capped by
  :class:`~pressrelease.limits.Limits`;
* every libxml2 error becomes a located :class:`~pressrelease.errors.ParseError`
  (or one of its subclasses) read from the parser's own error log.

>>> root = parse_xml(b'<r a="1">text</r>', source="r.xml")
>>> root.tag, root.text
('r', 'text')
>>> parse_xml(b'<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>', source="r.xml")
Traceback (most recent call last):
...
pressrelease.errors.EntitiesForbiddenError: r.xml:1:14: the DOCTYPE declares entities; pressrelease never expands entities (they are how billion-laughs and XXE attacks work): remove the DOCTYPE and write the characters themselves or character references such as &#233;
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Final

from lxml import etree

from pressrelease.errors import (
    DecodeError,
    DTDForbiddenError,
    EntitiesForbiddenError,
    ExternalReferenceForbiddenError,
    LimitExceededError,
    ParseError,
    PressReleaseError,
)
from pressrelease.limits import DEFAULT_LIMITS, Limits

__all__ = ["iterparse_xml", "load_schema", "parse_xml"]

#: libxml2's depth limit without XML_PARSE_HUGE (which we never set).
LIBXML2_MAX_DEPTH: Final = 256
#: XInclude namespaces (the 2001 recommendation and the 2003 draft libxml2 also knows).
XINCLUDE_NAMESPACES: Final = ("http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude")
_XINCLUDE_TAGS: Final = tuple(f"{{{ns}}}*" for ns in XINCLUDE_NAMESPACES)
_XINCLUDE_PREFIXES: Final = tuple(f"{{{ns}}}" for ns in XINCLUDE_NAMESPACES)

_GZIP_MAGIC: Final = b"\x1f\x8b"
_EBCDIC_DECLARATION: Final = b"\x4c\x6f\xa7\x94"  # "<?xm" in EBCDIC
_CHUNK: Final = 64 * 1024
#: The smallest piece fed to the pull parser when a small item limit asks for fine counting.
_MIN_FEED: Final = 64
_UNDEFINED_ENTITY: Final = re.compile(r"Entity '([^']*)' not defined")
_POSITION_SUFFIX: Final = re.compile(r",? line [0-9]+, column [0-9]+(?: \(.*\))?$")
_WS: Final = " \t\r\n"
_NAME_END: Final = re.compile(r"[\s\[>]")


class _RefuseEveryLoad(etree.Resolver):
    """A resolver that refuses every external load (DTD, entity, XInclude, schema import)."""

    def __init__(self, source: str | None) -> None:
        super().__init__()
        self._source = source

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> Any:
        raise ExternalReferenceForbiddenError(
            "the document asks to load an external resource "
            f"({system_url or public_id!s}); pressrelease never loads anything "
            "a document points to",
            source=self._source,
        )


def _new_parser(resolver: etree.Resolver) -> etree.XMLParser:
    """A fresh parser with every unsafe feature off (one per call: lxml parsers are not shared).

    Never pass ``collect_ids=False``: with lxml 6.1.3 / libxml2 2.14 it makes
    libxml2 load the external DTD subset despite ``load_dtd=False`` (observed:
    ``<!DOCTYPE r SYSTEM "file:///etc/passwd">`` was read).
    """
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        remove_blank_text=False,
        remove_comments=False,
        remove_pis=False,
        strip_cdata=True,
        recover=False,
    )
    parser.resolvers.add(resolver)
    return parser


# ---------------------------------------------------------------------------
# The prolog scan: refuse a dangerous DOCTYPE before libxml2 reads it.


def _sniff_prolog(head: bytes) -> str:
    """Decode the start of a document well enough to read its prolog markup.

    Offsets in the result count characters, as line/column do. Unknown
    ASCII-compatible encodings decode as latin-1, which is enough to read the
    ASCII markup of a prolog.
    """
    for marks, codec, width in (
        ((b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00"), "utf-32", 4),
        ((b"\xff\xfe", b"<\x00?\x00"), "utf-16-le", 2),
        ((b"\xfe\xff", b"\x00<\x00?"), "utf-16-be", 2),
    ):
        if head.startswith(marks):
            body = (
                head[2:] if codec != "utf-32" and head[:2] in (b"\xff\xfe", b"\xfe\xff") else head
            )
            return body[: len(body) // width * width].decode(codec, errors="replace")
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:].decode("latin-1")
    return head.decode("latin-1")


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _skip_literal(text: str, pos: int) -> int | None:
    """Skip a quoted literal at ``pos``; the index after it, or None if it is not complete."""
    quote = text[pos]
    end = text.find(quote, pos + 1)
    return None if end < 0 else end + 1


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _WS:
        pos += 1
    return pos


def _check_doctype(
    text: str, start: int, *, complete: bool, allow_external_dtd: bool, source: str | None
) -> int | None:
    """Judge the DOCTYPE at ``start``; the index after it, or None if more text is needed."""
    line, column = _line_column(text, start)

    def malformed() -> DTDForbiddenError:
        return DTDForbiddenError(
            "malformed DOCTYPE; pressrelease reads no DTD: remove the DOCTYPE",
            source=source,
            line=line,
            column=column,
        )

    pos = _skip_ws(text, start + len("<!DOCTYPE"))
    match = _NAME_END.search(text, pos)
    if match is None:
        if complete:
            raise malformed()
        return None
    pos = _skip_ws(text, match.start())
    external_id = False
    for keyword, literals in (("SYSTEM", 1), ("PUBLIC", 2)):
        if text.startswith(keyword, pos):
            external_id = True
            pos += len(keyword)
            for _ in range(literals):
                pos = _skip_ws(text, pos)
                if pos >= len(text):
                    if complete:
                        raise malformed()
                    return None
                if text[pos] not in "\"'":
                    raise malformed()
                after = _skip_literal(text, pos)
                if after is None:
                    if complete:
                        raise malformed()
                    return None
                pos = after
            pos = _skip_ws(text, pos)
            break
    if pos >= len(text):
        if complete:
            raise malformed()
        return None
    if text[pos] == "[":
        entity = text.find("<!ENTITY", pos)
        if entity >= 0:
            e_line, e_column = _line_column(text, entity)
            raise EntitiesForbiddenError(
                "the DOCTYPE declares entities; pressrelease never expands entities "
                "(they are how billion-laughs and XXE attacks work): remove the DOCTYPE "
                "and write the characters themselves or character references such as &#233;",
                source=source,
                line=e_line,
                column=e_column,
            )
        if text.find("]", pos) < 0 and not complete:
            return None
        raise DTDForbiddenError(
            "the DOCTYPE has an internal subset; pressrelease reads no DTD: remove the DOCTYPE",
            source=source,
            line=line,
            column=column,
        )
    if text[pos] != ">":
        raise malformed()
    if external_id and not allow_external_dtd:
        raise DTDForbiddenError(
            "the DOCTYPE refers to an external DTD; pressrelease never loads DTDs: "
            "remove the DOCTYPE",
            source=source,
            line=line,
            column=column,
        )
    return pos + 1


def _scan_prolog(
    head: bytes, *, complete: bool, allow_external_dtd: bool, source: str | None
) -> bool:
    """Check the prolog in ``head``; True once the root element's start was reached.

    Raises on a DOCTYPE that declares entities, has an internal subset, or
    (unless allowed) names an external DTD. Returns False when ``head`` ends
    before the root element starts and ``complete`` is false (feed more).
    Anything that is not prolog markup ends the scan: libxml2 judges the rest.
    """
    if head.startswith(_EBCDIC_DECLARATION):
        raise ParseError(
            "the document is EBCDIC-encoded; re-encode it as UTF-8", source=source, line=1
        )
    text = _sniff_prolog(head)
    pos = 1 if text.startswith("\ufeff") else 0
    while True:
        pos = _skip_ws(text, pos)
        if pos >= len(text):
            return complete
        if text.startswith("<?", pos):
            end = text.find("?>", pos + 2)
            if end < 0:
                return complete
            pos = end + 2
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            if end < 0:
                return complete
            pos = end + 3
        elif text.startswith("<!DOCTYPE", pos):
            after = _check_doctype(
                text,
                pos,
                complete=complete,
                allow_external_dtd=allow_external_dtd,
                source=source,
            )
            if after is None:
                return False
            pos = after
        elif len(text) - pos < len("<!DOCTYPE") and "<!DOCTYPE".startswith(text[pos:]):
            return complete
        else:
            return True


# ---------------------------------------------------------------------------
# Errors


def _clean(message: str) -> str:
    """One line, without the position lxml appends (the error carries it)."""
    text = " ".join(message.split()).rstrip(".,")
    return _POSITION_SUFFIX.sub("", text).rstrip(".,")


_ENCODING_ERRORS = frozenset({"ERR_INVALID_ENCODING", "ERR_UNSUPPORTED_ENCODING"})
_ENCODING_SIGNS = (
    "not proper UTF-8",
    "Invalid bytes in character encoding",
    "encoder error",
    "Unsupported encoding",
)


def _error_from_libxml2(
    message: str, type_name: str, line: int | None, column: int | None, source: str | None
) -> PressReleaseError:
    """The pressrelease error for one libxml2 error entry."""
    text = _clean(message)
    # libxml2 says line 0 when it has read nothing (an empty document): that is line 1.
    where: dict[str, Any] = {"source": source, "line": line or 1, "column": column or None}
    if "Excessive depth" in text:
        return LimitExceededError(
            f"elements nest deeper than {LIBXML2_MAX_DEPTH} levels (libxml2's limit); "
            "a press release never needs that: the input is broken or hostile",
            **where,
        )
    if "amplification" in text or type_name == "ERR_ENTITY_LOOP" or "entity reference loop" in text:
        return EntitiesForbiddenError(
            f"entity expansion refused ({text}); pressrelease never expands entities",
            **where,
        )
    if "huge" in text.lower() or type_name == "ERR_RESOURCE_LIMIT":
        return LimitExceededError(
            f"a libxml2 resource limit was hit ({text}); the input is too large or hostile",
            **where,
        )
    if type_name in _ENCODING_ERRORS or any(sign in text for sign in _ENCODING_SIGNS):
        return DecodeError(
            f"the bytes are not valid in the document's encoding ({text}); save it in the "
            "encoding it declares (UTF-8 if it declares none), or correct the declaration",
            **where,
        )
    undefined = _UNDEFINED_ENTITY.search(text)
    if undefined:
        # libxml2 points just past the reference ("&name;"): point at its "&".
        if column is not None and column > len(undefined.group(1)) + 2:
            where["column"] = column - len(undefined.group(1)) - 2
        return ParseError(
            f"undefined entity '&{undefined.group(1)};'; XML knows only &amp; &lt; &gt; "
            "&quot; &apos; and character references such as &#233;",
            **where,
        )
    return ParseError(f"not well-formed XML: {text}", **where)


def _first_error(log: etree._ListErrorLog | None) -> etree._LogEntry | None:
    """The first entry of ``log`` that is an error (not a warning), if any."""
    for entry in log or ():
        if entry.level >= etree.ErrorLevels.ERROR:
            return entry
    return None


def _logged_error(log: etree._ListErrorLog, source: str | None) -> PressReleaseError:
    """The pressrelease error for the first error in a parser's own log."""
    first = _first_error(log)
    if first is None:  # callers check log.last_error first; kept for type checkers
        return ParseError("not well-formed XML", source=source, line=1)
    return _error_from_libxml2(first.message, first.type_name, first.line, first.column, source)


def _syntax_error(
    exc: etree.XMLSyntaxError, log: etree._ListErrorLog | None, source: str | None
) -> PressReleaseError:
    """Map a libxml2 syntax error, preferring the parser's own (fresh) error log.

    ``exc.error_log`` is a copy of the thread's global log, which holds
    entries from earlier parses too, so it is never read.
    """
    first = _first_error(log)
    if first is not None:
        return _error_from_libxml2(first.message, first.type_name, first.line, first.column, source)
    position = exc.position if isinstance(exc.position, tuple) else (exc.lineno, None)
    type_name = getattr(exc, "type_name", "") or ""
    return _error_from_libxml2(exc.msg or str(exc), type_name, position[0], position[1], source)


# ---------------------------------------------------------------------------
# Whole documents


def _check_tree(
    root: etree._Element, *, allow_external_dtd: bool, source: str | None, limits: Limits
) -> None:
    """The refusals that need the parsed tree (belt and braces after the prolog scan)."""
    docinfo = root.getroottree().docinfo
    dtd = docinfo.internalDTD
    if dtd is not None:
        if any(True for _ in dtd.iterentities()):
            raise EntitiesForbiddenError(
                "the DOCTYPE declares entities; pressrelease never expands entities",
                source=source,
                line=1,
            )
        if docinfo.system_url or docinfo.public_id:
            if not allow_external_dtd:
                raise DTDForbiddenError(
                    "the DOCTYPE refers to an external DTD; pressrelease never loads DTDs: "
                    "remove the DOCTYPE",
                    source=source,
                    line=1,
                )
        elif any(True for _ in dtd.iterelements()):
            raise DTDForbiddenError(
                "the DOCTYPE has an internal subset; pressrelease reads no DTD: remove the DOCTYPE",
                source=source,
                line=1,
            )
    for entity in root.iter(etree.Entity):
        raise EntitiesForbiddenError(
            f"the document uses the entity {entity.text}; pressrelease never expands entities",
            source=source,
            line=entity.sourceline,
        )
    for element in root.iter(*_XINCLUDE_TAGS):
        raise ExternalReferenceForbiddenError(
            f"XInclude element <{etree.QName(element).localname}> refused; "
            "pressrelease never includes external content",
            source=source,
            line=element.sourceline,
        )
    if limits.max_xml_depth < LIBXML2_MAX_DEPTH:
        _check_depth(root, limits.max_xml_depth, source)


def _check_depth(root: etree._Element, maximum: int, source: str | None) -> None:
    """Refuse elements nested deeper than ``maximum`` (without recursion)."""
    stack: list[tuple[etree._Element, int]] = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > maximum:
            raise LimitExceededError(
                f"elements nest {depth} levels deep, more than max_xml_depth={maximum}",
                source=source,
                line=element.sourceline,
            )
        stack.extend((child, depth + 1) for child in element)


def parse_xml(
    data: bytes,
    *,
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    allow_external_dtd: bool = False,
) -> etree._Element:
    """Parse a whole XML document safely and return its root element.

    Args:
        data: the document's bytes (never a ``str``: lxml refuses a ``str``
            with an XML declaration, and the declared encoding must decide).
        source: the input's name, for error locations.
        limits: size and depth limits.
        allow_external_dtd: accept (and ignore, never load) a DOCTYPE that
            only names an external DTD, as RSS 0.91 feeds do.

    Raises:
        ParseError: not well-formed (truncated, two roots, bad characters),
            gzip-compressed, or not bytes.
        EntitiesForbiddenError: the DOCTYPE declares entities, or expanding
            them was attempted.
        DTDForbiddenError: a DOCTYPE with an internal subset or an external DTD.
        ExternalReferenceForbiddenError: XInclude, or any external load.
        LimitExceededError: too large or too deeply nested.

    >>> parse_xml(b"<a><b/></a><c/>", source="two.xml")
    Traceback (most recent call last):
    ...
    pressrelease.errors.ParseError: two.xml:1:12: not well-formed XML: Extra content at the end of the document
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ParseError(
            f"XML must be given as bytes, not {type(data).__name__}; "
            "encode text as UTF-8 (the XML declaration decides the encoding)",
            source=source,
        )
    data = bytes(data)
    limits.check_size(len(data), source=source)
    if data.startswith(_GZIP_MAGIC):
        raise ParseError(
            "the input looks gzip-compressed; decompress it first", source=source, line=1, column=1
        )
    if not _scan_prolog(
        data[:_CHUNK],
        complete=len(data) <= _CHUNK,
        allow_external_dtd=allow_external_dtd,
        source=source,
    ):  # a prolog longer than one chunk: scan all of it
        _scan_prolog(data, complete=True, allow_external_dtd=allow_external_dtd, source=source)
    parser = _new_parser(_RefuseEveryLoad(source))
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, parser.error_log, source) from exc
    if root is None:  # only with recover=True, which we never set; kept for type checkers
        raise ParseError("the document has no root element", source=source, line=1)
    _check_tree(root, allow_external_dtd=allow_external_dtd, source=source, limits=limits)
    return root


# ---------------------------------------------------------------------------
# Streams


def iterparse_xml(
    stream: IO[bytes],
    *,
    tags: Collection[str],
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    allow_external_dtd: bool = False,
    chunk_size: int = _CHUNK,
    roots: Collection[str] | None = None,
) -> Iterator[etree._Element]:
    """Yield each element whose tag is in ``tags`` once it is complete, in bounded memory.

    The stream is read in chunks and fed to a pull parser. Each yielded
    element is a live part of the tree: its ancestors are reachable through
    ``getparent()`` (so a feed's channel metadata read before its items can be
    seen). When the caller asks for the next element, the previous one is
    cleared and removed from the tree, so memory stays bounded however long
    the stream is. Elements nested inside a yielded element are not yielded
    separately. Comments and processing instructions are dropped as they are
    parsed (the text around a comment reads as one).

    The same refusals as :func:`parse_xml` apply, and the prolog is checked
    before the parser sees it. An element in ``tags`` may take at most
    ``limits.max_feed_item_bytes`` bytes of input, and the content kept
    outside such elements (the feed's own metadata), or any stretch of input
    between two tags, at most as much again. An element's bytes are counted
    between the parser feeds that completed its start and end tags, each feed
    at most a 32nd of the limit (64 bytes at least), so an element is refused
    once it is over the limit by more than two feeds and its start tag.

    Args:
        stream: a binary stream (a file opened ``"rb"``, ``sys.stdin.buffer``).
        tags: Clark-notation tags (``{http://www.w3.org/2005/Atom}entry``, ``item``).
        source: the input's name, for error locations.
        limits: depth and per-item limits (the stream's total size is not limited).
        allow_external_dtd: as in :func:`parse_xml`.
        roots: the root elements the format allows, if it restricts them: any
            other root is a :class:`ParseError` once the document has parsed,
            so a document of another kind is never read as an empty feed.
        chunk_size: bytes read from ``stream`` at a time.

    >>> import io
    >>> data = b"<feed><title>F</title><item>a</item><item>b</item></feed>"
    >>> [(e.text, e.getparent()[0].text) for e in iterparse_xml(io.BytesIO(data), tags={"item"})]
    [('a', 'F'), ('b', 'F')]
    >>> feed = io.BytesIO(b"<feed>\\n<item>Caf&eacute;</item></feed>")
    >>> list(iterparse_xml(feed, tags={"item"}, source="f.xml"))
    Traceback (most recent call last):
    ...
    pressrelease.errors.ParseError: f.xml:2:10: undefined entity '&eacute;'; XML knows only &amp; &lt; &gt; &quot; &apos; and character references such as &#233;
    """
    wanted = frozenset(tags)
    parser = etree.XMLPullParser(
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        remove_blank_text=False,
        # Comments and processing instructions make no event, so nothing would
        # ever remove those between items: a feed of them grows the tree unbounded.
        remove_comments=True,
        remove_pis=True,
        strip_cdata=True,
    )
    parser.resolvers.add(_RefuseEveryLoad(source))
    item_limit = limits.max_feed_item_bytes
    # libxml2 reports a start or end event as soon as the tag's ">" is fed, so
    # the bytes fed strictly between the feed that reported an item's start
    # and the one that reported its end never exceed the item's size. Feeds
    # small next to the limit make that count close; with the default limit
    # they are the whole chunk, so the usual path does not feed more often.
    step = min(chunk_size, max(item_limit // 32, _MIN_FEED))
    depth = 0
    fed = 0
    last_event_at = 0  # bytes fed when the parser last reported an event
    last_element: etree._Element | None = None  # the element of that event
    prolog: bytes | None = b""  # None once checked
    item: etree._Element | None = None
    item_started_at = 0
    outside_kept = 0
    root_tag, root_line = "", 1
    first = True

    while True:
        chunk = stream.read(chunk_size)
        if first:
            first = False
            if chunk.startswith(_GZIP_MAGIC):
                raise ParseError(
                    "the input looks gzip-compressed; decompress it first",
                    source=source,
                    line=1,
                    column=1,
                )
        if prolog is not None:
            prolog += chunk
            if not chunk or _scan_prolog(
                prolog,
                complete=not chunk,
                allow_external_dtd=allow_external_dtd,
                source=source,
            ):
                chunk, prolog = prolog, None
            elif len(prolog) > item_limit:
                raise LimitExceededError(
                    f"the prolog before the root element is longer than "
                    f"max_feed_item_bytes={item_limit}; "
                    "raise the limit (--max-feed-item-bytes) if the input is genuine",
                    source=source,
                    line=1,
                )
            else:
                continue
        pieces: Iterable[bytes] = (
            (chunk,)
            if len(chunk) <= step
            else (chunk[at : at + step] for at in range(0, len(chunk), step))
        )
        for piece in pieces:
            piece_start = fed
            events = _feed(parser, piece, source)
            fed += len(piece)
            if events:
                last_event_at, last_element = fed, events[-1][1]
            for event, element in events:
                if event == "start":
                    depth += 1
                    if depth > limits.max_xml_depth:
                        raise LimitExceededError(
                            f"elements nest deeper than max_xml_depth={limits.max_xml_depth}; "
                            "raise the limit (--max-xml-depth) if the input is genuine",
                            source=source,
                            line=element.sourceline,
                        )
                    if isinstance(element.tag, str) and element.tag.startswith(_XINCLUDE_PREFIXES):
                        raise ExternalReferenceForbiddenError(
                            f"XInclude element <{etree.QName(element).localname}> refused; "
                            "pressrelease never includes external content",
                            source=source,
                            line=element.sourceline,
                        )
                    if depth == 1:
                        _check_stream_docinfo(element, allow_external_dtd, source)
                        root_tag, root_line = str(element.tag), element.sourceline or 1
                    if item is None and element.tag in wanted:
                        item = element
                        item_started_at = fed
                    continue
                depth -= 1
                if item is not None and element is item:
                    if piece_start - item_started_at > item_limit:
                        raise _item_too_large(
                            item, piece_start - item_started_at, item_limit, source
                        )
                    item = None
                    yield element
                    parent = element.getparent()
                    element.clear(keep_tail=False)
                    if parent is not None:
                        parent.remove(element)
                elif item is None:
                    outside_kept += _weight(element)
                    if outside_kept > item_limit:
                        raise LimitExceededError(
                            f"content outside the items ({', '.join(sorted(wanted))}) exceeds "
                            f"max_feed_item_bytes={item_limit}; raise the limit "
                            "(--max-feed-item-bytes) if the input is genuine",
                            source=source,
                            line=element.sourceline,
                        )
            if item is not None:
                if fed - item_started_at > item_limit:
                    raise _item_too_large(item, fed - item_started_at, item_limit, source)
            elif fed - last_event_at > item_limit:
                after = (
                    ""
                    if last_element is None
                    else f" after <{etree.QName(last_element).localname}> on this line"
                )
                raise LimitExceededError(
                    f"more than max_feed_item_bytes={item_limit} bytes of input{after} without "
                    f"a complete tag, outside the items ({', '.join(sorted(wanted))}): a long "
                    "text, comment or start tag; raise the limit (--max-feed-item-bytes) if the "
                    "input is genuine",
                    source=source,
                    line=1 if last_element is None else last_element.sourceline,
                )
        if not chunk:
            # Judged once the whole document parsed, so that broken or hostile XML is
            # reported as such rather than as a document of another kind.
            if roots is not None and root_tag not in roots:
                raise ParseError(
                    f"the root element is <{root_tag}>; expected "
                    + " or ".join(f"<{root}>" for root in sorted(roots)),
                    source=source,
                    line=root_line,
                )
            return


def _feed(parser: etree.XMLPullParser, piece: bytes, source: str | None) -> list[Any]:
    """Feed ``piece`` (or close the parser on ``b""``) and return the events it completed.

    Fails at the parser's first error. lxml lets one kind of error pass
    unraised: an undefined entity with ``resolve_entities=False`` makes libxml2
    stop the document, and lxml then quietly starts a new one at the next
    feed (whose error would say line 1) or fails at ``close()`` with "no
    element found" at line 0. The error is in the feed parser's own log, with
    its real line and column, so the log is checked after every feed.
    """
    try:
        if piece:
            parser.feed(piece)
        else:
            parser.close()
        events = list(parser.read_events())
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, parser.feed_error_log, source) from exc
    log = parser.feed_error_log
    if log.last_error is not None:
        raise _logged_error(log, source)
    return events


def _item_too_large(
    item: etree._Element, size: int, limit: int, source: str | None
) -> LimitExceededError:
    return LimitExceededError(
        f"<{etree.QName(item).localname}> is larger than max_feed_item_bytes={limit} "
        f"(at least {size} bytes); raise the limit (--max-feed-item-bytes) if the input "
        "is genuine",
        source=source,
        line=item.sourceline,
    )


def _weight(element: etree._Element) -> int:
    """Roughly how many bytes an element kept in the tree stands for (its own parts only)."""
    size = 64 + len(element.text or "") + len(element.tail or "")
    for key, value in element.attrib.items():
        size += len(key) + len(value)
    return size


def _check_stream_docinfo(
    root: etree._Element, allow_external_dtd: bool, source: str | None
) -> None:
    docinfo = root.getroottree().docinfo
    dtd = docinfo.internalDTD
    if dtd is None:
        return
    if any(True for _ in dtd.iterentities()):
        raise EntitiesForbiddenError(
            "the DOCTYPE declares entities; pressrelease never expands entities",
            source=source,
            line=1,
        )
    if (docinfo.system_url or docinfo.public_id) and not allow_external_dtd:
        raise DTDForbiddenError(
            "the DOCTYPE refers to an external DTD; pressrelease never loads DTDs",
            source=source,
            line=1,
        )


# ---------------------------------------------------------------------------
# Shipped schemas


class _SameFolderOnly(etree.Resolver):
    """Resolve schema imports to files beside the schema; refuse everything else."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self._folder = folder

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> Any:
        url = system_url or ""
        if url.startswith("file://"):
            url = url[len("file://") :]
        candidate = (self._folder / url).resolve() if "://" not in url else None
        if candidate is None or candidate.parent != self._folder or not candidate.is_file():
            raise ExternalReferenceForbiddenError(
                f"schema import {system_url!r} refused: only files beside the schema are loaded"
            )
        return self.resolve_filename(str(candidate), context)


def load_schema(path: str | os.PathLike[str]) -> etree.XMLSchema:
    """Compile a schema shipped with pressrelease; imports resolve only beside it.

    Never pass a schema a user supplied: compiling a schema follows its
    imports, which is how ``/etc/passwd`` leaks.

    Raises:
        ParseError: the schema is not well-formed or not a valid XSD, or
            imports anything other than a file in its own folder.
    """
    schema_path = Path(path).resolve()
    parser = _new_parser(_SameFolderOnly(schema_path.parent))
    data = schema_path.read_bytes()
    try:
        document = etree.fromstring(data, parser, base_url=str(schema_path))
        return etree.XMLSchema(document)
    except (etree.XMLSyntaxError, etree.XMLSchemaParseError) as exc:
        raise ParseError(
            f"cannot load schema {schema_path.name}: {_clean(str(exc))}", source=str(schema_path)
        ) from exc
