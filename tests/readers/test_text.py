"""Tests for pressrelease.readers.text: layouts, languages, Markdown, front matter, notices, limits."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressrelease import parse_markdown, parse_text
from pressrelease.errors import (
    LimitExceededError,
    ParseError,
    PressReleaseError,
    UnsafeInputError,
    ValidationError,
)
from pressrelease.limits import Limits
from pressrelease.model import ParagraphKind
from pressrelease.readers.text import read_markdown, read_text

# Hand-written releases in several languages, each with its expected values.
WRITTEN = [
    (
        "de",
        "Gemeinsame Erklärung zur Zusammenarbeit im Bereich der Terrorismusbekämpfung\n\n"
        "Berlin, den 3. Dezember 2020, 16.53 Uhr\n\n"
        "Die Europäische Union und die Vereinten Nationen haben heute ihren dritten Dialog "
        "über die Bekämpfung des Terrorismus geführt.\n\nDer Dialog wurde gemeinsam geleitet.",
        "Berlin",
        "2020-12-03T16:53:00+01:00",
    ),
    (
        "es",
        "Declaración conjunta sobre la cooperación en la lucha contra el terrorismo\n\n"
        "Madrid, 3 de julio de 2020 - 10:15\n\n"
        "La Unión Europea y las Naciones Unidas celebraron hoy su tercer diálogo sobre la "
        "lucha contra el terrorismo en la sede de la delegación.",
        "Madrid",
        "2020-07-03T10:15:00+02:00",
    ),
    (
        "it",
        "Dichiarazione congiunta sulla cooperazione nella lotta al terrorismo\n\n"
        "Roma, giovedì 3 dicembre 2020\n\n"
        "L'Unione europea e le Nazioni Unite hanno tenuto oggi il loro terzo dialogo sulla "
        "lotta al terrorismo presso la sede della delegazione.",
        "Roma",
        "2020-12-03",
    ),
    (
        "pt",
        "Declaração conjunta sobre a cooperação na luta contra o terrorismo\n\n"
        "Lisboa, 3 de dezembro de 2020 - 16h53\n\n"
        "A União Europeia e as Nações Unidas realizaram hoje o seu terceiro diálogo sobre a "
        "luta contra o terrorismo na sede da delegação.",
        "Lisboa",
        "2020-12-03T16:53:00+00:00",
    ),
    (
        "nl",
        "Gezamenlijke verklaring over samenwerking bij de bestrijding van terrorisme\n\n"
        "Den Haag, 3 december 2020 - 16:53\n\n"
        "De Europese Unie en de Verenigde Naties hebben vandaag hun derde dialoog over de "
        "bestrijding van terrorisme gehouden in het gebouw van de delegatie.",
        "Den Haag",
        "2020-12-03T16:53:00+01:00",
    ),
    (
        "pl",
        "Wspólne oświadczenie w sprawie współpracy w zwalczaniu terroryzmu\n\n"
        "Warszawa, 3 grudnia 2020 r.\n\n"
        "Unia Europejska i Organizacja Narodów Zjednoczonych przeprowadziły dziś trzeci dialog "
        "w sprawie zwalczania terroryzmu w siedzibie delegacji.",
        "Warszawa",
        "2020-12-03",
    ),
    (
        "fr",
        "Déclaration commune sur la coopération dans la lutte contre le terrorisme\n\n"
        "Bruxelles, le 3 juillet 2020 à 16 h 53\n\n"
        "L'Union européenne et les Nations unies ont tenu aujourd'hui leur troisième dialogue "
        "sur la lutte contre le terrorisme au siège de la délégation.",
        "Bruxelles",
        "2020-07-03T16:53:00+02:00",
    ),
    (
        "en",
        "Joint statement on counter-terrorism cooperation\n\n"
        "NAIROBI, 3 December 2020 - 16:53\n\n"
        "The European Union and the United Nations held their third dialogue on countering "
        "terrorism today at the headquarters of the delegation.",
        "NAIROBI",
        "2020-12-03T16:53:00+03:00",
    ),
]


@pytest.mark.parametrize(("language", "text", "place", "published"), WRITTEN)
def test_written_releases_in_several_languages(
    language: str, text: str, place: str, published: str
) -> None:
    record = parse_text(text, source="w.txt")
    assert record.language == language
    assert record.place == place
    assert record.published is not None
    assert record.published.isoformat() == published
    assert record.title == text.split("\n")[0]
    assert record.body[0].text == text.split("\n\n")[2]
    assert record.notices == ()


def test_commission_layout() -> None:
    text = (
        "Statement by the President on the summit\n\n"
        "Brussels, 15 November 2015\n\n"
        "STATEMENT/15/6088\n\n"
        "European Commission - Statement\n\n"
        "We strongly condemn the attacks and stand united in solidarity with France.\n"
    )
    record = parse_text(text)
    assert (record.unique_id, record.issuer, record.category) == (
        "STATEMENT/15/6088",
        "ec",
        "Statement",
    )
    assert record.published == date(2015, 11, 15)
    assert record.place == "Brussels"
    assert [p.text for p in record.body] == [
        "We strongly condemn the attacks and stand united in solidarity with France."
    ]
    location = record.location_of("$.unique_id")
    assert location is not None
    assert (location.line, location.column) == (5, 1)


def test_un_layout_with_meeting_name_and_navigation() -> None:
    text = (
        "Skip to main content\n\n"
        "Security Council\n9475th Meeting (AM)\n\n"
        "SC/15432\n\n"
        "8 October 2023\n\n"
        "Security Council Extends Mandate of Assistance Mission in Somalia for One Year\n\n"
        "The Security Council today decided to extend the mandate of the United Nations "
        "Assistance Mission in Somalia until 31 October 2024, adopting a resolution.\n\n"
        "Peace and security\n"
    )
    record = parse_text(text)
    assert record.unique_id == "SC/15432"
    assert record.issuer == "un"
    assert record.published == date(2023, 10, 8)
    assert (
        record.title
        == "Security Council Extends Mandate of Assistance Mission in Somalia for One Year"
    )
    assert record.body[0].text.startswith("The Security Council today")


def test_wrapped_lines_are_joined_and_locations_kept() -> None:
    text = "Title here\n\nBrussels, 3 December 2020\n\n  First line\n  second line.\n\nNext.\n"
    record = parse_text(text, source="t.txt")
    assert record.body[0].text == "First line second line."
    location = record.body[0].location
    assert location is not None
    assert (location.source, location.line, location.column) == ("t.txt", 5, 3)
    assert record.location_of("$.body[1]") == record.body[1].location


def test_numbered_paragraphs_stay_paragraphs_with_their_number() -> None:
    text = (
        "Communique\n\n3 December 2020\n\n"
        "1. The Council met in Wellington under the chairmanship of the Prime Minister.\n\n"
        "2. The Council noted the progress made in the region over the past year.\n"
    )
    record = parse_text(text)
    assert [p.kind for p in record.body] == [ParagraphKind.PARAGRAPH] * 2
    assert record.body[1].text.startswith("2. The Council")


def test_ocr_blank_line_after_every_line_is_rejoined() -> None:
    lines = [
        "JOINT STATEMENT",
        "23 November 1977",
        "The Government has decided that a team of experienced immigration",
        "officers will travel to the area next week to interview and",
        "process applicants.",
        "This was announced today by the Minister for Immigration and",
        "the Minister for Health.",
    ]
    record = parse_text("\n\n".join(lines))
    assert [p.text for p in record.body] == [
        "The Government has decided that a team of experienced immigration officers will travel "
        "to the area next week to interview and process applicants.",
        "This was announced today by the Minister for Immigration and the Minister for Health.",
    ]


def test_time_without_place_keeps_the_date_and_reports_pr203() -> None:
    record = parse_text("Title\n\n03/12/2020 - 16:53\n\nText of the release.", issuer="eeas")
    assert record.published == date(2020, 12, 3)
    assert [n.code for n in record.notices] == ["PR203"]
    assert record.notices[0].location is not None
    assert record.notices[0].location.line == 3


def test_printed_offset_needs_no_place() -> None:
    record = parse_text("Title\n\n3 December 2020, 16:53 UTC\n\nText.")
    assert record.published == datetime(2020, 12, 3, 16, 53, tzinfo=UTC)
    assert record.notices == ()


def test_eeas_id_settles_an_ambiguous_numeric_date() -> None:
    record = parse_text("Title\n\nBrussels, 05/06/2020 - 10:00, UNIQUE ID: 200605_2\n\nText.")
    assert record.published is not None
    assert record.published.isoformat() == "2020-06-05T10:00:00+02:00"
    record = parse_text("Title\n\nBrussels, 05/06/2020 - 10:00, UNIQUE ID: 200506_2\n\nText.")
    assert record.published is not None
    assert record.published.isoformat() == "2020-05-06T10:00:00+02:00"


def test_truly_ambiguous_date_is_reported() -> None:
    record = parse_text("Title\n\nKIGALI, 05/06/2020\n\nText.")
    assert record.published == date(2020, 6, 5)
    assert [n.code for n in record.notices] == ["PR206"]
    assert record.place == "KIGALI"


def test_issuer_convention_orders_the_date() -> None:
    record = parse_text("Title\n\nWashington, 05/06/2020\n\nText.", issuer="whitehouse")
    assert record.published == date(2020, 5, 6)
    assert record.notices == ()


def test_impossible_date_is_reported_and_not_kept() -> None:
    record = parse_text("Title\n\nBrussels, 31/02/2020\n\nText.", issuer="eeas")
    assert record.published is None
    assert [n.code for n in record.notices] == ["PR202"]


def test_capture_stamps_are_not_the_date() -> None:
    record = parse_text("Today's date: Wednesday, 2 March 2005\n\nTitle\n\n1 March 2005\n\nText.")
    assert record.published == date(2005, 3, 1)


def test_trailing_languages_block_gives_translations() -> None:
    text = "Title\n\nBrussels, 3 December 2020\n\nText.\n\nLanguages: English, Français, de"
    record = parse_text(text)
    assert [t.language for t in record.translations] == ["en", "fr", "de"]
    assert [p.text for p in record.body] == ["Text."]
    empty = parse_text("Title\n\nBrussels, 3 December 2020\n\nText.\n\nLanguages:")
    assert empty.translations == ()
    assert [p.text for p in empty.body] == ["Text."]


@pytest.mark.parametrize(
    ("mark", "phrase"),
    [
        ("(lien externe)", "Pacte mondial"),
        ("(external link)", "Global Compact"),
        ("(externer Link)", "Globalen Pakt"),
    ],
)
def test_external_link_marks(mark: str, phrase: str) -> None:
    paragraph = f"Representatives of 16 entities of the {phrase} {mark}."
    record = parse_text(f"Title\n\n3 December 2020\n\n{paragraph}")
    body = record.body[0]
    assert body.text == paragraph  # the mark stays, as printed
    (link,) = body.links
    assert (link.text, link.href) == (phrase, None)
    assert link.start == paragraph.index(phrase)
    assert link.location == body.location


def test_opening_wire_dateline_and_city_country_line() -> None:
    assert parse_text("Title\n\n1 March 2005\n\nGENEVA - The number fell.").place == "GENEVA"
    md = parse_markdown("---\ntitle: T\n---\nLeuven, Belgium\n\nThe meeting took place.")
    assert md.place == "Leuven"


def test_closing_datelines() -> None:
    body = (
        "The Ministers agreed on the programme for the coming year and on the steps that "
        "their officials will take before the next meeting."
    )
    assert parse_text(f"Title\n\n{body}\n\nMELBOURNE 29 JANUARY 2012").place == "MELBOURNE"
    assert parse_text(f"Title\n\n{body}\n\nCANBERRA\n\n27 May 1981\n").place == "CANBERRA"
    assert parse_text(f"Title\n\n{body}\n\nJakarta 13 August\n\n13 August 2001").place == "Jakarta"
    # A city only named in running text is no dateline.
    assert parse_text(f"Title\n\nThe Ministers met in Rome today to agree on {body}").place is None


def test_letterhead_city_is_not_a_dateline() -> None:
    text = "DEPARTMENT OF EXTERNAL AFFAIRS\n\nCANBERRA\n\nFOR THE PRESS 3rd April, 1968.\n\nPR 55\n\nText."
    record = parse_text(text, issuer="au-parliament")
    assert record.place is None
    assert record.published == date(1968, 4, 3)
    assert record.unique_id == "PR 55"


def test_web_page_title_suffix_is_dropped() -> None:
    text = "Minimum income | News | European Parliament\nMEPs want a new law.\nOn Wednesday, plenary adopted a resolution noting that an EU directive would help people."
    assert parse_text(text).title == "Minimum income"


def test_front_matter_is_used_and_cross_checked() -> None:
    text = (
        "---\n"
        'title: "Front title"\n'
        "date: '2020-12-04'\n"
        'creators:\n  - "Hunt, Ralph"\n'
        "source_url: https://bidenwhitehouse.archives.gov/x\n"
        "---\n\n"
        "Body title\n\nWASHINGTON, December 3, 2020\n\nThe text.\n"
    )
    record = parse_text(text, source="f.txt")
    assert record.title == "Front title"
    assert record.published == date(2020, 12, 4)
    assert record.issuer == "whitehouse"
    assert record.source_url == "https://bidenwhitehouse.archives.gov/x"
    (notice,) = record.notices
    assert notice.code == "PR603"
    assert "2020-12-04" in notice.message
    assert "2020-12-03" in notice.message
    assert notice.location is not None
    assert notice.location.line == 11
    title_location = record.location_of("$.title")
    assert title_location is not None
    assert title_location.line == 2


def test_front_matter_time_without_offset_uses_the_place() -> None:
    text = "---\ntitle: T\npublished_time: '2020-07-03 16:53'\nplace: Brussels\n---\nText of it."
    record = parse_text(text)
    assert record.published == datetime(2020, 7, 3, 16, 53, tzinfo=timezone(timedelta(hours=2)))
    naive = parse_text("---\ntitle: T\npublished_time: '2020-07-03 16:53'\n---\nText of it.")
    assert naive.published == date(2020, 7, 3)
    assert [n.code for n in naive.notices] == ["PR203"]


def test_front_matter_date_not_understood_is_reported() -> None:
    record = parse_text("---\ntitle: T\ndate: last Tuesday\n---\nText of it.")
    assert record.published is None
    assert [n.code for n in record.notices] == ["PR605"]


@pytest.mark.parametrize(
    "front",
    ["a: &x [1]\nb: *x", "title: !!python/object/apply:os.system ['true']", "t: !custom x"],
)
def test_unsafe_front_matter_is_refused(front: str) -> None:
    with pytest.raises(UnsafeInputError) as info:
        parse_text(f"---\n{front}\n---\nBody.", source="u.txt")
    assert info.value.source == "u.txt"
    assert info.value.line == 2


def test_bad_front_matter_is_a_located_parse_error() -> None:
    with pytest.raises(ParseError) as info:
        parse_text("---\ntitle: [unclosed\n---\nBody.")
    assert info.value.line is not None
    with pytest.raises(ParseError, match="never closed"):
        parse_text("---\ntitle: x\nBody without end")
    with pytest.raises(ParseError, match="mapping"):
        parse_text("---\n- a\n---\nBody.")


def test_huge_front_matter_is_refused() -> None:
    with pytest.raises(LimitExceededError):
        parse_text("---\nx: '" + "a" * 70_000 + "'\n---\nBody.")


def test_markdown_blocks_and_inline_markup() -> None:
    text = (
        '---\ntitle: "Joint\\_Statement"\n---\n\n'
        "# A heading\n\n"
        "Text with **bold**, *emphasis*, snake_case, an escape \\# and a\n"
        '[link to the report](https://example.eu/r "t") wrapped.\n\n'
        "1.  First item\n    continues here.\n2.  Second item\n\n"
        "-   Bullet\n\n"
        "> A quoted line\n> and its end.\n\n"
        "* * *\n\n"
        "Bad [link](javascript:alert(1)) kept as words.\n"
    )
    record = parse_markdown(text, source="m.md")
    assert record.title == "Joint\u00a0Statement".replace("\u00a0", " ")
    kinds = [(p.kind, p.text) for p in record.body]
    assert kinds == [
        (ParagraphKind.HEADING, "A heading"),
        (
            ParagraphKind.PARAGRAPH,
            "Text with bold, emphasis, snake_case, an escape # and a link to the report wrapped.",
        ),
        (ParagraphKind.LIST_ITEM, "First item continues here."),
        (ParagraphKind.LIST_ITEM, "Second item"),
        (ParagraphKind.LIST_ITEM, "Bullet"),
        (ParagraphKind.QUOTE, "A quoted line and its end."),
        (ParagraphKind.PARAGRAPH, "Bad link kept as words."),
    ]
    (link,) = record.body[1].links
    assert (link.text, link.href) == ("link to the report", "https://example.eu/r")
    assert record.body[1].text[link.start :].startswith("link to the report")
    assert record.body[6].links == ()
    assert [n.code for n in record.notices] == ["PR501"]
    heading = record.body[0].location
    assert heading is not None
    assert (heading.line, heading.column) == (5, 3)


def test_markdown_relative_links_are_made_absolute_by_source_url() -> None:
    text = (
        "---\ntitle: T\nsource_url: https://www.whitehouse.gov/briefing/x/\n---\nSee [this](/a/b)."
    )
    (link,) = parse_markdown(text).body[0].links
    assert link.href == "https://www.whitehouse.gov/a/b"


def test_markdown_heading_gives_the_title_without_front_matter() -> None:
    record = parse_markdown("# The *real* title\n\nWASHINGTON – Body text.")
    assert record.title == "The real title"


def test_no_title_at_all() -> None:
    record = parse_text("the parties met today and agreed on the next steps of their work.")
    assert record.title == ""


def test_unknown_issuer_is_refused() -> None:
    with pytest.raises(ValidationError, match="unknown issuer 'nasa'"):
        parse_text("Title", issuer="nasa")


def test_limits() -> None:
    with pytest.raises(LimitExceededError, match="max_field_chars"):
        parse_text("Title\n\n" + "word " * 50, limits=Limits(max_field_chars=100))
    with pytest.raises(LimitExceededError, match="max_document_bytes"):
        parse_text("x" * 200, limits=Limits(max_document_bytes=100))
    with pytest.raises(LimitExceededError, match="max_id_length"):
        parse_text("Title\n\nUNIQUE ID: 201203_6\n\nText.", limits=Limits(max_id_length=4))


def test_registry_readers_decode_bytes_and_streams() -> None:
    data = "Titre\r\n\r\nBruxelles, le 3 décembre 2020\r\n\r\nTexte.".encode("utf-16")
    (record,) = list(read_text(data, source="r.txt"))
    assert record.place == "Bruxelles"
    (record,) = list(read_markdown(io.BytesIO(b"# T\n\nText."), source="r.md"))
    assert record.title == "T"
    with pytest.raises(LimitExceededError):
        list(read_text(b"x" * 50, limits=Limits(max_document_bytes=10)))


def test_registry_reader_reports_recovered_encoding() -> None:
    with pytest.raises(PressReleaseError):
        list(read_text(b"Caf\xe9\n\nText."))


@given(st.text(max_size=400))
def test_any_text_reads_or_raises_only_library_errors(text: str) -> None:
    try:
        record = parse_text(text)
    except PressReleaseError:
        return
    for paragraph in record.body:
        assert paragraph.text
        assert paragraph.location is not None


@given(st.text(alphabet=st.sampled_from("#*_[]()>-`\\ \n1.!<a/"), max_size=200))
def test_any_markdown_reads_or_raises_only_library_errors(text: str) -> None:
    try:
        record = parse_markdown(text)
    except PressReleaseError:
        return
    for paragraph in record.body:
        for link in paragraph.links:
            assert link.start is not None
            assert paragraph.text[link.start : link.start + len(link.text)] == link.text


def test_commission_kicker_and_trailing_id() -> None:
    text = (
        "European Commission - Press release\n\n"
        "Commission welcomes agreement on the recovery plan\n\n"
        "Brussels, 3 December 2020\n\n"
        "The European Commission welcomes the political agreement reached today by the "
        "European Parliament and the Council on the Recovery and Resilience Facility.\n\n"
        "For more information\n\n"
        "IP/20/2263\n"
    )
    record = parse_text(text, source="ip.txt")
    assert record.title == "Commission welcomes agreement on the recovery plan"
    assert (record.category, record.unique_id, record.issuer) == (
        "Press release",
        "IP/20/2263",
        "ec",
    )
    assert [p.text for p in record.body][-1] == "For more information"
    location = record.location_of("$.unique_id")
    assert location is not None
    assert location.line == 11


def test_parliament_layout_id_at_the_end_settles_the_date_order() -> None:
    text = (
        "Press Releases\n\nPLENARY SESSION\n\n"
        "MEPs back a new law on minimum income schemes across the Union\n\n"
        "03-12-2020 - 16:53\n\n"
        "On Wednesday, plenary adopted a resolution noting that an EU directive on an adequate "
        "minimum income would make schemes more accessible.\n\n"
        "Ref.: 20201203IPR93012\n"
    )
    record = parse_text(text)
    assert record.title == "MEPs back a new law on minimum income schemes across the Union"
    assert (record.unique_id, record.issuer) == ("20201203IPR93012", "europarl")
    # No place printed: the date is kept, the time's zone is reported missing (no PR206).
    assert record.published == date(2020, 12, 3)
    assert [n.code for n in record.notices] == ["PR203"]


def test_a_date_in_the_title_is_not_the_dateline() -> None:
    text = (
        "Statement on the attack of 2 December 2020 in Vienna\n\n"
        "Brussels, 3 December 2020\n\n"
        "The High Representative condemns the attack in the strongest terms and expresses "
        "condolences to the families of the victims."
    )
    record = parse_text(text)
    assert record.title == "Statement on the attack of 2 December 2020 in Vienna"
    assert record.published == date(2020, 12, 3)
    assert record.place == "Brussels"


def test_eeas_english_summer_time() -> None:
    text = (
        "EU-UN: fourth dialogue on counter-terrorism\n\n"
        "Brussels, 03/07/2021 - 10:15, UNIQUE ID: 210703_1\nPress releases\n\n"
        "The European Union and the United Nations held their fourth dialogue today."
    )
    record = parse_text(text)
    assert record.published is not None
    assert record.published.isoformat() == "2021-07-03T10:15:00+02:00"
    assert (record.category, record.issuer) == ("Press releases", "eeas")


def test_front_matter_id_is_limited_and_located() -> None:
    record = parse_markdown("---\ntitle: T\nid: IP/20/2263\n---\nText.")
    assert (record.unique_id, record.issuer) == ("IP/20/2263", "ec")
    location = record.location_of("$.unique_id")
    assert location is not None
    assert location.line == 3
    with pytest.raises(LimitExceededError, match="max_id_length"):
        parse_markdown("---\ntitle: T\nid: " + "A" * 65 + "\n---\nText.")


def test_malformed_urls_do_not_escape_as_foreign_errors() -> None:
    text = "---\ntitle: T\nsource_url: https://]]>example.gov/x\n---\nSee [a](http://[bad/x) here."
    record = parse_markdown(text)
    assert (record.issuer, record.source_url) == (None, None)
    assert record.body[0].links == ()
    assert [n.code for n in record.notices] == ["PR501", "PR501"]


def test_empty_documents_are_refused() -> None:
    for text in ("", "\ufeff", "  \n\t\n", "\u200b"):
        with pytest.raises(ParseError, match="empty") as info:
            parse_text(text, source="e.txt")
        assert info.value.line == 1


def test_front_matter_scalars_stay_text() -> None:
    record = parse_markdown("---\ntitle: 1.10\ndate: 2020-12-03\n---\nText.")
    assert record.title == "1.10"
    assert record.published == date(2020, 12, 3)
    assert parse_markdown("---\ntitle: null\n---\nThe body is no title.").title == ""
    with pytest.raises(ParseError, match="title must be text") as info:
        parse_markdown("---\ntitle: [a, b]\n---\nText.")
    assert info.value.line == 2


def test_impossible_front_matter_date() -> None:
    record = parse_markdown("---\ntitle: T\ndate: 2020-02-30\n---\nText.")
    assert record.published is None
    assert [n.code for n in record.notices] == ["PR202"]


def test_duplicate_front_matter_keys() -> None:
    with pytest.raises(ParseError, match="'title' twice") as info:
        parse_markdown("---\ntitle: A\ntitle: B\n---\nText.")
    assert info.value.line == 3


def test_active_html_in_markdown_is_dropped_and_reported() -> None:
    text = "---\ntitle: T\n---\nBefore <script>alert('pwned')</script> after.\n\n<iframe src='x'></iframe>"
    record = parse_markdown(text)
    assert [p.text for p in record.body] == ["Before after."]
    assert "pwned" not in repr(record)
    assert {n.code for n in record.notices} == {"PR602"}


def test_unsafe_source_url_is_dropped_and_reported() -> None:
    record = parse_markdown("---\ntitle: T\nsource_url: javascript:alert(1)\n---\nText.")
    assert record.source_url is None
    assert [n.code for n in record.notices] == ["PR501"]
