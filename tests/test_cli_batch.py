"""Many municipalities at once: parallel runs, CI formats, progress and exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from inclusionplan.cli import app
from inclusionplan.report_formats import to_github, to_junit
from inclusionplan.validation import validate

runner = CliRunner()
PLANS = ["sample_data/elbasan", "sample_data/puke", "sample_data/faulty"]


def test_parallel_validation_gives_the_same_report() -> None:
    assert validate(PLANS, jobs=2).to_json("en") == validate(PLANS, jobs=1).to_json("en")


def test_glob_patterns_are_expanded() -> None:
    report = validate(["sample_data/*/"], jobs=2)
    assert {f.group for f in report.files} == set(PLANS)


def test_batch_exit_codes() -> None:
    clean = runner.invoke(app, ["validate", "sample_data/elbasan", "sample_data/puke"])
    assert clean.exit_code == 0
    assert runner.invoke(app, ["validate", *PLANS, "--jobs", "2"]).exit_code == 1
    assert runner.invoke(app, ["validate", *PLANS, "nowhere"]).exit_code == 2


def test_junit_has_a_suite_per_plan_and_a_case_per_file() -> None:
    root = ElementTree.fromstring(to_junit(validate(PLANS), "en"))
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == set(PLANS)
    assert suites["sample_data/elbasan"].get("failures") == "0"
    assert (
        suites["sample_data/elbasan"].get("tests") == "18"
    )  # 14 submissions, 2 sector reports, 2 plan workbooks
    faulty = suites["sample_data/faulty"]
    assert int(faulty.get("failures") or 0) == 8
    failing = [case for case in faulty.iter("testcase") if case.find("failure") is not None]
    text = "".join(case.find("failure").text or "" for case in failing)  # type: ignore[union-attr]
    assert "Të dhënat!G6 [partition-mismatch]" in text


def test_github_annotations_escape_their_parts() -> None:
    lines = to_github(validate(["sample_data/faulty"]), "en").splitlines()
    first = next(line for line in lines if "zyra_e_punes" in line)
    assert first.startswith("::error file=sample_data/faulty/submissions/zyra_e_punes.xlsx,")
    assert ",line=6,col=7,title=partition-mismatch::Të dhënat!G6: " in first
    assert any(line.startswith("::warning ") for line in lines)
    assert all("\n" not in line for line in lines)


def test_output_file_and_step_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    report_file = tmp_path / "report.xml"
    result = runner.invoke(
        app,
        [
            "validate",
            "sample_data/faulty",
            "--format",
            "junit",
            "--output",
            str(report_file),
            "--lang",
            "en",
        ],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 1
    assert ElementTree.parse(report_file).getroot().tag == "testsuites"
    assert "Të dhënat!G6" in result.stdout  # the table still shows
    github = runner.invoke(
        app,
        ["validate", "sample_data/faulty", "--format", "github"],
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert github.stdout.startswith("::error ")
    assert summary.read_text(encoding="utf-8").startswith("## ")


def test_json_output_file(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    result = runner.invoke(
        app, ["validate", "sample_data/puke", "--format", "json", "--output", str(target)]
    )
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["valid"] is True


def test_progress_lines_in_ci_and_silence_elsewhere() -> None:
    in_ci = runner.invoke(
        app, ["validate", "sample_data/puke", "--format", "json"], env={"CI": "true"}
    )
    assert "✓ 6: sample_data/puke/submissions/policia_puke.xlsx" in in_ci.stderr
    assert "\x1b[" not in in_ci.stderr
    json.loads(in_ci.stdout)
    quiet = runner.invoke(app, ["validate", "sample_data/puke", "--format", "json"], env={"CI": ""})
    assert quiet.stderr == ""


def test_render_many_plans_in_parallel(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "render",
            "sample_data/elbasan",
            "sample_data/puke",
            "-o",
            str(tmp_path),
            "--jobs",
            "2",
            "--lang",
            "en",
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "elbasan-plan-en.docx",
        "puke-plan-en.docx",
    ]
    with_errors = runner.invoke(
        app,
        [
            "render",
            "sample_data/puke",
            "sample_data/faulty",
            "-o",
            str(tmp_path / "b"),
            "--jobs",
            "1",
        ],
    )
    assert with_errors.exit_code == 1
    assert (tmp_path / "b" / "puke-plan-sq.docx").is_file()
    not_a_plan = runner.invoke(
        app, ["render", "sample_data/puke", "sample_data/puke/submissions", "-o", str(tmp_path)]
    )
    assert not_a_plan.exit_code == 2


def test_render_a_folder_of_plan_folders(tmp_path: Path) -> None:
    municipalities = tmp_path / "municipalities"
    shutil.copytree("sample_data/puke", municipalities / "puke")
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", str(municipalities), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["puke-plan-en.docx"]


@pytest.mark.parametrize("arguments", [["--help"], ["validate", "--help"], ["render", "--help"]])
def test_help_imports_nothing_heavy(arguments: list[str]) -> None:
    code = (
        "import sys\n"
        "from inclusionplan.cli import app\n"
        f"try:\n    app({arguments!r}, prog_name='inclusionplan')\n"
        "except SystemExit:\n    pass\n"
        "heavy = ('pandas', 'openpyxl', 'matplotlib', 'docx', 'docxtpl', 'msgspec', 'babel')\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
