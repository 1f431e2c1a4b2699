"""Read corpus documents into (title, blocks, creators, issuer) for the people extractor tests.

A deliberately small reader: front matter split off by ``---`` lines, blocks
split on blank lines, HTML visible paragraph text from lxml. The real readers
live in ``pressrelease.readers``; this one only feeds the scorer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import lxml.html
import yaml

from pressrelease.extract.people import TextBlock

# Issuer key by corpus folder (what a reader would find from the ID or the host).
ISSUER_BY_FOLDER = {
    "seed": "eeas",
    "eeas": "eeas",
    "ec-presscorner": "ec",
    "europarl-press-html": "europarl",
    "un-press-html": "un",
    "un-press-text": "un",
    "whitehouse-joint-statements-md": "whitehouse",
    "trove-au-parliament-pressreleases-text": "au-parliament",
}


@attrs.frozen(kw_only=True)
class Document:
    path: str
    title: str
    blocks: tuple[TextBlock, ...]
    creators: tuple[str, ...]
    issuer: str | None
    language: str
    labels: tuple[dict[str, str | None], ...]


def split_blocks(text: str, first_line: int = 1) -> list[TextBlock]:
    """Blocks separated by blank lines, each with the line and column where it starts."""
    blocks = []
    lines = text.split("\n")
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines):
        if line.strip():
            if not current:
                start = number
            current.append(line)
            continue
        if current:
            blocks.append(_block(current, first_line + start))
            current = []
    if current:
        blocks.append(_block(current, first_line + start))
    return blocks


def _block(lines: list[str], line: int) -> TextBlock:
    indent = len(lines[0]) - len(lines[0].lstrip())
    text = "\n".join(lines)[indent:].rstrip()
    # Markdown escapes and emphasis marks are not text.
    return TextBlock(text=text, line=line, column=indent + 1)


def _front_matter(text: str) -> tuple[dict[str, object], str, int]:
    if not text.startswith("---\n"):
        return {}, text, 1
    end = text.index("\n---\n", 4)
    meta = yaml.safe_load(text[4:end]) or {}
    body_start = end + len("\n---\n")
    return meta, text[body_start:], text[:body_start].count("\n") + 1


def read_document(corpus: Path, label: dict[str, object]) -> Document:
    path = corpus / str(label["file"])
    folder = str(label["file"]).split("/")[0]
    raw = path.read_bytes()
    creators: tuple[str, ...] = ()
    if path.suffix == ".html":
        tree = lxml.html.fromstring(raw)
        for bad in tree.xpath("//script|//style|//noscript|//template"):
            bad.drop_tree()
        blocks = []
        for element in tree.iter("p", "h2", "h3", "li"):
            text = " ".join(element.text_content().split())
            if text:
                blocks.append(TextBlock(text=text, line=element.sourceline or 1))
        title = str(label["title"])
    else:
        text = raw.decode("utf-8")
        meta, body, first = _front_matter(text)
        creators = tuple(str(c) for c in (meta.get("creators") or []))  # type: ignore[attr-defined]
        title = str(meta.get("title") or label["title"] or "")
        blocks = split_blocks(body, first)
        if not meta:  # plain text: the first block is the title
            title = str(label["title"] or blocks[0].text)
    return Document(
        path=str(label["file"]),
        title=title,
        blocks=tuple(blocks),
        creators=creators,
        issuer=ISSUER_BY_FOLDER.get(folder),
        language=str(label.get("language") or "en"),
        labels=tuple(label["signatories"]),  # type: ignore[arg-type]
    )


def labelled_documents(corpus: Path) -> Iterator[Document]:
    """Every single-document text, Markdown or HTML file whose labels name signatories."""
    for line in (corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        if label["item"] is not None or not label.get("signatories"):
            continue
        if label["format"] not in {"text", "markdown", "html"}:
            continue
        yield read_document(corpus, label)


def norm(value: str | None) -> str:
    return re.sub(r"\s+", " ", value or "").strip().casefold()
