"""Grids worked out before calamine parses a sheet: never smaller than calamine's own."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
import python_calamine

from inclusionplan.reading.grid import (
    TooManyCellsError,
    _declared_dimensions,
    _workbook_stream_cells,
    _xls_sheet_cells,
    check_ods,
    check_xls,
    ods_table_cells,
    shared_strings_declared,
    xls_cells,
    xlsx_sheet_cells,
    xlsx_sheet_fits,
)
from tests.conftest import HEADER, em01_rows, write_xlsx

FIRST = '<row r="1"><c r="A1" t="inlineStr"><is><t>Kodi</t></is></c></row>'


def sheet_xml(cells: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{cells}</sheetData></worksheet>"
    ).encode()


def workbook_with_sheet(path: Path, xml: bytes, shared_strings: bytes | None = None) -> Path:
    """A workbook openpyxl writes, with its sheet part (and shared strings) replaced."""
    plain = write_xlsx(path.with_suffix(".plain.xlsx"), [HEADER])
    with zipfile.ZipFile(plain) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = xml
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = shared_strings
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def calamine_cells(path: Path) -> int:
    sheet = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    return sheet.height * sheet.width if sheet.start is not None else 0


# Sheets calamine reads with a modest grid, each spelt in a way that moves its cells.
SPELLINGS = {
    "usual": FIRST + '<row r="40"><c r="Z40"><v>1</v></c></row>',
    "lower-case letters": FIRST + '<row r="40"><c r="z40"><v>1</v></c></row>',
    "single quotes and spaces": FIRST + "<row r = '40'><c  r = 'Z40' ><v>1</v></c></row>",
    "cells without r follow the one before": FIRST
    + '<row r="40"><c r="X40"><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>',
    "a row without r follows the one before": FIRST
    + '<row r="30"/><row><c><v>1</v></c></row><row><c><v>1</v></c></row>',
    "the last r wins": FIRST + '<row r="2"><c r="B2"r="AD90"><v>1</v></c></row>',
    "prefixed cells": FIRST + '<row r="9"><x:c r="AB9"><x:v>1</x:v></x:c></row>',
    "a cell outside its row's number": FIRST + '<row r="2"><c r="C77"><v>1</v></c></row>',
    "an empty cell moves the next": FIRST
    + '<row r="5"><c r="AA5" s="1"/><c><v>1</v></c><c r="AC5"></c></row>',
    "an empty text is a value": FIRST + '<row r="7"><c r="AC7" t="str"><v></v></c></row>',
    "a '>' inside an attribute": FIRST + '<row r="7"><c x="a>b" r="AC70"><v>1</v></c></row>',
    "a comment": FIRST + '<!-- <row r="1"> --><row r="7"><c r="AC7"><v>1</v></c></row>',
    # After a malformed attribute calamine keeps the earlier value, not the last.
    "an earlier r before a malformed attribute": FIRST
    + '<row r="2"><c r="AD90" x r="B2"><v>1</v></c></row>',
    "an earlier t before a malformed attribute": FIRST
    + '<row r="7"><c r="AC70" t="str" x t="n"><v></v></c></row>',
}


@pytest.mark.parametrize("cells", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_bound_is_never_below_calamines_grid(tmp_path: Path, cells: str) -> None:
    xml = sheet_xml(cells)
    actual = calamine_cells(workbook_with_sheet(tmp_path / "book.xlsx", xml))
    assert actual > 1
    assert xlsx_sheet_cells(xml) >= actual
    assert not xlsx_sheet_fits(xml, actual - 1)
    assert xlsx_sheet_fits(xml, max(actual, xlsx_sheet_cells(xml)))


def test_bound_is_exact_for_a_sheet_openpyxl_writes(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "em01.xlsx", [HEADER, *em01_rows()])
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    assert xlsx_sheet_cells(xml) == calamine_cells(path) == 8 * len(HEADER)


def test_far_apart_cells_are_counted_without_being_parsed() -> None:
    xml = sheet_xml(FIRST + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    assert xlsx_sheet_cells(xml) == 1_048_576 * 16_384
    assert not xlsx_sheet_fits(xml, 30_000_000)


@pytest.mark.parametrize(
    "cells",
    [
        '<row r="2"><c r="B2" s="0" r="XFD1048576"><v>1</v></c></row>',
        '<row r="2"><c r="B2"\tr="XFD1048576"><v>1</v></c></row>',
        '<row r="2"><c r="B2" s="0"  r="XFD1048576"><v>1</v></c></row>',
        '<row r="2"><c r="B2" t=\'n\' r="XFD1048576"><v>1</v></c></row>',
        '<row r="2"><c r="B2" t="n" r = "XFD1048576"><v>1</v></c></row>',
        '<row r="2"><c r="B2" t="a>b" r="XFD1048576"><v>1</v></c></row>',
        '<row r="4000000"><c><v>1</v></c><c r="ZZZ1"><v>1</v></c></row>',
        '<row r="2"><c r="AAAAAAA2"><v>1</v></c></row>',
        '<row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></row>',
        '<x:row r="2"><x:c r="B2"/><x:c r="C2" r="XFD1048576"><x:v>1</x:v></x:c></x:row>',
        '<!-- \' --><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
    ],
)
def test_spellings_that_hide_a_far_cell_are_caught(cells: str) -> None:
    assert not xlsx_sheet_fits(sheet_xml(FIRST + cells), 30_000_000)


def test_cells_without_a_value_do_not_stretch_the_grid() -> None:
    """Formatting far away (Excel's 'used range' running to the last row) is not data."""
    xml = sheet_xml(
        FIRST + '<row r="1048576"><c r="XFD1048576" s="3"/><c r="XFD1" s="3"></c></row>'
    )
    assert xlsx_sheet_cells(xml) == 1
    assert xlsx_sheet_fits(xml, 1)


def test_shared_strings_declared() -> None:
    sst = b'<?xml version="1.0"?><sst count="3" uniqueCount="4000000000"><si><t>a</t></si>'
    assert shared_strings_declared(sst) == 4_000_000_000
    assert shared_strings_declared(b"<sst><si><t>a</t></si></sst>") == 0
    assert shared_strings_declared(b'<sst uniqueCount="12" ') is None  # tag not whole yet


def test_unusual_bytes_are_checked_tag_by_tag_not_refused() -> None:
    """A tab or a quote in a cell's text is no reason to refuse a sheet."""
    text = '<row r="2"><c r="A2" t="inlineStr"><is><t>it\'s\tfine</t></is></c></row>'
    assert xlsx_sheet_fits(sheet_xml(FIRST + text), 2)


def test_workbook_bytes_are_what_the_tests_say(tmp_path: Path) -> None:
    """The helper really replaces the sheet: calamine reads the far cell it was given."""
    xml = sheet_xml(FIRST + '<row r="3"><c r="D3"><v>7</v></c></row>')
    path = workbook_with_sheet(tmp_path / "book.xlsx", xml)
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    assert book.get_sheet_by_index(0).to_python()[2][3] == 7


ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
    'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
    'spreadsheet"/></manifest:manifest>'
)


