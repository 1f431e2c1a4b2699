"""The package as users install it: the wheel holds the package and its schemas, nothing else."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    # Build from a copy so the build never writes into the working tree.
    tree = tmp_path_factory.mktemp("tree") / "pressrelease"
    shutil.copytree(
        ROOT,
        tree,
        symlinks=True,
        ignore=shutil.ignore_patterns(".git", "*cache*", "_build", "*.egg-info", "__pycache__"),
    )
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=tree,
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def test_wheel_holds_only_the_package(wheel_names: list[str]) -> None:
    top = {name.split("/")[0] for name in wheel_names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"pressrelease"}
    assert "pressrelease/py.typed" in wheel_names
    assert not any(name.startswith(("tests/", "docs/", "benchmarks/")) for name in wheel_names)


def test_wheel_ships_every_published_schema(wheel_names: list[str]) -> None:
    published = {p.name for p in (ROOT / "schemas").iterdir() if p.is_file()}
    shipped = {
        name.rsplit("/", 1)[1] for name in wheel_names if name.startswith("pressrelease/schemas/")
    }
    assert published
    assert published == shipped


def test_console_script_is_declared(wheel_names: list[str]) -> None:
    assert any(name.endswith("entry_points.txt") for name in wheel_names)


def test_version_from_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pressrelease", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith("pressrelease ")
