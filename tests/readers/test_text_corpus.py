"""Golden records for every text and Markdown document of the shared corpus, and field accuracy.

Each ``tests/golden/text/<name>.json`` holds what the document says, read by a
person: the corpus labels (``labels.jsonl``, hand-made) checked against the
document, plus the issuer, category and UTC offset decided by reading it
(the seed's 16:53 in Brussels in December is +01:00). The seed must parse to
exactly the hand-built record of ``examples/seed``.

``test_field_accuracy`` prints a table (run with ``-s`` to see it, it is also
in the terminal summary) and fails if any field falls below what the reader
reached when this test was written.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from pressrelease import parse
from pressrelease.model import PressRelease
from tests.seed import seed_record

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "text"
CASES = sorted(GOLDEN.glob("*.json"))

#: Minimum accuracy per field over the corpus, as reached (regressions fail).
MINIMUM = {
    "unique_id": 1.0,
    "date": 1.0,
    "time+offset": 1.0,
    "place": 1.0,
    "title": 1.0,
    "language": 1.0,
    "issuer": 1.0,
    "category": 1.0,
}
#: Signatories (micro F1 over names, or organisations for organisation-only parties).
MINIMUM_SIGNATORY_F1 = 0.90


def _golden(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _read(corpus: Path, golden: dict[str, Any]) -> PressRelease:
    return _read_cached(str(corpus / golden["file"]), golden["file"], golden["format"])


@functools.cache
def _read_cached(path: str, name: str, fmt: str) -> PressRelease:
    return parse(Path(path).read_bytes(), source=name, format=fmt)


def _fields(record: PressRelease) -> dict[str, Any]:
    published = record.published
    if isinstance(published, datetime):
        offset = published.utcoffset()
        assert offset is not None
        minutes = int(offset.total_seconds() // 60)
        sign = "-" if minutes < 0 else "+"
        clock: str | None = (
            f"{published:%H:%M}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        )
        day: str | None = published.date().isoformat()
    else:
        clock = None
        day = published.isoformat() if published else None
    return {
        "unique_id": record.unique_id,
        "date": day,
        "time+offset": clock,
        "place": record.place,
        "title": " ".join(record.title.split()),
        "language": record.language,
        "issuer": record.issuer,
        "category": record.category,
    }


def _expected(golden: dict[str, Any]) -> dict[str, Any]:
    clock = (
        f"{golden['published_time']}{golden['utc_offset']}"
        if golden["published_time"] and golden["utc_offset"]
        else None
    )
    return {
        "unique_id": golden["unique_id"],
        "date": golden["published_date"],
        "time+offset": clock,
        "place": golden["place"],
        "title": golden["title"],
        "language": golden["language"],
        "issuer": golden["issuer"],
        "category": golden["category"],
    }


def test_every_text_and_markdown_document_has_a_golden_record(corpus: Path) -> None:
    labelled = {
        json.loads(line)["file"]
        for line in (corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines()
        if json.loads(line)["format"] in ("text", "markdown")
    }
    assert {_golden(path)["file"] for path in CASES} == labelled


@pytest.mark.parametrize("path", CASES, ids=[path.stem[:50] for path in CASES])
def test_golden(corpus: Path, path: Path) -> None:
    golden = _golden(path)
    record = _read(corpus, golden)
    assert _fields(record) == _expected(golden)
    # Every value found in the document says where it was found.
    for key, value in (
        ("$.title", record.title),
        ("$.unique_id", record.unique_id),
        ("$.published", record.published),
        ("$.place", record.place),
        ("$.category", record.category),
    ):
        if value:
            location = record.location_of(key)
            assert location is not None, key
            assert location.source == golden["file"]
            assert location.line is not None
            assert location.line >= 1
    for index, paragraph in enumerate(record.body):
        assert record.location_of(f"$.body[{index}]") == paragraph.location
        assert paragraph.location is not None
        assert paragraph.location.line is not None


def test_places_are_printed_where_the_location_says(corpus: Path) -> None:
    for path in CASES:
        golden = _golden(path)
        record = _read(corpus, golden)
        if record.place is None:
            continue
        location = record.location_of("$.place")
        assert location is not None
        assert location.line is not None
        lines = (corpus / golden["file"]).read_text(encoding="utf-8").split("\n")
        line = lines[location.line - 1]
        assert location.column is not None
        assert line[location.column - 1 :].startswith(record.place), golden["file"]


def test_seed_parses_to_the_acceptance_record(corpus: Path) -> None:
    record = parse((corpus / "seed" / "eeas-201203_6-fr.txt").read_bytes(), source="seed")
    expected = seed_record()
    assert record == expected
    assert record.published is not None
    assert record.published.isoformat() == "2020-12-03T16:53:00+01:00"
    assert record.translations == ()
    assert len(record.body) == 5
    last = record.body[-1]
    assert last.text.endswith("(lien externe).")
    assert last.links[0].href is None
    assert record.notices == ()
    assert record.location_of("$.unique_id") is not None
    assert (record.location_of("$.unique_id").line, record.location_of("$.unique_id").column) == (
        3,
        42,
    )
    assert record.location_of("$.body[3]") is not None
    assert record.location_of("$.body[3]").line == 12


def test_seed_parties_exactly(corpus: Path) -> None:
    record = parse((corpus / "seed" / "eeas-201203_6-fr.txt").read_bytes())
    assert record.signatories == seed_record().signatories
    assert record.participants == seed_record().participants


def _key(value: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", value or "")
    return "".join(ch for ch in decomposed if ch.isalnum()).casefold()


def _signatory_counts(record: PressRelease, golden: dict[str, Any]) -> tuple[int, int, int]:
    """(true positives, predicted, expected): a match has the same name, or organisation if no name."""
    expected = [
        _key(s["name"]) if s["name"] else "org:" + _key(s["organisation"])
        for s in golden["signatories"]
    ]
    predicted = [
        _key(s.name) if s.name else "org:" + _key(s.organisation) for s in record.signatories
    ]
    remaining = list(expected)
    hits = 0
    for item in predicted:
        if item in remaining:
            remaining.remove(item)
            hits += 1
    return hits, len(predicted), len(expected)


def test_field_accuracy(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    right = dict.fromkeys(MINIMUM, 0)
    hits = predicted = expected = 0
    for path in CASES:
        golden = _golden(path)
        record = _read(corpus, golden)
        got, want = _fields(record), _expected(golden)
        for field in MINIMUM:
            right[field] += got[field] == want[field]
        h, p, e = _signatory_counts(record, golden)
        hits, predicted, expected = hits + h, predicted + p, expected + e
    total = len(CASES)
    accuracy = {field: right[field] / total for field in MINIMUM}
    precision = hits / predicted if predicted else 0.0
    recall = hits / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    with capsys.disabled():
        print(f"\ntext/Markdown corpus field accuracy over {total} documents:")
        for field, value in accuracy.items():
            print(f"  {field:<12} {value:6.1%}  ({right[field]}/{total})")
        print(f"  signatories  P={precision:.2f} R={recall:.2f} F1={f1:.2f}")
    for field, minimum in MINIMUM.items():
        assert accuracy[field] >= minimum, f"{field} accuracy fell to {accuracy[field]:.1%}"
    assert f1 >= MINIMUM_SIGNATORY_F1
