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

from _hostile import all_cases, invariant_failures, reader_for, run_reader  # noqa: E402

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


def main(argv: list[str]) -> int:
    jobs = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    cases = {case.name: case for case in all_cases(slow=True)}
    for job in jobs:  # import every reader before watching: imports open many files
        reader_for(job["format"])
    watch = Watch()
    sys.addaudithook(watch)
    for job in jobs:
        case, fmt = cases[job["case"]], job["format"]
        keep = not case.slow
        data = case.load()
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        watch.events = []
        watch.active = True
        started = time.perf_counter()
        result = run_reader(fmt, data, source=case.name, limits=case.limits, keep=keep)
        seconds = time.perf_counter() - started
        watch.active = False
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        problems = invariant_failures(result, source=case.name, round_trip=False)
        problems += case.expect_for(fmt).judge(result)
        del data, result
        line = {
            "case": case.name,
            "format": fmt,
            "seconds": seconds,
            "rss_before": rss_before,
            "rss_after": rss_after,
            "problems": problems,
            "events": watch.events,
        }
        print(json.dumps(line), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
