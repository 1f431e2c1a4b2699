"""Entry point of the ``pressrelease`` command.

Subcommands are registered in :data:`COMMANDS` by name and imported only when
chosen, so ``pressrelease --version`` loads nothing heavy.

Exit codes: 0 success, 1 findings or unreadable input, 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

__all__ = ["COMMANDS", "main", "run"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

#: name -> (module, one-line help). Each module has ``add_arguments(parser)``
#: and ``execute(args) -> int``.
COMMANDS: dict[str, tuple[str, str]] = {
    "schema": ("pressrelease.cli.schema", "print the JSON Schema or XSD of pressrelease's formats"),
    "rules": ("pressrelease.cli.rules", "list the validation rules: code, severity, summary"),
    "validate": ("pressrelease.cli.validate", "check press releases against the rules, for CI"),
    "convert": ("pressrelease.cli.convert", "convert documents between formats (feeds, JSON, XML)"),
}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pressrelease")
    except PackageNotFoundError:
        return "0+unknown"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser(selected: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; only the ``selected`` command's module is imported to add its options."""
    parser = _Parser(
        prog="pressrelease",
        description="Parse, validate and convert official press releases.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, summary) in sorted(COMMANDS.items()):
        command = sub.add_parser(name, help=summary, description=summary)
        if name == selected:
            importlib.import_module(module_name).add_arguments(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in ("--version", "-V"):
        print(f"pressrelease {_version()}")
        return EXIT_OK
    selected = next((arg for arg in args_list if not arg.startswith("-")), None)
    parser = build_parser(selected if selected in COMMANDS else None)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse exits on --help and on usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    module = importlib.import_module(COMMANDS[args.command][0])
    try:
        code: int = module.execute(args)
    except KeyboardInterrupt:
        print("pressrelease: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_FAILED
    return code


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
