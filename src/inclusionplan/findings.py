"""Findings are data: what a check found, where, and the parameters of its message."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

_EMPTY: Mapping[str, Any] = MappingProxyType({})


class Severity(StrEnum):
    """How much a finding matters; ordered so that thresholds can compare."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def column_letters(column: int) -> str:
    """Spreadsheet column name of a 1-based column number (1 -> A, 28 -> AB)."""
    letters = ""
    while column > 0:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_name(row: int | None, column: int | None) -> str | None:
    """A1 notation of a 1-based cell, or None when the place is not a single cell."""
    if row is None or column is None:
        return None
    return f"{column_letters(column)}{row}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem (or note) about one place of one submission.

    ``row`` and ``column`` are 1-based, as a spreadsheet user counts them.
    ``params`` fills the catalogue's message template.
    """

    code: str
    severity: Severity
    file: str
    sheet: str | None = None
    row: int | None = None
    column: int | None = None
    indicator: str | None = None
    breakdown: str | None = None
    year: int | None = None
    value: str | float | None = None
    params: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    @property
    def cell(self) -> str | None:
        return cell_name(self.row, self.column)

    @property
    def location(self) -> str:
        """Where to look, as an officer would type it: ``Të dhënat!F12``."""
        cell = self.cell
        if self.sheet and cell:
            return f"{self.sheet}!{cell}"
        if self.sheet:
            return self.sheet
        return cell or ""

    def message(self, lang: str = "sq") -> str:
        from inclusionplan.catalogue import finding_message

        return finding_message(self, lang)

    def sort_key(self) -> tuple[str, str, int, int, str]:
        return (self.file, self.sheet or "", self.row or 0, self.column or 0, self.code)
