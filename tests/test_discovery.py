"""What the arguments name: plan folders, loose spreadsheets, patterns, folders of plans."""

from __future__ import annotations

from pathlib import Path

import pytest

from inclusionplan.discovery import discover, expand_plan_folders
from inclusionplan.errors import UsageError


def touch(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_folder_of_plans_and_loose_files(tmp_path: Path) -> None:
    touch(tmp_path / "b" / "plan.yaml")
    touch(tmp_path / "a" / "plan.yaml")
    touch(tmp_path / "a" / "submissions" / "punesia.xlsx")
    touch(tmp_path / "a" / "old" / "plan.yaml")  # a copy kept inside a plan
    touch(tmp_path / "group" / "c" / "plan.yaml")  # plans may sit deeper
    touch(tmp_path / ".git" / "plan.yaml")
    touch(tmp_path / "shenime.xlsx")
    touch(tmp_path / "~$shenime.xlsx")  # Office's lock file while it is open
    touch(tmp_path / "notes.txt")

    inputs = discover([tmp_path])

    assert inputs.plan_folders == [tmp_path / "a", tmp_path / "b", tmp_path / "group" / "c"]
    assert inputs.loose == [(tmp_path / "shenime.xlsx", (tmp_path / "shenime.xlsx").as_posix())]


def test_patterns_and_plan_folders_for_render(tmp_path: Path) -> None:
    for name in ("puke", "elbasan"):
        touch(tmp_path / "municipalities" / name / "plan.yaml")
    pattern = str(tmp_path / "municipalities" / "*")
    expected = [tmp_path / "municipalities" / "elbasan", tmp_path / "municipalities" / "puke"]
    assert expand_plan_folders([pattern]) == expected
    assert expand_plan_folders([tmp_path / "municipalities"]) == expected
    assert expand_plan_folders([expected[1]]) == [expected[1]]  # a plan folder is itself


def test_nothing_to_check_is_a_usage_error(tmp_path: Path) -> None:
    touch(tmp_path / "empty" / "readme.txt")
    with pytest.raises(UsageError):
        discover([tmp_path / "empty"])
    with pytest.raises(UsageError):
        discover([tmp_path / "missing"])
