"""Checking one input file: find its format, read it with a size cap, validate each record.

:func:`check_file` is the unit of work the ``validate`` command spreads over
processes: a top-level function taking and returning picklable values. It
never raises for a bad document: every problem becomes a :class:`Problem`.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable
from typing import IO, Any

import attrs

from pressrelease.errors import PressReleaseError
from pressrelease.formats import FORMATS, format_for_path, load
from pressrelease.limits import DEFAULT_LIMITS, Limits
from pressrelease.model import Location, PressRelease
from pressrelease.validation import Finding, ValidationConfig, validate

__all__ = ["STREAMED", "FileResult", "Problem", "RecordResult", "Task", "check_file"]

#: Formats whose readers stream: they get the open file, not bytes read whole
#: (a feed's total size is not limited, each item is).
STREAMED = frozenset({"rss", "atom", "newsml", "jsonl"})
#: Formats whose file endings are not enough to decide (``.xml`` may be a feed).
_SNIFFED = frozenset({"xml", "json"})
_HEAD_BYTES = 8192


@attrs.frozen(kw_only=True)
class Task:
    """One input: the path to open (``-`` for standard input), its display name, a forced format."""

    path: str
    display: str
    forced_format: str | None = None


@attrs.frozen(kw_only=True)
class Problem:
    """An input that could not be read or parsed, where known."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None


@attrs.frozen(kw_only=True)
class RecordResult:
    """The findings of one record of a file."""

    index: int
    unique_id: str | None
    findings: tuple[Finding, ...]
    id_location: Location | None = None


@attrs.frozen(kw_only=True)
class FileResult:
    """What checking one input gave: its format, each record's findings, and any problem."""

    path: str
    format: str | None
    records: tuple[RecordResult, ...] = ()
    problems: tuple[Problem, ...] = ()


class _Unreadable(Exception):
    """An input the command cannot read, for a reason that is not the document's fault."""


def _choose_format(task: Task, head: bytes) -> str:
    from pressrelease.cli.sniff import sniff_head

    if task.forced_format:
        return task.forced_format
    by_name = format_for_path(task.display) if task.path != "-" else None
    if by_name is not None and by_name.name not in _SNIFFED:
        return by_name.name
    sniffed = sniff_head(head)
    if by_name is not None and by_name.name == "json" and sniffed != "json":
        return "json"  # a .json file that is not JSON: the JSON reader says what is wrong
    return sniffed


def _reader(name: str) -> Any:
    fmt = FORMATS.get(name)
    if fmt is None or fmt.reader is None:
        raise _Unreadable(f"pressrelease cannot read the format {name!r}")
    try:
        return load(fmt.reader)
    except (ImportError, AttributeError) as exc:
        raise _Unreadable(
            f"this version of pressrelease cannot read {name} yet ({fmt.reader} is missing)"
        ) from exc


def _read_capped(stream: IO[bytes], limits: Limits) -> bytes:
    data = stream.read(limits.max_document_bytes + 1)
    if len(data) > limits.max_document_bytes:
        raise _Unreadable(
            f"the document is larger than max_document_bytes={limits.max_document_bytes}; "
            "pressrelease reads no more of it"
        )
    return data


def _peek(stream: IO[bytes]) -> bytes:
    peek = getattr(stream, "peek", None)
    if peek is None:  # pragma: no cover - open() and stdin give buffered readers
        return b""
    head: bytes = peek(_HEAD_BYTES)[:_HEAD_BYTES]
    return head


def _problems(error: PressReleaseError, display: str) -> tuple[Problem, ...]:
    problems = []
    for item in error.problems:
        message = f"{item.path}: {item.message}" if item.path else item.message
        problems.append(Problem(path=display, message=message, line=item.line, column=item.column))
    return tuple(problems)


def _records(stream: IO[bytes], name: str, task: Task, limits: Limits) -> tuple[str, Any]:
    """The format finally chosen, and the reader's records (an iterator)."""
    if name in STREAMED:
        return name, _reader(name)(stream, source=task.display, limits=limits)
    data = _read_capped(stream, limits)
    if name == "json" and task.forced_format is None:
        from pressrelease.cli.sniff import sniff_json

        by_name = format_for_path(task.display) if task.path != "-" else None
        name = sniff_json(data, lines_possible=by_name is None)
        if name in STREAMED:
            return name, _reader(name)(io.BytesIO(data), source=task.display, limits=limits)
    return name, _reader(name)(data, source=task.display, limits=limits)


def check_file(task: Task, config: ValidationConfig, limits: Limits = DEFAULT_LIMITS) -> FileResult:
    """Read ``task``'s input, validate every record in it, and report problems as values."""
    results: list[RecordResult] = []
    name: str | None = None
    try:
        if task.path == "-":
            stream: IO[bytes] = sys.stdin.buffer
            owned = False
        else:
            if os.path.isdir(task.path):
                raise _Unreadable("is a directory")
            stream = open(task.path, "rb")  # noqa: SIM115 - closed in the finally below
            owned = True
        try:
            name = _choose_format(task, _peek(stream))
            name, records = _records(stream, name, task, limits)
            if isinstance(records, PressRelease):
                records = (records,)
            for index, record in enumerate(_iterate(records)):
                report = validate(record, config=config)
                results.append(
                    RecordResult(
                        index=index,
                        unique_id=record.unique_id,
                        findings=report.findings,
                        id_location=record.location_of("$.unique_id"),
                    )
                )
        finally:
            if owned:
                stream.close()
    except PressReleaseError as exc:
        return _result(task, name, _problems(exc, task.display))
    except _Unreadable as exc:
        return _result(task, name, (Problem(path=task.display, message=str(exc)),))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return _result(task, name, (Problem(path=task.display, message=reason),))
    except Exception as exc:  # a reader bug must not hide the other files' results
        message = (
            f"internal error while reading: {type(exc).__name__}: {exc} "
            "(this is a bug in pressrelease; please report it)"
        )
        return _result(task, name, (Problem(path=task.display, message=message),))
    return FileResult(path=task.display, format=name, records=tuple(results))


def _iterate(records: Iterable[PressRelease]) -> Iterable[PressRelease]:
    for record in records:
        if not isinstance(record, PressRelease):
            raise TypeError(f"the reader gave {type(record).__name__}, not a PressRelease")
        yield record


def _result(task: Task, name: str | None, problems: tuple[Problem, ...]) -> FileResult:
    """A file that could not be read whole: its problems only.

    Records a streaming reader gave before the failure are dropped, not
    reported: a broken file is one clear problem, not a partial result that
    could hide it (or claim IDs in the run's duplicate check).
    """
    return FileResult(path=task.display, format=name, problems=problems)
