"""Start-up stays light: the validate path never imports the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pandas", "openpyxl", "matplotlib", "docx")


def test_validate_path_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from inclusionplan.cli import app\n"
        "from inclusionplan.validation import validate\n"
        "validate(['sample_data/elbasan'])\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_library_does_not_import_the_cli() -> None:
    code = (
        "import sys\nfrom inclusionplan.validation import validate\n"
        "validate(['sample_data/elbasan'])\n"
        "print([m for m in ('typer', 'rich', 'inclusionplan.cli') if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_reading_and_checking_do_not_import_pydantic() -> None:
    """Plans and schema files need pydantic; reading and checking workbooks do not, so a
    worker process started before the plans load stays light."""
    code = (
        "import sys\n"
        "from inclusionplan.validation import validate\n"
        "validate(['sample_data/elbasan/submissions', 'sample_data/elbasan/action-matrix.xlsx'])\n"
        "print('pydantic' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
