"""The exceptions pressrelease raises, and where in a document they point.

Every error the library raises is a :class:`PressReleaseError`. The root is
abstract: code raises one of its concrete subclasses, and callers catch the
root (or a subclass) to handle any problem with a document::

    >>> from pressrelease.errors import ParseError
    >>> err = ParseError("expected a date after the place", source="a.txt", line=3, column=11)
    >>> str(err)
    'a.txt:3:11: expected a date after the place'
    >>> err.line, err.column
    (3, 11)

An error may gather several problems found in the same document; ``str()``
then renders one line each, and :attr:`PressReleaseError.problems` lists them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Self

__all__ = [
    "DTDForbiddenError",
    "DecodeError",
    "EntitiesForbiddenError",
    "ExternalReferenceForbiddenError",
    "LimitExceededError",
    "ParseError",
    "PressReleaseError",
    "SerializationError",
    "UnsafeInputError",
    "ValidationError",
]


class PressReleaseError(Exception):
    """Root of every error pressrelease raises. Abstract: raise a subclass.

    Attributes:
        message: the plain explanation, without the location.
        source: the name of the input (a file name, ``<stdin>``), if known.
        line: 1-based line of the problem, if known.
        column: 1-based column of the problem, if known.
        path: where in the record or document the problem sits, as a JSON
            path (``$.signatories[1].name``) or an element path
            (``/html/body/main/h1``), if known.

    :attr:`problems` lists every problem when the error gathers several.
    """

    message: str
    source: str | None
    line: int | None
    column: int | None
    path: str | None

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
        problems: Sequence[PressReleaseError] = (),
    ) -> None:
        if type(self) is PressReleaseError:
            raise TypeError("PressReleaseError is abstract; raise one of its subclasses")
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.path = path
        self._problems = tuple(problems)

    @property
    def problems(self) -> tuple[PressReleaseError, ...]:
        """Every problem this error stands for (itself when there is one)."""
        return self._problems or (self,)

    @property
    def location(self) -> str:
        """``source:line:column`` with the parts that are known, or ``''``."""
        parts = [self.source or "<input>"] if (self.source or self.line) else []
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def _one_line(self) -> str:
        head = self.location
        text = f"{self.path}: {self.message}" if self.path else self.message
        return f"{head}: {text}" if head else text

    def __str__(self) -> str:
        if not self._problems:
            return self._one_line()
        return "\n".join(problem._one_line() for problem in self._problems)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.message!r}, source={self.source!r}, "
            f"line={self.line!r}, column={self.column!r}, path={self.path!r})"
        )

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross process boundaries (the CLI's worker pool); keep every attribute.
        return (_rebuild, (type(self), self.message, self.__dict__.copy()))

    @classmethod
    def gather(
        cls,
        problems: Iterable[PressReleaseError],
        *,
        source: str | None = None,
    ) -> Self:
        """One error standing for several problems found in the same document.

        The first problem gives the error its location; the message counts them.

        >>> a = ParseError("bad date", line=2, column=1)
        >>> b = ParseError("unknown key 'x'", path="$.x")
        >>> err = ParseError.gather([a, b], source="r.json")
        >>> print(err)
        r.json:2:1: bad date
        r.json: $.x: unknown key 'x'
        """
        items = [p for problem in problems for p in problem.problems]
        if not items:
            raise ValueError("gather() needs at least one problem")
        for item in items:
            if item.source is None:
                item.source = source
        first = items[0]
        message = (
            first.message if len(items) == 1 else f"{len(items)} problems, first: {first.message}"
        )
        return cls(
            message,
            source=source if source is not None else first.source,
            line=first.line,
            column=first.column,
            path=first.path,
            problems=items if len(items) > 1 else (),
        )


def _rebuild(
    cls: type[PressReleaseError], message: str, state: dict[str, object]
) -> PressReleaseError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class ParseError(PressReleaseError, ValueError):
    """The input is not a well-formed document of the expected kind."""


class DecodeError(ParseError):
    """The bytes are not valid in the encoding they declare (or UTF-8 when they declare none)."""


class UnsafeInputError(ParseError):
    """The input asks for something we never do: expand entities, load a DTD, fetch a resource."""


class DTDForbiddenError(UnsafeInputError):
    """An XML document carries a DOCTYPE with an internal subset or an external DTD."""


class EntitiesForbiddenError(UnsafeInputError):
    """An XML document declares entities (the root of billion-laughs and XXE attacks)."""


class ExternalReferenceForbiddenError(UnsafeInputError):
    """A document refers to an external resource (XInclude, external entity, stylesheet)."""


class LimitExceededError(PressReleaseError):
    """The input is larger, deeper or longer than a :class:`~pressrelease.Limits` allows."""


class ValidationError(PressReleaseError, ValueError):
    """A record, or a value given to build one, breaks a rule of the record model."""


class SerializationError(PressReleaseError):
    """A record cannot be written in the requested format."""
