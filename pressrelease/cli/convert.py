"""``pressrelease convert INPUT... --to FORMAT``: read documents, write them in another format.

Many inputs become one output (a feed, or a collection); ``--split DIR``
writes one file per record instead, named from the record's ID made safe.
Writes are atomic (a temporary file beside the target, then a rename), an
output that is also an input is refused, and conversions that only our
extension keeps whole are reported (``--strict`` makes them fail).

Nothing is written when an input cannot be read, or when ``--strict`` finds
the conversion lossy: an existing output file is left as it was, and standard
output gets nothing.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, BinaryIO

from pressrelease.cli.limits import add_limit_arguments, limits_from_args
from pressrelease.errors import PressReleaseError
from pressrelease.limits import Limits
from pressrelease.model import PressRelease

__all__ = ["add_arguments", "execute", "safe_name"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_SUFFIX = {
    "rss": ".rss",
    "atom": ".atom",
    "jsonfeed": ".json",
    "ninjs": ".json",
    "newsml": ".xml",
    "json": ".json",
    "jsonl": ".jsonl",
    "xml": ".xml",
}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_NAME = 80
#: Output for standard output stays in memory up to this size, then spills to a temporary file.
_SPOOL_BYTES = 16 * 1024 * 1024


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the ``convert`` options."""
    from pressrelease.formats import FORMATS

    writable = sorted(name for name, f in FORMATS.items() if f.writer)
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files to read ('-' = stdin)")
    parser.add_argument("--to", required=True, choices=writable, help="the output format")
    parser.add_argument(
        "--from",
        dest="source_format",
        choices=sorted(FORMATS),
        help="the input format (default: guessed)",
    )
    target = parser.add_mutually_exclusive_group()
    target.add_argument(
        "-o", "--output", default="-", help="output file ('-' = stdout, the default)"
    )
    target.add_argument("--split", metavar="DIR", help="write one file per record into DIR")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="read N inputs at once")
    parser.add_argument(
        "--strict", action="store_true", help="fail (exit 1) when the output format is lossy"
    )
    add_limit_arguments(parser)


def safe_name(unique_id: str | None, index: int, taken: set[str], suffix: str) -> str:
    """A file name from a record ID that can never be a path: ``[A-Za-z0-9._-]``, capped, unique.

    >>> taken = set()
    >>> safe_name("../../etc/passwd", 0, taken, ".json")
    'etc_passwd.json'
    >>> safe_name("IP/20/2263", 1, taken, ".json"), safe_name("IP 20 2263", 2, taken, ".json")
    ('IP_20_2263.json', 'IP_20_2263-2.json')
    >>> safe_name("..", 3, taken, ".json")
    'record-4.json'
    """
    stem = _UNSAFE.sub("_", unique_id or "").strip("._-")[:_MAX_NAME].rstrip("._-")
    if not stem:
        stem = f"record-{index + 1}"
    candidate, number = stem, 1
    while (candidate + suffix).lower() in taken:
        number += 1
        candidate = f"{stem}-{number}"
    taken.add((candidate + suffix).lower())
    return candidate + suffix


def _guess(path: str, head: bytes) -> str | None:
    from pressrelease.feeds import sniff_feed
    from pressrelease.formats import format_for_path

    sniffed = sniff_feed(head)
    if sniffed is not None:
        return sniffed
    found = format_for_path(path)
    return found.name if found else None


class _InputError(Exception):
    """An input that cannot be read, as the one line the command prints for it."""


def _iter_input(path: str, fmt: str | None, limits: Limits) -> Iterator[PressRelease]:
    """The records of one input, read lazily; an unreadable input raises :class:`_InputError`."""
    from pressrelease.feeds import _Rejoined
    from pressrelease.formats import FORMATS, load

    try:
        stream: BinaryIO = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
        try:
            head = stream.read(4096)
            name = fmt or _guess(path, head)
            if name is None or FORMATS[name].reader is None:
                raise _InputError(f"{path}: cannot tell its format; give --from")
            try:
                reader = load(FORMATS[name].reader or "")
            except ImportError:
                raise _InputError(f"{path}: no reader for {name} yet") from None
            yield from reader(_Rejoined(head, stream), source=path, limits=limits)
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
    except PressReleaseError as exc:
        text = str(exc) if exc.source else f"{path}: {exc}"
        raise _InputError(" ".join(text.split("\n"))) from exc
    except OSError as exc:
        raise _InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def _read_one(path: str, fmt: str | None, limits: Limits) -> tuple[list[PressRelease], str | None]:
    """Read one input whole (a worker: top-level and picklable); (records, error line)."""
    try:
        return list(_iter_input(path, fmt, limits)), None
    except _InputError as exc:
        return [], str(exc)


