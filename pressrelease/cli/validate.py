"""``pressrelease validate PATH...``: check press releases in CI.

Paths may be files, directories (searched recursively for files whose
ending names a format pressrelease reads), glob patterns, or ``-`` for
standard input. Each file's format comes from ``--from``, its ending, or its
first bytes. Every record is validated (each item of a feed); unique IDs are
compared across the whole run (PR104).

Exit status: 0 when no finding is an error (nor a warning, with
``--strict``), 1 when one is or when an input cannot be read or parsed,
2 for a usage or configuration error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pressrelease.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from pressrelease.cli.checking import FileResult, Task
    from pressrelease.validation import ValidationConfig

__all__ = ["add_arguments", "execute"]

_REPORT_FORMATS = ("text", "json", "github", "junit", "sarif")
_GLOB_CHARS = frozenset("*?[")


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more (got {number})")
    return number


def _readable_formats() -> list[str]:
    from pressrelease.formats import FORMATS

    return sorted(name for name, fmt in FORMATS.items() if fmt.reader)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``validate``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, globs, or -")
    parser.add_argument(
        "--format", choices=_REPORT_FORMATS, default="text", help="report format (default: text)"
    )
    parser.add_argument(
        "--from",
        dest="from_format",
        metavar="FORMAT",
        choices=_readable_formats(),
        help="read every input as FORMAT instead of guessing from names and content",
    )
    parser.add_argument("--strict", action="store_true", help="warnings fail the run too")
    parser.add_argument(
        "--select", metavar="CODES", help="comma-separated codes or prefixes of the rules to run"
    )
    parser.add_argument(
        "--ignore", metavar="CODES", help="comma-separated codes or prefixes of rules to skip"
    )
    parser.add_argument(
        "--severity",
        action="append",
        default=[],
        metavar="CODE=LEVEL",
        help="set a rule's severity (error, warning, info); repeatable",
    )
    parser.add_argument(
        "--require",
        action="append",
        default=[],
        metavar="FIELD",
        help="a field every record must have (PR406); repeatable or comma-separated",
    )
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="the day PR204 measures from")
    config = parser.add_mutually_exclusive_group()
    config.add_argument(
        "--config",
        metavar="PATH",
        help="a TOML file with a [tool.pressrelease] table (default: the nearest pyproject.toml)",
    )
    config.add_argument("--no-config", action="store_true", help="ignore every pyproject.toml")
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="processes to spread files over (default: every core, or 1 for fewer than 8 files)",
    )
    from pressrelease.cli.limits import add_limit_arguments

    add_limit_arguments(parser)


def _split(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _config(args: argparse.Namespace) -> ValidationConfig:
    """The configuration: the pyproject table, then the command-line flags on top."""
    from pathlib import Path

    from pressrelease.cli.config_file import find_pyproject, read_table
    from pressrelease.validation import Severity, ValidationConfig

    table: dict[str, Any] = {}
    where = "command line"
    if args.config:
        where = args.config
        table = read_table(Path(args.config))
    elif not args.no_config:
        found = find_pyproject(Path.cwd())
        if found is not None:
            where = str(found)
            table = read_table(found)
    config = ValidationConfig.from_mapping(table, where=f"{where}: [tool.pressrelease]")
    changes: dict[str, Any] = {}
    if args.select is not None:
        changes["select"] = _split([args.select])
    if args.ignore is not None:
        changes["ignore"] = (*config.ignore, *_split([args.ignore]))
    if args.severity:
        levels: dict[str, Severity | str] = dict(config.severity)
        for item in args.severity:
            code, equals, level = item.partition("=")
            if not equals:
                raise _UsageError(f"--severity: expected CODE=LEVEL, got {item!r}")
            levels[code.strip().upper()] = level
        changes["severity"] = levels
    if args.require:
        changes["require"] = (*config.require, *_split(args.require))
    if args.today is not None:  # the table parser checks the date's text
        changes["today"] = ValidationConfig.from_mapping(
            {"today": args.today}, where="--today"
        ).today
    return config.merged(**changes) if changes else config


class _UsageError(Exception):
    pass


def _expand(paths: Sequence[str], forced: str | None) -> list[Task | FileResult]:
    """The files to check, in argument order (directories sorted), and results for paths naming nothing."""
    import glob

    from pressrelease.cli.checking import Task
    from pressrelease.formats import format_for_path

    items: list[Task | FileResult] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            items.append(Task(path=path, display=path, forced_format=forced))

    for path in paths:
        if path == "-":
            items.append(Task(path="-", display="<stdin>", forced_format=forced))
        elif os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    full = os.path.join(folder, name)
                    if name.startswith(".") or not os.path.isfile(full):
                        continue
                    if forced is not None or format_for_path(name) is not None:
                        add(full)
        elif os.path.lexists(path):
            add(path)
        elif _GLOB_CHARS & set(path):
            matches = [m for m in sorted(glob.glob(path, recursive=True)) if os.path.isfile(m)]
            if not matches:
                items.append(_missing(path, "no file matches this pattern"))
            for match in matches:
                add(match)
        else:
            items.append(_missing(path, "no such file or directory"))
    return items


def _missing(path: str, message: str) -> FileResult:
    from pressrelease.cli.checking import FileResult, Problem

    return FileResult(path=path, format=None, problems=(Problem(path=path, message=message),))


class _Progress:
    """A one-line ``\\r`` progress bar on standard error, for terminals only."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled and total > 1
        self.done = 0

    def step(self) -> None:
        if not self.enabled:
            return
        self.done += 1
        width = 30
        filled = width * self.done // self.total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 50 + "\r")
            sys.stderr.flush()


