"""Plain-text and Markdown press releases.

:func:`parse_text` and :func:`parse_markdown` take decoded text;
:func:`read_text` and :func:`read_markdown` are the registry readers (bytes
in, an iterator of one record out).

What a document is made of, in the order it is looked for:

1. **Front matter** (``---`` YAML ``---``, in text or Markdown): ``title``,
   ``date``, ``published_time`` (with its offset), ``creators``,
   ``source_url``, ``language``, ``unique_id``, ``place``, ``category``.
   Front-matter values are used; the body is still read and a date that
   disagrees with the front matter gives a ``PR603`` notice.
2. **The head**: the first blocks (blank-line separated) up to the first
   paragraph of prose. In it, lines are recognised as

   * an **ID line** (``STATEMENT/15/6088``, ``SG/SM/21765``, ``MIN 40/95 23
     May 1995``; labelled ``UNIQUE ID: 201203_6``) — see :mod:`~pressrelease.extract.ids`;
   * a **dateline** (``Brussels, 03/12/2020 - 16:53``, ``17 April 2023``,
     ``... - PERTH - 20 APRIL 1979``): a date, with the place printed just
     before it if that is a known place or a capitalised name followed by a
     comma; capture stamps (``Today's date: ...``) are skipped;
   * a **category** line right after the dateline (``Joint Press Releases``;
     ``European Commission - Statement`` gives ``Statement``);
   * the **title**: the block before the first ID/dateline line (EEAS,
     Commission layouts) or, for the UN layout (symbol, date, title) and when
     nothing title-like precedes them, the block after. A web-page title's
     site suffix (``Title | News | European Parliament``) is dropped.
3. **The body**: every block after the head. Wrapped lines are joined with a
   space. In *plain text*, numbered paragraphs (``1. The Council...``) stay
   paragraphs with their number (the number is part of what was printed and
   is how such communiqués are cited). In *Markdown*, list items become
   ``list_item`` paragraphs without their marker, ``#`` headings become
   ``heading``, ``>`` quotes ``quote``. Scans that put a blank line after
   every line (OCR) are re-joined: a block that does not end a sentence is
   joined with a next block starting in lower case.
4. **Closing datelines** when the head had no place: ``MELBOURNE 29 JANUARY
   2012`` alone on a line, or a place alone followed by a date alone; and an
   opening wire dateline ``GENEVA - The ...`` or a first line ``Leuven,
   Belgium``.
5. A trailing ``Languages:`` block (EEAS) lists the translations; it is not body.
6. **Signatories and participants** (:mod:`~pressrelease.extract.people`) are
   read from the title, the head's unused blocks and the body, each block
   with its lines as printed (a signature block's name, office and
   organisation lines; columns separated by runs of spaces), Markdown markup
   removed; every location points to the source line and column. A saved web
   page's site name (``... | News | European Parliament``) counts as its
   publisher when the front matter names no creators.

External-link marks such as ``(lien externe)`` stay in the paragraph text as
printed and give a :class:`~pressrelease.model.Link` without ``href`` on the
phrase before them (:func:`~pressrelease.readers.inline.mark_external_links`).

A time printed without offset is local to the dateline place
(:mod:`~pressrelease.extract.places`); without a known place the date alone
is kept and a ``PR203`` notice says why. Every value found keeps its line
and column in :attr:`PressRelease.locations <pressrelease.model.PressRelease.locations>`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime
from functools import cache
from typing import IO, Any, NamedTuple

import attrs

from pressrelease.decode import decode, normalise_newlines
from pressrelease.errors import LimitExceededError, ParseError, ValidationError
from pressrelease.extract import people
from pressrelease.extract.dates import FoundDate, find_dates
from pressrelease.extract.ids import FoundId, find_id
from pressrelease.extract.language import detect_language
from pressrelease.extract.places import at_place, zone_for_place
from pressrelease.issuers import ISSUER_KEYS, Issuer, get_issuer, issuer_for_host
from pressrelease.limits import DEFAULT_LIMITS, Limits
from pressrelease.model import (
    Link,
    Location,
    Notice,
    Paragraph,
    ParagraphKind,
    PressRelease,
    Signatory,
    Translation,
)
from pressrelease.readers.frontmatter import FrontMatter, split_front_matter
from pressrelease.readers.inline import mark_external_links, safe_href, strip_markdown

__all__ = ["parse_markdown", "parse_text", "read_markdown", "read_text"]

#: Blocks looked at for the title, ID, dateline and category.
HEAD_BLOCKS = 80

_LETTER = re.compile(r"[^\W\d_]")
_NOT_SPACE = re.compile(r"\S")
_SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_HAS_SENTENCE = re.compile(r"[^\W\d_]{2,}[.!?][\"”’»)]?(?:\s|$)")
_DATELINE_ARTICLE = re.compile(r",?[ \t\u00a0]+(?:le|den|dem|el|il|lo|a|o|am|dnia|d\.)$")
_SENTENCE_END = re.compile(r"[.!?:;\"”»)]\s*$")
_CAPTURE_STAMP = re.compile(
    r"\b(?:today'?s date|printed|accessed|retrieved|downloaded|captured)\b", re.IGNORECASE
)
_LANGUAGES_LINE = re.compile(r"^(?:Languages|Langues|Sprachen|Idiomas|Lingue|Talen)\s*:", re.I)
_OPENING_DATELINE = re.compile(
    r"^\(?(?P<place>[A-Z][A-Za-zÀ-ÿ.'’ -]{1,40}?)(?:,[^)\n]{0,40})?\)?[ \t\u00a0]*[-–—]+[ \t\u00a0]+\S"
)
_ID_LABEL_WORDS = frozenset({"UNIQUE", "ID", "REF", "REFERENCE", "RÉF", "NO", "NR"})
_SITE_SUFFIX = re.compile(r"\s+\|\s+.*$")
_CATEGORY_SPLIT = re.compile(r"\s+[-–]\s+")
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_MD_SETEXT = re.compile(r"^(=+|-+)[ \t]*$")
_MD_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,3}[.)])[ \t]+")
_MD_QUOTE = re.compile(r"^[ \t]*>[ \t]?")
_MD_RULE = re.compile(r"^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_ACTIVE_TAGS = "script|style|iframe|object|embed|template|noscript|frame|frameset|applet|svg|math"
_ACTIVE_HTML = re.compile(
    rf"<(?P<tag>{_ACTIVE_TAGS})\b[^>]*>.*?(?:</(?P=tag)\s*>|$)|</?(?:{_ACTIVE_TAGS})\b[^>]*>",
    re.IGNORECASE | re.DOTALL,
)
_HARD_BREAK = re.compile(r"(?:[ \t]{2,}|\\)$")


class _Line(NamedTuple):
    number: int
    column: int
    text: str


class _Block(NamedTuple):
    lines: tuple[_Line, ...]

    @property
    def first(self) -> _Line:
        return self.lines[0]

    @property
    def joined(self) -> str:
        return " ".join(line.text for line in self.lines)


def _collapse(text: str) -> str:
    return _SPACE_RUN.sub(" ", text).strip()


def _blocks(body: str, first_line: int) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[_Line] = []
    for offset, raw in enumerate(body.split("\n")):
        stripped = raw.strip()
        if not stripped.strip("\u200b\ufeff\u2060"):
            if current:
                blocks.append(_Block(lines=tuple(current)))
                current = []
            continue
        column = len(raw) - len(raw.lstrip()) + 1
        current.append(_Line(number=first_line + offset, column=column, text=stripped))
    if current:
        blocks.append(_Block(lines=tuple(current)))
    return blocks


def _is_noise(text: str) -> bool:
    """A line of OCR debris, a page marker or a bare URL: nothing to title or date."""
    words = _LETTER_WORD.findall(text)
    if not words or max(len(w) for w in words) < 3:
        return True
    return bool(re.match(r"^(?:https?://|www\.)\S*$", text.strip(), re.IGNORECASE))


def _is_prose(text: str) -> bool:
    letters = len(_LETTER.findall(text))
    if letters < 0.6 * len(_NOT_SPACE.findall(text)):
        return False  # OCR debris is not prose, however long
    words = text.split()
    if len(text) >= 250:
        # A long letterhead has no sentence.
        return bool(_HAS_SENTENCE.search(text)) or text.rstrip()[-1:] in (":", ";")
    return len(words) >= 12 and bool(_SENTENCE_END.search(text)) and text[-1] != ")"


@attrs.frozen(kw_only=True)
class _Dateline:
    found: FoundDate
    line: _Line
    place: str | None = None
    place_line: int | None = None
    place_column: int | None = None


@attrs.frozen(kw_only=True)
class _Head:
    title: str | None = None
    title_location: _Line | None = None
    found_id: FoundId | None = None
    id_line: _Line | None = None
    dateline: _Dateline | None = None
    category: str | None = None
    category_line: _Line | None = None
    title_block: int | None = None
    meta_blocks: frozenset[int] = frozenset()
    #: The site a saved web page's title names after its last ``|`` (its publisher).
    site: str | None = None


@cache
def _territories() -> frozenset[str]:
    from babel import Locale  # Babel costs ~20 ms: load on use

    return frozenset(name.casefold() for name in Locale("en").territories.values())


def _place_before(prefix: str) -> tuple[str, int] | None:
    """The place printed at the end of ``prefix`` (the text before a date), and its index."""
    trimmed = prefix.rstrip(" \t\u00a0,–—-:(")
    article = _DATELINE_ARTICLE.search(trimmed)
    if article:  # "Bruxelles, le 3 décembre", "Berlin, den 3. Dezember"
        trimmed = trimmed[: article.start()].rstrip(" \t\u00a0,")
        prefix = trimmed + ","
    if not trimmed or trimmed.split()[-1][:1].islower():
        return None
    tokens = list(re.finditer(r"\S+", trimmed))
    for size in range(1, min(4, len(tokens)) + 1):
        start = tokens[-size].start()
        candidate = trimmed[start:].strip("(),")
        if not candidate[:1].isupper():
            continue
        if zone_for_place(candidate):
            head = re.split(r",|\s[-–]\s|-(?=[A-Z])", candidate, maxsplit=1)[0].strip()
            name = head if zone_for_place(head) else candidate
            return name, start
    # An unknown place: the whole prefix is one to three capitalised words and a comma.
    if prefix.rstrip(" \t\u00a0").endswith(","):
        words = trimmed.split()
        if (
            1 <= len(words) <= 3
            and all(w[:1].isupper() for w in words)
            and trimmed == prefix[: len(trimmed)].lstrip()
        ):
            return trimmed, len(prefix) - len(prefix.lstrip())
    return None


def _trailing_id(
    blocks: Sequence[_Block], *, limits: Limits, source: str | None
) -> tuple[_Block, FoundId] | None:
    """A recognisable ID alone (or labelled) on one of the last lines ("IP/20/2263")."""
    for index in range(len(blocks) - 1, max(2, len(blocks) - 6) - 1, -1):
        block = blocks[index]
        if len(block.lines) != 1:
            continue
        found = find_id(block.first.text, limits=limits, source=source)
        if found is not None and found.issuer is not None:
            return block, found
    return None


def _find_head(
    blocks: Sequence[_Block],
    *,
    issuer: str | None,
    language: str | None,
    limits: Limits,
    source: str | None,
    tail_id: FoundId | None = None,
) -> tuple[_Head, list[Notice]]:
    notices: list[Notice] = []
    head_end = 0
    for index, block in enumerate(blocks[:HEAD_BLOCKS]):
        if _is_prose(block.joined):
            break
        head_end = index + 1
    if head_end == 0 and blocks:
        head_end = 1 if not _is_prose(blocks[0].joined) else 0

    found_id: FoundId | None = None
    id_line: _Line | None = None
    id_block: int | None = None
    for index in range(head_end):
        for line in blocks[index].lines:
            candidate = find_id(line.text, issuer=issuer, limits=limits, source=source)
            if candidate is not None:
                found_id, id_line, id_block = candidate, line, index
                break
        if found_id is not None:
            break

    # An ID printed at the end (Commission, Parliament) still tells the issuer and its date.
    known_id = found_id or tail_id
    id_issuer = (known_id.issuer if known_id else None) or issuer
    profile: Issuer | None = get_issuer(id_issuer) if id_issuer else None
    id_date = profile.id_date(known_id.value) if profile and known_id else None
    order = profile.date_order if profile else None

    dateline: _Dateline | None = None
    dateline_block: int | None = None
    # Every dated line of the head, scored: a place before the date (3), a line that
    # is little more than the date and the ID (2), a date inside other words (1).
    candidates: list[tuple[int, int, _Line, FoundDate, tuple[str, int] | None, list[Notice]]] = []
    unread: list[Notice] = []
    for index in range(head_end):
        if len(blocks[index].joined) > 300:
            continue  # running text, not a dateline
        for line in blocks[index].lines:
            scan = find_dates(
                line.text,
                language=language,
                date_order=order,
                id_date=id_date,
                source=source,
                line=line.number,
                column=line.column,
            )
            first = scan.first
            if first is None:
                unread.extend(scan.notices)
                continue
            prefix = line.text[: first.start]
            if _CAPTURE_STAMP.search(prefix):
                continue
            place = _place_before(prefix)
            rest = line.text[: first.start] + " " + line.text[first.end :]
            if found_id is not None and line is id_line:
                rest = rest.replace(found_id.value, " ")
            words = [w for w in _LETTER_WORD.findall(rest) if w.upper() not in _ID_LABEL_WORDS]
            score = 3 if place else 2 if len(words) <= 3 else 1
            candidates.append((score, index, line, first, place, list(scan.notices)))
    if candidates:
        best = max(candidates, key=lambda c: (c[0], -c[1]))
        score, dateline_block, line, first, place, found_notices = best
        notices.extend(found_notices)
        place_line = line
        if place is None:
            # Another line with the same date may print the place (a heading
            # "... - PERTH - 20 APRIL 1979" beside a "63/79 20 April 1979" line).
            for other in candidates:
                if other[4] is not None and other[3].day == first.day:
                    place, place_line = other[4], other[2]
                    break
        dateline = _Dateline(
            found=first,
            line=line,
            place=place[0] if place else None,
            place_line=place_line.number if place else None,
            place_column=place_line.column + place[1] if place else None,
        )
    else:
        notices.extend(unread[:1])

    meta = {i for i in (id_block, dateline_block) if i is not None}
    # Blocks that only hold meta lines (ID, date) are meta too, for the title choice.
    first_meta = min(meta) if meta else None
    last_meta = max(meta) if meta else None

    category: str | None = None
    category_line: _Line | None = None
    if last_meta is not None:
        meta_lines = {id(x) for x in (id_line, dateline.line if dateline else None) if x}
        # A short line right after the last meta line, in the same block or the next.
        following: list[tuple[int, _Line]] = []
        block = blocks[last_meta]
        after = False
        for line in block.lines:
            if id(line) in meta_lines:
                after = True
                continue
            if after:
                following.append((last_meta, line))
        if not following and last_meta + 1 < head_end:
            # In a block of its own, only an "Issuer - Category" line is a category.
            following = [
                (last_meta + 1, line)
                for line in blocks[last_meta + 1].lines[:1]
                if len(blocks[last_meta + 1].lines) == 1 and _CATEGORY_SPLIT.search(line.text)
            ]
        if following:
            index, line = following[0]
            if _is_category(line.text):
                parts = _CATEGORY_SPLIT.split(line.text)
                category = _collapse(parts[-1])
                category_line = line
                meta.add(index)
                last_meta = max(last_meta, index)

    title: str | None = None
    title_line: _Line | None = None
    site: str | None = None
    title_block: int | None = None
    before = [
        i
        for i in range(first_meta if first_meta is not None else head_end)
        if i not in meta and not _is_noise(blocks[i].joined)
    ]
    # A kicker such as "European Commission - Press release" above the title is its category.
    for i in list(before):
        text = blocks[i].joined
        if len(blocks[i].lines) == 1 and _CATEGORY_SPLIT.search(text) and _is_category(text):
            before.remove(i)
            meta.add(i)
            if category is None:
                category = _collapse(_CATEGORY_SPLIT.split(text)[-1])
                category_line = blocks[i].first
    after_meta = [
        i
        for i in range((last_meta + 1) if last_meta is not None else head_end, len(blocks))
        if not _is_noise(blocks[i].joined)
    ][:1]
    if after_meta and _is_prose(blocks[after_meta[0]].joined):
        after_meta = []
    substantial_before = [i for i in before if len(blocks[i].joined.split()) >= 4]
    if first_meta is None:
        chosen = before[0] if before else None
    elif id_issuer == "un" and after_meta:
        chosen = after_meta[0]
    elif substantial_before:
        chosen = substantial_before[0]
    elif before:
        chosen = before[0]
    else:
        chosen = after_meta[0] if after_meta else None
    if chosen is not None:
        title_block = chosen
        title_line = blocks[chosen].first
        collapsed = _collapse(blocks[chosen].joined)
        title = _SITE_SUFFIX.sub("", collapsed)
        if title != collapsed:  # "Title | News | European Parliament": the site is last
            site = collapsed.rsplit("|", 1)[1].strip() or None

    return (
        _Head(
            title=title,
            title_location=title_line,
            found_id=found_id,
            id_line=id_line,
            dateline=dateline,
            category=category,
            category_line=category_line,
            title_block=title_block,
            meta_blocks=frozenset(meta),
            site=site,
        ),
        notices,
    )


def _is_category(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= 6
        and len(text) <= 60
        and not any(ch.isdigit() for ch in text)
        and not _SENTENCE_END.search(text)
        and text[:1].isupper()
        and not zone_for_place(text)
    )


def _split_leading_title(blocks: list[_Block]) -> list[_Block]:
    """Split a first line that is a heading from the prose it runs into (no blank line between)."""
    if not blocks or len(blocks[0].lines) < 2:
        return blocks
    first, rest = blocks[0].lines[0], blocks[0].lines[1:]
    if (
        _is_prose(blocks[0].joined)
        and not _is_prose(first.text)
        and not _SENTENCE_END.search(first.text)
        and first.text[-1:] not in ",;–—-"
        and not first.text.split()[-1].islower()
        and rest[0].text[:1].isupper()
        and len(first.text) < 200
    ):
        return [_Block(lines=(first,)), _Block(lines=rest), *blocks[1:]]
    return blocks


def _rejoin_ocr(blocks: list[_Block]) -> list[_Block]:
    """Join blocks a scan split at every line (see the module docstring)."""
    if len(blocks) < 6 or sum(len(b.lines) == 1 for b in blocks) < 0.6 * len(blocks):
        return blocks
    merged: list[_Block] = []
    for block in blocks:
        if merged:
            previous = merged[-1]
            last = previous.lines[-1].text
            first = block.first.text
            if not _SENTENCE_END.search(last) and first[:1].islower():
                merged[-1] = _Block(lines=previous.lines + block.lines)
                continue
        merged.append(block)
    return merged


def _markdown_paragraphs(block: _Block) -> list[tuple[ParagraphKind, list[_Line]]]:
    """Split a Markdown block into headings, quotes, list items and paragraphs."""
    parts: list[tuple[ParagraphKind, list[_Line]]] = []
    lines = list(block.lines)
    if len(lines) == 2 and _MD_SETEXT.match(lines[1].text):
        return [(ParagraphKind.HEADING, [lines[0]])]
    for line in lines:
        text = line.text
        if _MD_RULE.match(text):
            continue
        heading = _MD_HEADING.match(text)
        if heading:
            column = line.column + heading.start(2)
            parts.append(
                (
                    ParagraphKind.HEADING,
                    [_Line(number=line.number, column=column, text=heading.group(2))],
                )
            )
            continue
        item = _MD_ITEM.match(text)
        if item:
            column = line.column + item.end()
            parts.append(
                (
                    ParagraphKind.LIST_ITEM,
                    [_Line(number=line.number, column=column, text=text[item.end() :])],
                )
            )
            continue
        quote = _MD_QUOTE.match(text)
        if quote:
            rest = _Line(
                number=line.number, column=line.column + quote.end(), text=text[quote.end() :]
            )
            if parts and parts[-1][0] is ParagraphKind.QUOTE:
                parts[-1][1].append(rest)
            else:
                parts.append((ParagraphKind.QUOTE, [rest]))
            continue
        if parts and parts[-1][0] is not ParagraphKind.HEADING:
            parts[-1][1].append(line)
        else:
            parts.append((ParagraphKind.PARAGRAPH, [line]))
    return parts


def _join_markdown(lines: Sequence[_Line]) -> str:
    return " ".join(_HARD_BREAK.sub("", line.text).strip() for line in lines)


@attrs.frozen(kw_only=True)
class _Built:
    body: tuple[Paragraph, ...]
    notices: tuple[Notice, ...]


def _paragraph(
    text: str,
    *,
    kind: ParagraphKind,
    links: Sequence[Link],
    location: Location,
    limits: Limits,
    path: str,
) -> Paragraph:
    if len(text) > limits.max_field_chars:
        raise LimitExceededError(
            f"paragraph is {len(text)} characters, more than max_field_chars="
            f"{limits.max_field_chars}; raise the limit if the input is genuine",
            source=location.source,
            line=location.line,
            column=location.column,
            path=path,
        )
    marks = mark_external_links(text)
    all_links = sorted([*links, *marks], key=lambda link: link.start or 0)
    located = tuple(attrs.evolve(link, location=location) for link in all_links)
    return Paragraph(text=text, kind=kind, links=located, location=location)


def _translations(block: _Block) -> tuple[Translation, ...]:
    text = _LANGUAGES_LINE.sub("", block.joined)
    languages: list[str] = []
    for token in re.split(r"[,;|/\s]+", text):
        key = token.strip().casefold()
        if not key:
            continue
        # Language names (CLDR, 27 locales) load only when a name, not a code, is listed.
        code = (
            key
            if re.fullmatch(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*", key)
            else _language_names().get(key)
        )
        if code and code not in languages:
            languages.append(code)
    return tuple(Translation(language=code) for code in languages)


@cache
def _language_names() -> Mapping[str, str]:
    from babel import Locale

    from pressrelease.extract.dates import LANGUAGES

    names: dict[str, str] = {}
    for code in LANGUAGES:
        for locale in ("en", code):
            name = Locale(locale).languages.get(code)
            if name:
                names.setdefault(name.casefold(), code)
    return names


def _front_value(values: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        if key in values and values[key] not in (None, ""):
            return values[key]
    return None


def _as_date(value: Any) -> date | datetime | None:
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                return None
        if re.fullmatch(
            r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?", text
        ):
            try:
                return datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                return None
    return None


def _creators(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value if isinstance(v, str | int) and str(v).strip())
    return ()


def _resolve_issuer(issuer: str | None) -> str | None:
    if issuer is None:
        return None
    if issuer not in ISSUER_KEYS:
        raise ValidationError(
            f"unknown issuer {issuer!r}; known issuers: {', '.join(ISSUER_KEYS)}",
            path="issuer",
        )
    return issuer


def _parse(
    text: str,
    *,
    markdown: bool,
    source: str | None,
    issuer: str | None,
    limits: Limits,
) -> PressRelease:
    if len(text) > limits.max_document_bytes:
        raise LimitExceededError(
            f"document is {len(text)} characters, more than max_document_bytes="
            f"{limits.max_document_bytes}; raise the limit if the input is genuine",
            source=source,
        )
    text = normalise_newlines(text).lstrip("\ufeff")
    issuer = _resolve_issuer(issuer)
    if not text.strip().strip("\ufeff\u200b\u2060"):
        raise ParseError(
            "the document is empty (nothing but white space); there is no press release to read",
            source=source,
            line=1,
            column=1,
        )
    notices: list[Notice] = []
    locations: dict[str, Location] = {}

    def at(line: int | None, column: int | None = None) -> Location:
        return Location(source=source, line=line, column=column)

    front: FrontMatter = split_front_matter(text, source=source)
    values = front.values
    source_url = _front_value(values, "source_url", "url", "link", "canonical_url")
    source_url = str(source_url) if source_url is not None else None
    if source_url is not None:
        url_key = next(k for k in ("source_url", "url", "link", "canonical_url") if k in values)
        locations["$.source_url"] = at(front.key_lines.get(url_key), 1)
        safe = safe_href(source_url)
        if safe is None:
            notices.append(
                Notice(
                    code="PR501",
                    message=f"front-matter {url_key} {source_url[:80]!r} dropped: only http, "
                    "https and mailto links are kept",
                    path="$.source_url",
                    location=locations.pop("$.source_url"),
                )
            )
        source_url = safe
    try:
        host_issuer = issuer_for_host(source_url) if source_url else None
    except ValueError:  # urlsplit refuses malformed URLs ("https://]]>host/")
        host_issuer = None
    hint = issuer or (host_issuer.key if host_issuer else None)

    blocks = _blocks(front.body, front.body_line)
    if not markdown:
        blocks = _split_leading_title(_rejoin_ocr(blocks))

    # The trailing "Languages:" block is not body.
    translations: tuple[Translation, ...] = ()
    if blocks and _LANGUAGES_LINE.match(blocks[-1].first.text):
        translations = _translations(blocks[-1])
        locations["$.translations"] = at(blocks[-1].first.number, blocks[-1].first.column)
        blocks = blocks[:-1]

    front_language = _front_value(values, "language", "lang")
    sample = "\n".join(block.joined for block in blocks[:60])
    language = str(front_language) if front_language else detect_language(sample)

    tail = _trailing_id(blocks, limits=limits, source=source)
    head, head_notices = _find_head(
        blocks,
        issuer=hint,
        language=language,
        limits=limits,
        source=source,
        tail_id=tail[1] if tail else None,
    )
    notices.extend(head_notices)

    # Title.
    front_title = values.get("title") if "title" in values else None
    if "title" in values and not isinstance(front_title, str | None):
        raise ParseError(
            f"front-matter title must be text (got {type(front_title).__name__}: "
            f"{str(front_title)[:60]!r}); quote it",
            source=source,
            line=front.key_lines.get("title"),
            column=1,
            path="$.title",
        )
    if "title" in values and front_title is None:
        front_title = ""  # "title: null" says there is none; none is invented from the body
    title = ""
    if front_title is not None:
        title = _collapse(str(front_title))
        locations["$.title"] = at(front.key_lines.get("title"), 1)
    elif head.title is not None and head.title_location is not None:
        title = head.title
        if markdown:
            title, _, _ = strip_markdown(title.lstrip("# "))
            title = _collapse(title)
        locations["$.title"] = at(head.title_location.number, head.title_location.column)
    if len(title) > limits.max_field_chars:
        raise LimitExceededError(
            f"title is {len(title)} characters, more than max_field_chars={limits.max_field_chars}",
            source=source,
            path="$.title",
        )
    if markdown and front_title is None and blocks:
        heading = _MD_HEADING.match(blocks[0].first.text)
        if heading:
            title = _collapse(strip_markdown(heading.group(2))[0])
            locations["$.title"] = at(blocks[0].first.number, blocks[0].first.column)

    # ID and issuer.
    unique_id = _front_value(values, "unique_id", "id", "reference")
    found_issuer = hint
    if unique_id is not None:
        unique_id = str(unique_id).strip()
        if len(unique_id) > limits.max_id_length:
            raise LimitExceededError(
                f"unique ID is {len(unique_id)} characters, more than max_id_length="
                f"{limits.max_id_length} (starts {unique_id[:20]!r}); raise the limit if it is "
                "genuine",
                source=source,
                line=front.key_lines.get("unique_id") or front.key_lines.get("id"),
                path="$.unique_id",
            )
        id_key = next(k for k in ("unique_id", "id", "reference") if k in values)
        locations["$.unique_id"] = at(front.key_lines.get(id_key), 1)
        from pressrelease.extract.ids import issuer_of

        matched = issuer_of(unique_id, preferred=hint)
        found_issuer = matched.key if matched else hint
    elif head.found_id is not None and head.id_line is not None:
        unique_id = head.found_id.value
        locations["$.unique_id"] = at(
            head.id_line.number, head.id_line.column + head.found_id.start
        )
        found_issuer = head.found_id.issuer or hint
        if not head.found_id.conforms and found_issuer:
            notices.append(
                Notice(
                    code="PR102",
                    message=f"ID {unique_id!r} is not of any form of issuer {found_issuer!r}",
                    path="$.unique_id",
                    location=locations["$.unique_id"],
                )
            )

    # Place.
    place: str | None = _collapse(str(values["place"])) if values.get("place") else None
    if place is not None:
        locations["$.place"] = at(front.key_lines.get("place"), 1)
    elif head.dateline is not None and head.dateline.place:
        place = head.dateline.place
        locations["$.place"] = at(head.dateline.place_line, head.dateline.place_column)

    used = set(head.meta_blocks)
    if head.title_block is not None and (
        front_title is None or _same_words(str(front_title), head.title or "")
    ):
        used.add(head.title_block)
    body_from = max(used) + 1 if used else 0
    body_blocks = blocks[body_from:]
    if unique_id is None and tail is not None and tail[0] in body_blocks:
        tail_block, trailing = tail
        unique_id = trailing.value
        found_issuer = trailing.issuer or found_issuer
        locations["$.unique_id"] = at(
            tail_block.first.number, tail_block.first.column + trailing.start
        )
        body_blocks = [block for block in body_blocks if block is not tail_block]
    if place is None:
        found_place = _opening_or_closing_place(body_blocks)
        if found_place is not None:
            place, line, column = found_place
            locations["$.place"] = at(line, column)

    # Date and time.
    published: date | datetime | None = None
    body_date = head.dateline.found if head.dateline else None
    if body_date is not None and head.dateline is not None:
        locations["$.published"] = at(
            head.dateline.line.number, head.dateline.line.column + body_date.start
        )
    front_published = _as_date(_front_value(values, "published_time", "published", "datetime"))
    front_date = _as_date(_front_value(values, "date"))
    for key in ("published_time", "published", "datetime", "date"):
        if values.get(key) not in (None, "") and _as_date(values[key]) is None:
            shaped = isinstance(values[key], str) and re.match(r"\d{4}-\d{2}-\d{2}", values[key])
            notices.append(
                Notice(
                    code="PR202" if shaped else "PR605",
                    message=f"front-matter {key} {values[key]!r} is not a real ISO date or "
                    "date-time (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS+HH:MM); ignored",
                    path="$.published",
                    location=at(front.key_lines.get(key), 1),
                )
            )
    chosen_front: date | datetime | None = (
        front_published if isinstance(front_published, datetime) else front_date
    )
    if chosen_front is not None:
        key = "published_time" if chosen_front is front_published else "date"
        published = _aware_or_date(
            chosen_front, place=place, source=source, notices=notices, line=front.key_lines.get(key)
        )
        locations["$.published"] = at(front.key_lines.get(key), 1)
        if body_date is not None and head.dateline is not None:
            front_day = chosen_front.date() if isinstance(chosen_front, datetime) else chosen_front
            if front_day != body_date.day:
                notices.append(
                    Notice(
                        code="PR603",
                        message=f"front matter says {key} {front_day.isoformat()} but the text "
                        f"says {body_date.text!r} ({body_date.day.isoformat()}); the front "
                        "matter was used",
                        path="$.published",
                        location=at(head.dateline.line.number, head.dateline.line.column),
                    )
                )
    elif body_date is not None:
        published = _from_found(
            body_date, place=place, notices=notices, location=locations["$.published"]
        )

    # Category.
    category: str | None = None
    front_category = _front_value(values, "category")
    if isinstance(front_category, str):
        category = _collapse(front_category)
        locations["$.category"] = at(front.key_lines.get("category"), 1)
    elif head.category is not None and head.category_line is not None:
        category = head.category
        locations["$.category"] = at(head.category_line.number, head.category_line.column)

    # Body.
    body: list[Paragraph] = []
    for block in body_blocks:
        if markdown:
            for kind, lines in _markdown_paragraphs(block):
                raw = _join_markdown(lines)
                if _ACTIVE_HTML.search(raw):
                    raw = _ACTIVE_HTML.sub(" ", raw)
                    notices.append(
                        Notice(
                            code="PR602",
                            message="script, style, iframe or other active HTML dropped "
                            "from the Markdown",
                            path=f"$.body[{len(body)}]",
                            location=at(lines[0].number, lines[0].column),
                        )
                    )
                plain, links, dropped = strip_markdown(raw, base=source_url)
                plain = _collapse(plain)
                if not plain:
                    continue
                location = at(lines[0].number, lines[0].column)
                for href in dropped:
                    notices.append(
                        Notice(
                            code="PR501",
                            message=f"link to {href[:80]!r} dropped: only http, https and "
                            "mailto links are kept",
                            path=f"$.body[{len(body)}]",
                            location=location,
                        )
                    )
                body.append(
                    _paragraph(
                        plain,
                        kind=kind,
                        links=_relocate(plain, links),
                        location=location,
                        limits=limits,
                        path=f"$.body[{len(body)}]",
                    )
                )
        else:
            location = at(block.first.number, block.first.column)
            body.append(
                _paragraph(
                    block.joined,
                    kind=ParagraphKind.PARAGRAPH,
                    links=(),
                    location=location,
                    limits=limits,
                    path=f"$.body[{len(body)}]",
                )
            )
    for index, paragraph in enumerate(body):
        if paragraph.location is not None:
            locations[f"$.body[{index}]"] = paragraph.location

    creators = _creators(values.get("creators"))
    if not creators and head.site and people.names_organisation(head.site):
        creators = (head.site,)
    # The head's own lines (a "JOINT STATEMENT BY ..." banner) and then the body, each
    # block with its lines as printed: a signature block puts a name, a role and an
    # organisation on lines of their own, or two signatories in columns.
    source_lines = front.body.split("\n")
    party_lines = _PartyLines(source_lines, front.body_line, source)
    for index, block in enumerate(blocks[:body_from]):
        if index not in used:
            party_lines.add(block.lines, markdown=markdown)
    for block in body_blocks:
        if markdown:
            for _, lines in _markdown_paragraphs(block):
                party_lines.add(lines, markdown=True)
        else:
            party_lines.add(block.lines, markdown=False)
    signatories, participants = _parties(
        title=title,
        lines=party_lines,
        language=language,
        creators=creators,
        issuer=found_issuer,
    )

    return PressRelease(
        title=title,
        unique_id=unique_id,
        published=published,
        place=place,
        category=category,
        language=language,
        issuer=found_issuer,
        signatories=signatories,
        participants=participants,
        body=tuple(body),
        translations=translations,
        source_url=source_url,
        locations=locations,
        notices=tuple(notices),
    )


def _same_words(a: str, b: str) -> bool:
    def key(text: str) -> str:
        return "".join(ch for ch in text.casefold() if ch.isalnum())

    left, right = key(a), key(b)
    return bool(left and right) and (left.startswith(right) or right.startswith(left))


def _relocate(plain: str, links: Sequence[Link]) -> list[Link]:
    """Re-find each link in the whitespace-collapsed text (positions moved when runs collapsed)."""
    result: list[Link] = []
    cursor = 0
    for link in links:
        text = _collapse(link.text)
        if not text:
            continue
        index = plain.find(text, cursor)
        if index < 0:
            index = plain.find(text)
        if index < 0:
            continue
        result.append(attrs.evolve(link, text=text, start=index))
        cursor = index + len(text)
    return result


class _PartyLines:
    """Blocks of source lines for the people extractor, and the way back to the source.

    Each line is handed over as printed from its first character on (trailing
    spaces kept: a run of them separates the columns of a signature block), with
    Markdown inline markup removed. The extractor sees every line at a line
    number of its own; :meth:`locate` maps a location it gives back to the line
    and column in the source.
    """

    def __init__(self, source_lines: Sequence[str], first_line: int, source: str | None) -> None:
        self._source_lines = source_lines
        self._first_line = first_line
        self.source = source
        self.blocks: list[people.TextBlock] = []
        # Per extractor line: (source line, column of its first character, and for a
        # Markdown line whose markup was removed, the plain and the raw text: the offsets of
        # one in the other are worked out only for a line a location points into).
        self._lines: list[tuple[int, int, tuple[str, str] | None]] = []

    def add(self, lines: Sequence[_Line], *, markdown: bool) -> None:
        texts: list[str] = []
        for line in lines:
            index = line.number - self._first_line
            raw = (
                self._source_lines[index][line.column - 1 :]
                if 0 <= index < len(self._source_lines)
                else line.text
            )
            pair: tuple[str, str] | None = None
            if markdown:
                if _ACTIVE_HTML.search(raw):
                    raw = _ACTIVE_HTML.sub(" ", raw)
                plain = _plain_markdown(raw)
                if plain != raw:
                    pair = (plain, raw)
                raw = plain
            texts.append(raw.rstrip("\r"))
            self._lines.append((line.number, line.column, pair))
        if any(text.strip() for text in texts):
            # The block's first line is extractor line len(self._lines) - len(lines) + 1.
            self.blocks.append(
                people.TextBlock(text="\n".join(texts), line=len(self._lines) - len(texts) + 1)
            )

    def locate(self, location: Location | None) -> Location | None:
        """The source line and column of a location the extractor gave (title, creators: as is)."""
        if location is None or location.line is None or location.column is None:
            return location
        if not 1 <= location.line <= len(self._lines):
            return location
        number, column, pair = self._lines[location.line - 1]
        offset = location.column - 1
        if pair is not None:
            offset = _aligned(pair[0], pair[1], offset)
        return Location(source=self.source, line=number, column=column + offset)


# Inline markup as the people extractor needs it gone: a link's target, an image's or
# autolink's brackets, HTML tags, emphasis and code marks, escapes, a hard-break "\".
# Only removal: every character left is one of the line's, in order (see _aligned).
_MD_INLINE_NOISE = re.compile(
    r"!?\[(?=[^\]]*\]\([^)]*\))|\]\([^)]*\)|<[A-Za-z/!][^>]*>|(?<!\w)[*_]+|[*_]+(?!\w)|`+|"
    r"\\(?=[^\w\s])|\\$"
)


def _plain_markdown(line: str) -> str:
    """``**Dr** [Ann Lee](https://x.org)`` -> ``Dr Ann Lee`` (markup removed, nothing added).

    >>> _plain_markdown("**Dr** [Ann Lee](https://x.org), *President*")
    'Dr Ann Lee, President'
    """
    return _MD_INLINE_NOISE.sub("", line)


def _aligned(plain: str, raw: str, offset: int) -> int:
    """Where character ``offset`` of ``plain`` (``raw`` without its markup) stands in ``raw``.

    Markup only removes characters (and decodes a few entities), so the
    characters of the plain text are found in order in the raw text; one that
    is not (an entity's value) takes the position after the previous one.

    >>> _aligned("Dr Ann Lee", "**Dr** [Ann Lee](https://x.org)", 3)
    8
    """
    position = 0
    found = 0
    for char in plain[: offset + 1]:
        found = raw.find(char, position, position + 200)
        if found < 0:
            found = min(position, max(len(raw) - 1, 0))
            continue
        position = found + 1
    return found


def _parties(
    *,
    title: str,
    lines: _PartyLines,
    language: str | None,
    creators: Sequence[str],
    issuer: str | None,
) -> tuple[tuple[Signatory, ...], tuple[Signatory, ...]]:
    """Signatories and participants, found by :mod:`pressrelease.extract.people`."""
    parties = people.extract_parties(
        title=title,
        blocks=lines.blocks,
        language=language,
        source=lines.source,
        creators=creators,
        issuer=issuer,
    )
    return (
        tuple(attrs.evolve(s, location=lines.locate(s.location)) for s in parties.signatories),
        tuple(attrs.evolve(p, location=lines.locate(p.location)) for p in parties.participants),
    )


def _from_found(
    found: FoundDate, *, place: str | None, notices: list[Notice], location: Location
) -> date | datetime:
    if found.time is None:
        return found.day
    zone = zone_for_place(place) if place else None
    if found.offset is None and zone is None:
        notices.append(
            Notice(
                code="PR203",
                message=f"time {found.time.strftime('%H:%M')} is printed without a zone and no "
                "known dateline place gives one; the date alone was kept",
                path="$.published",
                location=location,
            )
        )
        return found.day
    return at_place(found.day, found.time, zone=zone, offset=found.offset)


def _aware_or_date(
    value: date | datetime,
    *,
    place: str | None,
    source: str | None,
    notices: list[Notice],
    line: int | None,
) -> date | datetime:
    if not isinstance(value, datetime):
        return value
    if value.tzinfo is not None and value.utcoffset() is not None:
        return value
    zone = zone_for_place(place) if place else None
    if zone is None:
        notices.append(
            Notice(
                code="PR203",
                message=f"front-matter time {value.isoformat()} has no offset and no known "
                "dateline place gives one; the date alone was kept",
                path="$.published",
                location=Location(source=source, line=line, column=1),
            )
        )
        return value.date()
    return at_place(value.date(), value.time(), zone=zone)


def _closing_place(prefix: str) -> str | None:
    """The place of a closing dateline's text before its date, if it is one."""
    if not prefix:
        return None
    head = prefix.split(",")[0].strip(" .")
    if zone_for_place(head) and len(head.split()) <= 3:
        return head
    if len(prefix.split()) <= 3 and prefix.isupper() and len(prefix) >= 3:
        return prefix.rstrip(",. ")
    return None


def _opening_or_closing_place(blocks: Sequence[_Block]) -> tuple[str, int, int] | None:
    """A place from an opening wire dateline, a ``City, Country`` line or a closing dateline."""
    if blocks:
        first = blocks[0]
        opening = _OPENING_DATELINE.match(first.first.text)
        if opening:
            name = opening.group("place").strip()
            if zone_for_place(name) or (name.isupper() and len(name) >= 3):
                return name, first.first.number, first.first.column
        if len(first.lines) == 1 and "," in first.first.text and len(first.first.text) <= 60:
            city, _, rest = first.first.text.partition(",")
            rest = rest.strip().rstrip(".")
            if (
                city[:1].isupper()
                and (rest.casefold() in _territories() or zone_for_place(city.strip()))
                and not any(ch.isdigit() for ch in first.first.text)
            ):
                return city.strip(), first.first.number, first.first.column
    # Closing datelines (a line holding only a place and a date), searched from the end.
    lines = [line for block in blocks for line in block.lines]
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if len(line.text) > 80:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        scan = find_dates(line.text)
        first_date = scan.first
        if first_date is not None:
            prefix = line.text[: first_date.start].strip(" ,")
            after = line.text[first_date.end :].strip(" .")
            name = _closing_place(prefix)
            if name and not after:
                return name, line.number, line.column
            continue
        if following is None or len(following.text) > 40:
            continue
        next_date = find_dates(following.text).first
        if next_date is None or next_date.text.strip() != following.text.strip(" ."):
            continue
        # "CANBERRA" / "27 May 1981", or "Jakarta 13 August" / "13 August 2001".
        words = line.text.split()
        for size in range(min(3, len(words)), 0, -1):
            name = " ".join(words[:size]).strip(" ,.")
            rest = " ".join(words[size:])
            if (
                zone_for_place(name)
                and (not rest or any(ch.isdigit() for ch in rest))
                and len(words) - size <= 3
            ):
                return name, line.number, line.column
    return None


def parse_text(
    text: str,
    *,
    source: str | None = None,
    issuer: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> PressRelease:
    """Read a plain-text press release (front matter allowed) into a record.

    Args:
        text: the decoded text.
        source: the input's name, for locations and errors.
        issuer: an issuer key (``eeas``, ``ec``, ``un``...) when known; it
            decides how numeric dates are ordered and which ID forms come first.
        limits: size limits.

    Raises:
        ParseError: malformed front matter.
        UnsafeInputError: front matter with anchors, aliases or tags.
        LimitExceededError: a document, field or ID over ``limits``.
        ValidationError: an unknown ``issuer`` key.

    >>> pr = parse_text("Title\\n\\nBrussels, 03/12/2020 - 16:53, UNIQUE ID: 201203_6\\n"
    ...                 "Joint Press Releases\\n\\nThe text.")
    >>> pr.unique_id, pr.published.isoformat(), pr.place, pr.category, pr.issuer
    ('201203_6', '2020-12-03T16:53:00+01:00', 'Brussels', 'Joint Press Releases', 'eeas')
    >>> pr.location_of("$.unique_id").line, pr.location_of("$.unique_id").column
    (3, 42)
    """
    return _parse(text, markdown=False, source=source, issuer=issuer, limits=limits)


def parse_markdown(
    text: str,
    *,
    source: str | None = None,
    issuer: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> PressRelease:
    """Read a Markdown press release (YAML front matter allowed) into a record.

    Markdown markup is removed from the text; inline links become
    :class:`~pressrelease.model.Link` records placed in their paragraph.
    Arguments and errors as for :func:`parse_text`.

    >>> pr = parse_markdown('---\\ntitle: "A\\\\_title"\\npublished_time: 2021-10-31 09:17:27-04:00\\n---\\n'
    ...                     'WASHINGTON – See [the **text**](https://x.gov/t)\\\\.')
    >>> pr.title, pr.published.isoformat(), pr.place
    ('A title', '2021-10-31T09:17:27-04:00', 'WASHINGTON')
    >>> pr.body[0].text, pr.body[0].links[0].text, pr.body[0].links[0].start
    ('WASHINGTON – See the text.', 'the text', 17)
    """
    return _parse(text, markdown=True, source=source, issuer=issuer, limits=limits)


def _read(
    data: bytes | IO[bytes], *, markdown: bool, source: str | None, limits: Limits
) -> Iterator[PressRelease]:
    raw = data if isinstance(data, bytes) else data.read(limits.max_document_bytes + 1)
    limits.check_size(len(raw), source=source)
    decoded = decode(raw, kind="text", source=source)
    record = _parse(decoded.text, markdown=markdown, source=source, issuer=None, limits=limits)
    if decoded.notices:
        record = attrs.evolve(record, notices=(*decoded.notices, *record.notices))
    yield record


def read_text(
    data: bytes | IO[bytes], *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[PressRelease]:
    """Registry reader for ``text``: decode the bytes (see :mod:`pressrelease.decode`), yield one record."""
    return _read(data, markdown=False, source=source, limits=limits)


def read_markdown(
    data: bytes | IO[bytes], *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[PressRelease]:
    """Registry reader for ``markdown``: decode the bytes, yield one record."""
    return _read(data, markdown=True, source=source, limits=limits)
