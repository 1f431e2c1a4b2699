"""pressrelease XML: one record or a collection, lossless both ways.

The XML mirrors the JSON form (``schemas/pressrelease.xsd`` publishes it):
one element per JSON key, in the namespace :data:`NAMESPACE`; an array
becomes a wrapper element holding one element per item (``<signatories>``
holds ``<signatory>`` elements, ``<body>`` holds ``<paragraph>``); a field
that holds its default is left out; the root carries the format version in
its ``version`` attribute. Text sits in elements, never attributes, so that
whitespace survives exactly; a carriage return is written ``&#13;`` (XML
parsers turn a raw one into a line feed).

>>> from datetime import date
>>> from pressrelease.model import PressRelease
>>> record = PressRelease(title=" EU–UN\\r\\n", published=date(2020, 12, 3))
>>> print(to_xml(record).decode())
<?xml version="1.0" encoding="UTF-8"?>
<press_release xmlns="urn:pressrelease:1" version="1.0">
  <title> EU–UN&#13;
</title>
  <published>2020-12-03</published>
</press_release>
<BLANKLINE>
>>> from_xml(to_xml(record)) == record
True

Characters XML 1.0 cannot hold (C0 controls other than tab, line feed and
carriage return; U+FFFE, U+FFFF; lone surrogates) are refused with a
:class:`~pressrelease.errors.SerializationError` naming the field: there is
no lossless way to write them in XML 1.0 (JSON can carry the controls).
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable, Iterator
from typing import IO, Any, Final

import attrs
from lxml import etree

from pressrelease._xml import parse_xml
from pressrelease.errors import (
    LimitExceededError,
    ParseError,
    PressReleaseError,
    SerializationError,
)
from pressrelease.limits import DEFAULT_LIMITS, Limits
from pressrelease.model import PressRelease
from pressrelease.serialize._convert import (
    _VERSION_FORM,
    FORMAT_VERSION,
    RECORD_TYPES,
    check_limits,
    structure,
    unstructure,
)
from pressrelease.writers import WriteReport

__all__ = [
    "COLLECTION_ELEMENT",
    "NAMESPACE",
    "RECORD_ELEMENT",
    "from_xml",
    "from_xml_collection",
    "read_xml",
    "to_xml",
    "to_xml_collection",
    "write_xml",
]

#: The namespace of pressrelease XML; it changes only with the format's major version.
NAMESPACE: Final = "urn:pressrelease:1"
#: The element of one record.
RECORD_ELEMENT: Final = "press_release"
#: The element of a collection of records.
COLLECTION_ELEMENT: Final = "press_releases"

_NS: Final = f"{{{NAMESPACE}}}"
_XSI: Final = "{http://www.w3.org/2001/XMLSchema-instance}"
_ROOT_ATTRIBUTES: Final = frozenset(
    {"version", f"{_XSI}schemaLocation", f"{_XSI}noNamespaceSchemaLocation"}
)
_DECLARATION: Final = '<?xml version="1.0" encoding="UTF-8"?>\n'
_INDENT: Final = "  "

#: Array key -> the element name of one item.
ITEM_ELEMENTS: Final[dict[str, str]] = {
    "signatories": "signatory",
    "participants": "participant",
    "body": "paragraph",
    "translations": "translation",
    "related": "link",
    "contacts": "contact",
    "notes": "note",
    "links": "link",
}

_NOT_XML: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DIGITS: Final = re.compile(r"[0-9]+")
_PATH_STEP: Final = re.compile(r"\.([A-Za-z_]+)|\[([0-9]+)\]")


# ---------------------------------------------------------------------------
# What each record's elements hold, derived from the model once


@attrs.frozen
class _Field:
    kind: str  # "text", "int", "records", "texts"
    item: type | None = None


def _fields_of(cls: type) -> dict[str, _Field]:
    hints = typing.get_type_hints(cls)
    result: dict[str, _Field] = {}
    for field in attrs.fields(cls):
        if field.name in ("locations", "notices", "location"):
            continue
        hint = hints[field.name]
        if typing.get_origin(hint) is tuple:
            item = typing.get_args(hint)[0]
            result[field.name] = _Field("texts") if item is str else _Field("records", item)
        elif hint == int | None:
            result[field.name] = _Field("int")
        else:
            result[field.name] = _Field("text")
    return result


_FIELDS: Final[dict[type, dict[str, _Field]]] = {cls: _fields_of(cls) for cls in RECORD_TYPES}


# ---------------------------------------------------------------------------
# Writing


def _escape(text: str) -> str:
    # chained replace runs in C; str.translate with a dict looks up every character
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def _write_record(data: dict[str, Any], level: int, out: list[str]) -> None:
    pad = _INDENT * level
    for key, value in data.items():
        if isinstance(value, list):
            item_name = ITEM_ELEMENTS[key]
            out.append(f"{pad}<{key}>\n")
            for item in value:
                if isinstance(item, dict):
                    out.append(f"{pad}{_INDENT}<{item_name}>\n")
                    _write_record(item, level + 2, out)
                    out.append(f"{pad}{_INDENT}</{item_name}>\n")
                else:
                    out.append(f"{pad}{_INDENT}<{item_name}>{_escape(item)}</{item_name}>\n")
            out.append(f"{pad}</{key}>\n")
        else:
            text = value if isinstance(value, str) else str(value)
            out.append(f"{pad}<{key}>{_escape(text)}</{key}>\n")


def _record_text(record: PressRelease, level: int) -> list[str]:
    data = unstructure(record)
    del data["pressrelease"]
    out: list[str] = []
    _write_record(data, level, out)
    return out


def _check_characters(text: str, record: PressRelease) -> None:
    bad = _NOT_XML.search(text)
    if bad is None:
        return
    char = bad.group()
    path = _find_path(unstructure(record), char) or "$"
    raise SerializationError(
        f"U+{ord(char):04X} cannot be written in XML 1.0 (it allows no C0 controls but tab, "
        "line feed and carriage return, no U+FFFE/U+FFFF, no lone surrogates); "
        "remove it or write JSON, which can carry it",
        path=path,
    )


def _find_path(value: Any, char: str, path: str = "$") -> str | None:
    if isinstance(value, str):
        return path if char in value else None
    if isinstance(value, dict):
        items: Iterable[tuple[str, Any]] = ((f"{path}.{k}", v) for k, v in value.items())
    elif isinstance(value, list):
        items = ((f"{path}[{i}]", v) for i, v in enumerate(value))
    else:
        return None
    for sub_path, sub in items:
        found = _find_path(sub, char, sub_path)
        if found:
            return found
    return None


def to_xml(record: PressRelease) -> bytes:
    """The record as a UTF-8 XML document (ending in a newline); same record, same bytes.

    Raises:
        SerializationError: a character XML 1.0 cannot hold, or a
            ``published`` offset with seconds.
    """
    lines = _record_text(record, 1)
    text = (
        f'{_DECLARATION}<{RECORD_ELEMENT} xmlns="{NAMESPACE}" version="{FORMAT_VERSION}">\n'
        + "".join(lines)
        + f"</{RECORD_ELEMENT}>\n"
    )
    _check_characters(text, record)
    return text.encode("utf-8")


def to_xml_collection(records: Iterable[PressRelease]) -> bytes:
    """Several records in one ``<press_releases>`` document (each as in :func:`to_xml`)."""
    parts = [
        f'{_DECLARATION}<{COLLECTION_ELEMENT} xmlns="{NAMESPACE}" version="{FORMAT_VERSION}">\n'
    ]
    for record in records:
        text = "".join(
            [
                f"{_INDENT}<{RECORD_ELEMENT}>\n",
                *_record_text(record, 2),
                f"{_INDENT}</{RECORD_ELEMENT}>\n",
            ]
        )
        _check_characters(text, record)
        parts.append(text)
    parts.append(f"</{COLLECTION_ELEMENT}>\n")
    return "".join(parts).encode("utf-8")


# ---------------------------------------------------------------------------
# Reading


class _Reader:
    """Turns a record element into plain data, gathering every problem with its line."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.problems: list[PressReleaseError] = []

    def error(self) -> ParseError:
        """All problems found, in document order, as one error."""
        ordered = sorted(self.problems, key=lambda problem: problem.line or 0)
        return ParseError.gather(ordered, source=self.source)

    def problem(self, message: str, element: etree._Element, path: str) -> None:
        self.problems.append(
            ParseError(message, source=self.source, line=element.sourceline, path=path)
        )

    def name(self, element: etree._Element, path: str) -> str | None:
        """The local name of a pressrelease element, or None (with a problem) for others."""
        tag = element.tag
        if not isinstance(tag, str):  # comments and processing instructions
            return None
        if not tag.startswith(_NS):
            qname = etree.QName(element)
            where = f"namespace {qname.namespace!r}" if qname.namespace else "no namespace"
            self.problem(
                f"element <{qname.localname}> is in {where}; pressrelease XML elements are in "
                f"the namespace {NAMESPACE!r}",
                element,
                path,
            )
            return None
        return tag[len(_NS) :]

    def no_attributes(
        self, element: etree._Element, path: str, allowed: frozenset[str] = frozenset()
    ) -> None:
        for attribute in element.attrib:
            if attribute not in allowed:
                self.problem(
                    f"unexpected attribute {etree.QName(attribute).localname!r} on "
                    f"<{etree.QName(element).localname}>; pressrelease XML has none there",
                    element,
                    path,
                )

    def no_text(self, text: str | None, element: etree._Element, path: str) -> None:
        if text and text.strip():
            shown = text.strip()
            shown = shown if len(shown) <= 30 else shown[:30] + "…"
            self.problem(
                f"text {shown!r} outside any field element; only whitespace may stand "
                "between elements here",
                element,
                path,
            )

    def text(self, element: etree._Element, path: str) -> str | None:
        parts = [element.text or ""]
        ok = True
        for child in element:
            if isinstance(child.tag, str):
                self.problem(
                    f"<{etree.QName(element).localname}> must hold text only, "
                    f"not a <{etree.QName(child).localname}> element",
                    child,
                    path,
                )
                ok = False
            parts.append(child.tail or "")
        self.no_attributes(element, path)
        return "".join(parts) if ok else None

    def record(self, element: etree._Element, cls: type, path: str) -> dict[str, Any]:
        fields = _FIELDS[cls]
        data: dict[str, Any] = {}
        self.no_text(element.text, element, path)
        for child in element:
            self.no_text(child.tail, child, path)
            name = self.name(child, path)
            if name is None:
                continue
            child_path = f"{path}.{name}"
            field = fields.get(name)
            if field is None:
                self.problem(
                    f"unknown element <{name}> in <{etree.QName(element).localname}>; "
                    f"the elements are: {', '.join(fields)}",
                    child,
                    child_path,
                )
                continue
            if name in data:
                self.problem(f"<{name}> appears more than once", child, child_path)
                continue
            value = self.field(child, field, name, child_path)
            if value is not None:
                data[name] = value
        return data

    def field(self, element: etree._Element, field: _Field, name: str, path: str) -> Any:
        if field.kind == "text":
            return self.text(element, path)
        if field.kind == "int":
            text = self.text(element, path)
            if text is None:
                return None
            if not _DIGITS.fullmatch(text):
                self.problem(f"'{name}' must be a whole number (got {text!r})", element, path)
                return None
            return int(text)
        self.no_attributes(element, path)
        self.no_text(element.text, element, path)
        item_name = ITEM_ELEMENTS[name]
        items: list[Any] = []
        for child in element:
            self.no_text(child.tail, child, path)
            child_name = self.name(child, path)
            if child_name is None:
                continue
            item_path = f"{path}[{len(items)}]"
            if child_name != item_name:
                self.problem(
                    f"<{name}> holds <{item_name}> elements, not <{child_name}>", child, item_path
                )
                continue
            if field.kind == "texts":
                items.append(self.text(child, item_path))
            else:
                assert field.item is not None
                self.no_attributes(child, item_path)
                items.append(self.record(child, field.item, item_path))
        return items


