"""NewsML-G2: validity against the 2.35 XSD and NITF 3.6, the standard's listings, our mapping."""

from __future__ import annotations

import copy
import io
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pressrelease._xml import load_schema
from pressrelease.errors import EntitiesForbiddenError, ParseError
from pressrelease.feeds import read_feed, sniff_feed
from pressrelease.feeds.newsml import G2_NS, NITF_NS, read_newsml, write_newsml
from pressrelease.model import Link, Paragraph, ParagraphKind, PressRelease, Signatory, Translation
from tests.conftest import STANDARDS
from tests.feeds.test_formats import PLAIN, SAMPLE, TZ
from tests.strategies import press_releases

LISTINGS = STANDARDS / "examples" / "newsml-g2"
G2 = f"{{{G2_NS}}}"


@pytest.fixture(scope="module")
def g2_schema() -> etree.XMLSchema:
    return load_schema(STANDARDS / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd")


@pytest.fixture(scope="module")
def nitf_schema() -> etree.XMLSchema:
    return load_schema(STANDARDS / "nitf" / "nitf-3-6.xsd")


def _write(records: list[PressRelease]) -> tuple[bytes, Any]:
    out = io.BytesIO()
    report = write_newsml(records, out)
    return out.getvalue(), report


def _assert_valid(data: bytes, g2: etree.XMLSchema, nitf: etree.XMLSchema) -> None:
    document = etree.fromstring(data)
    assert g2.validate(document), g2.error_log
    bodies = list(document.iter(f"{{{NITF_NS}}}nitf"))
    assert len(bodies) == len(document.findall(f"{G2}itemSet/{G2}newsItem"))
    for body in bodies:
        # G2 checks inlineXML content laxly: the NITF is checked on its own.
        assert nitf.validate(copy.deepcopy(body)), nitf.error_log


# --- validity ----------------------------------------------------------------------------


def test_sample_is_valid_g2_and_nitf(
    g2_schema: etree.XMLSchema, nitf_schema: etree.XMLSchema
) -> None:
    data, report = _write([SAMPLE, PLAIN])
    assert report.records == 2
    _assert_valid(data, g2_schema, nitf_schema)


@settings(max_examples=40)
@given(items=st.lists(press_releases(), min_size=1, max_size=3))
def test_any_records_give_valid_g2_and_nitf(
    g2_schema: etree.XMLSchema, nitf_schema: etree.XMLSchema, items: list[PressRelease]
) -> None:
    data, _ = _write(items)
    _assert_valid(data, g2_schema, nitf_schema)


def test_required_parts_are_there_and_derived_from_the_record() -> None:
    late = PressRelease(
        title="Late", published=datetime(2021, 5, 25, 9, 0, tzinfo=timezone(timedelta(hours=-4)))
    )
    far = PressRelease(
        title="Far", published=datetime(2021, 1, 1, 12, 0, tzinfo=timezone(timedelta(hours=15)))
    )
    undated = PressRelease(title="Undated")
    data, _ = _write([SAMPLE, PLAIN, late, far, undated])
    root = etree.fromstring(data)
    assert root.tag == f"{G2}newsMessage"
    items = root.findall(f"{G2}itemSet/{G2}newsItem")
    for item in items:
        assert item.get("standard") == "NewsML-G2"
        assert item.get("standardversion") == "2.35"
        assert item.find(f"{G2}catalogRef") is not None
        assert item.find(f"{G2}itemMeta/{G2}itemClass").get("qcode") == "ninat:text"
        assert item.find(f"{G2}itemMeta/{G2}provider") is not None
    assert [item.get("guid") for item in items] == [
        "urn:pressrelease:id:201203_6",
        "urn:pressrelease:id:IP%2F20%2F2263",
        "urn:pressrelease:noid:3",
        "urn:pressrelease:noid:4",
        "urn:pressrelease:noid:5",
    ]
    created = [item.findtext(f"{G2}itemMeta/{G2}versionCreated") for item in items]
    assert created == [
        "2020-12-03T16:53:00+01:00",  # the published time, offset kept
        "2020-01-02T00:00:00Z",  # a date alone: its midnight UTC
        "2021-05-25T09:00:00-04:00",
        "2020-12-31T21:00:00+00:00",  # +15:00 is beyond xs:dateTime's +-14:00: UTC
        "1970-01-01T00:00:00Z",  # no date at all
    ]
    assert root.findtext(f"{G2}header/{G2}sent") == "2021-05-25T09:00:00-04:00"  # the latest
    assert items[1].findtext(f"{G2}contentMeta/{G2}contentCreated") == "2020-01-02"
    assert _write([SAMPLE, PLAIN, late, far, undated])[0] == data  # no clock in the output


# --- what G2 carries natively -------------------------------------------------------------


def test_signatories_roles_subtitle_place_translations_are_native() -> None:
    data, report = _write([SAMPLE])
    assert set(report.lossy) == {"$.issuer", "$.contacts[0]"}
    item = etree.fromstring(data).find(f"{G2}itemSet/{G2}newsItem")
    person, organisation = item.findall(f"{G2}contentMeta/{G2}contributor")
    assert person.get("role") == "pressrelease:signatory"
    assert person.findtext(f"{G2}name") == "Joanneke Balfoort"
    assert person.findtext(f"{G2}note") == "directrice"
    assert person.findtext(f"{G2}personDetails/{G2}affiliation/{G2}name") == "EEAS"
    assert organisation.get("type") == "cpnat:organisation"
    assert organisation.findtext(f"{G2}name") == "UNOCT"
    (back,) = read_feed(data, "newsml")
    assert back == SAMPLE
    assert back.signatories[0] == Signatory(
        name="Joanneke Balfoort", honorific="Mme", role="directrice", organisation="EEAS"
    )


def test_what_g2_cannot_hold_goes_to_the_extension() -> None:
    odd = PressRelease(
        title="  spaced\ttitle ",
        language="not a tag",
        place="Brus\nsels",
        signatories=(Signatory(name="A\tB", role="co-chair"),),
        translations=(Translation(language="en", url="not a uri with spaces"),),
        related=(Link(text="x", href="https://ex.org/r"), Link(text="in text", start=0)),
    )
    data, report = _write([odd])
    assert set(report.lossy) == {
        "$.title",
        "$.language",
        "$.place",
        "$.signatories[0].name",
        "$.translations[0]",
        "$.related[1]",
    }
    (back,) = read_feed(data, "newsml")
    assert back == odd


def test_a_date_alone_and_offsets_are_kept() -> None:
    data, report = _write([PLAIN])
    assert "$.published" not in report.lossy  # contentCreated holds a date
    (back,) = read_newsml(data)
    assert back.published == date(2020, 1, 2)
    assert type(back.published) is date
    odd = PressRelease(
        title="x", published=datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=15)))
    )
    data, report = _write([odd])
    assert report.lossy == ("$.published",)
    (back,) = read_newsml(data)
    assert back.published == odd.published
    assert back.published.utcoffset() == timedelta(hours=15)


