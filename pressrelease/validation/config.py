"""How validation is configured: which rules run, how much each matters, what is required.

A :class:`ValidationConfig` is a frozen record. Build it directly, or from the
``[tool.pressrelease]`` table of a ``pyproject.toml`` with
:meth:`ValidationConfig.from_mapping` (the command line finds and reads the
file; the library only takes the parsed table)::

    [tool.pressrelease]
    select = ["PR1", "PR2", "PR3", "PR4", "PR5"]   # code prefixes; default: every rule
    ignore = ["PR402"]
    severity = { PR204 = "error", PR301 = "info" }
    require = ["place", "language"]
    today = 2026-11-29                             # default: today's date in UTC
    oldest-year = 1945                             # earlier dates are implausibly old (PR205)

    [tool.pressrelease.id-patterns]                # extra ID forms per issuer (regexes)
    eeas = ['(?P<yy>\\d{2})(?P<mm>\\d{2})(?P<dd>\\d{2})_[A-Z]{2}']

Keys may be written with ``-`` or ``_``. An unknown key, an unknown code or
an unknown field is an error that names it:

>>> ValidationConfig.from_mapping({"ignore": ["PR402"], "severity": {"PR204": "error"}}).ignore
('PR402',)
>>> ValidationConfig.from_mapping({"ignroe": ["PR402"]})
Traceback (most recent call last):
...
pressrelease.errors.ValidationError: [tool.pressrelease]: unknown key 'ignroe'; known keys: id-patterns, ignore, oldest-year, require, select, severity, today
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any

import attrs

from pressrelease.errors import ValidationError
from pressrelease.validation.catalogue import RULES, matching_codes
from pressrelease.validation.report import Severity

__all__ = ["REQUIRABLE_FIELDS", "LanguageDetector", "ValidationConfig"]

#: A function naming the language a text is written in (a BCP 47 tag) or ``None`` when unsure.
LanguageDetector = Callable[[str], "str | None"]

#: Fields ``require`` may name (every field of a press release but its locations and notices).
REQUIRABLE_FIELDS: tuple[str, ...] = (
    "unique_id",
    "title",
    "subtitle",
    "published",
    "place",
    "category",
    "language",
    "issuer",
    "signatories",
    "participants",
    "body",
    "translations",
    "related",
    "contacts",
    "notes",
    "source_url",
)

_KEYS = ("id-patterns", "ignore", "oldest-year", "require", "select", "severity", "today")


def _codes(attribute_name: str, values: Iterable[str]) -> tuple[str, ...]:
    result = []
    for value in values:
        if not isinstance(value, str):
            raise ValidationError(f"{attribute_name}: a code must be a string (got {value!r})")
        code = value.strip().upper()
        if not matching_codes(code):
            raise ValidationError(
                f"{attribute_name}: unknown rule code {value!r}; "
                "`pressrelease rules` lists them (a prefix like 'PR2' selects a group)"
            )
        result.append(code)
    return tuple(result)


def _convert_select(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else _codes("select", value)


def _convert_ignore(value: Iterable[str]) -> tuple[str, ...]:
    return _codes("ignore", value)


def _convert_severity(value: Mapping[str, Severity | str]) -> Mapping[str, Severity]:
    result: dict[str, Severity] = {}
    for code, level in value.items():
        (known,) = _codes("severity", [code])
        if known not in RULES:
            raise ValidationError(f"severity: {code!r} must be one full rule code, not a prefix")
        try:
            result[known] = level if isinstance(level, Severity) else Severity.parse(str(level))
        except ValueError as exc:
            raise ValidationError(f"severity: {code}: {exc}") from exc
    return result


def _convert_require(value: Iterable[str]) -> tuple[str, ...]:
    result = []
    for field in value:
        if field not in REQUIRABLE_FIELDS:
            raise ValidationError(
                f"require: unknown field {field!r}; fields: {', '.join(REQUIRABLE_FIELDS)}"
            )
        result.append(field)
    return tuple(result)


def _convert_patterns(
    value: Mapping[str, Iterable[str | re.Pattern[str]]],
) -> Mapping[str, tuple[re.Pattern[str], ...]]:
    result: dict[str, tuple[re.Pattern[str], ...]] = {}
    for issuer, patterns in value.items():
        if isinstance(patterns, str):
            raise ValidationError(
                f"id-patterns: {issuer}: give a list of regular expressions (got one string)"
            )
        compiled = []
        for pattern in patterns:
            if isinstance(pattern, re.Pattern):
                compiled.append(pattern)
                continue
            try:
                compiled.append(re.compile(pattern))
            except (re.error, TypeError) as exc:
                raise ValidationError(
                    f"id-patterns: {issuer}: {pattern!r} is not a regular expression: {exc}"
                ) from exc
        result[issuer] = tuple(compiled)
    return result


def _check_year(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
        raise ValidationError(f"oldest-year: must be a year like 1945 (got {value!r})")


def _check_today(instance: object, attribute: attrs.Attribute[date | None], value: object) -> None:
    if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
        raise ValidationError(f"today: must be a date like 2026-11-29 (got {value!r})")


@attrs.frozen(kw_only=True)
class ValidationConfig:
    """Which rules run and how.

    Attributes:
        select: codes or prefixes of the rules to run (``None``: every rule).
        ignore: codes or prefixes of rules not to run; wins over ``select``.
        severity: a severity per full code, replacing the rule's default.
        require: fields every record must have. A missing one is PR406,
            except fields that have their own rule (``unique_id`` PR101,
            ``published`` PR201, ``signatories`` PR301, ``title`` PR401,
            ``body`` PR411), whose rule then counts as an error.
        id_patterns: extra ID forms per issuer key, as regular expressions;
            named groups ``yy``/``yyyy``, ``mm``, ``dd`` say which date an ID encodes.
        today: the day "in the future" is measured from (default: today in UTC).
        oldest_year: a release dated before this year is implausibly old (PR205).
        language_detector: names the language of a text (PR422); default: the
            project's detector, loaded only when a record has a language and text.
    """

    select: tuple[str, ...] | None = attrs.field(default=None, converter=_convert_select)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_convert_ignore)
    severity: Mapping[str, Severity] = attrs.field(factory=dict, converter=_convert_severity)
    require: tuple[str, ...] = attrs.field(default=(), converter=_convert_require)
    id_patterns: Mapping[str, tuple[re.Pattern[str], ...]] = attrs.field(
        factory=dict, converter=_convert_patterns
    )
    today: date | None = attrs.field(default=None, validator=_check_today)
    oldest_year: int = attrs.field(default=1945, validator=_check_year)
    language_detector: LanguageDetector | None = attrs.field(default=None, eq=False, hash=False)

    def __hash__(self) -> int:  # mappings are not hashable; configs are compared, not hashed
        return hash((self.select, self.ignore, self.require, self.today, self.oldest_year))

    def enabled(self, code: str) -> bool:
        """Whether the rule ``code`` runs under this configuration.

        >>> ValidationConfig(select=["PR2"], ignore=["PR204"]).enabled("PR201")
        True
        >>> ValidationConfig(select=["PR2"], ignore=["PR204"]).enabled("PR204")
        False
        """
        if any(code.startswith(prefix) for prefix in self.ignore):
            return False
        return self.select is None or any(code.startswith(prefix) for prefix in self.select)

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The severity ``code`` takes: the override if any, else ``default``."""
        return self.severity.get(code, default)

    @classmethod
    def from_mapping(
        cls, table: Mapping[str, Any], *, where: str = "[tool.pressrelease]"
    ) -> ValidationConfig:
        """Build a configuration from a parsed ``[tool.pressrelease]`` table.

        ``where`` names the table in error messages (a file path helps).
        """
        values: dict[str, Any] = {}
        for raw_key, value in table.items():
            key = str(raw_key).replace("_", "-")
            if key not in _KEYS:
                raise ValidationError(
                    f"{where}: unknown key {raw_key!r}; known keys: {', '.join(_KEYS)}"
                )
            values[key.replace("-", "_")] = value
        try:
            return cls(**_typed(values))
        except ValidationError as exc:
            raise ValidationError(f"{where}: {exc.message}") from exc

    def merged(self, **changes: Any) -> ValidationConfig:
        """A copy with ``changes`` applied (keyword names as the attributes)."""
        return attrs.evolve(self, **changes)


def _typed(values: dict[str, Any]) -> dict[str, Any]:
    """Check the shapes TOML gives before the converters see them."""
    for key in ("select", "ignore", "require"):
        if key in values and (
            isinstance(values[key], str) or not isinstance(values[key], list | tuple)
        ):
            raise ValidationError(f"{key.replace('_', '-')}: give a list (got {values[key]!r})")
    for key in ("severity", "id_patterns"):
        if key in values and not isinstance(values[key], Mapping):
            raise ValidationError(f"{key.replace('_', '-')}: give a table (got {values[key]!r})")
    if isinstance(values.get("today"), str):
        text = values["today"]
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, flags=re.ASCII):
            raise ValidationError(f"today: must be a date like 2026-11-29 (got {text!r})")
        try:
            values["today"] = date.fromisoformat(text)
        except ValueError as exc:
            raise ValidationError(f"today: {text!r} is not a calendar date") from exc
    return values
