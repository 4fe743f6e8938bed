"""Generate the sample plan folders: sample_data/elbasan (clean) and sample_data/faulty.

The figures are illustrative, not official statistics: a seeded generator makes values
that are plausible and internally consistent (partitions add up, subgroups stay under
their totals, the schema's cross-indicator rules hold, no year moves by half). Each
institution's file takes a different shape, as real submissions do: title rows, merged
code cells, a two-row header, long layout, .xls, .ods, CSV, formulas with cached values,
a notes sheet and a sector analysis sheet.

Run: python sample_data/generate.py   (needs the test extra: openpyxl, xlwt, odfpy)
"""

from __future__ import annotations

import random
import re
import shutil
import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from inclusionplan.schema import Indicator, builtin_schema

HERE = Path(__file__).resolve().parent
YEARS = (2012, 2013, 2014, 2015, 2016)
FIXED_TIME = datetime(2016, 7, 15, 9, 0, 0)

# Size of each indicator's total in 2012 and its yearly drift (illustrative).
BASE = {
    "CX01": (295_000, -0.004),
    "SP01": (4_210, -0.04),
    "SP02": (402_000, -0.02),
    "SP03": (5_600, -0.03),
    "SP04": (6_150, 0.02),
    "SP05": (820, 0.06),
    "SP06": (140, 0.05),
    "EM01": (9_850, -0.03),
    "EM02": (610, 0.07),
    "EM03": (240, 0.08),
    "EM04": (520, 0.05),
    "EM05": (730, -0.05),
    "ED01": (4_900, 0.01),
    "ED02": (27_400, -0.012),
    "ED03": (310, -0.06),
    "ED04": (180, 0.09),
    "ED05": (93.4, 0.004),
    "HE01": (612_000, 0.015),
    "HE02": (97.1, 0.001),
    "HE03": (1_450, -0.07),
    "HE04": (2_300, 0.05),
    "HE05": (1_900, 0.02),
    "HO01": (560, 0.04),
    "HO02": (118, 0.06),
    "HO03": (64, -0.03),
    "HO04": (290, 0.05),
    "HO05": (85, 0.1),
    "HR01": (410, 0.06),
    "HR02": (236, 0.05),
    "HR03": (95, -0.02),
    "HR04": (150, -0.08),
    "HR05": (9, 0.1),
    "HR06": (640, 0.12),
}
# Each rule's left side is made from its right side, part by part, so the rule holds.
DERIVED = {
    "SP01": ("SP03", 0.75),
    "EM02": ("EM01", 0.062),
    "EM05": ("EM01", 0.074),
    "ED03": ("ED02", 0.011),
    "ED04": ("ED02", 0.0066),
    "HO02": ("HO01", 0.21),
}
SHARES = {
    "female": 0.49,
    "urban": 0.58,
    "roma_egyptian": 0.07,
    "pwd": 0.035,
    "youth": 0.31,
    "long_term": 0.52,
    "children": 0.24,
    "female_headed": 0.14,
}

Table = dict[str, dict[str, dict[int, float]]]  # code -> breakdown -> year -> value


def make_values(seed: int = 2016, scale: float = 1.0) -> Table:
    """Consistent illustrative values; ``scale`` sizes the counts to a municipality."""
    rng = random.Random(seed)
    schema = builtin_schema()
    values: Table = {}
    drift_noise = {year: rng.uniform(-0.01, 0.01) for year in YEARS}
    order = sorted(schema.indicators, key=lambda code: code in DERIVED)
    for code in order:
        indicator = schema.indicators[code]
        if code in DERIVED:
            source, factor = DERIVED[code]
            totals = {
                y: values[source]["total"][y] * factor * (1 + 0.03 * i) for i, y in enumerate(YEARS)
            }
        else:
            base, drift = BASE[code]
            if indicator.type != "percentage":
                base *= scale
            totals = {y: base * (1 + drift + drift_noise[y]) ** i for i, y in enumerate(YEARS)}
        values[code] = _breakdowns(indicator, totals)
    return values


def _breakdowns(indicator: Indicator, totals: dict[int, float]) -> dict[str, dict[int, float]]:
    if indicator.type == "percentage":
        rows = {"total": {y: round(min(v, 99.6), 1) for y, v in totals.items()}}
        for _, (first, second) in indicator.partitions:
            rows[first] = {y: round(min(v + 0.6, 99.8), 1) for y, v in rows["total"].items()}
            rows[second] = {y: round(v - 0.5, 1) for y, v in rows["total"].items()}
        return rows
    whole = {y: float(int(v + 0.5)) for y, v in totals.items()}
    rows = {"total": whole}
    for _, (first, second) in indicator.partitions:
        share = SHARES[first]
        rows[first] = {y: float(int(v * share + 0.5)) for y, v in whole.items()}
        rows[second] = {y: v - rows[first][y] for y, v in whole.items()}
    for subgroup in indicator.subgroups:
        rows[subgroup] = {y: float(int(v * SHARES[subgroup] + 0.5)) for y, v in whole.items()}
    return rows


# --- what each institution sends ---------------------------------------------------------

SUBMISSIONS = [
    ("social_services", "drejtoria_sherbimeve_sociale.xlsx", "merged_titles"),
    ("state_social_service", "dshss_elbasan.xls", "xls_plain"),
    ("employment_office", "zyra_e_punes_2012-2016.xlsx", "sections_formulas"),
    ("vocational_training", "qendra_formimit_profesional.ods", "ods_plain"),
    ("education", "drejtoria_arsimore_rajonale.xlsx", "long"),
    ("primary_health", "kujdesi_shendetesor_paresor.xlsx", "two_row_header"),
    ("housing", "sektori_strehimit.csv", "csv_semicolon"),
    ("emergencies", "drejtoria_emergjencave.xlsx", "merged_titles"),
    ("police", "policia_qarku_elbasan.xlsx", "sections_formulas"),
    ("court", "gjykata_rrethit.xlsx", "english_plain"),
    ("probation", "sherbimi_provës.xlsx", "merged_titles"),
    ("civil_registry", "gjendja_civile.xlsx", "two_sheets"),
    ("anti_discrimination", "kmd_ankesat.csv", "csv_comma"),
    ("strategic_policies", "politikat_strategjike.xlsx", "english_plain"),
]

