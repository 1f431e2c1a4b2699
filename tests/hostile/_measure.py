"""Worker run in a subprocess: read hostile cases, measure time and peak memory, watch I/O.

Usage: ``python tests/hostile/_measure.py JOBS.json`` where the file holds a
list of ``{"case": name, "format": fmt}``. One JSON line per job goes to
stdout: seconds, peak RSS before and after (``resource.getrusage``), what
broke the case's expectation or the invariants, and any forbidden event seen
by an audit hook while the reader ran (a file opened outside Python and the
package, a socket, a subprocess, a URL, a file opened for writing).

Peak RSS only grows within a process, so a job is blamed for crossing the
ceiling only when its own ``rss_before`` was still under it.
"""

from __future__ import annotations

import json
import resource
import sys
import sysconfig
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from typing import BinaryIO  # noqa: E402

from _hostile import (  # noqa: E402
    MAX_SECONDS,
    SLOW_FLOOR_FACTOR,
    Case,
    Result,
    all_cases,
    invariant_failures,
    reader_for,
    run_reader,
)
from lxml import etree  # noqa: E402

_FORBIDDEN_PREFIXES = (
    "socket.",
    "urllib.",
    "http.client.",
    "ftplib.",
    "smtplib.",
    "subprocess.",
    "os.system",
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
    "os.fork",
    "webbrowser.",
    "os.remove",
    "os.rename",
    "shutil.",
)


def _allowed_roots() -> tuple[str, ...]:
    paths = sysconfig.get_paths()
    roots = {paths[key] for key in ("stdlib", "platstdlib", "purelib", "platlib")}
    roots |= {sys.prefix, sys.base_prefix, sys.exec_prefix}
    roots |= {str(ROOT / "pressrelease"), str(HERE), "/usr/share/zoneinfo", "/usr/lib/locale"}
    return tuple(sorted(root.rstrip("/") + "/" for root in roots))


class Watch:
    """An audit hook that records forbidden events while ``active``."""

    def __init__(self) -> None:
        self.active = False
        self.events: list[str] = []
        self.roots = _allowed_roots()

    def __call__(self, event: str, args: tuple[object, ...]) -> None:
        if not self.active:
            return
        if event == "open":
            path, mode = args[0], args[1] if len(args) > 1 else "r"
            if isinstance(path, bytes):
                path = path.decode("utf-8", "replace")
            if not isinstance(path, str):
                return
            writing = isinstance(mode, str) and any(flag in mode for flag in "wax+")
            if writing or not path.startswith(self.roots):
                self.events.append(f"open({path!r}, {mode!r})")
        elif event.startswith(_FORBIDDEN_PREFIXES):
            self.events.append(f"{event}{args!r}"[:300])


#: How far over its budget a slow case's early projection must be to stop reading it.
_GIVE_UP = 2.0
#: Items the floor is timed over; the whole case's floor is scaled from it.
_FLOOR_SAMPLE = 100_000
_ITEM_TAGS = frozenset({"item", "{http://www.w3.org/2005/Atom}entry"})


def _floor_seconds(case: Case, fmt: str) -> float:
    """CPU seconds a bare lxml pull parser would take over the case's whole input.

    The same stream (generator included) is fed in 64 KiB reads to an
    ``XMLPullParser`` that reports start and end events, as the feed readers
    ask for, and clears each item; the time for the first items is scaled to
    the count the case expects.
    """
    wanted = max(
        (o.records or o.min_records or 0 for o in case.expect_for(fmt).outcomes), default=0
    )
    data = case.load()
    parser = etree.XMLPullParser(events=("start", "end"), resolve_entities=False, no_network=True)
    seen = 0
    started = time.process_time()
    read = data.read if not isinstance(data, bytes) else iter((data, b"")).__next__
    while seen < _FLOOR_SAMPLE and (chunk := read(64 * 1024)):
        parser.feed(chunk)
        for event, element in parser.read_events():
            if event == "end" and element.tag in _ITEM_TAGS:
                seen += 1
                element.clear()
                while element.getprevious() is not None:
                    del element.getparent()[0]
    spent = time.process_time() - started
    return spent * wanted / max(seen, 1)


