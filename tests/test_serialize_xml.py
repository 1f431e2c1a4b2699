"""pressrelease XML: shape, exact whitespace, refusals, and strict reading with located problems."""

from __future__ import annotations

import io
from datetime import date

import pytest

from pressrelease.errors import (
    DTDForbiddenError,
    EntitiesForbiddenError,
    ExternalReferenceForbiddenError,
    LimitExceededError,
    ParseError,
    SerializationError,
)
from pressrelease.limits import Limits
from pressrelease.model import Link, Paragraph, ParagraphKind, PressRelease, Signatory
from pressrelease.serialize.xml import (
    NAMESPACE,
    from_xml,
    from_xml_collection,
    read_xml,
    to_xml,
    to_xml_collection,
    write_xml,
)

HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def _doc(inner: str, root: str = f'<press_release xmlns="{NAMESPACE}" version="1.0">') -> bytes:
    return (root + inner + "</press_release>").encode("utf-8")


def _problems(data: bytes) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(ParseError) as info:
        from_xml(data, source="r.xml")
    return [(p.line, p.path, p.message) for p in info.value.problems]


# --- writing ----------------------------------------------------------------------------------


def test_the_shape_mirrors_json() -> None:
    record = PressRelease(
        title="T",
        published=date(2020, 12, 3),
        signatories=(Signatory(name="A", role="chair"),),
        body=(
            Paragraph(text="See it", kind=ParagraphKind.QUOTE, links=(Link(text="it", start=4),)),
        ),
        notes=("n",),
    )
    assert to_xml(record) == HEAD + (
        b'<press_release xmlns="urn:pressrelease:1" version="1.0">\n'
        b"  <title>T</title>\n"
        b"  <published>2020-12-03</published>\n"
        b"  <signatories>\n"
        b"    <signatory>\n"
        b"      <name>A</name>\n"
        b"      <role>chair</role>\n"
        b"    </signatory>\n"
        b"  </signatories>\n"
        b"  <body>\n"
        b"    <paragraph>\n"
        b"      <text>See it</text>\n"
        b"      <kind>quote</kind>\n"
        b"      <links>\n"
        b"        <link>\n"
        b"          <text>it</text>\n"
        b"          <start>4</start>\n"
        b"        </link>\n"
        b"      </links>\n"
        b"    </paragraph>\n"
        b"  </body>\n"
        b"  <notes>\n"
        b"    <note>n</note>\n"
        b"  </notes>\n"
        b"</press_release>\n"
    )


def test_whitespace_and_markup_characters_survive_exactly() -> None:
    title = "  Two\r\nlines\rand\ttabs & <tags> ]]> \u00a0 "
    record = PressRelease(title=title, notes=("", " ", "\r"))
    data = to_xml(record)
    assert b"&#13;" in data
    assert b"\r" not in data
    assert b"&amp; &lt;tags&gt; ]]&gt;" in data
    again = from_xml(data)
    assert again.title == title
    assert again.notes == ("", " ", "\r")


@pytest.mark.parametrize(
    ("char", "code"),
    [
        ("\x00", "U+0000"),
        ("\x0b", "U+000B"),
        ("\x1f", "U+001F"),
        ("\ufffe", "U+FFFE"),
        ("\ud800", "U+D800"),
    ],
)
def test_characters_xml_cannot_hold_are_refused_with_the_field(char: str, code: str) -> None:
    record = PressRelease(title="T", signatories=(Signatory(name="A", role=f"x{char}y"),))
    with pytest.raises(SerializationError) as info:
        to_xml(record)
    assert info.value.path == "$.signatories[0].role"
    assert info.value.message.startswith(f"{code} cannot be written in XML 1.0")
    with pytest.raises(SerializationError):
        to_xml_collection([PressRelease(title="ok"), record])


# --- strict reading ---------------------------------------------------------------------------


def test_doctype_with_entities_is_refused() -> None:
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE press_release [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n'
        + _doc("<title>&x;</title>")
    )
    with pytest.raises(EntitiesForbiddenError) as info:
        from_xml(data, source="e.xml")
    assert (info.value.source, info.value.line, info.value.column) == ("e.xml", 3, 1)
    assert "declares entities" in info.value.message


def test_external_dtd_and_xinclude_are_refused() -> None:
    with pytest.raises(DTDForbiddenError) as info:
        from_xml(b'<!DOCTYPE press_release SYSTEM "pr.dtd">' + _doc("<title/>"))
    assert (info.value.line, info.value.column) == (1, 1)
    data = _doc(
        '<title>T</title><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"/>'
    )
    with pytest.raises(ExternalReferenceForbiddenError) as info:
        from_xml(data)
    assert info.value.line == 1
    assert "XInclude" in info.value.message


def test_truncated_and_two_roots() -> None:
    with pytest.raises(ParseError) as info:
        from_xml(_doc("<title>T</title>\n")[: -len("</press_release>")], source="cut.xml")
    assert (info.value.line, info.value.column) == (2, 1)
    assert "Premature end of data" in info.value.message
    with pytest.raises(ParseError) as info:
        from_xml(_doc("<title>T</title>") + b"\n" + _doc("<title>U</title>"), source="two.xml")
    assert (info.value.line, info.value.column) == (2, 1)
    assert "Extra content at the end of the document" in info.value.message


