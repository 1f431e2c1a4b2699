"""Tests for pressrelease.readers.sniff: the format decision and parse() dispatch."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from pressrelease import parse, to_json, to_xml
from pressrelease.errors import DecodeError, LimitExceededError, ParseError
from pressrelease.limits import Limits
from pressrelease.readers.sniff import sniff
from tests.seed import seed_record


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"title": "x"}', "json"),
        (b'  \n[ {"title": "x"} ]', "json"),
        (b"[]", "json"),
        (b"[the report](https://x.eu) says", "markdown"),
        (b"<?xml version='1.0'?><press_release/>", "xml"),
        (b"<press_release xmlns='urn:pressrelease:1'/>", "xml"),
        (b"<?xml version='1.0'?><rss version='2.0'/>", "rss"),
        (b"<rdf:RDF xmlns:rdf='x'/>", "rss"),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'/>", "atom"),
        (b"<!DOCTYPE html><html><title>x</title>", "html"),
        (b"<!-- saved page --><html>", "html"),
        (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'/>", "html"),
        (b"<meta charset='utf-8'><p>x", "html"),
        (b"<div>x</div>", "html"),
        (b"# Title\n\nText", "markdown"),
        (b"---\ntitle: x\n---\nText with **bold**.", "markdown"),
        (b"---\ntitle: x\n---\nPlain text.", "text"),
        (b"Brussels, 3 December 2020\n\n1. The Council met.", "text"),
        (b"", "text"),
        (codecs.BOM_UTF16_LE + "<html>".encode("utf-16-le"), "html"),
        (codecs.BOM_UTF8 + b'{"a": 1}', "json"),
    ],
)
def test_sniff(data: bytes, expected: str) -> None:
    assert sniff(data) == expected


def test_sniff_corpus(corpus: Path) -> None:
    expected = {
        "seed": "text",
        "un-press-text": "text",
        "trove-au-parliament-pressreleases-text": "text",
        "govuk-json": "json",
        "swiss-nsb-xml": "xml",
        "feeds": "rss",
        "un-press-html": "html",
        "ec-presscorner": "html",
        "eeas": "html",
    }
    for folder, fmt in expected.items():
        for path in sorted((corpus / folder).iterdir()):
            assert sniff(path.read_bytes()) == fmt, path.name


def test_parse_reads_our_json_and_xml() -> None:
    record = seed_record()
    assert parse(to_json(record).encode()) == record
    assert parse(to_xml(record)) == record


def test_parse_reads_html(corpus: Path) -> None:
    page = corpus / "un-press-html" / "un_press_2023_sgsm21852.html"
    record = parse(page.read_bytes(), source=page.name)
    assert record.unique_id == "SG/SM/21852"


def test_parse_text_and_markdown(corpus: Path) -> None:
    seed = parse((corpus / "seed" / "eeas-201203_6-fr.txt").read_bytes())
    assert seed.unique_id == "201203_6"
    md = (
        corpus
        / "whitehouse-joint-statements-md"
        / "2021-10-31-joint-us-eu-statement-on-trade-in-steel-and-aluminum.md"
    )
    record = parse(md.read_bytes())
    assert record.title == "JOINT US-EU STATEMENT ON TRADE IN STEEL AND ALUMINUM"


def test_format_overrides_sniffing() -> None:
    record = parse(b"# Not a heading in text\n\nBody.", format="text")
    assert record.title == "# Not a heading in text"


def test_feeds_are_refused_with_advice() -> None:
    with pytest.raises(ParseError, match="read_rss"):
        parse(b"<rss version='2.0'><channel/></rss>", source="f.xml")


def test_unknown_format() -> None:
    with pytest.raises(ParseError, match="unknown format 'pdf'"):
        parse(b"x", format="pdf")


def test_text_is_decoded_strictly() -> None:
    with pytest.raises(DecodeError) as info:
        parse(b"Title\n\nCaf\xe9", source="c.txt")
    assert (info.value.source, info.value.line, info.value.column) == ("c.txt", 3, 4)


def test_size_limit_first() -> None:
    with pytest.raises(LimitExceededError):
        parse(b"x" * 20, limits=Limits(max_document_bytes=10))