ANALYSIS = {
    "social_services": [
        "Numri i familjeve që përfitojnë ndihmë ekonomike është ulur gradualisht, kryesisht "
        "pas rivlerësimit të kritereve dhe pastrimit të listave.",
        "Mbeten të ekspozuara familjet rome dhe egjiptiane dhe familjet me kryefamiljare gra; "
        "shërbimet në komunitet mbulojnë ende pak njësi administrative rurale.",
        "Propozojmë ngritjen e një qendre ditore multifunksionale dhe rritjen e stafit të NJMF.",
    ],
    "employment_office": [
        "Papunësia e regjistruar bie, por papunësia afatgjatë mbetet mbi gjysmën e totalit.",
        "Programet e nxitjes së punësimit kanë arritur më shumë gra, por pak punëkërkues romë.",
    ],
    "primary_health": [
        "Mbulimi me vaksinim mbetet i lartë; mungesa e kartës së shëndetit prek ende familjet "
        "me ndihmë ekonomike, sidomos në zonat rurale.",
    ],
}


def rows_for(institution: str, values: Table) -> list[tuple[Indicator, str, dict[int, float]]]:
    schema = builtin_schema()
    rows = []
    for indicator in schema.indicators_of(institution):
        for breakdown in indicator.breakdowns:
            if breakdown in values[indicator.code]:
                rows.append((indicator, breakdown, values[indicator.code][breakdown]))
    return rows


Row = tuple[Indicator, str, dict[int, object]]


def _label(key: str, lang: str = "sq") -> str:
    return builtin_schema().breakdown_label(key, lang)


