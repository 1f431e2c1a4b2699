"""The safe XML layer: one test per hazard in HAZARDS.md "lxml (XML)", and the streaming reader."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pressrelease._xml import iterparse_xml, load_schema, parse_xml
from pressrelease.errors import (
    DecodeError,
    DTDForbiddenError,
    EntitiesForbiddenError,
    ExternalReferenceForbiddenError,
    LimitExceededError,
    ParseError,
    PressReleaseError,
)
from pressrelease.limits import Limits

PASSWD = Path("/etc/passwd")
#: What must never show up in an error: the first line of /etc/passwd (``root:x:0:0:...``).
SECRET = PASSWD.read_text().splitlines()[0] if PASSWD.exists() else "root:x:0:0"

XXE_FILE = b"""<?xml version="1.0"?>
<!DOCTYPE r [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<r>&xxe;</r>
"""
XXE_HTTP = b"""<?xml version="1.0"?>
<!DOCTYPE r [
  <!ENTITY xxe SYSTEM "http://127.0.0.1:9/evil.dtd">
]>
<r>&xxe;</r>
"""
XXE_PARAMETER = b"""<?xml version="1.0"?>
<!DOCTYPE r [
  <!ENTITY % pe SYSTEM "file:///etc/passwd">
  %pe;
]>
<r/>
"""
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lolz a="&lol9;">&lol9;</lolz>
"""
QUADRATIC = (
    b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "'
    + b"x" * 50_000
    + b'">]>\n<r>'
    + b"&a;" * 5_000
    + b"</r>"
)
ENTITY_LOOP = b"""<!DOCTYPE r [
<!ENTITY a "&b;">
<!ENTITY b "&a;">
]>
<r>&a;</r>"""
XINCLUDE = b"""<?xml version="1.0"?>
<r xmlns:xi="http://www.w3.org/2001/XInclude">
  <p>before</p>
  <xi:include href="file:///etc/passwd" parse="text"/>
</r>
"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE r SYSTEM "file:///etc/passwd">
<r/>
"""


def _assert_clean(error: PressReleaseError) -> None:
    """No message of the error (or its causes' text we show) leaks the file's content."""
    for problem in error.problems:
        assert SECRET not in str(problem)
        assert "root:" not in problem.message
    assert SECRET not in str(error)


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        pytest.param(XXE_FILE, 3, 3, id="xxe-file"),
        pytest.param(XXE_HTTP, 3, 3, id="xxe-http"),
        pytest.param(XXE_PARAMETER, 3, 3, id="xxe-parameter-entity"),
        pytest.param(BILLION_LAUGHS, 3, 2, id="billion-laughs"),
        pytest.param(QUADRATIC, 2, 14, id="quadratic-blowup"),
        pytest.param(ENTITY_LOOP, 2, 1, id="entity-loop"),
    ],
)
def test_entity_declarations_are_refused_where_they_stand(
    data: bytes, line: int, column: int
) -> None:
    with pytest.raises(EntitiesForbiddenError) as info:
        parse_xml(data, source="evil.xml")
    error = info.value
    assert (error.source, error.line, error.column) == ("evil.xml", line, column)
    assert "declares entities" in error.message
    assert "remove the DOCTYPE" in error.message
    _assert_clean(error)


def test_entity_declarations_in_utf16_are_refused_too() -> None:
    data = "\ufeff" + XXE_FILE.decode().replace("1.0", '1.0" encoding="UTF-16')
    with pytest.raises(EntitiesForbiddenError) as info:
        parse_xml(data.encode("utf-16-le"), source="u16.xml")
    assert (info.value.line, info.value.column) == (3, 3)
    _assert_clean(info.value)


def test_a_doctype_after_a_long_comment_is_still_seen() -> None:
    data = b"<!--" + b"x" * 200_000 + b"-->\n" + ENTITY_LOOP
    with pytest.raises(EntitiesForbiddenError) as info:
        parse_xml(data)
    assert info.value.line == 3


def test_libxml2_amplification_guard_maps_to_entities_forbidden() -> None:
    """Behind the prolog scan, libxml2's own guard is mapped too (checked on the raw mapping)."""
    from pressrelease._xml import _error_from_libxml2

    error = _error_from_libxml2(
        "Maximum entity amplification factor exceeded, see xmlCtxtSetMaxAmplification.\n",
        "ERR_RESOURCE_LIMIT",
        3,
        10,
        "a.xml",
    )
    assert isinstance(error, EntitiesForbiddenError)
    assert (error.line, error.column) == (3, 10)
    loop = _error_from_libxml2("Detected an entity reference loop", "ERR_ENTITY_LOOP", 1, 4, None)
    assert isinstance(loop, EntitiesForbiddenError)


