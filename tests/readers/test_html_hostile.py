"""parse_html on hostile and broken pages (HAZARDS.md, "lxml.html"): nothing active gets through."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressrelease import parse_html
from pressrelease.errors import DecodeError, LimitExceededError, ParseError, PressReleaseError
from pressrelease.limits import Limits
from pressrelease.readers.html import read_html


def _page(body: str, head: str = "") -> bytes:
    return f"<html><head>{head}</head><body><h1>Title</h1>{body}</body></html>".encode()


def _codes(data: bytes | str, **kwargs: object) -> set[str]:
    return {n.code for n in parse_html(data, **kwargs).notices}  # type: ignore[arg-type]


def test_scripts_styles_and_event_handlers_never_reach_the_record() -> None:
    page = _page(
        "<main><p onclick='steal()' onmouseover='steal()'>Hello<script>alert('x')</script>"
        " world<style>p{color:red}</style></p>"
        "<template><p>template text</p></template><noscript><p>noscript text</p></noscript>"
        "<iframe src='https://evil.example/'>frame text</iframe>"
        "<object data='x.swf'>object text</object><p>Second.</p></main>"
    )
    release = parse_html(page)
    assert [p.text for p in release.body] == ["Hello world", "Second."]
    everything = repr(release) + str(release.locations)
    for word in (
        "alert",
        "steal",
        "color:red",
        "template text",
        "noscript",
        "frame text",
        "object",
    ):
        assert word not in everything
    assert "PR602" in {n.code for n in release.notices}


@pytest.mark.parametrize(
    "href",
    [
        "JaVaScRiPt&colon;alert(1)",
        "javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "java&#x09;script:alert(1)",
        "java\nscript:alert(1)",
        " \x01javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
    ],
)
def test_unsafe_link_schemes_are_dropped_and_reported(href: str) -> None:
    page = _page(f'<p>Read <a href="{href}">this</a> now.</p>')
    release = parse_html(page, url="https://example.org/news/1")
    assert release.body[0].text == "Read this now."
    assert release.body[0].links == ()
    notices = [n for n in release.notices if n.code == "PR501"]
    assert len(notices) == 1
    assert notices[0].location is not None
    assert notices[0].location.element == "/html/body/p/a"


def test_safe_links_are_made_absolute() -> None:
    page = _page(
        '<p><a href="HTTPS://Example.org/a">A</a>, <a href="/b">B</a>, '
        '<a href="mailto:press@example.org">mail</a> and <a href="#top">top</a>.</p>'
    )
    release = parse_html(page, url="https://example.org/news/1")
    paragraph = release.body[0]
    assert [(link.text, link.href, link.start) for link in paragraph.links] == [
        ("A", "HTTPS://Example.org/a", 0),
        ("B", "https://example.org/b", 3),
        ("mail", "mailto:press@example.org", 6),
    ]
    assert paragraph.text == "A, B, mail and top."


def test_hostile_base_does_not_make_javascript_links() -> None:
    page = _page(
        '<p>See <a href="page">the page</a>.</p>', head='<base href="javascript:alert(1)//">'
    )
    release = parse_html(page, url="https://example.org/news/")
    assert release.body[0].links[0].href == "https://example.org/news/page"
    assert "PR501" in {n.code for n in release.notices}
    without_url = parse_html(page)
    assert without_url.body[0].links == ()


def test_base_href_is_used_when_safe() -> None:
    page = _page(
        '<p>See <a href="page">the page</a>.</p>', head='<base href="https://cdn.example/x/">'
    )
    release = parse_html(page, url="https://example.org/")
    assert release.body[0].links[0].href == "https://cdn.example/x/page"


def test_meta_refresh_is_ignored() -> None:
    page = _page(
        "<p>Text stays.</p>",
        head='<meta http-equiv="refresh" content="0; url=javascript:alert(1)">',
    )
    release = parse_html(page)
    assert release.body[0].text == "Text stays."
    assert "javascript" not in repr(release)


def test_unclosed_title_is_a_clear_error() -> None:
    page = b"<html><head><title>Talks</head><body><h1>Talks</h1><p>Text.</p></body></html>"
    with pytest.raises(ParseError, match="<title> element is never closed"):
        parse_html(page)


def test_stray_closing_div_keeps_the_text() -> None:
    page = _page(
        "<article><div><p>First paragraph of the release.</p></div></div>"
        "<p>Second paragraph, after a stray closing tag.</p></article>"
    )
    release = parse_html(page)
    assert [p.text for p in release.body] == [
        "First paragraph of the release.",
        "Second paragraph, after a stray closing tag.",
    ]


def test_nesting_past_libxml2_depth_is_refused() -> None:
    page = _page("<div>" * 300 + "<p>deep</p>" + "</div>" * 300 + "<p>after</p>")
    with pytest.raises(LimitExceededError, match="deeper than libxml2's limit"):
        parse_html(page)


def test_max_xml_depth_below_libxml2s() -> None:
    page = _page("<div>" * 20 + "<p>deep</p>" + "</div>" * 20)
    parse_html(page)
    with pytest.raises(LimitExceededError, match="max_xml_depth=10"):
        parse_html(page, limits=Limits(max_xml_depth=10))


def test_lying_meta_charset_utf8_with_latin1_bytes_is_a_located_error() -> None:
    page = b'<html><head><meta charset="utf-8"></head>\n<body><h1>Caf\xe9</h1></body></html>'
    with pytest.raises(DecodeError) as caught:
        parse_html(page, source="p.html")
    assert caught.value.line == 2
    assert caught.value.column == 14  # <body><h1>Caf is 13 characters
    assert caught.value.source == "p.html"


def test_meta_charset_single_byte_with_utf8_bytes_is_read_as_utf8_and_reported() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><h1>Café</h1><p>Prêt.</p></body></html>'
    release = parse_html(page.encode("utf-8"))
    assert release.title == "Café"
    assert "PR601" in {n.code for n in release.notices}


def test_meta_charset_honoured_for_bytes() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><h1>Café “quoted”</h1><p>x</p></body></html>'
    assert parse_html(page.encode("cp1252")).title == "Café “quoted”"


def test_caller_charset_wins_over_meta_and_bom_wins_over_both() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><h1>Café</h1><p>x</p></body></html>'
    assert parse_html(page.encode("cp1252"), charset="cp1252").title == "Café"
    bom = b"\xef\xbb\xbf" + page.encode("utf-8")
    assert parse_html(bom, charset="utf-8").title == "Café"
    utf16 = b"\xff\xfe" + page.encode("utf-16-le")
    assert parse_html(utf16).title == "Café"


def test_no_silent_replacement_characters() -> None:
    page = b"<html><body><h1>Caf\xe9</h1><p>x</p></body></html>"
    with pytest.raises(DecodeError, match="not valid UTF-8 and the document declares no charset"):
        parse_html(page)


def test_page_without_a_release_says_what_is_missing() -> None:
    with pytest.raises(ParseError, match=r"no press release found.*title"):
        parse_html(b"<html><body><nav><a href='/'>Home</a></nav><footer>f</footer></body></html>")
    with pytest.raises(ParseError, match="the page is empty"):
        parse_html(b"   ")


def test_limits_are_enforced() -> None:
    page = _page("<p>" + "word " * 50 + "</p>")
    with pytest.raises(LimitExceededError, match="max_document_bytes"):
        parse_html(page, limits=Limits(max_document_bytes=100))
    with pytest.raises(LimitExceededError, match="max_field_chars"):
        parse_html(page, limits=Limits(max_field_chars=100))
    long_id = b'<html><body><div class="field--name-field-symbol">SG/SM/' + b"1" * 80 + b"</div>"
    with pytest.raises(LimitExceededError, match="max_id_length"):
        parse_html(long_id + b"<h1>T</h1><p>x</p></body></html>")


def test_an_id_too_long_in_the_text_of_an_unknown_site_is_refused_where_it_stands() -> None:
    """The ID read from the text (as the text reader reads it) obeys max_id_length, located."""

    def page(unique_id: str) -> bytes:
        return (
            "<html><head><title>Joint statement</title></head><body><main>\n"
            "<h1>Joint statement</h1>\n<p>Brussels, 3 December 2020</p>\n"
            f"<p>{unique_id}</p>\n<p>The parties met today in Brussels and agreed.</p>\n"
            "</main></body></html>"
        ).encode()

    assert parse_html(page("201203_6")).unique_id == "201203_6"
    with pytest.raises(
        LimitExceededError, match=r"65 characters, more than max_id_length=64"
    ) as err:
        parse_html(page("A" * 65), source="long.html")
    assert (err.value.source, err.value.line, err.value.path) == ("long.html", 4, "$.unique_id")
    with pytest.raises(LimitExceededError, match="8 characters, more than max_id_length=7") as err:
        parse_html(page("201203_6"), limits=Limits(max_id_length=7))
    assert err.value.line == 4


def test_json_ld_is_data_not_code() -> None:
    page = _page(
        "<p>Text.</p>",
        head='<script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Headline", "datePublished": "2020-12-03", "x": eval("1")}</script>',
    )
    release = parse_html(page)
    assert release.published is None
    assert "PR605" in {n.code for n in release.notices}


def test_json_ld_depth_is_limited() -> None:
    deep = "[" * 100 + "]" * 100
    page = _page("<p>Text.</p>", head=f'<script type="application/ld+json">{deep}</script>')
    with pytest.raises(LimitExceededError, match="max_json_depth"):
        parse_html(page)


def test_several_json_ld_objects_in_one_script() -> None:
    page = _page(
        "<p>Text.</p>",
        head='<script type="application/ld+json">{"@type": "Organization", "name": "Org"}\n'
        '{"@type": "Report", "name": "R", "datePublished": "2021-03-04",}</script>',
    )
    assert parse_html(page).published == date(2021, 3, 4)


def test_impossible_date_is_reported_not_guessed() -> None:
    page = _page("<p>Text.</p>", head='<meta name="available" content="31-02-2020">')
    release = parse_html(page)
    assert release.published is None
    assert "PR202" in {n.code for n in release.notices}


def test_read_html_reads_a_stream_with_a_cap() -> None:
    import io

    page = _page("<p>Text of the page.</p>")
    assert [r.title for r in read_html(io.BytesIO(page))] == ["Title"]
    with pytest.raises(LimitExceededError):
        list(read_html(io.BytesIO(page), limits=Limits(max_document_bytes=20)))


@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_library_errors(data: bytes) -> None:
    with contextlib.suppress(PressReleaseError):
        parse_html(data)


@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div>",
                "</div>",
                "<a href='javascript:x'>",
                "<a href='/r'>",
                "</a>",
                "<h1>",
                "</h1>",
                "<script>",
                "<title>",
                "<time datetime='2020-01-02T12:00:00Z'>",
                "\u00a0",
                " text ",
                "é",
                "<br>",
                "<li>",
                "<strong>",
            ]
        ),
        max_size=40,
    )
)
def test_tag_soup_gives_a_valid_record_or_a_library_error(parts: list[str]) -> None:
    try:
        release = parse_html("".join(parts), url="https://example.org/")
    except PressReleaseError:
        return
    for paragraph in release.body:
        assert paragraph.text == paragraph.text.strip()
        assert "  " not in paragraph.text
        for link in paragraph.links:
            assert link.href is not None
            assert link.href.startswith("https://example.org/")
