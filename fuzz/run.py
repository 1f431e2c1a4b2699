"""Long fuzzing run: mutated real documents and random bytes into every registered reader.

Usage::

    python fuzz/run.py --minutes 30 [--formats html,rss] [--seed 1] [--out fuzz/failures]

Run from the project root. Each input that makes a reader break the rules
(an exception that is not a ``PressReleaseError``, an unlocated error, the
content of /etc/passwd in the output, an unsafe URL kept, a silent U+FFFD, a
record that does not round-trip through JSON, more than 5 s on one input) is
written to ``OUT/<format>-<sha1>.bin`` with the reason beside it in a
``.txt`` file. The exit code is 1 when anything failed.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import signal
import sys
import time
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "hostile")]

from _hostile import MAX_SECONDS, MissingReader, invariant_failures, reader_for, run_reader  # noqa: E402
from _mutate import mutate, seeds_for  # noqa: E402

from pressrelease.formats import FORMATS  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


class Hang(Exception):
    """One input took too long."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang(f"no result after {MAX_SECONDS * 2:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument(
        "--formats", default=",".join(sorted(n for n, f in FORMATS.items() if f.reader))
    )
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--out", type=Path, default=ROOT / "fuzz" / "failures")
    parser.add_argument(
        "--memory-mib", type=int, default=2048, help="address-space cap for this process"
    )
    args = parser.parse_args(argv)

    resource.setrlimit(resource.RLIMIT_AS, (args.memory_mib * 2**20, args.memory_mib * 2**20))
    signal.signal(signal.SIGALRM, _alarm)
    rng = random.Random(args.seed)
    formats = []
    for fmt in args.formats.split(","):
        try:
            reader_for(fmt)
        except MissingReader as exc:
            print(f"skipping {fmt}: {exc}")
            continue
        formats.append(fmt)
    seeds = {fmt: seeds_for(fmt, CORPUS) for fmt in formats}
    deadline = time.monotonic() + args.minutes * 60
    runs = failures = 0
    args.out.mkdir(parents=True, exist_ok=True)
    while formats and time.monotonic() < deadline:
        fmt = rng.choice(formats)
        pool = seeds[fmt]
        if pool and rng.random() < 0.9:
            data = mutate(rng.choice(pool), rng.randint, pool)
        else:
            data = rng.randbytes(rng.randint(0, 4096))
        signal.alarm(int(MAX_SECONDS * 2))
        started = time.perf_counter()
        try:
            result = run_reader(fmt, data, source="fuzz.input")
            problems = invariant_failures(result, source="fuzz.input", data=data)
        except Hang as exc:
            problems = [str(exc)]
        finally:
            signal.alarm(0)
        elapsed = time.perf_counter() - started
        if elapsed > MAX_SECONDS:
            problems.append(f"took {elapsed:.1f} s")
        runs += 1
        if problems:
            failures += 1
            digest = hashlib.sha1(data).hexdigest()[:16]
            (args.out / f"{fmt}-{digest}.bin").write_bytes(data)
            (args.out / f"{fmt}-{digest}.txt").write_text(
                "\n".join(problems) + "\n", encoding="utf-8"
            )
            print(f"FAIL {fmt} {digest}: {problems[0].splitlines()[0]}", flush=True)
        if runs % 1000 == 0:
            print(f"{runs} inputs, {failures} failures", flush=True)
    print(f"done: {runs} inputs over {', '.join(formats) or 'no formats'}, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