# --- reading the standard's own examples --------------------------------------------------


def test_listing_1_news_item() -> None:
    path = LISTINGS / "LISTING_1_A_NewsML-G2_News_Item.xml"
    (record,) = read_feed(path.read_bytes(), source=path.name)
    assert record.unique_id == "urn:newsml:acmenews.com:20161018:US-FINANCE-FED"
    assert record.title == 'Fed to halt QE to avert "bubble"'
    assert record.language == "en-GB"  # newsItem@xml:lang: no language element
    assert record.published == datetime(
        2016, 10, 18, 13, 12, 21, tzinfo=timezone(timedelta(hours=-5))
    )
    assert record.place == "Berlin"
    assert record.category == "Interview"
    assert record.notes == (
        "Note to editors: STRICTLY EMBARGOED. Not for public release until 12noon on Friday, "
        "October 23, 2018.",
    )
    assert record.related == (
        Link(href="http://www.example.com/video/20081222-PNN-1517-407624/index.html"),
    )
    assert record.body == ()  # its inlineXML holds only comments
    assert record.signatories == ()  # a creator is the author, not a signatory
    assert record.location_of("$.title").line == 73


def test_listing_2_text_document() -> None:
    path = LISTINGS / "LISTING_2_NewsML-G2_Text_Document.xml"
    (record,) = read_newsml(path.read_bytes(), source=path.name)
    assert record.unique_id == "urn:newsml:acmenews.com:20161121:US-FINANCE-FED"
    assert record.title == 'Fed to halt QE to avert "bubble"'
    assert record.language == "en-US"
    # No firstCreated: contentCreated.
    assert record.published == datetime(
        2016, 11, 21, 15, 21, 6, tzinfo=timezone(timedelta(hours=-5))
    )
    assert record.place == "New York, NY"
    assert len(record.body) == 2
    assert record.body[0].text.startswith(
        "(New York, NY - October 21) Et, sent luptat luptat, commy Nim"
    )
    assert record.body[0].text.endswith("ad ex el utat.")
    assert record.body[1].text.startswith("Ugiating ea feugait utat, venim velent")
    assert record.body[1].text.endswith("esto cons dolutpat, si.")


def test_listing_24_message_of_placeholder_items_reads_gracefully() -> None:
    """A newsMessage whose items are '.....' placeholders: one record each, ID only."""
    path = LISTINGS / "LISTING_24_News_Message_conveying_a_complete_News_Package.xml"
    records = list(read_newsml(path.read_bytes(), source=path.name))
    assert [r.unique_id for r in records] == ["N1", "N2", "N3", "N4"]
    assert all(r.title == "" and r.body == () for r in records)


@pytest.mark.parametrize(
    "name",
    [
        "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml",
        "LISTING_28_Illustrating_Located_Subject_and_Dateline.xml",
    ],
)
def test_listing_fragments_are_refused_with_a_located_parse_error(name: str) -> None:
    with pytest.raises(ParseError, match="not a NewsML-G2 document") as caught:
        list(read_newsml((LISTINGS / name).read_bytes(), source=name))
    assert caught.value.source == name
    assert caught.value.line == 1


