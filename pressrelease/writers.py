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
        lossy: JSON paths of what the format could not carry, or carried
            only in an extension element; sorted, each once; empty when
            nothing was lost. Paths are indexed, naming the record field
            (``$.place``), the member of a sequence the format drops whole
            (``$.signatories[0]``), or the attribute of a member it keeps only
            in part (``$.signatories[0].role``, ``$.body[2].links``); a
            sequence whose length itself is not kept is named alone
            (``$.notes``). Records are not told apart: ``$.place`` means the
            place of at least one record.
    """

    format: str
    records: int
    lossy: tuple[str, ...] = attrs.field(default=(), converter=_paths)

    @property
    def lossless(self) -> bool:
        """True when every field of every record was written."""
        return not self.lossy
