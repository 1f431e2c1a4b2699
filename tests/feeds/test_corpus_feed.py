"""The real news.gov.scot RSS feed of the corpus: hand-checked golden values, and every format and back."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from pressrelease.feeds import read_feed
from pressrelease.formats import FORMATS, load
from pressrelease.model import PressRelease

NAME = "feeds/news_gov_scot_rss_2017-06-27_EXTRACTED.xml"
BST = timezone(timedelta(hours=1))

# Read by hand from the feed (guid isPermaLink="false", pubDate, channel <language>, first <category>).
GOLDEN = {
    "f5efd7f6-e9e4-4e70-a47c-e8dec8cb0400": (
        "Scotland's future must be decided by the people who live here",
        datetime(2017, 6, 27, 15, 5, tzinfo=BST),
        "Communities",
        "https://news.gov.scot/news/scotlands-future-must-be-decided-by-the-people-who-live-here",
    ),
    "bc982f66-5e1c-454a-ab7a-eff889bcafd0": (
        "Piloting delivery of welfare rights advice in health settings",
        datetime(2017, 6, 27, 12, 27, tzinfo=BST),
        "Health",
        "https://news.gov.scot/news/piloting-delivery-of-welfare-rights-advice-in-health-settings",
    ),
}


@pytest.fixture(scope="module")
def records(corpus: Path) -> list[PressRelease]:
    return list(read_feed((corpus / NAME).read_bytes(), source=NAME))


def test_golden_values(records: list[PressRelease]) -> None:
    assert [r.unique_id for r in records] == list(GOLDEN)  # feed order
    for record in records:
        title, published, category, link = GOLDEN[record.unique_id or ""]
        assert record.title == title
        assert record.published == published
        assert record.published.utcoffset() == timedelta(hours=1)  # type: ignore[union-attr]
        assert record.language == "en"
        assert record.place is None
        assert record.category == category
        assert record.source_url == link
        assert record.signatories == ()  # dc:creator is the CMS user ("admin-2"), not a party
    # content:encoded wins over the description (the feed's own, odd, sample text).
    assert [p.text for p in records[0].body] == [
        "We don't need a referendum to leave the EU, we can just leave."
    ]
    assert records[1].body[0].text.startswith("GP practices in some of Scotland's most deprived")


def test_agrees_with_the_corpus_labels(corpus: Path, records: list[PressRelease]) -> None:
    labels = [
        json.loads(line)
        for line in (corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip() and json.loads(line)["file"] == NAME
    ]
    assert len(labels) == len(records) == 2
    by_id = {r.unique_id: r for r in records}
    for label in labels:
        record = by_id[label["unique_id"]]
        assert record.title == label["title"]
        assert record.language == label["language"]
        assert record.place == label["place"]
        assert isinstance(record.published, datetime)
        assert record.published.date().isoformat() == label["published_date"]
        assert f"{record.published:%H:%M}" == label["published_time"]
        assert record.published.isoformat().endswith(label["utc_offset"])


@pytest.mark.parametrize("fmt", sorted(name for name, f in FORMATS.items() if f.writer))
def test_converts_to_every_writable_format_and_back(fmt: str, records: list[PressRelease]) -> None:
    out = io.BytesIO()
    writer, reader = FORMATS[fmt].writer, FORMATS[fmt].reader
    assert writer is not None
    assert reader is not None
    report = load(writer)(records, out)
    assert report.records == 2
    back = list(load(reader)(out.getvalue(), source=f"out.{fmt}"))
    assert back == records
    assert [r.published.utcoffset() for r in back] == [timedelta(hours=1)] * 2  # type: ignore[union-attr]


def test_member_locations_are_not_written_by_our_own_formats(records: list[PressRelease]) -> None:
    """Feed readers locate paragraphs; our JSON and XML must not write that (their readers refuse it)."""
    from pressrelease.serialize.json import to_json
    from pressrelease.serialize.xml import to_xml

    assert records[0].body[0].location is not None
    assert '"location"' not in to_json(records[0])
    assert b"<location>" not in to_xml(records[0])
