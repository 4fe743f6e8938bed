"""What reading a submission yields: observations that remember their cell.

Reading knows no schema: an observation holds the code and breakdown label as written;
the checks decide what they mean. Rows and columns are 1-based, as in a spreadsheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from inclusionplan.findings import Finding
from inclusionplan.values import ValueStatus


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
    """A sheet read as an indicator table: where its header is and what it holds."""

    sheet: str
    layout: str
    header_row: int
    year_columns: dict[int, int] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)


@dataclass(slots=True)
class SectorText:
    """An institution's own analysis of its sector, from a sheet of its submission."""

    sheet: str
    paragraphs: list[str]


@dataclass(slots=True)
class Submission:
    """Everything read from one file, plus the file- and sheet-level findings of reading."""

    path: Path
    name: str
    format: str
    observations: list[Observation] = field(default_factory=list)
    tables: list[SheetTable] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    institution_label: str | None = None
    texts: list[SectorText] = field(default_factory=list)
    auxiliary_sheets: list[str] = field(default_factory=list)
    empty: bool = False

    @property
    def readable(self) -> bool:
        return not any(f.code == "unreadable-file" for f in self.findings)