def test_xinclude_is_refused() -> None:
    with pytest.raises(ExternalReferenceForbiddenError) as info:
        parse_xml(XINCLUDE, source="xi.xml")
    assert (info.value.source, info.value.line) == ("xi.xml", 4)
    assert "XInclude element <include>" in info.value.message
    _assert_clean(info.value)


def test_external_dtd_is_refused() -> None:
    with pytest.raises(DTDForbiddenError) as info:
        parse_xml(EXTERNAL_DTD, source="dtd.xml")
    assert (info.value.line, info.value.column) == (2, 1)
    assert "external DTD" in info.value.message
    _assert_clean(info.value)


def test_external_dtd_may_be_allowed_but_is_never_loaded() -> None:
    root = parse_xml(EXTERNAL_DTD, allow_external_dtd=True)
    assert root.tag == "r"
    assert SECRET not in etree.tostring(root.getroottree()).decode()


def test_an_internal_subset_without_entities_is_refused() -> None:
    data = b'<!DOCTYPE r [<!ATTLIST r a CDATA "injected">]><r/>'
    with pytest.raises(DTDForbiddenError) as info:
        parse_xml(data)
    assert (info.value.line, info.value.column) == (1, 1)
    assert "internal subset" in info.value.message


def test_a_bare_doctype_is_harmless_and_accepted() -> None:
    assert parse_xml(b"<!DOCTYPE r>\n<r>x</r>").text == "x"


def test_deep_nesting_hits_libxml2_limit() -> None:
    data = b"<a>" * 100_000 + b"</a>" * 100_000
    with pytest.raises(LimitExceededError) as info:
        parse_xml(data, source="deep.xml")
    assert info.value.line == 1
    assert info.value.column is not None
    assert "nest deeper than 256" in info.value.message


def test_depth_limit_lower_than_libxml2s_is_enforced() -> None:
    data = b"<a>\n" * 11 + b"</a>" * 11
    assert parse_xml(data, limits=Limits(max_xml_depth=11)).tag == "a"
    with pytest.raises(LimitExceededError) as info:
        parse_xml(data, limits=Limits(max_xml_depth=10))
    assert info.value.line == 11
    assert "max_xml_depth=10" in info.value.message


def test_truncated_document() -> None:
    with pytest.raises(ParseError) as info:
        parse_xml(b"<r>\n  <p>text", source="cut.xml")
    assert (info.value.line, info.value.column) == (2, 10)
    assert "Premature end of data" in info.value.message


def test_two_roots() -> None:
    with pytest.raises(ParseError) as info:
        parse_xml(b"<r/>\n<r/>", source="two.xml")
    assert (info.value.line, info.value.column) == (2, 1)
    assert "Extra content at the end of the document" in info.value.message


def test_gzip_is_refused_not_inflated() -> None:
    with pytest.raises(ParseError) as info:
        parse_xml(gzip.compress(b"<r>" + b"x" * 100_000 + b"</r>"), source="r.xml.gz")
    assert "gzip-compressed; decompress it first" in info.value.message
    assert (info.value.line, info.value.column) == (1, 1)


def test_utf16_with_bom_is_accepted() -> None:
    data = '<?xml version="1.0" encoding="UTF-16"?><r>Café 𝄞</r>'.encode("utf-16")
    assert data.startswith((b"\xff\xfe", b"\xfe\xff"))
    assert parse_xml(data).text == "Café 𝄞"


def test_nul_bytes_are_refused() -> None:
    with pytest.raises(ParseError) as info:
        parse_xml(b"<r>\nab\x00c</r>", source="nul.xml")
    assert (info.value.line, info.value.column) == (2, 3)
    assert "0x0" in info.value.message


def test_undefined_entity_is_explained() -> None:
    with pytest.raises(ParseError) as info:
        parse_xml(b"<r>Caf&eacute;</r>")
    assert "undefined entity '&eacute;'" in info.value.message
    assert (info.value.line, info.value.column) == (1, 7)  # the "&"


def test_errors_come_from_this_parse_not_an_earlier_one() -> None:
    with pytest.raises(ParseError):
        parse_xml(b"<a><b></a>")
    with pytest.raises(ParseError) as info:
        parse_xml(b"<r>\n\n<x></y></r>")
    assert info.value.line == 3
    assert "mismatch" in info.value.message


