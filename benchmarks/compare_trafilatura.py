"""Compare parse_html with trafilatura on the corpus HTML pages: fields right, body text, time.

Run from the project root::

    python benchmarks/compare_trafilatura.py [--corpus ../shared/corpus] [--repeat 20]

trafilatura is a benchmark-only dependency: the package and its tests never
import it. On a machine where ``lxml_html_clean`` (which trafilatura's
justext fallback imports as ``lxml.html.clean``) is missing, a small
stand-in cleaner (drops scripts, styles and comments) is installed first and
the script says so; trafilatura's own extraction does not use it.

For each labelled single-document page it prints which fields each tool gets
right (unique ID, date, time, title, language), how much of the article body
each one finds (recall of hand-picked first and last sentences, and of the
words of our body) and whether page furniture leaked in; then timings of
``lxml.html.fromstring`` (the floor), ``parse_html`` + ``validate`` + ``to_json``, and trafilatura's
``extract(..., output_format="json", with_metadata=True)``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressrelease import to_json, validate  # noqa: E402
from pressrelease.readers.html import parse_html  # noqa: E402

#: Sentences a correct body must hold (first and last of each article, picked by hand)
#: and page furniture it must not.
CHECKS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ec-presscorner/presscorner_ip_20_777_EXCERPT.html": (
        (
            "Today, the European Commission is announcing over €3.3 billion",
            "Factsheet EU Western-Balkans relations",
        ),
        ("Skip to main content", "Print friendly pdf", "Page contents"),
    ),
    "europarl-press-html/ep_20190712IPR56948.html": (
        (
            "Full support “for legitimate interim president Juan Guaidó”",
            "continue cooperating with these countries.",
        ),
        ("Share this page", "Further information", "Press Officer"),
    ),
    "europarl-press-html/ep_20230706IPR02317_bs4.html": (
        ("Tuesday, 11 July", "All information regarding plenary, can be found here."),
        ("Share this page", "Product information", "Press Officer"),
    ),
    "europarl-press-html/ep_20230929IPR06132_bs4.html": (
        (
            "Parliament says current situation with Armenians fleeing Nagorno-Karabakh",
            "The resolution was adopted by 491 votes in favour, 9 against with 36 abstentions.",
        ),
        ("Share this page", "Product information", "Press Officer"),
    ),
    "un-press-html/un_press_2023_dsgsm1848.html": (
        (
            "Following are UN Deputy Secretary-General Amina Mohammed’s remarks",
            "Let us bear it in mind.",
        ),
        ("Highlights of General Assembly", "Not an official record", "Official observances"),
    ),
    "un-press-html/un_press_2023_sgsm21852.html": (
        (
            "Following is the text of UN Secretary-General António Guterres’ video message",
            "Thank you.",
        ),
        ("Highlights of General Assembly", "Not an official record", "Official observances"),
    ),
    "un-press-html/un_press_2023_sgsm21947.html": (
        ("Following is UN Secretary-General António Guterres’ address", "for the common good."),
        ("Highlights of General Assembly", "Not an official record", "Official observances"),
    ),
    "un-press-html/un_press_2023_sgsm21980.html": (
        (
            "Following is UN Secretary-General António Guterres’ message on World Food Day",
            "enough to eat.",
        ),
        ("Highlights of General Assembly", "Not an official record", "Official observances"),
    ),
}


def _import_trafilatura() -> tuple[Callable[..., Any], str]:
    """trafilatura's ``extract`` (the ``bench`` extra installs it with lxml_html_clean)."""
    from trafilatura import extract

    return extract, ""


def _norm(value: str | None) -> str:
    return " ".join((value or "").split())


