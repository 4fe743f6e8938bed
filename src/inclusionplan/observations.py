"""What reading a submission yields: observations that remember their cell.

Reading knows no schema: an observation holds the code and breakdown label as written;
the checks decide what they mean. Rows and columns are 1-based, as in a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from math import isfinite
from pathlib import Path

from inclusionplan.findings import Finding
from inclusionplan.values import EMPTY, FORMULA, CellValue, ValueStatus, read_value


@dataclass(slots=True)
class Observation:
    """One value cell: which indicator, breakdown and year it is for, and what it holds."""

    code: str
    breakdown_label: str
    year: int
    raw: object
    status: ValueStatus
    number: float | None
    interpreted: bool
    sheet: str
    row: int
    column: int
    name: str = ""
    name_column: int | None = None


@dataclass(slots=True)
class SheetTable:
    """A sheet read as an indicator table: where its header is and what its rows hold.

    The data rows are kept column-wise (a code, name, breakdown label and sheet row per
    row), and each value stays in the row list it was read in: a 200,000-row sheet costs
    a few list entries per row and no object per value. ``observations`` gives the
    values one by one when a caller wants them so.
    """

    sheet: str
    layout: str
    header_row: int
    year_columns: dict[int, int] = field(default_factory=dict)
    """Wide layout: sheet column (1-based) -> year."""
    years: set[int] = field(default_factory=set)
    value_column: int = 0
    """Long layout: the sheet column of the values."""
    name_column: int | None = None
    first_column: int = 1
    """The sheet column of each row's first cell."""
    formulas: frozenset[tuple[int, int]] = frozenset()
    """(row, column) of cells holding a formula never calculated."""
    cells: list[Sequence[object]] = field(default_factory=list)
    sheet_rows: list[int] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    breakdown_labels: list[str] = field(default_factory=list)
    row_years: list[int] = field(default_factory=list)
    """Long layout: the year of each row."""

    def entries(self, index: int) -> list[tuple[int, int]]:
        """The (sheet column, year) of each value of data row ``index``."""
        if self.layout == "wide":
            return list(self.year_columns.items())
        return [(self.value_column, self.row_years[index])]

    def column_of(self, year: int) -> int:
        """The sheet column of a year's values (long layout: the value column)."""
        if self.layout == "long":
            return self.value_column
        return next(column for column, each in self.year_columns.items() if each == year)

    def raw(self, index: int, column: int) -> object:
        row = self.cells[index]
        position = column - self.first_column
        return row[position] if position < len(row) else ""

    def read(self, index: int, column: int) -> CellValue:
        """What the value cell holds; a formula never calculated is not an empty cell."""
        value = self.raw(index, column)
        if isinstance(value, float) and isfinite(value):
            return CellValue(ValueStatus.NUMBER, value)
        cell = read_value(value)
        if cell is EMPTY and (self.sheet_rows[index], column) in self.formulas:
            return FORMULA
        return cell

    def observation(self, index: int, column: int, year: int) -> Observation:
        cell = self.read(index, column)
        return Observation(
            code=self.codes[index],
            breakdown_label=self.breakdown_labels[index],
            year=year,
            raw=self.raw(index, column),
            status=cell.status,
            number=cell.number,
            interpreted=cell.interpreted,
            sheet=self.sheet,
            row=self.sheet_rows[index],
            column=column,
            name=self.names[index],
            name_column=self.name_column,
        )

    def observations(self) -> Iterator[Observation]:
        for index in range(len(self.codes)):
            for column, year in self.entries(index):
                yield self.observation(index, column, year)


@dataclass(slots=True)
class SectorText:
    """An institution's own analysis of its sector: a sheet of its submission, or a file of
    its own (``file``, with no sheet)."""

    sheet: str
    paragraphs: list[str]
    file: str = ""


@dataclass(slots=True)
class Submission:
    """Everything read from one file, plus the file- and sheet-level findings of reading."""

    path: Path
    name: str
    format: str
    tables: list[SheetTable] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    institution_label: str | None = None
    texts: list[SectorText] = field(default_factory=list)
    auxiliary_sheets: list[str] = field(default_factory=list)
    empty: bool = False

    @property
    def observations(self) -> list[Observation]:
        """Every value of every table, one object each (for callers that want them so)."""
        return [o for table in self.tables for o in table.observations()]

    @property
    def readable(self) -> bool:
        return not any(f.code == "unreadable-file" for f in self.findings)
