"""Arbitrary bytes and mutated real documents into every registered reader: only our errors.

CI runs a short profile (the whole file stays well under a minute); set
``PRESSRELEASE_FUZZ_EXAMPLES`` for more examples per test, or run
``python fuzz/run.py --minutes N`` for a long unattended run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from _hostile import MissingReader, invariant_failures, reader_for, run_reader
from _known import TESTS, marks
from _mutate import mutate, seeds_for
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressrelease.formats import FORMATS

#: The shared corpus beside the project (as tests/conftest.py finds it; importing
#: "conftest" by name would pick whichever test folder's conftest came first).
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"

READERS = sorted(name for name, fmt in FORMATS.items() if fmt.reader)
EXAMPLES = int(os.environ.get("PRESSRELEASE_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _reader_or_skip(fmt: str) -> None:
    try:
        reader_for(fmt)
    except MissingReader as exc:
        pytest.skip(str(exc))


def _judge(fmt: str, data: bytes) -> None:
    result = run_reader(fmt, data, source="fuzz.input")
    problems = invariant_failures(result, source="fuzz.input", data=data)
    assert not problems, f"{fmt} on {data[:300]!r}...\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "fmt", [pytest.param(f, marks=marks(("test_arbitrary_bytes", f), TESTS)) for f in READERS]
)
def test_arbitrary_bytes(fmt: str) -> None:
    _reader_or_skip(fmt)

    @FUZZ
    @given(st.binary(max_size=4096))
    def run(data: bytes) -> None:
        _judge(fmt, data)

    run()


@pytest.mark.parametrize(
    "fmt", [pytest.param(f, marks=marks(("test_mutated_documents", f), TESTS)) for f in READERS]
)
def test_mutated_documents(fmt: str) -> None:
    _reader_or_skip(fmt)
    corpus = CORPUS if CORPUS.is_dir() else None
    seeds = seeds_for(fmt, corpus, max_bytes=40_000)
    assert seeds, f"no seed documents for {fmt}"

    @FUZZ
    @given(st.data())
    def run(data: st.DataObject) -> None:
        seed = seeds[data.draw(st.integers(0, len(seeds) - 1), label="seed")]

        def choose(low: int, high: int) -> int:
            return data.draw(st.integers(low, high))

        _judge(fmt, mutate(seed, choose, seeds))

    run()


def test_seeds_include_real_documents(corpus: Path) -> None:
    assert len(seeds_for("html", corpus)) > 10
    assert len(seeds_for("text", corpus)) > 20