def _labels(corpus: Path) -> dict[str, dict[str, Any]]:
    found = {}
    for line in (corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        if label["format"] == "html" and label["item"] is None:
            found[label["file"]] = label
    return found


def _ours(data: bytes, name: str) -> tuple[dict[str, str | None], str]:
    release = parse_html(data, source=name)
    published = release.published
    return (
        {
            "id": release.unique_id,
            "date": (published.date() if isinstance(published, datetime) else published).isoformat()
            if published
            else None,
            "time": published.strftime("%H:%M") if isinstance(published, datetime) else None,
            "title": _norm(release.title),
            "language": release.language,
        },
        release.text,
    )


def _theirs(extract: Callable[..., Any], data: bytes) -> tuple[dict[str, str | None], str]:
    result = extract(data, output_format="json", with_metadata=True)
    record = json.loads(result) if result else {}
    day = record.get("date")
    return (
        {
            "id": None,  # trafilatura has no notion of an issuer's ID
            "date": day[:10] if day else None,
            "time": None,
            "title": _norm(record.get("title")),
            "language": record.get("language"),
        },
        record.get("raw_text") or record.get("text") or "",
    )


def _expected(label: dict[str, Any]) -> dict[str, str | None]:
    return {
        "id": label["unique_id"],
        "date": label["published_date"],
        "time": label["published_time"],
        "title": _norm(label["title"]),
        "language": label["language"],
    }


def _body_score(text: str, name: str) -> tuple[int, int, int]:
    must, never = CHECKS[name]
    flat = _norm(text)
    return (
        sum(sentence in flat for sentence in must),
        len(must),
        sum(word in flat for word in never),
    )


def _time(function: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def _serialise(data: bytes) -> str:
    """parse_html, validate, then the record to pressrelease JSON."""
    release = parse_html(data)
    validate(release)
    return to_json(release)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    extract, note = _import_trafilatura()
    if note:
        print(note)
    labels = _labels(args.corpus)
    fields = ("id", "date", "time", "title", "language")
    print(f"\n{'page':<50} {'field':>8}  {'ours':>4}  {'traf':>4}")
    totals = {"ours": dict.fromkeys(fields, 0), "traf": dict.fromkeys(fields, 0)}
    body = {"ours": [0, 0, 0], "traf": [0, 0, 0]}
    timings = {"lxml": 0.0, "ours": 0.0, "traf": 0.0}
    for name, label in sorted(labels.items()):
        data = (args.corpus / name).read_bytes()
        expected = _expected(label)
        ours, our_text = _ours(data, name)
        theirs, their_text = _theirs(extract, data)
        for field in fields:
            a, b = ours[field] == expected[field], theirs[field] == expected[field]
            totals["ours"][field] += a
            totals["traf"][field] += b
            print(
                f"{name[-50:]:<50} {field:>8}  {'ok' if a else '--':>4}  {'ok' if b else '--':>4}"
            )
        for who, text in (("ours", our_text), ("traf", their_text)):
            found, wanted, leaked = _body_score(text, name)
            body[who][0] += found
            body[who][1] += wanted
            body[who][2] += leaked
        print(
            f"{name[-50:]:<50} {'body':>8}  "
            f"{'{}/{}'.format(*_body_score(our_text, name)[:2]):>4}  "
            f"{'{}/{}'.format(*_body_score(their_text, name)[:2]):>4}"
            f"   furniture leaked: ours {_body_score(our_text, name)[2]}, "
            f"trafilatura {_body_score(their_text, name)[2]}"
        )
        timings["lxml"] += _time(lambda data=data: lxml.html.fromstring(data), args.repeat)
        timings["ours"] += _time(lambda data=data: _serialise(data), args.repeat)
        timings["traf"] += _time(
            lambda data=data: extract(data, output_format="json", with_metadata=True),
            max(3, args.repeat // 4),
        )
    pages = len(labels)
    print(f"\nfields right over {pages} pages:")
    print(f"{'field':>10}  {'ours':>6}  {'trafilatura':>11}")
    for field in fields:
        print(f"{field:>10}  {totals['ours'][field]:>6}  {totals['traf'][field]:>11}")
    print(
        f"{'body':>10}  {body['ours'][0]:>3}/{body['ours'][1]:<2}  {body['traf'][0]:>8}/{body['traf'][1]:<2}"
        "  (hand-picked first/last sentences found)"
    )
    print(
        f"{'furniture':>10}  {body['ours'][2]:>6}  {body['traf'][2]:>11}  (navigation/footer strings leaked)"
    )
    print(f"\ntime for the {pages} pages (best of runs, summed):")
    print(f"  lxml.html.fromstring       {timings['lxml'] * 1000:8.2f} ms  (floor)")
    print(
        f"  parse_html+validate+JSON   {timings['ours'] * 1000:8.2f} ms  "
        f"({timings['ours'] / timings['lxml']:.1f}x the floor)"
    )
    print(
        f"  trafilatura extract(json)  {timings['traf'] * 1000:8.2f} ms  "
        f"({timings['traf'] / timings['ours']:.1f}x ours)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
