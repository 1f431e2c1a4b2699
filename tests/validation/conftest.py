"""The reference record for the validation tests: the seed, built by hand (tests/seed.py)."""

from __future__ import annotations

import pytest

from pressrelease.model import PressRelease
from tests.seed import DOCUMENT, seed_record


@pytest.fixture
def reference() -> PressRelease:
    """The reference record (EEAS 201203_6, in French), with its source locations."""
    return seed_record(source=DOCUMENT.name)
