"""Tests for pressrelease.extract.ids: labelled and standalone IDs, issuers, limits."""

from __future__ import annotations

import pytest

from pressrelease.errors import LimitExceededError
from pressrelease.extract.ids import find_id, issuer_of
from pressrelease.limits import Limits


@pytest.mark.parametrize(
    ("line", "value", "issuer"),
    [
        ("Brussels, 03/12/2020 - 16:53, UNIQUE ID: 201203_6", "201203_6", "eeas"),
        ("Reference: 20190712IPR56948", "20190712IPR56948", "europarl"),
        ("Réf.: IP/20/2263", "IP/20/2263", "ec"),
        ("Ref.: SG/SM/21982", "SG/SM/21982", "un"),
        ("Press release no. PR/CP(2021)094", "PR/CP(2021)094", "nato"),
        ("Référence : MEMO/20/123", "MEMO/20/123", "ec"),
    ],
)
def test_labelled(line: str, value: str, issuer: str) -> None:
    found = find_id(line)
    assert found is not None
    assert (found.value, found.issuer, found.labelled, found.conforms) == (
        value,
        issuer,
        True,
        True,
    )
    assert line[found.start :].startswith(value)


@pytest.mark.parametrize(
    ("line", "value", "issuer"),
    [
        ("STATEMENT/15/6088", "STATEMENT/15/6088", "ec"),
        (" SG/SM/21765 ", "SG/SM/21765", "un"),
        ("DSG/SM/1835", "DSG/SM/1835", "un"),
        ("DEV/3440", "DEV/3440", "un"),
        ("SG/SM/20449-OBV/1902", "SG/SM/20449-OBV/1902", "un"),
        ("201203_6", "201203_6", "eeas"),
        ("20230706IPR02317", "20230706IPR02317", "europarl"),
        ("ip_20_777", "ip_20_777", "ec"),
    ],
)
def test_alone_on_a_line(line: str, value: str, issuer: str) -> None:
    found = find_id(line)
    assert found is not None
    assert (found.value, found.issuer, found.labelled) == (value, issuer, False)


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("MIN 40/95 23 May 1995", "MIN 40/95"),
        ("23 November 1977 ,  IEA 90/77", "IEA 90/77"),
        ("V64/96 20 August 1996", "V64/96"),
        ("15 June 2009   AA305/2009", "AA305/2009"),
        ("MPS 22/2002", "MPS 22/2002"),
        ("PR 55", "PR 55"),
        ("63/79 20 April 1979", "63/79"),
    ],
)
def test_plain_national_numbers_need_their_issuer(line: str, value: str) -> None:
    assert find_id(line) is None  # too plain to recognise alone
    found = find_id(line, issuer="au-parliament")
    assert found is not None
    assert found.value == value
    assert found.issuer == "au-parliament"


@pytest.mark.parametrize(
    "line",
    [
        "The SG/SM/21765 statement was read today.",
        "Following is the text of the address in 2020.",
        "BUDGET 2002-2003",
        "1 of 5",
        "17 April 2023",
        "",
    ],
)
def test_not_an_id(line: str) -> None:
    assert find_id(line, issuer="au-parliament") is None


def test_labelled_value_of_no_known_form() -> None:
    found = find_id("Reference: ABC-123-XYZ")
    assert found is not None
    assert found.value == "ABC-123-XYZ"
    assert found.conforms is False
    assert found.issuer is None


def test_label_without_digits_is_no_id() -> None:
    assert find_id("Reference: see below") is None


def test_max_id_length() -> None:
    with pytest.raises(LimitExceededError, match="max_id_length=8") as info:
        find_id("UNIQUE ID: 201203_6666", limits=Limits(max_id_length=8), source="a.txt")
    assert info.value.path == "$.unique_id"
    assert info.value.source == "a.txt"
    with pytest.raises(LimitExceededError):
        find_id("SG/SM/" + "1" * 70)


def test_issuer_of_prefers_the_given_issuer() -> None:
    assert issuer_of("912/21") is None
    found = issuer_of("912/21", preferred="council")
    assert found is not None
    assert found.key == "council"
    found = issuer_of("201203_6", preferred="council")
    assert found is not None
    assert found.key == "eeas"


def test_a_lone_id_like_token_over_the_limit_is_refused() -> None:
    with pytest.raises(LimitExceededError, match="max_id_length=64"):
        find_id("A" * 65)
    assert find_id("A" * 64) is None  # no digit: not an ID, and not too long to be one
    assert find_id("word " * 30) is None


@pytest.mark.parametrize(
    "line",
    [
        "-" * 72,
        "/news-media/media-releases/afp-and-nswpf-investigate-reported-human-trafficking",
        "joint-statement-on-the-export-controls-and-human-rights-initiative-of-the-united",
    ],
)
def test_long_paths_slugs_and_rules_are_not_ids(line: str) -> None:
    assert find_id(line) is None
