"""Reading every format and layout of submission-format.md into observations with cells."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inclusionplan.observations import Observation, Submission
from inclusionplan.reading import DEFAULT_LIMITS, Limits, ReadAhead, read_submission
from inclusionplan.values import ValueStatus
from tests.conftest import HEADER, YEARS, em01_rows, make_macro_enabled, write_xlsx


def cell_of(submission: Submission, code: str, label: str, year: int) -> Observation:
    matches = [
        o
        for o in submission.observations
        if o.code == code and o.breakdown_label == label and o.year == year
    ]
    assert len(matches) == 1, matches
    return matches[0]


def test_wide_layout_keeps_each_values_cell(make_xlsx: Callable[..., Path]) -> None:
    submission = read_submission(make_xlsx())
    assert [t.layout for t in submission.tables] == ["wide"]
    female_2013 = cell_of(submission, "EM01", "Femra", 2013)
    assert (female_2013.sheet, female_2013.row, female_2013.column) == ("Të dhënat", 3, 5)
    assert female_2013.number == 45
    assert len(submission.observations) == 7 * len(YEARS)


def test_title_rows_and_institution_line_above_the_header(tmp_path: Path) -> None:
    above = [["BASHKIA ELBASAN"], ["Institucioni:", "Zyra e Punës"], [], []]
    path = write_xlsx(tmp_path / "s.xlsx", [HEADER, *em01_rows()], above=above)
    submission = read_submission(path)
    assert submission.institution_label == "Zyra e Punës"
    assert submission.tables[0].header_row == 5
    assert cell_of(submission, "EM01", "Gjithsej", 2012).row == 6


def test_table_that_does_not_start_at_a1_keeps_true_cells(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for r, row in enumerate([HEADER, *em01_rows()], start=4):
        for c, value in enumerate(row, start=3):
            sheet.cell(r, c, value)
    book.save(tmp_path / "offset.xlsx")
    observation = cell_of(read_submission(tmp_path / "offset.xlsx"), "EM01", "Meshkuj", 2014)
    assert (observation.row, observation.column) == (7, 8)


def test_merged_and_blank_code_cells_inherit_the_code_above(tmp_path: Path) -> None:
    rows = em01_rows()
    for row in rows[1:]:
        row[0] = row[1] = None
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [HEADER, *rows]:
        sheet.append(row)
    sheet.merge_cells("A2:A8")
    book.save(tmp_path / "merged.xlsx")
    submission = read_submission(tmp_path / "merged.xlsx")
    assert {o.code for o in submission.observations} == {"EM01"}
    assert cell_of(submission, "EM01", "PAK", 2012).row == 8


def test_section_blank_and_source_rows_are_not_data(tmp_path: Path) -> None:
    rows: list[list[object]] = [["1. Punësimi"], *em01_rows()[:3], [], ["Burimi: Elbasan"]]
    submission = read_submission(write_xlsx(tmp_path / "s.xlsx", [HEADER, *rows]))
    assert {o.breakdown_label for o in submission.observations} == {
        "Gjithsej",
        "Femra",
        "Meshkuj",
    }


def test_two_row_header_with_years_below_a_merged_label(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Kodi", "Treguesi", "Ndarja", "Viti"],
        [None, None, None, *YEARS],
        *em01_rows(),
    ]
    submission = read_submission(write_xlsx(tmp_path / "s.xlsx", rows))
    assert cell_of(submission, "EM01", "Femra", 2014).row == 4


@pytest.mark.parametrize(
    "years",
    [
        ["2012", "2013", "2014"],
        ["Viti 2012", "Viti 2013", "Viti 2014"],
        ["Year 2012", "Year 2013", "Year 2014"],
    ],
)
def test_year_headers_as_people_write_them(tmp_path: Path, years: list[str]) -> None:
    rows: list[list[object]] = [["Code", "Indicator", "Breakdown", *years], *em01_rows()]
    submission = read_submission(write_xlsx(tmp_path / "s.xlsx", rows))
    assert submission.tables[0].years == set(YEARS)


@pytest.mark.parametrize("stored", [b"-inf", b"NaN", b"2014.5"])
def test_a_header_number_that_is_no_year_is_not_one(tmp_path: Path, stored: bytes) -> None:
    rows: list[list[object]] = [[*HEADER[:-1], 987003], *em01_rows()]
    path = write_xlsx(tmp_path / "s.xlsx", rows)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"<v>987003</v>", b"<v>" + stored + b"</v>")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    submission = read_submission(path)
    assert submission.readable
    assert submission.tables[0].years == set(YEARS[:-1])


def test_long_layout(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Kodi", "Ndarja", "Viti", "Vlera"]]
    rows += [
        ["EM01", label, year, value]
        for label, values in [("Gjithsej", [1, 2, 3])]
        for year, value in zip(YEARS, values, strict=True)
    ]
    submission = read_submission(write_xlsx(tmp_path / "long.xlsx", rows))
    assert submission.tables[0].layout == "long"
    observation = cell_of(submission, "EM01", "Gjithsej", 2013)
    assert (observation.row, observation.column, observation.number) == (3, 4, 2)


def test_formula_with_cached_value_counts_and_without_is_flagged(tmp_path: Path) -> None:
    rows = [HEADER, ["EM01", "x", "Gjithsej", "=SUM(D3:D4)", 5, 6], ["EM01", "x", "Femra", 2, 3, 4]]
    path = write_xlsx(tmp_path / "f.xlsx", rows)
    without = read_submission(path)
    assert cell_of(without, "EM01", "Gjithsej", 2012).status is ValueStatus.FORMULA
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    # openpyxl writes the empty cached value as <v /> or <v></v>, depending on lxml.
    parts["xl/worksheets/sheet1.xml"] = re.sub(rb"</f><v\s*(/>|></v>)", b"</f><v>2</v>", sheet)
    cached = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(cached, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert cell_of(read_submission(cached), "EM01", "Gjithsej", 2012).number == 2


def test_formulas_and_hidden_rows_of_a_sheet_with_prefixed_elements(tmp_path: Path) -> None:
    """The OpenXML SDK writes <x:row><x:c>: calamine reads them as any other, and so does
    the scan for formulas never calculated and hidden rows."""
    book = openpyxl.Workbook()
    rows = [HEADER, ["EM01", "x", "Gjithsej", "=SUM(D3:D4)", 5, 6], ["EM01", "x", "Femra", 2, 3, 4]]
    for row in rows:
        book.active.append(row)
    book.active.row_dimensions[3].hidden = True
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    with zipfile.ZipFile(plain) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    sheet = re.sub(rb"<(/?)([A-Za-z]\w*)(?=[\s/>])", rb"<\1x:\2", sheet)
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        b"<x:worksheet xmlns=", b"<x:worksheet xmlns:x="
    )
    assert b"<x:c r=" in parts["xl/worksheets/sheet1.xml"]
    prefixed = tmp_path / "prefixed.xlsx"
    with zipfile.ZipFile(prefixed, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    submission = read_submission(prefixed)
    assert cell_of(submission, "EM01", "Femra", 2012).number == 2
    assert cell_of(submission, "EM01", "Gjithsej", 2012).status is ValueStatus.FORMULA
    hidden = [f.params["items"] for f in submission.findings if f.code == "hidden-content"]
    assert hidden == ["3"]


def test_hidden_rows_and_sheets_are_read_and_reported(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [HEADER, *em01_rows()]:
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True
    hidden = book.create_sheet("Vjetër")
    hidden.sheet_state = "hidden"
    for row in [HEADER, ["EM02", "y", "Gjithsej", 1, 2, 3]]:
        hidden.append(row)
    book.save(tmp_path / "h.xlsx")
    submission = read_submission(tmp_path / "h.xlsx")
    assert cell_of(submission, "EM01", "Femra", 2012).number == 40
    variants = sorted(
        f.params["variant"] for f in submission.findings if f.code == "hidden-content"
    )
    assert variants == ["rows", "sheet"]


def test_sheets_without_a_header_are_listed_not_silently_dropped(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Udhëzime"
    book.active["A1"] = "Plotësoni tabelën"
    book.create_sheet("Tabela e vjetër")["A1"] = "Viti i kaluar"
    data = book.create_sheet("Të dhënat")
    for row in [HEADER, *em01_rows()]:
        data.append(row)
    book.save(tmp_path / "s.xlsx")
    submission = read_submission(tmp_path / "s.xlsx")
    assert [(f.code, f.sheet) for f in submission.findings] == [
        ("sheet-skipped", "Tabela e vjetër")
    ]
    assert submission.auxiliary_sheets == ["Udhëzime"]


def test_analysis_sheet_becomes_sector_text(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for row in [HEADER, *em01_rows()]:
        book.active.append(row)
    analysis = book.create_sheet("Analiza")
    analysis["A1"] = "Papunësia bie."
    book.save(tmp_path / "a.xlsx")
    submission = read_submission(tmp_path / "a.xlsx")
    assert [t.paragraphs for t in submission.texts] == [["Papunësia bie."]]
    assert not submission.findings


def test_xls(tmp_path: Path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Te dhenat")
    for r, row in enumerate([HEADER, *em01_rows()]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.save(str(tmp_path / "old.xls"))
    submission = read_submission(tmp_path / "old.xls")
    assert submission.format == "xls"
    assert cell_of(submission, "EM01", "Femra", 2013).number == 45


def test_ods(tmp_path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Të dhënat")
    for row in [HEADER, *em01_rows()]:
        table_row = TableRow()
        for value in row:
            if isinstance(value, int):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    document.save(str(tmp_path / "s.ods"))
    submission = read_submission(tmp_path / "s.ods")
    assert submission.format == "ods"
    assert cell_of(submission, "EM01", "Meshkuj", 2014).number == 70


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(",", "utf-8"), (",", "utf-8-sig"), (";", "cp1252"), (";", "cp1250"), ("\t", "utf-8")],
)
def test_csv_encodings_and_separators(tmp_path: Path, delimiter: str, encoding: str) -> None:
    lines = [delimiter.join(str(v) for v in row) for row in [HEADER, *em01_rows()]]
    path = tmp_path / "s.csv"
    path.write_bytes("\r\n".join(lines).encode(encoding))
    submission = read_submission(path)
    assert cell_of(submission, "EM01", "Romë dhe egjiptianë", 2013).number == 8


def test_csv_with_decimal_commas_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("Kodi;Ndarja;2012;2013\nED05;Gjithsej;93,4;94,1\n", encoding="utf-8")
    observation = cell_of(read_submission(path), "ED05", "Gjithsej", 2013)
    assert (observation.number, observation.interpreted) == (94.1, True)


def test_format_comes_from_the_bytes_not_the_name(
    tmp_path: Path, make_xlsx: Callable[..., Path]
) -> None:
    renamed = tmp_path / "renamed.xls"
    renamed.write_bytes(make_xlsx().read_bytes())
    submission = read_submission(renamed)
    assert submission.format == "xlsx"
    assert submission.observations


@pytest.mark.parametrize(
    ("content", "name", "reason"),
    [
        (b"", "empty.xlsx", "reason-empty"),
        (b"PK\x03\x04garbage", "broken.xlsx", "reason-corrupt"),
        (b"<html>not a workbook</html>", "page.xlsx", "reason-not-a-spreadsheet"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "locked.xlsx",
            "reason-password",
        ),
    ],
)
def test_unreadable_files_are_findings(
    tmp_path: Path, content: bytes, name: str, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    submission = read_submission(path)
    codes = [f.code for f in submission.findings]
    assert codes == ["unreadable-file"]
    assert submission.findings[0].params["reason"]["code"] == reason


def test_truncated_workbook_is_unreadable(tmp_path: Path, make_xlsx: Callable[..., Path]) -> None:
    path = tmp_path / "cut.xlsx"
    path.write_bytes(make_xlsx().read_bytes()[:700])
    assert [f.code for f in read_submission(path).findings] == ["unreadable-file"]


def test_a_panic_inside_calamine_is_a_finding_not_a_crash(
    make_xlsx: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """pyo3 raises a Rust panic as a BaseException: ``except Exception`` misses it."""
    import inclusionplan.reading.spreadsheet as spreadsheet

    class PanicException(BaseException):  # named as pyo3 names it; not an Exception
        pass

    def panics(*_: object) -> None:
        raise PanicException("index out of bounds")

    monkeypatch.setattr(spreadsheet, "read_workbook", panics)
    findings = read_submission(make_xlsx()).findings
    assert [(f.code, f.params["reason"]["code"]) for f in findings] == [
        ("unreadable-file", "reason-corrupt")
    ]

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(spreadsheet, "read_workbook", interrupted)
    with pytest.raises(KeyboardInterrupt):  # anything else that is not an Exception goes on
        read_submission(make_xlsx())


def test_workbook_without_any_table_has_no_data_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "notes.xlsx", [["Shënime"], ["asgjë këtu"]])
    assert [f.code for f in read_submission(path).findings] == ["sheet-skipped", "no-data-sheet"]


def test_reading_never_changes_the_input(make_xlsx: Callable[..., Path]) -> None:
    path = make_xlsx()
    before = path.read_bytes()
    read_submission(path)
    assert path.read_bytes() == before


def test_xlsm_is_read_like_xlsx(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "makro.xlsm", [HEADER, *em01_rows()])
    make_macro_enabled(path)
    submission = read_submission(path)
    assert submission.format == "xlsx"
    assert cell_of(submission, "EM01", "Femra", 2014).number == 50


def test_hidden_columns_are_reported_by_letter(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for row in [HEADER, *em01_rows()]:
        book.active.append(row)
    book.active.column_dimensions["B"].hidden = True
    book.save(tmp_path / "c.xlsx")
    submission = read_submission(tmp_path / "c.xlsx")
    hidden = [f for f in submission.findings if f.code == "hidden-content"]
    assert [(f.params["variant"], f.params["items"]) for f in hidden] == [("columns", "B")]
    assert "B" in hidden[0].message("en")


def test_read_ahead_hands_over_what_reading_now_would_give(tmp_path: Path) -> None:
    first = write_xlsx(tmp_path / "a.xlsx", [HEADER, *em01_rows()])
    second = write_xlsx(tmp_path / "b.xlsx", [HEADER, *em01_rows()[:2]])
    (tmp_path / "c.xlsx").write_bytes(b"not a workbook")
    files = [(first, "a"), (second, "b"), (tmp_path / "c.xlsx", "c")]
    with ReadAhead(files) as ahead:
        read = [ahead.read(path, name, DEFAULT_LIMITS) for path, name in files]
    now = [read_submission(path, name) for path, name in files]
    assert [s.observations for s in read] == [s.observations for s in now]
    assert [s.findings for s in read] == [s.findings for s in now]
    assert [f.code for f in read[2].findings] == ["unreadable-file"]


def test_read_ahead_reads_now_what_it_was_not_given(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [HEADER, *em01_rows()])
    with ReadAhead([(path, "a")]) as ahead:
        unknown = ahead.read(path, "elsewhere", DEFAULT_LIMITS)
        strict = ahead.read(path, "a", Limits(max_rows=1))
    assert unknown.name == "elsewhere" and unknown.observations
    assert [f.params["reason"]["code"] for f in strict.findings] == ["reason-too-many-rows"]


def test_read_ahead_tells_when_the_first_file_is_checked_before_it_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The caller loads the schema while calamine parses, not while the checks run."""
    import threading

    from inclusionplan.reading import spreadsheet

    path = write_xlsx(tmp_path / "a.xlsx", [HEADER, *em01_rows()])
    release, parsed = threading.Event(), threading.Event()
    parse = spreadsheet.read_workbook

    def held(*arguments: Any) -> None:
        release.wait(10)
        parse(*arguments)
        parsed.set()

    monkeypatch.setattr(spreadsheet, "read_workbook", held)
    with ReadAhead([(path, "a")]) as ahead:
        ahead.wait_until_checked()
        assert not parsed.is_set()
        release.set()
        assert ahead.read(path, "a", DEFAULT_LIMITS).observations
    (tmp_path / "b.xlsx").write_bytes(b"not a workbook")
    with ReadAhead([(tmp_path / "b.xlsx", "b")]) as ahead:
        ahead.wait_until_checked()  # refused: no one waits for a parse that never comes
    with ReadAhead([]) as ahead:
        ahead.wait_until_checked()


