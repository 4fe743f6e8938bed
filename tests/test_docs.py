"""Docs that cannot drift: the CI workflow's commands run on the sample municipalities."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from typer.testing import CliRunner

from inclusionplan.cli import app
from tests.conftest import REPO

runner = CliRunner()


def workflow_commands() -> list[list[str]]:
    page = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    commands = re.findall(r"run: (inclusionplan [^\n|]+?)(?: \|\| true)?\n", page)
    assert len(commands) == 3
    return [shlex.split(command)[1:] for command in commands]


def test_ci_workflow_commands_work_on_the_sample_municipalities(tmp_path: Path) -> None:
    for arguments in workflow_commands():
        arguments = [
            str(tmp_path / a) if a in ("validation.xml", "feedback", "plans") else a
            for a in arguments
        ]
        index = arguments.index("municipalities/*/")
        arguments[index : index + 1] = ["sample_data/elbasan", "sample_data/puke"]
        arguments = [a for a in arguments if a != "--pdf"]  # the PDF test is test_render's
        result = runner.invoke(app, arguments)
        assert result.exit_code == 0, (arguments, result.output)
    assert (tmp_path / "validation.xml").is_file()
    assert sorted(p.name for p in (tmp_path / "plans").iterdir()) == [
        "elbasan-plan-sq.docx",
        "puke-plan-sq.docx",
    ]