def test_constructed_eeas_like_item() -> None:
    name = "eeas-like.newsml-g2-2.35.xml"
    data = (STANDARDS / "examples" / "constructed" / name).read_bytes()
    assert sniff_feed(data) == "newsml"
    (record,) = read_feed(data, source=name)
    assert record == PressRelease(
        title="[Constructed example] Joint press release title",
        unique_id="201203_6",  # altId x-idtype:eeas-unique-id wins over the guid
        published=datetime(2020, 12, 3, 16, 53, tzinfo=TZ),
        place="Brussels",
        category="Joint Press Releases",
        language="fr",
        signatories=(
            Signatory(
                name="Joanneke Balfoort", organisation="Service européen pour l'action extérieure"
            ),
            Signatory(
                name="Vladimir Voronkov",
                organisation="Bureau de lutte contre le terrorisme des Nations unies",
            ),
        ),
        body=(
            Paragraph(
                text="First paragraph with an inline link.",
                links=(Link(text="inline link", href="https://example.org/related", start=24),),
            ),
            Paragraph(text="Second paragraph."),
        ),
        translations=(
            Translation(
                language="en", url="https://example.org/eeas/201203_6_en", title="English version"
            ),
        ),
        related=(Link(text="Related link", href="https://example.org/related"),),
        source_url="https://example.org/eeas/201203_6_fr",
    )


# --- other bodies, namespaces, streaming, hostile input ------------------------------------


def _item(content: str, meta: str = "") -> bytes:
    return (
        f'<newsItem xmlns="{G2_NS}" guid="urn:x:1" standard="NewsML-G2" standardversion="2.35">'
        "<itemMeta><itemClass qcode='ninat:text'/><provider literal='x'/>"
        f"<versionCreated>2020-01-01T00:00:00Z</versionCreated>{meta}</itemMeta>"
        f"<contentMeta><headline>T</headline></contentMeta><contentSet>{content}</contentSet>"
        "</newsItem>"
    ).encode()


def test_xhtml_nitf_without_namespace_and_plain_text_bodies() -> None:
    xhtml = _item(
        '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">'
        "<head><title>x</title></head><body><h2>Head</h2><p>One <a href='https://e.org/'>link</a>.</p>"
        "</body></html></inlineXML>"
    )
    (record,) = read_newsml(xhtml)
    assert [(p.kind, p.text) for p in record.body] == [
        (ParagraphKind.HEADING, "Head"),
        (ParagraphKind.PARAGRAPH, "One link."),
    ]
    assert record.body[1].links == (Link(text="link", href="https://e.org/", start=4),)
    bare_nitf = _item(
        "<inlineXML><nitf xmlns=''><body><body.head><hedline><hl1>H</hl1><hl2>Sub</hl2></hedline>"
        "<dateline><location>Oslo</location>, 1 May</dateline></body.head>"
        "<body.content><p>Text.</p></body.content></body></nitf></inlineXML>"
    )
    (record,) = read_newsml(bare_nitf)
    assert (record.title, record.subtitle, record.place) == ("T", "Sub", "Oslo")
    assert [p.text for p in record.body] == ["Text."]
    plain = _item('<inlineData contenttype="text/plain">First\n  block.\n\nSecond.</inlineData>')
    (record,) = read_newsml(plain)
    assert [p.text for p in record.body] == ["First block.", "Second."]


def test_items_stream_one_at_a_time() -> None:
    """The first item is a record before the broken end of the stream is read."""
    item = _item("").decode().replace(f' xmlns="{G2_NS}"', "")
    data = (
        f'<newsMessage xmlns="{G2_NS}"><header><sent>2020-01-01T00:00:00Z</sent></header><itemSet>'
        + item
        + "<!--"
        + "x" * 300_000
        + "-->"
        + "<newsItem guid='2'><broken></newsItem>"
    ).encode()
    records = read_newsml(io.BytesIO(data), source="s.xml")
    assert next(records).unique_id == "urn:x:1"
    with pytest.raises(ParseError) as caught:
        next(records)
    assert caught.value.source == "s.xml"


def test_no_namespace_and_hostile_documents_are_refused() -> None:
    with pytest.raises(ParseError, match="namespace"):
        list(read_newsml(b"<newsItem guid='1'/>"))
    with pytest.raises(ParseError, match="not a NewsML-G2 document"):
        list(read_newsml(b"<rss/>"))
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        + _item("").replace(b"<headline>T", b"<headline>&b;")
    )
    with pytest.raises(EntitiesForbiddenError):
        list(read_newsml(bomb))


def test_read_from_a_path_like_stream(tmp_path: Path) -> None:
    target = tmp_path / "out.xml"
    with target.open("wb") as out:
        write_newsml([SAMPLE, PLAIN], out)
    with target.open("rb") as stream:
        assert list(read_feed(stream)) == [SAMPLE, PLAIN]
