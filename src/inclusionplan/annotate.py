"""Annotated copies of submissions, to send back to the institutions that sent them.

Each copy marks every cell with a finding (errors and warnings in different colours) with
a comment carrying the messages, and opens on a sheet listing all findings with links to
their cells and a short summary. The original file is only read, never written.
.xlsx and .xlsm keep their layout, formulas and formatting; .xls, .ods and .csv become an
.xlsx copy of their values (the summary says so).
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inclusionplan.catalogue import severity_label
from inclusionplan.errors import UsageError
from inclusionplan.findings import Finding, Severity
from inclusionplan.output import normalize_zip, write_atomic
from inclusionplan.reading.tables import Grid
from inclusionplan.reports import FileReport, Report

FILLS = {Severity.ERROR: "F4B6B6", Severity.WARNING: "FFE08A"}
# openpyxl holds about 400 bytes a cell and reads 70,000 cells a second: a copy of a
# million cells takes 400 MB and 15 s; one of the 30,000,000 the reading limits allow,
# 12 GB. Larger files get no copy, and the user is told so.
MAX_CELLS = 1_000_000
_CELL_TAG = re.compile(rb"<(?:[^\s<>/:!?]+:)?c[\s/>]")
SHEET_TITLES = {"sq": "Gjetjet", "en": "Findings"}
COMMENT_AUTHOR = "inclusionplan"
MAX_COMMENT = 1500

TEXTS = {
    "sq": {
        "title": "Gjetjet e kontrollit të të dhënave",
        "file": "Skedari",
        "institution": "Institucioni",
        "errors": "Gabime",
        "warnings": "Paralajmërime",
        "completeness": "Plotësia",
        "deadline": "Afati për korrigjimet",
        "todo": (
            "Çfarë duhet bërë: korrigjoni qelizat e shënuara me të kuqe (gabime) dhe "
            "kontrolloni ato me të verdhë (paralajmërime); çdo qelizë ka një koment. Klikoni "
            "te «Vendi» për të shkuar te qeliza. Dërgoni skedarin e korrigjuar në formatin e "
            "tij origjinal."
        ),
        "converted": (
            "Skedari origjinal ishte {format}; kjo kopje .xlsx ka vetëm vlerat e tij, pa "
            "formatimin."
        ),
        "place": "Vendi",
        "severity": "Rëndësia",
        "code": "Kodi",
        "indicator": "Treguesi",
        "year": "Viti",
        "message": "Mesazhi",
    },
    "en": {
        "title": "Findings of the data check",
        "file": "File",
        "institution": "Institution",
        "errors": "Errors",
        "warnings": "Warnings",
        "completeness": "Completeness",
        "deadline": "Deadline for corrections",
        "todo": (
            "What to do: correct the cells marked red (errors) and check those marked yellow "
            "(warnings); each has a comment. Click a «Place» to go to its cell. Send the "
            "corrected file back in its original format."
        ),
        "converted": (
            "The original file was {format}; this .xlsx copy holds its values only, without "
            "the formatting."
        ),
        "place": "Place",
        "severity": "Severity",
        "code": "Code",
        "indicator": "Indicator",
        "year": "Year",
        "message": "Message",
    },
}


@dataclass(frozen=True)
class Annotated:
    source: str
    path: Path


@dataclass(frozen=True)
class TooLarge:
    """A file with findings that got no annotated copy: it has more than ``MAX_CELLS``."""

    source: str
    cells: int


@dataclass
class Annotations:
    written: list[Annotated] = field(default_factory=list)
    too_large: list[TooLarge] = field(default_factory=list)


def annotate(report: Report, folder: Path, lang: str) -> Annotations:
    """An annotated copy in ``folder`` of every submission with errors or warnings, but
    one with more than ``MAX_CELLS`` cells.

    A report names files as the user passed them, so those names are the paths to read. A
    file that could not be read gets no copy: it has no cell to mark, and it may be one
    that must not be opened at all (a grid past the limits); its finding says why.
    """
    by_file: dict[str, list[Finding]] = defaultdict(list)
    unreadable = set()
    for finding in report.findings:
        if finding.severity is not Severity.INFO:
            by_file[finding.file].append(finding)
        if finding.code == "unreadable-file":
            unreadable.add(finding.file)
    result = Annotations()
    for file_report in report.files:
        findings = by_file.get(file_report.file)
        if not findings or file_report.file in unreadable:
            continue
        source = Path(file_report.file)
        if not source.is_file():
            continue
        # A macro-enabled workbook stays .xlsm: Excel refuses its content under .xlsx.
        suffix = ".xlsm" if source.suffix.lower() == ".xlsm" else ".xlsx"
        target = folder / (source.stem + suffix)
        if target.resolve() == source.resolve():
            raise UsageError(detail=f"{target} is an input; choose another folder")
        deadline = (
            datetime.date.fromisoformat(file_report.deadline) if file_report.deadline else None
        )
        try:
            data = annotated_bytes(source, file_report, findings, lang, deadline)
        except TooManyCellsError as too_many:
            result.too_large.append(TooLarge(file_report.file, too_many.cells))
            continue
        if data is not None:
            write_atomic(target, data)
            result.written.append(Annotated(file_report.file, target))
    return result


class TooManyCellsError(Exception):
    """A file with more cells than an annotated copy can hold (``MAX_CELLS``)."""

    def __init__(self, cells: int) -> None:
        super().__init__(cells)
        self.cells = cells


def annotated_bytes(
    source: Path,
    file_report: FileReport,
    findings: Sequence[Finding],
    lang: str,
    deadline: datetime.date | None,
) -> bytes | None:
    """The annotated workbook, or None when the file cannot be opened at all."""
    workbook, converted = _open_copy(source, file_report.format)
    if workbook is None:
        return None
    _mark_cells(workbook, findings, lang)
    _findings_sheet(workbook, file_report, findings, lang, deadline, converted)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return normalize_zip(
        buffer.getvalue(), (2000, 1, 1, 0, 0, 0), fixed_core_date="2000-01-01T00:00:00Z"
    )


def _open_copy(source: Path, file_format: str) -> tuple[Any, str | None]:
    """An openpyxl workbook to annotate: the file itself for xlsx/xlsm, else its values."""
    import openpyxl

    data = source.read_bytes()
    if file_format == "xlsx":
        _refuse_too_many_cells(_xlsx_cells(data))
        keep_vba = source.suffix.lower() == ".xlsm"
        try:
            return openpyxl.load_workbook(io.BytesIO(data), keep_vba=keep_vba), None
        except Exception:  # openpyxl is stricter than calamine: fall back to the values
            return _values_copy(source, data, file_format), file_format
    return _values_copy(source, data, file_format), file_format


def _values_copy(source: Path, data: bytes, file_format: str) -> Any:
    """.xls, .ods and .csv: a new workbook with the same sheets, cells and values."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    sheets: list[tuple[str, tuple[int, int], Grid]]
    if file_format == "csv":
        from inclusionplan.reading.csvfile import read_rows

        try:
            sheets = [("CSV", (0, 0), read_rows(data))]
        except Exception:
            return None
    else:
        import python_calamine

        try:
            workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
            sheets = [
                (name, sheet.start or (0, 0), sheet.to_python())
                for name in workbook.sheet_names
                if (sheet := workbook.get_sheet_by_name(name)) is not None
            ]
        except Exception:
            return None
    _refuse_too_many_cells(
        sum(1 for _, _, grid in sheets for row in grid for value in row if value not in ("", None))
    )
    for name, (top, left), grid in sheets:
        sheet = book.create_sheet(name[:31])
        for r, row in enumerate(grid, start=top + 1):
            for c, value in enumerate(row, start=left + 1):
                if value in ("", None):
                    continue
                cell = sheet.cell(r, c)
                if isinstance(value, str):
                    from inclusionplan.forms import write_text

                    write_text(cell, value)
                else:
                    cell.value = value
    return book