def _streamed(
    args: argparse.Namespace, limits: Limits, errors: list[str], show: Callable[[int], None]
) -> Iterator[PressRelease]:
    """Every input's records in order, one at a time; unreadable inputs go to ``errors``.

    A writer consumes this as it writes, so a feed of any size converts in
    bounded memory; the output is kept only if ``errors`` stays empty.
    """
    for done, path in enumerate(args.inputs, start=1):
        try:
            yield from _iter_input(path, args.source_format, limits)
        except _InputError as exc:
            errors.append(str(exc))
            print(exc, file=sys.stderr)
        show(done)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def _atomic_write(
    target: Path, write: Callable[[BinaryIO], Any], keep: Callable[[Any], bool]
) -> Any:
    """Write through a temporary file in the target's folder, fsync, then rename over it.

    The rename happens only when ``keep(result)`` is true; otherwise, as on any
    error, the temporary file is removed and the target is left untouched.
    """
    folder = target.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            result = write(out)
            out.flush()
            os.fsync(out.fileno())
        if keep(result):
            os.replace(temporary, target)
        else:
            Path(temporary).unlink()
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return result


def _nothing_written(args: argparse.Namespace) -> int:
    unchanged = (
        "" if args.split is not None or args.output == "-" else f" ({args.output} unchanged)"
    )
    print(f"pressrelease: nothing written: an input could not be read{unchanged}", file=sys.stderr)
    return EXIT_FAILED


def _writing(
    writer: Callable[..., Any], records: Iterable[PressRelease]
) -> Callable[[BinaryIO], Any]:
    def write(out: BinaryIO) -> Any:
        return writer(records, out)

    return write


def _progress(total: int, enabled: bool) -> Callable[[int], None]:
    def show(done: int) -> None:
        if enabled:
            end = "\n" if done == total else ""
            print(f"\rconverting {done}/{total}", end=end, file=sys.stderr, flush=True)

    return show


def _read_all(
    args: argparse.Namespace, limits: Limits
) -> Iterator[tuple[list[PressRelease], str | None]]:
    jobs = max(1, int(args.jobs))
    work = [(path, args.source_format, limits) for path in args.inputs]
    if jobs == 1 or len(work) < 2 or "-" in args.inputs:
        for item in work:
            yield _read_one(*item)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_read_one, *zip(*work, strict=True))


def execute(args: argparse.Namespace) -> int:
    """Run ``convert``; exit 0 done, 1 an input failed or (``--strict``) lossy, 2 usage."""
    from pressrelease.formats import FORMATS, load

    inputs = [path for path in args.inputs if path != "-"]
    outputs = [args.output] if args.split is None and args.output != "-" else []
    for output in outputs:
        for path in inputs:
            if _same_file(output, path):
                print(
                    f"pressrelease: refusing to overwrite input {path} with the output",
                    file=sys.stderr,
                )
                return EXIT_USAGE
    try:
        writer = load(FORMATS[args.to].writer or "")
    except ImportError:
        print(f"pressrelease: no writer for {args.to} yet", file=sys.stderr)
        return EXIT_USAGE
    show = _progress(len(args.inputs), sys.stderr.isatty())
    limits = limits_from_args(args)
    errors: list[str] = []

    def keep(report: Any) -> bool:
        return not errors and not (args.strict and report.lossy)

    lossy: dict[str, None] = {}
    try:
        if args.split is None and (max(1, int(args.jobs)) == 1 or len(args.inputs) < 2):
            # One pass, in bounded memory: records flow from the readers to the writer.
            records = _streamed(args, limits, errors, show)
            if args.output == "-":
                # Spooled: kept in memory while small, on disk past that, shown only when kept.
                with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES) as spool:
                    report = writer(records, spool)
                    if keep(report):
                        spool.seek(0)
                        shutil.copyfileobj(spool, sys.stdout.buffer)
                        sys.stdout.buffer.flush()
            else:
                report = _atomic_write(Path(args.output), _writing(writer, records), keep)
            lossy.update(dict.fromkeys(report.lossy))
            if errors:
                return _nothing_written(args)
        else:
            gathered: list[PressRelease] = []
            for done, (found, error) in enumerate(_read_all(args, limits), start=1):
                if error is not None:
                    errors.append(error)
                    print(error, file=sys.stderr)
                gathered.extend(found)
                show(done)
            if errors:
                return _nothing_written(args)
            if args.split is not None:
                folder = Path(args.split)
                folder.mkdir(parents=True, exist_ok=True)
                taken: set[str] = set()
                for index, record in enumerate(gathered):
                    target = folder / safe_name(record.unique_id, index, taken, _SUFFIX[args.to])
                    report = _atomic_write(target, _writing(writer, [record]), keep)
                    lossy.update(dict.fromkeys(report.lossy))
            elif args.output == "-":
                buffer = io.BytesIO()
                report = writer(gathered, buffer)
                lossy.update(dict.fromkeys(report.lossy))
                if keep(report):
                    sys.stdout.buffer.write(buffer.getvalue())
                    sys.stdout.buffer.flush()
            else:
                report = _atomic_write(Path(args.output), _writing(writer, gathered), keep)
                lossy.update(dict.fromkeys(report.lossy))
    except PressReleaseError as exc:
        print(
            f"pressrelease: cannot write {args.to}: {' '.join(str(exc).splitlines())}",
            file=sys.stderr,
        )
        return EXIT_FAILED
    except OSError as exc:
        print(f"pressrelease: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    if lossy:
        print(
            f"pressrelease: {args.to} keeps these only in the pressrelease extension "
            f"(consumers that ignore it lose them): {', '.join(lossy)}",
            file=sys.stderr,
        )
        if args.strict:
            print("pressrelease: --strict: lossy output not written", file=sys.stderr)
            return EXIT_FAILED
    return EXIT_OK
