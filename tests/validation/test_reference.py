"""The reference document validates clean; the acceptance copies fail with the right code."""

from __future__ import annotations

from datetime import date

import attrs

from pressrelease import Notice, PressRelease, Severity, validate
from pressrelease.model import Location


def _french(text: str) -> str:
    return "fr"


def test_reference_is_clean(reference: PressRelease) -> None:
    from pressrelease.validation import ValidationConfig

    report = validate(reference, config=ValidationConfig(language_detector=_french))
    assert report.findings == ()
    assert report.ok


def test_reference_is_clean_with_the_default_detector(reference: PressRelease) -> None:
    assert validate(reference, today=date(2026, 11, 29)).findings == ()


def test_without_id(reference: PressRelease) -> None:
    report = validate(attrs.evolve(reference, unique_id=None))
    assert [(f.code, f.severity, f.path) for f in report.findings] == [
        ("PR101", Severity.ERROR, "$.unique_id")
    ]
    assert not report.ok


def test_impossible_date_notice(reference: PressRelease) -> None:
    where = Location(source="eeas-201203_6-fr.txt", line=3, column=11)
    notice = Notice(
        code="PR202",
        message="'31/02/2020' is not a calendar date: February has 29 days at most",
        path="$.published",
        location=where,
    )
    copy = attrs.evolve(reference, published=None, notices=(notice,))
    report = validate(copy)
    # The notice is the finding; no separate "date missing" (PR201).
    assert [(f.code, f.path, f.location) for f in report.findings] == [
        ("PR202", "$.published", where)
    ]
    assert not report.ok


def test_id_disagreeing_with_the_date(reference: PressRelease) -> None:
    copy = attrs.evolve(reference, published=date(2020, 12, 4))
    (finding,) = validate(copy).findings
    assert finding.code == "PR103"
    assert finding.message == (
        "unique ID '201203_6' encodes 2020-12-03 but the release is dated 2020-12-04"
    )
    assert finding.location == Location(source="eeas-201203_6-fr.txt", line=3, column=42)


def test_one_co_chair_removed(reference: PressRelease) -> None:
    for kept in reference.signatories:
        copy = attrs.evolve(reference, signatories=(kept,))
        (finding,) = validate(copy).findings
        assert finding.code == "PR302"
        assert finding.severity is Severity.ERROR
        assert finding.path == "$.signatories"
        assert "'joint'" in finding.message
        assert finding.location is not None
        assert finding.location.line == 14
