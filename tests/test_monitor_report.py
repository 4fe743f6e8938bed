"""The monitoring report, read back: dashboard, attention list, indicators, measures."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from inclusionplan.cli import app
from inclusionplan.monitor import render_monitoring
from inclusionplan.render import DataNotValidError
from tests.conftest import REPO, SAMPLES, docx_text

runner = CliRunner()


text_of = docx_text


@pytest.fixture(scope="module")
def report_en(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("monitor") / "m.docx"
    render_monitoring(SAMPLES / "elbasan", 2018, output=output, lang="en")
    return output


def test_report_has_dashboard_attention_indicators_and_measures(report_en: Path) -> None:
    text = text_of(report_en)
    for heading in (
        "1. Dashboard",
        "2. What needs attention",
        "3. Indicators against their targets",
        "4. Implementation of the measures",
    ):
        assert heading in text
    assert "SP01 Families receiving economic aid is off track" in text
    assert "is late: not started" in text and "more than the" in text
    assert "2016 (baseline)" in text and "2020 (target)" in text
    document = docx.Document(str(report_en))
    assert len(document.inline_shapes) >= 20
    assert "{{" not in text and "{%" not in text


def test_same_inputs_same_bytes(report_en: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.docx"
    render_monitoring(SAMPLES / "elbasan", 2018, output=again, lang="en", jobs=1)
    assert again.read_bytes() == report_en.read_bytes()


def test_errors_stop_the_report_unless_allowed(tmp_path: Path) -> None:
    folder = tmp_path / "elbasan"
    shutil.copytree(SAMPLES / "elbasan", folder)
    (folder / "monitoring" / "2018" / "gjykata_rrethit.xlsx").write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(DataNotValidError):
        render_monitoring(folder, 2018, output=tmp_path / "m.docx")
    render_monitoring(folder, 2018, output=tmp_path / "m.docx", allow_errors=True, jobs=1)
    assert "PROJEKT" in text_of(tmp_path / "m.docx")


def test_cli_monitor(tmp_path: Path) -> None:
    output = tmp_path / "m.docx"
    result = runner.invoke(
        app, ["monitor", "sample_data/elbasan", "--year", "2017", "-o", str(output), "--jobs", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "Raporti vjetor i monitorimit 2017" in text_of(output)
    missing = runner.invoke(app, ["monitor", "sample_data/elbasan", "--year", "2021"])
    assert missing.exit_code == 2 and "2021" in missing.output


def test_monitoring_variables_are_documented() -> None:
    from inclusionplan.monitor import validate_monitoring
    from inclusionplan.monitor_document import build_monitoring_context, chart_requests
    from inclusionplan.plan_document import load_texts

    data = validate_monitoring(SAMPLES / "elbasan", 2018)
    texts = load_texts(data.base.plan, "en")
    charts = {code: b"" for code in chart_requests(data, "en", texts["labels"])}
    context = build_monitoring_context(data, "en", texts, lambda png: "image", charts)
    page = (REPO / "docs" / "monitoring.md").read_text(encoding="utf-8")

    def keys(value: object, inside: str) -> set[str]:
        if isinstance(value, dict):
            found: set[str] = set()
            for key, item in value.items():
                if inside != "labels":
                    found.add(key)
                found |= keys(item, key)
            return found
        if isinstance(value, list):
            return set().union(*(keys(item, inside) for item in value)) if value else set()
        return set()

    assert sorted(k for k in keys(context, "") if f"`{k}`" not in page) == []


def test_follow_up_forms_round_trip_into_a_monitoring_report(tmp_path: Path) -> None:
    """Forms for 2019, filled as institutions would, make a valid 2019 report."""
    import openpyxl

    from inclusionplan.forms import write_forms
    from inclusionplan.monitor import validate_monitoring
    from inclusionplan.plan import load_plan
    from inclusionplan.schema import builtin_schema

    folder = tmp_path / "elbasan"
    shutil.copytree(SAMPLES / "elbasan", folder)
    year_folder = folder / "monitoring" / "2019"
    forms = write_forms(load_plan(folder), builtin_schema(), year_folder, "sq", year=2019)
    data_2018 = validate_monitoring(folder, 2018).values
    labels = {
        builtin_schema().breakdown_label(k, "sq"): k for k in builtin_schema().breakdown_names
    }
    for form in forms:
        book = openpyxl.load_workbook(form.path)
        if form.path.name.startswith("implementation-"):
            sheet = book.active
            assert sheet.cell(4, 2).value == "Statusi"
            for row in range(5, sheet.max_row + 1):
                sheet.cell(row, 2).value = "Në zbatim"
                sheet.cell(row, 3).value = 1000
        else:
            sheet = book["Të dhënat"]
            assert sheet.cell(4, 5).value == 2019 and sheet.cell(4, 6).value is None
            for row in range(5, sheet.max_row + 1):
                key = (sheet.cell(row, 1).value, labels[sheet.cell(row, 3).value], 2018)
                sheet.cell(row, 5).value = data_2018[key]
        book.save(form.path)
    data = validate_monitoring(folder, 2019)
    assert data.report.valid, [f.message("en") for f in data.report.findings][:5]
    assert data.implementation is not None and len(data.implementation.updates) == 28
    assert {m.spent for m in data.measures} == {1000}


def test_libreoffice_converts_the_monitoring_report(tmp_path: Path) -> None:
    import subprocess

    from inclusionplan.render import find_converter

    if find_converter() is None:
        pytest.skip("LibreOffice is not installed")
    result = render_monitoring(SAMPLES / "elbasan", 2018, output=tmp_path / "m.docx", pdf=True)
    assert result.pdf is not None and result.pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", str(result.pdf), "-"], capture_output=True, text=True
    ).stdout
    assert "Raporti vjetor i monitorimit 2018" in text and "Jashtë rrugës" in text
