"""YAML front matter (``---`` ... ``---``) read with a loader that refuses what it need not do.

Front matter is data about the release, written by a converter or a person;
nothing in it needs YAML's anchors, aliases or tags, and each of them is a
way to attack a loader (alias bombs, object construction). So the document's
events are checked first and any anchor, alias or explicit tag is refused;
then PyYAML's ``SafeLoader`` builds plain values. Front matter over
:data:`MAX_FRONT_MATTER_CHARS` is refused too.

>>> fm = split_front_matter('---\\ntitle: "A\\\\_b"\\ndate: 2021-10-31\\n---\\nBody\\n')
>>> fm.values["title"], fm.body_line
('A\\xa0b', 5)
>>> split_front_matter("No front matter").values
{}
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs
import yaml

from pressrelease.errors import LimitExceededError, ParseError, UnsafeInputError

__all__ = ["MAX_FRONT_MATTER_CHARS", "FrontMatter", "split_front_matter"]

#: Largest front matter read, in characters (real ones are under 2 000).
MAX_FRONT_MATTER_CHARS = 64 * 1024

_BASE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StringLoader(_BASE):  # type: ignore[valid-type, misc]
    """Safe loading (libyaml's C parser when built with it) where every plain scalar but
    ``null`` stays a string: ``1.10`` is not the number 1.1, ``no`` is not False, and a
    date is text the reader checks itself (PyYAML would raise a bare ValueError on
    ``2020-02-30``)."""


_StringLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LOADER: type[yaml.SafeLoader] = _StringLoader

_OPEN = re.compile(r"\A(?:\ufeff)?---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.MULTILINE)


@attrs.frozen(kw_only=True)
class FrontMatter:
    """Front matter split from a document.

    Attributes:
        values: the top-level mapping (empty when there is no front matter).
        key_lines: the 1-based line of each top-level key.
        body: the text after the closing ``---``.
        body_line: the line the body starts on.
    """

    values: Mapping[str, Any] = attrs.field(factory=dict)
    key_lines: Mapping[str, int] = attrs.field(factory=dict)
    body: str
    body_line: int = 1


def _check_events(text: str, *, source: str | None, first_line: int) -> None:
    # Per open collection: its kind, the keys seen (mappings) and whether a key comes next.
    stack: list[tuple[str, set[str], list[bool]]] = []

    def node_done() -> None:
        if stack and stack[-1][0] == "map":
            stack[-1][2][0] = not stack[-1][2][0]

    try:
        for event in yaml.parse(text, Loader=_LOADER):
            mark = event.start_mark
            line = first_line + mark.line if mark is not None else None
            column = mark.column + 1 if mark is not None else None
            if isinstance(event, yaml.MappingStartEvent):
                stack.append(("map", set(), [True]))
            elif isinstance(event, yaml.SequenceStartEvent):
                stack.append(("seq", set(), [False]))
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                stack.pop()
                node_done()
            elif isinstance(event, yaml.ScalarEvent):
                if stack and stack[-1][0] == "map" and stack[-1][2][0]:
                    key = str(event.value)
                    if key in stack[-1][1]:
                        raise ParseError(
                            f"front matter gives the key {key!r} twice; YAML keeps only the "
                            "last, so say it once",
                            source=source,
                            line=line,
                            column=column,
                        )
                    stack[-1][1].add(key)
                node_done()
            if isinstance(event, yaml.AliasEvent):
                raise UnsafeInputError(
                    f"front matter uses an alias (*{event.anchor}); aliases are not accepted "
                    "(they can multiply a small document into a huge one): write the value out",
                    source=source,
                    line=line,
                    column=column,
                )
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                raise UnsafeInputError(
                    f"front matter defines an anchor (&{anchor}); anchors are not accepted",
                    source=source,
                    line=line,
                    column=column,
                )
            tag = getattr(event, "tag", None)
            if tag is not None and tag != "!":
                raise UnsafeInputError(
                    f"front matter uses the tag {tag!r}; tags are not accepted "
                    "(plain strings, numbers, dates, lists and mappings only)",
                    source=source,
                    line=line,
                    column=column,
                )
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ParseError(
            f"front matter is not valid YAML: {getattr(exc, 'problem', None) or exc}",
            source=source,
            line=first_line + mark.line if mark is not None else first_line,
            column=mark.column + 1 if mark is not None else None,
        ) from exc


def split_front_matter(text: str, *, source: str | None = None) -> FrontMatter:
    """Split YAML front matter from ``text`` and load it safely.

    A document without an opening ``---`` line has no front matter. An
    opening line without a closing one is an error (the body would be lost
    in YAML otherwise).

    Raises:
        ParseError: the YAML is malformed, not a mapping, or not closed.
        UnsafeInputError: it uses anchors, aliases or tags.
        LimitExceededError: it is over :data:`MAX_FRONT_MATTER_CHARS`.
    """
    opening = _OPEN.match(text)
    if not opening:
        return FrontMatter(body=text)
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        raise ParseError(
            "front matter opened with '---' on line 1 is never closed; add a '---' line "
            "after it (or remove the first line if it is not front matter)",
            source=source,
            line=1,
            column=1,
        )
    raw = text[opening.end() : closing.start()]
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        raise LimitExceededError(
            f"front matter is {len(raw)} characters, more than {MAX_FRONT_MATTER_CHARS}; "
            "it is not front matter of a press release",
            source=source,
            line=2,
        )
    _check_events(raw, source=source, first_line=2)
    try:
        values = yaml.load(raw, Loader=_LOADER)  # safe loader; events checked above
    except (yaml.YAMLError, ValueError) as exc:
        raise ParseError(f"front matter is not valid YAML: {exc}", source=source, line=2) from exc
    if values is None:
        values = {}
    if not isinstance(values, dict):
        raise ParseError(
            f"front matter must be a mapping of keys to values (got {type(values).__name__})",
            source=source,
            line=2,
        )
    key_lines = {m.group(1): raw.count("\n", 0, m.start()) + 2 for m in _KEY.finditer(raw)}
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    body_line = text.count("\n", 0, body_start) + 1
    return FrontMatter(
        values={str(k): v for k, v in values.items()},
        key_lines=key_lines,
        body=text[body_start:],
        body_line=body_line,
    )
