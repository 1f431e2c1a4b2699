"""The fast paths of ``build_record`` decide what the general ones decide."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressrelease.errors import LimitExceededError
from pressrelease.feeds._ext import _check_limits, _plainly_safe, _texts, build_record
from pressrelease.limits import Limits
from pressrelease.model import Link, Paragraph, PressRelease, Translation
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
