"""Tables of records with named columns (the team's action matrix, the consultation log):
the header row found by its labels in either language, each record keeping its cells."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from inclusionplan.findings import Finding, Severity
from inclusionplan.labels import normalize_label
from inclusionplan.reading import (
    DEFAULT_LIMITS,
    Limits,
    UnreadableError,
    is_panic,
    open_workbook,
    reason_of,
    unreadable_finding,
)
from inclusionplan.reading.tables import HEADER_SEARCH_ROWS, Grid, cell_text


@dataclass(slots=True)  # not frozen: a frozen dataclass takes three times as long to make
class Cell:
    value: object
    row: int
    column: int

    @property
    def text(self) -> str:
        return cell_text(self.value)


@dataclass(slots=True)
class Record:
    row: int
    cells: dict[str, Cell] = field(default_factory=dict)

    def text(self, role: str) -> str:
        cell = self.cells.get(role)
        return cell.text if cell else ""


@dataclass(slots=True)
class RecordTable:
    sheet: str
    header_row: int
    columns: dict[str, int]
    records: list[Record]


def read_records(
    path: Path,
    roles: Mapping[str, tuple[str, ...]],
    required: tuple[str, ...],
    limits: Limits = DEFAULT_LIMITS,
) -> RecordTable | None:
    """The first sheet whose header names every ``required`` role; None when none does.

    The workbook is checked as a submission is before calamine parses it (``limits``).
    Errors reading the file propagate: the caller turns them into ``unreadable-file``.
    """
    workbook = open_workbook(path, limits)
    labels = {role: {normalize_label(n) for n in names} for role, names in roles.items()}
    for name in workbook.sheet_names:
        sheet = workbook.get_sheet_by_name(name)
        grid = sheet.to_python()
        top, left = sheet.start or (0, 0)
        found = _header(grid, labels, required)
        if found is None:
            continue
        index, columns = found
        records = []
        for offset, row in enumerate(grid[index + 1 :], start=index + 1):
            if not any(map(cell_text, row)):
                continue
            record = Record(row=offset + top + 1)
            for role, column in columns.items():
                value = row[column] if column < len(row) else ""
                record.cells[role] = Cell(value, offset + top + 1, column + left + 1)
            records.append(record)
        absolute = {role: column + left + 1 for role, column in columns.items()}
        return RecordTable(name, index + top + 1, absolute, records)
    return None


def _header(
    grid: Grid, labels: Mapping[str, set[str]], required: tuple[str, ...]
) -> tuple[int, dict[str, int]] | None:
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for column, value in enumerate(row):
            label = normalize_label(cell_text(value))
            for role, names in labels.items():
                if label in names and role not in columns:
                    columns[role] = column
                    break
        if all(role in columns for role in required):
            return index, columns
    return None


def open_record_table(
    path: Path,
    name: str,
    roles: Mapping[str, tuple[str, ...]],
    required: tuple[str, ...],
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[RecordTable | None, list[Finding]]:
    """The table of a team workbook, or the finding that says why there is none."""
    try:
        table = read_records(path, roles, required, limits)
    except UnreadableError as problem:
        return None, [unreadable_finding(name, problem.reason)]
    except Exception as error:  # calamine raises many kinds on damaged files
        return None, [unreadable_finding(name, reason_of(error))]
    except BaseException as error:
        if not is_panic(error):
            raise
        return None, [unreadable_finding(name, {"code": "reason-corrupt"})]
    if table is None:
        params = {"sheets": ", ".join(required)}
        return None, [Finding("no-data-sheet", Severity.ERROR, name, params=params)]
    return table, []


def record_finding(
    file: str, sheet: str, kind: str, cell: Cell | None, record: Record, **params: object
) -> Finding:
    """A finding of code ``kind`` at ``cell`` (or the record's row when the column is absent)."""
    from inclusionplan.catalogue import FINDING_TYPES_BY_CODE

    return Finding(
        code=kind,
        severity=FINDING_TYPES_BY_CODE[kind].severity,
        file=file,
        sheet=sheet,
        row=cell.row if cell else record.row,
        column=cell.column if cell else None,
        value=(cell.text or None) if cell else None,
        params=params,
    )
