"""GOV.UK Content API items: golden records for the two corpus files, checked by hand."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from pressrelease.errors import ParseError
from pressrelease.model import ParagraphKind, Signatory
from pressrelease.readers.govuk import parse_govuk_json, read_govuk_json


def test_best_practice_press_release(corpus: Path) -> None:
    name = "govuk-json/best-practice-press-release.json"
    release = parse_govuk_json((corpus / name).read_bytes(), source=name)
    assert release.title == "New FRANK adverts mark tenth anniversary"
    assert release.unique_id == "5dc52233-7631-11e4-a3cb-005056011aef"
    # first_published_at 2013-01-28T00:00:00.000+00:00
    assert release.published == datetime.fromisoformat("2013-01-28T00:00:00+00:00")
    assert release.language == "en"
    assert release.category == "press_release"
    assert release.issuer == "govuk"
    # links.primary_publishing_organisation; the quoted minister is not a signatory
    assert release.signatories == (Signatory(organisation="Home Office"),)
    assert release.source_url == (
        "https://www.gov.uk/government/news/new-frank-adverts-mark-tenth-anniversary--2"
    )
    assert release.translations == ()  # the only translation listed is this English page
    assert release.subtitle is not None
    assert release.subtitle.startswith("New campaign reminding young people to talk to FRANK")
    assert release.body[0].text.startswith(
        "The TV sponsorship, radio and online advertising campaign is aimed at 13 to 18 year olds"
    )
    assert release.body[1].text == "Home office crime prevention minister Jeremy Browne said:"
    assert release.body[-1].text == "Text 82111"
    assert release.body[-1].kind is ParagraphKind.LIST_ITEM
    website = release.body[-3]
    assert website.text == "website: www.talktofrank.com"
    assert website.links[0].href == "http://www.talktofrank.com"
    assert website.links[0].start == len("website: ")
    location = release.location_of("$.body[0]")
    assert location is not None
    assert location.element is not None
    assert location.element.startswith("$.details.body/div/p")


def test_news_article_press_release(corpus: Path) -> None:
    name = "govuk-json/news_article_press_release.json"
    release = parse_govuk_json((corpus / name).read_bytes(), source=name)
    assert release.title == "Modern life responsible for ‘worrying’ health in middle aged"
    assert release.unique_id == "4ae92ddf-5ba6-4ec4-a7d5-7648ea4c9ffd"
    assert release.published == datetime.fromisoformat("2016-12-28T00:00:19+00:00")
    assert release.signatories == (Signatory(organisation="Public Health England"),)
    assert release.language == "en"
    assert release.body


def test_reader_yields_one_record(corpus: Path) -> None:
    data = (corpus / "govuk-json/news_article_press_release.json").read_bytes()
    assert len(list(read_govuk_json(data))) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"[1, 2]", "JSON object"),
        (b'{"title": 3}', "'title' must be a string"),
        (b'{"content_id": "x"}', "neither a title nor details.body"),
        (b'{"title": "T", "details": {"body": 5}}', "details.body must be an HTML string"),
        (b'{"title": "T", "title": "U"}', "duplicate key"),
    ],
)
def test_bad_items_are_located_errors(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_govuk_json(data, source="item.json")


def test_scripts_in_the_body_never_reach_the_record() -> None:
    item = (
        b'{"title": "T", "details": {"body": "<p>Hi<script>alert(1)</script>'
        b' <a href=\\"javascript:alert(1)\\">there</a></p>"}}'
    )
    release = parse_govuk_json(item)
    assert release.text == "Hi there"
    assert release.body[0].links == ()
    assert {n.code for n in release.notices} == {"PR501", "PR602"}
