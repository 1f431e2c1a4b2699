"""Bytes to text: one decoding policy for every reader.

The order (see HAZARDS.md, "Encoding policy"):

1. a byte order mark wins (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. then a charset the caller passes (an HTTP ``Content-Type``, a CLI option);
3. then a charset the document declares: the XML declaration for
   ``kind="xml"``, ``<meta charset>`` or ``<meta http-equiv>`` within the
   first 1024 bytes for ``kind="html"``; plain text declares nothing;
4. then strict UTF-8;
5. otherwise a :class:`~pressrelease.errors.DecodeError` giving the line and
   column of the first bad byte and what to do, unless the caller opted in to
   ``fallback="cp1252"``, which recovers and says so with a ``PR601`` notice.

Nothing is ever replaced silently: a declared charset that fails, or whose
text holds U+FFFD REPLACEMENT CHARACTER (damage done before the bytes reached
us), is an error. NUL characters are an error too (they mean UTF-16 or UTF-32
without a BOM, or a binary file).

>>> decode("Brüssel".encode()).text
'Brüssel'
>>> decode(b"\\xef\\xbb\\xbfhi\\r\\nthere").text
'hi\\nthere'
>>> decode(b'<meta charset="windows-1252"><p>caf\\xe9', kind="html").encoding
'cp1252'
>>> decode(b"caf\\xe9", source="a.txt")
Traceback (most recent call last):
...
pressrelease.errors.DecodeError: a.txt:1:4: byte 0xE9 is not valid UTF-8 and the document declares no charset; pass the right charset (e.g. charset='cp1252') or opt in to fallback='cp1252'

Line separators (``kind="text"`` only): CRLF, a lone CR, NEL (U+0085), LINE
SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029) each become one LF, so
that line ``n`` of the decoded text is the ``n``-th line in any editor that
breaks lines at those characters, and every reader can count lines by
``"\\n"`` alone. Vertical tab and form feed are kept as they are (they are
not line breaks for our locations). HTML and XML text is left untouched:
their parsers normalise line ends themselves and report their own lines.
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

import attrs

from pressrelease.errors import DecodeError, ParseError
from pressrelease.model import Notice

__all__ = ["Decoded", "decode", "normalise_newlines"]

Kind = Literal["text", "html", "xml"]

#: Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_XML_DECLARATION = re.compile(
    rb"""\A<\?xml\s[^>]*?\bencoding\s*=\s*(?:"([A-Za-z0-9._:-]{1,40})"|'([A-Za-z0-9._:-]{1,40})')"""
)
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE
)
_NEWLINES = re.compile("\r\n?|[\x85\u2028\u2029]")

#: Labels WHATWG maps to windows-1252 in HTML (a page saying latin-1 is read as cp1252).
_HTML_AS_CP1252 = frozenset({"iso8859-1", "ascii", "cp1252"})
_WIDE = ("utf-16", "utf-32")


@attrs.frozen(kw_only=True)
class Decoded:
    """The text of a document and how it was decoded.

    Attributes:
        text: the decoded text (line separators normalised for ``kind="text"``).
        encoding: the Python codec name used (``utf-8``, ``cp1252``, ``utf-16-le``).
        notices: ``PR601`` notices when an encoding was recovered or overridden.
    """

    text: str
    encoding: str
    notices: tuple[Notice, ...] = ()


def normalise_newlines(text: str) -> str:
    r"""Make every line break one LF (CRLF, CR, NEL, U+2028, U+2029).

    >>> normalise_newlines("a\r\nb\rc\u2028d\x85e\u2029f")
    'a\nb\nc\nd\ne\nf'
    """
    if "\r" not in text and "\x85" not in text and "\u2028" not in text and "\u2029" not in text:
        return text
    return _NEWLINES.sub("\n", text)


def _codec(label: str, *, source: str | None, where: str) -> str:
    """The Python codec name for a charset label, or a DecodeError naming the label."""
    try:
        return codecs.lookup(label.strip()).name
    except LookupError as exc:
        raise DecodeError(
            f"unknown charset {label!r} ({where}); pass a charset Python knows, such as "
            "charset='utf-8' or charset='cp1252'",
            source=source,
        ) from exc


def _declared(data: bytes, kind: Kind) -> str | None:
    if kind == "xml":
        found = _XML_DECLARATION.match(data)
        if found:
            return (found.group(1) or found.group(2)).decode("ascii")
        return None
    if kind == "html":
        found = _META_CHARSET.search(data[:1024])
        if found:
            return found.group(1).decode("ascii")
    return None


def _locate(data: bytes, position: int, codec: str) -> tuple[int, int]:
    """The 1-based line and column (in characters) of byte ``position``."""
    before = data[:position].decode(codec, errors="replace")
    before = normalise_newlines(before)
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    return line, column


def _strict(
    data: bytes, codec: str, *, source: str | None, why: str, advice: str
) -> str | DecodeError:
    """Decode strictly; on failure return (not raise) a located DecodeError."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line, column = _locate(data, exc.start, codec)
        bad = data[exc.start : min(exc.end, exc.start + 4)]
        shown = " ".join(f"0x{b:02X}" for b in bad)
        noun = "byte" if len(bad) == 1 else "bytes"
        error = DecodeError(
            f"{noun} {shown} {'is' if len(bad) == 1 else 'are'} not valid {codec_label(codec)} "
            f"{why}; {advice}",
            source=source,
            line=line,
            column=column,
        )
        error.__cause__ = exc
        return error