def test_size_limit_and_str_input() -> None:
    with pytest.raises(LimitExceededError):
        parse_xml(b"<r>" + b"x" * 100 + b"</r>", limits=Limits(max_document_bytes=50))
    with pytest.raises(ParseError, match="bytes, not str"):
        parse_xml('<?xml version="1.0"?><r/>')  # type: ignore[arg-type]


# --- streaming -----------------------------------------------------------------------------


def _items(data: bytes, **kwargs: object) -> list[str]:
    stream = io.BytesIO(data)
    return [
        element.findtext("title") or ""
        for element in iterparse_xml(stream, tags={"item"}, **kwargs)  # type: ignore[arg-type]
    ]


FEED = (
    b'<?xml version="1.0"?>\n<rss><channel><title>Feed</title>'
    + b"".join(b"<item><title>%d</title></item>\n" % n for n in range(1000))
    + b"</channel></rss>"
)


def test_stream_yields_items_in_order_and_clears_them() -> None:
    seen = []
    for element in iterparse_xml(io.BytesIO(FEED), tags={"item"}, chunk_size=100):
        channel = element.getparent()
        assert channel is not None
        assert channel.findtext("title") == "Feed"
        # earlier items were removed: only the channel title, this item and those
        # already built from the same 100-byte chunk remain
        assert len(channel) <= 5
        assert not {child.findtext("title") for child in channel[1:]} & set(seen)
        seen.append(element.findtext("title"))
    assert seen == [str(n) for n in range(1000)]


@pytest.mark.parametrize("chunk_size", [7, 64, 65536])
@pytest.mark.parametrize(
    ("data", "error"),
    [
        pytest.param(XXE_FILE, EntitiesForbiddenError, id="xxe"),
        pytest.param(BILLION_LAUGHS, EntitiesForbiddenError, id="billion-laughs"),
        pytest.param(ENTITY_LOOP, EntitiesForbiddenError, id="loop"),
        pytest.param(EXTERNAL_DTD, DTDForbiddenError, id="external-dtd"),
        pytest.param(XINCLUDE, ExternalReferenceForbiddenError, id="xinclude"),
    ],
)
def test_stream_refuses_what_parse_refuses(
    data: bytes, error: type[PressReleaseError], chunk_size: int
) -> None:
    with pytest.raises(error) as info:
        list(iterparse_xml(io.BytesIO(data), tags={"p"}, chunk_size=chunk_size))
    assert info.value.line is not None
    _assert_clean(info.value)


def test_stream_refuses_entities_before_yielding_anything() -> None:
    data = b"<!--" + b"-" * 10 + b"-->" + ENTITY_LOOP.replace(b"<r>", b"<r><item/>")
    stream = iterparse_xml(io.BytesIO(data), tags={"item"}, chunk_size=16)
    with pytest.raises(EntitiesForbiddenError):
        next(stream)


def test_stream_located_syntax_errors() -> None:
    with pytest.raises(ParseError) as info:
        _items(b"<rss>\n<item><title>1</title></item>\n<item><title>2</tit", chunk_size=10)
    assert info.value.line == 3
    with pytest.raises(ParseError, match="Extra content"):
        _items(b"<rss><item/></rss><rss/>")
    with pytest.raises(ParseError, match="gzip"):
        _items(gzip.compress(FEED))


def test_stream_depth_and_item_size_limits() -> None:
    with pytest.raises(LimitExceededError, match="max_xml_depth=5"):
        _items(b"<a>" * 6 + b"</a>" * 6, limits=Limits(max_xml_depth=5))
    with pytest.raises(LimitExceededError, match="nest deeper than 256"):
        _items(b"<a>" * 1000 + b"</a>" * 1000)
    big = b"<rss><item><title>" + b"x" * 5000 + b"</title></item></rss>"
    limits = Limits(max_feed_item_bytes=1000)
    with pytest.raises(LimitExceededError, match="<item> is larger than max_feed_item_bytes"):
        _items(big, limits=limits, chunk_size=100)
    # many small items are fine under the same limit: the limit is per item
    assert len(_items(FEED, limits=Limits(max_feed_item_bytes=2000), chunk_size=100)) == 1000


def test_stream_bounds_content_kept_outside_items() -> None:
    junk = b"<rss>" + b"<junk>xxxxxxxxxx</junk>" * 1000 + b"<item/></rss>"
    with pytest.raises(LimitExceededError, match="outside the items"):
        _items(junk, limits=Limits(max_feed_item_bytes=10_000))


def test_stream_utf16() -> None:
    data = '<?xml version="1.0" encoding="UTF-16"?><rss><item><title>é</title></item></rss>'
    assert _items(data.encode("utf-16"), chunk_size=5) == ["é"]


