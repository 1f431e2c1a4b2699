"""The published schemas of pressrelease JSON and XML, shipped with the package.

>>> json_schema()["$id"]
'urn:pressrelease:json-schema:1.0'
>>> xml_schema().validate(etree.fromstring(
...     b'<press_release xmlns="urn:pressrelease:1" version="1.0"><title>T</title></press_release>'))
True
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any, Final

from lxml import etree

from pressrelease._xml import load_schema

__all__ = ["SCHEMA_FILES", "json_schema", "schema_text", "xml_schema"]

#: Schema kind -> file name in the package's ``schemas`` folder.
SCHEMA_FILES: Final = {"json": "pressrelease.schema.json", "xsd": "pressrelease.xsd"}


def schema_text(kind: str) -> str:
    """The text of the ``json`` or ``xsd`` schema, as shipped."""
    try:
        name = SCHEMA_FILES[kind]
    except KeyError:
        raise ValueError(f"no schema {kind!r}; choose one of {', '.join(SCHEMA_FILES)}") from None
    return (resources.files("pressrelease") / "schemas" / name).read_text(encoding="utf-8")


@functools.cache
def json_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of pressrelease JSON, parsed."""
    schema: dict[str, Any] = json.loads(schema_text("json"))
    return schema


@functools.cache
def xml_schema() -> etree.XMLSchema:
    """The XSD of pressrelease XML, compiled (imports resolve only beside it)."""
    with resources.as_file(
        resources.files("pressrelease") / "schemas" / SCHEMA_FILES["xsd"]
    ) as path:
        return load_schema(path)
