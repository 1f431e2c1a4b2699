"""The plain form: every ``location`` left out at every depth; the hand-written form is cattrs'."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

import attrs
import pytest
from hypothesis import given

from pressrelease import Link, Paragraph, PressRelease, Signatory, from_xml, to_dict, to_xml
from pressrelease.errors import SerializationError
from pressrelease.model import Contact, Location, Translation
from pressrelease.serialize._convert import (
    _NOT_WRITTEN,
    _UNSTRUCTURE_RECORD,
    FORMAT_VERSION,
    VERSION_KEY,
    unstructure,
)
from tests.strategies import press_releases

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


# --- the hand-written unstructuring is cattrs' ------------------------------------------

_WRITTEN_FIELDS = {
    PressRelease: (
        "title", "unique_id", "subtitle", "published", "place", "category", "language",
        "issuer", "signatories", "participants", "body", "translations", "related",
        "contacts", "notes", "source_url",
    ),
    Signatory: ("name", "honorific", "role", "organisation"),
    Paragraph: ("text", "kind", "links"),
    Link: ("text", "href", "start"),
    Translation: ("language", "url", "title"),
    Contact: ("name", "role", "organisation", "email", "phone"),
}  # fmt: skip


def test_the_hand_written_unstructuring_knows_every_field() -> None:
    """A field added to the model must be added to ``_convert.unstructure`` too."""
    for cls, names in _WRITTEN_FIELDS.items():
        assert tuple(f.name for f in attrs.fields(cls) if f.name not in _NOT_WRITTEN) == names


def _cattrs_form(record: PressRelease) -> dict[str, Any]:
    return {VERSION_KEY: FORMAT_VERSION, **_UNSTRUCTURE_RECORD(record)}


@given(record=press_releases())
def test_unstructure_is_what_cattrs_gives(record: PressRelease) -> None:
    try:
        expected = _cattrs_form(record)
    except SerializationError:  # an offset format_published refuses: refused by both
        with pytest.raises(SerializationError):
            unstructure(record)
        return
    got = unstructure(record)
    assert got == expected
    assert json.dumps(got) == json.dumps(expected)  # the same key order, at every depth
    assert unstructure(record) == expected  # and again, with the offset now known to be fine


def test_unwritable_offsets_are_refused_every_time() -> None:
    odd = timezone(timedelta(hours=15))
    seconds = timezone(timedelta(hours=1, seconds=30))
    for zone in (odd, seconds, odd, seconds):
        with pytest.raises(SerializationError):
            unstructure(PressRelease(title="T", published=datetime(2020, 1, 1, tzinfo=zone)))


def test_other_tzinfo_classes_are_checked_on_each_value() -> None:
    class Shifting(tzinfo):
        """An offset that depends on the date: fine in January, 15 hours in July."""

        def utcoffset(self, dt: datetime | None) -> timedelta:
            return timedelta(hours=1 if dt is None or dt.month < 6 else 15)

    zone = Shifting()
    ok = PressRelease(title="T", published=datetime(2020, 1, 1, tzinfo=zone))
    assert unstructure(ok)["published"] == "2020-01-01T00:00:00+01:00"
    with pytest.raises(SerializationError):
        unstructure(PressRelease(title="T", published=datetime(2020, 7, 1, tzinfo=zone)))
