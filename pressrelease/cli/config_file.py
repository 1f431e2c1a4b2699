"""Finding and reading the ``[tool.pressrelease]`` table of a ``pyproject.toml``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["ConfigFileError", "find_pyproject", "read_table"]


class ConfigFileError(Exception):
    """A configuration file that cannot be read or parsed (a usage error, exit 2)."""


def _table(path: Path) -> dict[str, Any] | None:
    import tomllib

    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except OSError as exc:
        raise ConfigFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigFileError(f"{path}: not valid TOML: {exc}") from exc
    tool = document.get("tool")
    if not isinstance(tool, dict):
        return None
    table = tool.get("pressrelease")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigFileError(f"{path}: [tool.pressrelease] must be a table")
    return table


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start`` with a ``[tool.pressrelease]`` table."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _table(candidate) is not None:
            return candidate
    return None


def read_table(path: Path) -> dict[str, Any]:
    """The ``[tool.pressrelease]`` table of ``path``; an error if the file has none."""
    table = _table(path)
    if table is None:
        raise ConfigFileError(f"{path}: has no [tool.pressrelease] table")
    return table
