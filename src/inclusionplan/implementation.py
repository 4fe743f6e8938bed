"""The yearly implementation workbook: for each measure of the action matrix, its status,
what was spent and a comment; checked like a submission, with findings at its cells."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from inclusionplan.findings import Finding
from inclusionplan.labels import normalize_label
from inclusionplan.monitoring import MeasureStatus
from inclusionplan.reading.records import Record, open_record_table, record_finding
from inclusionplan.values import ValueStatus, read_value

COLUMNS: Mapping[str, tuple[str, ...]] = {
    "measure": ("Masa", "Masa / aktiviteti", "Measure", "Measure / activity"),
    "status": ("Statusi", "Gjendja", "Status"),
    "spent": ("Shpenzuar", "Shpenzuar (lekë)", "Spent", "Spent (ALL)"),
    "comment": ("Koment", "Komente", "Comment", "Comments"),
}
REQUIRED = ("measure", "status")

STATUS_LABELS: Mapping[MeasureStatus, tuple[str, str]] = {
    MeasureStatus.NOT_STARTED: ("Nuk ka filluar", "Not started"),
    MeasureStatus.ONGOING: ("Në zbatim", "Ongoing"),
    MeasureStatus.COMPLETED: ("E përfunduar", "Completed"),
    MeasureStatus.CANCELLED: ("E anuluar", "Cancelled"),
}
_STATUSES = {
    normalize_label(label): status
    for status, labels in STATUS_LABELS.items()
    for label in (*labels, status.value.replace("_", " "))
}


@dataclass(frozen=True)
class MeasureUpdate:
    measure: str
    status: MeasureStatus | None
    spent: float | None
    comment: str


@dataclass
class Implementation:
    file: str
    updates: dict[str, MeasureUpdate] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def status_label(status: MeasureStatus, lang: str) -> str:
    sq, en = STATUS_LABELS[status]
    return sq if lang == "sq" else en


def read_implementation(path: Path, name: str, measures: list[str]) -> Implementation:
    """Updates keyed by the normalised measure name; ``measures`` are the matrix's names."""
    result = Implementation(file=name)
    table, result.findings = open_record_table(path, name, COLUMNS, REQUIRED)
    if table is None:
        return result
    known = {normalize_label(m) for m in measures}
    for record in table.records:
        measure = record.text("measure")
        if not measure:
            continue
        key = normalize_label(measure)
        if key not in known:
            result.findings.append(
                _finding(result, table.sheet, record, "unknown-measure", "measure", measure=measure)
            )
            continue
        status = _STATUSES.get(normalize_label(record.text("status")))
        if status is None:
            result.findings.append(
                _finding(
                    result,
                    table.sheet,
                    record,
                    "unknown-status",
                    "status",
                    text=record.text("status"),
                )
            )
        spent = None
        spent_cell = record.cells.get("spent")
        if spent_cell is not None and spent_cell.text:
            value = read_value(spent_cell.value)
            if value.status is ValueStatus.NUMBER and value.number is not None:
                spent = value.number
            else:
                result.findings.append(
                    _finding(
                        result, table.sheet, record, "not-a-number", "spent", text=spent_cell.text
                    )
                )
        result.updates[key] = MeasureUpdate(measure, status, spent, record.text("comment"))
    return result


def _finding(
    result: Implementation, sheet: str, record: Record, kind: str, role: str, **params: object
) -> Finding:
    return record_finding(result.file, sheet, kind, record.cells.get(role), record, **params)
