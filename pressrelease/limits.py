"""Size limits applied to every input, in one frozen record.

Every reader takes ``limits=`` as a keyword argument; the defaults suit real
press releases with a wide margin. A value past a limit raises
:class:`~pressrelease.errors.LimitExceededError` naming the limit, the value
and how to raise it.

>>> from pressrelease.limits import Limits
>>> Limits().max_document_bytes
10485760
>>> Limits(max_json_depth=16).max_json_depth
16
"""

from __future__ import annotations

import attrs

from pressrelease.errors import LimitExceededError

__all__ = ["DEFAULT_LIMITS", "Limits"]

_MIB = 1024 * 1024


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"'{attribute.name}' must be a positive whole number (got {value!r})")


@attrs.frozen(kw_only=True)
class Limits:
    """How large, deep and long an input may be.

    Attributes:
        max_document_bytes: one document (a page, a text, a JSON or XML record).
        max_xml_depth: element nesting in XML and HTML (libxml2's own ceiling is 256).
        max_json_depth: nesting of JSON arrays and objects.
        max_feed_item_bytes: one item of a feed; a feed itself streams, so its
            total size and item count are not limited.
        max_id_length: characters in a unique ID.
        max_field_chars: characters in any one text field (a title, a paragraph).
        max_items: records in one JSON array or XML collection read whole
            (streamed formats are not limited).
    """

    max_document_bytes: int = attrs.field(default=10 * _MIB, validator=_positive)
    max_xml_depth: int = attrs.field(default=256, validator=_positive)
    max_json_depth: int = attrs.field(default=64, validator=_positive)
    max_feed_item_bytes: int = attrs.field(default=10 * _MIB, validator=_positive)
    max_id_length: int = attrs.field(default=64, validator=_positive)
    max_field_chars: int = attrs.field(default=_MIB, validator=_positive)
    max_items: int = attrs.field(default=100_000, validator=_positive)

    def check_size(self, size: int, *, source: str | None = None, what: str = "document") -> None:
        """Raise :class:`LimitExceededError` if ``size`` bytes exceed ``max_document_bytes``.

        >>> Limits(max_document_bytes=4).check_size(5, source="x.txt")
        Traceback (most recent call last):
        ...
        pressrelease.errors.LimitExceededError: x.txt: document is 5 bytes, more than max_document_bytes=4; raise the limit if the input is genuine
        """
        if size > self.max_document_bytes:
            raise LimitExceededError(
                f"{what} is {size} bytes, more than max_document_bytes="
                f"{self.max_document_bytes}; raise the limit if the input is genuine",
                source=source,
            )


DEFAULT_LIMITS = Limits()
"""The limits used when a caller passes none."""
