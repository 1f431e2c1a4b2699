"""Arbitrary input into our own readers raises only PressReleaseError subclasses."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from pressrelease._xml import iterparse_xml, parse_xml
from pressrelease.errors import PressReleaseError
from pressrelease.serialize.json import from_json, from_json_array, iter_jsonl, read_json
from pressrelease.serialize.xml import from_xml, read_xml

#: Bytes that look a little like our formats, so the fuzzing gets past the first character.
FRAGMENTS = [
    b"{",
    b"}",
    b"[",
    b"]",
    b'"title"',
    b":",
    b",",
    b'"x"',
    b"1e400",
    b"NaN",
    b"null",
    b"\\ud800",
    b'<press_release xmlns="urn:pressrelease:1">',
    b"</press_release>",
    b"<title>",
    b"</title>",
    b"<!DOCTYPE r [",
    b'<!ENTITY e "x">',
    b"]>",
    b"&e;",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\x1f\x8b",
    b"\n",
]
INPUTS = st.one_of(
    st.binary(max_size=200),
    st.lists(st.sampled_from(FRAGMENTS), max_size=20).map(b"".join),
)


def _only_our_errors(call: Callable[[], object]) -> None:
    """Run ``call``; any exception but a PressReleaseError fails the test."""
    with contextlib.suppress(PressReleaseError):
        call()


@given(INPUTS)
def test_json_readers(data: bytes) -> None:
    _only_our_errors(lambda: from_json(data))
    _only_our_errors(lambda: from_json_array(data))
    _only_our_errors(lambda: list(read_json(data)))
    _only_our_errors(lambda: list(iter_jsonl(io.BytesIO(data))))


@given(INPUTS)
def test_xml_readers(data: bytes) -> None:
    _only_our_errors(lambda: parse_xml(data))
    _only_our_errors(lambda: from_xml(data))
    _only_our_errors(lambda: list(read_xml(data)))
    _only_our_errors(lambda: list(iterparse_xml(io.BytesIO(data), tags={"title"}, chunk_size=7)))
