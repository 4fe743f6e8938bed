"""A large sheet cut in two and parsed side by side reads as the whole sheet does."""

from __future__ import annotations

import io
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import python_calamine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inclusionplan.reading import DEFAULT_LIMITS, Limits, check_workbook, ooxml, read_submission
from inclusionplan.reading import spreadsheet as spreadsheet_module
from inclusionplan.reading.halves import ParsedHalf, join, scratch_folder
from inclusionplan.reading.ooxml import SheetFacts, WorkbookFacts
from inclusionplan.reading.tables import Grid
from tests.conftest import HEADER, em01_rows, write_xlsx
from tests.test_grid import FIRST, sheet_xml, workbook_with_sheet


@pytest.fixture(autouse=True)
def every_sheet_is_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ooxml, "_SCAN_WHILE_PARSING_BYTES", 0)
    monkeypatch.setattr(ooxml, "_PIECE_BYTES", 64)


def _facts(path: Path, cut: bool) -> WorkbookFacts:
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        facts = check_workbook("xlsx", data, archive, DEFAULT_LIMITS, cut)
    assert facts is not None
    return facts


def _read(path: Path, cut: bool) -> tuple[tuple[Grid, tuple[int, int]], SheetFacts, bool]:
    """The first sheet's rows, where they start and its facts; whether it was cut."""
    data = path.read_bytes()
    facts = _facts(path, cut)
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        name = workbook.sheet_names[0]
        grid, start, sheet_facts = spreadsheet_module._parsed(workbook, name, data, facts, None)
        return (grid, start), sheet_facts, bool(facts.halves)
    finally:
        facts.remove_halves()


def _row(number: int, cells: list[tuple[str, str]]) -> str:
    return (
        f'<row r="{number}">' + "".join(f'<c r="{c}{number}"{v}</c>' for c, v in cells) + "</row>"
    )


_VALUES = st.sampled_from(
    ["><v>1</v>", ' t="n"><v>2.5</v>', ' t="inlineStr"><is><t>tekst</t></is>', ' s="0">', "><v/>"]
)
_ROW = st.lists(
    st.tuples(st.sampled_from("ABCDEFGH"), _VALUES), max_size=5, unique_by=lambda c: c[0]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.tuples(st.integers(1, 60), _ROW), min_size=2, max_size=12),
    st.booleans(),
    st.sampled_from([7, 64, 4096]),
)
def test_halves_read_as_the_whole_sheet(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    rows: list[tuple[int, list[tuple[str, str]]]],
    in_order: bool,
    piece_bytes: int,
) -> None:
    """Rows in order or not, columns and gaps of every kind, empty halves: the cut sheet
    gives calamine's rows for the whole sheet, or is parsed whole."""
    monkeypatch.setattr(ooxml, "_PIECE_BYTES", piece_bytes)
    if in_order:
        rows = sorted({number: cells for number, cells in rows}.items())
    cells = "".join(_row(number, sorted(row)) for number, row in rows)
    path = workbook_with_sheet(tmp_path_factory.mktemp("cut") / "book.xlsx", sheet_xml(cells))
    assert _read(path, cut=True)[:2] == _read(path, cut=False)[:2]


def test_a_submission_cut_in_two_is_the_submission_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [HEADER] + [
        [f"EM{n:02d}", "Tregues", *row[2:]] for n in range(1, 40) for row in em01_rows()
    ]
    path = write_xlsx(tmp_path / "punesimi.xlsx", rows)
    monkeypatch.setattr("inclusionplan.reading._cores", lambda: 1)
    whole = read_submission(path)
    monkeypatch.setattr("inclusionplan.reading._cores", lambda: 2)
    facts = _facts(path, cut=True)
    assert facts.halves  # the sheet is cut
    facts.remove_halves()
    parsed: list[Path] = []
    plain = spreadsheet_module._parse_half

    def spied(half: Path, name: str, begins: Callable[[], None]) -> ParsedHalf | None:
        parsed.append(half)
        return plain(half, name, begins)

    monkeypatch.setattr(spreadsheet_module, "_parse_half", spied)
    cut = read_submission(path)
    assert len(parsed) == 2
    assert cut == whole
    assert len(whole.observations) == (len(rows) - 1) * (len(HEADER) - 3)
    assert not any(half.parent.exists() for half in parsed)  # the halves are removed


@pytest.mark.parametrize(
    "cells",
    [
        pytest.param(FIRST + "<!-- a comment -->" + _row(2, [("B", "><v>1</v>")]), id="comment"),
        pytest.param(FIRST + "<?pi x?>" + _row(2, [("B", "><v>1</v>")]), id="instruction"),
        pytest.param(_row(1, [(c, "><v>1</v>") for c in "ABCDEFGH"]), id="one row"),
    ],
)
def test_a_sheet_that_cannot_be_cut_is_parsed_whole(tmp_path: Path, cells: str) -> None:
    path = workbook_with_sheet(tmp_path / "book.xlsx", sheet_xml(cells))
    result, _, was_cut = _read(path, cut=True)
    assert not was_cut
    assert result == _read(path, cut=False)[0]


