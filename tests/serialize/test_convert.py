"""The plain form leaves every ``location`` out, at every depth, in JSON and XML alike."""

from __future__ import annotations

from pressrelease import Link, Paragraph, PressRelease, Signatory, from_xml, to_dict, to_xml
from pressrelease.model import Location

HERE = Location(source="page.html", line=2, element="/html/body/p")


def _located() -> PressRelease:
    return PressRelease(
        title="T",
        signatories=(Signatory(organisation="United Nations", location=HERE),),
        body=(
            Paragraph(
                text="See the report.",
                links=(Link(text="report", href="https://un.org/r", start=8, location=HERE),),
                location=HERE,
            ),
        ),
        related=(Link(text="more", href="https://un.org/", location=HERE),),
    )


def test_member_locations_are_not_written() -> None:
    assert to_dict(_located()) == {
        "pressrelease": "1.0",
        "title": "T",
        "signatories": [{"organisation": "United Nations"}],
        "body": [
            {
                "text": "See the report.",
                "links": [{"text": "report", "href": "https://un.org/r", "start": 8}],
            }
        ],
        "related": [{"text": "more", "href": "https://un.org/"}],
    }


def test_xml_of_a_located_record_reads_back() -> None:
    record = _located()
    assert b"location" not in to_xml(record)
    assert from_xml(to_xml(record)) == record
