"""Finding the indicator table in a grid of cells and turning its rows into observations.

Real sheets have title rows, an institution line, merged code cells, section rows
("1. Punësimi"), blank rows and a source line ("Burimi: ..."). The header is the first
row (within the first rows) that names a code column and either year columns (wide
layout) or a year and a value column (long layout); headers may be in Albanian or English.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from inclusionplan.findings import Finding, Severity
from inclusionplan.labels import normalize_label
from inclusionplan.observations import Observation, SheetTable
from inclusionplan.values import EMPTY, ValueStatus, read_value

HEADER_SEARCH_ROWS = 40
MIN_YEAR, MAX_YEAR = 1990, 2100


def _labels(*names: str) -> frozenset[str]:
    return frozenset(normalize_label(name) for name in names)


CODE_LABELS = _labels("Kodi", "Kod", "Kodi i treguesit", "Code", "Indicator code", "Kodi treguesit")
NAME_LABELS = _labels("Treguesi", "Emërtimi", "Emri i treguesit", "Indicator", "Name")
BREAKDOWN_LABELS = _labels(
    "Ndarja", "Zbërthimi", "Kategoria", "Breakdown", "Disaggregation", "Category"
)
UNIT_LABELS = _labels("Njësia", "Njësia matëse", "Unit")
NOTE_LABELS = _labels("Shënime", "Shënim", "Koment", "Komente", "Note", "Notes", "Comment")
YEAR_LABELS = _labels("Viti", "Year")
VALUE_LABELS = _labels("Vlera", "Value")
INSTITUTION_PREFIXES = ("institucioni", "institution")

_YEAR_TEXT = re.compile(r"(?:viti|year)?\s*((?:19|20|21)\d\d)(?:\.0+)?")
_CODE = re.compile(r"([A-Za-z]{1,5})\s*[-.]?\s*(\d{1,4})([A-Za-z]?)")

Grid = Sequence[Sequence[object]]


@dataclass(slots=True)
class Header:
    row: int
    layout: str
    code: int
    name: int | None = None
    breakdown: int | None = None
    unit: int | None = None
    note: int | None = None
    year: int | None = None
    value: int | None = None
    year_columns: dict[int, int] = field(default_factory=dict)
    data_start: int = 0


@dataclass(slots=True)
class TableRead:
    table: SheetTable
    observations: list[Observation]
    findings: list[Finding]
    institution_label: str | None


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_year(value: object) -> int | None:
    """A year as a header or a long-layout cell gives it: 2014, 2014.0, 'Viti 2014'."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float | int):
        year = int(value)
        return year if year == value and MIN_YEAR <= year <= MAX_YEAR else None
    if isinstance(value, str) and value:
        match = _YEAR_TEXT.fullmatch(normalize_label(value))
        if match:
            return int(match.group(1))
    return None


def indicator_code(text: str) -> str | None:
    """``'EM01'``, ``'em 01'`` and ``'EM-01'`` all give ``'EM01'``; other text gives None."""
    match = _CODE.fullmatch(text.strip())
    if match is None:
        return None
    letters, digits, suffix = match.groups()
    return f"{letters.upper()}{digits}{suffix.upper()}"


def find_header(grid: Grid) -> Header | None:
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        header = _header_in(row, index, grid)
        if header is not None:
            return header
    return None


def _header_in(row: Sequence[object], index: int, grid: Grid) -> Header | None:
    roles: dict[str, int] = {}
    years: dict[int, int] = {}
    for column, value in enumerate(row):
        year = parse_year(value)
        if year is not None:
            years.setdefault(year, column)
            continue
        if not isinstance(value, str) or not value:
            continue
        label = normalize_label(value)
        for role, labels in _ROLES:
            if label in labels and role not in roles:
                roles[role] = column
                break
    if "code" not in roles:
        return None
    header = Header(
        row=index,
        layout="wide",
        code=roles["code"],
        name=roles.get("name"),
        breakdown=roles.get("breakdown"),
        unit=roles.get("unit"),
        note=roles.get("note"),
        data_start=index + 1,
    )
    if years:
        header.year_columns = {column: year for year, column in years.items()}
        return header
    if "year" in roles and "value" in roles:
        header.layout = "long"
        header.year, header.value = roles["year"], roles["value"]
        return header
    if index + 1 < len(grid):
        below = {c: parse_year(v) for c, v in enumerate(grid[index + 1])}
        header.year_columns = {c: y for c, y in below.items() if y is not None}
        if header.year_columns:
            header.data_start = index + 2
            return header
    return None


_ROLES = (
    ("code", CODE_LABELS),
    ("name", NAME_LABELS),
    ("breakdown", BREAKDOWN_LABELS),
    ("unit", UNIT_LABELS),
    ("note", NOTE_LABELS),
    ("year", YEAR_LABELS),
    ("value", VALUE_LABELS),
)


def institution_above(grid: Grid, header_row: int) -> str | None:
    """The institution named in a labelled cell above the header (``Institucioni: ...``)."""
    for row in grid[:header_row]:
        for column, value in enumerate(row):
            if not isinstance(value, str):
                continue
            label = normalize_label(value)
            if not label.startswith(INSTITUTION_PREFIXES):
                continue
            _, _, rest = value.partition(":")
            if rest.strip():
                return rest.strip()
            following = [cell_text(v) for v in row[column + 1 :] if cell_text(v)]
            if following:
                return following[0]
    return None


