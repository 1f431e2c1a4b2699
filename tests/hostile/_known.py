"""Known failures: hazards that expose a problem in a reader, each routed to its owner.

Every entry becomes ``pytest.mark.xfail(strict=True)``, so a fix shows up as
an XPASS failure and the entry must then be deleted. Keys are ``(case,
format)`` for the per-case tests (in-process and in the measuring
subprocess), ``(test, format)`` for the limit, CLI and fuzz tests.
"""

from __future__ import annotations

import pytest

CASES: dict[tuple[str, str], str] = {}

TESTS: dict[tuple[str, str], str] = {}
TESTS[("test_id_length_at_default", "ninjs")] = (
    "by design: a ninjs uri is a URI, not an issuer's ID, and real ones (IPTC's test suite) "
    "exceed 64 characters, so max_id_length does not apply to it"
)


def marks(
    key: tuple[str, str], table: dict[tuple[str, str], str] | None = None
) -> list[pytest.MarkDecorator]:
    """The strict xfail mark for ``key`` if it is a known failure, else nothing."""
    reason = (CASES if table is None else table).get(key)
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
