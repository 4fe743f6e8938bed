"""Start-up stays light: the validate path never imports the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pandas", "openpyxl", "matplotlib", "docx")


def printed_by(code: str) -> str:
    """What ``code`` prints in a fresh interpreter, where nothing is imported yet."""
    result = subprocess.run(
        [sys.executable, "-c", "import sys\n" + code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_validate_path_imports_nothing_heavy() -> None:
    code = (
        "from inclusionplan.cli import app\n"
        "from inclusionplan.validation import validate\n"
        "validate(['sample_data/elbasan'])\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    assert printed_by(code) == "[]"


def test_library_does_not_import_the_cli() -> None:
    code = (
        "from inclusionplan.validation import validate\n"
        "validate(['sample_data/elbasan'])\n"
        "print([m for m in ('typer', 'rich', 'inclusionplan.cli') if m in sys.modules])\n"
    )
    assert printed_by(code) == "[]"


def test_reading_and_checking_do_not_import_the_file_formats() -> None:
    """Plans and schema files need msgspec; reading and checking workbooks do not, so
    loose files checked against the built-in schema never load the plan format."""
    code = (
        "from inclusionplan.validation import validate\n"
        "validate(['sample_data/elbasan/submissions', 'sample_data/elbasan/action-matrix.xlsx'])\n"
        "print('msgspec' in sys.modules)\n"
    )
    assert printed_by(code) == "False"


def test_validating_does_not_import_the_writers() -> None:
    """Data flows one way: reading knows the forms' words, not the module that writes them
    (nor tempfile, which only a large sheet cut in two needs)."""
    code = (
        "from inclusionplan.validation import validate\n"
        "validate(['sample_data/elbasan'])\n"
        "writers = ('inclusionplan.forms', 'inclusionplan.output', 'inclusionplan.annotate',"
        " 'tempfile')\n"
        "print([m for m in writers if m in sys.modules])\n"
    )
    assert printed_by(code) == "[]"
