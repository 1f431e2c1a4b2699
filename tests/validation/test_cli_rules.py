"""``pressrelease rules``: the catalogue as text and as JSON."""

from __future__ import annotations

import json

import pytest

from pressrelease.cli.main import main
from pressrelease.validation import RULES


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert [entry["code"] for entry in listing] == list(RULES)
    assert listing[0] == {
        "code": "PR101",
        "name": "id-missing",
        "severity": "error",
        "summary": "The release has no unique ID.",
        "source": "both",
    }
    assert {entry["severity"] for entry in listing} <= {"error", "warning", "info"}


def test_rules_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(RULES)
    assert lines[0].split()[:3] == ["PR101", "error", "id-missing"]
    assert lines[-1].startswith("PR605  warning  value-not-understood")


def test_rules_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "xml"]) == 2
