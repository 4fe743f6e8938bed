"""Facts about an .xlsx that calamine does not report: formulas never calculated, hidden
rows and columns, and the unpacked size (a zip bomb is refused before it is parsed).

A regular-expression pass over the sheet XML, run only where the bytes mention a formula
or a hidden row, so ordinary files cost one decompression.
"""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass, field

_SHEET = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_REL = re.compile(rb"<Relationship\b([^>]*)/?>")
_ATTR = re.compile(rb'(\w+)="([^"]*)"')
# A cell whose content starts with a formula, and its cached value when there is one.
_FORMULA_CELL = re.compile(
    rb'<c\b[^>]*?\br="([A-Z]+)(\d+)"[^>/]*>\s*<f\b(?:[^>]*/>|[^>]*>[^<]*</f>)\s*(<v>[^<])?'
)
# Rows and column ranges with a hidden attribute; attribute order varies by producer.
_HIDDEN_ROW = re.compile(rb"<row\b([^>]*\bhidden=[^>]*)>")
_HIDDEN_COL = re.compile(rb"<col\b([^>]*\bhidden=[^>]*)>")
_HIDDEN_TRUE = (b"1", b"true")


class TooLargeError(Exception):
    def __init__(self, limit_bytes: int) -> None:
        super().__init__(limit_bytes)
        self.limit_bytes = limit_bytes


class TooManyRowsError(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


@dataclass(slots=True)
class SheetFacts:
    formulas_without_value: frozenset[tuple[int, int]] = frozenset()
    hidden_rows: tuple[int, ...] = ()
    hidden_columns: tuple[int, ...] = ()


@dataclass(slots=True)
class WorkbookFacts:
    sheets: dict[str, SheetFacts] = field(default_factory=dict)


def column_number(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number


def check_unpacked_size(archive: zipfile.ZipFile, limit_bytes: int) -> None:
    if sum(info.file_size for info in archive.infolist()) > limit_bytes:
        raise TooLargeError(limit_bytes)


def scan_xlsx(archive: zipfile.ZipFile, max_rows: int = 1_000_000) -> WorkbookFacts:
    """Formulas without values and hidden rows and columns, per sheet name; a sheet with
    more than ``max_rows`` rows is refused before calamine parses it.

    Call ``check_unpacked_size`` first: this reads every sheet part.
    """
    names = set(archive.namelist())
    workbook = archive.read("xl/workbook.xml")
    rels = (
        archive.read("xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else b""
    )
    targets: dict[bytes, str] = {}
    for match in _REL.finditer(rels):
        attrs = dict(_ATTR.findall(match.group(1)))
        target = attrs.get(b"Target", b"").decode("utf-8", "replace").lstrip("/")
        if not target.startswith("xl/"):
            target = "xl/" + target
        targets[attrs.get(b"Id", b"")] = target
    facts = WorkbookFacts()
    for raw_name, rel_id in _SHEET.findall(workbook):
        part = targets.get(rel_id)
        if part is None or part not in names:
            continue
        name = html.unescape(raw_name.decode("utf-8", "replace"))
        xml = archive.read(part)
        if xml.count(b"<row") > max_rows:
            raise TooManyRowsError(max_rows)
        facts.sheets[name] = _scan_sheet(xml)
    return facts


def _scan_sheet(xml: bytes) -> SheetFacts:
    facts = SheetFacts()
    if b"<f" in xml:
        facts.formulas_without_value = frozenset(
            (int(row), column_number(letters))
            for letters, row, value in _FORMULA_CELL.findall(xml)
            if not value
        )
    if b"hidden=" in xml:
        rows: list[int] = []
        for attributes in _HIDDEN_ROW.findall(xml):
            values = dict(_ATTR.findall(attributes))
            if values.get(b"hidden") in _HIDDEN_TRUE and values.get(b"r", b"").isdigit():
                rows.append(int(values[b"r"]))
        columns: list[int] = []
        for attributes in _HIDDEN_COL.findall(xml):
            values = dict(_ATTR.findall(attributes))
            low, high = values.get(b"min", b""), values.get(b"max", b"")
            if values.get(b"hidden") in _HIDDEN_TRUE and low.isdigit() and high.isdigit():
                columns.extend(range(int(low), min(int(high), 16384) + 1))
        facts.hidden_rows = tuple(rows)
        facts.hidden_columns = tuple(columns)
    return facts
