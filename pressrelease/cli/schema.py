"""``pressrelease schema json|xsd``: print a published schema."""

from __future__ import annotations

import argparse
import sys

from pressrelease.serialize.schemas import SCHEMA_FILES, schema_text

__all__ = ["add_arguments", "execute"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the schema kind argument."""
    parser.add_argument(
        "kind",
        choices=sorted(SCHEMA_FILES),
        help="json: the JSON Schema (2020-12) of pressrelease JSON; xsd: the XSD of its XML",
    )


def execute(args: argparse.Namespace) -> int:
    """Print the schema on standard output, exactly as shipped; exit 0."""
    text = schema_text(args.kind)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