def _check_all(
    items: list[Task | FileResult],
    config: ValidationConfig,
    jobs: int,
    progress: _Progress,
    limits: Limits = DEFAULT_LIMITS,
) -> list[FileResult]:
    """Check every task, in-process or over ``jobs`` processes; results keep the input order."""
    from pressrelease.cli.checking import FileResult, check_file

    results: list[FileResult | None] = [
        item if isinstance(item, FileResult) else None for item in items
    ]
    # Standard input can only be read here; files may go to worker processes.
    pooled = [
        (index, item)
        for index, item in enumerate(items)
        if not isinstance(item, FileResult) and item.path != "-"
    ]
    workers = min(jobs, len(pooled))
    for index, item in enumerate(items):
        if not isinstance(item, FileResult) and (item.path == "-" or workers <= 1):
            results[index] = check_file(item, config, limits)
            progress.step()
    if workers > 1:
        import functools
        from concurrent.futures import ProcessPoolExecutor

        chunk = max(1, min(64, len(pooled) // (workers * 4)))
        work = functools.partial(check_file, config=config, limits=limits)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            done = pool.map(work, [task for _, task in pooled], chunksize=chunk)
            for (index, _), result in zip(pooled, done, strict=True):
                results[index] = result
                progress.step()
    return [result for result in results if result is not None]


def _mark_duplicates(files: list[FileResult], config: ValidationConfig) -> list[FileResult]:
    """Add PR104 to every record whose unique ID an earlier record of the run already has."""
    import attrs

    from pressrelease.validation import Finding
    from pressrelease.validation.catalogue import RULES

    if not config.enabled("PR104"):
        return files
    severity = config.severity.get("PR104", RULES["PR104"].severity)
    first: dict[str, tuple[str, int]] = {}
    out = []
    for file in files:
        records = []
        for record in file.records:
            value = record.unique_id
            if value is not None and value.strip():
                if value in first:
                    path, index = first[value]
                    finding = Finding(
                        code="PR104",
                        severity=severity,
                        path="$.unique_id",
                        message=f"unique ID {value!r} is also the ID of record {index} of {path}",
                        location=record.id_location,
                    )
                    findings = tuple(sorted((*record.findings, finding), key=lambda f: f.code))
                    record = attrs.evolve(record, findings=findings)
                else:
                    first[value] = (file.path, record.index)
            records.append(record)
        out.append(attrs.evolve(file, records=tuple(records)))
    return out


#: Below this many files, the default is to check them in this process: starting
#: workers (each loading its readers and the language model) costs more than it saves.
SMALL_RUN = 8


def _default_jobs(files: int) -> int:
    return 1 if files < SMALL_RUN else os.cpu_count() or 1


def execute(args: argparse.Namespace) -> int:
    """Run ``validate``; return the exit code."""
    from pressrelease.cli.config_file import ConfigFileError
    from pressrelease.cli.reporters import REPORTERS, failed
    from pressrelease.errors import PressReleaseError

    try:
        config = _config(args)
    except (ConfigFileError, _UsageError) as exc:
        print(f"pressrelease validate: error: {exc}", file=sys.stderr)
        return 2
    except PressReleaseError as exc:
        print(f"pressrelease validate: error: {exc.message}", file=sys.stderr)
        return 2
    items = _expand(args.paths, args.from_format)
    jobs = args.jobs or _default_jobs(len(items))
    show = args.format != "json" and sys.stderr.isatty()
    progress = _Progress(len(items), show)
    try:
        from pressrelease.cli.limits import limits_from_args

        files = _check_all(items, config, jobs, progress, limits_from_args(args))
    finally:
        progress.close()
    files = _mark_duplicates(files, config)
    sys.stdout.write(REPORTERS[args.format](files, args.strict))
    sys.stdout.flush()
    return 1 if failed(files, args.strict) else 0
