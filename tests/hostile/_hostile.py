"""Hostile-input cases: where they live, what each expects, and how a result is judged.

A *case* is one hostile document (a file under ``cases/``, or one generated
at test time by ``_generated.py``) together with what must happen when each
registered reader it applies to reads it. The expectation grammar is
documented in ``README.md`` beside this module; this module parses it, runs
a reader, and checks both the case's own expectation and the invariants that
hold for every input (only our errors, located; nothing read from
``/etc/passwd``; only safe link schemes; exact JSON round trips; a U+FFFD
only with a PR601 notice).

It is shared by the tests in this folder and by ``fuzz/run.py``.
"""

from __future__ import annotations

import html
import importlib
import io
import re
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from pressrelease.errors import LimitExceededError, PressReleaseError
from pressrelease.formats import FORMATS
from pressrelease.limits import DEFAULT_LIMITS, Limits
from pressrelease.model import PressRelease

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
ROOT = HERE.parent.parent

#: Seconds and bytes one document may cost at default limits (issue 7).
MAX_SECONDS = 5.0
MAX_RSS_BYTES = 256 * 1024 * 1024
#: What a slow (generated, very large) case may take on a machine like ours...
MAX_SLOW_SECONDS = 30.0
#: ...or, on a slower one, this many times a bare lxml pull parse of the same bytes
#: (measured in the same process just before), whichever is more: the budget then
#: holds the reader to the floor rather than to the machine it runs on.
SLOW_FLOOR_FACTOR = 5.0


def _passwd_marker() -> str:
    """A line of /etc/passwd that a document tries to make us read (``root:x:0:0...``)."""
    try:
        text = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace")
    except OSError:  # not a Unix machine: the hazard files name the path anyway
        return "root:x:0:0:"
    for line in text.splitlines():
        if line.startswith("root:"):
            return line
    return text.splitlines()[0] if text.strip() else "root:x:0:0:"


PASSWD_MARKER = _passwd_marker()

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
#: What browsers ignore in a scheme (ASCII whitespace and controls anywhere), plus
#: invisible characters some parsers skip: removed before the scheme is judged.
_IGNORED_IN_URL = re.compile(
    "[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]"
)


def unsafe_url(url: str) -> bool:
    """Whether ``url`` (also once HTML-unescaped) has a scheme other than http(s) or mailto.

    >>> [unsafe_url(u) for u in ("https://x", "/rel", "java\tscript:x", " JaVaScRiPt&colon;x")]
    [False, False, True, True]
    """
    for candidate in (url, html.unescape(url)):
        match = _SCHEME.match(_IGNORED_IN_URL.sub("", candidate))
        if match and match[1].lower() not in SAFE_SCHEMES:
            return True
    return False


# --------------------------------------------------------------------------- expectations


@dataclass(frozen=True)
class Outcome:
    """One acceptable outcome of reading a case (an ``expect:`` line may offer several)."""

    raises: tuple[str, ...] = ()
    line: int | None = None
    column: int | None = None
    path: str | None = None
    records: int | None = None
    min_records: int | None = None
    notices: tuple[tuple[str, ...], ...] = ()
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    title: str | None = None
    none: tuple[str, ...] = ()

    def mismatches(self, result: Result) -> list[str]:
        """What in ``result`` does not match this outcome (empty when it matches)."""
        problems: list[str] = []
        if self.raises:
            if result.error is None:
                return [f"expected {'/'.join(self.raises)}, got {result.count} record(s)"]
            names = {cls.__name__ for cls in type(result.error).__mro__}
            if not names & set(self.raises):
                return [
                    f"expected {'/'.join(self.raises)}, got {type(result.error).__name__}: "
                    f"{result.error}"
                ]
            error = result.error
            assert isinstance(error, PressReleaseError)
            every = error.problems
            if self.line is not None and all(p.line != self.line for p in every):
                problems.append(f"expected the error on line {self.line}, got {error.line}")
            if self.column is not None and all(p.column != self.column for p in every):
                problems.append(f"expected the error at column {self.column}, got {error.column}")
            if self.path is not None and all(p.path not in self.path.split(",") for p in every):
                problems.append(f"expected the error at {self.path}, got {error.path}")
            return problems
        if result.error is not None:
            return [f"expected records, got {type(result.error).__name__}: {result.error}"]
        if self.records is not None and result.count != self.records:
            problems.append(f"expected {self.records} record(s), got {result.count}")
        if self.min_records is not None and result.count < self.min_records:
            problems.append(f"expected at least {self.min_records} record(s), got {result.count}")
        records = result.records or []
        codes = {notice.code for record in records for notice in record.notices}
        for wanted in self.notices:
            if not codes & set(wanted):
                problems.append(f"expected a notice {'/'.join(wanted)}, got {sorted(codes)}")
        text = "\n".join(record_text(record) for record in records)
        problems += [f"{s!r} was lost (not in any record)" for s in self.present if s not in text]
        problems += [f"{s!r} reached a record" for s in self.absent if s in text]
        if self.title is not None:
            titles = [record.title for record in records]
            if titles != [self.title] * len(titles) or not titles:
                problems.append(f"expected title {self.title!r}, got {titles!r}")
        for name in self.none:
            values = [getattr(record, name) for record in records]
            if any(value is not None for value in values):
                problems.append(f"expected {name} to be None, got {values!r}")
        return problems

    @property
    def expects_error(self) -> bool:
        return bool(self.raises)


