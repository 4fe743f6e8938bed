"""The checks: small units that each declare the finding codes they can emit.

A check never raises on bad data; it yields findings. ``run_checks`` runs them all in a
fixed order, so reports are stable.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from inclusionplan.checks.consistency import (
    LargeChangeCheck,
    PartitionCheck,
    RuleCheck,
    SubgroupCheck,
)
from inclusionplan.checks.context import CheckContext
from inclusionplan.checks.structure import (
    CompletenessCheck,
    DuplicateCheck,
    IdentityCheck,
    NameCheck,
)
from inclusionplan.checks.values import ValueCheck
from inclusionplan.findings import Finding


class Check(Protocol):
    @property
    def codes(self) -> tuple[str, ...]: ...

    def run(self, context: CheckContext) -> Iterator[Finding]: ...


CHECKS: Sequence[Check] = (
    IdentityCheck(),
    NameCheck(),
    ValueCheck(),
    DuplicateCheck(),
    CompletenessCheck(),
    PartitionCheck(),
    SubgroupCheck(),
    RuleCheck(),
    LargeChangeCheck(),
)

# Codes emitted while reading, before any check runs.
READING_CODES = ("unreadable-file", "no-data-sheet", "sheet-skipped", "hidden-content")
# Codes emitted by the plan layer (a configured file that is not there).
PLAN_CODES = ("missing-submission",)


def run_checks(context: CheckContext, checks: Sequence[Check] = CHECKS) -> list[Finding]:
    findings: list[Finding] = []
    for check in checks:
        findings.extend(check.run(context))
    return findings


__all__ = ["CHECKS", "Check", "CheckContext", "run_checks"]
