"""The error hierarchy: abstract root, locations in messages, gathering, pickling."""

from __future__ import annotations

import pickle

import pytest

import pressrelease
from pressrelease.errors import (
    DTDForbiddenError,
    LimitExceededError,
    ParseError,
    PressReleaseError,
    SerializationError,
    UnsafeInputError,
    ValidationError,
)


def test_root_is_abstract_and_exported() -> None:
    with pytest.raises(TypeError, match="abstract"):
        PressReleaseError("x")
    assert pressrelease.PressReleaseError is PressReleaseError


@pytest.mark.parametrize(
    "cls",
    [
        ParseError,
        UnsafeInputError,
        DTDForbiddenError,
        LimitExceededError,
        ValidationError,
        SerializationError,
    ],
)
def test_every_error_is_a_press_release_error(cls: type[PressReleaseError]) -> None:
    err = cls("boom", source="f.xml", line=1, column=2)
    assert isinstance(err, PressReleaseError)
    assert str(err) == "f.xml:1:2: boom"


def test_message_with_path_and_no_line() -> None:
    assert str(ValidationError("must be a string", source="r.json", path="$.title")) == (
        "r.json: $.title: must be a string"
    )
    assert str(ParseError("empty input")) == "empty input"


def test_gather_reports_every_problem() -> None:
    err = ParseError.gather(
        [ParseError("a", line=1, column=1), ParseError("b", path="$.x")], source="doc.json"
    )
    assert len(err.problems) == 2
    assert str(err).splitlines() == ["doc.json:1:1: a", "doc.json: $.x: b"]
    assert err.message.startswith("2 problems")
    single = ParseError.gather([ParseError("only", line=4)], source="s")
    assert single.problems == (single,)
    assert str(single) == "s:4: only"


def test_errors_survive_pickling() -> None:
    err = ParseError.gather([ParseError("a", line=1), ParseError("b", line=2)], source="f")
    copy = pickle.loads(pickle.dumps(err))
    assert type(copy) is ParseError
    assert str(copy) == str(err)
    assert copy.line == 1