@dataclass(frozen=True)
class Expect:
    """One ``expect:`` line: the formats it applies to and its acceptable outcomes."""

    formats: tuple[str, ...]
    outcomes: tuple[Outcome, ...]
    cli: tuple[str, ...] = ()
    text: str = ""

    def judge(self, result: Result) -> list[str]:
        """Mismatches when no outcome matches, or ``[]``."""
        reasons: list[str] = []
        for index, outcome in enumerate(self.outcomes):
            found = outcome.mismatches(result)
            if not found:
                return []
            prefix = f"[alternative {index + 1}] " if len(self.outcomes) > 1 else ""
            reasons += [prefix + reason for reason in found]
        return reasons

    @property
    def error_only(self) -> bool:
        """Every acceptable outcome is an error (so the CLI must report a bad file)."""
        return all(outcome.expects_error for outcome in self.outcomes)


_TOKEN = re.compile(
    r'\s*(?:(?P<bar>\|)|(?P<key>[a-z][a-z-]*)(?P<op>>=|=)(?P<value>"(?:[^"\\]|\\.)*"|[^\s|"]*))'
)


def _value(raw: str) -> str:
    if raw.startswith('"'):
        return raw[1:-1].encode("ascii", "backslashreplace").decode("unicode_escape")
    return raw


def parse_expect(text: str, *, default_formats: tuple[str, ...] = ()) -> Expect:
    """Parse the part of an ``expect:`` line after the colon.

    >>> e = parse_expect('formats=xml,rss raises=ParseError line=3 | records=1 notice=PR602')
    >>> e.formats, e.outcomes[0].raises, e.outcomes[0].line, e.outcomes[1].notices
    (('xml', 'rss'), ('ParseError',), 3, (('PR602',),))
    """
    formats = default_formats
    cli: list[str] = []
    outcomes: list[dict[str, Any]] = [{}]
    position = 0
    text = text.strip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise ValueError(f"cannot read expectation {text!r} at {text[position:]!r}")
        position = match.end()
        if match["bar"]:
            outcomes.append({})
            continue
        key, op, value = match["key"], match["op"], _value(match["value"])
        current = outcomes[-1]
        if key == "formats":
            formats = tuple(value.split(","))
        elif key == "cli":
            cli += value.split(",")
        elif key == "raises":
            current["raises"] = tuple(value.split(","))
        elif key in ("line", "column"):
            current[key] = int(value)
        elif key == "path":
            current["path"] = value
        elif key == "records" and op == ">=":
            current["min_records"] = int(value)
        elif key == "records":
            current["records"] = int(value)
        elif key == "notice":
            current["notices"] = (*current.get("notices", ()), tuple(value.split(",")))
        elif key in ("present", "absent", "none"):
            current[key] = (*current.get(key, ()), value)
        elif key == "title":
            current["title"] = value
        else:
            raise ValueError(f"unknown expectation key {key!r} in {text!r}")
    if not formats:
        raise ValueError(f"expectation {text!r} names no formats and the file name suggests none")
    for name in formats:
        if name not in FORMATS:
            raise ValueError(f"unknown format {name!r} in {text!r}")
    built = tuple(Outcome(**outcome) for outcome in outcomes)
    for outcome in built:
        located = (outcome.line, outcome.column, outcome.path) != (None, None, None)
        if located and not outcome.raises:
            raise ValueError(
                f"{text!r}: line=, column= and path= need raises= in the same alternative"
            )
        has_records = outcome != Outcome(
            raises=outcome.raises, line=outcome.line, column=outcome.column, path=outcome.path
        )
        if outcome.raises and has_records:
            raise ValueError(f"{text!r}: an alternative cannot both raise and expect records")
    if any(outcome == Outcome() for outcome in built):
        raise ValueError(f"an alternative of {text!r} expects nothing: say records=N or raises=")
    return Expect(formats=formats, outcomes=built, cli=tuple(cli), text=text)


