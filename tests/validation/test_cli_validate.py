"""``pressrelease validate``: files, directories, globs and stdin; exit codes; every report format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests_support import STANDARDS_CI

from pressrelease.cli.main import main
from pressrelease.formats import FORMATS, Format

GOOD = {
    "title": "Counter-terrorism: third EU-UN high-level dialogue",
    "unique_id": "201203_6",
    "issuer": "eeas",
    "category": "Joint Press Releases",
    "published": "2020-12-03",
    "signatories": [
        {"name": "Joanneke Balfoort", "organisation": "European External Action Service"},
        {"name": "Vladimir Voronkov", "organisation": "United Nations"},
    ],
    "body": ["The leaders of the United Nations and the European Union met."],
}


@pytest.fixture(autouse=True)
def fixture_json_reader(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Read .json files with the test's fixture reader; run from an empty folder."""
    monkeypatch.setitem(
        FORMATS,
        "json",
        Format(
            name="json",
            summary="test fixture",
            reader="fixture_reader:read_fixture",
            extensions=(".json",),
        ),
    )
    monkeypatch.chdir(tmp_path)


def write(path: Path, value: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        value if isinstance(value, str) else json.dumps(value, indent=1), encoding="utf-8"
    )
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of valid, invalid and unreadable files."""
    root = tmp_path / "releases"
    write(root / "a-valid.json", GOOD)
    write(
        root / "b-invalid.json", {**GOOD, "unique_id": None, "signatories": GOOD["signatories"][:1]}
    )
    write(root / "c-broken.json", '{"title": "x",\n  "unique_id": }')
    write(root / "sub" / "d-valid.json", {**GOOD, "unique_id": "201203_7"})
    write(root / "notes.bin", "not a press release; skipped in folders")
    write(root / ".hidden" / "e.json", "{")
    return root


def test_mixed_folder_text_report(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([str(mixed)], capsys)
    assert code == 1
    assert err == ""  # no progress bar off a terminal, no traceback
    lines = out.splitlines()
    b = f"{mixed / 'b-invalid.json'}"
    assert lines == [
        f"{b}:2:3: PR101 error: the release has no unique ID [$.unique_id]",
        f"{b}: PR302 error: the category says the release is joint ('joint') but it names 1 party; "
        "a joint release needs at least two [$.signatories]",
        f"{mixed / 'c-broken.json'}:2:16: Expecting value",
        "FAIL: 2 error(s), 0 warning(s), 0 info(s) in 3 record(s) of 4 file(s); 1 file(s) could not be read",
    ]


def test_valid_files_pass(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([str(mixed / "a-valid.json"), str(mixed / "sub")], capsys)
    assert code == 0
    assert out == "OK: 0 error(s), 0 warning(s), 0 info(s) in 2 record(s) of 2 file(s)\n"


def test_strict_fails_on_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "w.json", {**GOOD, "title": "THIRD EU-UN HIGH-LEVEL DIALOGUE"})
    assert run([str(path)], capsys)[0] == 0
    code, out, _ = run(["--strict", str(path)], capsys)
    assert code == 1
    assert "PR402 warning" in out


def test_json_report(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["--format", "json", str(mixed)], capsys)
    assert code == 1
    assert err == ""
    report = json.loads(out)
    assert report["version"] == 1
    assert report["status"] == "fail"
    assert [f["path"] for f in report["files"]] == [
        str(mixed / "a-valid.json"),
        str(mixed / "b-invalid.json"),
        str(mixed / "c-broken.json"),
        str(mixed / "sub" / "d-valid.json"),
    ]
    invalid = report["files"][1]["records"][0]
    assert invalid["index"] == 0
    assert invalid["unique_id"] is None
    assert invalid["findings"][0] == {
        "code": "PR101",
        "severity": "error",
        "path": "$.unique_id",
        "line": 2,
        "column": 3,
        "message": "the release has no unique ID",
    }
    assert [f["code"] for f in invalid["findings"]] == ["PR101", "PR302"]
    assert report["parse_errors"] == [
        {
            "path": str(mixed / "c-broken.json"),
            "line": 2,
            "column": 16,
            "message": "Expecting value",
        }
    ]
    assert report["summary"] == {
        "files": 4, "records": 3, "errors": 2, "warnings": 0, "infos": 0, "parse_errors": 1,
    }  # fmt: skip


def test_json_report_ok(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--format=json", str(mixed / "a-valid.json")], capsys)
    assert code == 0
    assert json.loads(out)["status"] == "ok"


def test_junit_report_is_valid(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lxml import etree

    code, out, _ = run(["--format", "junit", str(mixed)], capsys)
    assert code == 1
    schema = etree.XMLSchema(etree.parse(str(STANDARDS_CI / "junit-10.xsd")))
    document = etree.fromstring(out.encode("utf-8"))
    schema.assertValid(document)
    assert document.get("tests") == "4"  # three records and one unreadable file
    assert document.get("failures") == "1"
    assert document.get("errors") == "1"
    (failure,) = document.iter("failure")
    assert failure.get("type") == "PR101"
    assert "PR302" in (failure.text or "")
    (error,) = document.iter("error")
    assert error.get("message") == "Expecting value"


def test_sarif_report_is_valid(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema

    code, out, _ = run(["--format", "sarif", str(mixed)], capsys)
    assert code == 1
    log = json.loads(out)
    schema = json.loads((STANDARDS_CI / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][:3] == ["PR101", "PR102", "PR103"]
    assert [r["ruleId"] for r in run_["results"]] == ["PR101", "PR302"]
    first = run_["results"][0]
    assert rules[first["ruleIndex"]]["id"] == "PR101"
    assert first["locations"][0]["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 3}
    assert run_["invocations"][0]["executionSuccessful"] is False
    (note,) = run_["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"] == "Expecting value"


def test_github_annotations(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--format", "github", str(mixed)], capsys)
    assert code == 1
    b = str(mixed / "b-invalid.json").replace(":", "%3A").replace(",", "%2C")
    assert out.splitlines()[0] == (
        f"::error file={b},line=2,col=3,title=PR101 id-missing::the release has no unique ID [$.unique_id]"
    )
    assert len(out.splitlines()) == 3


def test_github_annotations_cannot_be_forged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forged = "PR-1\n::error file=x::forged"
    path = write(
        tmp_path / "f, x:y%.json", {**GOOD, "unique_id": forged, "title": "T\r\n::warning::x"}
    )
    code, out, _ = run(["--format", "github", path.name], capsys)
    assert code == 1
    lines = out.splitlines()
    assert all(line.startswith("::error ") for line in lines)
    # One annotation per finding, and nothing from the document starts a line.
    # PR102 (the ID is malformed for EEAS) and PR502 (the title's CR; tab and LF are allowed).
    assert [line.split("title=")[1].split(" ")[0] for line in lines] == ["PR102", "PR502"]
    assert "::error file=x::forged" not in lines
    assert lines[0].startswith("::error file=f%2C x%3Ay%25.json,line=2,col=3,title=PR102 ")
    assert all("\n" not in line and "\r" not in line for line in lines)


def test_text_output_escapes_controls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(
        tmp_path / "bidi.json",
        {
            **GOOD,
            "notices": [{"code": "PR605", "message": "saw 'x\u202ey\x1b[2J'", "path": "$.place"}],
        },
    )
    code, out, _ = run([str(path)], capsys)
    assert code == 0
    assert "saw 'x\\u202ey\\x1b[2J'" in out
    assert "\u202e" not in out
    assert "\x1b" not in out


def test_jobs_give_the_same_output(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for extra in range(12):
        write(
            mixed / "more" / f"{extra:02d}.json", {**GOOD, "unique_id": f"2012{extra + 10:02d}_1"}
        )
    for fmt in ("text", "json", "sarif"):
        one = run(["-j", "1", "--format", fmt, str(mixed)], capsys)
        two = run(["--jobs", "2", "--format", fmt, str(mixed)], capsys)
        assert one == two
        assert one[0] == 1


def test_duplicate_ids_across_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "a.json", GOOD)
    write(tmp_path / "b.json", [{**GOOD, "unique_id": "201203_7"}, GOOD])
    code, out, _ = run(["a.json", "b.json"], capsys)
    assert code == 1
    assert out.splitlines()[0] == (
        "b.json:3:3: PR104 error: unique ID '201203_6' is also the ID of record 0 of a.json "
        "[$[1].unique_id]"
    )
    assert "PR104" not in run(["--ignore", "PR104", "a.json", "b.json"], capsys)[1].split("\n")[0]


def test_globs_stdin_and_forced_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    write(tmp_path / "x" / "one.json", GOOD)
    write(tmp_path / "x" / "two.release", {**GOOD, "unique_id": "201203_9"})
    code, out, _ = run(["x/*.json"], capsys)
    assert (code, out.splitlines()[-1]) == (
        0,
        "OK: 0 error(s), 0 warning(s), 0 info(s) in 1 record(s) of 1 file(s)",
    )
    code, out, _ = run(["--from", "json", "x/**/*.release"], capsys)
    assert code == 0
    assert "1 record(s) of 1 file(s)" in out
    data = json.dumps({**GOOD, "unique_id": None}).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    code, out, _ = run(["--from", "json", "-"], capsys)
    assert code == 1
    assert out.startswith("<stdin>:2:3: PR101 error")


def test_missing_paths_and_patterns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "a.json", GOOD)
    os.symlink(tmp_path / "gone.json", tmp_path / "dangling.json")
    code, out, _ = run(["nope.json", "*.nothing", "a.json", "dangling.json"], capsys)
    assert code == 1
    assert out.splitlines()[:3] == [
        "nope.json: no such file or directory",
        "*.nothing: no file matches this pattern",
        "dangling.json: No such file or directory",
    ]


def test_unknown_format_and_missing_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(
        FORMATS,
        "html",
        Format(
            name="html",
            summary="x",
            reader="pressrelease.no_such_module:read",
            extensions=(".html",),
        ),
    )
    write(tmp_path / "page.html", "<html></html>")
    code, out, _ = run(["page.html"], capsys)
    assert code == 1
    assert out.splitlines()[0] == (
        "page.html: this version of pressrelease cannot read html yet "
        "(pressrelease.no_such_module:read is missing)"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "PR9"], "unknown rule code 'PR9'"),
        (["--ignore", "PR101,XX"], "unknown rule code 'XX'"),
        (["--severity", "PR101"], "expected CODE=LEVEL"),
        (["--severity", "PR101=fatal"], "unknown severity 'fatal'"),
        (["--require", "colour"], "unknown field 'colour'"),
        (["--today", "03/12/2020"], "must be a date like"),
        (["--config", "missing.toml"], "cannot read"),
    ],
)
def test_configuration_errors_exit_2(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "a.json", GOOD)
    code, out, err = run([*args, "a.json"], capsys)
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [["--format", "yaml", "a.json"], ["--jobs", "0", "a.json"], [], ["--from", "pdf", "a.json"]],
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(args, capsys)[0] == 2


def test_pyproject_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[tool.pressrelease]\nignore = ["PR101"]\nseverity = { PR302 = "warning" }\n',
    )
    write(
        tmp_path / "deep" / "er" / "b.json",
        {**GOOD, "unique_id": None, "signatories": GOOD["signatories"][:1]},
    )
    monkeypatch.chdir(tmp_path / "deep" / "er")
    code, out, _ = run(["b.json"], capsys)
    assert code == 0
    assert out.splitlines()[0].startswith("b.json: PR302 warning")
    assert run(["--no-config", "b.json"], capsys)[0] == 1
    # Flags apply on top of the file.
    assert run(["--severity", "PR302=error", "b.json"], capsys)[0] == 1
    write(tmp_path / "other.toml", '[tool.pressrelease]\nselect = ["PR4"]\n')
    assert run(["--config", str(tmp_path / "other.toml"), "b.json"], capsys)[0] == 0


def test_pyproject_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "a.json", GOOD)
    write(
        tmp_path / "pyproject.toml",
        '[tool.pressrelease]\nignore = ["PR101"]\nrequire = ["plaec"]\n',
    )
    code, _, err = run(["a.json"], capsys)
    assert code == 2
    assert (
        f"{tmp_path / 'pyproject.toml'}: [tool.pressrelease]: require: unknown field 'plaec'" in err
    )
    write(tmp_path / "pyproject.toml", "[tool.pressrelease\n")
    code, _, err = run(["a.json"], capsys)
    assert code == 2
    assert "not valid TOML" in err


def test_require_and_today_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "a.json", GOOD)
    code, out, _ = run(["--require", "place,language", "a.json"], capsys)
    assert code == 1
    assert out.count("PR406 error") == 2
    code, out, _ = run(["--today", "2020-11-01", "a.json"], capsys)
    assert code == 0
    assert "PR204 warning" in out


def test_size_cap(tmp_path: Path) -> None:
    from pressrelease.cli.checking import Task, check_file
    from pressrelease.limits import Limits
    from pressrelease.validation import ValidationConfig

    path = write(tmp_path / "big.json", GOOD)
    result = check_file(
        Task(path=str(path), display="big.json"), ValidationConfig(), Limits(max_document_bytes=10)
    )
    (problem,) = result.problems
    assert problem.message.startswith("the document is larger than max_document_bytes=10")
    assert result.records == ()


def test_reader_bugs_are_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(
        FORMATS,
        "json",
        Format(name="json", summary="x", reader="json:loads", extensions=(".json",)),
    )
    write(tmp_path / "a.json", GOOD)
    write(tmp_path / "b.json", GOOD)
    code, out, err = run(["a.json", "b.json"], capsys)
    assert code == 1
    assert out.count("internal error while reading: TypeError") == 2
    assert "Traceback" not in err


def test_heavy_modules_stay_unloaded(tmp_path: Path) -> None:
    write(tmp_path / "a.json", GOOD)
    script = (
        "import sys\n"
        "from pressrelease.formats import FORMATS, Format\n"
        "FORMATS['json'] = Format(name='json', summary='x', reader='fixture_reader:read_fixture', extensions=('.json',))\n"
        "from pressrelease.cli.main import main\n"
        "code = main(['validate', 'a.json'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'lxml', 'babel', 'py3langid', 'jsonschema', 'cattrs', 'concurrent'})\n"
        "print(code, heavy)\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), str(Path.cwd().parent)]),
    }
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(__file__).parent), str(Path(__file__).parents[2])]
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "0 []"


def test_no_traceback_from_the_real_command(tmp_path: Path) -> None:
    write(tmp_path / "a.json", "{")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    done = subprocess.run(
        [sys.executable, "-m", "pressrelease", "validate", "a.json", "missing.txt"],
        cwd=tmp_path, capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stdout.splitlines()[1] == "missing.txt: no such file or directory"


class _Terminal:
    """A stand-in for a terminal's standard error."""

    def __init__(self) -> None:
        self.written: list[str] = []

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def test_progress_bar_only_on_a_terminal_and_never_with_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "a.json", GOOD)
    write(tmp_path / "b.json", {**GOOD, "unique_id": "201203_7"})
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["validate", "-j", "1", "a.json", "b.json"]) == 0
    shown = "".join(terminal.written)
    assert "\r[###############...............] 1/2" in shown
    assert "] 2/2" in shown
    assert shown.endswith("\r")  # the bar is wiped before the report
    terminal.written.clear()
    assert main(["validate", "--format", "json", "a.json", "b.json"]) == 0
    assert terminal.written == []
    capsys.readouterr()
