"""Time, peak memory and I/O of every hostile case, measured in a subprocess.

The small cases share one worker process (peak RSS only grows, so a case is
blamed only when it crossed the ceiling itself); each slow case (a million
feed items, a 50 MB line) gets a worker of its own. The worker installs an
audit hook, so a file opened or a socket used because of a document shows up
even where the in-process socket guard of ``tests/conftest.py`` cannot see it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _hostile import (
    MAX_RSS_BYTES,
    PASSWD_MARKER,
    ROOT,
    MissingReader,
    all_cases,
    reader_for,
)
from _known import marks

WORKER = Path(__file__).with_name("_measure.py")


def _available(fmt: str) -> bool:
    try:
        reader_for(fmt)
    except MissingReader:
        return False
    return True


def _jobs(*, slow: bool) -> list[dict[str, str]]:
    return [
        {"case": case.name, "format": fmt}
        for case in all_cases(slow=True)
        if case.slow == slow
        for fmt in case.formats
    ]


def _params(*, slow: bool) -> list[Any]:
    return [
        pytest.param(
            job, id=f"{job['case']}[{job['format']}]", marks=marks((job["case"], job["format"]))
        )
        for job in _jobs(slow=slow)
    ]


def _run_worker(
    jobs: list[dict[str, str]], tmp: Path, timeout: float
) -> dict[tuple[str, str], Any]:
    job_file = tmp / "jobs.json"
    job_file.write_text(json.dumps(jobs), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(WORKER), str(job_file)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=env,
        check=False,
    )
    assert PASSWD_MARKER not in done.stdout + done.stderr
    assert done.returncode == 0, done.stderr[-4000:]
    results = {}
    for line in done.stdout.splitlines():
        item = json.loads(line)
        results[item["case"], item["format"]] = item
    return results


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Any]:
    jobs = [job for job in _jobs(slow=False) if _available(job["format"])]
    if not jobs:
        return {}
    return _run_worker(jobs, tmp_path_factory.mktemp("measure"), timeout=600)


def _check(item: dict[str, Any]) -> None:
    where = f"{item['case']} [{item['format']}]"
    max_seconds = item["max_seconds"]
    assert not item["events"], f"{where}: forbidden I/O while reading: {item['events']}"
    assert not item["problems"], f"{where}:\n" + "\n".join(item["problems"])
    assert item["seconds"] < max_seconds, f"{where} took {item['seconds']:.1f} s"
    crossed = item["rss_before"] < MAX_RSS_BYTES <= item["rss_after"]
    assert not crossed, f"{where} raised peak RSS to {item['rss_after'] / 2**20:.0f} MiB"


@pytest.mark.parametrize("job", _params(slow=False))
def test_time_memory_and_io(job: dict[str, str], batch: dict[tuple[str, str], Any]) -> None:
    if not _available(job["format"]):
        pytest.skip(f"reader for {job['format']} not on this branch yet")
    _check(batch[job["case"], job["format"]])


@pytest.mark.slow
@pytest.mark.parametrize("job", _params(slow=True))
def test_slow_case_streams_in_bounded_memory(job: dict[str, str], tmp_path: Path) -> None:
    if not _available(job["format"]):
        pytest.skip(f"reader for {job['format']} not on this branch yet")
    results = _run_worker([job], tmp_path, timeout=120)
    item = results[job["case"], job["format"]]
    assert item["rss_after"] < MAX_RSS_BYTES, f"peak RSS {item['rss_after'] / 2**20:.0f} MiB"
    first = item["first_record_after_bytes"]
    if first is not None:
        assert first <= 2**20, f"the first record came out only after {first} bytes: not streaming"
    _check(item)
