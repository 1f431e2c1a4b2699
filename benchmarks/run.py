"""Benchmark pressrelease against the floor and its peers, in one run, and print a table of ratios.

Run from the project root after the README's set-up (``pip install -e '.[dev]'``
installs the peers as the ``bench`` extra)::

    python benchmarks/run.py                # full size, about ten minutes on 2 cores
    python benchmarks/run.py --quick        # small sizes, a smoke run of well under a minute
    python benchmarks/run.py --json out.json

Inputs are built from ``../shared/corpus`` (``--corpus``): its HTML pages and
plain texts replicated to a few thousand documents, its RSS feed's items
replicated into one large feed, and an Atom feed written from the parsed
corpus records. Each measurement is the median of several rounds (``--rounds``);
every row compares two things timed in the same process, on the same inputs,
so the ratios, not the absolute times, are what carries from one machine to
another.

trafilatura, feedparser and jsonschema are benchmark dependencies only;
trafilatura is imported as ``benchmarks/compare_trafilatura.py`` does (with a
stand-in for ``lxml.html.clean`` when ``lxml_html_clean`` is missing).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from compare_trafilatura import _import_trafilatura  # noqa: E402

from pressrelease import (  # noqa: E402
    PressRelease,
    from_json,
    from_xml,
    parse_html,
    parse_text,
    to_json,
    to_xml,
    validate,
)
from pressrelease.feeds.atom import read_atom, write_atom  # noqa: E402
from pressrelease.feeds.rss import read_rss  # noqa: E402
from pressrelease.serialize.json import write_jsonl  # noqa: E402

#: How much each size measures: documents per pipeline, RSS items, Atom entries
#: (whole releases, so fewer), the CLI batch, rounds per measurement (the median
#: is kept), runs of each start-up command, rounds of the CLI batch.
SIZES = {
    "full": {
        "docs": 1000,
        "feed_items": 10000,
        "atom_entries": 1000,
        "cli_docs": 5000,
        "rounds": 3,
        "starts": 15,
        "cli_rounds": 1,
    },
    "medium": {
        "docs": 200,
        "feed_items": 2000,
        "atom_entries": 200,
        "cli_docs": 500,
        "rounds": 3,
        "starts": 9,
        "cli_rounds": 1,
    },
    "quick": {
        "docs": 40,
        "feed_items": 400,
        "atom_entries": 40,
        "cli_docs": 100,
        "rounds": 2,
        "starts": 3,
        "cli_rounds": 1,
    },
}


# ---------------------------------------------------------------- inputs


def corpus_files(corpus: Path, pattern: str) -> list[Path]:
    return sorted(path for path in corpus.glob(pattern) if path.is_file())


def replicate(items: Sequence[Any], count: int) -> list[Any]:
    """``items`` repeated in order until there are ``count`` of them."""
    return [items[index % len(items)] for index in range(count)]


def rss_feed(corpus: Path, count: int) -> bytes:
    """The corpus RSS feed with its items repeated (unique GUIDs) to ``count`` items."""
    from lxml import etree

    tree = etree.fromstring(
        (corpus / "feeds" / "news_gov_scot_rss_2017-06-27_EXTRACTED.xml").read_bytes()
    )
    channel = tree.find("channel")
    assert channel is not None
    items = channel.findall("item")
    for item in items:
        channel.remove(item)
    for index in range(count):
        copy = etree.fromstring(etree.tostring(items[index % len(items)]))
        guid = copy.find("guid")
        assert guid is not None
        guid.text = f"{guid.text}-{index}"
        channel.append(copy)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def atom_feed(records: Sequence[PressRelease], count: int) -> bytes:
    out = io.BytesIO()
    write_atom(replicate(records, count), out)
    return out.getvalue()


def html_pages(corpus: Path) -> list[bytes]:
    """The corpus HTML pages of one release each (listing pages are left out)."""
    labels = [
        json.loads(line) for line in (corpus / "labels.jsonl").read_text("utf-8").splitlines()
    ]
    single = sorted(
        {label["file"] for label in labels if label["format"] == "html" and label["item"] is None}
    )
    return [(corpus / name).read_bytes() for name in single]


#: Prints the process's peak resident memory in KiB. VmHWM belongs to this process
#: alone; ``ru_maxrss`` would carry over the parent's peak through fork and exec.
PEAK = (
    "import resource\n"
    "try:\n"
    "    lines = open('/proc/self/status').read().splitlines()\n"
    "    print(next(l.split()[1] for l in lines if l.startswith('VmHWM:')))\n"
    "except OSError:\n"
    "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
)


# ---------------------------------------------------------------- timing


def median_seconds(function: Callable[[], object], rounds: int, *, warm_up: bool = True) -> float:
    """The median wall time of ``rounds`` calls (after one warm-up call unless told not to)."""
    if warm_up:
        function()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def per_item(function: Callable[[Any], object], items: Sequence[Any], rounds: int) -> float:
    """Median seconds per item of ``function`` over all ``items``."""

    def run_all() -> None:
        for item in items:
            function(item)

    return median_seconds(run_all, rounds) / len(items)


def median_process(argv: list[str], runs: int, cwd: Path, *, warm_up: bool = True) -> float:
    """Median wall time of a process run ``runs`` times (after one warm-up unless told not to)."""

    def once() -> None:
        subprocess.run(
            argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )

    return median_seconds(once, runs, warm_up=warm_up)


# ---------------------------------------------------------------- the rows


class Table:
    """Rows of (group, what, measured value, unit, ratio, target) and their PASS/MISS."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def add(
        self,
        group: str,
        what: str,
        value: float,
        unit: str,
        ratio: float | None = None,
        ratio_of: str = "",
        target: str = "",
        met: bool | None = None,
    ) -> None:
        self.rows.append(
            {
                "group": group,
                "what": what,
                "value": value,
                "unit": unit,
                "ratio": ratio,
                "ratio_of": ratio_of,
                "target": target,
                "met": met,
            }
        )
        print(f"  {group:<14} {what:<46} {_fmt(value)} {unit}", file=sys.stderr, flush=True)

    def markdown(self) -> str:
        lines = [
            "| Pipeline | Measurement | Value | Ratio | Target | Result |",
            "|---|---|---:|---:|---|---|",
        ]
        for row in self.rows:
            ratio = f"{row['ratio']:.2f}× {row['ratio_of']}" if row["ratio"] is not None else ""
            result = "" if row["met"] is None else ("PASS" if row["met"] else "MISS")
            lines.append(
                f"| {row['group']} | {row['what']} | {_fmt(row['value'])} {row['unit']} "
                f"| {ratio} | {row['target']} | {result} |"
            )
        return "\n".join(lines)


