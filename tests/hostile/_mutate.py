"""Mutations of real documents for fuzzing: byte flips, truncations, splices, hostile tokens.

The same :func:`mutate` serves Hypothesis (``test_fuzz.py``, which draws the
choices so that failures shrink) and the long random run of ``fuzz/run.py``
(which draws them from :mod:`random`).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

from _hostile import file_cases

from pressrelease.formats import FORMATS, load

#: Fragments that tend to reach the corners of parsers.
TOKENS: tuple[bytes, ...] = (
    b"\x00",
    b"\xff",
    b"\xc3\x28",
    b"\xed\xa0\x80",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\r",
    b"\xe2\x80\xa8",
    b"\xe2\x80\xae",
    b"\x1b[31m",
    b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    b"&e;",
    b"&#0;",
    b"&#x1b;",
    b"&nbsp;",
    b"]]>",
    b"<![CDATA[",
    b"<!--",
    b'<?xml-stylesheet href="file:///etc/passwd"?>',
    b"<script>alert(1)</script>",
    b'<a href="JaVaScRiPt&colon;alert(1)">x</a>',
    b"<div>" * 300,
    b"[" * 200,
    b'{"a":' * 100,
    b"NaN",
    b"1e400",
    b"9" * 5000,
    b'"\\ud800"',
    b"---\n",
    b'!!python/object/apply:os.system ["true"]',
    b"&a",
    b"31 February 2020",
    b"2020-02-30",
    b"\n::error::pwned\n",
)

#: Corpus files that feed each format's mutations (by folder and ending).
CORPUS_SEEDS: dict[str, tuple[str, ...]] = {
    "text": ("*.txt",),
    "markdown": ("*.md",),
    "html": ("*.html",),
    "rss": ("feeds/*.xml",),
    "atom": ("feeds/*.xml",),
    "xml": ("swiss-nsb-xml/*.xml",),
    "newsml": ("swiss-nsb-xml/*.xml",),
    "json": ("govuk-json/*.json",),
    "jsonl": ("govuk-json/*.json",),
    "jsonfeed": ("govuk-json/*.json",),
    "ninjs": ("govuk-json/*.json",),
}

Choose = Callable[[int, int], int]
"""``choose(low, high)``: a whole number between ``low`` and ``high`` inclusive."""


def mutate(data: bytes, choose: Choose, others: list[bytes]) -> bytes:
    """Apply one to four mutations to ``data``; ``others`` are documents to splice from."""
    buffer = bytearray(data)
    for _ in range(choose(1, 4)):
        size = len(buffer)
        where = choose(0, size)
        operation = choose(0, 6)
        if operation == 0 and size:  # flip bits of one byte
            index = min(where, size - 1)
            buffer[index] ^= 1 << choose(0, 7)
        elif operation == 1:  # truncate
            del buffer[where:]
        elif operation == 2 and others:  # splice a piece of another document
            other = others[choose(0, len(others) - 1)]
            start = choose(0, len(other))
            buffer[where:where] = other[start : start + choose(1, 512)]
        elif operation == 3:  # delete a range
            del buffer[where : where + choose(1, 256)]
        elif operation == 4:  # duplicate a range
            buffer[where:where] = buffer[where : where + choose(1, 256)]
        else:  # insert a hostile token
            buffer[where:where] = TOKENS[choose(0, len(TOKENS) - 1)]
    return bytes(buffer)


def seeds_for(fmt: str, corpus: Path | None, *, max_bytes: int | None = None) -> list[bytes]:
    """Real documents for ``fmt``: corpus files, the hostile cases, and the format's own writer."""
    found: list[bytes] = []
    if corpus is not None and corpus.is_dir():
        for pattern in CORPUS_SEEDS.get(fmt, ()):
            found += [path.read_bytes() for path in sorted(corpus.rglob(pattern))]
    from _known import CASES as KNOWN

    # Known failures are left out: fuzzing them would only find them again.
    found += [
        case.load()  # type: ignore[misc]
        for case in file_cases()
        if fmt in case.formats and (case.name, fmt) not in KNOWN
    ]
    written = _written(fmt)
    if written is not None:
        found.append(written)
    if max_bytes is not None:
        found = [seed for seed in found if isinstance(seed, bytes) and len(seed) <= max_bytes]
    return [seed for seed in found if isinstance(seed, bytes)]


def _written(fmt: str) -> bytes | None:
    from pressrelease.model import Link, Paragraph, PressRelease, Signatory

    spec = FORMATS[fmt].writer
    if spec is None:
        return None
    try:
        writer = load(spec)
    except (ModuleNotFoundError, AttributeError):
        return None
    record = PressRelease(
        title="EU-UN joint statement",
        unique_id="201203_6",
        published=date(2020, 12, 3),
        place="Brussels",
        language="en",
        signatories=(
            Signatory(organisation="European Union"),
            Signatory(name="A. Guterres", role="Secretary-General"),
        ),
        body=(
            Paragraph(
                text="See the report.",
                links=(Link(text="report", href="https://example.org/r", start=8),),
            ),
        ),
    )
    out = io.BytesIO()
    writer([record, record], out)
    return out.getvalue()
