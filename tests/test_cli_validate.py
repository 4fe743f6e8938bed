"""The validate command through typer's CliRunner: output, formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from inclusionplan.cli import app
from inclusionplan.validation import validate

runner = CliRunner()


def test_elbasan_is_valid_exit_0() -> None:
    result = runner.invoke(
        app, ["validate", "sample_data/elbasan", "--lang", "en"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert "The data are complete and consistent." in result.output
    assert "Employment Office" in result.output


def test_faulty_exit_1_with_cells_in_albanian_by_default() -> None:
    result = runner.invoke(app, ["validate", "sample_data/faulty"], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert "Të dhënat!G6" in result.output
    assert "nuk është e barabartë" in result.output or "por totali" in result.output


def test_json_output_equals_the_library_report() -> None:
    result = runner.invoke(
        app, ["validate", "sample_data/faulty", "--format", "json", "--lang", "en"]
    )
    assert result.exit_code == 1
    assert json.loads(result.stdout) == validate(["sample_data/faulty"]).to_dict("en")


def test_fail_on_warning(tmp_path: Path) -> None:
    from tests.conftest import HEADER, em01_rows, write_xlsx

    rows = em01_rows()
    rows[6][3] = "3,0"
    path = write_xlsx(tmp_path / "s.xlsx", [HEADER, *rows])
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
    assert runner.invoke(app, ["validate", str(path), "--fail-on", "warning"]).exit_code == 1


def test_usage_and_configuration_errors_exit_2_without_traceback(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["validate", str(tmp_path / "nope"), "--lang", "en"])
    assert missing.exit_code == 2
    assert "Not found" in missing.output and "Traceback" not in missing.output
    schema = tmp_path / "bad.yaml"
    schema.write_text("areas: [\n", encoding="utf-8")
    broken = runner.invoke(app, ["validate", "sample_data/elbasan", "--schema", str(schema)])
    assert broken.exit_code == 2 and "Traceback" not in broken.output
    years = runner.invoke(app, ["validate", "sample_data/elbasan", "--years", "soon"])
    assert years.exit_code == 2


def test_schema_command_shows_and_exports(tmp_path: Path) -> None:
    shown = runner.invoke(app, ["schema", "--lang", "en"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0 and "EM01" in shown.output
    out = tmp_path / "format.json"
    exported = runner.invoke(app, ["schema", "--export", "json-schema", "-o", str(out)])
    assert exported.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "inclusionplan sector schema"
    yaml_export = runner.invoke(app, ["schema", "--export", "yaml"])
    assert "EM01" in yaml_export.stdout


def test_every_command_has_help_with_an_example() -> None:
    for command in app.registered_commands:
        assert command.callback is not None
        assert "Example:" in (command.callback.__doc__ or ""), command.name


def test_the_cycle_collector_is_back_on_after_validate() -> None:
    import gc

    assert gc.isenabled()
    result = runner.invoke(app, ["validate", "sample_data/faulty", "--format", "json"])
    assert result.exit_code == 1
    assert gc.isenabled()


def test_each_file_is_one_line_however_narrow_the_output() -> None:
    """A CI log keeps a file's path and institution on one line, to be searched."""
    result = runner.invoke(
        app, ["validate", "sample_data/elbasan", "--lang", "en"], env={"COLUMNS": "40"}
    )
    assert result.exit_code == 0, result.output
    line = "✓ sample_data/elbasan/submissions/zyra_e_punes_2012-2016.xlsx — Employment Office"
    assert line in result.output.splitlines()
