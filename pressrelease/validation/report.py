"""What validation produces: findings, and reports that gather them."""

from __future__ import annotations

import enum

import attrs

from pressrelease.model import Location

__all__ = ["BatchReport", "Finding", "Report", "Severity"]


class Severity(enum.Enum):
    """How much a finding matters: only errors make a report fail (warnings too with ``strict``)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @classmethod
    def parse(cls, value: str) -> Severity:
        """The severity named ``value`` (``error``, ``warning`` or ``info``, any case).

        >>> Severity.parse("Warning")
        <Severity.WARNING: 'warning'>
        """
        try:
            return cls(value.strip().lower())
        except ValueError:
            names = ", ".join(member.value for member in cls)
            raise ValueError(f"unknown severity {value!r}; use one of: {names}") from None


@attrs.frozen(kw_only=True)
class Finding:
    """One problem found in a record.

    Attributes:
        code: the rule code (``PR101``), stable across releases.
        severity: how much it matters, after configuration.
        path: the JSON path of the value concerned (``$.signatories[1].organisation``).
        message: what is wrong, naming the value, for a person.
        location: where the value sits in the source document, when known.

    >>> f = Finding(code="PR101", severity=Severity.ERROR, path="$.unique_id",
    ...             message="the release has no unique ID")
    >>> str(f)
    '$.unique_id: PR101 error: the release has no unique ID'
    """

    code: str
    severity: Severity
    path: str
    message: str
    location: Location | None = None

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location is not None else ""
        return f"{where}{self.path}: {self.code} {self.severity.value}: {self.message}"


def _fails(findings: tuple[Finding, ...], strict: bool) -> bool:
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return any(finding.severity in failing for finding in findings)


@attrs.frozen(kw_only=True)
class Report:
    """The findings for one record, in rule-code order.

    Attributes:
        findings: every finding, errors, warnings and infos alike.
        unique_id: the record's ID, to tell reports apart.
    """

    findings: tuple[Finding, ...] = ()
    unique_id: str | None = None

    @property
    def ok(self) -> bool:
        """``True`` when no finding is an error."""
        return not _fails(self.findings, strict=False)

    def passes(self, *, strict: bool = False) -> bool:
        """Whether the record passes; with ``strict``, warnings fail it too."""
        return not _fails(self.findings, strict=strict)

    def by_severity(self, severity: Severity) -> tuple[Finding, ...]:
        """The findings of one severity."""
        return tuple(f for f in self.findings if f.severity is severity)


@attrs.frozen(kw_only=True)
class BatchReport:
    """The reports of many records plus the findings that concern the batch as a whole.

    Attributes:
        reports: one :class:`Report` per record, in input order.
        findings: batch-level findings (a unique ID used twice, PR104), whose
            path names the record by its index (``$[3].unique_id``).
    """

    reports: tuple[Report, ...] = ()
    findings: tuple[Finding, ...] = ()

    @property
    def ok(self) -> bool:
        """``True`` when no record and no batch-level finding has an error."""
        return self.passes()

    def passes(self, *, strict: bool = False) -> bool:
        """Whether the whole batch passes; with ``strict``, warnings fail it too."""
        return not _fails(self.findings, strict) and all(
            report.passes(strict=strict) for report in self.reports
        )

    @property
    def all_findings(self) -> tuple[Finding, ...]:
        """Every finding of every record, then the batch-level ones."""
        return tuple(f for report in self.reports for f in report.findings) + self.findings
