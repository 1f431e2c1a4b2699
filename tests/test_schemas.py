"""The published schemas: they accept what the readers accept and reject what they reject."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from lxml import etree

from pressrelease.cli.main import main
from pressrelease.errors import ParseError
from pressrelease.serialize.json import from_dict, from_json_array
from pressrelease.serialize.schemas import json_schema, schema_text, xml_schema
from pressrelease.serialize.xml import from_xml, from_xml_collection

ROOT = Path(__file__).resolve().parent.parent
VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
NS = "urn:pressrelease:1"


def test_the_schemas_are_well_formed_and_versioned() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "urn:pressrelease:json-schema:1.0"
    xsd = etree.fromstring(schema_text("xsd").encode())
    assert xsd.get("targetNamespace") == NS
    assert xsd.get("version") == "1.0"
    assert xml_schema() is xml_schema()  # compiled once


def test_package_data_is_the_top_level_schemas_folder() -> None:
    for kind, name in (("json", "pressrelease.schema.json"), ("xsd", "pressrelease.xsd")):
        assert schema_text(kind) == (ROOT / "schemas" / name).read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="choose one of json, xsd"):
        schema_text("yaml")


@pytest.mark.parametrize("kind", ["json", "xsd"])
def test_cli_prints_the_schema(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", kind]) == 0
    assert capsys.readouterr().out == schema_text(kind)


def test_cli_refuses_an_unknown_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "yaml"]) == 2
    assert "invalid choice: 'yaml'" in capsys.readouterr().err


# Hand-written documents: each JSON one with its XML twin. Both schemas and both readers
# must agree on every one.

VALID: list[tuple[str, dict[str, Any], str]] = [
    ("minimal", {"title": ""}, "<title/>"),
    (
        "any order, explicit defaults, empty arrays, newer minor version",
        {
            "pressrelease": "1.3",
            "place": "Brussels",
            "signatories": [],
            "body": [{"kind": "paragraph", "text": "x", "links": []}],
            "title": "T",
        },
        "<place>Brussels</place><signatories/><body><paragraph><kind>paragraph</kind>"
        "<text>x</text><links/></paragraph></body><title>T</title>",
    ),
    (
        "Z offset and microseconds",
        {"title": "T", "published": "2020-12-03T16:53:00.5Z"},
        "<title>T</title><published>2020-12-03T16:53:00.5Z</published>",
    ),
    (
        "the largest offset, +14:00",
        {"title": "T", "published": "2020-12-03T16:53:00+14:00"},
        "<title>T</title><published>2020-12-03T16:53:00+14:00</published>",
    ),
]

INVALID: list[tuple[str, dict[str, Any], str]] = [
    ("missing title", {"place": "Brussels"}, "<place>Brussels</place>"),
    ("title of the wrong type", {"title": 3}, "<title><b>3</b></title>"),
    (
        "null for an optional field",
        {"title": "T", "place": None},
        '<title>T</title><place xsi:nil="true"/>',
    ),
    ("unknown key", {"title": "T", "colour": "red"}, "<title>T</title><colour>red</colour>"),
    (
        "unknown key in a signatory",
        {"title": "T", "signatories": [{"name": "A", "age": "3"}]},
        "<title>T</title><signatories><signatory><name>A</name><age>3</age></signatory></signatories>",
    ),
    (
        "impossible date",
        {"title": "T", "published": "2021-02-29"},
        "<title>T</title><published>2021-02-29</published>",
    ),
    (
        "basic-format date",
        {"title": "T", "published": "20201203"},
        "<title>T</title><published>20201203</published>",
    ),
    (
        "time without offset",
        {"title": "T", "published": "2020-12-03T16:53:00"},
        "<title>T</title><published>2020-12-03T16:53:00</published>",
    ),
    (
        "offset beyond 14:00",
        {"title": "T", "published": "2020-12-03T16:53:00+14:30"},
        "<title>T</title><published>2020-12-03T16:53:00+14:30</published>",
    ),
    (
        "date with an offset",
        {"title": "T", "published": "2020-12-03+01:00"},
        "<title>T</title><published>2020-12-03+01:00</published>",
    ),
    (
        "unknown paragraph kind",
        {"title": "T", "body": [{"text": "x", "kind": "footnote"}]},
        "<title>T</title><body><paragraph><text>x</text><kind>footnote</kind></paragraph></body>",
    ),
    (
        "paragraph without text",
        {"title": "T", "body": [{"kind": "quote"}]},
        "<title>T</title><body><paragraph><kind>quote</kind></paragraph></body>",
    ),
    (
        "negative start",
        {"title": "T", "body": [{"text": "x", "links": [{"text": "", "start": -1}]}]},
        "<title>T</title><body><paragraph><text>x</text><links><link><start>-1</start></link></links></paragraph></body>",
    ),
    (
        "string for an array",
        {"title": "T", "notes": "n"},
        "<title>T</title><notes>n</notes>",
    ),
    (
        "translation without language",
        {"title": "T", "translations": [{"url": "https://example.org/en"}]},
        "<title>T</title><translations><translation><url>https://example.org/en</url></translation></translations>",
    ),
    ("major version 2", {"pressrelease": "2.0", "title": "T"}, "<title>T</title>"),
]


def _xml(inner: str, version: str = "1.0") -> bytes:
    return (
        f'<press_release xmlns="{NS}" version="{version}" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{inner}</press_release>"
    ).encode()


def _xml_of(data: dict[str, Any], inner: str) -> bytes:
    return _xml(inner, version=str(data.get("pressrelease", "1.0")))


@pytest.mark.parametrize(
    ("data", "inner"), [(d, x) for _, d, x in VALID], ids=[n for n, _, _ in VALID]
)
def test_valid_documents_pass_both_schemas_and_both_readers(
    data: dict[str, Any], inner: str
) -> None:
    VALIDATOR.validate(data)
    VALIDATOR.validate([data, data])
    document = _xml_of(data, inner)
    assert xml_schema().validate(etree.fromstring(document)), xml_schema().error_log
    assert from_dict(data) == from_xml(document)
    assert from_json_array(json.dumps([data])) == from_xml_collection(
        f'<press_releases xmlns="{NS}"><press_release>{inner}</press_release></press_releases>'.encode()
    )


@pytest.mark.parametrize(
    ("data", "inner"), [(d, x) for _, d, x in INVALID], ids=[n for n, _, _ in INVALID]
)
def test_invalid_documents_fail_both_schemas_and_both_readers(
    data: dict[str, Any], inner: str
) -> None:
    assert not VALIDATOR.is_valid(data)
    assert not VALIDATOR.is_valid([{"title": "fine"}, data])
    with pytest.raises(ParseError):
        from_dict(data)
    document = _xml_of(data, inner)
    assert not xml_schema().validate(etree.fromstring(document))
    with pytest.raises(ParseError):
        from_xml(document)


def test_json_schema_errors_point_at_the_value() -> None:
    errors = sorted(
        VALIDATOR.iter_errors(
            {"title": "T", "signatories": [{"name": 1}], "published": "2020-13-01"}
        ),
        key=lambda e: e.json_path,
    )
    assert [e.json_path for e in errors] == ["$.published", "$.signatories[0].name"]
