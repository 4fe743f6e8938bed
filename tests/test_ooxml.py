"""A large sheet part is checked and scanned in pieces as it is inflated: what the pieces
decide must be what the whole part decides."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inclusionplan.reading import ooxml
from inclusionplan.reading.grid import TooManyCellsError, xlsx_sheet_cells
from inclusionplan.reading.ooxml import (
    TooManyRowsError,
    scan_part,
    scan_xlsx,
    whole_tag_pieces,
)
from tests.test_grid import FIRST, SPELLINGS, sheet_xml, workbook_with_sheet

_FRAGMENTS = st.sampled_from(
    [
        *(b"<row", b' r="1">', b"<c", b' r="A1"', b">", b"<f>", b"</f>", b"hidden=", b'"1"'),
        *(b":c", b"x:", b"<", b"text ", b"hidd", b"en=", b"<ro", b"w ", b"\xc3\xab"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=40), st.lists(st.integers(1, 12), min_size=1))
def test_pieces_find_what_the_whole_part_holds(fragments: list[bytes], sizes: list[int]) -> None:
    whole = b"".join(fragments)
    pieces: list[bytes] = []
    start = 0
    while start < len(whole):
        size = sizes[len(pieces) % len(sizes)]
        pieces.append(whole[start : start + size])
        start += size

    texts = list(whole_tag_pieces(pieces))

    assert sum(text.count(b"<", 0, end) for text, end in texts) == whole.count(b"<")
    assert sum(text.count(b"<row", 0, end) for text, end in texts) == whole.count(b"<row")
    for marker in (b"<f", b"hidden=", b":c", b'<c r="A1">'):
        found = any(text.find(marker, 0, end) >= 0 for text, end in texts)
        assert found == (marker in whole), marker


FAR = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
SHEETS = {
    **SPELLINGS,
    "far apart": FIRST + FAR,
    "far apart, a comment before": FIRST + "<!-- ' -->" + FAR,
    "a second r": FIRST + '<row r="2"><c r="B2" s="0" r="XFD1048576"><v>1</v></c></row>',
    "a formula and a hidden row": FIRST
    + '<row r="2" hidden="1"><c r="B2"><f>1+1</f></c><c r="C2"><f>A1</f><v>3</v></c></row>',
    "rows": FIRST + "".join(f'<row r="{r}"><c r="B{r}"><v>{r}</v></c></row>' for r in range(2, 9)),
}


def _outcome(path: Path, max_rows: int, max_cells: int) -> object:
    """What ``scan_xlsx`` refuses, or the facts of every sheet once scanned."""
    with zipfile.ZipFile(path) as archive:
        try:
            facts = scan_xlsx(archive, max_rows, max_cells)
        except (TooManyRowsError, TooManyCellsError) as refused:
            return type(refused).__name__
    sheets = dict(facts.sheets)
    for name, part in facts.unscanned.items():
        sheets[name] = scan_part(path.read_bytes(), part)
    return sheets


@pytest.mark.parametrize("piece_bytes", [1, 5, 64, 2**20])
@pytest.mark.parametrize("cells", SHEETS.values(), ids=SHEETS.keys())
def test_a_sheet_checked_in_pieces_is_checked_as_a_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cells: str, piece_bytes: int
) -> None:
    xml = sheet_xml(cells)
    path = workbook_with_sheet(tmp_path / "book.xlsx", xml)
    grid, rows = xlsx_sheet_cells(xml), xml.count(b"<row")
    limits = [(rows, grid), (rows - 1, grid), (rows, grid - 1), (10**6, 30_000_000)]
    whole = [_outcome(path, *limit) for limit in limits]

    monkeypatch.setattr(ooxml, "_SCAN_WHILE_PARSING_BYTES", 0)
    monkeypatch.setattr(ooxml, "_PIECE_BYTES", piece_bytes)
    monkeypatch.setattr(ooxml, "_LONGEST_TAG_BYTES", 40)  # some tags are longer: read whole
    assert [_outcome(path, *limit) for limit in limits] == whole


def test_a_usual_large_sheet_is_never_held_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a sheet its pieces cannot clear is read whole; a formula sends the scan there."""
    read: list[str] = []
    plain_read = zipfile.ZipFile.read

    def spied(
        archive: zipfile.ZipFile, name: str | zipfile.ZipInfo, pwd: bytes | None = None
    ) -> bytes:
        read.append(name if isinstance(name, str) else name.filename)
        return plain_read(archive, name, pwd)

    monkeypatch.setattr(zipfile.ZipFile, "read", spied)
    monkeypatch.setattr(ooxml, "_SCAN_WHILE_PARSING_BYTES", 0)
    monkeypatch.setattr(ooxml, "_PIECE_BYTES", 16)
    part = "xl/worksheets/sheet1.xml"
    expected = {
        "rows": (False, ooxml.SheetFacts()),
        "far apart": (True, "TooManyCellsError"),
        "a formula and a hidden row": (
            True,
            ooxml.SheetFacts(frozenset({(2, 2)}), hidden_rows=(2,)),
        ),
    }
    for index, (name, (held, outcome)) in enumerate(expected.items()):
        path = workbook_with_sheet(tmp_path / f"{index}.xlsx", sheet_xml(SHEETS[name]))
        read.clear()
        result = _outcome(path, 10**6, 30_000_000)
        if isinstance(result, dict):
            (result,) = result.values()
        assert (part in read, result) == (held, outcome), name
