"""What a writer reports about the records it wrote.

Every writer registered in :mod:`pressrelease.formats` returns a
:class:`WriteReport`, so that the command line can tell a user which fields a
format could not carry (an Atom feed has no place for signatories' roles,
say). pressrelease's own JSON and XML carry everything: their reports list
nothing.

>>> WriteReport(format="json", records=2)
WriteReport(format='json', records=2, lossy=())
"""

from __future__ import annotations

import attrs

__all__ = ["WriteReport"]


def _paths(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError("lossy must be a sequence of field paths, not a string")
    return tuple(sorted(set(value)))  # type: ignore[call-overload]


@attrs.frozen(kw_only=True)
class WriteReport:
    """The outcome of writing records in one format.

    Attributes:
        format: the format's name in :data:`pressrelease.formats.FORMATS`.
        records: how many records were written.
        lossy: field paths (``$.signatories[].role``, ``$.body[].links``) that
            the format could not carry, or carried only in an extension
            element; sorted, each once. Empty when nothing was lost.
    """

    format: str
    records: int
    lossy: tuple[str, ...] = attrs.field(default=(), converter=_paths)

    @property
    def lossless(self) -> bool:
        """True when every field of every record was written."""
        return not self.lossy