def _fmt(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


def bench_html(table: Table, corpus: Path, size: dict[str, int]) -> list[PressRelease]:
    import lxml.html

    extract, note = _import_trafilatura()
    if note:
        print(note, file=sys.stderr)
    pages = html_pages(corpus)
    docs = replicate(pages, size["docs"])
    rounds = size["rounds"]

    def ours(data: bytes) -> str:
        record = parse_html(data)
        validate(record)
        return to_json(record)

    floor = per_item(lxml.html.fromstring, docs, rounds)
    mine = per_item(ours, docs, rounds)
    reader = per_item(parse_html, docs, rounds)  # the reader's share of ``mine``
    # trafilatura is slow: each page once per round, a few rounds.
    theirs = per_item(
        lambda data: extract(data, output_format="json", with_metadata=True),
        pages,
        max(3, rounds),
    )
    table.add(
        "HTML",
        f"lxml.html.fromstring ({len(pages)} pages → {len(docs)} docs)",
        floor * 1e3,
        "ms/page",
    )
    table.add(
        "HTML",
        "parse_html + validate + to_json",
        mine * 1e3,
        "ms/page",
        mine / floor,
        "the floor",
        "≤ 3× floor",
        mine / floor <= 3,
    )
    table.add(
        "HTML",
        "parse_html alone (the reader's share of the row above)",
        reader * 1e3,
        "ms/page",
        reader / floor,
        "the floor",
    )
    table.add(
        "HTML",
        'trafilatura extract(output_format="json", with_metadata=True)',
        theirs * 1e3,
        "ms/page",
        theirs / mine,
        "ours (speed-up)",
        "≥ 5× faster",
        theirs / mine >= 5,
    )
    return [parse_html(data) for data in pages]


def bench_text(table: Table, corpus: Path, size: dict[str, int]) -> list[PressRelease]:
    texts = [path.read_bytes() for path in corpus_files(corpus, "*/*.txt")]
    docs = replicate(texts, size["docs"])
    rounds = size["rounds"]
    floor = per_item(lambda data: data.decode("utf-8").splitlines(), docs, rounds)
    mine = per_item(lambda data: parse_text(data.decode("utf-8")), docs, rounds)
    table.add(
        "Text",
        f"decode + splitlines ({len(texts)} texts → {len(docs)} docs)",
        floor * 1e6,
        "µs/doc",
    )
    table.add("Text", "parse_text", mine * 1e3, "ms/doc", mine / floor, "the floor")
    return [parse_text(data.decode("utf-8")) for data in texts]


def bench_feeds(
    table: Table, corpus: Path, size: dict[str, int], records: list[PressRelease], workdir: Path
) -> None:
    import feedparser

    count = size["feed_items"]
    rounds = size["rounds"]
    rss = rss_feed(corpus, count)
    entries = size["atom_entries"]
    atom = atom_feed(records, entries)

    def consume(iterator: Any) -> None:
        for _ in iterator:
            pass

    rss_ours = median_seconds(lambda: consume(read_rss(rss)), rounds)
    rss_theirs = median_seconds(lambda: feedparser.parse(rss), rounds)
    atom_ours = median_seconds(lambda: consume(read_atom(atom)), rounds)
    atom_theirs = median_seconds(lambda: feedparser.parse(atom), rounds)
    jsonl = median_seconds(lambda: write_jsonl(read_rss(rss), io.BytesIO()), rounds)
    mb = len(rss) / 1e6
    table.add(
        "Feeds",
        f"feedparser.parse, RSS ({count:,} items, {mb:.1f} MB)",
        count / rss_theirs,
        "items/s",
    )
    table.add("Feeds", "read_rss", count / rss_ours, "items/s", rss_theirs / rss_ours, "feedparser")
    table.add(
        "Feeds",
        f"feedparser.parse, Atom ({entries:,} entries, {len(atom) / 1e6:.1f} MB)",
        entries / atom_theirs,
        "items/s",
    )
    table.add(
        "Feeds", "read_atom", entries / atom_ours, "items/s", atom_theirs / atom_ours, "feedparser"
    )
    table.add(
        "Feeds",
        "RSS → JSON Lines (read_rss + write_jsonl)",
        mb / jsonl,
        "MB/s",
        rss_theirs / jsonl,
        "feedparser reading it",
        "≥ 10× faster",
        rss_theirs / jsonl >= 10,
    )
    # Peak memory of a whole conversion by the command line, in a fresh process.
    feed_path = workdir / "large.rss"
    feed_path.write_bytes(rss)
    child = (
        "import sys\n"
        "from pressrelease.cli.main import main\n"
        "code = main(['convert', '--from', 'rss', '--to', 'jsonl', '-o', sys.argv[2], sys.argv[1]])\n"
        + PEAK
        + "sys.exit(code)\n"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", child, str(feed_path), str(workdir / "large.jsonl")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - start
    peak_mb = int(done.stdout.strip().splitlines()[-1]) / 1024
    bare = subprocess.run(
        [sys.executable, "-c", PEAK],
        capture_output=True,
        text=True,
        check=True,
    )
    table.add(
        "Feeds",
        f"`convert --to jsonl` of the {mb:.1f} MB feed, whole process",
        mb / elapsed,
        "MB/s",
    )
    table.add(
        "Feeds",
        f"peak memory of that process (bare interpreter: {int(bare.stdout) / 1024:.0f} MiB)",
        peak_mb,
        "MiB",
        target="< 200 MB",
        met=peak_mb * 1.048576 < 200,
    )


def bench_validation(table: Table, size: dict[str, int], records: list[PressRelease]) -> None:
    import jsonschema

    schema = json.loads((ROOT / "schemas" / "pressrelease.schema.json").read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    checker = validator_class(schema)
    texts = replicate([to_json(record) for record in records], size["docs"])
    rounds = size["rounds"]
    theirs = per_item(lambda text: checker.validate(json.loads(text)), texts, rounds)
    mine = per_item(lambda text: validate(from_json(text)), texts, rounds)
    table.add(
        "Validation",
        f"json.loads + jsonschema {validator_class.__name__} ({len(texts)} docs)",
        theirs * 1e6,
        "µs/doc",
    )
    table.add(
        "Validation",
        "from_json + validate",
        mine * 1e6,
        "µs/doc",
        theirs / mine,
        "jsonschema (speed-up)",
        "≥ 2× faster",
        theirs / mine >= 2,
    )


def bench_serialisation(table: Table, size: dict[str, int], records: list[PressRelease]) -> None:
    items = replicate(records, size["docs"])
    rounds = size["rounds"]
    jsons = [to_json(record) for record in items]
    xmls = [to_xml(record) for record in items]
    for name, function, inputs in (
        ("to_json", to_json, items),
        ("from_json", from_json, jsons),
        ("to_xml", to_xml, items),
        ("from_xml", from_xml, xmls),
    ):
        seconds = per_item(function, inputs, rounds)
        table.add("Serialisation", f"{name} ({len(items)} records)", 1 / seconds, "records/s")


def bench_big_feed(table: Table, size_text: str) -> None:
    """A generated feed of ``size_text`` streamed to JSON Lines by ``benchmarks/feed_memory.py``.

    Run as its own process, so that its peak memory is the conversion's alone
    (a child started from this process would inherit this process's peak).
    """
    import re

    script = ROOT / "benchmarks" / "feed_memory.py"
    if not script.exists():
        print(f"  (skipped: {script.name} is not in this checkout)", file=sys.stderr)
        return
    done = subprocess.run(
        [sys.executable, str(script), "--size", size_text, "--feedparser-size", "1MB"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    speed = re.search(r"= ([\d.]+) MB/s", done.stdout)
    peak = re.search(r"peak RSS (\d+) MB", done.stdout)
    if not (speed and peak):
        print(f"  (feed_memory.py printed something unexpected: {done.stdout!r})", file=sys.stderr)
        return
    table.add(
        "Feeds", f"RSS → JSON Lines, streamed, {size_text} generated feed", float(speed[1]), "MB/s"
    )
    table.add(
        "Feeds",
        f"peak memory of that conversion ({size_text})",
        float(peak[1]),
        "MB",
        target="< 200 MB",
        met=float(peak[1]) < 200,
    )


def bench_cli(table: Table, corpus: Path, size: dict[str, int], workdir: Path) -> None:
    python = sys.executable
    runs = size["starts"]
    seed = corpus / "seed" / "eeas-201203_6-fr.txt"
    bare = median_process([python, "-c", "pass"], runs, ROOT)
    version_time = median_process([python, "-m", "pressrelease", "--version"], runs, ROOT)
    one = median_process(
        [python, "-m", "pressrelease", "validate", "--no-config", "--jobs", "1", str(seed)],
        runs,
        ROOT,
    )
    table.add("CLI", "python -c pass", bare * 1e3, "ms")
    table.add(
        "CLI",
        "pressrelease --version",
        version_time * 1e3,
        "ms",
        version_time / bare,
        "bare start",
        "≤ 3×",
        version_time / bare <= 3,
    )
    table.add(
        "CLI",
        "pressrelease validate ONE_FILE (the seed text)",
        one * 1e3,
        "ms",
        one / bare,
        "bare start",
        "≤ 8×",
        one / bare <= 8,
    )
    # A batch: the corpus texts, Markdown and HTML pages copied to cli_docs files.
    sources = [
        *corpus_files(corpus, "*/*.txt"),
        *corpus_files(corpus, "*/*.md"),
        *corpus_files(corpus, "*/*.html"),
    ]
    batch = workdir / "batch"
    batch.mkdir()
    for index, path in enumerate(replicate(sources, size["cli_docs"])):
        (batch / f"{index:05d}-{path.name}").write_bytes(path.read_bytes())
    rounds = size["cli_rounds"]
    command = [python, "-m", "pressrelease", "validate", "--no-config", "--today", "2026-11-29"]
    # Long runs: no warm-up (the files were just written, so they are in the page cache).
    jobs1 = median_process([*command, "--jobs", "1", str(batch)], rounds, ROOT, warm_up=False)
    jobs2 = median_process([*command, "--jobs", "2", str(batch)], rounds, ROOT, warm_up=False)
    table.add("CLI", f"validate --jobs 1 ({size['cli_docs']:,} documents)", jobs1, "s")
    table.add(
        "CLI",
        f"validate --jobs 2 (same; {os.cpu_count()} cores)",
        jobs2,
        "s",
        jobs1 / jobs2,
        "--jobs 1 (speed-up)",
        "≥ 1.7×",
        jobs1 / jobs2 >= 1.7,
    )


def environment() -> dict[str, str]:
    found = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cores": str(os.cpu_count()),
    }
    for name in (
        "pressrelease",
        "lxml",
        "attrs",
        "cattrs",
        "trafilatura",
        "feedparser",
        "jsonschema",
    ):
        try:
            found[name] = version(name)
        except Exception:  # not installed: the row that needs it will fail loudly
            found[name] = "missing"
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument(
        "--size", choices=sorted(SIZES), help="full (default), medium (a loaded machine) or quick"
    )
    parser.add_argument("--rounds", type=int, help="rounds per measurement (median taken)")
    parser.add_argument(
        "--big-feed",
        metavar="SIZE",
        help="size of the generated feed benchmarks/feed_memory.py streams "
        "(default: 1GB full, 100MB medium, 5MB quick; 0 to skip)",
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the results as JSON")
    parser.add_argument(
        "--only",
        default="html,text,feeds,validation,serialisation,cli",
        help="comma-separated pipelines to run (default: all)",
    )
    args = parser.parse_args(argv)
    size_name = args.size or ("quick" if args.quick else "full")
    size = dict(SIZES[size_name])
    if args.rounds:
        size["rounds"] = args.rounds
    only = set(args.only.split(","))
    table = Table()
    started = time.perf_counter()
    print(
        f"pressrelease benchmarks ({size_name} size): {size}",
        file=sys.stderr,
    )
    with tempfile.TemporaryDirectory(prefix="pressrelease-bench-") as temp:
        workdir = Path(temp)
        records: list[PressRelease] = []
        if only & {"html", "feeds", "validation", "serialisation"}:
            records += (
                bench_html(table, args.corpus, size)
                if "html" in only
                else [parse_html(data) for data in html_pages(args.corpus)]
            )
        if "text" in only or records:
            texts = (
                bench_text(table, args.corpus, size)
                if "text" in only
                else [
                    parse_text(path.read_text(encoding="utf-8"))
                    for path in corpus_files(args.corpus, "*/*.txt")
                ]
            )
            records += texts
        if "feeds" in only:
            bench_feeds(table, args.corpus, size, records, workdir)
        if "validation" in only:
            bench_validation(table, size, records)
        if "serialisation" in only:
            bench_serialisation(table, size, records)
        if "feeds" in only and args.big_feed != "0":
            bench_big_feed(
                table, args.big_feed or {"quick": "5MB", "medium": "100MB"}.get(size_name, "1GB")
            )
        if "cli" in only:
            bench_cli(table, args.corpus, size, workdir)
    env = environment()
    print()
    print(table.markdown())
    print()
    print(
        "Machine: "
        + ", ".join(f"{key} {value}" for key, value in env.items())
        + f"; {time.perf_counter() - started:.0f} s in all"
    )
    if args.json:
        args.json.write_text(
            json.dumps({"size": size, "environment": env, "rows": table.rows}, indent=2) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