def _root(data: bytes, source: str | None, limits: Limits) -> etree._Element:
    return parse_xml(data, source=source, limits=limits)


def _check_root(root: etree._Element, expected: tuple[str, ...], source: str | None) -> str:
    tag = root.tag if isinstance(root.tag, str) else ""
    qname = etree.QName(tag)
    if qname.namespace != NAMESPACE:
        where = f"the namespace {qname.namespace!r}" if qname.namespace else "no namespace"
        raise ParseError(
            f"the root element <{qname.localname}> is in {where}; pressrelease XML is in "
            f'the namespace {NAMESPACE!r} (xmlns="{NAMESPACE}")',
            source=source,
            line=root.sourceline,
        )
    if qname.localname not in expected:
        raise ParseError(
            f"the root element is <{qname.localname}>; expected "
            + " or ".join(f"<{name}>" for name in expected),
            source=source,
            line=root.sourceline,
        )
    version = root.get("version")
    if version is not None:
        if not _VERSION_FORM.fullmatch(version):
            raise ParseError(
                f"version={version!r} is not a format version such as {FORMAT_VERSION!r}",
                source=source,
                line=root.sourceline,
            )
        if version.split(".")[0] != FORMAT_VERSION.split(".")[0]:
            raise ParseError(
                f"the document is in format version {version}, and this pressrelease reads "
                f"{FORMAT_VERSION.split('.')[0]}.x: upgrade pressrelease",
                source=source,
                line=root.sourceline,
            )
    return qname.localname