_HEADER = re.compile(r"^\s*(?:<!--|#)\s*expect:(.*?)(?:-->)?\s*$", re.MULTILINE)


def read_expectations(path: Path) -> tuple[Expect, ...]:
    """The expectations of a case file: its sidecar ``<name>.expect``, else its own header."""
    from pressrelease.formats import format_for_path

    guessed = format_for_path(path.name)
    default = (guessed.name,) if guessed else ()
    sidecar = path.with_name(path.name + ".expect")
    if sidecar.exists():
        lines = [
            line.partition("expect:")[2]
            for line in sidecar.read_text(encoding="ascii").splitlines()
            if line.strip().startswith("expect:")
        ]
    else:
        head = path.read_bytes()[:2048].decode("latin-1")
        lines = [match[1] for match in _HEADER.finditer(head)]
    if not lines:
        raise ValueError(f"{path}: no expect: header and no {sidecar.name}")
    return tuple(parse_expect(line, default_formats=default) for line in lines)


# --------------------------------------------------------------------------- cases


@dataclass(frozen=True)
class Case:
    """A hostile input and what must happen when each applicable reader reads it."""

    name: str
    load: Callable[[], bytes | BinaryIO] = field(compare=False)
    expects: tuple[Expect, ...]
    path: Path | None = None
    slow: bool = False
    limits: Limits = DEFAULT_LIMITS
    max_seconds: float = MAX_SECONDS

    def expect_for(self, fmt: str) -> Expect:
        for expect in self.expects:
            if fmt in expect.formats:
                return expect
        raise KeyError(f"{self.name} has no expectation for {fmt}")

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(fmt for expect in self.expects for fmt in expect.formats))


def file_cases() -> list[Case]:
    """Every case file under ``cases/`` (sidecars excluded), sorted by name."""
    found: list[Case] = []
    for path in sorted(CASES.rglob("*")):
        if not path.is_file() or path.name.endswith(".expect") or path.name.startswith("."):
            continue
        found.append(
            Case(
                name=path.relative_to(CASES).as_posix(),
                load=path.read_bytes,
                expects=read_expectations(path),
                path=path,
            )
        )
    return found


def all_cases(*, slow: bool = True) -> list[Case]:
    """File cases and generated cases (the slow ones only when asked)."""
    from _generated import generated_cases

    return file_cases() + [case for case in generated_cases() if slow or not case.slow]


# --------------------------------------------------------------------------- running


class MissingReader(Exception):
    """The format's reader module has not landed on this branch yet."""


def reader_for(fmt: str) -> Callable[..., Iterable[PressRelease]]:
    """The registered reader of ``fmt``; :class:`MissingReader` if its module is not there yet."""
    spec = FORMATS[fmt].reader
    if spec is None:
        raise MissingReader(f"{fmt} has no reader")
    module_name, _, attribute = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            raise MissingReader(f"{module_name} is not on this branch yet") from exc
        raise
    try:
        function: Callable[..., Iterable[PressRelease]] = getattr(module, attribute)
    except AttributeError as exc:
        raise MissingReader(f"{spec} is not defined yet") from exc
    return function


@dataclass
class Result:
    """What a reader did with one input."""

    records: list[PressRelease] | None
    error: BaseException | None
    count: int = 0
    trace: str = ""