def test_wrong_namespace_and_root() -> None:
    with pytest.raises(ParseError) as info:
        from_xml(
            b'<press_release xmlns="urn:pressrelease:2"><title/></press_release>', source="n.xml"
        )
    assert info.value.line == 1
    assert info.value.message == (
        "the root element <press_release> is in the namespace 'urn:pressrelease:2'; pressrelease "
        "XML is in the namespace 'urn:pressrelease:1' (xmlns=\"urn:pressrelease:1\")"
    )
    with pytest.raises(ParseError, match="is in no namespace"):
        from_xml(b"<press_release><title/></press_release>")
    with pytest.raises(ParseError, match="expected <press_release>"):
        from_xml(f'<press_releases xmlns="{NAMESPACE}"/>'.encode())
    assert _problems(_doc('\n<title>T</title>\n<x:place xmlns:x="urn:other">B</x:place>')) == [
        (
            3,
            "$",
            "element <place> is in namespace 'urn:other'; pressrelease XML elements are in the "
            "namespace 'urn:pressrelease:1'",
        )
    ]


def test_every_problem_is_reported_with_its_line_and_path() -> None:
    data = _doc(
        "\n<title>T</title>"
        "\n<title>U</title>"
        "\n<published>2021-02-29</published>"
        "\n<signatories>"
        "\n  <signatory><role>chair</role></signatory>"
        "\n  <person/>"
        "\n</signatories>"
        "\n<colour>red</colour>"
        "\nstray text"
        '\n<body><paragraph kind="quote"><text>abc</text><links><link><start>x</start></link></links></paragraph></body>'
        "\n<place><b>B</b></place>\n"
    )
    assert _problems(data) == [
        (3, "$.title", "<title> appears more than once"),
        (4, "$.published", "'published' is not a real calendar date (got '2021-02-29')"),
        (
            6,
            "$.signatories[0]",
            "a Signatory needs a name or an organisation (got role='chair' alone)",
        ),
        (7, "$.signatories[1]", "<signatories> holds <signatory> elements, not <person>"),
        (  # the stray text is the tail of <colour>, so lxml places it on <colour>'s line
            9,
            "$",
            "text 'stray text' outside any field element; only whitespace may stand between "
            "elements here",
        ),
        (
            9,
            "$.colour",
            "unknown element <colour> in <press_release>; the elements are: title, unique_id, "
            "subtitle, published, place, category, language, issuer, signatories, participants, "
            "body, translations, related, contacts, notes, source_url",
        ),
        (
            11,
            "$.body[0]",
            "unexpected attribute 'kind' on <paragraph>; pressrelease XML has none there",
        ),
        (11, "$.body[0].links[0].start", "'start' must be a whole number (got 'x')"),
        (12, "$.place", "<place> must hold text only, not a <b> element"),
    ]


def test_missing_required_elements_point_at_their_parent() -> None:
    assert _problems(_doc("\n<place>B</place>\n<body>\n<paragraph/>\n</body>\n")) == [
        (1, "$.title", "'title' is required"),
        (4, "$.body[0].text", "'text' is required"),
    ]


def test_elements_in_any_order_comments_and_empty_wrappers_are_read() -> None:
    data = _doc(
        "<!-- hand written --><place>Brussels</place><signatories/>"
        "<title>T<!-- c -->itle</title><?pi ignored?>"
    )
    assert from_xml(data) == PressRelease(title="Title", place="Brussels")


def test_version_attribute() -> None:
    root = f'<press_release xmlns="{NAMESPACE}" version="2.1">'
    with pytest.raises(ParseError, match=r"format version 2\.1"):
        from_xml(_doc("<title/>", root=root))
    assert from_xml(_doc("<title/>", root=f'<press_release xmlns="{NAMESPACE}">')).title == ""
    root = (
        f'<press_release xmlns="{NAMESPACE}" version="1.0" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="urn:pressrelease:1 pressrelease.xsd">'
    )
    assert from_xml(_doc("<title/>", root=root)).title == ""


def test_collections() -> None:
    records = [PressRelease(title="A"), PressRelease(title="B")]
    data = to_xml_collection(records)
    assert data.startswith(HEAD + b'<press_releases xmlns="urn:pressrelease:1" version="1.0">\n')
    assert from_xml_collection(data) == records
    assert from_xml_collection(to_xml(records[0])) == records[:1]
    assert from_xml_collection(to_xml_collection([])) == []
    with pytest.raises(ParseError) as info:
        from_xml_collection(data.replace(b"<title>B</title>", b"<title>B</title><x/>"))
    assert [p.path for p in info.value.problems] == ["$[1].x"]
    with pytest.raises(LimitExceededError, match="max_items=1"):
        from_xml_collection(data, limits=Limits(max_items=1))


def test_registry_functions() -> None:
    records = [PressRelease(title="A"), PressRelease(title="B")]
    out = io.BytesIO()
    report = write_xml(records[:1], out)
    assert out.getvalue() == to_xml(records[0])
    assert (report.format, report.records, report.lossy) == ("xml", 1, ())
    out = io.BytesIO()
    write_xml(records, out)
    assert out.getvalue() == to_xml_collection(records)
    assert list(read_xml(io.BytesIO(out.getvalue()))) == records
    with pytest.raises(LimitExceededError):
        list(read_xml(io.BytesIO(out.getvalue()), limits=Limits(max_document_bytes=20)))


def test_id_and_field_length_limits() -> None:
    with pytest.raises(LimitExceededError) as info:
        from_xml(_doc("<title>T</title><unique_id>" + "9" * 65 + "</unique_id>"))
    assert info.value.path == "$.unique_id"
    with pytest.raises(LimitExceededError) as info:
        from_xml(_doc("<title>" + "x" * 11 + "</title>"), limits=Limits(max_field_chars=10))
    assert info.value.path == "$.title"
