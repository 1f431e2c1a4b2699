"""Paths the validation tests share (the conftest's, importable from test modules)."""

from __future__ import annotations

from pathlib import Path

STANDARDS_CI = Path(__file__).resolve().parents[2].parent / "shared" / "standards" / "ci"
