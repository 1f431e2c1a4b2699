"""``pressrelease rules``: list every validation rule with its code, default severity and summary."""

from __future__ import annotations

import argparse
import sys

__all__ = ["add_arguments", "execute"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of ``rules``."""
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )


def execute(args: argparse.Namespace) -> int:
    """Print the catalogue; always succeeds."""
    import json

    from pressrelease.validation import RULES

    if args.format == "json":
        listing = [
            {
                "code": rule.code,
                "name": rule.name,
                "severity": rule.severity.value,
                "summary": rule.summary,
                "source": rule.source,
            }
            for rule in RULES.values()
        ]
        sys.stdout.write(json.dumps(listing, indent=2, ensure_ascii=False) + "\n")
        return 0
    width = max(len(rule.name) for rule in RULES.values())
    for rule in RULES.values():
        sys.stdout.write(
            f"{rule.code}  {rule.severity.value:<7}  {rule.name:<{width}}  {rule.summary}\n"
        )
    return 0
