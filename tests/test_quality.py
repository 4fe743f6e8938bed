"""ruff (lint and format) and mypy, configured in pyproject.toml, run as part of the tests."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=REPO, capture_output=True, text=True
    )


def test_ruff_lint() -> None:
    result = run("ruff", "check", "src", "tests", "sample_data", "benchmarks", "templates")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = run(
        "ruff", "format", "--check", "src", "tests", "sample_data", "benchmarks", "templates"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
