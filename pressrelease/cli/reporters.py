"""The report formats of ``pressrelease validate``: text, json, github, junit and sarif.

Every reporter takes the checked files and returns the whole report as a
string. Values taken from documents (IDs, names, messages quoting them, file
names) are escaped for the medium: control, zero-width and bidi characters
are shown as ``\\uXXXX`` in text, and GitHub workflow commands escape ``%``,
CR, LF, ``:`` and ``,`` so no document can forge an annotation.

The JSON report has this stable shape (``version`` changes if it ever must)::

    {
      "version": 1,
      "status": "ok" | "fail",
      "files": [
        {"path": "releases/a.json", "format": "json",
         "records": [
           {"index": 0, "unique_id": "201203_6",
            "findings": [{"code": "PR302", "severity": "error",
                          "path": "$.signatories", "line": 7, "column": 3,
                          "message": "..."}]}]}],
      "parse_errors": [{"path": "b.html", "line": 3, "column": 1, "message": "..."}],
      "summary": {"files": 2, "records": 1, "errors": 1, "warnings": 0, "infos": 0,
                  "parse_errors": 1}
    }

``line`` and ``column`` are ``null`` when unknown; ``status`` is ``fail``
exactly when the command exits 1.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from urllib.parse import quote

from pressrelease.cli.checking import FileResult, Problem, RecordResult
from pressrelease.validation import RULES, Finding, Severity
from pressrelease.validation.text import escape_controls

__all__ = ["REPORTERS", "failed", "summary"]

Reporter = Callable[[Sequence[FileResult], bool], str]


def _failing(severity: Severity, strict: bool) -> bool:
    return severity is Severity.ERROR or (strict and severity is Severity.WARNING)


def failed(files: Sequence[FileResult], strict: bool) -> bool:
    """Whether the run fails: an error finding (a warning too with ``strict``), or a problem."""
    return any(
        file.problems or any(_failing(f.severity, strict) for r in file.records for f in r.findings)
        for file in files
    )


def summary(files: Sequence[FileResult]) -> dict[str, int]:
    """Counts for the end of a report."""
    counts = {"files": len(files), "records": 0, "errors": 0, "warnings": 0, "infos": 0}
    for file in files:
        counts["records"] += len(file.records)
        for record in file.records:
            for finding in record.findings:
                counts[finding.severity.value + "s"] += 1
    counts["parse_errors"] = sum(len(file.problems) for file in files)
    return counts


def _record_path(file: FileResult, record: RecordResult, path: str) -> str:
    if len(file.records) > 1:
        return f"$[{record.index}]{path[1:]}"
    return path


def _findings(files: Sequence[FileResult]) -> Iterator[tuple[FileResult, RecordResult, Finding]]:
    for file in files:
        for record in file.records:
            for finding in record.findings:
                yield file, record, finding


def _where(path: str, line: int | None, column: int | None) -> str:
    parts = [path]
    if line is not None:
        parts.append(str(line))
        if column is not None:
            parts.append(str(column))
    return ":".join(parts)


def _problem_line(problem: Problem) -> str:
    where = _where(escape_controls(problem.path), problem.line, problem.column)
    return f"{where}: {escape_controls(problem.message)}"


def render_text(files: Sequence[FileResult], strict: bool) -> str:
    """One line per finding, ``path:line:col: CODE severity: message [json path]``."""
    lines = []
    for file in files:
        for record in file.records:
            for f in record.findings:
                line = f.location.line if f.location else None
                column = f.location.column if f.location else None
                where = _where(escape_controls(file.path), line, column)
                lines.append(
                    f"{where}: {f.code} {f.severity.value}: {escape_controls(f.message)} "
                    f"[{escape_controls(_record_path(file, record, f.path))}]"
                )
        lines.extend(_problem_line(problem) for problem in file.problems)
    counts = summary(files)
    unreadable = sum(1 for file in files if file.problems)
    tail = (
        f"{counts['errors']} error(s), {counts['warnings']} warning(s), {counts['infos']} info(s) "
        f"in {counts['records']} record(s) of {counts['files']} file(s)"
    )
    if unreadable:
        tail += f"; {unreadable} file(s) could not be read"
    lines.append(("FAIL: " if failed(files, strict) else "OK: ") + tail)
    return "\n".join(lines) + "\n"


def _finding_json(f: Finding) -> dict[str, object]:
    return {
        "code": f.code,
        "severity": f.severity.value,
        "path": f.path,
        "line": f.location.line if f.location else None,
        "column": f.location.column if f.location else None,
        "message": f.message,
    }


def render_json(files: Sequence[FileResult], strict: bool) -> str:
    """The documented JSON report (see the module's docstring)."""
    document = {
        "version": 1,
        "status": "fail" if failed(files, strict) else "ok",
        "files": [
            {
                "path": file.path,
                "format": file.format,
                "records": [
                    {
                        "index": record.index,
                        "unique_id": record.unique_id,
                        "findings": [_finding_json(f) for f in record.findings],
                    }
                    for record in file.records
                ],
            }
            for file in files
        ],
        "parse_errors": [
            {"path": p.path, "line": p.line, "column": p.column, "message": p.message}
            for file in files
            for p in file.problems
        ],
        "summary": summary(files),
    }
    return json.dumps(document, indent=2, ensure_ascii=True) + "\n"


def _gh_data(text: str) -> str:
    return escape_controls(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


_GH_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _gh_command(
    level: str, path: str, line: int | None, column: int | None, title: str, message: str
) -> str:
    props = [f"file={_gh_property(path)}"]
    if line is not None:
        props.append(f"line={line}")
        if column is not None:
            props.append(f"col={column}")
    props.append(f"title={_gh_property(title)}")
    return f"::{level} {','.join(props)}::{_gh_data(message)}"


def render_github(files: Sequence[FileResult], strict: bool) -> str:
    """GitHub Actions workflow commands, one annotation per finding or unreadable file."""
    lines = []
    for file in files:
        for record in file.records:
            for f in record.findings:
                level = _GH_LEVEL[f.severity]
                if strict and f.severity is Severity.WARNING:
                    level = "error"
                lines.append(
                    _gh_command(
                        level,
                        file.path,
                        f.location.line if f.location else None,
                        f.location.column if f.location else None,
                        f"{f.code} {RULES[f.code].name}" if f.code in RULES else f.code,
                        f"{f.message} [{_record_path(file, record, f.path)}]",
                    )
                )
        for p in file.problems:
            lines.append(_gh_command("error", p.path, p.line, p.column, "unreadable", p.message))
    return "".join(line + "\n" for line in lines)


def render_junit(files: Sequence[FileResult], strict: bool) -> str:
    """JUnit XML: a test suite per file, a test case per document (record)."""
    import xml.etree.ElementTree as ET

    root = ET.Element("testsuites", name="pressrelease validate")
    total = failures = errors = 0
    for file in files:
        suite = ET.SubElement(root, "testsuite", name=escape_controls(file.path))
        suite_failures = suite_errors = 0
        for record in file.records:
            name = f"record {record.index}"
            if record.unique_id:
                name += f" ({escape_controls(record.unique_id)})"
            case = ET.SubElement(
                suite, "testcase", name=name, classname=escape_controls(file.path), time="0"
            )
            failing = [f for f in record.findings if _failing(f.severity, strict)]
            others = [f for f in record.findings if not _failing(f.severity, strict)]
            if failing:
                suite_failures += 1
                first = failing[0]
                failure = ET.SubElement(
                    case, "failure", type=first.code, message=escape_controls(first.message)
                )
                failure.text = "\n".join(_junit_line(f) for f in failing)
            if others:
                out = ET.SubElement(case, "system-out")
                out.text = "\n".join(_junit_line(f) for f in others)
        for problem in file.problems:
            case = ET.SubElement(
                suite, "testcase", name="read", classname=escape_controls(file.path), time="0"
            )
            error = ET.SubElement(
                case, "error", type="unreadable", message=escape_controls(problem.message)
            )
            error.text = _problem_line(problem)
            suite_errors += 1
        tests = len(file.records) + len(file.problems)
        suite.set("tests", str(tests))
        suite.set("failures", str(suite_failures))
        suite.set("errors", str(suite_errors))
        suite.set("skipped", "0")
        suite.set("time", "0.000")
        total += tests
        failures += suite_failures
        errors += suite_errors
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    root.set("time", "0.000")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _junit_line(f: Finding) -> str:
    where = ""
    if f.location is not None and f.location.line is not None:
        where = f"line {f.location.line}: "
    return f"{where}{f.code} {f.severity.value}: {escape_controls(f.message)} [{escape_controls(f.path)}]"


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/:@!$&'()*+,;=-._~")


def _sarif_location(path: str, line: int | None, column: int | None) -> dict[str, object]:
    physical: dict[str, object] = {"artifactLocation": {"uri": _uri(path)}}
    if line is not None and line >= 1:
        region: dict[str, int] = {"startLine": line}
        if column is not None and column >= 1:
            region["startColumn"] = column
        physical["region"] = region
    return {"physicalLocation": physical}


def render_sarif(files: Sequence[FileResult], strict: bool) -> str:
    """SARIF 2.1.0: every rule of the catalogue, a result per finding, read problems as notifications."""
    from pressrelease.cli.main import _version

    codes = list(RULES)
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        }
        for rule in RULES.values()
    ]
    results = []
    for file, record, f in _findings(files):
        level = _SARIF_LEVEL[f.severity]
        if strict and f.severity is Severity.WARNING:
            level = "error"
        location = _sarif_location(
            file.path,
            f.location.line if f.location else None,
            f.location.column if f.location else None,
        )
        location["logicalLocations"] = [
            {"fullyQualifiedName": _record_path(file, record, f.path), "kind": "member"}
        ]
        result: dict[str, object] = {
            "ruleId": f.code,
            "level": level,
            "message": {"text": f.message},
            "locations": [location],
        }
        if f.code in RULES:
            result["ruleIndex"] = codes.index(f.code)
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": p.message},
            "locations": [_sarif_location(p.path, p.line, p.column)],
        }
        for file in files
        for p in file.problems
    ]
    invocation: dict[str, object] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    log = {
        "$schema": _SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "pressrelease",
                        "version": _version(),
                        "rules": rules,
                    }
                },
                "invocations": [invocation],
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=True) + "\n"


#: Report formats by name.
REPORTERS: dict[str, Reporter] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "junit": render_junit,
    "sarif": render_sarif,
}
