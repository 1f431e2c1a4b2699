"""Tests for pressrelease.decode: every branch of the encoding policy."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressrelease.decode import decode, normalise_newlines
from pressrelease.errors import DecodeError, ParseError, PressReleaseError

TEXT = "Bruxelles, 3 décembre 2020\nM.\u00a0Voronkov — “ok”"


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    ],
)
def test_bom_wins(bom: bytes, codec: str, expected: str) -> None:
    result = decode(bom + TEXT.encode(codec))
    assert result.text == TEXT
    assert result.encoding == expected
    assert result.notices == ()


def test_bom_wins_over_declaration_and_caller() -> None:
    data = codecs.BOM_UTF8 + b'<?xml version="1.0" encoding="iso-8859-1"?><a>\xc3\xa9</a>'
    result = decode(data, kind="xml", charset="cp1252")
    assert result.text.endswith("<a>é</a>")
    assert result.encoding == "utf-8"
    assert [n.code for n in result.notices] == ["PR601"]
    assert "cp1252" in result.notices[0].message


def test_bom_with_broken_body_is_located() -> None:
    with pytest.raises(DecodeError, match="byte order mark") as info:
        decode(codecs.BOM_UTF8 + b"ok\nab\xff", source="x.txt")
    assert (info.value.line, info.value.column, info.value.source) == (2, 3, "x.txt")


def test_caller_charset_beats_declaration() -> None:
    data = b'<meta charset="utf-8"><p>caf\xe9</p>'
    result = decode(data, kind="html", charset="latin-1")
    assert result.text.endswith("café</p>")
    assert result.encoding == "iso8859-1"
    assert result.notices[0].code == "PR601"


def test_caller_charset_for_plain_text() -> None:
    assert decode("Zürich".encode("cp1252"), charset="windows-1252").text == "Zürich"


def test_unknown_charset_label() -> None:
    with pytest.raises(DecodeError, match="unknown charset 'klingon'"):
        decode(b"x", charset="klingon")
    with pytest.raises(DecodeError, match="declared by the document"):
        decode(b'<?xml version="1.0" encoding="klingon"?><a/>', kind="xml")


def test_xml_declaration() -> None:
    data = b"<?xml version='1.0' encoding='ISO-8859-15'?><a>\xa4</a>"
    result = decode(data, kind="xml")
    assert result.text.endswith("<a>€</a>")
    assert result.encoding == "iso8859-15"


def test_xml_declaration_ignored_for_text() -> None:
    # Plain text declares nothing: the same bytes must be strict UTF-8.
    with pytest.raises(DecodeError, match="declares no charset"):
        decode(b"<?xml version='1.0' encoding='latin-1'?><a>\xe9</a>", kind="text")


@pytest.mark.parametrize(
    "head",
    [
        b'<meta charset="windows-1252">',
        b"<meta charset=windows-1252>",
        b'<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252">',
    ],
)
def test_html_meta_charset(head: bytes) -> None:
    result = decode(b"<html><head>" + head + b"</head><body>Caf\xe9 \x93x\x94", kind="html")
    assert result.text.endswith("Café “x”")
    assert result.encoding == "cp1252"


def test_html_meta_after_1024_bytes_is_ignored() -> None:
    data = b"<!--" + b"x" * 1100 + b'--><meta charset="windows-1252"><p>caf\xe9'
    with pytest.raises(DecodeError, match="declares no charset"):
        decode(data, kind="html")


def test_html_latin1_label_means_cp1252() -> None:
    result = decode(b'<meta charset="iso-8859-1"><p>\x93q\x94', kind="html")
    assert result.text.endswith("“q”")
    assert result.encoding == "cp1252"


def test_html_utf16_declaration_in_ascii_bytes_means_utf8() -> None:
    result = decode('<meta charset="utf-16"><p>é'.encode(), kind="html")
    assert result.text.endswith("é")
    assert result.encoding == "utf-8"


def test_false_declaration_is_an_error_not_a_replacement() -> None:
    data = b'<meta charset="utf-8">\n<p>caf\xe9</p>'
    with pytest.raises(DecodeError, match="declaration is wrong") as info:
        decode(data, kind="html", source="p.html")
    assert (info.value.line, info.value.column) == (2, 7)


def test_declared_charset_with_replacement_character_is_an_error() -> None:
    data = '<?xml version="1.0" encoding="utf-8"?>\n<a>caf\ufffd</a>'.encode()
    with pytest.raises(DecodeError, match="U\\+FFFD") as info:
        decode(data, kind="xml")
    assert (info.value.line, info.value.column) == (2, 7)


def test_strict_utf8_error_is_located_and_actionable() -> None:
    with pytest.raises(DecodeError) as info:
        decode("ligne 1\r\nligne 2 é".encode() + b" \xe9t\xe9", source="r.txt")
    err = info.value
    assert (err.line, err.column) == (2, 11)
    assert "0xE9" in err.message
    assert "charset=" in err.message
    assert "fallback='cp1252'" in err.message
    assert isinstance(err.__cause__, UnicodeDecodeError)


def test_fallback_cp1252_recovers_with_notice() -> None:
    result = decode(b"line\nd\xe9cembre \x80 \x81", fallback="cp1252")
    assert result.text == "line\ndécembre € \x81"
    assert result.encoding == "cp1252"
    (notice,) = result.notices
    assert notice.code == "PR601"
    assert "line 2, column 2" in notice.message


def test_fallback_also_covers_a_false_declaration() -> None:
    result = decode(b'<meta charset="utf-8"><p>\xe9', kind="html", fallback="cp1252")
    assert result.text.endswith("é")
    assert result.notices[0].code == "PR601"


def test_fallback_not_used_when_utf8_is_valid() -> None:
    result = decode("é".encode(), fallback="cp1252")
    assert (result.text, result.encoding, result.notices) == ("é", "utf-8", ())


def test_nul_without_bom_is_a_located_parse_error() -> None:
    data = "ab\ncd".encode("utf-16-le")
    with pytest.raises(ParseError, match="UTF-16") as info:
        decode(data, source="u.txt")
    assert (info.value.line, info.value.column) == (1, 2)


def test_nul_with_caller_charset_is_fine() -> None:
    assert decode("ab\ncd".encode("utf-16-le"), charset="utf-16-le").text == "ab\ncd"


def test_nul_character_inside_bom_text_is_rejected() -> None:
    with pytest.raises(ParseError, match="U\\+0000"):
        decode(codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\r\nb", "a\n\nb"),
        ("a\u2028b", "a\nb"),
        ("a\u2029b", "a\nb"),
        ("a\x85b", "a\nb"),
        ("a\x0cb\x0bc", "a\x0cb\x0bc"),
    ],
)
def test_line_separators_normalised_for_text(raw: str, expected: str) -> None:
    assert decode(raw.encode()).text == expected


def test_line_separators_kept_for_markup() -> None:
    assert decode(b"<a>\r\n</a>", kind="xml").text == "<a>\r\n</a>"
    assert decode(b"<p>\r\n</p>", kind="html").text == "<p>\r\n</p>"


def test_error_line_counts_cr_and_unicode_separators() -> None:
    with pytest.raises(DecodeError) as info:
        decode("a\rb\u2028c\n".encode() + b"xy\xff")
    assert (info.value.line, info.value.column) == (4, 3)


def test_decoded_is_frozen() -> None:
    result = decode(b"x")
    with pytest.raises(AttributeError):
        result.text = "y"  # type: ignore[misc]


def test_normalise_newlines_fast_path_returns_same_object() -> None:
    text = "a\nb"
    assert normalise_newlines(text) is text


@given(st.binary(max_size=300))
def test_arbitrary_bytes_raise_only_library_errors(data: bytes) -> None:
    for kind in ("text", "html", "xml"):
        try:
            result = decode(data, kind=kind)  # type: ignore[arg-type]
        except PressReleaseError:
            continue
        assert "\x00" not in result.text


@given(st.text(max_size=200))
def test_utf8_text_round_trips(text: str) -> None:
    try:
        result = decode(text.encode())
    except ParseError:
        assert "\x00" in text
        return
    assert result.text == normalise_newlines(text)
    assert result.encoding == "utf-8"
