"""Fixtures that build small, real submissions in code."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_data"
CORPUS = REPO.parent / "shared" / "corpus" / "frictionless-py"
YEARS = (2012, 2013, 2014)
HEADER: list[object] = ["Kodi", "Treguesi", "Ndarja", *YEARS]

# EM01 for three years, consistent: female + male = total, subgroups under the total.
EM01 = {
    "Gjithsej": [100, 110, 120],
    "Femra": [40, 45, 50],
    "Meshkuj": [60, 65, 70],
    "Të rinj (15-29)": [30, 33, 36],
    "Afatgjatë": [50, 55, 60],
    "Romë dhe egjiptianë": [7, 8, 9],
    "PAK": [3, 3, 4],
}


def em01_rows() -> list[list[object]]:
    name = "Punëkërkues të papunë të regjistruar"
    return [["EM01", name, label, *values] for label, values in EM01.items()]


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[object]],
    sheet: str = "Të dhënat",
    above: Sequence[Sequence[object]] = (),
) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    worksheet = book.active
    worksheet.title = sheet
    for row in [*above, *rows]:
        worksheet.append(list(row))
    book.save(path)
    return path


def make_macro_enabled(path: Path) -> Path:
    """Give an .xlsx the content type of a macro-enabled workbook (.xlsm), as Excel does."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


@pytest.fixture
def make_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """Write rows (header first) to an .xlsx in a temporary folder."""

    def make(
        rows: Sequence[Sequence[object]] | None = None,
        name: str = "submission.xlsx",
        **options: object,
    ) -> Path:
        table = [HEADER, *(rows if rows is not None else em01_rows())]
        return write_xlsx(tmp_path / name, table, **options)  # type: ignore[arg-type]

    return make


@pytest.fixture(autouse=True)
def _run_from_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests name sample_data/... as a user in the project folder would."""
    monkeypatch.chdir(REPO)


def docx_text(path: Path) -> str:
    """A Word document's paragraphs and table cells, as a reader sees them."""
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)
