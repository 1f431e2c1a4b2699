"""Write every example document in every output format, with the current code.

Run from the project root after changing a reader or a writer::

    python examples/regenerate.py          # rewrite examples/outputs/
    python examples/regenerate.py --check  # exit 1 if any output is stale

``tests/test_examples_outputs.py`` regenerates the outputs in memory and
compares them byte for byte with the files, so they never go stale.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent
sys.path.insert(0, str(EXAMPLES.parent))

from pressrelease.formats import FORMATS, load  # noqa: E402

#: The source documents: path under examples/ and the format they are read as.
SOURCES: tuple[tuple[str, str], ...] = (
    ("seed/eeas-201203_6-fr.txt", "text"),
    ("html/ep_20190712IPR56948.html", "html"),
    ("feed/news_gov_scot_rss_2017-06-27.xml", "rss"),
)

#: Output file ending per format (two JSON-based feed formats get a double ending).
ENDINGS: dict[str, str] = {
    "json": ".json",
    "jsonl": ".jsonl",
    "xml": ".xml",
    "atom": ".atom",
    "rss": ".rss",
    "jsonfeed": ".jsonfeed.json",
    "ninjs": ".ninjs.json",
    "newsml": ".newsml.xml",
}


def writable_formats() -> list[str]:
    """The output formats whose writer exists in this build, in registry order."""
    names = []
    for name, fmt in FORMATS.items():
        if not fmt.writer:
            continue
        try:
            load(fmt.writer)
        except (ImportError, AttributeError):
            continue  # a writer still being written: no example output yet
        names.append(name)
    return names


def render() -> dict[str, bytes]:
    """Every output, by its path relative to examples/outputs/."""
    outputs: dict[str, bytes] = {}
    for relative, source_format in SOURCES:
        path = EXAMPLES / relative
        reader = load(FORMATS[source_format].reader or "")
        records = list(reader(path.read_bytes(), source=path.name))
        stem = path.name.rsplit(".", 1)[0]
        for name in writable_formats():
            out = io.BytesIO()
            load(FORMATS[name].writer or "")(records, out)
            outputs[f"{stem}{ENDINGS[name]}"] = out.getvalue()
    return outputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale outputs")
    args = parser.parse_args(argv)
    folder = EXAMPLES / "outputs"
    wanted = render()
    present = {p.name for p in folder.glob("*")} if folder.is_dir() else set()
    stale = sorted(
        name
        for name in wanted
        if name not in present or (folder / name).read_bytes() != wanted[name]
    )
    extra = sorted(present - set(wanted))
    if args.check:
        for name in stale:
            print(f"stale: examples/outputs/{name}")
        for name in extra:
            print(f"not produced any more: examples/outputs/{name}")
        return 1 if stale or extra else 0
    folder.mkdir(exist_ok=True)
    for name in stale:
        (folder / name).write_bytes(wanted[name])
        print(f"wrote examples/outputs/{name}")
    for name in extra:
        (folder / name).unlink()
        print(f"removed examples/outputs/{name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