def test_a_prefixed_root_is_closed_with_its_prefix(tmp_path: Path) -> None:
    rows = "".join(_row(n, [("B", f"><v>{n}</v>")]) for n in range(1, 30))
    xml = (
        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<x:sheetData>{rows}</x:sheetData></x:worksheet>"
    ).encode()
    path = workbook_with_sheet(tmp_path / "book.xlsx", xml)
    result, _, was_cut = _read(path, cut=True)
    assert was_cut
    assert result == _read(path, cut=False)[0]
    assert result[0][0] == [1.0]


def test_a_half_calamine_cannot_parse_sends_the_sheet_to_be_parsed_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = "".join(_row(n, [("B", f"><v>{n}</v>")]) for n in range(1, 30))
    path = workbook_with_sheet(tmp_path / "book.xlsx", sheet_xml(rows))
    monkeypatch.setattr(spreadsheet_module, "_parse_half", lambda *_: None)
    result, _, was_cut = _read(path, cut=True)
    assert was_cut
    assert result == _read(path, cut=False)[0]


def test_a_formula_is_found_in_a_sheet_cut_in_two(tmp_path: Path) -> None:
    rows = "".join(_row(n, [("B", f"><v>{n}</v>")]) for n in range(1, 30))
    formula = '<row r="40"><c r="C40"><f>B1+B2</f></c></row>'
    path = workbook_with_sheet(tmp_path / "book.xlsx", sheet_xml(rows + formula))
    _, facts, was_cut = _read(path, cut=True)
    assert was_cut
    assert facts == _read(path, cut=False)[1]
    assert facts.formulas_without_value == {(40, 3)}


@pytest.fixture
def folders_made(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders made for halves, on two cores."""
    made: list[Path] = []

    def spied() -> Path:
        made.append(scratch_folder())
        return made[-1]

    monkeypatch.setattr("inclusionplan.reading.ooxml.scratch_folder", spied)
    monkeypatch.setattr("inclusionplan.reading._cores", lambda: 2)
    return made


def test_halves_are_removed_when_a_later_sheet_is_refused(
    tmp_path: Path, folders_made: list[Path]
) -> None:
    rows = "".join(_row(n, [("B", f"><v>{n}</v>")]) for n in range(1, 30))
    path = workbook_with_sheet(tmp_path / "book.xlsx", sheet_xml(rows))
    with zipfile.ZipFile(path, "a") as archive:  # a second sheet part with too many rows
        archive.writestr("xl/worksheets/sheet2.xml", sheet_xml(rows * 40))
    submission = read_submission(path, limits=Limits(max_rows=100))
    assert submission.findings[0].params["reason"] == {"code": "reason-too-many-rows", "limit": 100}
    assert folders_made and not folders_made[0].exists()


def _half(grid: list[list[object]], start: tuple[int, int]) -> ParsedHalf:
    end = (start[0] + len(grid) - 1, start[1] + len(grid[0]) - 1)
    return ParsedHalf(grid, start, end)


def test_join_widens_the_halves_and_fills_the_rows_between() -> None:
    first = _half([[1.0, ""], ["", 2.0]], (0, 1))
    second = _half([["x"]], (3, 0))
    assert join([first, second]) == (
        [["", 1.0, ""], ["", "", 2.0], ["", "", ""], ["x", "", ""]],
        (0, 0),
    )


def test_join_of_an_empty_half_is_the_other() -> None:
    empty = ParsedHalf([], None, None)
    second = _half([["x"]], (3, 2))
    assert join([empty, second]) == ([["x"]], (3, 2))
    assert join([empty, empty]) == ([], (0, 0))


def test_halves_whose_rows_overlap_are_not_joined() -> None:
    assert join([_half([[1.0]], (5, 0)), _half([[2.0]], (5, 1))]) is None
    assert join([_half([[1.0]], (6, 0)), _half([[2.0]], (2, 0))]) is None


def test_a_sheet_refused_while_it_is_cut_leaves_no_half_and_no_thread(
    tmp_path: Path, folders_made: list[Path]
) -> None:
    rows = "".join(_row(n, [("B", f"><v>{n}</v>")]) for n in range(1, 300))
    path = workbook_with_sheet(tmp_path / "book.xlsx", sheet_xml(rows))
    submission = read_submission(path, limits=Limits(max_rows=200))
    assert submission.findings[0].params["reason"] == {"code": "reason-too-many-rows", "limit": 200}
    assert folders_made and not folders_made[0].exists()
    assert not [t for t in threading.enumerate() if t.name.startswith("inclusionplan-cut")]