def run_reader(
    fmt: str,
    data: bytes | BinaryIO,
    *,
    source: str | None,
    limits: Limits = DEFAULT_LIMITS,
    keep: bool = True,
) -> Result:
    """Read ``data`` with the reader of ``fmt``, consuming every record; never raises."""
    reader = reader_for(fmt)
    records: list[PressRelease] = []
    count = 0
    try:
        for record in reader(data, source=source, limits=limits):
            count += 1
            if keep:
                records.append(record)
    except Exception as exc:  # judged by the caller: only PressReleaseError may come out
        return Result(records if keep else None, exc, count, traceback.format_exc())
    return Result(records if keep else None, None, count)


def record_text(record: Any) -> str:
    """Every string a record holds (locations and notices aside), one per line."""
    parts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item)
        elif attrs.has(type(value)):
            for attribute in attrs.fields(type(value)):
                if attribute.name in ("locations", "notices", "location"):
                    continue
                walk(getattr(value, attribute.name))
        elif value is not None:
            parts.append(str(value))

    walk(record)
    return "\n".join(parts)


def _urls(record: PressRelease) -> Iterator[tuple[str, str]]:
    if record.source_url is not None:
        yield "$.source_url", record.source_url
    for index, link in enumerate(record.related):
        if link.href is not None:
            yield f"$.related[{index}].href", link.href
    for index, paragraph in enumerate(record.body):
        for number, link in enumerate(paragraph.links):
            if link.href is not None:
                yield f"$.body[{index}].links[{number}].href", link.href
    for index, translation in enumerate(record.translations):
        if translation.url is not None:
            yield f"$.translations[{index}].url", translation.url


def _json_round_trip() -> tuple[Callable[[Any], Any], Callable[[Any], Any]] | None:
    try:
        module = importlib.import_module("pressrelease.serialize.json")
    except ModuleNotFoundError:
        return None
    to_json = getattr(module, "to_json", None)
    from_json = getattr(module, "from_json", None)
    if to_json is None or from_json is None:
        return None
    return to_json, from_json


def invariant_failures(
    result: Result, *, source: str | None, round_trip: bool = True, data: bytes | None = None
) -> list[str]:
    """What breaks the rules that hold for every input, whatever the case expects."""
    problems: list[str] = []
    error = result.error
    if error is not None:
        if not isinstance(error, PressReleaseError):
            return [f"a foreign exception escaped: {type(error).__name__}: {error}\n{result.trace}"]
        if error.source != source:
            problems.append(f"the error names source {error.source!r}, not {source!r}: {error}")
        located = any(p.line is not None or p.path is not None for p in error.problems)
        if not isinstance(error, LimitExceededError) and not located:
            problems.append(f"the error has neither line nor path: {error!r}")
        if PASSWD_MARKER in str(error) or PASSWD_MARKER in repr(error):
            problems.append("the error message holds the content of /etc/passwd")
    pair = _json_round_trip() if round_trip else None
    # HTML5 (and Markdown) turn the reference &#0; into U+FFFD by rule: not a decoding loss.
    from_reference = data is not None and b"&#" in data
    for index, record in enumerate(result.records or []):
        everything = record_text(record) + repr(record.notices) + repr(record.locations)
        if PASSWD_MARKER in everything:
            problems.append(f"record {index} holds the content of /etc/passwd")
        for where, url in _urls(record):
            if unsafe_url(url):
                problems.append(f"record {index} {where} keeps an unsafe URL {url!r}")
        codes = {notice.code for notice in record.notices}
        if "\ufffd" in record_text(record) and "PR601" not in codes and not from_reference:
            problems.append(f"record {index} holds U+FFFD without a PR601 notice")
        if pair is not None:
            to_json, from_json = pair
            try:
                again = from_json(to_json(record))
            except Exception as exc:
                problems.append(
                    f"record {index} does not round-trip through JSON: {type(exc).__name__}: {exc}"
                )
            else:
                if again != record:
                    problems.append(
                        f"record {index} changes in a JSON round trip:\n{record!r}\n{again!r}"
                    )
    return problems


def as_stream(data: bytes) -> BinaryIO:
    """The same bytes as a binary stream (readers take both)."""
    return io.BytesIO(data)
