"""Every hostile case, read in-process by every registered reader it applies to.

The cases and their expectations come from ``cases/`` (self-describing files,
see ``README.md``) and ``_generated.py``; a reader that lands on ``main`` is
covered as soon as its module exists. Slow generated cases (a million feed
items, a 50 MB line) run only in ``test_resources.py``, in a subprocess,
where their memory is measured.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from _hostile import (
    Case,
    MissingReader,
    all_cases,
    file_cases,
    invariant_failures,
    parse_expect,
    reader_for,
    run_reader,
)
from _known import marks

from pressrelease.formats import FORMATS

CASES = all_cases(slow=False)
PARAMS = [
    pytest.param(case, fmt, id=f"{case.name}[{fmt}]", marks=marks((case.name, fmt)))
    for case in CASES
    for fmt in case.formats
]
#: Bytes against a stream of the same bytes: the committed files (generated ones are large).
STREAM_PARAMS = [
    pytest.param(case, fmt, id=f"{case.name}[{fmt}]")
    for case in CASES
    if case.path is not None
    for fmt in case.formats
]


def _reader_or_skip(fmt: str) -> None:
    try:
        reader_for(fmt)
    except MissingReader as exc:
        pytest.skip(f"reader for {fmt} not on this branch yet: {exc}")


@pytest.mark.parametrize(("case", "fmt"), PARAMS)
def test_hazard(case: Case, fmt: str) -> None:
    _reader_or_skip(fmt)
    expect = case.expect_for(fmt)
    data = case.load()
    started = time.process_time()  # CPU time: what the document costs, whatever else runs
    result = run_reader(fmt, data, source=case.name, limits=case.limits)
    elapsed = time.process_time() - started
    problems = invariant_failures(
        result, source=case.name, data=data if isinstance(data, bytes) else None
    )
    problems += expect.judge(result)
    assert elapsed < case.max_seconds, (
        f"{case.name} took {elapsed:.1f} s of CPU with the {fmt} reader"
    )
    assert not problems, f"{case.name} [{fmt}] expect: {expect.text}\n" + "\n".join(problems)


@pytest.mark.parametrize(("case", "fmt"), STREAM_PARAMS)
def test_hazard_as_stream(case: Case, fmt: str) -> None:
    """Readers take a binary stream as well as bytes; the outcome must not depend on which."""
    _reader_or_skip(fmt)
    data = case.load()
    if not isinstance(data, bytes):
        pytest.skip("this case is a stream already (test_hazard reads it)")
    import io

    from_bytes = run_reader(fmt, data, source=case.name, limits=case.limits)
    from_stream = run_reader(fmt, io.BytesIO(data), source=case.name, limits=case.limits)
    assert type(from_stream.error) is type(from_bytes.error), (from_bytes.error, from_stream.error)
    assert from_stream.records == from_bytes.records


def test_every_case_file_has_an_expectation() -> None:
    """A case file without a header or sidecar would be skipped silently: refuse it."""
    cases = file_cases()
    assert len(cases) > 100
    for case in cases:
        assert case.expects, case.name
        assert case.path is not None
        assert case.path.stat().st_size < 64 * 1024, (
            f"{case.name} is large: generate it in _generated.py instead of committing it"
        )


def test_every_registered_reader_is_exercised() -> None:
    covered = {fmt for case in CASES for fmt in case.formats}
    readers = {name for name, fmt in FORMATS.items() if fmt.reader}
    assert readers <= covered, f"no hostile case for {sorted(readers - covered)}"


def test_no_sidecar_without_its_case() -> None:
    here = Path(__file__).parent / "cases"
    for sidecar in here.rglob("*.expect"):
        assert sidecar.with_name(sidecar.name.removesuffix(".expect")).exists(), sidecar


@pytest.mark.parametrize(
    "text",
    [
        "records=1 bogus=3",
        "formats=nosuchformat raises=ParseError",
        "formats=xml line=3",
        'formats=xml present="unterminated',
    ],
)
def test_expectation_grammar_rejects_mistakes(text: str) -> None:
    with pytest.raises(ValueError, match=r"\S"):
        parse_expect(text)


def test_expectation_escapes() -> None:
    expect = parse_expect(r'formats=text records=1 present="Bor\u202erell\x00" | raises=A,B')
    assert expect.outcomes[0].present == ("Bor\u202erell\x00",)
    assert expect.outcomes[1].raises == ("A", "B")
