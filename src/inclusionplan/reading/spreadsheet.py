"""Workbooks through python-calamine: .xlsx, .xlsm, .xls and .ods, sheet by sheet."""

from __future__ import annotations

import io
import threading

import python_calamine

from inclusionplan.findings import Finding, Severity
from inclusionplan.labels import normalize_label
from inclusionplan.observations import SectorText, Submission
from inclusionplan.reading.ooxml import SheetFacts, WorkbookFacts, scan_part
from inclusionplan.reading.tables import Grid, cell_text, read_table

ANALYSIS_SHEET_PREFIXES = ("analiz", "analysis", "raport", "report", "vleresim", "assessment")
# Sheets a submission is expected to carry beside its data: listed, not reported.
AUXILIARY_SHEET_PREFIXES = ("udhezim", "instruction", "kopertin", "cover", "shenim", "note")


def read_workbook(data: bytes, submission: Submission, facts: WorkbookFacts | None) -> None:
    """Read every sheet of a workbook into ``submission``; calamine errors propagate."""
    workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    hidden = {
        meta.name
        for meta in workbook.sheets_metadata
        if meta.visible != python_calamine.SheetVisibleEnum.Visible
    }
    empty = True
    for name in workbook.sheet_names:
        unscanned = facts.unscanned.get(name) if facts else None
        if unscanned is None:
            sheet = workbook.get_sheet_by_name(name)
            sheet_facts = facts.sheets.get(name, SheetFacts()) if facts else SheetFacts()
        else:
            sheet, sheet_facts = _parse_while_scanning(workbook, name, data, unscanned)
        grid = sheet.to_python()
        empty = empty and not any(cell_text(value) for row in grid for value in row)
        start = sheet.start or (0, 0)
        table = read_table(
            grid,
            name,
            submission.name,
            row_offset=start[0],
            column_offset=start[1],
            formulas=sheet_facts.formulas_without_value,
        )
        if table is None:
            _read_other_sheet(name, grid, submission)
            continue
        submission.tables.append(table.table)
        submission.findings.extend(table.findings)
        if submission.institution_label is None:
            submission.institution_label = table.institution_label
        submission.findings.extend(
            _hidden_findings(submission.name, name, name in hidden, sheet_facts)
        )
    submission.empty = empty


def _parse_while_scanning(
    workbook: python_calamine.CalamineWorkbook, name: str, data: bytes, part: str
) -> tuple[python_calamine.CalamineSheet, SheetFacts]:
    """calamine parses a sheet without holding the GIL: another thread scans the sheet's
    part in the meantime. The scan waits until calamine is about to start (its long
    searches hold the GIL and would keep calamine from starting); calamine runs in this
    thread, so its errors and panics are raised here as usual."""
    from concurrent.futures import ThreadPoolExecutor

    calamine_starts = threading.Event()

    def scan() -> SheetFacts:
        calamine_starts.wait()
        return scan_part(data, part)

    with ThreadPoolExecutor(1, thread_name_prefix="inclusionplan-scan") as pool:
        scanned = pool.submit(scan)
        calamine_starts.set()
        sheet = workbook.get_sheet_by_name(name)
        return sheet, scanned.result()


def _read_other_sheet(name: str, grid: Grid, submission: Submission) -> None:
    """A sheet with no indicator table: the sector analysis, or a sheet listed as skipped."""
    if normalize_label(name).startswith(ANALYSIS_SHEET_PREFIXES):
        paragraphs = [
            text
            for row in grid
            for value in row
            if (text := cell_text(value)) and len(text) > 1 and not is_heading(text)
        ]
        if paragraphs:
            submission.texts.append(SectorText(sheet=name, paragraphs=paragraphs))
        else:
            submission.auxiliary_sheets.append(name)  # an analysis not written yet
        return
    if normalize_label(name).startswith(AUXILIARY_SHEET_PREFIXES):
        submission.auxiliary_sheets.append(name)
        return
    submission.findings.append(
        Finding(
            code="sheet-skipped",
            severity=Severity.INFO,
            file=submission.name,
            sheet=name,
            params={"sheet": name},
        )
    )


def is_heading(text: str) -> bool:
    """A sheet's own title ('Analiza e sektorit') or a form's prompt, not the analysis."""
    from inclusionplan.form_texts import analysis_prompts

    label = normalize_label(text)
    if len(label) < 40 and label.startswith(ANALYSIS_SHEET_PREFIXES):
        return True
    return label in analysis_prompts()


def _hidden_findings(file: str, sheet: str, sheet_hidden: bool, facts: SheetFacts) -> list[Finding]:
    findings = []
    if sheet_hidden:
        findings.append(_hidden(file, sheet, "sheet", ""))
    if facts.hidden_rows:
        findings.append(_hidden(file, sheet, "rows", _ranges(facts.hidden_rows)))
    if facts.hidden_columns:
        from inclusionplan.findings import column_letters

        letters = [column_letters(c) for c in facts.hidden_columns[:50]]
        findings.append(_hidden(file, sheet, "columns", ", ".join(letters)))
    return findings


def _hidden(file: str, sheet: str, kind: str, items: str) -> Finding:
    return Finding(
        code="hidden-content",
        severity=Severity.INFO,
        file=file,
        sheet=sheet,
        params={"variant": kind, "sheet": sheet, "items": items},
    )


def _ranges(numbers: tuple[int, ...]) -> str:
    """``3-5, 9`` for rows 3, 4, 5 and 9."""
    parts: list[str] = []
    ordered = sorted(set(numbers))
    start = previous = ordered[0]
    for number in [*ordered[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(parts)