def codec_label(codec: str) -> str:
    """How a codec is named in messages (``utf-8`` is ``UTF-8``).

    >>> codec_label("utf-8"), codec_label("cp1252")
    ('UTF-8', 'cp1252')
    """
    return {"utf-8": "UTF-8", "ascii": "ASCII"}.get(codec, codec)


def _cp1252_whatwg(data: bytes) -> str:
    """Windows-1252 as WHATWG defines it: its five undefined bytes map to C1 controls."""
    return "".join(
        chunk.decode("cp1252") if index % 2 == 0 else chr(chunk[0])
        for index, chunk in enumerate(re.split(rb"([\x81\x8d\x8f\x90\x9d])", data))
    )


def _check_nul(text: str, *, codec: str, source: str | None) -> None:
    index = text.find("\x00")
    if index < 0:
        return
    before = text[:index]
    line = before.count("\n") + 1
    column = index - (before.rfind("\n") + 1) + 1
    if codec.startswith(_WIDE):
        advice = "the document holds a U+0000 character, which no press release has"
    else:
        advice = (
            "the file is probably UTF-16 or UTF-32 without a byte order mark (pass "
            "charset='utf-16-le' or the right one) or not text at all"
        )
    raise ParseError(
        f"NUL character in text decoded as {codec_label(codec)}; {advice}",
        source=source,
        line=line,
        column=column,
    )


def decode(
    data: bytes,
    *,
    kind: Kind = "text",
    charset: str | None = None,
    fallback: Literal["cp1252"] | None = None,
    source: str | None = None,
) -> Decoded:
    """Decode a document's bytes by the policy in this module's docstring.

    Args:
        data: the raw bytes.
        kind: ``"text"`` (also Markdown), ``"html"`` or ``"xml"``: which
            declarations to look for, and whether to normalise line breaks.
        charset: a charset known from outside the document (HTTP header,
            command line); a BOM still wins over it.
        fallback: ``"cp1252"`` to recover undecodable input as Windows-1252
            (with a ``PR601`` notice) instead of failing.
        source: the input's name, for error locations.

    Returns:
        The text, the codec used and any ``PR601`` notices.

    Raises:
        DecodeError: the bytes are not valid in the encoding chosen, or a
            charset label is unknown.
        ParseError: the text holds NUL characters.

    >>> decode("é".encode("utf-16"), kind="text").encoding in ("utf-16-le", "utf-16-be")
    True
    >>> decode(b"caf\\xe9", fallback="cp1252").notices[0].code
    'PR601'
    """
    notices: list[Notice] = []
    codec: str | None = None
    body = data
    for bom, name in _BOMS:
        if data.startswith(bom):
            codec, body = name, data[len(bom) :]
            if charset and _codec(charset, source=source, where="given by the caller") not in (
                name,
                name[:-3],
            ):
                notices.append(
                    Notice(
                        code="PR601",
                        message=f"the byte order mark says {codec_label(name)}; the charset "
                        f"{charset!r} given by the caller was overridden",
                    )
                )
            break

    if codec is not None:
        result = _strict(
            body,
            codec,
            source=source,
            why="although the byte order mark says so",
            advice="the file is damaged or was re-encoded after the mark was written",
        )
        if isinstance(result, DecodeError):
            raise result
        text = result
    else:
        declared = _declared(data, kind)
        if charset:
            codec = _codec(charset, source=source, where="given by the caller")
            origin = "given by the caller"
            if declared and _codec_or_none(declared) not in (codec, None):
                notices.append(
                    Notice(
                        code="PR601",
                        message=f"the document declares charset {declared!r}; the charset "
                        f"{charset!r} given by the caller was used instead",
                    )
                )
        elif declared:
            codec = _codec(declared, source=source, where="declared by the document")
            origin = "declared by the document"
            if kind == "html" and codec.startswith(_WIDE):
                # WHATWG: a UTF-16/32 declaration in ASCII-compatible bytes means UTF-8.
                codec = "utf-8"
            elif kind == "html" and codec in _HTML_AS_CP1252:
                codec = "cp1252"
        else:
            codec, origin = "utf-8", ""
        if origin:
            why = f"({codec_label(codec)} is the charset {origin})"
            advice = (
                "the declaration is wrong: fix it, pass the right charset, "
                "or opt in to fallback='cp1252'"
            )
        else:
            why = "and the document declares no charset"
            advice = "pass the right charset (e.g. charset='cp1252') or opt in to fallback='cp1252'"
        result = _strict(data, codec, source=source, why=why, advice=advice)
        if isinstance(result, DecodeError):
            if fallback != "cp1252":
                raise result
            text = _cp1252_whatwg(data)
            notices.append(
                Notice(
                    code="PR601",
                    message=f"not valid {codec_label(codec)} (first bad byte at line "
                    f"{result.line}, column {result.column}); recovered as Windows-1252",
                )
            )
            codec = "cp1252"
        else:
            text = result
            if origin and "\ufffd" in text:
                index = text.index("\ufffd")
                before = normalise_newlines(text[:index])
                raise DecodeError(
                    f"the text decoded as {codec_label(codec)} ({origin}) holds U+FFFD "
                    "REPLACEMENT CHARACTER: characters were lost before the document reached "
                    "us; get an undamaged copy",
                    source=source,
                    line=before.count("\n") + 1,
                    column=len(before) - (before.rfind("\n") + 1) + 1,
                )

    if kind == "text":
        text = normalise_newlines(text)
    _check_nul(text, codec=codec, source=source)
    return Decoded(text=text, encoding=codec, notices=tuple(notices))


def _codec_or_none(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip()).name
    except LookupError:
        return None