def _xlsx_cells(data: bytes) -> int:
    """The cell elements of every sheet part (each becomes an object in openpyxl); 0 when
    the zip cannot be walked (openpyxl then fails, and the values are copied instead)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(
                sum(1 for _ in _CELL_TAG.finditer(archive.read(info)))
                for info in archive.infolist()
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
            )
    except (zipfile.BadZipFile, OSError):
        return 0


def _refuse_too_many_cells(cells: int) -> None:
    if cells > MAX_CELLS:
        raise TooManyCellsError(cells)


def _mark_cells(workbook: Any, findings: Sequence[Finding], lang: str) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    by_cell: dict[tuple[str, int, int], list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.sheet and finding.row and finding.column and finding.sheet in workbook:
            by_cell[(finding.sheet, finding.row, finding.column)].append(finding)
    for (sheet_name, row, column), cell_findings in sorted(by_cell.items()):
        sheet = workbook[sheet_name]
        cell = _writable_cell(sheet, row, column)
        worst = max(cell_findings, key=lambda f: f.severity.rank).severity
        cell.fill = PatternFill("solid", fgColor=FILLS[worst])
        text = "\n".join(
            f"[{severity_label(f.severity, lang)}] {f.message(lang)}" for f in cell_findings
        )
        if len(text) > MAX_COMMENT:
            text = text[: MAX_COMMENT - 1] + "…"
        comment = Comment(text, COMMENT_AUTHOR)
        comment.width, comment.height = 320, 60 + 40 * len(cell_findings)
        cell.comment = comment


def _writable_cell(sheet: Any, row: int, column: int) -> Any:
    """The cell itself, or the top-left cell of the merged range that covers it."""
    for merged in sheet.merged_cells.ranges:
        if merged.min_row <= row <= merged.max_row and merged.min_col <= column <= merged.max_col:
            return sheet.cell(merged.min_row, merged.min_col)
    return sheet.cell(row, column)


def _findings_sheet(
    workbook: Any,
    file_report: FileReport,
    findings: Sequence[Finding],
    lang: str,
    deadline: datetime.date | None,
    converted: str | None,
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    from inclusionplan.forms import write_text

    texts = TEXTS[lang]
    title = SHEET_TITLES[lang]
    while title in workbook.sheetnames:
        title += "_"
    sheet = workbook.create_sheet(title, 0)
    workbook.active = 0
    for other in workbook.worksheets[1:]:
        other.sheet_view.tabSelected = False
    write_text(sheet["A1"], texts["title"])
    sheet["A1"].font = Font(bold=True, size=14)
    share = file_report.completeness
    summary = [
        (texts["file"], Path(file_report.file).name),
        (texts["institution"], file_report.institution_label(lang) or "—"),
        (texts["errors"], str(sum(f.severity is Severity.ERROR for f in findings))),
        (texts["warnings"], str(sum(f.severity is Severity.WARNING for f in findings))),
        (
            texts["completeness"],
            f"{file_report.present} / {file_report.expected}"
            + (f" ({share:.0%})" if share is not None else ""),
        ),
    ]
    if deadline is not None:
        summary.append((texts["deadline"], deadline.strftime("%d.%m.%Y")))
    for offset, (label, value) in enumerate(summary, start=3):
        write_text(sheet.cell(offset, 1), label)
        sheet.cell(offset, 1).font = Font(bold=True)
        write_text(sheet.cell(offset, 2), value)
    row = len(summary) + 4
    notes = [texts["todo"]] + ([texts["converted"].format(format=converted)] if converted else [])
    for note in notes:
        write_text(sheet.cell(row, 1), note)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        sheet.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[row].height = 45
        row += 1
    row += 1
    headers = [texts[key] for key in ("place", "severity", "code", "indicator", "year", "message")]
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row, column)
        write_text(cell, header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F3A5F")
    sheet.freeze_panes = sheet.cell(row + 1, 1)
    for finding in sorted(findings, key=Finding.sort_key):
        row += 1
        place = sheet.cell(row, 1)
        write_text(place, finding.location or "—")
        if finding.sheet in workbook.sheetnames and finding.cell:
            place.hyperlink = Hyperlink(
                ref=place.coordinate, location=f"'{finding.sheet}'!{finding.cell}"
            )
            place.font = Font(color="0563C1", underline="single")
        severity = sheet.cell(row, 2)
        write_text(severity, severity_label(finding.severity, lang))
        severity.fill = PatternFill("solid", fgColor=FILLS[finding.severity])
        write_text(sheet.cell(row, 3), finding.code)
        indicator = " ".join(x for x in (finding.indicator or "", finding.breakdown or "") if x)
        write_text(sheet.cell(row, 4), indicator)
        write_text(sheet.cell(row, 5), str(finding.year or ""))
        write_text(sheet.cell(row, 6), finding.message(lang))
        sheet.cell(row, 6).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEF", (26, 14, 24, 22, 8, 90), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
