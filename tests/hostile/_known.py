"""Known failures: hazards that expose a problem in a reader, each routed to its owner.

Every entry becomes ``pytest.mark.xfail(strict=True)``, so a fix shows up as
an XPASS failure and the entry must then be deleted. Keys are ``(case,
format)`` for the per-case tests (in-process and in the measuring
subprocess), ``(test, format)`` for the limit, CLI and fuzz tests.
"""

from __future__ import annotations

import pytest

FEED_LINE_ZERO = (
    "feeds/_stream.py takes XMLSyntaxError.position, which is (0, 0) for an undefined entity: "
    "the error says line 0 (_xml.py reads parser.error_log)"
)
NO_ID_LIMIT = (
    "the HTML reader does not apply Limits.max_id_length: a 65-character ID is read "
    "(every other reader does)"
)
FEED_ITEM_BYTES = (
    "feeds/_stream.py measures an item's bytes by whole parser reads, so an item over "
    "max_feed_item_bytes in a small document is not caught"
)
NINJS_ITEMS = "feeds/ninjs.py does not apply Limits.max_items to a JSON array of items"
_XML_FEEDS = ("rss", "atom")

CASES: dict[tuple[str, str], str] = {}
_STREAMED_XML = (*_XML_FEEDS, "newsml")  # read through _xml.iterparse_xml
CASES.update({("xml/undefined-entity.xml", fmt): FEED_LINE_ZERO for fmt in _STREAMED_XML})

TESTS: dict[tuple[str, str], str] = {}
TESTS[("test_id_length_at_default", "html")] = NO_ID_LIMIT
TESTS[("test_id_length_at_default", "ninjs")] = (
    "by design: a ninjs uri is a URI, not an issuer's ID, and real ones (IPTC's test suite) "
    "exceed 64 characters, so max_id_length does not apply to it"
)
TESTS.update(
    {("test_item_bytes_and_unlimited_total", fmt): FEED_ITEM_BYTES for fmt in _STREAMED_XML}
)
TESTS[("test_items_in_a_document_read_whole", "ninjs")] = NINJS_ITEMS


def marks(
    key: tuple[str, str], table: dict[tuple[str, str], str] | None = None
) -> list[pytest.MarkDecorator]:
    """The strict xfail mark for ``key`` if it is a known failure, else nothing."""
    reason = (CASES if table is None else table).get(key)
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
