"""parse_html on the corpus pages: golden records checked by hand against each page.

Every expected value below was read from the page itself (the visible text
or the markup named in the comment), then cross-checked with labels.jsonl.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pressrelease import parse_html
from pressrelease.errors import ParseError
from pressrelease.model import Contact, ParagraphKind, PressRelease, Signatory
from pressrelease.readers.html import read_html
from pressrelease.readers.text import parse_text

BRUSSELS = ZoneInfo("Europe/Brussels")
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"


def _read(corpus: Path, name: str) -> PressRelease:
    return parse_html((corpus / name).read_bytes(), source=name)


def _assert_body(
    release: PressRelease, first: str, last: str, absent: tuple[str, ...], count: int
) -> None:
    texts = [p.text for p in release.body]
    assert texts[0].startswith(first), texts[0]
    assert texts[-1].endswith(last), texts[-1]
    assert len(texts) == count
    joined = "\n".join(texts)
    for words in absent:
        assert words not in joined, words


# ---------------------------------------------------------------- European Commission


def test_ec_press_corner_page(corpus: Path) -> None:
    release = _read(corpus, "ec-presscorner/presscorner_ip_20_777_EXCERPT.html")
    # <h1> of .ecl-page-header__title (three lines in the source; og:title is shorter)
    assert release.title == (
        "Western Balkans' leaders meeting: EU reinforces support to address COVID-19 "
        "crisis and outlines proposal for post-pandemic recovery"
    )
    assert release.unique_id == "IP/20/777"  # .ecpr-reference__display at the page's end
    assert release.published == date(2020, 4, 29)  # <meta name="Date"> and "29 April 2020"
    assert release.place == "Brussels"  # third .ecl-meta__item
    assert release.category == "Press release"  # first .ecl-meta__item
    assert release.language == "en"
    assert release.issuer == "ec"
    assert release.signatories == (Signatory(organisation="European Commission"),)
    assert release.source_url == "https://ec.europa.eu/commission/presscorner/detail/en/ip_20_777"
    assert release.contacts == (
        Contact(
            name="Ana PISONERO-HERNANDEZ",
            phone="+32 2 295 43 20",
            email="ana.pisonero-hernandez@ec.europa.eu",
        ),
    )
    # the language drop-down lists 23 languages, English being this page
    assert len(release.translations) == 22
    assert {t.language for t in release.translations} >= {"fr", "de", "bg", "sv"}
    _assert_body(
        release,
        "Today, the European Commission is announcing over €3.3 billion of EU financial support",
        "Serbia",
        (
            "Skip to main content",
            "Print friendly pdf",
            "Press contact",
            "PISONERO",
            "Last modified",
            "Available languages",
            "Page contents",
            "Related media",
        ),
        28,
    )
    headings = [p.text for p in release.body if p.kind is ParagraphKind.HEADING]
    assert "Background" in headings
    assert "For More Information" in headings
    serbia = release.body[-1].links[0]
    assert serbia.href == (
        "https://ec.europa.eu/neighbourhood-enlargement/sites/near/files/near_factograph_serbia.pdf"
    )
    assert serbia.start == 0


def test_ec_id_comes_from_og_url_when_the_end_of_the_page_is_cut(corpus: Path) -> None:
    page = (corpus / "ec-presscorner/presscorner_ip_20_777_EXCERPT.html").read_bytes()
    cut = page.replace(
        b'<div _ngcontent-c1="" class="ecpr-reference__display">IP/20/777</div>', b""
    )
    assert b"ecpr-reference__display" not in cut
    release = parse_html(cut)
    assert release.unique_id == "IP/20/777"
    assert release.issuer == "ec"


# ---------------------------------------------------------------- European Parliament


def test_europarl_raw_page(corpus: Path) -> None:
    release = _read(corpus, "europarl-press-html/ep_20190712IPR56948.html")
    assert release.title == "Venezuela: European Parliament calls for additional sanctions"
    assert release.unique_id == "20190712IPR56948"  # "Ref.:" block and canonical URL
    # <time itemprop="datePublished" datetime="2019-07-18T11:37:00">18-07-2019 - 11:37</time>
    assert release.published == datetime(2019, 7, 18, 11, 37, tzinfo=BRUSSELS)
    assert release.published.utcoffset() == timedelta(hours=2)  # Brussels summer time
    assert release.place is None  # no dateline on press-room pages
    assert release.category == "Plenary session"
    assert release.language == "en"
    assert release.issuer == "europarl"
    assert release.signatories == (Signatory(organisation="European Parliament"),)
    assert [c.name for c in release.contacts] == ["Snježana KOBEŠĆAK SMODIŠ", "Viktor ALMQVIST"]
    assert release.contacts[0].email == "snjezana.kobescak@europarl.europa.eu"
    assert release.contacts[0].role == "Press Officer"
    french = next(t for t in release.translations if t.language == "fr")
    assert french.url == (
        "https://www.europarl.europa.eu/news/fr/press-room/20190712IPR56948/"
        "venezuela-european-parliament-calls-for-additional-sanctions"
    )
    assert len(release.translations) == 23  # 24 languages in the switcher, minus English
    assert release.related[0].text == "Adopted text will be published here (18.07.2019)"
    _assert_body(
        release,
        "Full support “for legitimate interim president Juan Guaidó”",
        "ask the Commission to continue cooperating with these countries.",
        ("Share this page", "Contacts:", "Press Officer", "Further information", "Ref.:"),
        14,
    )
    assert [p.kind for p in release.body[:3]] == [ParagraphKind.LIST_ITEM] * 3
    assert release.body[3].text.startswith("For the third time this year")  # the chapo
    assert release.body[6].text == "Additional sanctions"
    assert release.body[6].kind is ParagraphKind.HEADING  # <p><strong> alone
    link = release.body[4].links[0]
    assert link.text == "latest report"
    assert release.body[4].text[link.start : link.start + len(link.text)] == "latest report"


def test_europarl_bs4_page_ep_today(corpus: Path) -> None:
    release = _read(corpus, "europarl-press-html/ep_20230706IPR02317_bs4.html")
    assert release.title == "EP TODAY"
    assert release.unique_id == "20230706IPR02317"
    assert release.published == datetime(2023, 7, 11, 8, 30, tzinfo=BRUSSELS)
    assert release.category == "Plenary session"
    _assert_body(
        release,
        "Tuesday, 11 July",
        "All information regarding plenary, can be found here.",
        ("Share this page", "Product information", "Ref.:", "Contacts:"),
        31,
    )


def test_europarl_bs4_page(corpus: Path) -> None:
    release = _read(corpus, "europarl-press-html/ep_20230929IPR06132_bs4.html")
    assert release.title == "Nagorno-Karabakh: MEPs demand review of EU relations with Azerbaijan"
    assert release.unique_id == "20230929IPR06132"
    assert release.published == datetime(2023, 10, 5, 12, 53, tzinfo=BRUSSELS)
    assert release.language == "en"
    _assert_body(
        release,
        "Parliament says current situation with Armenians fleeing Nagorno-Karabakh amounts to "
        "ethnic cleansing",
        "The resolution was adopted by 491 votes in favour, 9 against with 36 abstentions.",
        ("Share this page", "Product information", "Contacts:"),
        14,
    )


# ---------------------------------------------------------------- United Nations

UN_PAGES = [
    (
        "un_press_2023_dsgsm1848.html",
        "DSG/SM/1848",
        date(2023, 5, 9),
        "Deputy Secretary-General, Briefing Members States before Economic and Social Council "
        "Segment, Highlights Resident Coordinator System’s Key Role in Advancing 2030 Agenda",
        "Following are UN Deputy Secretary-General Amina Mohammed’s remarks, as prepared for delivery",
        "Let us bear it in mind.",
    ),
    (
        "un_press_2023_sgsm21852.html",
        "SG/SM/21852",
        date(2023, 6, 21),
        # the <h1> has NO-BREAK SPACEs around "Secretary-General Tells"
        "People in Need of Humanitarian Assistance at Record Levels, Secretary-General Tells "
        "Economic and Social Council, Urging More Aid Funding, Efforts to Resolve Conflict",
        "Following is the text of UN Secretary-General António Guterres’ video message",
        "ease human suffering.\u00a0Thank you.",  # &nbsp; in the page
    ),
    (
        "un_press_2023_sgsm21947.html",
        "SG/SM/21947",
        date(2023, 9, 19),
        "World Needs ‘Statesmanship, Not Gamesmanship and Gridlock’, Secretary-General Tells "
        "General Assembly, Calling for Determination to Uphold Charter’s Pledge for Peace",
        "Following is UN Secretary-General António Guterres’ address to the opening",
        "come together for the common good. Thank you.",
    ),
    (
        "un_press_2023_sgsm21980.html",
        "SG/SM/21980",
        date(2023, 10, 6),
        "‘Outrageous a Person Dies of Hunger Every Few Seconds’, Secretary-General Declares in "
        "Message on World Food Day, Calls for Crisis to Be Top of Global Agenda",
        "Following is UN Secretary-General António Guterres’ message on World Food Day",
        "invest in long-term solutions that provide everyone with enough to eat.",
    ),
]


@pytest.mark.parametrize(("name", "symbol", "day", "title", "first", "last"), UN_PAGES)
def test_un_press_pages(
    corpus: Path, name: str, symbol: str, day: date, title: str, first: str, last: str
) -> None:
    # the speaker named in the title and the first paragraph ("Following is UN
    # Secretary-General António Guterres’ message...")
    if symbol.startswith("DSG"):
        speaker, role = "Amina Mohammed", "Deputy Secretary-General"
    else:
        speaker, role = "António Guterres", "Secretary-General"
    release = _read(corpus, f"un-press-html/{name}")
    assert release.title == title
    assert release.unique_id == symbol
    # <time datetime="...T12:00:00Z"> shows only a day: a date, not a fake noon time;
    # the "Highlights" sidebar's <time> (6 October 2023) is not taken.
    assert release.published == day
    assert type(release.published) is date
    assert release.place is None
    assert release.category == "Press Release"
    assert release.language == "en"
    assert release.issuer == "un"
    assert release.source_url == f"https://press.un.org/en/2023/{name.split('_')[-1][:-5]}.doc.htm"
    assert release.signatories == (
        Signatory(name=speaker, role=role, organisation="United Nations"),
    )
    texts = [p.text for p in release.body]
    assert texts[0].startswith(first)
    assert texts[-1].endswith(last)
    joined = "\n".join(texts)
    for furniture in (
        "Skip to main content",
        "Highlights of General Assembly",
        "For information media. Not an official record.",
        "Official observances",
        "Journal",
        "Donate",
        "Meetings Coverage and Press Releases",
    ):
        assert furniture not in joined


# ---------------------------------------------------------------- EEAS listing

EEAS_LISTING = "eeas/eeas_press_material_listing_fixture_fr.html"


def test_eeas_listing_is_not_one_release(corpus: Path) -> None:
    with pytest.raises(ParseError, match=r"listing of 3 press items.*read_html"):
        _read(corpus, EEAS_LISTING)


def test_eeas_listing_yields_each_card(corpus: Path) -> None:
    records = list(read_html((corpus / EEAS_LISTING).read_bytes(), source=EEAS_LISTING))
    assert [(r.title, r.published, r.category) for r in records] == [
        (
            "L’UE et l’Algérie lancent un jumelage en faveur de l’agriculture biologique et de "
            "la valorisation des produits agricoles de qualité",
            date(2026, 9, 23),
            "Communiqué de presse",
        ),
        (
            "Déclaration de l’Union européenne sur des ALPC, Forum de l’OSCE pour la coopération "
            "en matière de sécurité, No 1146 Vienne - 23 septembre 2026",
            date(2026, 9, 23),
            "Déclaration",
        ),
        (
            "EU Beach Clean Up concerning Ukraine and Gaza coordination : Une mobilisation "
            "citoyenne de grande envergure en amont des JOJ Dakar 2026",
            date(2026, 9, 22),
            "Communiqué de presse",
        ),
    ]
    assert all(r.language == "fr" and r.issuer == "eeas" and r.unique_id is None for r in records)
    # card 2's title ends "Vienne - 23 septembre 2026"; the others name no place
    assert [r.place for r in records] == [None, "Vienne", None]
    assert records[2].source_url == (
        "https://www.eeas.europa.eu/delegations/senegal/"
        "eu-beach-clean-une-mobilisation-citoyenne-de-grande-envergure-en-amont-des-joj-dakar-2026_fr"
    )
    assert records[0].location_of("$.title") is not None
    assert records[0].location_of("$.title").line == 32  # the <a> of card 1
    # Each card goes through the people extractor: card 2's title declares for the
    # EU; cards 1 and 3 (published by delegations, named only in their URL path)
    # name no party, and no stand-in is made up for them.
    assert [[(s.name, s.organisation) for s in r.signatories] for r in records] == [
        [],
        [(None, "Union européenne")],
        [],
    ]
    assert records[1].location_of("$.signatories[0]") == records[1].location_of("$.title")


def test_un_signatory_is_located_at_its_name(corpus: Path) -> None:
    name = "un-press-html/un_press_2023_sgsm21852.html"
    release = _read(corpus, name)
    location = release.location_of("$.signatories[0]")
    assert location is not None
    assert location.element is not None
    assert location.element.endswith("/p[1]")
    assert location.line is not None
    assert location.column is not None
    line = (corpus / name).read_text(encoding="utf-8").splitlines()[location.line - 1]
    assert line[location.column - 1 :].startswith("António Guterres’ video message")


# ---------------------------------------------------------------- locations


def test_values_keep_their_line_and_element(corpus: Path) -> None:
    release = _read(corpus, "un-press-html/un_press_2023_sgsm21980.html")
    symbol = release.location_of("$.unique_id")
    assert symbol is not None
    assert symbol.source == "un-press-html/un_press_2023_sgsm21980.html"
    assert symbol.element is not None
    assert symbol.element.startswith("/html/body/")
    page = (corpus / "un-press-html/un_press_2023_sgsm21980.html").read_text(encoding="utf-8")
    assert "SG/SM/21980" in page.splitlines()[symbol.line - 1]
    title = release.location_of("$.title")
    assert title is not None
    assert title.element is not None
    assert title.element.endswith("/h1")
    first = release.body[0].location
    assert first is not None
    assert release.location_of("$.body[0]") == first
    assert first.element is not None
    assert first.element.endswith("/p[1]")


def test_link_locations_and_offsets(corpus: Path) -> None:
    release = _read(corpus, "europarl-press-html/ep_20190712IPR56948.html")
    paragraph = release.body[9]
    link = paragraph.links[0]
    assert link.text == "declaration on behalf of the EU on Venezuela"
    assert paragraph.text.startswith("In her declaration on behalf of the EU on Venezuela,")
    assert link.start == len("In her ")
    assert link.location is not None
    assert link.location.element is not None
    assert link.location.element.endswith("/a")
    assert release.location_of("$.body[9].links[0]") == link.location


def test_issuer_override_and_url_detection() -> None:
    page = b"<html><body><h1>Talks</h1><p>Text of the talks.</p></body></html>"
    assert parse_html(page).issuer is None
    assert parse_html(page, issuer="un").issuer == "un"
    assert parse_html(page, url="https://press.un.org/en/2023/x.doc.htm").issuer == "un"
    with pytest.raises(ParseError, match="unknown issuer 'nope'"):
        parse_html(page, issuer="nope")


# ---------------------------------------------------------------- unknown sites


def test_reference_document_on_an_unknown_site(corpus: Path) -> None:
    """The seed release inside the markup of an unknown site reads as the text does."""
    release = parse_html(
        (FIXTURES / "eeas-201203_6-fr-unknown-site.html").read_bytes(),
        source="eeas-201203_6-fr-unknown-site.html",
    )
    text = parse_text(
        (corpus / "seed/eeas-201203_6-fr.txt").read_text(encoding="utf-8"), source="seed"
    )
    assert release == text
    # and, read from the page by hand:
    assert release.title == (
        "Lutte contre le terrorisme: troisième dialogue à haut niveau UE-Nations unies"
    )
    assert release.unique_id == "201203_6"
    assert release.published == datetime(2020, 12, 3, 16, 53, tzinfo=BRUSSELS)
    assert release.place == "Brussels"
    assert release.category == "Joint Press Releases"
    assert release.language == "fr"
    assert [s.name for s in release.signatories] == ["Joanneke Balfoort", "Vladimir Voronkov"]
    assert [s.name for s in release.participants] == ["Gilles de Kerchove"]
    texts = [p.text for p in release.body]
    assert len(texts) == 5  # the dateline, category and "Languages:" lines are not body
    assert texts[0].startswith("Les attentats terroristes perpétrés à travers le monde")
    assert texts[4].startswith("Le dialogue a été coprésidé par Mme\u00a0Joanneke Balfoort")
    joined = "\n".join(texts)
    for furniture in (
        "cookies",
        "Actualités",
        "Partager",
        "Sahel",
        "Mentions légales",
        "window.analytics",
        "Observatoire",
    ):
        assert furniture not in joined
    dateline = release.location_of("$.unique_id")
    assert dateline is not None
    assert dateline.element == "/html/body/div[2]/div/div[1]/p[1]"  # div.release, first <p>


def test_generic_page_with_json_ld_graph_and_time_traps() -> None:
    page = """<!doctype html><html lang="en-GB"><head>
    <script type="application/ld+json">
    <!--
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Example"},
      {"@type": "NewsArticle", "headline": "Ministers agree on water plan",
       "datePublished": "2022-10-19T09:15:00+01:00",
       "publisher": {"@type": "Organization", "name": "Ministry of Water"},},
    ]}
    -->
    </script>
    <link rel="alternate" hreflang="fr" href="/fr/plan-eau">
    <link rel="alternate" hreflang="x-default" href="/plan">
    </head><body>
    <div class="cookie-notice"><p>We use cookies to improve this site.</p></div>
    <article><h1>Ministers agree on water plan</h1>
    <p>Ministers agreed a plan today.</p><p>It takes effect next year.</p></article>
    <aside><time datetime="2023-01-01T12:00:00Z">1 January 2023</time></aside>
    </body></html>"""
    release = parse_html(page, url="https://example.org/en/water-plan")
    assert release.title == "Ministers agree on water plan"
    assert release.published == datetime.fromisoformat("2022-10-19T09:15:00+01:00")
    assert release.language == "en-GB"
    assert release.signatories == (Signatory(organisation="Ministry of Water"),)
    assert [(t.language, t.url) for t in release.translations] == [
        ("fr", "https://example.org/fr/plan-eau")
    ]
    assert [p.text for p in release.body] == [
        "Ministers agreed a plan today.",
        "It takes effect next year.",
    ]


def test_generic_time_in_sidebar_and_noon_placeholder() -> None:
    page = b"""<html><body><main><h1>Day release</h1>
    <time datetime="2023-05-09T12:00:00Z">9 May 2023</time>
    <p>The text of the release.</p></main>
    <aside class="highlights"><time datetime="2023-10-06T12:00:00Z">6 October 2023</time></aside>
    </body></html>"""
    release = parse_html(page)
    assert release.published == date(2023, 5, 9)


def test_generic_meta_available_day_first() -> None:
    page = b"""<html><head><meta name="available" content="19-10-2022"></head>
    <body><h1>Day release</h1><p>The text.</p></body></html>"""
    assert parse_html(page).published == date(2022, 10, 19)


def test_generic_naive_time_without_issuer_keeps_the_day() -> None:
    page = b"""<html><body><h1>T</h1><p>Text.</p>
    <time datetime="2023-07-11T08:30:00">11-07-2023 - 08:30</time></body></html>"""
    release = parse_html(page)
    assert release.published == date(2023, 7, 11)
    assert "PR203" in {n.code for n in release.notices}


def test_sources_that_disagree_are_reported() -> None:
    page = b"""<html><head><meta name="available" content="18-07-2019"></head><body>
    <h1>T</h1><p>Text.</p><time datetime="2019-07-19">19 July 2019</time></body></html>"""
    release = parse_html(page)
    assert release.published == date(2019, 7, 18)
    assert "PR603" in {n.code for n in release.notices}


def test_govuk_page_by_its_meta_tags() -> None:
    """A GOV.UK page written for this test after GOV.UK's markup (govuk: meta tags, govspeak)."""
    release = parse_html(
        (FIXTURES / "govuk-press-release.html").read_bytes(),
        url="https://www.gov.uk/government/news/new-frank-adverts-mark-tenth-anniversary",
    )
    assert release.issuer == "govuk"
    assert release.title == "New FRANK adverts mark tenth anniversary"
    assert release.unique_id == "5dc52233-7631-11e4-a3cb-005056011aef"
    assert release.published == datetime.fromisoformat("2013-01-28T00:00:00+00:00")
    assert release.signatories == (Signatory(organisation="Home Office"),)
    assert release.body[0].text.startswith(
        "The TV sponsorship, radio and online advertising campaign is aimed at 13 to 18 year olds"
    )
    assert release.category == "press_release"
    assert "Is this page useful?" not in release.text