def read_table(
    grid: Grid,
    sheet: str,
    file: str,
    row_offset: int = 0,
    column_offset: int = 0,
    formulas: frozenset[tuple[int, int]] = frozenset(),
) -> TableRead | None:
    """Observations of the indicator table in ``grid``, or None when it has no header.

    ``row_offset`` and ``column_offset`` place ``grid[0][0]`` in the sheet (0-based);
    ``formulas`` are the 1-based cells holding a formula with no calculated value.
    """
    header = find_header(grid)
    if header is None:
        return None
    table = SheetTable(sheet=sheet, layout=header.layout, header_row=header.row + row_offset + 1)
    reader = _RowReader(header, sheet, file, row_offset, column_offset, formulas)
    if header.layout == "wide":
        table.year_columns = {c + column_offset + 1: y for c, y in header.year_columns.items()}
        table.years = set(header.year_columns.values())
        reader.read_wide(grid)
    else:
        reader.read_long(grid)
        table.years = {o.year for o in reader.observations}
    return TableRead(
        table=table,
        observations=reader.observations,
        findings=reader.findings,
        institution_label=institution_above(grid, header.row),
    )


class _RowReader:
    """Walks the data rows, remembering the current code for merged or blank code cells."""

    def __init__(
        self,
        header: Header,
        sheet: str,
        file: str,
        row_offset: int,
        column_offset: int,
        formulas: frozenset[tuple[int, int]],
    ) -> None:
        self.header = header
        self.sheet = sheet
        self.file = file
        self.row_offset = row_offset + 1
        self.column_offset = column_offset + 1
        self.formulas = formulas
        self.observations: list[Observation] = []
        self.findings: list[Finding] = []
        self.current_code = ""
        self.current_name = ""
        self.name_column = None if header.name is None else header.name + self.column_offset

    def _text(self, row: Sequence[object], column: int | None) -> str:
        if column is None or column >= len(row):
            return ""
        return cell_text(row[column])

    def _identify(self, row: Sequence[object], has_values: bool) -> tuple[str, str, str] | None:
        """The (code, name, breakdown label) a row is about, or None for blank, section and
        source rows."""
        code_text = self._text(row, self.header.code)
        name = self._text(row, self.header.name)
        breakdown = self._text(row, self.header.breakdown)
        if code_text:
            code = indicator_code(code_text)
            if code is not None:
                self.current_code, self.current_name = code, name
                return code, name, breakdown
            if not has_values and not breakdown:
                self.current_code = self.current_name = ""
                return None
            self.current_code, self.current_name = code_text, name
            return code_text, name, breakdown
        if not has_values and not breakdown:
            return None
        return self.current_code, name or self.current_name, breakdown

    def _observe(
        self,
        row: Sequence[object],
        index: int,
        column: int,
        year: int,
        identity: tuple[str, str, str],
    ) -> None:
        code, name, breakdown = identity
        value = row[column] if column < len(row) else ""
        sheet_row, sheet_column = index + self.row_offset, column + self.column_offset
        if value.__class__ is float:  # the common case, without a call
            status, number, interpreted = ValueStatus.NUMBER, value, False
        else:
            cell = read_value(value)
            if cell is EMPTY and (sheet_row, sheet_column) in self.formulas:
                status, number, interpreted = ValueStatus.FORMULA, None, False
            else:
                status, number, interpreted = cell.status, cell.number, cell.interpreted
        self.observations.append(
            Observation(
                code=code,
                breakdown_label=breakdown,
                year=year,
                raw=value,
                status=status,
                number=number,
                interpreted=interpreted,
                sheet=self.sheet,
                row=sheet_row,
                column=sheet_column,
                name=name,
                name_column=self.name_column,
            )
        )

    def read_wide(self, grid: Grid) -> None:
        year_columns = self.header.year_columns
        for index in range(self.header.data_start, len(grid)):
            row = grid[index]
            has_values = any(
                column < len(row) and row[column] not in ("", None) for column in year_columns
            )
            identity = self._identify(row, has_values)
            if identity is None:
                continue
            for column, year in year_columns.items():
                self._observe(row, index, column, year, identity)

    def read_long(self, grid: Grid) -> None:
        year_column, value_column = self.header.year, self.header.value
        assert year_column is not None and value_column is not None
        for index in range(self.header.data_start, len(grid)):
            row = grid[index]
            has_values = value_column < len(row) and row[value_column] not in ("", None)
            identity = self._identify(row, has_values)
            if identity is None:
                continue
            code = identity[0]
            raw_year = row[year_column] if year_column < len(row) else ""
            year = parse_year(raw_year)
            if year is None:
                self.findings.append(
                    Finding(
                        code="unexpected-year",
                        severity=Severity.ERROR,
                        file=self.file,
                        sheet=self.sheet,
                        row=index + self.row_offset,
                        column=year_column + self.column_offset,
                        indicator=code or None,
                        value=cell_text(raw_year),
                        params={"variant": "not-a-year", "text": cell_text(raw_year)},
                    )
                )
                continue
            self._observe(row, index, value_column, year, identity)
