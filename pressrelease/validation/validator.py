"""Running the rules: :func:`validate` for one record, :func:`validate_many` for a batch."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from functools import lru_cache

from pressrelease.model import Location, PressRelease
from pressrelease.validation.catalogue import RULES
from pressrelease.validation.config import ValidationConfig
from pressrelease.validation.report import BatchReport, Finding, Report, Severity
from pressrelease.validation.rules import CHECKS, Check, Context, Hit

__all__ = ["locate", "validate", "validate_many"]

_DEFAULT = ValidationConfig()

#: Fields that have their own "missing" rule; requiring one makes that rule an error.
_MISSING_RULE = {
    "unique_id": "PR101",
    "published": "PR201",
    "signatories": "PR301",
    "title": "PR401",
    "body": "PR411",
}
#: Notices saying a value was there but unusable: they make the "missing" finding redundant.
_SEEN_BUT_UNUSABLE = frozenset({"PR202", "PR605"})
_MEMBER = re.compile(r"\$\.(signatories|participants|body|related)\[(\d+)\](?:\.links\[(\d+)\])?")


def locate(record: PressRelease, path: str) -> Location | None:
    """Where the value at ``path`` came from: the record's locations, then sub-records'.

    Tries the path itself, then each shorter path (``$.signatories[1].name``,
    ``$.signatories[1]``, ``$.signatories``).
    """
    locations = record.locations
    current = path
    while True:
        if locations:
            found = locations.get(current)
            if found is not None:
                return found
        member = _MEMBER.fullmatch(current)
        if member is not None:
            location = _member_location(record, member)
            if location is not None:
                return location
        cut = max(current.rfind("."), current.rfind("["))
        if cut <= 1:
            return locations.get("$") if locations else None
        current = current[:cut]


def _member_location(record: PressRelease, member: re.Match[str]) -> Location | None:
    group, index, link = member.group(1), int(member.group(2)), member.group(3)
    items = getattr(record, group)
    if index >= len(items):
        return None
    item = items[index]
    if link is not None:
        links = getattr(item, "links", ())
        return links[int(link)].location if int(link) < len(links) else None
    location: Location | None = getattr(item, "location", None)
    return location


@lru_cache(maxsize=64)
def _enabled_checks(
    select: tuple[str, ...] | None, ignore: tuple[str, ...]
) -> tuple[tuple[str, Check], ...]:
    config = ValidationConfig(select=select, ignore=ignore)
    return tuple((code, check) for code, check in CHECKS.items() if config.enabled(code))


def _missing(record: PressRelease, field: str) -> bool:
    value = getattr(record, field)
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, tuple) and not value


def _severity(code: str, config: ValidationConfig, required_codes: set[str]) -> Severity:
    override = config.severity.get(code)
    if override is not None:
        return override
    if code in required_codes:
        return Severity.ERROR
    rule = RULES.get(code)
    return rule.severity if rule is not None else Severity.WARNING


def validate(
    record: PressRelease, *, config: ValidationConfig | None = None, today: date | None = None
) -> Report:
    """Check ``record`` against every enabled rule.

    Args:
        record: the press release.
        config: which rules run and how (default: every rule, default severities).
        today: the day "in the future" is measured from; wins over ``config.today``
            (default: today's date in UTC).

    Returns:
        A :class:`Report` of the findings, in rule-code order. The reader's
        notices are findings too, with their own codes.

    >>> from datetime import date
    >>> from pressrelease.model import PressRelease
    >>> report = validate(PressRelease(title="EU-UN dialogue", published=date(2020, 12, 3)))
    >>> report.ok
    False
    >>> [(f.code, f.severity.value) for f in report.findings]
    [('PR101', 'error'), ('PR301', 'warning'), ('PR411', 'error')]
    """
    config = config or _DEFAULT
    day = today or config.today or datetime.now(UTC).date()
    context = Context(config=config, today=day)
    required_codes = {_MISSING_RULE[f] for f in config.require if f in _MISSING_RULE}
    findings: list[Finding] = []
    noticed: set[tuple[str, str]] = set()
    unusable: set[str] = set()
    for notice in record.notices:
        if notice.code in _SEEN_BUT_UNUSABLE:
            unusable.add(notice.path)
        if not config.enabled(notice.code) or (notice.code, notice.path) in noticed:
            continue
        noticed.add((notice.code, notice.path))
        findings.append(
            Finding(
                code=notice.code,
                severity=_severity(notice.code, config, required_codes),
                path=notice.path,
                message=notice.message,
                location=notice.location or locate(record, notice.path),
            )
        )
    hits: list[tuple[str, Hit]] = []
    for code, check in _enabled_checks(config.select, config.ignore):
        hits.extend((code, hit) for hit in check(record, context))
    if config.enabled("PR406"):
        for field in config.require:
            if field not in _MISSING_RULE and _missing(record, field):
                hits.append(
                    ("PR406", Hit(f"$.{field}", f"the required field {field!r} is missing"))
                )
    for code, hit in hits:
        if (code, hit.path) in noticed:
            continue  # the reader said it already, with a better location
        if hit.path in unusable and code in ("PR101", "PR201", "PR401", "PR406"):
            continue  # a value was there but unusable; its notice says why
        findings.append(
            Finding(
                code=code,
                severity=_severity(code, config, required_codes),
                path=hit.path,
                message=hit.message,
                location=locate(record, hit.path),
            )
        )
    findings.sort(key=lambda finding: finding.code)
    return Report(findings=tuple(findings), unique_id=record.unique_id)


def validate_many(
    records: Iterable[PressRelease],
    *,
    config: ValidationConfig | None = None,
    today: date | None = None,
) -> BatchReport:
    """Check each record, then the batch: a unique ID used twice is PR104.

    The batch-level findings name the record by its index: ``$[1].unique_id``.

    >>> from pressrelease.model import PressRelease
    >>> batch = validate_many([PressRelease(title="A", unique_id="201203_6"),
    ...                        PressRelease(title="B", unique_id="201203_6")])
    >>> [(f.code, f.path) for f in batch.findings]
    [('PR104', '$[1].unique_id')]
    """
    config = config or _DEFAULT
    reports = []
    first_seen: dict[str, int] = {}
    batch: list[Finding] = []
    severity = _severity("PR104", config, set())
    for index, record in enumerate(records):
        reports.append(validate(record, config=config, today=today))
        value = record.unique_id
        if value is None or not value.strip():
            continue
        if value in first_seen:
            if config.enabled("PR104"):
                batch.append(
                    Finding(
                        code="PR104",
                        severity=severity,
                        path=f"$[{index}].unique_id",
                        message=f"unique ID {value!r} is also the ID of record {first_seen[value]}",
                        location=record.location_of("$.unique_id"),
                    )
                )
        else:
            first_seen[value] = index
    return BatchReport(reports=tuple(reports), findings=tuple(batch))
