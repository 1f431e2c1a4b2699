"""Round-trip properties of pressrelease JSON and XML, and schema validity of every output."""

from __future__ import annotations

import io
import json
from datetime import datetime

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from strategies import press_releases, published

from pressrelease.model import PressRelease
from pressrelease.serialize.json import (
    from_dict,
    from_json,
    from_json_array,
    iter_jsonl,
    read_json,
    read_jsonl,
    to_dict,
    to_json,
    to_json_array,
    to_jsonl,
    write_json,
    write_jsonl,
)
from pressrelease.serialize.schemas import json_schema, xml_schema
from pressrelease.serialize.xml import (
    from_xml,
    from_xml_collection,
    read_xml,
    to_xml,
    to_xml_collection,
    write_xml,
)

JSON_VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
XSD = xml_schema()


def _same_published(a: PressRelease, b: PressRelease) -> None:
    """Aware datetimes compare by instant: the offset must be kept too."""
    assert type(a.published) is type(b.published)
    if a.published is not None and b.published is not None:
        assert a.published.isoformat() == b.published.isoformat()


# One test for the per-record properties, so each generated record serves them all
# (generating records is most of the cost).
@given(press_releases())
def test_one_record_round_trips_losslessly_and_validly(record: PressRelease) -> None:
    # JSON: same record back, offset kept, same text on a second round, valid
    text = to_json(record)
    again = from_json(text)
    assert again == record
    _same_published(again, record)
    assert to_json(again) == text
    assert from_json(text.encode("utf-8")) == record
    assert from_dict(to_dict(record)) == record
    JSON_VALIDATOR.validate(json.loads(text))
    # XML: the same
    data = to_xml(record)
    again = from_xml(data)
    assert again == record
    _same_published(again, record)
    assert to_xml(again) == data
    assert XSD.validate(etree.fromstring(data)), XSD.error_log


@given(published())
def test_published_keeps_its_offset(value: object) -> None:
    record = PressRelease(title="T", published=value)  # type: ignore[arg-type]
    for again in (from_json(to_json(record)), from_xml(to_xml(record))):
        _same_published(again, record)
        if isinstance(value, datetime):
            assert again.published is not None
            assert again.published.utcoffset() == value.utcoffset()


# Collections cost several records per example; their per-record properties are above.
@settings(max_examples=50)
@given(st.lists(press_releases(), max_size=3))
def test_collections_round_trip(records: list[PressRelease]) -> None:
    assert from_json_array(to_json_array(records)) == records
    assert list(iter_jsonl(io.BytesIO(to_jsonl(records).encode("utf-8")))) == records
    assert from_xml_collection(to_xml_collection(records)) == records
    JSON_VALIDATOR.validate(json.loads(to_json_array(records)))
    assert XSD.validate(etree.fromstring(to_xml_collection(records))), XSD.error_log


@settings(max_examples=50)
@given(st.lists(press_releases(), max_size=3))
def test_registry_writers_and_readers_round_trip(records: list[PressRelease]) -> None:
    for write, read, name in (
        (write_json, read_json, "json"),
        (write_jsonl, read_jsonl, "jsonl"),
        (write_xml, read_xml, "xml"),
    ):
        out = io.BytesIO()
        report = write(records, out)
        assert (report.format, report.records, report.lossy) == (name, len(records), ())
        assert list(read(out.getvalue())) == records
        assert list(read(io.BytesIO(out.getvalue()))) == records
