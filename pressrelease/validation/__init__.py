"""Validation rules, their configuration and the reports they produce.

>>> from pressrelease.validation import RULES, validate
>>> from pressrelease.model import PressRelease
>>> sorted({rule.severity.value for rule in RULES.values()})
['error', 'warning']
"""

from pressrelease.validation.catalogue import RULES, Example, Rule
from pressrelease.validation.config import ValidationConfig
from pressrelease.validation.report import BatchReport, Finding, Report, Severity
from pressrelease.validation.validator import validate, validate_many

__all__ = [
    "RULES",
    "BatchReport",
    "Example",
    "Finding",
    "Report",
    "Rule",
    "Severity",
    "ValidationConfig",
    "validate",
    "validate_many",
]