_HEAD = b'<?xml version="1.0"?>\n<rss>\n<item><title>1</title></item>\n'


@pytest.mark.parametrize("chunk_size", [1, 7, 64, 65536])
@pytest.mark.parametrize(
    ("data", "error", "line", "column"),
    [
        # libxml2 stops the document at an undefined entity and lxml does not raise:
        # the error used to say line 0 (or line 1, from the next feed).
        pytest.param(
            _HEAD + b"<item><title>Caf&eacute;</title></item>\n</rss>",
            ParseError,
            4,
            17,
            id="undefined-entity",
        ),
        pytest.param(_HEAD + b"<item><title>2</tit", ParseError, 4, 20, id="truncated"),
        pytest.param(_HEAD + b"</rss>\n<rss/>", ParseError, 5, 1, id="two-roots"),
        pytest.param(
            _HEAD + b"<item><title>\xff</title></item>\n</rss>", DecodeError, 4, 14, id="bad-bytes"
        ),
        pytest.param(
            b'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "rss.dtd">\n<rss/>',
            DTDForbiddenError,
            2,
            1,
            id="dtd",
        ),
        pytest.param(
            _HEAD + b"<item><dc:creator>x</dc:creator></item>\n</rss>",
            ParseError,
            4,
            None,
            id="undeclared-prefix",
        ),
        pytest.param(
            _HEAD + b"<item><title>x</titel></item>\n</rss>", ParseError, 4, None, id="mismatch"
        ),
    ],
)
def test_stream_errors_carry_the_real_line(
    data: bytes, error: type[PressReleaseError], line: int, column: int | None, chunk_size: int
) -> None:
    """Every way a streamed document can break is reported where it breaks, whatever the feeds."""
    with pytest.raises(error) as info:
        _items(data, chunk_size=chunk_size, source="feed.rss")
    assert info.value.source == "feed.rss"
    assert info.value.line == line, info.value
    if column is not None:
        assert info.value.column == column, info.value


def test_stream_undefined_entity_after_many_items_is_not_a_new_document() -> None:
    """After the stop, lxml would start a new document with the next feed ("line 1")."""
    data = FEED.replace(b"<title>500</title>", b"<title>&nbsp;500</title>")
    assert data != FEED
    with pytest.raises(ParseError, match="undefined entity '&nbsp;'") as info:
        _items(data, chunk_size=100)
    # FEED: the declaration, then the channel and item 0 on line 2, item n on line n + 2
    assert (info.value.line, info.value.column) == (502, len("<item><title>") + 1)


def test_stream_errors_come_from_this_stream_not_an_earlier_parse() -> None:
    with pytest.raises(ParseError):
        parse_xml(b"<r>\n\n\n&a;</r>")
    with pytest.raises(ParseError) as info:
        _items(b"<rss>\n<item>&b;</item></rss>")
    assert (info.value.line, info.value.column) == (2, 7)
    assert "'&b;'" in info.value.message


