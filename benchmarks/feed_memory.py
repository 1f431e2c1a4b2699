"""Stream a large generated RSS feed to JSON Lines; report MB/s, peak RSS, and items/s vs feedparser.

Usage: python benchmarks/feed_memory.py [--size 1GB|50MB] [--feedparser-size 2MB]

The conversion runs in a subprocess so that its peak RSS (``resource.getrusage``)
is the conversion's alone. Records stream from ``read_rss`` to ``write_jsonl``
one at a time (never the CLI's read-all path).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ITEM = (
    "<item><title>Joint press release {n} on counter-terrorism &amp; cooperation</title>"
    '<link>https://example.org/news/{n}</link><guid isPermaLink="false">{n:08d}</guid>'
    "<pubDate>Tue, 27 Jun 2017 15:05:00 +0100</pubDate><category><![CDATA[Communities]]></category>"
    '<description><![CDATA[<p>First paragraph of release {n} with an <a href="/r/{n}">inline link</a>.'
    " The European Union and the United Nations met in Brussels today.</p>"
    "<p>Second paragraph: the co-chairs agreed to continue the dialogue.</p>]]></description></item>\n"
)


def _bytes(text: str) -> int:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMG]?B)", text.strip().upper())
    if not match:
        raise SystemExit(f"size like 50MB or 1GB expected, got {text!r}")
    return int(float(match[1]) * {"B": 1, "KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30}[match[2]])


def generate(path: Path, size: int) -> int:
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>B</title>'
    head += "<link>https://example.org/</link><description>bench</description>\n"
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        written = len(head)
        block = []
        while written < size:
            item = ITEM.format(n=count)
            block.append(item)
            written += len(item)
            count += 1
            if len(block) == 1000:
                out.write("".join(block))
                block = []
        out.write("".join(block) + "</channel></rss>\n")
    return count


CHILD = r"""
import resource, sys, time, json
from pressrelease.feeds import read_feed
from pressrelease.serialize.json import write_jsonl
fmt, src, dst = sys.argv[1:4]
start = time.perf_counter()
with open(src, "rb") as data, open(dst, "wb") as out:
    report = write_jsonl(read_feed(data, fmt, source=src), out)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"records": report.records, "seconds": elapsed, "peak_mb": peak}))
"""

READ_ONLY = r"""
import sys, time, json
from pressrelease.feeds import read_feed
fmt, src = sys.argv[1:3]
start = time.perf_counter()
with open(src, "rb") as data:
    n = sum(1 for _ in read_feed(data, fmt))
print(json.dumps({"items": n, "seconds": time.perf_counter() - start}))
"""


def _run(code: str, *args: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="1GB")
    parser.add_argument("--feedparser-size", default="2MB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        big, out = Path(folder) / "big.rss", Path(folder) / "big.jsonl"
        items = generate(big, _bytes(args.size))
        size_mb = big.stat().st_size / (1 << 20)
        res = _run(CHILD, "rss", str(big), str(out))
        print(
            f"RSS -> JSONL: {size_mb:.0f} MB, {items} items in {res['seconds']:.1f} s = "
            f"{size_mb / res['seconds']:.1f} MB/s, {items / res['seconds']:.0f} items/s; "
            f"peak RSS {res['peak_mb']:.0f} MB"
        )
        big.unlink()
        small = Path(folder) / "small.rss"
        n = generate(small, _bytes(args.feedparser_size))
        ours = _run(READ_ONLY, "rss", str(small))
        atom = Path(folder) / "small.atom"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pressrelease",
                "convert",
                str(small),
                "--to",
                "atom",
                "-o",
                str(atom),
            ],
            check=True,
            capture_output=True,
        )
        ours_atom = _run(READ_ONLY, "atom", str(atom))
        import feedparser

        start = time.perf_counter()
        parsed = feedparser.parse(small.read_bytes())
        fp_seconds = time.perf_counter() - start
        assert len(parsed.entries) == n
        print(
            f"items/s on {n} items: read_rss {n / ours['seconds']:.0f}, read_atom "
            f"{n / ours_atom['seconds']:.0f}, feedparser.parse {n / fp_seconds:.0f} "
            f"(read_rss is {fp_seconds / ours['seconds']:.1f}x feedparser)"
        )


if __name__ == "__main__":
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    main()
