"""Finding the indicator table in a grid of cells and reading its data rows.

Real sheets have title rows, an institution line, merged code cells, section rows
("1. Punësimi"), blank rows and a source line ("Burimi: ..."). The header is the first
row (within the first rows) that names a code column and either year columns (wide
layout) or a year and a value column (long layout); headers may be in Albanian or English.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import cast

from inclusionplan.findings import Finding, Severity
from inclusionplan.labels import INDICATOR_CODE, normalize_label
from inclusionplan.observations import SheetTable

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
_CANONICAL_CODE = re.compile(INDICATOR_CODE)
_CODE = re.compile(r"([A-Za-z]{1,5})\s*[-.]?\s*(\d{1,4})([A-Za-z]?)")

Grid = Sequence[Sequence[object]]
_Labels = tuple[list[str | None], list[str], list[str]]
"""A table's code, name and breakdown label per data row (None: no code)."""
_STR = frozenset((str,))


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
    if isinstance(value, float) and not value.is_integer():  # 2014.5, inf, NaN
        return None
    if isinstance(value, float | int):
        year = int(value)
        return year if MIN_YEAR <= year <= MAX_YEAR else None
    if isinstance(value, str) and value:
        return _year_in_text(value)
    return None


@lru_cache(maxsize=4096)
def _year_in_text(text: str) -> int | None:
    """Header texts repeat from file to file: each is matched once."""
    match = _YEAR_TEXT.fullmatch(normalize_label(text))
    return int(match.group(1)) if match else None


def indicator_code(text: str) -> str | None:
    """``'EM01'``, ``'em 01'`` and ``'EM-01'`` all give ``'EM01'``; other text gives None."""
    if _CANONICAL_CODE.fullmatch(text):
        return text
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
    """The indicator table in ``grid``, or None when it has no header.

    ``row_offset`` and ``column_offset`` place ``grid[0][0]`` in the sheet (0-based);
    ``formulas`` are the 1-based cells holding a formula with no calculated value.
    """
    header = find_header(grid)
    if header is None:
        return None
    table = SheetTable(
        sheet=sheet,
        layout=header.layout,
        header_row=header.row + row_offset + 1,
        name_column=None if header.name is None else header.name + column_offset + 1,
        first_column=column_offset + 1,
        formulas=formulas,
    )
    reader = _RowReader(header, table, file, row_offset)
    if header.layout == "wide":
        table.year_columns = {c + column_offset + 1: y for c, y in header.year_columns.items()}
        table.years = set(header.year_columns.values())
        reader.read_wide(grid)
    else:
        assert header.value is not None
        table.value_column = header.value + column_offset + 1
        reader.read_long(grid)
        table.years = set(table.row_years)
    return TableRead(
        table=table,
        findings=reader.findings,
        institution_label=institution_above(grid, header.row),
    )


