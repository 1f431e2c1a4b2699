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
    "unique_id": "201203_7",
    "issuer": "eeas",
    "category": "Joint Press Releases",
    "published": "2020-12-03",
    "signatories": [
        {"name": "Joanneke Balfoort", "organisation": "European External Action Service"},
        {"name": "Vladimir Voronkov", "organisation": "United Nations"},
    ],
    "body": [{"text": "The leaders of the United Nations and the European Union met."}],
}


NO_ID = {key: value for key, value in GOOD.items() if key != "unique_id"}


@pytest.fixture(autouse=True)
def _in_empty_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def seed(corpus: Path) -> str:
    """The reference document's text (EEAS 201203_6, in French)."""
    return (corpus / "seed" / "eeas-201203_6-fr.txt").read_text(encoding="utf-8")


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
def mixed(tmp_path: Path, seed: str) -> Path:
    """A folder of valid, invalid and unreadable files in several formats."""
    root = tmp_path / "releases"
    write(root / "a-valid.txt", seed)
    # The ID says 4 December; the dateline says 3 December (line 3, column 42 holds the ID).
    write(root / "b-invalid.txt", seed.replace("UNIQUE ID: 201203_6", "UNIQUE ID: 201204_6"))
    write(root / "c-broken.json", '{"title": "x",\n  "unique_id": }')
    write(root / "e-invalid.json", {**NO_ID, "signatories": GOOD["signatories"][:1]})
    write(root / "sub" / "d-valid.json", GOOD)
    write(root / "notes.bin", "not a press release; skipped in folders")
    write(root / ".hidden" / "e.json", "{")
    return root


