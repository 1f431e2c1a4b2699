"""pressrelease JSON: shape, strict reading (every problem, with its path), collections, JSONL."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from pressrelease.errors import LimitExceededError, ParseError, SerializationError
from pressrelease.limits import Limits
from pressrelease.model import Link, Location, Notice, Paragraph, PressRelease, Signatory
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

CET = timezone(timedelta(hours=1))


def _problems(data: object) -> list[tuple[str | None, str]]:
    with pytest.raises(ParseError) as info:
        from_dict(data, source="r.json")
    assert all(problem.source == "r.json" for problem in info.value.problems)
    return [(problem.path, problem.message) for problem in info.value.problems]


# --- shape ------------------------------------------------------------------------------------


def test_keys_follow_the_model_and_defaults_are_left_out() -> None:
    record = PressRelease(
        source_url="https://example.org/r",
        title="T",
        body=(
            Paragraph(text="Intro", kind=Paragraph(text="x").kind),
            Paragraph(text="See the report.", links=(Link(text="report", start=8),)),
        ),
        unique_id="X/1",
    )
    data = to_dict(record)
    assert list(data) == ["pressrelease", "title", "unique_id", "body", "source_url"]
    assert data["body"] == [
        {"text": "Intro"},
        {"text": "See the report.", "links": [{"text": "report", "start": 8}]},
    ]
    assert to_json(record, indent=None) == json.dumps(
        data, ensure_ascii=False, separators=(",", ":")
    )


def test_locations_and_notices_are_not_written() -> None:
    record = PressRelease(
        title="T",
        locations={"$.title": Location(source="a.txt", line=1)},
        notices=(Notice(code="PR203", message="time without zone"),),
        signatories=(Signatory(name="A", location=Location(line=3)),),
    )
    assert to_dict(record) == {"pressrelease": "1.0", "title": "T", "signatories": [{"name": "A"}]}
    assert from_json(to_json(record)) == record


def test_published_forms() -> None:
    assert (
        to_dict(PressRelease(title="T", published=date(2020, 12, 3)))["published"] == "2020-12-03"
    )
    aware = datetime(2020, 12, 3, 16, 53, tzinfo=CET)
    assert to_dict(PressRelease(title="T", published=aware))["published"] == (
        "2020-12-03T16:53:00+01:00"
    )
    micro = datetime(
        2020, 12, 3, 16, 53, 0, 120000, tzinfo=timezone(timedelta(hours=-9, minutes=-30))
    )
    assert to_dict(PressRelease(title="T", published=micro))["published"] == (
        "2020-12-03T16:53:00.120000-09:30"
    )
    # Z reads as UTC and is written +00:00
    record = from_json('{"title": "T", "published": "2020-12-03T16:53:00Z"}')
    assert record.published == datetime(2020, 12, 3, 16, 53, tzinfo=UTC)
    assert to_dict(record)["published"] == "2020-12-03T16:53:00+00:00"
    # a datetime stays a datetime even at midnight, a date stays a date
    assert (
        type(from_json(to_json(PressRelease(title="T", published=date(2020, 1, 1)))).published)
        is date
    )


def test_offsets_that_cannot_be_written_are_refused() -> None:
    seconds = datetime(1900, 1, 1, tzinfo=timezone(timedelta(minutes=19, seconds=32)))
    with pytest.raises(SerializationError) as info:
        to_json(PressRelease(title="T", published=seconds))
    assert info.value.path == "$.published"
    assert "offset with seconds" in info.value.message
    far = datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=15)))
    with pytest.raises(SerializationError, match="offsets go from -14:00 to \\+14:00"):
        to_json(PressRelease(title="T", published=far))


def test_lone_surrogates_are_never_written() -> None:
    with pytest.raises(SerializationError) as info:
        to_json(PressRelease(title="T", signatories=(Signatory(name="A\ud800"),)))
    assert info.value.path == "$.signatories[0].name"


# --- strict reading ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        pytest.param(
            {"title": None},
            "$.title",
            "'title' must be a string (got null)",
            id="none-is-not-'None'",
        ),
        pytest.param(
            {"title": ["a", "b"]},
            "$.title",
            "'title' must be a string (got an array)",
            id="list-is-not-its-repr",
        ),
        pytest.param(
            {"title": "T", "notes": "abc"},
            "$.notes",
            "'notes' must be an array (got the string 'abc')",
            id="string-is-not-a-list-of-characters",
        ),
        pytest.param(
            {"title": "T", "body": [{"text": "abcd", "links": [{"text": "b", "start": 1.0}]}]},
            "$.body[0].links[0].start",
            "'start' must be a whole number (got the number 1.0)",
            id="float-is-not-int",
        ),
        pytest.param(
            {"title": "T", "body": [{"text": "abcd", "links": [{"text": "b", "start": True}]}]},
            "$.body[0].links[0].start",
            "'start' must be a whole number (got true)",
            id="bool-is-not-int",
        ),
        pytest.param(
            {"title": 3},
            "$.title",
            "'title' must be a string (got the number 3)",
            id="number-is-not-string",
        ),
        pytest.param(
            {"title": "T", "place": None},
            "$.place",
            "'place' must be a string (got null); leave the key out when there is no value",
            id="null-optional",
        ),
        pytest.param({}, "$.title", "'title' is required", id="missing-title"),
        pytest.param(
            {"title": "T", "signatory": []},
            "$.signatory",
            "unknown key 'signatory' in a press release; the keys are: title, unique_id, "
            "subtitle, published, place, category, language, issuer, signatories, participants, "
            "body, translations, related, contacts, notes, source_url",
            id="unknown-key",
        ),
        pytest.param(
            {"title": "T", "signatories": [{"name": "A", "title": "Dr"}]},
            "$.signatories[0].title",
            "unknown key 'title' in a signatory; the keys are: name, honorific, role, organisation",
            id="unknown-nested-key",
        ),
        pytest.param(
            {"title": "T", "locations": {}},
            "$.locations",
            "unknown key 'locations' in a press release; the keys are: title, unique_id, "
            "subtitle, published, place, category, language, issuer, signatories, participants, "
            "body, translations, related, contacts, notes, source_url",
            id="locations-are-not-read",
        ),
        pytest.param(
            {"title": "T", "body": [{"text": "x", "kind": "footnote"}]},
            "$.body[0].kind",
            "'kind' must be one of 'paragraph', 'heading', 'quote', 'list_item' "
            "(got the string 'footnote')",
            id="unknown-kind",
        ),
        pytest.param(
            {"title": "T", "signatories": [{"role": "chair"}]},
            "$.signatories[0]",
            "a Signatory needs a name or an organisation (got role='chair' alone)",
            id="model-rule",
        ),
        pytest.param(
            {"title": "T", "body": [{"text": "See it.", "links": [{"text": "it", "start": 0}]}]},
            "$.body[0]",
            "link 0 says 'it' starts at 0, but the paragraph has 'Se' there",
            id="link-position",
        ),
        pytest.param(
            {"title": "T", "signatories": {"name": "A"}},
            "$.signatories",
            "'signatories' must be an array (got an object)",
            id="object-for-array",
        ),
        pytest.param(
            {"title": "T", "related": ["https://example.org"]},
            "$.related[0]",
            "'related[0]' must be an object (a link) (got the string 'https://example.org')",
            id="string-for-object",
        ),
    ],
)
def test_each_wrong_value_is_named_with_its_path(data: object, path: str, message: str) -> None:
    assert _problems(data) == [(path, message)]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "20200203",
            "'published' must be YYYY-MM-DD or an ISO 8601 date-time with seconds and an offset "
            "such as 2020-12-03T16:53:00+01:00 (got the string '20200203')",
        ),
        (
            "2020-W06-1",
            "'published' must be YYYY-MM-DD or an ISO 8601 date-time with seconds and an offset "
            "such as 2020-12-03T16:53:00+01:00 (got the string '2020-W06-1')",
        ),
        ("2021-02-29", "'published' is not a real calendar date (got '2021-02-29')"),
        (
            "2020-12-03T16:53:00",
            "'published' must be YYYY-MM-DD or an ISO 8601 date-time with seconds and an offset "
            "such as 2020-12-03T16:53:00+01:00 (got the string '2020-12-03T16:53:00'); a time "
            "without an offset is ambiguous: give the offset, or the date alone",
        ),
        (
            "２０２０-12-03",
            "'published' must be YYYY-MM-DD or an ISO 8601 date-time with seconds and an offset "
            "such as 2020-12-03T16:53:00+01:00 (got the string '２０２０-12-03')",
        ),
        (
            "2020-12-03T16:53+01:00",
            "'published' must be YYYY-MM-DD or an ISO 8601 date-time with seconds and an offset "
            "such as 2020-12-03T16:53:00+01:00 (got the string '2020-12-03T16:53+01:00')",
        ),
        (
            "2020-12-03T25:00:00+01:00",
            "'published' is not a real date and time (got '2020-12-03T25:00:00+01:00'): "
            "hour must be in 0..23",
        ),
        (
            "2020-12-03T16:53:00+15:00",
            "'published' has the offset +15:00; offsets go from -14:00 to +14:00 "
            "(got '2020-12-03T16:53:00+15:00')",
        ),
        (20201203, "'published' must be a string holding a date (got the number 20201203)"),
    ],
)
def test_published_is_strict(value: object, message: str) -> None:
    assert _problems({"title": "T", "published": value}) == [("$.published", message)]


def test_every_problem_of_a_document_is_reported() -> None:
    data = {
        "title": None,
        "published": "yesterday",
        "colour": "red",
        "signatories": [{"name": "A"}, {"name": 2, "role": ["x"]}, {"role": "r"}],
        "body": [{"text": "x", "kind": "heading"}, {"kind": "quote"}],
    }
    with pytest.raises(ParseError) as info:
        from_json(json.dumps(data), source="many.json")
    error = info.value
    # in the order of the record's fields, unknown keys last
    assert [problem.path for problem in error.problems] == [
        "$.title",
        "$.published",
        "$.signatories[1].name",
        "$.signatories[1].role",
        "$.signatories[2]",
        "$.body[1].text",
        "$.colour",
    ]
    assert error.message.startswith("7 problems, first: ")
    lines = str(error).splitlines()
    assert len(lines) == 7
    assert all(line.startswith("many.json: $.") for line in lines)


def test_format_version_key() -> None:
    assert from_json('{"title": "T"}') == PressRelease(title="T")  # optional when reading
    assert from_json('{"pressrelease": "1.7", "title": "T"}') == PressRelease(title="T")
    assert _problems({"pressrelease": "2.0", "title": "T"}) == [
        (
            "$.pressrelease",
            "the record is in format version 2.0, and this pressrelease reads 1.x: upgrade "
            "pressrelease",
        )
    ]
    assert _problems({"pressrelease": 1.0, "title": "T"}) == [
        (
            "$.pressrelease",
            "'pressrelease' must be a format version string such as '1.0' (got the number 1.0)",
        )
    ]


def test_from_json_wants_one_object_and_from_json_array_an_array() -> None:
    with pytest.raises(ParseError, match="read arrays with from_json_array"):
        from_json('[{"title": "T"}]')
    with pytest.raises(ParseError, match="from_json"):
        from_json_array('{"title": "T"}')
    with pytest.raises(ParseError) as info:
        from_json_array('[{"title": "A"}, {"title": 1}, {}]', source="a.json")
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("$[1].title", "'title' must be a string (got the number 1)"),
        ("$[2].title", "'title' is required"),
    ]
    with pytest.raises(LimitExceededError, match="max_items=2"):
        from_json_array(
            '[{"title": "A"}, {"title": "B"}, {"title": "C"}]', limits=Limits(max_items=2)
        )


def test_json_syntax_errors_are_located() -> None:
    with pytest.raises(ParseError) as info:
        from_json(b'{"title": "T",\n "title": "U"}', source="dup.json")
    assert (info.value.line, info.value.column) == (2, 2)
    with pytest.raises(ParseError) as info:
        from_json(b'{"title": NaN}', source="nan.json")
    assert (info.value.line, info.value.column) == (1, 11)


# --- collections and JSON Lines ------------------------------------------------------------


RECORDS = [PressRelease(title="A"), PressRelease(title="B", published=date(2020, 1, 2))]


def test_arrays_and_lines() -> None:
    assert from_json_array(to_json_array(RECORDS)) == RECORDS
    assert to_jsonl(RECORDS) == (
        '{"pressrelease":"1.0","title":"A"}\n'
        '{"pressrelease":"1.0","title":"B","published":"2020-01-02"}\n'
    )
    assert list(iter_jsonl(io.BytesIO(to_jsonl(RECORDS).encode()))) == RECORDS


def test_iter_jsonl_is_lazy_and_names_the_bad_line() -> None:
    data = b'{"title": "A"}\n\n{"title": "B"}\n{"title": 3}\n{"title": "never read"}\n'
    records = iter_jsonl(io.BytesIO(data), source="r.jsonl")
    assert next(records).title == "A"
    assert next(records).title == "B"
    with pytest.raises(ParseError) as info:
        next(records)
    assert (info.value.source, info.value.line, info.value.path) == ("r.jsonl", 4, "$.title")
    assert str(info.value) == "r.jsonl:4: $.title: 'title' must be a string (got the number 3)"
    with pytest.raises(ParseError) as info:
        list(iter_jsonl([b'{"title": "A"}\n', b"{oops\n"], source="r.jsonl"))
    assert (info.value.line, info.value.column) == (2, 2)


def test_iter_jsonl_caps_a_line_before_holding_it() -> None:
    stream = io.BytesIO(b'{"title": "' + b"x" * 10_000 + b'"}\n')
    with pytest.raises(LimitExceededError) as info:
        list(iter_jsonl(stream, limits=Limits(max_document_bytes=1000)))
    assert info.value.line == 1


def test_registry_functions() -> None:
    out = io.BytesIO()
    report = write_json(RECORDS[:1], out)
    assert out.getvalue() == (to_json(RECORDS[0]) + "\n").encode()
    assert (report.format, report.records, report.lossy) == ("json", 1, ())
    out = io.BytesIO()
    write_json(RECORDS, out)
    assert json.loads(out.getvalue())[1]["title"] == "B"
    assert list(read_json(out.getvalue())) == RECORDS
    assert list(read_json(io.BytesIO(out.getvalue()))) == RECORDS
    out = io.BytesIO()
    write_json([], out)
    assert out.getvalue() == b"[]\n"
    out = io.BytesIO()
    assert write_jsonl(iter(RECORDS), out).records == 2
    assert list(read_jsonl(out.getvalue())) == RECORDS
    assert list(read_jsonl(io.BytesIO(out.getvalue()))) == RECORDS
    with pytest.raises(LimitExceededError):
        list(
            read_json(
                io.BytesIO(b'{"title": "' + b"x" * 100 + b'"}'),
                limits=Limits(max_document_bytes=50),
            )
        )


def test_id_and_field_length_limits() -> None:
    with pytest.raises(LimitExceededError) as info:
        from_json('{"title": "T", "unique_id": "' + "9" * 65 + '"}', source="id.json")
    assert info.value.path == "$.unique_id"
    assert "max_id_length=64" in info.value.message
    limits = Limits(max_field_chars=10)
    with pytest.raises(LimitExceededError) as info:
        from_json('{"title": "T", "body": [{"text": "' + "x" * 11 + '"}]}', limits=limits)
    assert info.value.path == "$.body[0].text"
    assert "max_field_chars=10" in info.value.message
    with pytest.raises(LimitExceededError) as info:
        from_json_array('[{"title": "T"}, {"title": "' + "x" * 11 + '"}]', limits=limits)
    assert info.value.path == "$[1].title"
