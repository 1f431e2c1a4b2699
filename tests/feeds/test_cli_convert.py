"""``pressrelease convert``: streams, many inputs, --split, atomic writes, --strict, --jobs, bad input."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from pressrelease.cli.convert import _atomic_write
from pressrelease.cli.main import main
from pressrelease.feeds import read_feed
from pressrelease.model import PressRelease, Signatory
from pressrelease.serialize.json import from_json, to_json, to_json_array
from tests.conftest import ROOT
from tests.feeds.test_formats import PLAIN, SAMPLE

RSS = (
    b'<rss version="2.0"><channel><title>T</title><link>https://ex.org/</link>'
    b'<item><title>One</title><guid isPermaLink="false">A-1</guid></item>'
    b'<item><title>Two</title><guid isPermaLink="false">A-2</guid></item></channel></rss>'
)


def _run(
    argv: list[str], capsysbinary: pytest.CaptureFixture[bytes]
) -> tuple[int, bytes, list[str]]:
    code = main(["convert", *argv])
    captured = capsysbinary.readouterr()
    return code, captured.out, captured.err.decode("utf-8").splitlines()


def _records_file(path: Path, records: list[PressRelease]) -> str:
    path.write_text(to_json_array(records), encoding="utf-8")
    return str(path)


def test_stdin_to_stdout() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pressrelease", "convert", "-", "--to", "jsonl"],
        input=RSS,
        capture_output=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    records = [from_json(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [(r.unique_id, r.title) for r in records] == [("A-1", "One"), ("A-2", "Two")]


def test_many_inputs_become_one_feed(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    rss = tmp_path / "a.rss"
    rss.write_bytes(RSS)
    ours = _records_file(tmp_path / "b.json", [SAMPLE, PLAIN])
    out = tmp_path / "all.atom"
    code, _, err = _run([str(rss), ours, "--to", "atom", "-o", str(out)], capsysbinary)
    assert code == 0, err
    back = list(read_feed(out.read_bytes(), "atom"))
    assert [r.unique_id for r in back] == ["A-1", "A-2", "201203_6", "IP/20/2263"]
    assert back[2:] == [SAMPLE, PLAIN]  # lossless through our extension


def test_split_names_from_hostile_ids_stay_inside_the_folder_and_unique(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    ids = ["../../etc/passwd", "a/b", "C:\\x", "", "dup", "dup", None, "DUP"]
    records = [PressRelease(title=f"r{i}", unique_id=value) for i, value in enumerate(ids)]
    source = _records_file(tmp_path / "in.json", records)
    folder = tmp_path / "split"
    code, _, err = _run([source, "--to", "json", "--split", str(folder)], capsysbinary)
    assert code == 0, err
    written = {path.name: path for path in tmp_path.rglob("*") if path.is_file()}
    del written["in.json"]
    assert sorted(written) == sorted(
        [
            "etc_passwd.json",
            "a_b.json",
            "C_x.json",
            "record-4.json",
            "dup.json",
            "dup-2.json",
            "record-7.json",
            "DUP-3.json",  # names are unique without regard to case (macOS, Windows)
        ]
    )
    assert all(path.parent == folder for path in written.values())
    assert from_json(written["a_b.json"].read_text(encoding="utf-8")).unique_id == "a/b"
    assert from_json(written["dup-2.json"].read_text(encoding="utf-8")).title == "r5"
    assert from_json(written["record-7.json"].read_text(encoding="utf-8")).unique_id is None


def test_a_failing_input_leaves_the_old_output_intact(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    good = _records_file(tmp_path / "good.json", [SAMPLE])
    broken = tmp_path / "broken.rss"
    broken.write_bytes(RSS[:-20])
    out = tmp_path / "out.json"
    out.write_text("OLD", encoding="utf-8")
    code, stdout, err = _run([good, str(broken), "--to", "json", "-o", str(out)], capsysbinary)
    assert code == 1
    assert out.read_text(encoding="utf-8") == "OLD"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.rss", "good.json", "out.json"]
    assert stdout == b""
    assert any(line.startswith(f"{broken}:") for line in err)


def test_a_failing_writer_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("OLD", encoding="utf-8")

    def write(out: Any) -> None:
        out.write(b'{"partial": ')
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        _atomic_write(target, write, lambda _: True)
    assert target.read_text(encoding="utf-8") == "OLD"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_an_output_that_is_an_input_is_refused(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    source = tmp_path / "in.json"
    _records_file(source, [SAMPLE])
    before = source.read_bytes()
    code, _, err = _run([str(source), "--to", "json", "-o", str(source)], capsysbinary)
    assert code == 2
    assert "refusing to overwrite input" in err[0]
    link = tmp_path / "link.json"
    link.symlink_to(source)
    code, _, err = _run([str(source), "--to", "json", "-o", str(link)], capsysbinary)
    assert code == 2
    code, _, err = _run([str(link), "--to", "json", "-o", str(source)], capsysbinary)
    assert code == 2
    assert source.read_bytes() == before


def test_lossy_conversions_are_reported_and_strict_fails_them(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    record = PressRelease(
        title="T",
        unique_id="X-1",
        published=datetime(2020, 12, 3, 16, 53, tzinfo=UTC),
        signatories=(Signatory(name="A", role="co-chair"),),
    )
    source = _records_file(tmp_path / "in.json", [record])
    out = tmp_path / "out.atom"
    code, _, err = _run([source, "--to", "atom", "-o", str(out), "--strict"], capsysbinary)
    assert code == 1
    assert not out.exists()
    assert err[0].endswith("(consumers that ignore it lose them): $.signatories[0].role")
    code, stdout, err = _run([source, "--to", "atom", "--strict"], capsysbinary)
    assert (code, stdout) == (1, b"")
    code, _, err = _run([source, "--to", "atom", "-o", str(out)], capsysbinary)
    assert code == 0
    assert err[0].endswith(": $.signatories[0].role")  # Atom keeps the name, not the role
    assert list(read_feed(out.read_bytes(), "atom")) == [record]
    code, _, err = _run([source, "--to", "rss", "-o", str(tmp_path / "o.rss")], capsysbinary)
    assert err[0].endswith(": $.signatories[0]")  # RSS reads no signatory back at all
    code, _, err = _run([source, "--to", "newsml", "-o", str(out), "--strict"], capsysbinary)
    assert (code, err) == (0, [])  # G2 keeps roles natively


def test_jobs_give_the_same_output(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    inputs = []
    for index in range(4):
        inputs.append(
            _records_file(
                tmp_path / f"in{index}.json",
                [PressRelease(title=f"t{index}-{n}", unique_id=f"{index}-{n}") for n in range(3)],
            )
        )
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        code, _, err = _run(
            [*inputs, "--to", "jsonl", "--jobs", jobs, "-o", str(out)], capsysbinary
        )
        assert code == 0, err
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == 12


def test_unreadable_input_is_one_line_without_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "missing.rss"
    garbage = tmp_path / "garbage.xml"
    garbage.write_bytes(b"<rss><channel><item><title>x</title></item>\x00</rss>")
    good = tmp_path / "good.json"
    good.write_text(to_json(SAMPLE), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pressrelease",
            "convert",
            str(good),
            str(missing),
            str(garbage),
            "--to",
            "json",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert [line for line in lines if str(missing) in line] == [
        f"{missing}: cannot read: No such file or directory"
    ]
    assert len([line for line in lines if line.startswith(f"{garbage}:")]) == 1
    assert done.stdout == ""


def test_stdin_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """'-' among the inputs reads standard input (no path to guess from: sniffed)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RSS)))
    out = tmp_path / "o.jsonl"
    assert main(["convert", "-", "--to", "jsonl", "-o", str(out)]) == 0
    assert len(out.read_bytes().splitlines()) == 2
