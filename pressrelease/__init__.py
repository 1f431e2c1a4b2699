"""pressrelease: parse, validate and convert official press releases.

The public API is imported lazily on first use, so ``import pressrelease`` and
the command line start fast; everything listed in ``__all__`` is public, every
other module is private.

>>> import pressrelease
>>> pressrelease.PressRelease(title="A title").title
'A title'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pressrelease.errors import (
        DecodeError,
        DTDForbiddenError,
        EntitiesForbiddenError,
        ExternalReferenceForbiddenError,
        LimitExceededError,
        ParseError,
        PressReleaseError,
        SerializationError,
        UnsafeInputError,
        ValidationError,
    )
    from pressrelease.feeds import read_feed, write_feed
    from pressrelease.limits import DEFAULT_LIMITS, Limits
    from pressrelease.model import (
        Contact,
        Link,
        Location,
        Notice,
        Paragraph,
        ParagraphKind,
        PressRelease,
        Signatory,
        Translation,
    )
    from pressrelease.readers.html import parse_html
    from pressrelease.readers.sniff import parse
    from pressrelease.readers.text import parse_markdown, parse_text
    from pressrelease.serialize.json import (
        from_dict,
        from_json,
        from_json_array,
        iter_jsonl,
        to_dict,
        to_json,
        to_json_array,
        to_jsonl,
    )
    from pressrelease.serialize.xml import from_xml, from_xml_collection, to_xml, to_xml_collection
    from pressrelease.validation import (
        RULES,
        BatchReport,
        Finding,
        Report,
        Severity,
        ValidationConfig,
        validate,
        validate_many,
    )
    from pressrelease.writers import WriteReport

# Public name -> module that defines it. Modules join this table as they land.
_EXPORTS: dict[str, str] = {
    "BatchReport": "pressrelease.validation",
    "Contact": "pressrelease.model",
    "DEFAULT_LIMITS": "pressrelease.limits",
    "DTDForbiddenError": "pressrelease.errors",
    "DecodeError": "pressrelease.errors",
    "EntitiesForbiddenError": "pressrelease.errors",
    "ExternalReferenceForbiddenError": "pressrelease.errors",
    "Finding": "pressrelease.validation",
    "LimitExceededError": "pressrelease.errors",
    "Limits": "pressrelease.limits",
    "Link": "pressrelease.model",
    "Location": "pressrelease.model",
    "Notice": "pressrelease.model",
    "Paragraph": "pressrelease.model",
    "ParagraphKind": "pressrelease.model",
    "ParseError": "pressrelease.errors",
    "PressRelease": "pressrelease.model",
    "PressReleaseError": "pressrelease.errors",
    "RULES": "pressrelease.validation",
    "Report": "pressrelease.validation",
    "SerializationError": "pressrelease.errors",
    "Severity": "pressrelease.validation",
    "Signatory": "pressrelease.model",
    "Translation": "pressrelease.model",
    "read_feed": "pressrelease.feeds",
    "write_feed": "pressrelease.feeds",
    "UnsafeInputError": "pressrelease.errors",
    "ValidationConfig": "pressrelease.validation",
    "ValidationError": "pressrelease.errors",
    "WriteReport": "pressrelease.writers",
    "from_dict": "pressrelease.serialize.json",
    "from_json": "pressrelease.serialize.json",
    "from_json_array": "pressrelease.serialize.json",
    "from_xml": "pressrelease.serialize.xml",
    "from_xml_collection": "pressrelease.serialize.xml",
    "iter_jsonl": "pressrelease.serialize.json",
    "parse": "pressrelease.readers.sniff",
    "parse_html": "pressrelease.readers.html",
    "parse_markdown": "pressrelease.readers.text",
    "parse_text": "pressrelease.readers.text",
    "to_dict": "pressrelease.serialize.json",
    "to_json": "pressrelease.serialize.json",
    "to_json_array": "pressrelease.serialize.json",
    "to_jsonl": "pressrelease.serialize.json",
    "to_xml": "pressrelease.serialize.xml",
    "to_xml_collection": "pressrelease.serialize.xml",
    "validate": "pressrelease.validation",
    "validate_many": "pressrelease.validation",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value: Any = version("pressrelease")
        except PackageNotFoundError:  # running from a source tree that was never installed
            value = "0+unknown"
    elif name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
    else:
        raise AttributeError(f"module 'pressrelease' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
