"""WriteReport: what a writer could not carry."""

from __future__ import annotations

import attrs
import pytest

from pressrelease.writers import WriteReport


def test_lossy_paths_are_sorted_and_unique() -> None:
    report = WriteReport(
        format="atom", records=3, lossy=["$.signatories[].role", "$.notes", "$.notes"]
    )
    assert report.lossy == ("$.notes", "$.signatories[].role")
    assert not report.lossless
    assert WriteReport(format="json", records=0).lossless


def test_a_string_is_not_a_list_of_paths() -> None:
    with pytest.raises(TypeError, match="not a string"):
        WriteReport(format="atom", records=1, lossy="$.notes")


def test_reports_are_frozen_and_keyword_only() -> None:
    report = WriteReport(format="xml", records=1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.records = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        WriteReport("xml", 1)  # type: ignore[misc]
