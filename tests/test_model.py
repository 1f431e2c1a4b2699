"""The records: construction, defaults, strictness, equality outside locations."""

from __future__ import annotations

import pickle
from datetime import date, datetime, timedelta, timezone

import pytest

from pressrelease.errors import ValidationError
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

CET = timezone(timedelta(hours=1))


def test_only_title_is_required() -> None:
    record = PressRelease(title="T")
    assert record.unique_id is None
    assert record.signatories == ()
    assert record.body == ()
    with pytest.raises(TypeError):
        PressRelease()  # type: ignore[call-arg]


def test_records_are_frozen_hashable_and_keyword_only() -> None:
    record = PressRelease(title="T", signatories=[Signatory(name="A")])
    assert isinstance(record.signatories, tuple)
    assert hash(record) == hash(PressRelease(title="T", signatories=(Signatory(name="A"),)))
    with pytest.raises(AttributeError):
        record.title = "U"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Signatory("A")  # type: ignore[misc]


def test_locations_and_notices_stay_out_of_equality() -> None:
    where = Location(source="a.txt", line=3, column=1)
    a = PressRelease(
        title="T",
        locations={"$.title": where},
        notices=[Notice(code="PR203", message="time without zone", path="$.published")],
        signatories=[Signatory(name="A", location=where)],
    )
    b = PressRelease(title="T", signatories=[Signatory(name="A")])
    assert a == b
    assert hash(a) == hash(b)
    assert a.location_of("$.title") == where
    assert b.location_of("$.title") is None


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValidationError, match="time-zone aware"):
        PressRelease(title="T", published=datetime(2020, 12, 3, 16, 53))
    aware = PressRelease(title="T", published=datetime(2020, 12, 3, 16, 53, tzinfo=CET))
    assert aware.published is not None
    assert PressRelease(title="T", published=date(2020, 12, 3)).published == date(2020, 12, 3)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"title": 3}, "'title' must be a string"),
        ({"title": "T", "unique_id": 5}, "'unique_id' must be a string or None"),
        ({"title": "T", "published": "2020-12-03"}, "must be a date or an aware datetime"),
        ({"title": "T", "signatories": "abc"}, "got a string"),
        (
            {"title": "T", "signatories": [Translation(language="fr")]},
            r"signatories\[0\] must be a Signatory",
        ),
        ({"title": "T", "notes": [1]}, r"notes\[0\] must be a str"),
    ],
)
def test_wrong_types_are_refused_with_the_field_named(
    kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        PressRelease(**kwargs)  # type: ignore[arg-type]


def test_signatory_needs_a_name_or_an_organisation() -> None:
    assert Signatory(organisation="UN").organisation == "UN"
    with pytest.raises(ValidationError, match="needs a name or an organisation"):
        Signatory(honorific="M.", role="co-chair")


def test_link_position_must_match_the_paragraph_text() -> None:
    text = "Signed by 16 entities (external link)."
    ok = Paragraph(text=text, links=[Link(text="16 entities", start=10)])
    assert ok.links[0].start == 10
    with pytest.raises(ValidationError, match="starts at 9"):
        Paragraph(text=text, links=[Link(text="16 entities", start=9)])
    with pytest.raises(ValidationError, match="non-negative"):
        Link(text="x", start=-1)
    with pytest.raises(ValidationError, match="ParagraphKind"):
        Paragraph(text="x", kind="heading")  # type: ignore[arg-type]
    assert Paragraph(text="x", kind=ParagraphKind.HEADING).kind is ParagraphKind.HEADING


def test_records_pickle_with_their_locations() -> None:
    where = Location(source="a.txt", line=2)
    record = PressRelease(title="T", locations={"$.title": where})
    copy = pickle.loads(pickle.dumps(record))
    assert copy == record
    assert copy.location_of("$.title") == where


def test_location_renders_as_file_line_column() -> None:
    assert str(Location(source="a.txt", line=3, column=7)) == "a.txt:3:7"
    assert str(Location(line=2, element="/html/body/h1")) == "<input>:2 (/html/body/h1)"
