"""The fast paths of ``build_record`` decide what the general ones decide."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressrelease.errors import LimitExceededError
from pressrelease.feeds._ext import (
    _assemble,
    _check_limits,
    _plainly_safe,
    _texts,
    build_record,
)
from pressrelease.limits import Limits
from pressrelease.model import Link, Location, Notice, Paragraph, PressRelease, Translation
from pressrelease.validation.text import unsafe_scheme
from tests.strategies import press_releases, xml_text

URL_TAILS = st.lists(
    st.sampled_from([*"/:%&;#?@ \t\n\x00\u00ad\u200b\ufeffaAjJ", "&colon;", "%3A", "javascript:"]),
    max_size=12,
).map("".join)


@given(prefix=st.sampled_from(["http://", "https://"]), tail=URL_TAILS)
def test_an_http_prefix_is_kept_whatever_follows(prefix: str, tail: str) -> None:
    assert _plainly_safe(prefix + tail)
    assert unsafe_scheme(prefix + tail) is None


@given(url=st.one_of(URL_TAILS, xml_text()))
def test_only_a_plain_http_prefix_skips_the_check(url: str) -> None:
    if _plainly_safe(url):
        assert unsafe_scheme(url) is None


def test_unsafe_links_are_still_dropped_next_to_safe_ones() -> None:
    values = {
        "title": "T",
        "source_url": "https://ex.org/1",
        "related": (Link(text="x", href="javascript:alert(1)"),),
        "translations": (Translation(language="fr", url="https://ex.org/fr"),),
        "body": (Paragraph(text="See", links=(Link(text="See", href="data:x", start=0),)),),
    }
    record = build_record(values, None, source="f.xml", line=4, what="RSS item")
    assert record.related == ()
    assert record.body[0].links == (Link(text="See", href=None, start=0),)
    assert record.source_url == "https://ex.org/1"
    assert sorted(n.path for n in record.notices) == ["$.body[0].links[0]", "$.related[0]"]


@given(record=press_releases(), limit=st.integers(1, 40))
def test_the_longest_text_check_names_the_first_culprit(record: PressRelease, limit: int) -> None:
    record = attrs.evolve(record, unique_id=None)
    limits = Limits(max_field_chars=limit)
    culprits = [path for path, text in _texts(record) if len(text) > limit]
    if not culprits:
        _check_limits(record, limits, source=None, line=None)
        return
    with pytest.raises(LimitExceededError) as info:
        _check_limits(record, limits, source=None, line=None)
    assert info.value.path == culprits[0]


# --- _assemble: the record the model builds, without the model's checks ------------------

#: What the model checks and converts, as _assemble was written against it. A change here
#: (a new field, validator or converter) must be weighed in _assemble, then recorded here.
PRESS_RELEASE_CHECKS = [
    ("title", "_str", None), ("unique_id", "_optional_str", None),
    ("subtitle", "_optional_str", None), ("published", "_aware_or_date", None),
    ("place", "_optional_str", None), ("category", "_optional_str", None),
    ("language", "_optional_str", None), ("issuer", "_optional_str", None),
    ("signatories", None, "_tuple"), ("participants", None, "_tuple"), ("body", None, "_tuple"),
    ("translations", None, "_tuple"), ("related", None, "_tuple"),
    ("contacts", None, "_tuple"), ("notes", None, "_tuple"), ("source_url", "_optional_str", None),
    ("locations", None, "_locations"), ("notices", None, "_tuple"),
]  # fmt: skip


def _checks(cls: type) -> list[tuple[str, str | None, str | None]]:
    return [
        (
            field.name,
            getattr(field.validator, "__name__", None),
            getattr(field.converter, "__name__", None),
        )
        for field in attrs.fields(cls)
    ]


def test_assemble_was_written_for_the_model_as_it_is() -> None:
    assert _checks(PressRelease) == PRESS_RELEASE_CHECKS
    # The post-init only checks the members' types, which the readers build themselves.
    assert PressRelease.__attrs_post_init__.__qualname__ == "PressRelease.__attrs_post_init__"


def _slots(record: object) -> list[tuple[str, object, type]]:
    return [
        (field.name, getattr(record, field.name), type(getattr(record, field.name)))
        for field in attrs.fields(type(record))
    ]


@given(
    record=press_releases(),
    keep=st.sets(st.sampled_from([f.name for f in attrs.fields(PressRelease)])),
    as_lists=st.booleans(),
)
def test_assemble_gives_what_the_model_gives(
    record: PressRelease, keep: set[str], as_lists: bool
) -> None:
    values: dict[str, object] = {"title": record.title}
    for name in keep - {"locations", "notices"}:
        value = getattr(record, name)
        values[name] = list(value) if as_lists and isinstance(value, tuple) else value
    if "locations" in keep:
        values["locations"] = {"$": Location(source="f.xml", line=2)}
    if "notices" in keep:
        notices = [Notice(code="PR605", message="m", location=Location(line=3))]
        values["notices"] = notices if as_lists else tuple(notices)
    expected = PressRelease(**values)  # type: ignore[arg-type]
    got = _assemble(dict(values))
    assert _slots(got) == _slots(expected)
    assert got == expected
    assert hash(got) == hash(expected)
    assert repr(got) == repr(expected)
