"""Tests for pressrelease.readers.frontmatter: safe YAML front matter with key lines."""

from __future__ import annotations

import pytest

from pressrelease.errors import LimitExceededError, ParseError, UnsafeInputError
from pressrelease.readers.frontmatter import split_front_matter


def test_values_lines_and_body() -> None:
    text = (
        '---\ntitle: "United\\_States\\u2013EU"\ndate: 2021-10-31\n'
        'published_time: 2021-10-31 09:17:27-04:00\ncreators:\n  - "Hunt, Ralph"\n---\nBody\n'
    )
    fm = split_front_matter(text)
    assert fm.values["title"] == "United\u00a0States\u2013EU"
    # Scalars stay text: the reader checks dates itself.
    assert fm.values["date"] == "2021-10-31"
    assert fm.values["published_time"] == "2021-10-31 09:17:27-04:00"
    assert fm.values["creators"] == ["Hunt, Ralph"]
    assert fm.key_lines == {"title": 2, "date": 3, "published_time": 4, "creators": 5}
    assert (fm.body, fm.body_line) == ("Body\n", 8)


def test_impossible_date_is_text_not_a_crash() -> None:
    assert split_front_matter("---\ndate: 2020-02-31\n---\nBody").values == {"date": "2020-02-31"}


def test_no_front_matter() -> None:
    fm = split_front_matter("Title\n---\n")
    assert fm.values == {}
    assert fm.body == "Title\n---\n"
    assert fm.body_line == 1


def test_duplicate_keys_at_any_depth() -> None:
    with pytest.raises(ParseError, match="'a' twice") as info:
        split_front_matter("---\nx:\n  a: 1\n  b: [1, {a: 2, c: 3}]\n  a: 2\n---\n")
    assert info.value.line == 5
    fm = split_front_matter("---\nx: {a: 1}\ny: {a: 1}\nz: [a, a]\n---\n")
    assert fm.values["z"] == ["a", "a"]


def test_empty_front_matter() -> None:
    assert split_front_matter("---\n---\nBody").values == {}


@pytest.mark.parametrize(
    ("yaml", "what"),
    [
        ("a: &anchor 1", "anchor"),
        ("a: *nothing", "alias|not valid YAML"),
        ("a: !!python/name:os.system x", "tag"),
        ("a: !!binary aGk=", "tag"),
        ("? !!set {a}\n: 1", "tag"),
    ],
)
def test_refused(yaml: str, what: str) -> None:
    with pytest.raises((UnsafeInputError, ParseError), match=what):
        split_front_matter(f"---\n{yaml}\n---\nBody", source="s.md")


def test_alias_bomb_is_refused_before_expansion() -> None:
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]"
    with pytest.raises(UnsafeInputError):
        split_front_matter(f"---\n{bomb}\n---\n")


def test_errors_are_located() -> None:
    with pytest.raises(ParseError) as info:
        split_front_matter("---\ntitle: ok\nbad: [\n---\n", source="b.md")
    assert info.value.source == "b.md"
    assert info.value.line is not None
    assert info.value.line >= 3


def test_size_limit() -> None:
    with pytest.raises(LimitExceededError):
        split_front_matter("---\nx: '" + "y" * 70_000 + "'\n---\n")
