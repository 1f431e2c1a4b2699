"""The hostile cases through the command line, as a user runs it: ``validate`` and ``convert``.

One subprocess per format and report style reads every case of that format,
so the suite stays fast. Whatever the documents hold, the commands exit 1
when a file is bad, say so in one line per problem that names the file,
never print a traceback or the content of /etc/passwd, never let a document
forge a GitHub annotation or smuggle raw control characters into the
terminal, and never turn an ID into a path.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _hostile import (
    PASSWD_MARKER,
    ROOT,
    Case,
    MissingReader,
    all_cases,
    reader_for,
    run_reader,
)
from _known import TESTS, marks

from pressrelease.cli.main import COMMANDS
from pressrelease.errors import PressReleaseError

#: The committed cases, and two generated ones that must fail on a limit: the CLI
#: reads every file again, so the large generated inputs stay in the library tests.
CASES = [
    case
    for case in all_cases(slow=False)
    if case.path is not None
    or case.name in ("generated/xml-nesting-100k", "generated/json-nesting-100k-array")
]
#: A finding line of the text report (``path:line:col: PR301 warning: ...``).
FINDING = re.compile(r": PR\d{3} (error|warning|info): ")
FORMATS = sorted({fmt for case in CASES for fmt in case.formats})
#: Raw characters no report may print: C0/C1 controls but tab and newline, bidi and zero-width.
RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\u202a-\u202e\u2066-\u2069]"
)


def _command_or_skip(name: str) -> None:
    if name not in COMMANDS:
        pytest.skip(f"the {name} command is not on this branch yet")


def _reader_or_skip(fmt: str) -> None:
    try:
        reader_for(fmt)
    except MissingReader as exc:
        pytest.skip(str(exc))


def run_cli(*args: str, cwd: Path = ROOT, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "pressrelease", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        timeout=timeout,
        cwd=cwd,
        env=env,
        check=False,
    )
    both = done.stdout + done.stderr
    assert "Traceback" not in both, both[-4000:]
    assert PASSWD_MARKER not in both, "the content of /etc/passwd reached the output"
    return done


def _materialise(case: Case, folder: Path) -> Path:
    """The case as a file the command can open (generated cases are written out)."""
    if case.path is not None:
        return case.path
    data = case.load()
    target = folder / (case.name.replace("/", "__") + ".bin")
    if isinstance(data, bytes):
        target.write_bytes(data)
    else:
        with target.open("wb") as out:
            while chunk := data.read(1 << 20):
                out.write(chunk)
    return target


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if not {"validate", "convert"} & set(COMMANDS):
        pytest.skip("neither validate nor convert is on this branch yet")
    folder = tmp_path_factory.mktemp("generated")
    return {case.name: _materialise(case, folder) for case in CASES}


def _library_error(case: Case, fmt: str) -> PressReleaseError | None:
    result = run_reader(fmt, case.load(), source=case.name, limits=case.limits, keep=False)
    assert result.error is None or isinstance(result.error, PressReleaseError), result.trace
    return result.error


@pytest.mark.parametrize("fmt", FORMATS)
def test_validate_reports_each_bad_file(fmt: str, files: dict[str, Path]) -> None:
    _command_or_skip("validate")
    _reader_or_skip(fmt)
    cases = [case for case in CASES if fmt in case.formats]
    paths = [str(files[case.name]) for case in cases]
    done = run_cli("validate", "--no-config", "-j", "1", "--from", fmt, "--format", "json", *paths)
    report: dict[str, Any] = json.loads(done.stdout)
    assert report["status"] == ("fail" if done.returncode == 1 else "ok")
    bad = {error["path"] for error in report["parse_errors"]}
    failures = []
    for case, path in zip(cases, paths, strict=True):
        error = _library_error(case, fmt)
        if error is not None:
            if path not in bad:
                failures.append(
                    f"{case.name}: the library raises {error!r}, validate reports no problem"
                )
            if done.returncode != 1:
                failures.append(f"{case.name}: a bad file, yet validate exits {done.returncode}")
        elif path in bad:
            failures.append(f"{case.name}: the library reads it, validate calls it unreadable")
        wanted = case.expect_for(fmt).cli
        if wanted and error is None:
            entry = next(f for f in report["files"] if f["path"] == path)
            codes = {f["code"] for r in entry["records"] for f in r["findings"]}
            failures += [
                f"{case.name}: validate does not report {code}"
                for code in wanted
                if code not in codes
            ]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("fmt", FORMATS)
def test_validate_text_one_line_per_problem_and_escaped(fmt: str, files: dict[str, Path]) -> None:
    _command_or_skip("validate")
    _reader_or_skip(fmt)
    cases = [case for case in CASES if fmt in case.formats]
    paths = [str(files[case.name]) for case in cases]
    done = run_cli("validate", "--no-config", "-j", "1", "--from", fmt, *paths)
    lines = done.stdout.splitlines() + done.stderr.splitlines()
    failures = []
    for case, path in zip(cases, paths, strict=True):
        error = _library_error(case, fmt)
        if error is None:
            continue
        mine = [line for line in lines if line.startswith(path + ":") and not FINDING.search(line)]
        if len(mine) != len(error.problems):
            failures.append(
                f"{case.name}: {len(error.problems)} problem(s), {len(mine)} line(s): {mine}"
            )
    raw = sorted({f"U+{ord(ch):04X}" for ch in RAW_CONTROL.findall(done.stdout + done.stderr)})
    if raw:
        failures.append(f"raw control, bidi or zero-width characters printed: {raw}")
    assert not failures, "\n".join(failures)


def test_github_annotations_cannot_be_forged(files: dict[str, Path]) -> None:
    _command_or_skip("validate")
    cases = [case for case in CASES if case.name.startswith(("ids/", "text/ansi", "text/bidi"))]
    paths = []
    for case in cases:
        for fmt in case.formats:
            try:
                reader_for(fmt)
            except MissingReader:
                continue
            paths.append(str(files[case.name]))
            break
    if not paths:
        pytest.skip("no reader for the ID cases yet")
    done = run_cli("validate", "--no-config", "-j", "1", "--format", "github", *paths)
    assert "\r" not in done.stdout
    for line in done.stdout.split("\n"):
        if line.startswith("::"):
            assert re.match(r"::(error|warning|notice) file=[^,:]+[,:]", line), (
                f"forged or malformed: {line!r}"
            )
    assert not RAW_CONTROL.search(done.stdout)


@pytest.mark.parametrize(
    "fmt",
    [
        pytest.param(f, marks=marks(("test_convert_reports_each_bad_file", f), TESTS))
        for f in FORMATS
    ],
)
def test_convert_reports_each_bad_file(fmt: str, files: dict[str, Path], tmp_path: Path) -> None:
    _command_or_skip("convert")
    _reader_or_skip(fmt)
    cases = [case for case in CASES if fmt in case.formats]
    paths = [str(files[case.name]) for case in cases]
    out = tmp_path / "out.jsonl"
    done = run_cli("convert", "--from", fmt, "--to", "jsonl", "-o", str(out), *paths)
    lines = done.stdout.splitlines() + done.stderr.splitlines()
    failures = []
    any_bad = False
    for case, path in zip(cases, paths, strict=True):
        if _library_error(case, fmt) is None:
            continue
        any_bad = True
        if not any(path in line for line in lines):
            failures.append(f"{case.name}: convert says nothing about this bad file")
    if any_bad and done.returncode != 1:
        failures.append(f"bad files, yet convert exits {done.returncode}")
    if out.exists():
        assert PASSWD_MARKER not in out.read_text(encoding="utf-8", errors="replace")
    assert not failures, "\n".join(failures)


def test_convert_never_turns_an_id_into_a_path(files: dict[str, Path], tmp_path: Path) -> None:
    _command_or_skip("convert")
    cases = [
        case for case in CASES if case.name.startswith("ids/id-") and case.name.endswith(".json")
    ]
    try:
        reader_for("json")
    except MissingReader as exc:
        pytest.skip(str(exc))
    target = tmp_path / "deep" / "out"
    target.mkdir(parents=True)
    outside = Path("/tmp/pressrelease-hostile-pwned")
    # One run per case: convert writes nothing when any of its inputs cannot be
    # read (id-too-long.json cannot), so the others must not share its run.
    for case in cases:
        run_cli(
            "convert",
            "--from",
            "json",
            "--to",
            "json",
            "--split",
            str(target),
            str(files[case.name]),
        )
    written = sorted(path for path in tmp_path.rglob("*") if path.is_file())
    assert written, "convert --split wrote nothing"
    for path in written:
        assert path.parent == target, f"a record was written outside the --split folder: {path}"
        assert "\\" not in path.name
        assert not path.name.startswith(".")
    assert not outside.exists()


LIMIT_FLAGS = ("--max-document-bytes", "--max-json-depth", "--max-field-chars")


@pytest.mark.parametrize("command", ["validate", "convert"])
def test_limits_can_be_set_on_the_command_line(command: str, tmp_path: Path) -> None:
    _command_or_skip(command)
    _reader_or_skip("json")
    help_text = run_cli(command, "--help").stdout
    missing = [flag for flag in LIMIT_FLAGS if flag not in help_text]
    if missing:
        pytest.skip(
            f"{command} has no {', '.join(missing)} yet (issue 7: limits overridable on the command line)"
        )
    doc = tmp_path / "r.json"
    doc.write_text('{"title": "Joint statement", "notes": ["' + "x" * 200 + '"]}', encoding="utf-8")
    extra = (
        ["--to", "json", "-o", str(tmp_path / "o.json")]
        if command == "convert"
        else ["--no-config"]
    )
    small = run_cli(command, "--max-document-bytes", "100", *extra, str(doc))
    assert small.returncode == 1
    assert "max_document_bytes" in small.stdout + small.stderr
    deep = run_cli(command, "--max-json-depth", "1", *extra, str(doc))
    assert deep.returncode == 1
    assert "max_json_depth" in deep.stdout + deep.stderr


def test_a_newline_in_an_id_is_reported(files: dict[str, Path]) -> None:
    """An ID holding a newline (``X\\n::error::pwned``) is the CI-annotation forgery: PR502."""
    _command_or_skip("validate")
    _reader_or_skip("json")
    path = str(files["ids/id-annotation-forgery.json"])
    done = run_cli("validate", "--no-config", "-j", "1", "--format", "json", path)
    report = json.loads(done.stdout)
    codes = {f["code"] for file in report["files"] for r in file["records"] for f in r["findings"]}
    assert "PR502" in codes


def test_convert_reads_whole_documents(corpus: Path, tmp_path: Path) -> None:
    """convert gives the reader the whole file (it once passed only the first 4 KiB)."""
    _command_or_skip("convert")
    _reader_or_skip("html")
    from pressrelease.serialize.json import read_json

    page = corpus / "un-press-html" / "un_press_2023_sgsm21947.html"
    out = tmp_path / "out.json"
    done = run_cli("convert", "--from", "html", "--to", "json", "-o", str(out), str(page))
    assert done.returncode == 0, done.stderr
    converted = list(read_json(out.read_bytes()))
    assert converted == list(reader_for("html")(page.read_bytes(), source=str(page)))


def test_convert_refuses_a_document_over_the_limit(tmp_path: Path) -> None:
    _command_or_skip("convert")
    _reader_or_skip("html")
    big = tmp_path / "big.html"
    big.write_bytes(b"<html><body><h1>Big</h1><p>" + b"x " * (6 * 2**20) + b"</p></body></html>")
    done = run_cli(
        "convert", "--from", "html", "--to", "json", "-o", str(tmp_path / "o.json"), str(big)
    )
    assert done.returncode == 1
    assert any(
        str(big) in line and "max_document_bytes" in line for line in done.stderr.splitlines()
    )