def test_two_sheets_on_one_part_both_get_its_facts(tmp_path: Path) -> None:
    """workbook.xml may point two sheet names at the same part; calamine reads it twice."""
    from inclusionplan.reading.ooxml import scan_xlsx

    book = openpyxl.Workbook()
    book.active.title = "A"
    book.active.append(["Kodi"])
    book.active.append(["x"])
    book.active.row_dimensions[2].hidden = True
    book.save(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = re.search(rb"<sheet [^>]*/>", parts["xl/workbook.xml"])
    assert sheet is not None
    twin = sheet.group(0).replace(b'name="A"', b'name="B"').replace(b'sheetId="1"', b'sheetId="2"')
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        sheet.group(0), sheet.group(0) + twin
    )
    with zipfile.ZipFile(tmp_path / "twin.xlsx", "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)

    facts = scan_xlsx(zipfile.ZipFile(tmp_path / "twin.xlsx"))

    assert {name: sheet.hidden_rows for name, sheet in facts.sheets.items()} == {
        "A": (2,),
        "B": (2,),
    }


def test_large_sheets_are_scanned_while_calamine_parses_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large sheet's XML is scanned in the time calamine parses it: the same formulas,
    hidden rows and findings as scanning it first, and calamine's errors still become
    findings."""
    from inclusionplan.reading import ooxml

    book = openpyxl.Workbook()
    rows = [HEADER, ["EM01", "x", "Gjithsej", "=SUM(D3:D4)", 5, 6], *em01_rows()]
    for row in rows:
        book.active.append(row)
    book.active.row_dimensions[3].hidden = True
    second = book.create_sheet("Vjetër")
    for row in [HEADER, ["EM02", "y", "Gjithsej", 1, 2, "=A1"]]:
        second.append(row)
    path = tmp_path / "both.xlsx"
    book.save(path)
    first = read_submission(path)
    monkeypatch.setattr(ooxml, "_SCAN_WHILE_PARSING_BYTES", 0)
    later = read_submission(path)
    assert [t.formulas for t in later.tables] == [t.formulas for t in first.tables]
    assert [t.formulas for t in later.tables] == [frozenset({(2, 4)}), frozenset({(2, 6)})]
    assert later.findings == first.findings
    assert [f.params["items"] for f in later.findings if f.code == "hidden-content"] == ["3"]
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"</sheetData>", b"<row r='x'></sheetData>")
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(damaged, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    (finding,) = read_submission(damaged).findings
    assert (finding.code, finding.params["reason"]) == (
        "unreadable-file",
        {"code": "reason-corrupt"},
    )


_LABEL_CELLS = st.sampled_from(
    ["EM01", " em 01 ", "EM-02", "SP12A", "1. Punësimi", "Burimi: Elbasan", "", None, 7.0, "x"]
)
_BREAKDOWN_CELLS = st.sampled_from(["Gjithsej", "Femra", " PAK ", "", None, 3.0])
_VALUE_CELLS = st.sampled_from([1.0, 2.5, "", None, "n/a"])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(_LABEL_CELLS, _LABEL_CELLS, _BREAKDOWN_CELLS, _VALUE_CELLS, _VALUE_CELLS),
        max_size=30,
    ),
    st.booleans(),
)
def test_rows_taken_in_runs_are_the_rows_taken_one_by_one(
    rows: list[tuple[object, ...]], ragged: bool
) -> None:
    """Rows with codes are read column by column; blank, merged, section and source rows
    one by one: together they must give what reading every row one by one gives."""
    from inclusionplan.reading import tables

    grid: list[list[object]] = [["Kodi", "Treguesi", "Ndarja", 2012.0, 2013.0]]
    grid += [list(row) for row in rows]
    if ragged and len(grid) > 1:
        grid[-1] = grid[-1][:2]  # a short row: taken one by one throughout

    def read(one_by_one: bool) -> tuple[object, ...]:
        original = tables._RowReader._label_columns
        if one_by_one:
            tables._RowReader._label_columns = lambda *_: None  # type: ignore[method-assign]
        try:
            result = tables.read_table(grid, "S", "f.xlsx")
        finally:
            tables._RowReader._label_columns = original  # type: ignore[method-assign]
        assert result is not None
        table = result.table
        return (
            table.codes,
            table.names,
            table.breakdown_labels,
            table.sheet_rows,
            [list(row) for row in table.cells],
        )

    assert read(one_by_one=False) == read(one_by_one=True)