def test_every_corpus_record_survives_a_json_round_trip(corpus: Path) -> None:
    from pressrelease import from_json, to_json

    for path in sorted(corpus.glob("*/*.html")):
        for release in read_html(path.read_bytes(), source=path.name):
            assert from_json(to_json(release)) == release, path.name


# ---------------------------------------------------------------- profile XPaths


def _profile_expressions() -> list[str]:
    import attrs

    from pressrelease.issuers import ISSUER_KEYS, get_issuer

    found: set[str] = set()
    for key in ISSUER_KEYS:
        profile = get_issuer(key).html
        if profile is None:
            continue
        for field in attrs.fields(type(profile)):
            value = getattr(profile, field.name)
            if isinstance(value, tuple):
                found.update(v for v in value if isinstance(v, str) and v.startswith(("/", "(")))
    return sorted(found)


def test_class_index_selects_what_each_xpath_selects(corpus: Path) -> None:
    """Profile XPaths run from one walk of classed elements give the XPath's own result."""
    from lxml import etree

    from pressrelease.limits import DEFAULT_LIMITS
    from pressrelease.readers.html import _class_plan, _load

    nested = b"""<html><body>
    <div class="meta a"><span>1</span><div class="meta b"><span>2</span><span>3</span></div>
    <span>4</span></div><div class="metadata"><span>5</span></div><p class="meta">x</p>
    </body></html>"""
    tricky = [
        "//div[contains(@class, 'meta')]//span",  # several containers: XPath orders them
        "(//div[contains(@class, 'meta')]/span)[2]",
        "(//div[contains(@class, 'metadata')]//span)[1]",
        "//div[contains(@class, 'b')]/span[2]",
        "//div[contains(@class, 'meta')]",
        "(//div[contains(@class, 'meta')])[3]",
        "//p[contains(@class, 'meta')]/text()",
        "//div[contains(@class, 'nowhere')]//span",
    ]
    pages = [nested, *(p.read_bytes() for p in sorted(corpus.glob("*/*.html")))]
    planned = 0
    for data in pages:
        page = _load(data, url=None, source=None, charset=None, limits=DEFAULT_LIMITS)
        for expression in [*tricky, *_profile_expressions()]:
            planned += _class_plan(expression) is not None
            expected = etree.XPath(expression)(page.root)
            assert page.run(expression) == expected, expression
    assert planned > len(pages) * len(tricky)  # the index, not only the XPath, was checked
