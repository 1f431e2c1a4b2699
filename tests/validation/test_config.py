"""The configuration record and its [tool.pressrelease] table."""

from __future__ import annotations

import re
from datetime import date

import pytest

from pressrelease.errors import ValidationError
from pressrelease.validation import Severity, ValidationConfig


def test_defaults() -> None:
    config = ValidationConfig()
    assert config.select is None
    assert config.ignore == ()
    assert config.oldest_year == 1945
    assert config.today is None
    assert all(config.enabled(code) for code in ("PR101", "PR605"))


def test_full_table() -> None:
    table = {
        "select": ["pr1", "PR2"],
        "ignore": ["PR204"],
        "severity": {"PR301": "INFO", "pr204": "error"},
        "require": ["place", "language"],
        "id-patterns": {"eeas": [r"\d{6}_[A-Z]{2}"]},
        "today": date(2026, 11, 29),
        "oldest_year": 1900,
    }
    config = ValidationConfig.from_mapping(table)
    assert config.select == ("PR1", "PR2")
    assert config.ignore == ("PR204",)
    assert config.severity == {"PR301": Severity.INFO, "PR204": Severity.ERROR}
    assert config.require == ("place", "language")
    assert config.id_patterns["eeas"][0].pattern == r"\d{6}_[A-Z]{2}"
    assert config.today == date(2026, 11, 29)
    assert config.oldest_year == 1900
    assert config.enabled("PR101")
    assert not config.enabled("PR204")
    assert not config.enabled("PR301")


def test_today_as_text() -> None:
    assert ValidationConfig.from_mapping({"today": "2020-12-03"}).today == date(2020, 12, 3)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"selct": ["PR1"]}, "unknown key 'selct'"),
        ({"select": ["PR9"]}, "unknown rule code 'PR9'"),
        ({"ignore": ["E501"]}, "unknown rule code 'E501'"),
        ({"select": "PR1"}, "select: give a list"),
        ({"severity": {"PR1": "error"}}, "must be one full rule code"),
        ({"severity": {"PR101": "fatal"}}, "unknown severity 'fatal'"),
        ({"severity": ["PR101"]}, "severity: give a table"),
        ({"require": ["locations"]}, "unknown field 'locations'"),
        ({"id-patterns": {"eeas": ["(unclosed"]}}, "is not a regular expression"),
        ({"id-patterns": {"eeas": r"\d+"}}, "give a list of regular expressions"),
        ({"today": "3/12/2020"}, "today: must be a date like"),
        ({"today": "2020-02-30"}, "is not a calendar date"),
        ({"oldest-year": "1945"}, "oldest-year: must be a year"),
    ],
)
def test_errors_name_the_key_and_value(table: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)) as caught:
        ValidationConfig.from_mapping(table, where="pyproject.toml: [tool.pressrelease]")
    assert str(caught.value).startswith("pyproject.toml: [tool.pressrelease]: ")


def test_configs_compare_and_hash() -> None:
    a = ValidationConfig.from_mapping({"ignore": ["PR402"], "severity": {"PR204": "error"}})
    b = ValidationConfig(ignore=["PR402"], severity={"PR204": Severity.ERROR})
    assert a == b
    assert hash(a) == hash(b)


def test_configs_pickle() -> None:
    import pickle

    config = ValidationConfig.from_mapping(
        {"id-patterns": {"eeas": [r"\d+"]}, "require": ["place"]}
    )
    assert pickle.loads(pickle.dumps(config)) == config