def _budget(case: Case, fmt: str) -> float:
    """A slow case's time limit: MAX_SLOW_SECONDS, or more on a machine slower than ours."""
    if fmt not in ("rss", "atom"):
        return case.max_seconds
    return max(case.max_seconds, SLOW_FLOOR_FACTOR * _floor_seconds(case, fmt))


def _read_with_budget(
    case: Case, fmt: str, data: bytes | BinaryIO, budget: float
) -> tuple[Result, int | None, str]:
    """Read a very large case, giving up early when its rate cannot meet its time limit.

    Returns the result, how many input bytes had been read when the first
    record came out (a streaming reader needs only the first item), and a
    reason when the read was cut short.
    """
    wanted = max(
        (o.records or o.min_records or 0 for o in case.expect_for(fmt).outcomes), default=0
    )
    raw = getattr(data, "raw", None)
    reader = reader_for(fmt)
    count, first_bytes = 0, None
    started = time.process_time()
    try:
        for _ in reader(data, source=case.name, limits=case.limits):
            count += 1
            if count == 1:
                first_bytes = getattr(raw, "delivered", None)
            if count % 1000 == 0:
                spent = time.process_time() - started
                if spent > min(5.0, budget):
                    projected = spent * wanted / count
                    # Only a reader far over budget is stopped early: the first seconds
                    # project badly (warm-up, a slow stretch). The whole read is judged
                    # against the budget itself afterwards.
                    if projected > _GIVE_UP * budget:
                        return (
                            Result(None, None, count),
                            first_bytes,
                            f"{count} records in {spent:.1f} s: {wanted} would take about "
                            f"{projected:.0f} s, more than {_GIVE_UP:g} times the {budget:.0f} s "
                            "allowed",
                        )
    except Exception as exc:  # judged as usual: only PressReleaseError may come out
        import traceback

        return Result(None, exc, count, traceback.format_exc()), first_bytes, ""
    return Result(None, None, count), first_bytes, ""


def _warm_up() -> None:
    """Load what readers load lazily once per process, whatever the document.

    py3langid unpacks its model through ``tempfile.TemporaryFile`` on first
    use; that write is the library's, not caused by a document.
    """
    try:
        from pressrelease.extract.language import detect_language
    except ImportError:
        return
    detect_language("The parties met today in Brussels and agreed on a joint declaration.")


def peak_rss() -> int:
    """This process's peak resident memory, in bytes.

    ``/proc/self/status`` VmHWM belongs to the process image: on Linux,
    ``getrusage(RUSAGE_SELF).ru_maxrss`` keeps the high-water mark from before
    ``exec``, i.e. the pytest process this worker was forked from, which
    reached 300 MiB in a full run. ``ru_maxrss`` is the fallback elsewhere.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main(argv: list[str]) -> int:
    jobs = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    cases = {case.name: case for case in all_cases(slow=True)}
    for job in jobs:  # import every reader before watching: imports open many files
        reader_for(job["format"])
    _warm_up()
    watch = Watch()
    sys.addaudithook(watch)
    for job in jobs:
        case, fmt = cases[job["case"]], job["format"]
        budget = _budget(case, fmt) if case.max_seconds > MAX_SECONDS else case.max_seconds
        data = case.load()
        rss_before = peak_rss()
        watch.events = []
        watch.active = True
        started = time.process_time()
        first_bytes: int | None = None
        if case.max_seconds > MAX_SECONDS:
            result, first_bytes, cut = _read_with_budget(case, fmt, data, budget)
        else:
            result, cut = run_reader(fmt, data, source=case.name, limits=case.limits), ""
        seconds = time.process_time() - started
        watch.active = False
        rss_after = peak_rss()
        problems = invariant_failures(result, source=case.name, round_trip=False)
        problems += [cut] if cut else case.expect_for(fmt).judge(result)
        del data, result
        line = {
            "case": case.name,
            "format": fmt,
            "seconds": seconds,
            "rss_before": rss_before,
            "rss_after": rss_after,
            "problems": problems,
            "events": watch.events,
            "max_seconds": budget,
            "first_record_after_bytes": first_bytes,
        }
        print(json.dumps(line), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
