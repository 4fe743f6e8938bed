"""render and templates through typer's CliRunner."""

from __future__ import annotations

from pathlib import Path

import docx
from typer.testing import CliRunner

from inclusionplan.cli import app

runner = CliRunner()


def test_render_writes_the_plan_named_after_the_folder(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    plan = Path("sample_data/elbasan").resolve()
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["render", str(plan), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    output = tmp_path / "elbasan-plan-sq.docx"
    assert output.is_file()
    assert docx.Document(str(output)).core_properties.author == "Bashkia Elbasan"


def test_render_with_errors_shows_them_and_exits_1(tmp_path: Path) -> None:
    output = tmp_path / "f.docx"
    result = runner.invoke(
        app,
        ["render", "sample_data/faulty", "-o", str(output), "--lang", "en"],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 1
    assert "--allow-errors" in result.output and "Të dhënat!G6" in result.output
    assert not output.exists()
    allowed = runner.invoke(
        app, ["render", "sample_data/faulty", "-o", str(output), "--allow-errors", "--jobs", "1"]
    )
    assert allowed.exit_code == 0 and output.is_file()


def test_render_problems_exit_2_without_traceback(tmp_path: Path) -> None:
    not_a_plan = runner.invoke(app, ["render", str(tmp_path)])
    assert not_a_plan.exit_code == 2 and "Traceback" not in not_a_plan.output
    template = tmp_path / "t.docx"
    template.write_text("not a document")
    bad = runner.invoke(
        app,
        [
            "render",
            "sample_data/elbasan",
            "--template",
            str(template),
            "-o",
            str(tmp_path / "o.docx"),
        ],
    )
    assert bad.exit_code == 2 and str(template) in bad.output


def test_templates_export_then_render_with_the_copy(tmp_path: Path) -> None:
    exported = runner.invoke(app, ["templates", "export", str(tmp_path)])
    assert exported.exit_code == 0
    assert {p.name for p in tmp_path.iterdir()} == {
        "plan.docx",
        "monitoring.docx",
        "texts.sq.yaml",
        "texts.en.yaml",
    }
    again = runner.invoke(app, ["templates", "export", str(tmp_path)])
    assert again.exit_code == 2
    output = tmp_path / "o.docx"
    rendered = runner.invoke(
        app,
        [
            "render",
            "sample_data/elbasan",
            "--template",
            str(tmp_path / "plan.docx"),
            "-o",
            str(output),
            "--jobs",
            "1",
        ],
    )
    assert rendered.exit_code == 0, rendered.output


def test_pdf_without_libreoffice_is_a_clear_message(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import inclusionplan.render as render

    monkeypatch.setattr(render, "find_converter", lambda: None)
    output = tmp_path / "o.docx"
    result = runner.invoke(
        app,
        [
            "render",
            "sample_data/elbasan",
            "-o",
            str(output),
            "--pdf",
            "--lang",
            "en",
            "--jobs",
            "1",
        ],
    )
    assert result.exit_code == 2
    assert "LibreOffice" in result.output and "Traceback" not in result.output
    assert output.is_file()  # the .docx was written before the PDF was asked for