def _number(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _openpyxl_book():  # type: ignore[no-untyped-def]
    import openpyxl

    book = openpyxl.Workbook()
    book.properties.creator = "Bashkia Elbasan"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    return book


def _title_rows(sheet, institution: str, columns: int) -> int:  # type: ignore[no-untyped-def]
    from openpyxl.styles import Font

    names = builtin_schema().institutions[institution]
    sheet["A1"] = "BASHKIA ELBASAN – Plani Vendor i Përfshirjes Sociale 2016–2020"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    sheet["A2"] = "Institucioni:"
    sheet["B2"] = names.sq
    sheet["A3"] = "Data: 15.07.2016"
    return 5


def write_merged_titles(path: Path, institution: str, rows: list[Row], lang: str = "sq") -> None:
    """Title rows, institution line, code and name merged over their breakdown rows."""
    from openpyxl.styles import Alignment, Font

    book = _openpyxl_book()
    sheet = book.active
    sheet.title = "Të dhënat"
    header_row = _title_rows(sheet, institution, 5 + len(YEARS))
    headers = ["Kodi", "Treguesi", "Ndarja", "Njësia", *YEARS, "Shënime"]
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(header_row, column, header)
        cell.font = Font(bold=True)
    row_number = header_row + 1
    by_code: dict[str, list[Row]] = {}
    for row in rows:
        by_code.setdefault(row[0].code, []).append(row)
    for code, group in by_code.items():
        first = row_number
        for indicator, breakdown, series in group:
            if row_number == first:
                sheet.cell(row_number, 1, code)
                sheet.cell(row_number, 2, indicator.names.sq)
            sheet.cell(row_number, 3, _label(breakdown))
            sheet.cell(row_number, 4, indicator.unit.sq)
            for offset, year in enumerate(YEARS):
                value = series.get(year)
                if value is not None:
                    sheet.cell(row_number, 5 + offset, _number(value))
            row_number += 1
        if len(group) > 1:
            sheet.merge_cells(start_row=first, start_column=1, end_row=row_number - 1, end_column=1)
            sheet.merge_cells(start_row=first, start_column=2, end_row=row_number - 1, end_column=2)
            sheet.cell(first, 2).alignment = Alignment(vertical="top", wrap_text=True)
    sheet.cell(row_number + 1, 1, f"Burimi: {builtin_schema().institutions[institution].sq}")
    sheet.column_dimensions["B"].width = 48
    sheet.column_dimensions["C"].width = 24
    notes = book.create_sheet("Shënime")
    notes["A1"] = "Shënime: të dhënat janë në fund të çdo viti kalendarik."
    if institution in ANALYSIS:
        analysis = book.create_sheet("Analiza")
        analysis["A1"] = "Analiza e sektorit"
        for index, paragraph in enumerate(ANALYSIS[institution], start=3):
            analysis.cell(index, 1, paragraph)
    book.save(path)


def write_sections_formulas(path: Path, institution: str, rows: list[Row]) -> None:
    """Section rows, totals as =SUM formulas with cached values, a source line."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = _openpyxl_book()
    sheet = book.active
    sheet.title = "Tabela"
    header_row = _title_rows(sheet, institution, 4 + len(YEARS))
    for column, header in enumerate(["Kodi", "Treguesi", "Ndarja", "Njësia", *YEARS], start=1):
        sheet.cell(header_row, column, header).font = Font(bold=True)
    row_number = header_row + 1
    cached: dict[str, object] = {}
    current_area = None
    totals_row: dict[str, int] = {}
    for indicator, breakdown, series in rows:
        if indicator.area != current_area:
            current_area = indicator.area
            area = builtin_schema().areas[indicator.area].sq
            sheet.cell(row_number, 1, f"{indicator.area}. {area}").font = Font(italic=True)
            row_number += 1
        sheet.cell(row_number, 1, indicator.code)
        sheet.cell(row_number, 2, indicator.names.sq)
        sheet.cell(row_number, 3, _label(breakdown))
        sheet.cell(row_number, 4, indicator.unit.sq)
        if breakdown == "total":
            totals_row[indicator.code] = row_number
        for offset, year in enumerate(YEARS):
            sheet.cell(row_number, 5 + offset, _number(series.get(year)))
        if breakdown == "male" and indicator.code in totals_row:
            # The total as a formula over female + male, with its value cached.
            total_row = totals_row[indicator.code]
            for offset in range(len(YEARS)):
                column = 5 + offset
                letter = get_column_letter(column)
                formula = f"SUM({letter}{row_number - 1}:{letter}{row_number})"
                cell = sheet.cell(total_row, column)
                cached[f"{letter}{total_row}"] = cell.value
                cell.value = f"={formula}"
        row_number += 1
    sheet.cell(row_number + 1, 1, "Burimi: " + builtin_schema().institutions[institution].sq)
    book.save(path)
    add_cached_values(path, sheet_index=1, values=cached)


def add_cached_values(path: Path, sheet_index: int, values: dict[str, object]) -> None:
    """Give formulas the cached values Excel would have stored (openpyxl writes none)."""
    part = f"xl/worksheets/sheet{sheet_index}.xml"
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    rewritten = []
    for info, data in items:
        if info.filename == part:
            text = data.decode("utf-8")
            for ref, value in values.items():
                text = re.sub(
                    rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?',
                    lambda m, v=value: f"{m.group(1)}{m.group(2)}<v>{_number(v)}</v>",
                    text,
                )
            data = text.encode("utf-8")
        rewritten.append((info, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in rewritten:
            archive.writestr(info, data)


def write_two_row_header(path: Path, institution: str, rows: list[Row]) -> None:
    """'Viti' merged over the year columns, the years on the row below."""
    from openpyxl.styles import Font

    book = _openpyxl_book()
    sheet = book.active
    sheet.title = "Treguesit"
    header_row = _title_rows(sheet, institution, 3 + len(YEARS))
    for column, header in enumerate(["Kodi i treguesit", "Emërtimi", "Zbërthimi"], start=1):
        sheet.cell(header_row, column, header).font = Font(bold=True)
    sheet.cell(header_row, 4, "Viti").font = Font(bold=True)
    sheet.merge_cells(
        start_row=header_row, start_column=4, end_row=header_row, end_column=3 + len(YEARS)
    )
    for offset, year in enumerate(YEARS):
        sheet.cell(header_row + 1, 4 + offset, year).font = Font(bold=True)
    row_number = header_row + 2
    for indicator, breakdown, series in rows:
        sheet.cell(row_number, 1, indicator.code)
        sheet.cell(row_number, 2, indicator.names.sq)
        sheet.cell(row_number, 3, _label(breakdown))
        for offset, year in enumerate(YEARS):
            sheet.cell(row_number, 4 + offset, _number(series.get(year)))
        row_number += 1
    if institution in ANALYSIS:
        analysis = book.create_sheet("Analiza e sektorit")
        for index, paragraph in enumerate(ANALYSIS[institution], start=1):
            analysis.cell(index, 1, paragraph)
    book.save(path)


def write_long(path: Path, institution: str, rows: list[Row]) -> None:
    """One row per value: code, breakdown, year, value."""
    book = _openpyxl_book()
    sheet = book.active
    sheet.title = "Të dhënat"
    sheet.append(["Drejtoria Arsimore Rajonale Elbasan"])
    sheet.append([])
    sheet.append(["Kodi", "Treguesi", "Ndarja", "Viti", "Vlera", "Shënim"])
    for indicator, breakdown, series in rows:
        for year in YEARS:
            sheet.append(
                [
                    indicator.code,
                    indicator.names.sq,
                    _label(breakdown),
                    year,
                    _number(series.get(year)),
                    None,
                ]
            )
    book.save(path)


def write_english_plain(path: Path, institution: str, rows: list[Row]) -> None:
    """English headers, no title rows; no breakdown column when all rows are totals."""
    book = _openpyxl_book()
    sheet = book.active
    sheet.title = "Data"
    has_breakdowns = any(breakdown != "total" for _, breakdown, _ in rows)
    headers = [
        "Code",
        "Indicator",
        *(["Breakdown"] if has_breakdowns else []),
        "Unit",
        *[f"Year {y}" for y in YEARS],
    ]
    sheet.append(headers)
    for indicator, breakdown, series in rows:
        label = [_label(breakdown, "en")] if has_breakdowns else []
        sheet.append(
            [
                indicator.code,
                indicator.names.en,
                *label,
                indicator.unit.en,
                *[_number(series.get(y)) for y in YEARS],
            ]
        )
    book.save(path)


def write_two_sheets(path: Path, institution: str, rows: list[Row]) -> None:
    """One data sheet per indicator, plus an instructions sheet."""
    book = _openpyxl_book()
    book.active.title = "Udhëzime"
    book.active["A1"] = "Plotësoni tabelat në fletët e tjera. Mos ndryshoni kodet."
    for code in sorted({indicator.code for indicator, _, _ in rows}):
        sheet = book.create_sheet(code)
        sheet.append(["Kodi", "Ndarja", *YEARS])
        for indicator, breakdown, series in rows:
            if indicator.code == code:
                sheet.append([code, _label(breakdown), *[_number(series.get(y)) for y in YEARS]])
    book.save(path)


def write_xls_plain(path: Path, institution: str, rows: list[Row]) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Te dhenat")
    sheet.write(0, 0, builtin_schema().institutions[institution].sq)
    for column, header in enumerate(["Kodi", "Treguesi", "Ndarja", *YEARS]):
        sheet.write(2, column, header)
    for index, (indicator, breakdown, series) in enumerate(rows, start=3):
        sheet.write(index, 0, indicator.code)
        sheet.write(index, 1, indicator.names.sq)
        sheet.write(index, 2, _label(breakdown))
        for offset, year in enumerate(YEARS):
            value = series.get(year)
            if value is not None:
                sheet.write(index, 3 + offset, _number(value))
    book.save(str(path))


def write_ods_plain(path: Path, institution: str, rows: list[Row]) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table as OdsTable
    from odf.table import TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = OdsTable(name="Të dhënat")

    def add_row(values: list[object]) -> None:
        row = TableRow()
        for value in values:
            if isinstance(value, int | float) and not isinstance(value, bool):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
            elif value in (None, ""):
                cell = TableCell()
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)

    add_row([f"Institucioni: {builtin_schema().institutions[institution].sq}"])
    add_row([])
    add_row(["Kodi", "Treguesi", "Ndarja", *YEARS])
    for indicator, breakdown, series in rows:
        add_row(
            [
                indicator.code,
                indicator.names.sq,
                _label(breakdown),
                *[_number(series.get(y)) for y in YEARS],
            ]
        )
    document.spreadsheet.addElement(table)
    document.save(str(path))


def _csv(path: Path, rows: list[Row], delimiter: str, encoding: str) -> None:
    lines = [delimiter.join(["Kodi", "Treguesi", "Ndarja", *map(str, YEARS)])]
    for indicator, breakdown, series in rows:
        cells = [indicator.code, indicator.names.sq, _label(breakdown)]
        cells += ["" if series.get(y) is None else str(_number(series.get(y))) for y in YEARS]
        lines.append(delimiter.join(f'"{c}"' if delimiter in c else c for c in cells))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))


def write_csv_semicolon(path: Path, institution: str, rows: list[Row]) -> None:
    """Excel's 'CSV (semicolon)' export from an Albanian Windows: cp1252, ';'."""
    _csv(path, rows, ";", "cp1252")


def write_csv_comma(path: Path, institution: str, rows: list[Row]) -> None:
    _csv(path, rows, ",", "utf-8-sig")


WRITERS: dict[str, Callable[[Path, str, list[Row]], None]] = {
    "merged_titles": write_merged_titles,
    "sections_formulas": write_sections_formulas,
    "two_row_header": write_two_row_header,
    "long": write_long,
    "english_plain": write_english_plain,
    "two_sheets": write_two_sheets,
    "xls_plain": write_xls_plain,
    "ods_plain": write_ods_plain,
    "csv_semicolon": write_csv_semicolon,
    "csv_comma": write_csv_comma,
}

# --- the team's own workbooks ------------------------------------------------------------

# (area, strategic objective, specific objective, measure, responsible, partners, start, end,
#  cost in lekë, funding, indicator, target factor on the 2016 value, target group, programme)
MEASURES = [
    (
        "SP",
        "Ulja e varfërisë ekstreme",
        "Përmirësimi i shënjestrimit të ndihmës ekonomike",
        "Rivlerësimi i familjeve përfituese me skemën e pikëzimit",
        "Drejtoria e Shërbimeve Sociale",
        "DRSHSSH",
        2017,
        2018,
        2_400_000,
        "Buxheti i bashkisë",
        "SP01",
        0.9,
        "Familjet në nevojë",
        "10430",
    ),
    (
        "SP",
        "Ulja e varfërisë ekstreme",
        "Përmirësimi i shënjestrimit të ndihmës ekonomike",
        "Informim në terren për familjet rome dhe egjiptiane mbi ndihmën ekonomike",
        "Drejtoria e Shërbimeve Sociale",
        "Qendra komunitare rome",
        2017,
        2020,
        1_600_000,
        "Donator",
        "SP03",
        1.0,
        "Komuniteti rom dhe egjiptian",
        "10430",
    ),
    (
        "SP",
        "Shërbime sociale në komunitet",
        "Zgjerimi i shërbimeve të kujdesit shoqëror",
        "Ngritja e qendrës ditore multifunksionale në Bradashesh",
        "Drejtoria e Shërbimeve Sociale",
        "Fondi Social",
        2018,
        2019,
        18_500_000,
        "Fondi Social",
        "SP05",
        1.35,
        "PAK dhe të moshuar",
        "10140",
    ),
    (
        "SP",
        "Shërbime sociale në komunitet",
        "Zgjerimi i shërbimeve të kujdesit shoqëror",
        "Shërbim i kujdesit në shtëpi për të moshuarit e vetmuar",
        "Drejtoria e Shërbimeve Sociale",
        "Kryqi i Kuq",
        2017,
        2020,
        6_800_000,
        "Buxheti i bashkisë",
        "SP05",
        1.2,
        "Të moshuarit",
        "10140",
    ),
    (
        "SP",
        "Mbrojtja e fëmijëve",
        "Forcimi i Njësisë për Mbrojtjen e Fëmijëve",
        "Punësimi i dy punonjësve të rinj të mbrojtjes së fëmijëve",
        "Drejtoria e Shërbimeve Sociale",
        "",
        2017,
        2020,
        5_760_000,
        "Grant i kushtëzuar qendror",
        "SP06",
        1.3,
        "Fëmijët në rrezik",
        "10430",
    ),
    (
        "EM",
        "Rritja e punësimit të grupeve në nevojë",
        "Nxitja e punësimit të të rinjve",
        "Programi i praktikave profesionale për të rinjtë e papunë",
        "Zyra e Punës",
        "Dhoma e Tregtisë",
        2017,
        2020,
        7_200_000,
        "Grant i kushtëzuar qendror",
        "EM03",
        1.5,
        "Të rinjtë 15-29",
        "",
    ),
    (
        "EM",
        "Rritja e punësimit të grupeve në nevojë",
        "Nxitja e punësimit të të rinjve",
        "Panairi vjetor i punës",
        "Zyra e Punës",
        "Bashkia Elbasan",
        2017,
        2020,
        1_200_000,
        "Buxheti i bashkisë",
        "EM02",
        1.2,
        "Punëkërkuesit",
        "",
    ),
    (
        "EM",
        "Rritja e punësimit të grupeve në nevojë",
        "Punësimi i grave dhe i romëve",
        "Ndërmjetësim i dedikuar për punëkërkuesit romë dhe egjiptianë",
        "Zyra e Punës",
        "OJF rome",
        2017,
        2019,
        2_100_000,
        "Donator",
        "EM02",
        1.25,
        "Komuniteti rom dhe egjiptian",
        "",
    ),
    (
        "EM",
        "Rritja e punësimit të grupeve në nevojë",
        "Punësimi i grave dhe i romëve",
        "Grante për sipërmarrjen e grave në zonat rurale",
        "Zyra e Punës",
        "UNDP",
        2018,
        2020,
        9_000_000,
        "Donator",
        "EM01",
        0.9,
        "Gratë në zonat rurale",
        "",
    ),
    (
        "EM",
        "Aftësi për tregun e punës",
        "Kurse të formimit profesional sipas kërkesës",
        "Kurse të shkurtra në bujqësi dhe agropërpunim",
        "Qendra e Formimit Profesional",
        "Shoqata e fermerëve",
        2017,
        2020,
        4_400_000,
        "Grant i kushtëzuar qendror",
        "EM04",
        1.3,
        "Punëkërkuesit rurale",
        "",
    ),
    (
        "ED",
        "Arsim gjithëpërfshirës",
        "Ulja e braktisjes së shkollës",
        "Mësues ndihmës për nxënësit romë dhe egjiptianë",
        "Drejtoria Arsimore Rajonale",
        "Bashkia Elbasan",
        2017,
        2020,
        8_640_000,
        "Buxheti i bashkisë",
        "ED03",
        0.6,
        "Nxënësit romë dhe egjiptianë",
        "",
    ),
    (
        "ED",
        "Arsim gjithëpërfshirës",
        "Ulja e braktisjes së shkollës",
        "Transport falas për nxënësit nga fshatrat e largëta",
        "Bashkia Elbasan",
        "Drejtoria Arsimore Rajonale",
        2017,
        2020,
        12_000_000,
        "Buxheti i bashkisë",
        "ED05",
        1.02,
        "Nxënësit në zonat rurale",
        "",
    ),
    (
        "ED",
        "Arsim gjithëpërfshirës",
        "Përfshirja e fëmijëve me aftësi të kufizuara",
        "Plane edukative individuale dhe trajnim i mësuesve",
        "Drejtoria Arsimore Rajonale",
        "Fondacioni Shqiptar i PAK",
        2017,
        2018,
        1_900_000,
        "Donator",
        "ED04",
        1.4,
        "Nxënësit me aftësi të kufizuara",
        "",
    ),
    (
        "ED",
        "Arsimi parashkollor",
        "Rritja e regjistrimit në kopshte",
        "Regjistrim pa pagesë në kopsht për fëmijët e familjeve me ndihmë ekonomike",
        "Bashkia Elbasan",
        "",
        2017,
        2020,
        3_200_000,
        "Buxheti i bashkisë",
        "ED01",
        1.1,
        "Fëmijët 3-6 vjeç",
        "",
    ),
    (
        "HE",
        "Akses në shërbime shëndetësore",
        "Mbulimi me kartë shëndeti",
        "Fushatë për pajisjen me kartë shëndeti të përfituesve të ndihmës ekonomike",
        "Drejtoria e Kujdesit Shëndetësor Parësor",
        "Drejtoria e Shërbimeve Sociale",
        2017,
        2018,
        900_000,
        "Buxheti i bashkisë",
        "HE03",
        0.5,
        "Përfituesit e ndihmës ekonomike",
        "",
    ),
    (
        "HE",
        "Akses në shërbime shëndetësore",
        "Mbulimi me vaksinim",
        "Vaksinim në terren në lagjet rome",
        "Drejtoria e Kujdesit Shëndetësor Parësor",
        "UNICEF",
        2017,
        2020,
        1_500_000,
        "Donator",
        "HE02",
        1.01,
        "Fëmijët romë",
        "",
    ),
    (
        "HE",
        "Kujdes në shtëpi",
        "Vizita në shtëpi për të moshuarit dhe PAK",
        "Ekip i lëvizshëm mjek-infermier për zonat rurale",
        "Drejtoria e Kujdesit Shëndetësor Parësor",
        "",
        2018,
        2020,
        7_500_000,
        "Grant i kushtëzuar qendror",
        "HE04",
        1.3,
        "Të moshuarit dhe PAK",
        "",
    ),
    (
        "HE",
        "Kujdes në shtëpi",
        "Vizita në shtëpi për të moshuarit dhe PAK",
        "Trajnim i infermierëve për kujdesin paliativ",
        "Drejtoria e Kujdesit Shëndetësor Parësor",
        "OJF shëndetësore",
        2017,
        2017,
        600_000,
        "Donator",
        "HE04",
        1.1,
        "Infermierët",
        "",
    ),
    (
        "HO",
        "Strehim i përballueshëm",
        "Programet e strehimit social",
        "Subvencionim i qirasë për familjet në nevojë",
        "Sektori i Strehimit",
        "",
        2017,
        2020,
        14_400_000,
        "Grant i kushtëzuar qendror",
        "HO04",
        1.4,
        "Familjet pa strehë",
        "",
    ),
    (
        "HO",
        "Strehim i përballueshëm",
        "Programet e strehimit social",
        "Ndërtimi i 24 banesave sociale me qira",
        "Sektori i Strehimit",
        "Enti Kombëtar i Banesave",
        2018,
        2020,
        96_000_000,
        "Grant i kushtëzuar qendror",
        "HO02",
        1.3,
        "Familjet në nevojë",
        "",
    ),
    (
        "HO",
        "Strehim i përballueshëm",
        "Përmirësimi i kushteve të banimit",
        "Rikonstruksion i banesave të familjeve rome në Rrapishtë",
        "Sektori i Strehimit",
        "Qendra komunitare rome",
        2018,
        2019,
        21_000_000,
        "Donator",
        "HO03",
        0.6,
        "Komuniteti rom dhe egjiptian",
        "",
    ),
    (
        "HO",
        "Emergjencat",
        "Gatishmëria për emergjencat",
        "Fond emergjence për familjet e dëmtuara nga përmbytjet",
        "Drejtoria e Emergjencave",
        "",
        2017,
        2020,
        4_000_000,
        "Buxheti i bashkisë",
        "HO05",
        1.0,
        "Familjet e prekura",
        "",
    ),
    (
        "HR",
        "Mbrojtja nga dhuna",
        "Parandalimi i dhunës në familje",
        "Ngritja e mekanizmit të referimit të rasteve të dhunës në familje",
        "Drejtoria e Policisë",
        "Drejtoria e Shërbimeve Sociale",
        2017,
        2018,
        1_300_000,
        "Buxheti i bashkisë",
        "HR01",
        1.1,
        "Viktimat e dhunës",
        "",
    ),
    (
        "HR",
        "Mbrojtja nga dhuna",
        "Parandalimi i dhunës në familje",
        "Strehëz emergjente për viktimat e dhunës",
        "Drejtoria e Shërbimeve Sociale",
        "OJF për gratë",
        2018,
        2020,
        10_500_000,
        "Fondi Social",
        "HR02",
        1.2,
        "Gratë dhe fëmijët viktima",
        "",
    ),
    (
        "HR",
        "Të drejtat e fëmijëve",
        "Regjistrimi i lindjeve",
        "Regjistrim në terren i fëmijëve të paregjistruar",
        "Zyra e Gjendjes Civile",
        "Qendra komunitare rome",
        2017,
        2018,
        700_000,
        "Donator",
        "HR04",
        0.5,
        "Fëmijët romë dhe egjiptianë",
        "",
    ),
    (
        "HR",
        "Pjesëmarrja qytetare",
        "Konsultimi publik i vendimeve vendore",
        "Dëgjesa publike në çdo njësi administrative",
        "Drejtoria e Politikave Strategjike",
        "",
        2017,
        2020,
        2_000_000,
        "Buxheti i bashkisë",
        "HR06",
        1.5,
        "Banorët",
        "",
    ),
    (
        "HR",
        "Pjesëmarrja qytetare",
        "Konsultimi publik i vendimeve vendore",
        "Këshilli rinor vendor",
        "Drejtoria e Politikave Strategjike",
        "Organizatat rinore",
        2017,
        2020,
        1_600_000,
        "Buxheti i bashkisë",
        "HR06",
        1.3,
        "Të rinjtë",
        "",
    ),
    (
        "HR",
        "Mosdiskriminimi",
        "Ndërgjegjësimi për mosdiskriminimin",
        "Fushatë informimi për të drejtën e ankimit për diskriminim",
        "Komisioneri për Mbrojtjen nga Diskriminimi",
        "OJF",
        2017,
        2018,
        800_000,
        "Donator",
        "HR05",
        1.5,
        "Grupet e cenueshme",
        "",
    ),
]

ACTION_HEADER = [
    "Fusha",
    "Objektivi strategjik",
    "Objektivi specifik",
    "Masa / aktiviteti",
    "Institucioni përgjegjës",
    "Partnerë",
    "Viti i fillimit",
    "Viti i përfundimit",
    "Kosto (lekë)",
    "Burimi i financimit",
    "Treguesi",
    "Vlera bazë",
    "Viti bazë",
    "Synimi",
    "Viti i synimit",
    "Grupi i synuar",
    "Programi buxhetor",
]


def action_rows(values: Table) -> list[list[object]]:
    rows: list[list[object]] = []
    for (
        area,
        strategic,
        specific,
        measure,
        responsible,
        partners,
        start,
        end,
        cost,
        funding,
        code,
        factor,
        group,
        programme,
    ) in MEASURES:
        baseline = values[code]["total"][2016]
        target = round(baseline * factor, 1 if baseline < 100 and code in ("ED05", "HE02") else 0)
        if code in ("ED05", "HE02"):
            target = min(target, 99.5)
        rows.append(
            [
                area,
                strategic,
                specific,
                measure,
                responsible,
                partners,
                start,
                end,
                cost,
                funding,
                code,
                _number(baseline),
                2016,
                _number(float(target)),
                2020,
                group,
                programme,
            ]
        )
    return rows


MEETINGS = [
    (
        "12.05.2016",
        "Qendra komunitare rome, Rrapishtë",
        "Komuniteti rom",
        "Bashkia Elbasan",
        14,
        17,
        "Strehimi i papërshtatshëm; mungesa e dokumenteve të identitetit.",
        "Rikonstruksion banesash; regjistrim në terren.",
        "HO, HR",
    ),
    (
        "19.05.2016",
        "Pallati i Kulturës, Elbasan",
        "Të rinjtë egjiptianë",
        "OJF rinore",
        9,
        12,
        "Papunësia e të rinjve; diskriminimi në punësim.",
        "Praktika profesionale; ndërmjetësim.",
        "EM",
    ),
    (
        "26.05.2016",
        "Njësia administrative Shushicë",
        "Gratë dhe vajzat në zonat rurale",
        "Bashkia Elbasan",
        23,
        0,
        "Largësia nga shkolla dhe nga qendra shëndetësore.",
        "Transport për nxënësit; ekip mjekësor i lëvizshëm.",
        "ED, HE",
    ),
    (
        "02.06.2016",
        "Qendra sociale Balashe",
        "Personat me aftësi të kufizuara",
        "Fondacioni Shqiptar i PAK",
        11,
        13,
        "Mungesa e shërbimeve ditore; aksesi fizik.",
        "Qendër ditore multifunksionale.",
        "SP, ED",
    ),
    (
        "09.06.2016",
        "Bashkia Elbasan",
        "Të rinjtë në vështirësi social-ekonomike",
        "Këshilli rinor",
        15,
        16,
        "Mungesa e aftësive për tregun e punës.",
        "Kurse të shkurtra profesionale.",
        "EM, HR",
    ),
    (
        "16.06.2016",
        "Bashkia Elbasan",
        "Organizatat e shoqërisë civile",
        "Bashkia Elbasan",
        12,
        7,
        "Bashkëpunimi me bashkinë; financimi i shërbimeve.",
        "Fond për shërbimet në komunitet.",
        "SP, HR",
    ),
    (
        "23.06.2016",
        "Prefektura Elbasan",
        "Institucionet vendore",
        "Bashkia Elbasan",
        10,
        14,
        "Cilësia dhe plotësia e të dhënave.",
        "Formular i përbashkët i treguesve.",
        "SP, EM, ED",
    ),
]
CONSULTATION_HEADER = [
    "Data",
    "Vendi",
    "Grupi i konsultuar",
    "Organizatori",
    "Gra",
    "Burra",
    "Çështjet kryesore",
    "Rekomandimet",
    "Fushat e politikave",
]


def write_rows(
    path: Path, sheet_name: str, title: str, header: list[str], rows: list[list[object]]
) -> None:
    from openpyxl.styles import Font

    book = _openpyxl_book()
    sheet = book.active
    sheet.title = sheet_name
    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(header)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    book.save(path)


PLAN_HEAD = """\
# The plan folder's configuration: read by `inclusionplan validate` and `render`.
municipality: {{sq: Bashkia {name}, en: Municipality of {name}}}
title:
  sq: Plani Vendor i Veprimit për Përfshirjen Sociale {period}
  en: Local Social Inclusion Action Plan {period}
period: {period}
data_years: 2012-2016
baseline_year: 2016
language: sq
issue_date: 2016-11-24
deadline: 2016-07-29
schema: builtin
submissions:
"""


def write_plan(
    folder: Path,
    name: str,
    entries: list[tuple[str, str]],
    workbooks: bool = True,
    reports: tuple[tuple[str, str], ...] = (),
) -> None:
    lines = [PLAN_HEAD.format(name=name, period="2016-2020")]
    lines += [f"  - {{institution: {key}, file: submissions/{file}}}\n" for key, file in entries]
    if reports:
        lines.append(
            "sector_reports:   # analyses sent as files of their own, not as a sheet of the"
            " submission\n"
        )
        lines += [
            f"  - {{institution: {key}, file: sector_reports/{file}}}\n" for key, file in reports
        ]
    if workbooks:
        lines += ["action_matrix: action-matrix.xlsx\n", "consultations: consultations.xlsx\n"]
    (folder / "plan.yaml").write_text("".join(lines), encoding="utf-8")


def write_submissions(folder: Path, entries: Sequence[tuple[str, str, str]], values: Table) -> None:
    """Each institution's workbook (institution, file name, layout), in a fresh folder."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for institution, file, layout in entries:
        rows: list[Row] = [(i, b, dict(s)) for i, b, s in rows_for(institution, values)]
        WRITERS[layout](folder / file, institution, rows)


def generate_elbasan(values: Table) -> None:
    folder = HERE / "elbasan"
    write_submissions(folder / "submissions", SUBMISSIONS, values)
    write_plan(folder, "Elbasan", [(key, file) for key, file, _ in SUBMISSIONS], reports=REPORTS)
    write_sector_reports(folder / "sector_reports")
    write_rows(
        folder / "action-matrix.xlsx",
        "Matrica",
        "Matrica e veprimit 2017-2020",
        ACTION_HEADER,
        action_rows(values),
    )
    write_rows(
        folder / "consultations.xlsx",
        "Takimet",
        "Regjistri i konsultimeve",
        CONSULTATION_HEADER,
        [list(m) for m in MEETINGS],
    )


# Sector analyses sent as files of their own (plan-inputs.md allows a text or Word file).
REPORTS = (
    ("education", "drejtoria_arsimore_rajonale.docx"),
    ("police", "policia_qarku_elbasan.txt"),
)
EDUCATION_REPORT = [
    "Numri i nxënësve në arsimin bazë në Bashkinë Elbasan ka rënë gjatë periudhës 2012-2016, "
    "kryesisht për shkak të lëvizjes së familjeve drejt Tiranës dhe të emigracionit. Braktisja e "
    "shkollës mbetet më e lartë te fëmijët romë dhe egjiptianë dhe te fëmijët e zonave rurale.",
    "Shkaqet kryesore janë varfëria e familjeve, mungesa e dokumenteve të gjendjes civile për "
    "fëmijët e kthyer nga emigracioni, largësia nga shkolla në fshatrat e thella dhe mungesa e "
    "transportit, si dhe martesat e hershme te vajzat.",
    "Drejtoria propozon regjistrimin e çdo fëmije në moshë shkollore me ndihmën e punonjësve "
    "socialë dhe të ndërmjetësve romë, mësues ndihmës për nxënësit me aftësi të kufizuara, "
    "transport falas për nxënësit e zonave rurale dhe programin «Shansi i dytë» për të rinjtë që "
    "e kanë lënë shkollën.",
]
POLICE_REPORT = """\
# Analiza e sektorit: Drejtoria Vendore e Policisë Elbasan

Rastet e dhunës në familje të denoncuara në polici janë rritur çdo vit gjatë periudhës
2012-2016. Rritja pasqyron kryesisht besimin më të madh te policia dhe ndërgjegjësimin e
grave për të drejtat e tyre, jo domosdoshmërisht më shumë dhunë.

Shumica e viktimave janë gra dhe fëmijë. Në zonat rurale dhe në komunitetet rome e
egjiptiane rastet denoncohen më rrallë, sepse viktimat varen ekonomikisht nga dhunuesi dhe
nuk kanë ku të strehohen.

Propozojmë një strehëz të përkohshme për viktimat në Elbasan, trajnime të përbashkëta për
policinë, punonjësit socialë dhe mjekët e familjes mbi mekanizmin e referimit, si dhe
sesione informimi në fshatra dhe në lagjet rome.
"""


def write_sector_reports(folder: Path) -> None:
    """A Word document with its own title (left out of the plan) and a text file."""
    import docx

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    document = docx.Document()
    document.core_properties.author = "Drejtoria Arsimore Rajonale Elbasan"
    document.add_heading("Analiza e sektorit të arsimit, 2012-2016", level=1)
    for paragraph in EDUCATION_REPORT:
        document.add_paragraph(paragraph)
    document.save(str(folder / REPORTS[0][1]))
    (folder / REPORTS[1][1]).write_text(POLICE_REPORT, encoding="utf-8")


def generate_faulty(values: Table) -> None:
    """Copies of some Elbasan submissions with the mistakes institutions really make."""
    folder = HERE / "faulty"
    submissions = folder / "submissions"
    shutil.rmtree(submissions, ignore_errors=True)
    submissions.mkdir(parents=True)

    employment: list[Row] = [(i, b, dict(s)) for i, b, s in rows_for("employment_office", values)]
    for indicator, breakdown, series in employment:
        if indicator.code == "EM01" and breakdown == "female":
            series[2014] = series[2014] + 25  # female + male no longer equals the total
            series[2015] = "s'ka"  # marked unavailable
        if indicator.code == "EM01" and breakdown == "roma_egyptian":
            series[2013] = "1 234"  # a number typed as text, with a space between thousands
        if indicator.code == "EM02" and breakdown == "total":
            series[2016] = 12_500  # more placed in jobs than registered unemployed
        if indicator.code == "EM03" and breakdown == "male":
            series[2012] = -14  # negative count
        if indicator.code == "EM05" and breakdown == "total":
            series[2013] = 310.5  # not a whole number
    employment.append((builtin_schema().indicators["EM01"], "Gra e burra", {2012: 5}))
    write_merged_titles(submissions / "zyra_e_punes.xlsx", "employment_office", employment)

    education: list[Row] = [(i, b, dict(s)) for i, b, s in rows_for("education", values)]
    for indicator, breakdown, series in education:
        if indicator.code == "ED05" and breakdown == "female":
            series[2016] = 104.2  # a percentage over 100
        if indicator.code == "ED03" and breakdown == "roma_egyptian":
            series[2014] = 4_000  # a subgroup larger than its total
        if indicator.code == "ED01" and breakdown == "total":
            series[2015] = series[2014] * 1.9 // 1  # a jump someone should check
    write_long(submissions / "drejtoria_arsimore.xlsx", "education", education)

    police = [(i, b, dict(s)) for i, b, s in rows_for("police", values)]
    write_sections_formulas(submissions / "policia.xlsx", "police", police)
    _drop_cached_values(submissions / "policia.xlsx")

    housing = [(i, b, dict(s)) for i, b, s in rows_for("housing", values) if i.code != "HO04"]
    for indicator, _, series in housing:
        if indicator.code == "HO03":
            series.pop(2015)  # a year left empty
    write_csv_semicolon(submissions / "strehimi.csv", "housing", housing)

    (submissions / "gjendja_civile.xlsx").write_bytes(
        (HERE / "elbasan" / "submissions" / "gjendja_civile.xlsx").read_bytes()[:900]
    )
    actions = action_rows(values)[:8]
    actions[0][0] = "XX"  # an unknown policy area
    actions[1][7] = 2015  # ends before it starts
    actions[2][8] = "shumë"  # a cost that is not a number
    actions[3][10] = "EM99"  # an indicator the schema does not have
    actions[4][9] = "Banka Botërore"  # a funding source outside the list
    actions.append(
        [
            "EM",
            "Rritja e punësimit",
            "Punësimi i PAK",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ]
    )  # an objective with no measure
    write_rows(
        folder / "action-matrix.xlsx", "Matrica", "Matrica e veprimit", ACTION_HEADER, actions
    )
    meetings = [list(m) for m in MEETINGS[:3]]
    meetings[1][0] = "32.13.2016"  # not a date
    meetings[2][4] = "shumë"  # participants not a number
    write_rows(
        folder / "consultations.xlsx",
        "Takimet",
        "Regjistri i konsultimeve",
        CONSULTATION_HEADER,
        meetings,
    )
    write_plan(
        folder,
        "Elbasan (shembull me gabime)",
        [
            ("employment_office", "zyra_e_punes.xlsx"),
            ("education", "drejtoria_arsimore.xlsx"),
            ("police", "policia.xlsx"),
            ("housing", "strehimi.csv"),
            ("civil_registry", "gjendja_civile.xlsx"),
            ("court", "gjykata.xlsx"),
        ],
    )


def _drop_cached_values(path: Path) -> None:
    """Formulas saved without calculation: as a script or a 'manual calculation' Excel does."""
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"(<f>[^<]*</f>)<v>[^<]*</v>", rb"\1", data)
            archive.writestr(info, data)


PUKE_SUBMISSIONS = [
    ("social_services", "sherbimet_sociale_puke.xlsx", "merged_titles"),
    ("employment_office", "zyra_e_punes_puke.xlsx", "english_plain"),
    ("education", "arsimi_puke.xlsx", "long"),
    ("primary_health", "shendetesia_puke.xlsx", "two_row_header"),
    ("civil_registry", "gjendja_civile_puke.csv", "csv_comma"),
    ("police", "policia_puke.xlsx", "merged_titles"),
]


def generate_puke() -> None:
    """A smaller municipality at an earlier stage: six institutions, no action matrix yet."""
    values = make_values(seed=2017, scale=0.11)
    folder = HERE / "puke"
    write_submissions(folder / "submissions", PUKE_SUBMISSIONS, values)
    write_plan(folder, "Pukë", [(key, file) for key, file, _ in PUKE_SUBMISSIONS], workbooks=False)


# Indicators that go the wrong way (or stall) after 2016, so the report has something to say.
OFF_TRACK = {"SP01": 1.06, "EM03": 1.0, "ED03": 1.08, "HE03": 0.98, "HR04": 1.1}
IMPLEMENTATION_STATUS = {
    2017: ["Në zbatim"] * 20 + ["Nuk ka filluar"] * 6 + ["E përfunduar"] * 2,
    2018: ["Në zbatim"] * 16 + ["E përfunduar"] * 8 + ["Nuk ka filluar"] * 3 + ["E anuluar"],
}


def monitoring_values(values: Table, year: int) -> Table:
    """Each indicator's breakdowns in ``year``: towards its 2020 target, or off track."""
    schema = builtin_schema()
    factors = {code: factor for (*_, code, factor, _group, _programme) in MEASURES}
    steps = year - 2016
    result: Table = {}
    for code, indicator in schema.indicators.items():
        total_2016 = values[code]["total"][2016]
        factor = OFF_TRACK.get(code, factors.get(code, 1.0))
        moved = (
            total_2016 * (1 + (factor - 1) * steps / 4)
            if code not in OFF_TRACK
            else (total_2016 * factor**steps)
        )
        result[code] = _breakdowns(indicator, {year: moved})
    return result


def write_monitoring_year(path: Path, institution: str, year: int, values: Table) -> None:
    from openpyxl.styles import Font

    book = _openpyxl_book()
    sheet = book.active
    sheet.title = "Të dhënat"
    header_row = _title_rows(sheet, institution, 4)
    for column, header in enumerate(["Kodi", "Treguesi", "Ndarja", year], start=1):
        sheet.cell(header_row, column, header).font = Font(bold=True)
    row = header_row + 1
    for indicator, breakdown, series in rows_for(institution, values):
        sheet.cell(row, 1, indicator.code)
        sheet.cell(row, 2, indicator.names.sq)
        sheet.cell(row, 3, _label(breakdown))
        sheet.cell(row, 4, _number(series[year]))
        row += 1
    book.save(path)


def generate_monitoring(values: Table) -> None:
    folder = HERE / "elbasan" / "monitoring"
    shutil.rmtree(folder, ignore_errors=True)
    rng = random.Random(2018)
    for year in (2017, 2018):
        year_folder = folder / str(year)
        year_folder.mkdir(parents=True)
        year_values = monitoring_values(values, year)
        for institution, file, _ in SUBMISSIONS:
            target = year_folder / (Path(file).stem + ".xlsx")
            write_monitoring_year(target, institution, year, year_values)
        rows = []
        for index, measure in enumerate(MEASURES):
            (_area, _s, _o, name, _r, _p, start, end, cost, *_rest) = measure
            status = IMPLEMENTATION_STATUS[year][index]
            years_so_far = max(0, min(end, year) - start + 1)
            planned = cost * years_so_far / (end - start + 1)
            spent = 0 if status == "Nuk ka filluar" else round(planned * rng.uniform(0.7, 1.05))
            comment = ""
            if index == 19 and year == 2018:
                spent = round(planned * 1.4)
                comment = "Kosto më e lartë e materialeve të ndërtimit."
            if status == "E anuluar":
                comment = "U anulua: financimi i donatorit nuk u konfirmua."
            rows.append([name, status, spent, comment])
        write_rows(
            year_folder / "implementation.xlsx",
            "Zbatimi",
            f"Zbatimi i masave {year}",
            ["Masa", "Statusi", "Shpenzuar (lekë)", "Koment"],
            rows,
        )


def fix_timestamps() -> None:
    """Same content, same bytes: a regeneration changes no file that did not change."""
    from inclusionplan.output import normalize_zip

    stamp = FIXED_TIME.timetuple()[:6]
    for path in sorted([*HERE.glob("*/**/*.xlsx"), *HERE.glob("*/**/*.docx")]):
        data = path.read_bytes()
        if zipfile.is_zipfile(path):  # the faulty sample's truncated workbook is not
            path.write_bytes(normalize_zip(data, stamp, fixed_core_date="2016-07-15T09:00:00Z"))
    for path in sorted(HERE.glob("*/**/*.ods")):
        # Entries keep their order and compression: an ODS's mimetype comes first, stored.
        with zipfile.ZipFile(path) as source:
            entries = [(info, source.read(info)) for info in source.infolist()]
        with zipfile.ZipFile(path, "w") as target:
            for info, payload in entries:
                fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
                fixed.compress_type, fixed.external_attr = info.compress_type, info.external_attr
                target.writestr(fixed, payload)


def main() -> None:
    values = make_values()
    generate_elbasan(values)
    generate_monitoring(values)
    fix_timestamps()  # before the faulty sample cuts one of these short
    generate_faulty(values)
    generate_puke()
    fix_timestamps()


if __name__ == "__main__":
    main()
