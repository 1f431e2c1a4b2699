"""The validation docs page: its examples run, and its rule table is the catalogue's."""

from __future__ import annotations

import doctest
from pathlib import Path

from pressrelease.validation.catalogue import catalogue_markdown

PAGE = Path(__file__).resolve().parents[2] / "docs" / "validation.md"


def test_rule_table_matches_the_catalogue() -> None:
    assert PAGE.read_text(encoding="utf-8").endswith(
        "\n## Rules\n\n" + _intro() + catalogue_markdown()
    )


def _intro() -> str:
    text = PAGE.read_text(encoding="utf-8")
    start = text.index("\n## Rules\n\n") + len("\n## Rules\n\n")
    return text[start : text.index("| Code |", start)]


def test_examples_run() -> None:
    result = doctest.testfile(str(PAGE), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 5
    assert result.failed == 0
