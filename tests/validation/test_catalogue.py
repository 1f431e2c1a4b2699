"""The rule catalogue: every code documented, every example behaving as documented."""

from __future__ import annotations

import re

import pytest

from pressrelease.validation import RULES, Severity, ValidationConfig, validate_many
from pressrelease.validation.catalogue import Example, matching_codes
from pressrelease.validation.rules import CHECKS

# The codes fixed by the project's brief, plus PR406 added by this module.
EXPECTED_CODES = {
    "PR101", "PR102", "PR103", "PR104",
    "PR201", "PR202", "PR203", "PR204", "PR205", "PR206",
    "PR301", "PR302", "PR303", "PR304", "PR305",
    "PR401", "PR402", "PR406", "PR411", "PR421", "PR422", "PR431",
    "PR501", "PR502",
    "PR601", "PR602", "PR603", "PR604", "PR605",
}  # fmt: skip


def _english(text: str) -> str:
    return "en"  # every example body is English


def _codes(example: Example) -> list[str]:
    config = ValidationConfig.from_mapping(example.config).merged(language_detector=_english)
    batch = validate_many(example.records, config=config)
    return [finding.code for finding in batch.all_findings]


def test_catalogue_has_exactly_the_fixed_codes() -> None:
    assert set(RULES) == EXPECTED_CODES
    assert list(RULES) == sorted(RULES)


@pytest.mark.parametrize("code", sorted(EXPECTED_CODES))
def test_failing_example_gets_the_finding(code: str) -> None:
    assert code in _codes(RULES[code].failing)


@pytest.mark.parametrize("code", sorted(EXPECTED_CODES))
def test_passing_example_is_clean(code: str) -> None:
    # The passing side gets no finding at all, so it shows the rule's own boundary.
    assert _codes(RULES[code].passing) == []


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_entries_are_well_formed(rule: object) -> None:
    from pressrelease.validation.catalogue import Rule

    assert isinstance(rule, Rule)
    assert re.fullmatch(r"PR[1-6]\d\d", rule.code)
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name)
    assert rule.summary.endswith(".")
    assert "\n" not in rule.summary
    assert rule.failing.description
    assert rule.passing.description
    # A rule checked on the record has a check; a notice-only rule has none.
    if rule.source in ("record", "both"):
        assert rule.code in CHECKS or rule.code == "PR406"
    else:
        assert rule.code not in CHECKS


def test_names_are_unique() -> None:
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))


def test_default_severities_of_the_acceptance_rules() -> None:
    # The acceptance copies of the reference record must fail: these are errors.
    for code in ("PR101", "PR202", "PR103", "PR302"):
        assert RULES[code].severity is Severity.ERROR


def test_prefixes() -> None:
    assert matching_codes("PR2") == ("PR201", "PR202", "PR203", "PR204", "PR205", "PR206")
    assert matching_codes("PR101") == ("PR101",)
    assert matching_codes("PR9") == ()
