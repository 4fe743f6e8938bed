"""Blank forms for institutions: one .xlsx each, from the schema and the plan.

What an officer can fill without instructions from us: a cover, instructions in both
languages, the data sheet (codes and names pre-filled and protected, input cells marked
and checked by Excel's data validation), and a sheet for the sector analysis. A filled
form validates with no finding other than what the values themselves cause.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inclusionplan.errors import UsageError
from inclusionplan.form_texts import INSTRUCTIONS, TEXTS
from inclusionplan.labels import normalize_label
from inclusionplan.output import XML_FORBIDDEN, normalize_zip, write_atomic
from inclusionplan.schema import Schema

if TYPE_CHECKING:
    from inclusionplan.plan import Plan

INPUT_FILL = "FFF4CC"
LOCKED_FILL = "E8EEF4"
HEADER_FILL = "1F3A5F"


@dataclass(frozen=True)
class Form:
    institution: str
    path: Path


def form_targets(plan: Plan, schema: Schema, institution: str | None) -> dict[str, str]:
    """Institution key -> file name of its form (named like its submission in the plan)."""
    targets: dict[str, str] = {}
    for entry in plan.config.submissions:
        targets.setdefault(entry.institution, Path(entry.file).stem + ".xlsx")
    if not targets:
        targets = {key: f"{key}.xlsx" for key in schema.institutions if schema.indicators_of(key)}
    if institution is not None:
        key = institution if institution in targets else schema.institution_key(institution)
        if key is None or key not in targets:
            raise UsageError(detail=f"'{institution}' is not an institution of this plan")
        targets = {key: targets[key]}
    return targets


def write_forms(
    plan: Plan,
    schema: Schema,
    folder: Path,
    lang: str,
    institution: str | None = None,
    year: int | None = None,
) -> list[Form]:
    """The plan's forms; with ``year``, the follow-up forms for that monitoring year (its
    column only) and an implementation form per institution responsible for measures."""
    inputs = {(plan.folder / entry.file).resolve() for entry in plan.config.submissions}
    forms = []
    for key, name in form_targets(plan, schema, institution).items():
        target = folder / name
        if target.resolve() in inputs:
            raise UsageError(detail=f"{target} is a submission of the plan; choose another folder")
        write_atomic(target, form_bytes(plan, schema, key, lang, (year,) if year else None))
        forms.append(Form(key, target))
    if year is not None and institution is None:
        forms += write_implementation_forms(plan, folder, lang, year)
    return forms


def write_implementation_forms(plan: Plan, folder: Path, lang: str, year: int) -> list[Form]:
    """One implementation form per responsible institution of the action matrix."""
    from inclusionplan.actions import read_action_matrix
    from inclusionplan.schema import load_schema

    if plan.config.action_matrix is None:
        return []
    matrix = read_action_matrix(
        plan.folder / plan.config.action_matrix, "matrix", load_schema(plan.schema_path)
    )
    by_responsible: dict[str, list[str]] = {}
    for measure in matrix.measures:
        by_responsible.setdefault(measure.responsible or "—", []).append(measure.name)
    forms = []
    for responsible, measures in sorted(by_responsible.items()):
        slug = re.sub(r"[^a-z0-9]+", "-", normalize_label(responsible)).strip("-") or "team"
        target = folder / f"implementation-{slug}.xlsx"
        write_atomic(target, implementation_form_bytes(plan, responsible, measures, lang, year))
        forms.append(Form(responsible, target))
    return forms


def implementation_form_bytes(
    plan: Plan, responsible: str, measures: list[str], lang: str, year: int
) -> bytes:
    """Measures pre-filled and protected; a status list, spending and a comment to fill."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    from inclusionplan.implementation import STATUS_LABELS, status_label

    texts = TEXTS[lang]
    book = Workbook()
    sheet = book.active
    sheet.title = texts["implementation"]
    write_text(
        sheet["A1"], f"{plan.config.municipality.get(lang)} – {texts['implementation']} {year}"
    )
    sheet["A1"].font = Font(bold=True, size=13)
    write_text(sheet["A2"], f"{texts['institution']}: {responsible}")
    headers = [texts["measure"], texts["status"], texts["spent"], texts["comment"]]
    for column, header in enumerate(headers, start=1):
        write_text(sheet.cell(4, column), header)
        _header_style(sheet.cell(4, column))
    choices = ",".join(status_label(s, lang) for s in STATUS_LABELS)
    status_rule = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
    spent_rule = _validation(
        DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0"), texts, "whole"
    )
    for row, name in enumerate(measures, start=5):
        write_text(sheet.cell(row, 1), name)
        sheet.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        for column in (2, 3, 4):
            _input_style(sheet.cell(row, column))
        status_rule.add(sheet.cell(row, 2).coordinate)
        spent_rule.add(sheet.cell(row, 3).coordinate)
    sheet.add_data_validation(status_rule)
    sheet.add_data_validation(spent_rule)
    for letter, width in zip("ABCD", (60, 18, 18, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A5"
    _fit_to_page_width(sheet, landscape=True)
    sheet.protection.sheet = True
    buffer = io.BytesIO()
    book.save(buffer)
    return normalize_zip(
        buffer.getvalue(), (year, 12, 31, 0, 0, 0), fixed_core_date=f"{year}-12-31T00:00:00Z"
    )


def form_bytes(
    plan: Plan, schema: Schema, institution: str, lang: str, years: tuple[int, ...] | None = None
) -> bytes:
    """One institution's form as .xlsx bytes (``years``: the columns, by default the plan's
    data years); the same inputs give the same bytes."""
    from openpyxl import Workbook

    texts = TEXTS[lang]
    book = Workbook()
    stamp = plan.config.issue_date
    book.properties.creator = plan.config.municipality.get(lang)
    book.properties.title = texts["title"]
    _cover(book.active, plan, schema, institution, lang)
    _instructions(book.create_sheet(texts["instructions"]), lang)
    _data(book.create_sheet(texts["data"]), plan, schema, institution, lang, years or plan.years)
    _analysis(book.create_sheet(texts["analysis"]), lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return normalize_zip(
        buffer.getvalue(),
        (stamp.year, stamp.month, stamp.day, 0, 0, 0),
        fixed_core_date=stamp.isoformat() + "T00:00:00Z",
    )


def write_text(cell: Any, value: str) -> None:
    """Text as text: a value that starts with = + - or @ never becomes a formula, and
    characters XML forbids are dropped (openpyxl would refuse the cell)."""
    cell.value = XML_FORBIDDEN.sub("", value)
    cell.data_type = "s"


def _header_style(cell: Any) -> None:
    from openpyxl.styles import Font, PatternFill

    cell.font = Font(bold=True, color="FFFFFF")
    cell.fill = PatternFill("solid", fgColor=HEADER_FILL)


def _input_style(cell: Any) -> None:
    from openpyxl.styles import PatternFill, Protection

    cell.fill = PatternFill("solid", fgColor=INPUT_FILL)
    cell.protection = Protection(locked=False)


def _cover(sheet: Any, plan: Plan, schema: Schema, institution: str, lang: str) -> None:
    from openpyxl.styles import Font

    texts = TEXTS[lang]
    sheet.title = texts["cover"]
    write_text(sheet["A1"], texts["title"])
    sheet["A1"].font = Font(bold=True, size=14)
    config = plan.config
    rows = [
        (texts["municipality"], config.municipality.get(lang)),
        (texts["institution"], schema.institution_name(institution, lang)),
        (texts["plan"], config.title.get(lang)),
        (texts["years"], config.data_years),
        (texts["deadline"], config.deadline.strftime("%d.%m.%Y") if config.deadline else ""),
    ]
    for offset, (label, value) in enumerate(rows, start=3):
        write_text(sheet.cell(offset, 1), label)
        sheet.cell(offset, 1).font = Font(bold=True)
        write_text(sheet.cell(offset, 2), str(value))
    for offset, label in enumerate(
        (texts["contact"], texts["phone"], texts["email"], texts["date"]), start=len(rows) + 4
    ):
        write_text(sheet.cell(offset, 1), label)
        sheet.cell(offset, 1).font = Font(bold=True)
        _input_style(sheet.cell(offset, 2))
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 70
    _fit_to_page_width(sheet)
    sheet.protection.sheet = True


def _instructions(sheet: Any, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    order = [lang, "en" if lang == "sq" else "sq"]
    row = 1
    for language in order:
        write_text(sheet.cell(row, 1), TEXTS[language]["instructions"])
        sheet.cell(row, 1).font = Font(bold=True, size=13)
        row += 1
        for line in INSTRUCTIONS[language]:
            write_text(sheet.cell(row, 1), line)
            sheet.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
            row += 1
        row += 1
    sheet.column_dimensions["A"].width = 110
    _fit_to_page_width(sheet)
    sheet.protection.sheet = True


def _data(
    sheet: Any, plan: Plan, schema: Schema, institution: str, lang: str, years: tuple[int, ...]
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    texts = TEXTS[lang]
    write_text(sheet["A1"], f"{plan.config.municipality.get(lang)} – {texts['title']}")
    sheet["A1"].font = Font(bold=True, size=13)
    write_text(sheet["A2"], f"{texts['institution']}: {schema.institution_name(institution, lang)}")
    sheet["A2"].font = Font(bold=True)
    header_row = 4
    headers = [texts["code"], texts["name"], texts["breakdown"], texts["unit"]]
    for column, text in enumerate(headers, start=1):
        write_text(sheet.cell(header_row, column), text)
        _header_style(sheet.cell(header_row, column))
    for offset, year in enumerate(years):
        cell = sheet.cell(header_row, 5 + offset, year)
        _header_style(cell)
    whole = _validation(
        DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0"), texts, "whole"
    )
    percent = _validation(
        DataValidation(type="decimal", operator="between", formula1="0", formula2="100"),
        texts,
        "percent",
    )
    locked = PatternFill("solid", fgColor=LOCKED_FILL)
    row = header_row + 1
    for indicator in schema.indicators_of(institution):
        for breakdown in indicator.breakdowns:
            values = [
                indicator.code,
                indicator.names.get(lang),
                schema.breakdown_label(breakdown, lang),
                indicator.unit.get(lang),
            ]
            for column, value in enumerate(values, start=1):
                write_text(sheet.cell(row, column), value)
                sheet.cell(row, column).fill = locked
            rule = percent if indicator.type == "percentage" else whole
            for offset in range(len(years)):
                cell = sheet.cell(row, 5 + offset)
                _input_style(cell)
                rule.add(cell.coordinate)
            row += 1
    for rule in (whole, percent):
        if rule.sqref:
            sheet.add_data_validation(rule)
    sheet.freeze_panes = sheet.cell(header_row + 1, 5)
    for letter, width in zip("ABCD", (9, 52, 26, 14), strict=True):
        sheet.column_dimensions[letter].width = width
    for offset in range(len(years)):
        sheet.column_dimensions[sheet.cell(1, 5 + offset).column_letter].width = 11
    for cells in sheet.iter_rows(min_row=header_row, max_row=row - 1, max_col=4):
        for cell in cells:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    _fit_to_page_width(sheet, landscape=True)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.protection.sheet = True


def _fit_to_page_width(sheet: Any, landscape: bool = False) -> None:
    if landscape:
        sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _validation(rule: Any, texts: dict[str, str], kind: str) -> Any:
    rule.allow_blank = True
    rule.showInputMessage = True
    rule.showErrorMessage = True
    rule.errorStyle = "stop"
    rule.promptTitle = texts[f"{kind}_title"]
    rule.prompt = texts[f"{kind}_prompt"]
    rule.errorTitle = texts[f"{kind}_title"]
    rule.error = texts[f"{kind}_error"]
    return rule


def _analysis(sheet: Any, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    texts = TEXTS[lang]
    write_text(sheet["A1"], texts["analysis_prompt"])
    sheet["A1"].font = Font(italic=True)
    sheet.column_dimensions["A"].width = 110
    for row in range(3, 23):
        _input_style(sheet.cell(row, 1))
        sheet.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.protection.sheet = True