@settings(max_examples=60)
@given(
    limit=st.integers(min_value=400, max_value=6000),
    text=st.integers(min_value=0, max_value=12_000),
    before=st.integers(min_value=0, max_value=3),
    chunk_size=st.sampled_from([7, 100, 4096, 65536]),
)
def test_stream_item_bytes_are_counted_inside_one_read(
    limit: int, text: int, before: int, chunk_size: int
) -> None:
    """An item is measured by its own bytes, not by the reads it arrived in.

    The documented slack: two feeds (a 32nd of the limit each, 64 bytes at
    least, at most ``chunk_size``) and the item's start tag.
    """
    start_tag = b'<item n="x">'
    item = start_tag + b"<title>" + b"x" * text + b"</title></item>"
    data = (
        b"<rss><channel><title>F</title>\n" + b"<item/>\n" * before + item + b"\n</channel></rss>"
    )
    limits = Limits(max_feed_item_bytes=limit)
    slack = 2 * min(chunk_size, max(limit // 32, 64)) + len(start_tag)
    if len(item) <= limit:
        assert len(_items(data, limits=limits, chunk_size=chunk_size)) == before + 1
    elif len(item) > limit + slack:
        with pytest.raises(LimitExceededError, match=f"max_feed_item_bytes={limit}") as info:
            _items(data, limits=limits, chunk_size=chunk_size)
        assert info.value.line == before + 2
        assert "--max-feed-item-bytes" in info.value.message


def test_stream_item_just_over_the_limit_in_a_small_document() -> None:
    item = b"<item><title>" + b"x" * 2000 + b"</title></item>"
    data = b"<rss>" + item + b"</rss>"
    assert _items(data, limits=Limits(max_feed_item_bytes=len(item))) == ["x" * 2000]
    with pytest.raises(LimitExceededError, match="<item> is larger than max_feed_item_bytes=1900"):
        _items(data, limits=Limits(max_feed_item_bytes=1900))


def test_stream_refuses_a_long_stretch_without_a_tag_outside_items() -> None:
    limits = Limits(max_feed_item_bytes=1000)
    comment = b"<rss>\n<item/>\n<!--" + b"c" * 2000 + b"-->\n<item/></rss>"
    with pytest.raises(LimitExceededError, match="without a complete tag") as info:
        _items(comment, limits=limits)
    assert info.value.line == 2
    start_tag = b'<rss>\n<item/>\n<item title="' + b"t" * 2000 + b'"/></rss>'
    with pytest.raises(LimitExceededError, match="max_feed_item_bytes=1000"):
        _items(start_tag, limits=limits)
    assert len(_items(comment.replace(b"c" * 2000, b"c" * 900), limits=limits)) == 2


def test_stream_drops_comments_between_items() -> None:
    """Comments and PIs make no event; kept between items, they would grow the tree unbounded."""
    data = (
        b"<rss><channel><title>F</title>"
        + b"<!-- before the items -->\n" * 2000
        + b"<item><title>x<!-- inside -->y</title></item><!-- c --><?pi x?>\n" * 2000
        + b"</channel></rss>"
    )
    widths = []
    for element in iterparse_xml(io.BytesIO(data), tags={"item"}, chunk_size=512):
        channel = element.getparent()
        assert channel is not None
        widths.append(len(channel))
        assert element.findtext("title") == "xy"
    assert len(widths) == 2000
    assert max(widths) < 50


# --- schemas -------------------------------------------------------------------------------


def test_load_schema_resolves_only_beside_the_schema(tmp_path: Path) -> None:
    (tmp_path / "part.xsd").write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:part">'
        '<xs:element name="p" type="xs:string"/></xs:schema>'
    )
    good = tmp_path / "good.xsd"
    good.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        '<xs:import namespace="urn:part" schemaLocation="part.xsd"/>'
        '<xs:element name="r" type="xs:string"/></xs:schema>'
    )
    schema = load_schema(good)
    assert schema.validate(etree.fromstring(b"<r>x</r>"))
    evil = tmp_path / "evil.xsd"
    evil.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        '<xs:import namespace="urn:x" schemaLocation="file:///etc/passwd"/>'
        '<xs:element name="r"/></xs:schema>'
    )
    with pytest.raises(ParseError) as info:
        load_schema(evil)
    _assert_clean(info.value)
    remote = tmp_path / "remote.xsd"
    remote.write_text(evil.read_text().replace("file:///etc/passwd", "http://127.0.0.1:9/x.xsd"))
    with pytest.raises(ParseError):
        load_schema(remote)


# --- bounded memory ---------------------------------------------------------------------------

_STREAM_SCRIPT = """
import io, resource, sys
from pressrelease._xml import iterparse_xml

ITEM = b"<item><title>" + b"x" * 900 + b"</title><d>" + b"y" * 100 + b"</d></item>\\n"
COUNT = int(sys.argv[1])

class Feed(io.RawIOBase):
    # a 'file' that makes up a long feed as it is read, never holding it whole
    def __init__(self):
        self.parts = iter([b"<rss><channel><title>F</title>", *([ITEM] * COUNT), b"</channel></rss>"])
        self.buffer = b""
    def readable(self):
        return True
    def read(self, size=-1):
        while len(self.buffer) < size:
            part = next(self.parts, None)
            if part is None:
                break
            self.buffer += part
        out, self.buffer = self.buffer[:size], self.buffer[size:]
        return out

before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
seen = sum(1 for _ in iterparse_xml(Feed(), tags={"item"}))
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(seen, after - before)
"""


@pytest.mark.slow
def test_stream_memory_stays_bounded_on_a_long_feed() -> None:
    """About 100 MB of feed read in a subprocess: peak RSS grows by far less than that."""
    import subprocess
    import sys

    count = 100_000
    result = subprocess.run(
        [sys.executable, "-c", _STREAM_SCRIPT, str(count)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    seen, growth_kib = map(int, result.stdout.split())
    assert seen == count
    assert growth_kib < 40 * 1024, f"peak RSS grew by {growth_kib} KiB"
