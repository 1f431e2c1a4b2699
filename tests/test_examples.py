"""The reference document, its hand-built record (tests/seed.py) and the files beside it.

``examples/seed/eeas-201203_6-fr.txt`` is the seed press release; its record
is written out as ``.json`` and ``.xml`` beside it.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from pressrelease.serialize.json import from_json, read_json, to_json, write_json
from pressrelease.serialize.schemas import json_schema, xml_schema
from pressrelease.serialize.xml import from_xml, read_xml, to_xml, write_xml
from tests.seed import DOCUMENT, EXAMPLES, LINK_START, LINKED, NBSP, PARAGRAPHS, seed_record


def test_the_hand_built_record_matches_the_document() -> None:
    document = DOCUMENT.read_text(encoding="utf-8")
    record = seed_record()
    lines = document.split("\n")
    assert lines[0] == record.title
    assert lines[2] == "Brussels, 03/12/2020 - 16:53, UNIQUE ID: 201203_6"
    assert lines[3] == record.category
    # every paragraph is a whole line of the document, in order, and nothing else is body
    assert [line for line in lines[5:14] if line] == list(PARAGRAPHS)
    last = record.body[-1]
    assert last.text[LINK_START:].startswith(LINKED + " (lien externe)")
    for signatory in (*record.signatories, *record.participants):
        assert f"{signatory.honorific}{NBSP}{signatory.name}, {signatory.role}" in document
    for signatory in record.signatories:
        assert signatory.organisation is not None
        assert signatory.organisation in document
    assert record.published is not None
    assert record.published.isoformat() == "2020-12-03T16:53:00+01:00"


def test_the_example_document_is_the_corpus_seed(corpus: Path) -> None:
    assert DOCUMENT.read_bytes() == (corpus / "seed" / "eeas-201203_6-fr.txt").read_bytes()


def test_example_json_is_what_the_writer_writes() -> None:
    record = seed_record()
    text = (EXAMPLES / "eeas-201203_6-fr.json").read_text(encoding="utf-8")
    assert text == to_json(record) + "\n"
    out = io.BytesIO()
    report = write_json([record], out)
    assert out.getvalue() == text.encode("utf-8")
    assert (report.format, report.records, report.lossy) == ("json", 1, ())
    assert from_json(text) == record
    assert list(read_json(text.encode("utf-8"))) == [record]
    validator = jsonschema.Draft202012Validator(
        json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(json.loads(text))


def test_example_xml_is_what_the_writer_writes() -> None:
    record = seed_record()
    data = (EXAMPLES / "eeas-201203_6-fr.xml").read_bytes()
    assert data == to_xml(record)
    out = io.BytesIO()
    assert write_xml([record], out).records == 1
    assert out.getvalue() == data
    assert from_xml(data) == record
    assert list(read_xml(io.BytesIO(data))) == [record]
    schema = xml_schema()
    assert schema.validate(etree.fromstring(data)), schema.error_log


@pytest.mark.parametrize("suffix", [".json", ".xml"])
def test_example_files_keep_the_offset(suffix: str) -> None:
    data = (EXAMPLES / f"eeas-201203_6-fr{suffix}").read_bytes()
    record = from_json(data) if suffix == ".json" else from_xml(data)
    assert record.published is not None
    assert record.published.isoformat() == "2020-12-03T16:53:00+01:00"


def test_the_hand_counted_locations_point_at_their_values() -> None:
    lines = DOCUMENT.read_text(encoding="utf-8").split("\n")
    record = seed_record(source=DOCUMENT.name)

    def at(line: int, column: int) -> str:
        return lines[line - 1][column - 1 :]

    spots = record.locations
    assert at(spots["$.title"].line, spots["$.title"].column) == record.title
    assert at(spots["$.place"].line, spots["$.place"].column).startswith("Brussels, ")
    assert at(spots["$.published"].line, spots["$.published"].column).startswith("03/12/2020")
    assert at(spots["$.unique_id"].line, spots["$.unique_id"].column) == "201203_6"
    assert at(spots["$.category"].line, spots["$.category"].column) == record.category
    for person in (*record.signatories, *record.participants):
        assert person.location is not None
        assert at(person.location.line, person.location.column).startswith(person.name)
    for paragraph in record.body:
        assert paragraph.location is not None
        assert at(paragraph.location.line, paragraph.location.column) == paragraph.text
