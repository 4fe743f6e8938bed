"""The JSON report is a public contract."""

from __future__ import annotations

import json

from inclusionplan.validation import validate
from tests.conftest import SAMPLES

FINDING_KEYS = {
    "code",
    "severity",
    "file",
    "sheet",
    "cell",
    "row",
    "column",
    "indicator",
    "breakdown",
    "year",
    "value",
    "message",
}


def test_json_report_has_the_documented_shape() -> None:
    document = json.loads(validate([SAMPLES / "faulty"]).to_json("en"))
    assert document["valid"] is False
    assert {"files", "errors", "warnings"} <= set(document["summary"])
    assert {"file", "institution", "errors", "warnings", "completeness"} <= set(
        document["files"][0]
    )
    assert all(set(f) == FINDING_KEYS for f in document["findings"])
    cells = [f["cell"] for f in document["findings"] if f["cell"]]
    assert cells and all("!" not in c for c in cells)


def test_json_report_is_deterministic_and_has_no_absolute_paths() -> None:
    first = validate(["sample_data/faulty"]).to_json("sq")
    second = validate(["sample_data/faulty"]).to_json("sq")
    assert first == second
    assert str(SAMPLES.parent) not in first
