"""Real-world spreadsheets from another project's test suite: read or refused, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from inclusionplan.reading import read_submission
from inclusionplan.validation import validate
from tests.conftest import CORPUS

FILES = sorted(CORPUS.glob("*")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not FILES, reason="shared/corpus is not beside the project")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_file_is_read_or_refused_with_a_finding(path: Path) -> None:
    before = path.read_bytes()
    submission = read_submission(path)
    assert submission.findings, "none of these is a submission: each needs a finding"
    assert {f.code for f in submission.findings} <= {
        "unreadable-file",
        "no-data-sheet",
        "sheet-skipped",
        "hidden-content",
        "unexpected-year",
    }
    assert all(f.file == str(path) for f in submission.findings)
    assert path.read_bytes() == before


@pytest.mark.skipif(not FILES, reason="shared/corpus is not beside the project")
def test_corpus_as_one_batch() -> None:
    report = validate([CORPUS])
    assert len(report.files) == len(FILES)
    assert not report.valid