def _element_at(root: etree._Element, path: str) -> etree._Element:
    """The element a JSON path (``$.signatories[1].name``) points to, for error lines.

    When the path goes further than the document (a missing field), the deepest
    element found stands in.
    """
    element = root
    for key, index in _PATH_STEP.findall(path):
        if key:
            found = element.find(f"{_NS}{key}")
        else:
            children = [c for c in element if isinstance(c.tag, str)]
            position = int(index)
            found = children[position] if position < len(children) else None
        if found is None:
            break
        element = found
    return element


def _structure(
    reader: _Reader, element: etree._Element, path: str, limits: Limits, size: int
) -> PressRelease | None:
    data = reader.record(element, PressRelease, path)
    check_limits(data, limits=limits, size=size, path=path, source=reader.source)
    try:
        return structure(data, path=path, source=reader.source)
    except ParseError as exc:
        for problem in exc.problems:
            relative = problem.path[len(path) :] if problem.path else ""
            problem.line = _element_at(element, "$" + relative).sourceline
            reader.problems.append(problem)
        return None


def from_xml(
    data: bytes, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> PressRelease:
    """Read one record from a ``<press_release>`` document.

    Raises:
        ParseError: not well-formed (truncated, two roots...), the wrong root
            or namespace, unknown elements, or values that do not fit; every
            problem is reported, each with its line and JSON path.
        UnsafeInputError: a DOCTYPE with entities, a DTD, XInclude (see
            :func:`pressrelease._xml.parse_xml`).
        LimitExceededError: larger or deeper than ``limits`` allow.

    >>> from_xml(b'<press_release xmlns="urn:pressrelease:1"><title>T</title><titel/></press_release>')
    Traceback (most recent call last):
    ...
    pressrelease.errors.ParseError: <input>:1: $.titel: unknown element <titel> in <press_release>; the elements are: title, unique_id, subtitle, published, place, category, language, issuer, signatories, participants, body, translations, related, contacts, notes, source_url
    """
    root = _root(data, source, limits)
    name = _check_root(root, (RECORD_ELEMENT,), source)
    assert name == RECORD_ELEMENT
    reader = _Reader(source)
    reader.no_attributes(root, "$", _ROOT_ATTRIBUTES)
    record = _structure(reader, root, "$", limits, len(data))
    if reader.problems or record is None:
        raise reader.error()
    return record


def from_xml_collection(
    data: bytes, *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> list[PressRelease]:
    """Read every record of a ``<press_releases>`` document (problems of all are reported).

    A ``<press_release>`` document is read as a collection of one.
    """
    root = _root(data, source, limits)
    return _records(root, source, limits, len(data))


def _records(
    root: etree._Element, source: str | None, limits: Limits, size: int
) -> list[PressRelease]:
    name = _check_root(root, (RECORD_ELEMENT, COLLECTION_ELEMENT), source)
    reader = _Reader(source)
    reader.no_attributes(root, "$", _ROOT_ATTRIBUTES)
    records: list[PressRelease] = []
    if name == RECORD_ELEMENT:
        record = _structure(reader, root, "$", limits, size)
        if record is not None:
            records.append(record)
    else:
        reader.no_text(root.text, root, "$")
        index = 0
        for child in root:
            reader.no_text(child.tail, child, "$")
            child_name = reader.name(child, f"$[{index}]")
            if child_name is None:
                continue
            if child_name != RECORD_ELEMENT:
                reader.problem(
                    f"<{COLLECTION_ELEMENT}> holds <{RECORD_ELEMENT}> elements, not <{child_name}>",
                    child,
                    f"$[{index}]",
                )
                continue
            if index >= limits.max_items:
                raise LimitExceededError(
                    f"more than max_items={limits.max_items} records in one collection",
                    source=source,
                    line=child.sourceline,
                )
            reader.no_attributes(child, f"$[{index}]")
            record = _structure(reader, child, f"$[{index}]", limits, size)
            if record is not None:
                records.append(record)
            index += 1
    if reader.problems:
        raise reader.error()
    return records


# ---------------------------------------------------------------------------
# Registry functions (see pressrelease.formats)


def read_xml(
    data: bytes | IO[bytes], *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[PressRelease]:
    """Registry reader: a ``<press_release>`` or a ``<press_releases>`` document."""
    if not isinstance(data, bytes | bytearray | memoryview):
        content = data.read(limits.max_document_bytes + 1)
        limits.check_size(len(content), source=source)
        data = content
    content = bytes(data)
    return iter(_records(_root(content, source, limits), source, limits, len(content)))


def write_xml(records: Iterable[PressRelease], out: IO[bytes]) -> WriteReport:
    """Registry writer: one record as ``<press_release>``, any other number as a collection."""
    items = list(records)
    out.write(to_xml(items[0]) if len(items) == 1 else to_xml_collection(items))
    return WriteReport(format="xml", records=len(items))
