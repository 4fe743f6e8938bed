"""Workbooks through python-calamine: .xlsx, .xlsm, .xls and .ods, sheet by sheet."""

from __future__ import annotations

import contextlib
import io
import threading
from collections.abc import Callable
from pathlib import Path

import python_calamine

from inclusionplan.findings import Finding, Severity
from inclusionplan.labels import normalize_label
from inclusionplan.observations import SectorText, Submission
from inclusionplan.reading import is_panic
from inclusionplan.reading.halves import ParsedHalf, SheetHalves, join
from inclusionplan.reading.ooxml import SheetFacts, WorkbookFacts, scan_part
from inclusionplan.reading.tables import Grid, cell_text, read_table

ANALYSIS_SHEET_PREFIXES = ("analiz", "analysis", "raport", "report", "vleresim", "assessment")
# Sheets a submission is expected to carry beside its data: listed, not reported.
AUXILIARY_SHEET_PREFIXES = ("udhezim", "instruction", "kopertin", "cover", "shenim", "note")


def read_workbook(
    data: bytes,
    submission: Submission,
    facts: WorkbookFacts | None,
    parsing_started: Callable[[], None] | None = None,
) -> None:
    """Read every sheet of a workbook into ``submission``; calamine errors propagate.
    ``parsing_started`` is called as calamine starts on a sheet (on a sheet cut in two,
    once both halves have started: until then another thread's work would hold the GIL
    they need to start)."""
    workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    hidden = {
        meta.name
        for meta in workbook.sheets_metadata
        if meta.visible != python_calamine.SheetVisibleEnum.Visible
    }
    empty = True
    for name in workbook.sheet_names:
        grid, start, sheet_facts = _parsed(workbook, name, data, facts, parsing_started)
        empty = empty and not any(cell_text(value) for row in grid for value in row)
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


def _parsed(
    workbook: python_calamine.CalamineWorkbook,
    name: str,
    data: bytes,
    facts: WorkbookFacts | None,
    parsing_started: Callable[[], None] | None,
) -> tuple[Grid, tuple[int, int], SheetFacts]:
    """A sheet's rows, where they start, and the facts calamine does not report."""
    halves = facts.halves.get(name) if facts else None
    part = facts.unscanned.get(name) if facts else None
    if part is None:
        known = facts.sheets.get(name, SheetFacts()) if facts else SheetFacts()
        return *_parse(workbook, name, halves, parsing_started or _nothing), known
    return _parse_while_scanning(
        lambda started: _parse(workbook, name, halves, started),
        lambda: scan_part(data, part),
        parsing_started or _nothing,
    )


def _nothing() -> None:
    pass


def _parse(
    workbook: python_calamine.CalamineWorkbook,
    name: str,
    halves: SheetHalves | None,
    started: Callable[[], None],
) -> tuple[Grid, tuple[int, int]]:
    """The halves of a sheet cut in two, parsed at once; the whole sheet when there are
    none or they cannot be joined, in this thread, so that calamine's errors and panics
    are raised here as usual. ``started`` is called once calamine is about to start."""
    joined = _parse_halves(halves, name, started) if halves else None
    if joined is not None:
        return joined
    started()
    sheet = workbook.get_sheet_by_name(name)
    return sheet.to_python(), sheet.start or (0, 0)


def _parse_while_scanning(
    parse: Callable[[Callable[[], None]], tuple[Grid, tuple[int, int]]],
    scan: Callable[[], SheetFacts],
    started: Callable[[], None],
) -> tuple[Grid, tuple[int, int], SheetFacts]:
    """calamine parses a sheet without holding the GIL: another thread scans the sheet's
    part in the meantime. The scan waits until calamine is about to start (its long
    searches hold the GIL and would keep calamine from starting)."""
    from concurrent.futures import ThreadPoolExecutor

    calamine_starts = threading.Event()

    def scan_when_started() -> SheetFacts:
        calamine_starts.wait()
        return scan()

    def start() -> None:
        calamine_starts.set()
        started()

    with ThreadPoolExecutor(1, thread_name_prefix="inclusionplan-scan") as pool:
        scanned = pool.submit(scan_when_started)
        try:
            return *parse(start), scanned.result()
        finally:
            calamine_starts.set()


def _parse_halves(
    halves: SheetHalves, name: str, started: Callable[[], None]
) -> tuple[Grid, tuple[int, int]] | None:
    """The sheet's rows from its two halves, parsed side by side (``started`` once both
    have begun); None when a half cannot be parsed or they cannot be joined (``join``)."""
    from concurrent.futures import ThreadPoolExecutor

    def parse(path: Path, begun: threading.Event) -> ParsedHalf | None:
        try:
            return _parse_half(path, name, begun.set)
        finally:
            begun.set()  # failed before calamine began: no one waits for it

    with ThreadPoolExecutor(2, thread_name_prefix="inclusionplan-half") as pool:
        begun = (threading.Event(), threading.Event())
        parsing = [
            pool.submit(parse, path, event)
            for path, event in zip((halves.first, halves.second), begun, strict=True)
        ]
        for event in begun:
            event.wait()
        started()
        parsed = [half.result() for half in parsing]
    if None in parsed:
        return None
    return join([half for half in parsed if half is not None])


def _parse_half(path: Path, name: str, begins: Callable[[], None]) -> ParsedHalf | None:
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        with contextlib.suppress(OSError):  # calamine holds it open: gone if killed now
            path.unlink()
        begins()
        sheet = workbook.get_sheet_by_name(name)
        return ParsedHalf(sheet.to_python(), sheet.start, sheet.end)
    except Exception:  # the whole sheet is parsed instead, and its errors reported
        return None
    except BaseException as error:
        if is_panic(error):
            return None
        raise


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
