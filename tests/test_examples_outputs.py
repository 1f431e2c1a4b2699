"""The example outputs in examples/outputs/ are what the current code writes, byte for byte."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from pressrelease.formats import FORMATS

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = ROOT / "examples" / "outputs"


def _regenerate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("regenerate", ROOT / "examples" / "regenerate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REGENERATE = _regenerate()


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    outputs: dict[str, bytes] = REGENERATE.render()
    return outputs


def test_every_output_is_checked_in_and_nothing_else(rendered: dict[str, bytes]) -> None:
    assert sorted(p.name for p in OUTPUTS.iterdir()) == sorted(rendered), (
        "examples/outputs/ differs from what the code writes: run python examples/regenerate.py"
    )


def test_outputs_are_current(rendered: dict[str, bytes]) -> None:
    stale = [name for name, data in rendered.items() if (OUTPUTS / name).read_bytes() != data]
    assert not stale, f"stale example outputs (run python examples/regenerate.py): {stale}"


def test_every_source_has_every_writable_format(rendered: dict[str, bytes]) -> None:
    writable = REGENERATE.writable_formats()
    assert {"json", "jsonl", "xml", "atom", "rss", "jsonfeed", "ninjs"} <= set(writable)
    assert set(writable) <= {name for name, fmt in FORMATS.items() if fmt.writer}
    for relative, _ in REGENERATE.SOURCES:
        stem = Path(relative).name.rsplit(".", 1)[0]
        for name in writable:
            assert f"{stem}{REGENERATE.ENDINGS[name]}" in rendered


def test_seed_json_output_holds_what_the_document_says() -> None:
    # Checked by hand against examples/seed/eeas-201203_6-fr.txt (lines 1-4 and the
    # last paragraph): title, dateline, ID, category and the two co-chairs.
    record = json.loads((OUTPUTS / "eeas-201203_6-fr.json").read_text(encoding="utf-8"))
    assert record["title"] == (
        "Lutte contre le terrorisme: troisième dialogue à haut niveau UE-Nations unies"
    )
    assert record["unique_id"] == "201203_6"
    assert record["published"] == "2020-12-03T16:53:00+01:00"
    assert record["place"] == "Brussels"
    assert record["category"] == "Joint Press Releases"
    assert [s["name"] for s in record["signatories"]] == ["Joanneke Balfoort", "Vladimir Voronkov"]
    assert [p["name"] for p in record["participants"]] == ["Gilles de Kerchove"]


def test_feed_outputs_keep_both_items_of_the_feed() -> None:
    # The source feed has two <item>s; their GUIDs, as printed in the feed.
    lines = (OUTPUTS / "news_gov_scot_rss_2017-06-27.jsonl").read_text(encoding="utf-8")
    ids = [json.loads(line)["unique_id"] for line in lines.splitlines()]
    assert ids == ["f5efd7f6-e9e4-4e70-a47c-e8dec8cb0400", "bc982f66-5e1c-454a-ab7a-eff889bcafd0"]
