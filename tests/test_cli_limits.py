"""The ``--max-...`` flags: every Limits field can be set on the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

import attrs
import pytest

from pressrelease.cli.limits import add_limit_arguments, limits_from_args
from pressrelease.cli.main import main
from pressrelease.limits import DEFAULT_LIMITS, Limits


def parse(*argv: str) -> Limits:
    parser = argparse.ArgumentParser(exit_on_error=False)
    add_limit_arguments(parser)
    return limits_from_args(parser.parse_args(list(argv)))


def test_every_limit_has_a_flag() -> None:
    for field in attrs.fields(Limits):
        flag = "--" + field.name.replace("_", "-")
        value = "7K" if field.name.endswith("_bytes") else "7"
        expected = 7 * 1024 if field.name.endswith("_bytes") else 7
        assert getattr(parse(flag, value), field.name) == expected


def test_no_flags_keep_the_defaults() -> None:
    assert parse() is DEFAULT_LIMITS


@pytest.mark.parametrize(
    ("flag", "value"), [("--max-document-bytes", "0"), ("--max-json-depth", "x")]
)
def test_bad_values_are_usage_errors(
    flag: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", flag, value, "x.txt"]) == 2
    assert "expected a positive" in capsys.readouterr().err


def test_validate_applies_the_document_size_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = tmp_path / "r.txt"
    release.write_text(
        "Title\n\nBrussels, 3 December 2020\n\nA body paragraph.\n", encoding="utf-8"
    )
    assert main(["validate", "--no-config", "--max-document-bytes", "10", str(release)]) == 1
    err_and_out = "".join(capsys.readouterr())
    assert "larger than max_document_bytes=10" in err_and_out
    assert "Traceback" not in err_and_out
