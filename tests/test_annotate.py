"""Annotated copies: comments on the right cells, a findings sheet, originals untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from inclusionplan.annotate import annotate
from inclusionplan.cli import app
from inclusionplan.validation import validate
from tests.conftest import HEADER, SAMPLES, YEARS, em01_rows, make_macro_enabled, write_xlsx

runner = CliRunner()


def comments(path: Path, sheet: str) -> dict[str, str]:
    book = openpyxl.load_workbook(path)
    return {
        c.coordinate: c.comment.text for row in book[sheet].iter_rows() for c in row if c.comment
    }


def test_wide_layout_with_title_rows_and_merged_cells(tmp_path: Path) -> None:
    rows = em01_rows()
    rows[1][3] = 41  # female 2012: the total D6 no longer adds up
    rows[6][4] = "tre"  # PAK 2013, not a number
    for row in rows[1:]:
        row[0] = None
    source = write_xlsx(
        tmp_path / "s.xlsx",
        [HEADER, *rows],
        above=[["BASHKIA"], ["Institucioni:", "Zyra e Punës"], [], []],
    )
    book = openpyxl.load_workbook(source)
    book.active.merge_cells("A6:A12")
    book.save(source)
    before = source.read_bytes()
    report = validate([source], years=YEARS)
    written = annotate(report, tmp_path / "out", "en").written
    assert source.read_bytes() == before
    assert [w.path.name for w in written] == ["s.xlsx"]
    marked = comments(written[0].path, "Të dhënat")
    assert set(marked) == {"D6", "E12"}
    assert "Female + Male = 101" in marked["D6"] and "'tre' is not a number" in marked["E12"]
    copy = openpyxl.load_workbook(written[0].path)
    assert copy.sheetnames[0] == "Findings"
    assert copy["Të dhënat"]["D6"].fill.fgColor.rgb.endswith("F4B6B6")
    assert copy["Të dhënat"].merged_cells.ranges  # the original layout is kept
    links = [c.hyperlink.location for c in copy["Findings"]["A"] if c.hyperlink]
    assert "'Të dhënat'!D6" in links


def test_long_layout_marks_the_value_cell(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Kodi", "Ndarja", "Viti", "Vlera"],
        ["ED05", "Gjithsej", 2012, 104],
        ["ED05", "Gjithsej", 2013, 95],
    ]
    source = write_xlsx(tmp_path / "long.xlsx", rows)
    report = validate([source], years=(2012, 2013))
    (written,) = annotate(report, tmp_path / "out", "sq").written
    assert list(comments(written.path, "Të dhënat")) == ["D2"]
    assert openpyxl.load_workbook(written.path).sheetnames[0] == "Gjetjet"


def test_csv_xls_and_ods_become_xlsx_copies_that_say_so(tmp_path: Path) -> None:
    folder = tmp_path / "faulty"
    shutil.copytree(SAMPLES / "faulty", folder)
    csv = folder / "submissions" / "strehimi.csv"
    before = csv.read_bytes()
    report = validate([folder])
    written = {w.path.name: w.path for w in annotate(report, tmp_path / "out", "en").written}
    assert csv.read_bytes() == before
    copy = openpyxl.load_workbook(written["strehimi.xlsx"])
    notes = " ".join(str(c.value) for c in copy["Findings"]["A"] if c.value)
    assert "The original file was csv" in notes
    assert set(comments(written["strehimi.xlsx"], "CSV")) == {"G9", "G10"}
    assert "gjendja_civile.xlsx" not in written  # unreadable: nothing to annotate


def test_deadline_and_completeness_in_the_summary(tmp_path: Path) -> None:
    report = validate([SAMPLES / "faulty"])
    written = {w.path.name: w.path for w in annotate(report, tmp_path, "en").written}
    summary = openpyxl.load_workbook(written["zyra_e_punes.xlsx"])["Findings"]
    values = {summary.cell(r, 1).value: summary.cell(r, 2).value for r in range(3, 10)}
    assert values["Deadline for corrections"] == "29.07.2016"
    assert values["Completeness"] == "84 / 85 (99%)"


def test_cli_annotate_and_markdown(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "validate",
            "sample_data/faulty",
            "--annotate",
            str(tmp_path),
            "--format",
            "markdown",
            "--lang",
            "en",
        ],
    )
    assert result.exit_code == 1
    assert result.stdout.startswith("## The data have errors to correct.")
    assert "| `partition-mismatch` |" in result.stdout
    assert (tmp_path / "zyra_e_punes.xlsx").is_file()
    clean = runner.invoke(app, ["validate", "sample_data/elbasan", "--format", "markdown"])
    assert clean.exit_code == 0 and clean.stdout.startswith("## Të dhënat janë të plota")


def test_annotated_copies_are_deterministic(tmp_path: Path) -> None:
    report = validate([SAMPLES / "faulty"])
    first = {
        w.path.name: w.path.read_bytes() for w in annotate(report, tmp_path / "a", "sq").written
    }
    second = {
        w.path.name: w.path.read_bytes() for w in annotate(report, tmp_path / "b", "sq").written
    }
    assert first == second


def test_macro_enabled_workbook_stays_xlsm(tmp_path: Path) -> None:
    import zipfile

    rows = em01_rows()
    rows[6][4] = "tre"
    source = write_xlsx(tmp_path / "makro.xlsm", [HEADER, *rows])
    make_macro_enabled(source)
    (written,) = annotate(validate([source], years=YEARS), tmp_path / "out", "en").written
    assert written.path.name == "makro.xlsm"
    with zipfile.ZipFile(written.path) as archive:
        assert b"macroEnabled" in archive.read("[Content_Types].xml")
    assert list(comments(written.path, "Të dhënat")) == ["E8"]


def test_a_file_too_large_for_a_copy_is_named_not_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl holds about 400 bytes a cell: past ``MAX_CELLS`` a file gets no copy, and
    the user is told which and why."""
    from inclusionplan import annotate as annotating

    rows = em01_rows()
    rows[0][3] = "n/a"
    source = write_xlsx(tmp_path / "s.xlsx", [HEADER, *rows])
    csv = tmp_path / "t.csv"
    csv.write_text("Kodi;Ndarja;2012\nEM01;Gjithsej;n/a\n", encoding="utf-8")
    cells = sum(len(row) for row in [HEADER, *rows])
    monkeypatch.setattr(annotating, "MAX_CELLS", 5)
    result = annotate(validate([source, csv], years=YEARS), tmp_path / "out", "en")
    assert result.written == []
    assert [(t.source, t.cells) for t in result.too_large] == [(str(source), cells), (str(csv), 6)]
    assert not (tmp_path / "out").exists()
    shown = runner.invoke(
        app, ["validate", str(source), "--annotate", str(tmp_path / "out"), "--lang", "en"]
    )
    assert f"{source}: no annotated copy: {cells} cells, more than the 5 a copy" in shown.output
    monkeypatch.setattr(annotating, "MAX_CELLS", cells)
    (written,) = annotate(validate([source], years=YEARS), tmp_path / "out", "en").written
    assert written.path.name == "s.xlsx"