class _RowReader:
    """Walks the data rows, remembering the current code for merged or blank code cells.

    Each data row costs a few look-ups and list appends; the values are read later, by
    the checks, from the row lists themselves.
    """

    def __init__(self, header: Header, table: SheetTable, file: str, row_offset: int) -> None:
        self.header = header
        self.table = table
        self.file = file
        self.row_offset = row_offset + 1
        self.findings: list[Finding] = []
        self.current_code = ""
        self.current_name = ""
        self.codes: dict[str, str | None] = {}

    def _identify(
        self, row: Sequence[object], value_columns: Sequence[int]
    ) -> tuple[str, str, str] | None:
        """The (code, name, breakdown label) a row is about, or None for blank, section and
        source rows."""
        header = self.header
        width = len(row)
        code_text = _text(row, header.code, width)
        name = _text(row, header.name, width) if header.name is not None else ""
        breakdown = _text(row, header.breakdown, width) if header.breakdown is not None else ""
        if code_text:
            code = self.codes.get(code_text, "")
            if code == "":
                code = self.codes[code_text] = indicator_code(code_text)
            if code is not None:
                self.current_code, self.current_name = code, name
            elif not breakdown and not _has_values(row, value_columns, width):
                self.current_code = self.current_name = ""
                return None
            else:
                code = self.current_code = code_text
                self.current_name = name
        elif not breakdown and not _has_values(row, value_columns, width):
            return None
        else:
            code, name = self.current_code, name or self.current_name
        return code, name, breakdown

    def _add(self, row: Sequence[object], index: int, identity: tuple[str, str, str]) -> None:
        table = self.table
        code, name, breakdown = identity
        table.codes.append(code)
        table.names.append(name)
        table.breakdown_labels.append(breakdown)
        table.cells.append(row)
        table.sheet_rows.append(index + self.row_offset)

    def read_wide(self, grid: Grid) -> None:
        """Rows with a code are taken in runs, column by column; the others (blank code
        cells, section and source rows) one by one, as ``_identify`` says."""
        start = self.header.data_start
        rows = grid[start:]
        labels = self._label_columns(rows)
        if labels is None:
            self._read_wide_rows(rows, start)
            return
        codes, names, _ = labels
        value_columns = tuple(self.header.year_columns)
        taken = 0
        without_code = [i for i, code in enumerate(codes) if code is None] if None in codes else []
        for index in without_code:
            self._add_run(rows, start, taken, index, labels)
            if index > taken:  # the row before had a code: it is the current one
                self.current_code, self.current_name = codes[index - 1] or "", names[index - 1]
            row = rows[index]
            identity = self._identify(row, value_columns)
            if identity is not None:
                self._add(row, start + index, identity)
            taken = index + 1
        self._add_run(rows, start, taken, len(rows), labels)

    def _read_wide_rows(self, rows: Grid, start: int) -> None:
        value_columns = tuple(self.header.year_columns)
        for index, row in enumerate(rows, start):
            identity = self._identify(row, value_columns)
            if identity is not None:
                self._add(row, index, identity)

    def _label_columns(self, rows: Grid) -> _Labels | None:
        """Per row: its indicator code (None where the code cell is empty or holds no
        code), name and breakdown label; None when a row is too short for the columns
        (calamine's rows are all as wide as the sheet)."""
        header = self.header
        columns = (header.code, header.name, header.breakdown)
        if rows and min(map(len, rows)) <= max(c for c in columns if c is not None):
            return None
        code_texts = _column_texts(rows, header.code)
        cache = self.codes
        new = set(code_texts).difference(cache)
        cache.update(zip(new, map(indicator_code, new), strict=True))
        codes = list(map(cache.__getitem__, code_texts))
        names = _column_texts(rows, header.name)
        return codes, names, _column_texts(rows, header.breakdown)

    def _add_run(self, rows: Grid, start: int, low: int, high: int, labels: _Labels) -> None:
        """Rows ``low`` to ``high``, each with its own code."""
        if low >= high:
            return
        codes, names, breakdowns = labels
        table = self.table
        table.codes.extend(cast("list[str]", codes[low:high]))
        table.names.extend(names[low:high])
        table.breakdown_labels.extend(breakdowns[low:high])
        table.cells.extend(rows[low:high])
        offset = start + self.row_offset
        table.sheet_rows.extend(range(low + offset, high + offset))

    def read_long(self, grid: Grid) -> None:
        year_column, value_column = self.header.year, self.header.value
        assert year_column is not None and value_column is not None
        table = self.table
        for index in range(self.header.data_start, len(grid)):
            row = grid[index]
            identity = self._identify(row, (value_column,))
            if identity is None:
                continue
            raw_year = row[year_column] if year_column < len(row) else ""
            year = parse_year(raw_year)
            if year is not None:
                self._add(row, index, identity)
                table.row_years.append(year)
                continue
            self.findings.append(
                Finding(
                    code="unexpected-year",
                    severity=Severity.ERROR,
                    file=self.file,
                    sheet=table.sheet,
                    row=index + self.row_offset,
                    column=year_column + table.first_column,
                    indicator=identity[0] or None,
                    value=cell_text(raw_year),
                    params={"variant": "not-a-year", "text": cell_text(raw_year)},
                )
            )


def _column_texts(rows: Grid, column: int | None) -> list[str]:
    """A column's cells as ``_text`` reads them (all empty when there is no column)."""
    if column is None:
        return [""] * len(rows)
    values = list(map(itemgetter(column), rows))
    if _STR.issuperset(map(type, values)):
        return list(map(str.strip, values))
    return [value.strip() if value.__class__ is str else cell_text(value) for value in values]


def _text(row: Sequence[object], column: int | None, width: int) -> str:
    if column is None or column >= width:
        return ""
    value = row[column]
    if value.__class__ is str:
        return value.strip()
    return cell_text(value)


def _has_values(row: Sequence[object], columns: Sequence[int], width: int) -> bool:
    return any(column < width and row[column] not in ("", None) for column in columns)
