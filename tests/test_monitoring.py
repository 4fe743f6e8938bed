"""Progress towards targets, and the monitoring data of the sample plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from inclusionplan.errors import UsageError
from inclusionplan.implementation import read_implementation
from inclusionplan.monitor import validate_monitoring
from inclusionplan.monitoring import Status, Thresholds, assess, dashboard
from tests.conftest import SAMPLES, write_xlsx

RULE = Thresholds(on_track=0.9, at_risk=0.5)


@pytest.mark.parametrize(
    ("baseline", "target", "values", "status", "progress"),
    [
        (100, 200, {2017: 125}, Status.ON_TRACK, 0.25),  # a quarter of the way after a year
        (100, 200, {2017: 115}, Status.AT_RISK, 0.15),
        (100, 200, {2017: 105}, Status.OFF_TRACK, 0.05),
        (100, 200, {2017: 90}, Status.OFF_TRACK, -0.1),  # the wrong way
        (400, 200, {2017: 350}, Status.ON_TRACK, 0.25),  # a decrease target
        (400, 200, {2017: 420}, Status.OFF_TRACK, -0.1),
        (100, 200, {2017: 210}, Status.ON_TRACK, 1.1),  # reached early
        (100, 200, {2015: 90}, Status.NO_DATA, None),  # nothing after the baseline
    ],
)
def test_status_rule(
    baseline: float, target: float, values: dict[int, float], status: Status, progress: float | None
) -> None:
    result = assess("X", baseline, 2016, target, 2020, values, 2017, RULE)
    assert result.status is status
    assert result.progress == (pytest.approx(progress) if progress is not None else None)


def test_the_latest_year_up_to_the_report_year_counts() -> None:
    result = assess("X", 100, 2016, 200, 2020, {2017: 125, 2018: 130, 2019: 199}, 2018, RULE)
    assert result.latest_year == 2018
    assert result.expected == pytest.approx(0.5)
    assert result.status is Status.AT_RISK


@pytest.fixture(scope="module")
def elbasan_2018():  # type: ignore[no-untyped-def]
    return validate_monitoring(SAMPLES / "elbasan", 2018)


def test_sample_monitoring_is_valid_and_has_something_to_say(elbasan_2018) -> None:  # type: ignore[no-untyped-def]
    data = elbasan_2018
    assert data.report.valid
    statuses = {progress.code: progress.status for _, progress in data.indicators}
    assert statuses["SP01"] is Status.OFF_TRACK and statuses["EM01"] is Status.ON_TRACK
    assert {Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK} <= set(statuses.values())
    assert any(m.overspent for m in data.measures)
    assert any(m.late for m in data.measures)
    board = dashboard(data.indicators, data.measures)
    assert set(board.indicators) == {"SP", "EM", "ED", "HE", "HO", "HR"}
    assert sum(board.measures["HO"].values()) == 4
    assert data.values[("EM01", "total", 2017)] > 0


def test_a_year_without_data_is_a_clear_error() -> None:
    with pytest.raises(UsageError, match="2019"):
        validate_monitoring(SAMPLES / "elbasan", 2019)


def test_implementation_findings_point_at_cells(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "i.xlsx",
        [
            ["Masa", "Statusi", "Shpenzuar (lekë)", "Koment"],
            ["Panairi vjetor i punës", "Në zbatim", 300000, ""],
            ["Panairi vjetor i punës", "gati", "shumë", ""],
            ["Një masë e panjohur", "E përfunduar", 1, ""],
        ],
    )
    result = read_implementation(path, "i", ["Panairi vjetor i punës"])
    assert [(f.code, f.cell) for f in result.findings] == [
        ("unknown-status", "B3"),
        ("not-a-number", "C3"),
        ("unknown-measure", "A4"),
    ]
    (update,) = result.updates.values()  # a later row for the same measure replaces it
    assert (update.status, update.spent) == (None, None)
