"""The validation report: findings and per-file summaries, and its JSON form.

The JSON form is a public contract (see docs/report-format.md): no timestamps, no paths
beyond what the user passed, findings in a stable order, so CI can diff two runs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from inclusionplan.catalogue import message_text
from inclusionplan.findings import Finding, Severity

REPORT_FORMAT_VERSION = 1


@dataclass(slots=True)
class FileReport:
    """One submission: who sent it, how complete it is, how many findings it has."""

    file: str
    format: str
    institution: str | None = None
    institution_name: dict[str, str] | None = None
    expected: int = 0
    present: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    sheets: dict[str, str] = field(default_factory=dict)
    deadline: str | None = None
    group: str = ""

    @property
    def completeness(self) -> float | None:
        return self.present / self.expected if self.expected else None

    def institution_label(self, lang: str) -> str:
        if self.institution_name:
            return self.institution_name.get(lang) or self.institution_name.get("en", "")
        return self.institution or ""

    def to_dict(self, lang: str) -> dict[str, Any]:
        share = self.completeness
        return {
            "file": self.file,
            "format": self.format,
            "institution": self.institution,
            "institution_name": self.institution_label(lang) or None,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
            "sheets": self.sheets,
            "deadline": self.deadline,
            "group": self.group,
            "completeness": {
                "expected": self.expected,
                "present": self.present,
                "share": round(share, 4) if share is not None else None,
            },
        }


@dataclass(slots=True)
class Report:
    """Everything a validation run found, in a stable order."""

    files: list[FileReport] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    years: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        self.findings.sort(key=Finding.sort_key)
        counts: dict[str, Counter[Severity]] = {}
        for finding in self.findings:
            counts.setdefault(finding.file, Counter())[finding.severity] += 1
        for file_report in self.files:
            counter = counts.get(file_report.file, Counter())
            file_report.errors = counter[Severity.ERROR]
            file_report.warnings = counter[Severity.WARNING]
            file_report.infos = counter[Severity.INFO]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def valid(self) -> bool:
        return self.count(Severity.ERROR) == 0

    def fails(self, threshold: Severity) -> bool:
        """True when a finding is at or above ``threshold`` (the CLI's exit code 1)."""
        return any(f.severity.rank >= threshold.rank for f in self.findings)

    def findings_of(self, file: str) -> list[Finding]:
        return [f for f in self.findings if f.file == file]

    def summary(self) -> dict[str, int]:
        return {
            "files": len(self.files),
            "errors": self.count(Severity.ERROR),
            "warnings": self.count(Severity.WARNING),
            "infos": self.count(Severity.INFO),
            "values_expected": sum(f.expected for f in self.files),
            "values_present": sum(f.present for f in self.files),
        }

    def summary_line(self, lang: str) -> str:
        summary = self.summary()
        return message_text(
            "label-summary",
            lang,
            {
                "files": str(summary["files"]),
                "errors": str(summary["errors"]),
                "warnings": str(summary["warnings"]),
                "infos": str(summary["infos"]),
            },
        )

    def to_dict(self, lang: str = "sq") -> dict[str, Any]:
        return {
            "format": REPORT_FORMAT_VERSION,
            "valid": self.valid,
            "language": lang,
            "years": list(self.years),
            "summary": self.summary(),
            "files": [f.to_dict(lang) for f in self.files],
            "findings": [finding_to_dict(f, lang) for f in self.findings],
        }

    def to_json(self, lang: str = "sq") -> str:
        """Indented, so a CI diff shows what changed. msgspec rather than json: json indents
        in Python (10 ms for 500 files' report, on the end of every batch), and msgspec
        never writes NaN or Infinity, which are not JSON."""
        import msgspec

        encoded = msgspec.json.format(msgspec.json.encode(self.to_dict(lang)), indent=2)
        return encoded.decode("utf-8") + "\n"


def finding_to_dict(finding: Finding, lang: str) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "file": finding.file,
        "sheet": finding.sheet,
        "cell": finding.cell,
        "row": finding.row,
        "column": finding.column,
        "indicator": finding.indicator,
        "breakdown": finding.breakdown,
        "year": finding.year,
        "value": finding.value,
        "message": finding.message(lang),
    }
