"""Command-line flags for :class:`~pressrelease.limits.Limits`, shared by the commands that read.

Each field of ``Limits`` gets a flag of the same name (``--max-document-bytes``
and so on); sizes in bytes accept ``K``, ``M`` and ``G`` suffixes (powers of
1024). A value left out keeps the library's default.

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> add_limit_arguments(parser)
>>> limits_from_args(parser.parse_args(["--max-document-bytes", "2M", "--max-json-depth", "16"]))
Limits(max_document_bytes=2097152, max_xml_depth=256, max_json_depth=16, max_feed_item_bytes=10485760, max_id_length=64, max_field_chars=1048576, max_items=100000)
"""

from __future__ import annotations

import argparse
import re

import attrs

from pressrelease.limits import DEFAULT_LIMITS, Limits

__all__ = ["add_limit_arguments", "limits_from_args"]

_SIZE = re.compile(r"(\d+)\s*([KMG]?)(?:I?B)?", re.IGNORECASE)
_FACTORS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def _size(text: str) -> int:
    found = _SIZE.fullmatch(text.strip())
    if not found or int(found.group(1)) < 1:
        raise argparse.ArgumentTypeError(
            f"expected a positive number of bytes such as 10485760 or 10M (got {text!r})"
        )
    return int(found.group(1)) * _FACTORS[found.group(2).upper()]


def _count(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number (got {text!r})")
    return int(text)


def add_limit_arguments(parser: argparse.ArgumentParser) -> None:
    """Add one ``--max-...`` flag per :class:`Limits` field to ``parser``."""
    group = parser.add_argument_group("limits (defaults in parentheses)")
    for field in attrs.fields(Limits):
        default = getattr(DEFAULT_LIMITS, field.name)
        group.add_argument(
            "--" + field.name.replace("_", "-"),
            dest=field.name,
            type=_size if field.name.endswith("_bytes") else _count,
            default=None,
            metavar="N",
            help=f"({default})",
        )


def limits_from_args(args: argparse.Namespace) -> Limits:
    """The :class:`Limits` the flags ask for, defaults elsewhere."""
    changes = {
        field.name: getattr(args, field.name)
        for field in attrs.fields(Limits)
        if getattr(args, field.name, None) is not None
    }
    return attrs.evolve(DEFAULT_LIMITS, **changes) if changes else DEFAULT_LIMITS