def test_mixed_folder_text_report(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([str(mixed)], capsys)
    assert code == 1
    assert err == ""  # no progress bar off a terminal, no traceback
    b, c, e = (mixed / name for name in ("b-invalid.txt", "c-broken.json", "e-invalid.json"))
    assert out.splitlines() == [
        f"{b}:3:42: PR103 error: unique ID '201204_6' encodes 2020-12-04 but the release is "
        "dated 2020-12-03 [$.unique_id]",
        f"{c}:2:16: Expecting value",
        f"{e}: PR101 error: the release has no unique ID [$.unique_id]",
        f"{e}: PR302 error: the category says the release is joint ('joint') but it names 1 party; "
        "a joint release needs at least two [$.signatories]",
        "FAIL: 3 error(s), 0 warning(s), 0 info(s) in 4 record(s) of 5 file(s); 1 file(s) could not be read",
    ]


def test_valid_files_pass(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([str(mixed / "a-valid.txt"), str(mixed / "sub")], capsys)
    assert code == 0
    assert out == "OK: 0 error(s), 0 warning(s), 0 info(s) in 2 record(s) of 2 file(s)\n"


def test_every_readable_format(
    tmp_path: Path, seed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from pressrelease.model import PressRelease
    from pressrelease.serialize.json import from_json, to_json, to_jsonl
    from pressrelease.serialize.xml import to_xml, to_xml_collection

    record = from_json(json.dumps(GOOD))
    other = PressRelease(
        **{
            **{
                k: getattr(record, k)
                for k in ("title", "issuer", "category", "published", "signatories", "body")
            },
            "unique_id": "201203_8",
        }
    )
    write(tmp_path / "r.txt", seed)
    write(
        tmp_path / "r.md",
        "---\ntitle: Gemeinsame Erklärung\n---\n\n**Berlin**, 3. Dezember 2020\n\nText.\n",
    )
    write(tmp_path / "r.json", to_json(record))
    write(tmp_path / "r.jsonl", to_jsonl([other]))
    (tmp_path / "r.xml").write_bytes(
        to_xml_collection([attrs_evolve(record, unique_id="201203_9")])
    )
    (tmp_path / "r-one.xml").write_bytes(to_xml(attrs_evolve(record, unique_id="201203_10")))
    _code, out, _ = run(["--format", "json", "."], capsys)
    report = json.loads(out)
    formats = {Path(f["path"]).name: f["format"] for f in report["files"]}
    assert formats == {
        "r.txt": "text", "r.md": "markdown", "r.json": "json", "r.jsonl": "jsonl",
        "r.xml": "xml", "r-one.xml": "xml",
    }  # fmt: skip
    assert report["parse_errors"] == []
    assert report["summary"]["records"] == 6


def attrs_evolve(record: Any, **changes: Any) -> Any:
    import attrs

    return attrs.evolve(record, **changes)


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
    assert [(Path(f["path"]).name, f["format"]) for f in report["files"]] == [
        ("a-valid.txt", "text"),
        ("b-invalid.txt", "text"),
        ("c-broken.json", "json"),
        ("e-invalid.json", "json"),
        ("d-valid.json", "json"),
    ]
    assert report["files"][0]["records"] == [{"index": 0, "unique_id": "201203_6", "findings": []}]
    assert report["files"][1]["records"][0]["findings"] == [
        {
            "code": "PR103",
            "severity": "error",
            "path": "$.unique_id",
            "line": 3,
            "column": 42,
            "message": "unique ID '201204_6' encodes 2020-12-04 but the release is dated 2020-12-03",
        }
    ]
    assert report["files"][2]["records"] == []
    invalid = report["files"][3]["records"][0]
    assert invalid["unique_id"] is None
    assert [(f["code"], f["line"]) for f in invalid["findings"]] == [
        ("PR101", None),
        ("PR302", None),
    ]
    assert report["parse_errors"] == [
        {
            "path": str(mixed / "c-broken.json"),
            "line": 2,
            "column": 16,
            "message": "Expecting value",
        }
    ]
    assert report["summary"] == {
        "files": 5, "records": 4, "errors": 3, "warnings": 0, "infos": 0, "parse_errors": 1,
    }  # fmt: skip


def test_json_report_ok(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--format=json", str(mixed / "a-valid.txt")], capsys)
    assert code == 0
    assert json.loads(out)["status"] == "ok"


def test_junit_report_is_valid(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lxml import etree

    code, out, _ = run(["--format", "junit", str(mixed)], capsys)
    assert code == 1
    schema = etree.XMLSchema(etree.parse(str(STANDARDS_CI / "junit-10.xsd")))
    document = etree.fromstring(out.encode("utf-8"))
    schema.assertValid(document)
    assert document.get("tests") == "5"  # four records and one unreadable file
    assert document.get("failures") == "2"
    assert document.get("errors") == "1"
    assert [f.get("type") for f in document.iter("failure")] == ["PR103", "PR101"]
    assert "PR302" in (list(document.iter("failure"))[1].text or "")
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
    assert [r["ruleId"] for r in run_["results"]] == ["PR103", "PR101", "PR302"]
    first = run_["results"][0]
    assert rules[first["ruleIndex"]]["id"] == "PR103"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 42,
    }
    assert "region" not in run_["results"][1]["locations"][0]["physicalLocation"]
    assert run_["invocations"][0]["executionSuccessful"] is False
    (note,) = run_["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"] == "Expecting value"


def test_github_annotations(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--format", "github", str(mixed)], capsys)
    assert code == 1
    b = str(mixed / "b-invalid.txt").replace(":", "%3A").replace(",", "%2C")
    lines = out.splitlines()
    assert lines[0] == (
        f"::error file={b},line=3,col=42,title=PR103 id-date-mismatch::unique ID '201204_6' "
        "encodes 2020-12-04 but the release is dated 2020-12-03 [$.unique_id]"
    )
    assert lines[1].endswith(",line=2,col=16,title=unreadable::Expecting value")
    assert len(lines) == 4


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
    # PR102 (the ID is malformed for EEAS), then PR502 for the ID's LF and for the title's CR.
    assert [line.split("title=")[1].split(" ")[0] for line in lines] == ["PR102", "PR502", "PR502"]
    assert "::error file=x::forged" not in lines
    assert lines[0].startswith("::error file=f%2C x%3Ay%25.json,title=PR102 ")
    assert "'PR-1\\n::error file=x::forged'" in lines[0]  # the newline shown as \\n


def test_text_output_escapes_controls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "bidi\u202e\x1b[2J.json"
    write(tmp_path / name, NO_ID)
    code, out, _ = run([name], capsys)
    assert code == 1
    assert out.startswith("bidi\\u202e\\x1b[2J.json: PR101 error")
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


def test_duplicate_ids_across_files(
    tmp_path: Path, seed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "a.txt", seed)
    write(
        tmp_path / "b.json", [{**GOOD, "unique_id": "201203_7"}, {**GOOD, "unique_id": "201203_6"}]
    )
    write(tmp_path / "c.txt", seed)
    code, out, _ = run(["a.txt", "b.json", "c.txt"], capsys)
    assert code == 1
    assert out.splitlines()[:2] == [
        "b.json: PR104 error: unique ID '201203_6' is also the ID of record 0 of a.txt [$[1].unique_id]",
        "c.txt:3:42: PR104 error: unique ID '201203_6' is also the ID of record 0 of a.txt [$.unique_id]",
    ]
    assert run(["--ignore", "PR104", "a.txt", "b.json", "c.txt"], capsys)[0] == 0


def test_globs_stdin_and_forced_format(
    tmp_path: Path, seed: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
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
    # A file whose name says nothing is sniffed.
    code, out, _ = run(["--format", "json", "x/two.release"], capsys)
    assert (code, json.loads(out)["files"][0]["format"]) == (0, "json")

    def stdin(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))

    stdin(json.dumps(NO_ID).encode())
    code, out, _ = run(["--from", "json", "-"], capsys)
    assert code == 1
    assert out.startswith("<stdin>: PR101 error")
    stdin(seed.replace("201203_6", "201203_66").encode())  # sniffed as text
    code, out, _ = run(["-"], capsys)
    assert code == 0
    assert out == "OK: 0 error(s), 0 warning(s), 0 info(s) in 1 record(s) of 1 file(s)\n"


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


def test_missing_reader(
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
        {**NO_ID, "signatories": GOOD["signatories"][:1]},
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
        "from pressrelease.cli.main import main\n"
        "code = main(['validate', 'a.json'])\n"
        "heavy = {'lxml', 'babel', 'py3langid', 'numpy', 'jsonschema', 'concurrent', 'yaml'}\n"
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
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
    write(tmp_path / "b.json", {**GOOD, "unique_id": "201203_8"})
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


@pytest.mark.parametrize(
    ("writer", "name", "expected"),
    [
        ("rss", "feed.xml", "rss"),
        ("rss", "feed.rss", "rss"),
        ("atom", "feed.xml", "atom"),
        ("atom", "feed.atom", "atom"),
        ("jsonfeed", "feed.json", "jsonfeed"),
        ("ninjs", "item.json", "ninjs"),
        ("jsonl", "items.jsonl", "jsonl"),
        ("xml", "collection.xml", "xml"),
    ],
)
def test_feeds_are_sniffed_and_every_item_validated(
    writer: str, name: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    import attrs

    from pressrelease.formats import load
    from pressrelease.serialize.json import from_json

    seed_json = Path(__file__).resolve().parents[2] / "examples" / "seed" / "eeas-201203_6-fr.json"
    good = from_json(seed_json.read_bytes())
    bad = attrs.evolve(good, unique_id="201204_6")  # the ID says 4 December
    records = [good] if writer == "ninjs" else [good, bad]  # ninjs: one document per record
    out = io.BytesIO()
    load(FORMATS[writer].writer or "")(records, out)
    (tmp_path / name).write_bytes(out.getvalue())
    code, text, _ = run(["--format", "json", name], capsys)
    report = json.loads(text)
    (file,) = report["files"]
    assert file["format"] == expected
    assert report["parse_errors"] == []
    assert [r["unique_id"] for r in file["records"]] == [r.unique_id for r in records]
    assert file["records"][0]["findings"] == []
    if len(records) == 2:
        assert code == 1
        assert [f["code"] for f in file["records"][1]["findings"]] == ["PR103"]
    else:
        assert code == 0


def test_html_pages(tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = corpus / "europarl-press-html" / "ep_20230929IPR06132_bs4.html"
    (tmp_path / "page.html").write_bytes(page.read_bytes())
    (tmp_path / "page.unknown").write_bytes(page.read_bytes())
    code, text, _ = run(["--format", "json", "page.html", "page.unknown"], capsys)
    assert code == 1  # PR104 at least: the same page twice
    report = json.loads(text)
    assert [f["format"] for f in report["files"]] == ["html", "html"]
    assert report["parse_errors"] == []
    first, second = (f["records"] for f in report["files"])
    assert first[0]["unique_id"] == "20230929IPR06132"
    assert "PR104" not in [f["code"] for f in first[0]["findings"]]
    assert "PR104" in [f["code"] for f in second[0]["findings"]]  # the same page twice


def test_a_feed_broken_midway_is_one_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two items, then a truncated one: the items read before the break are not reported.
    feed = (
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title>\n'
        "<item><title>One</title><guid>a</guid></item>\n"
        "<item><title>Two</title><guid>a</guid></item>\n"
        "<item><title>Three</title>\n"
    )
    write(tmp_path / "broken.rss", feed)
    code, out, _ = run(["broken.rss"], capsys)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("broken.rss:")
    assert "PR1" not in lines[0]
    assert lines[1].startswith("FAIL: 0 error(s)")
