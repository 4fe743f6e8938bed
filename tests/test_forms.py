"""Forms: generated, filled in as an institution would, validated back."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from inclusionplan.cli import app
from inclusionplan.errors import UsageError
from inclusionplan.forms import form_bytes, write_forms
from inclusionplan.plan import load_plan
from inclusionplan.schema import builtin_schema
from inclusionplan.validation import validate, validate_plan
from tests.conftest import SAMPLES

runner = CliRunner()


@pytest.fixture(scope="module")
def elbasan_forms(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("forms")
    return [
        f.path for f in write_forms(load_plan(SAMPLES / "elbasan"), builtin_schema(), folder, "sq")
    ]


def test_one_form_per_institution_named_like_its_submission(elbasan_forms: list[Path]) -> None:
    assert len(elbasan_forms) == 14
    assert "zyra_e_punes_2012-2016.xlsx" in {p.name for p in elbasan_forms}
    assert "dshss_elbasan.xlsx" in {p.name for p in elbasan_forms}  # from an .xls submission


def test_form_layout_protection_and_validation(elbasan_forms: list[Path]) -> None:
    path = next(p for p in elbasan_forms if p.name.startswith("drejtoria_arsimore"))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Kopertina", "Udhëzime", "Të dhënat", "Analiza"]
    sheet = book["Të dhënat"]
    assert [c.value for c in sheet[4]][:9] == [
        "Kodi",
        "Treguesi",
        "Ndarja",
        "Njësia",
        2012,
        2013,
        2014,
        2015,
        2016,
    ]
    assert sheet.protection.sheet and sheet.freeze_panes == "E5"
    assert sheet["A5"].protection.locked and not sheet["E5"].protection.locked
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    rules = {rule.type: rule for rule in sheet.data_validations.dataValidation}
    assert set(rules) == {"whole", "decimal"}  # counts and the ED05 rate
    assert rules["whole"].formula1 == "0" and rules["decimal"].formula2 == "100"
    assert "numër të plotë" in (rules["whole"].prompt or "")
    ed05 = next(r for r in range(5, sheet.max_row + 1) if sheet.cell(r, 1).value == "ED05")
    assert f"E{ed05}" in str(rules["decimal"].sqref)


def test_blank_form_gives_missing_values_not_a_crash(elbasan_forms: list[Path]) -> None:
    path = next(p for p in elbasan_forms if p.name.startswith("gjykata"))
    report = validate([path], years=range(2012, 2017))
    assert {f.code for f in report.findings} == {"missing-value"}
    assert len(report.findings) == 5
    assert report.files[0].institution == "court"


def test_filled_form_validates_with_no_finding(elbasan_forms: list[Path], tmp_path: Path) -> None:
    dataset = validate_plan(SAMPLES / "elbasan").dataset
    schema = builtin_schema()
    labels = {schema.breakdown_label(key, "sq"): key for key in schema.breakdown_names}
    filled = []
    for path in elbasan_forms:
        book = openpyxl.load_workbook(path)
        sheet = book["Të dhënat"]
        for row in range(5, sheet.max_row + 1):
            code, label = sheet.cell(row, 1).value, sheet.cell(row, 3).value
            for offset, year in enumerate(range(2012, 2017)):
                sheet.cell(row, 5 + offset).value = dataset.value(code, labels[label], year)
        book["Analiza"]["A3"] = "Situata e sektorit u përmirësua."
        target = tmp_path / path.name
        book.save(target)
        filled.append(target)
    report = validate(filled, years=range(2012, 2017))
    assert report.findings == []
    assert all(f.completeness == 1 for f in report.files)


def test_same_inputs_same_bytes() -> None:
    plan = load_plan(SAMPLES / "elbasan")
    first = form_bytes(plan, builtin_schema(), "employment_office", "en")
    assert first == form_bytes(plan, builtin_schema(), "employment_office", "en")


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    schema_file = tmp_path / "schema.yaml"
    schema_file.write_text(
        "indicators:\n  - {code: EM01, area: EM, en: '=HYPERLINK(\"x\")', sq: '+1 test',"
        " unit: persons, type: count, institution: employment_office}\n",
        encoding="utf-8",
    )
    from inclusionplan.schema import load_schema

    plan = load_plan(SAMPLES / "elbasan")
    (tmp_path / "f.xlsx").write_bytes(
        form_bytes(plan, load_schema(schema_file), "employment_office", "en")
    )
    sheet = openpyxl.load_workbook(tmp_path / "f.xlsx")["Data"]
    assert sheet["B5"].value == '=HYPERLINK("x")' and sheet["B5"].data_type == "s"


def test_cli_forms_for_one_institution(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "forms",
            "sample_data/elbasan",
            "-o",
            str(tmp_path),
            "--institution",
            "Zyra e Punës",
            "--lang",
            "en",
        ],
    )
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["zyra_e_punes_2012-2016.xlsx"]
    assert openpyxl.load_workbook(tmp_path / "zyra_e_punes_2012-2016.xlsx").sheetnames[2] == "Data"
    unknown = runner.invoke(
        app, ["forms", "sample_data/elbasan", "-o", str(tmp_path), "--institution", "Parliament"]
    )
    assert unknown.exit_code == 2 and "Parliament" in unknown.output


def test_unknown_institution_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        write_forms(load_plan(SAMPLES / "elbasan"), builtin_schema(), tmp_path, "sq", "nobody")