KODI_ROW = (
    '<table:table-row><table:table-cell office:value-type="string"><text:p>Kodi</text:p>'
    "</table:table-cell></table:table-row>"
)


def ods_content(rows: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        f'<office:body><office:spreadsheet><table:table table:name="T">{rows}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    ).encode()


def ods_with_repeats(path: Path, rows: int, columns: int) -> Path:
    """A table whose second row, repeated, ends in a value after repeated empty cells."""
    return ods_with_rows(
        path,
        KODI_ROW + f'<table:table-row table:number-rows-repeated="{rows}">'
        f'<table:table-cell table:number-columns-repeated="{columns}"/>'
        '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p>'
        "</table:table-cell></table:table-row>"
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
        'table:number-columns-repeated="1024"/></table:table-row>',
    )


def ods_with_rows(path: Path, rows: str) -> Path:
    content = ods_content(rows)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        archive.writestr("content.xml", content)
    return path


@pytest.mark.parametrize(("rows", "columns"), [(3, 4), (200, 30)])
def test_ods_repeats_are_counted_as_calamine_expands_them(
    tmp_path: Path, rows: int, columns: int
) -> None:
    path = ods_with_repeats(tmp_path / "t.ods", rows, columns)
    content = zipfile.ZipFile(path).read("content.xml")
    assert ods_table_cells(content) == calamine_cells(path) == (rows + 1) * (columns + 1)


def test_ods_repeats_past_the_limit_are_refused(tmp_path: Path) -> None:
    path = ods_with_repeats(tmp_path / "t.ods", 1_048_575, 16_383)
    with pytest.raises(TooManyCellsError):
        check_ods(zipfile.ZipFile(path), 30_000_000)


def xls_with_a_far_cell(path: Path, row: int, column: int) -> Path:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("T")
    sheet.write(0, 0, "Kodi")
    sheet.write(row, column, 7)
    book.save(str(path))
    return path


def test_xls_cells_match_calamine(tmp_path: Path) -> None:
    path = xls_with_a_far_cell(tmp_path / "t.xls", 300, 40)
    assert xls_cells(path.read_bytes()) == calamine_cells(path) == 301 * 41


def test_xls_column_beyond_excels_is_refused(tmp_path: Path) -> None:
    """BIFF stores a column in 16 bits: 65,535 is a 4-billion-cell grid in a 6 KB file."""
    data = bytearray(xls_with_a_far_cell(tmp_path / "t.xls", 60_000, 40).read_bytes())
    rk = data.find(struct.pack("<HHHH", 0x027E, 10, 60_000, 40))
    assert rk > 0
    data[rk + 6 : rk + 8] = struct.pack("<H", 0xFFFF)
    assert xls_cells(bytes(data)) == 60_001 * 65_536
    with pytest.raises(TooManyCellsError):
        check_xls(bytes(data), 30_000_000)


def test_xls_declared_sizes_count() -> None:
    """calamine reserves what DIMENSIONS and the shared-string table declare."""
    dimensions = struct.pack("<IIHHH", 0, 4_000_000, 0, 200, 0)
    assert _declared_dimensions(dimensions) == 4_000_000 * 200
    assert _declared_dimensions(struct.pack("<IIHHH", 9, 3, 0, 2, 0)) == 2**63
    stream = struct.pack("<HH", 0x00FC, 8) + struct.pack("<Ii", 1, 2_000_000_000)
    assert _workbook_stream_cells(stream + struct.pack("<HH", 0x000A, 0)) == 2_000_000_000


def test_ods_a_table_start_inside_a_table_does_not_drop_its_rows(tmp_path: Path) -> None:
    """calamine reads on through a nested start, up to the first table end."""
    value = '<table:table-cell office:value-type="float" office:value="1"/>'
    rows = (
        f'<table:table-row table:number-rows-repeated="40">{value * 3}</table:table-row>'
        '<table:table table:name="N">'
        f"<table:table-row>{value}</table:table-row>"
    )
    path = ods_with_rows(tmp_path / "t.ods", KODI_ROW + rows)
    assert ods_table_cells(ods_content(KODI_ROW + rows)) >= calamine_cells(path) == 42 * 3


def test_ods_a_text_cell_ends_at_the_first_cell_end_inside_it() -> None:
    """calamine reads a text cell up to the first cell end, so cells after a nested one
    are cells of the row."""
    rows = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p>'
        "<table:table-cell/>"
        '<table:table-cell table:number-columns-repeated="5000" office:value="1"/>'
        "</table:table-cell></table:table-row>"
    )
    assert ods_table_cells(ods_content(rows)) >= 5001


def test_xls_a_formula_text_before_any_formula_lands_in_a1() -> None:
    """calamine puts a STRING record at the last formula's cell, (0, 0) before one."""
    string = struct.pack("<HH", 0x0207, 4) + b"\x01\x00\x00a"
    number = struct.pack("<HHHHH", 0x0203, 14, 60_000, 5, 0) + struct.pack("<d", 1.0)
    eof = struct.pack("<HH", 0x000A, 0)
    assert _xls_sheet_cells(string + number + eof, 0) == 60_001 * 6


def test_ods_a_repeat_before_a_malformed_attribute_counts(tmp_path: Path) -> None:
    """calamine keeps the first of two repeats when a malformed attribute parts them."""
    rows = (
        '<table:table-row table:number-rows-repeated="300" x table:number-rows-repeated="1">'
        '<table:table-cell office:value-type="float" office:value="1"/></table:table-row>'
    )
    path = ods_with_rows(tmp_path / "t.ods", KODI_ROW + rows)
    assert ods_table_cells(ods_content(KODI_ROW + rows)) >= calamine_cells(path) == 301
