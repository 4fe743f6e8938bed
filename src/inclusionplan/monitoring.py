"""Where a plan stands: indicators against their baselines and targets, measures against
their budgets. The status rule is documented in docs/monitoring.md.

Progress is the share of the way from baseline to target that the latest value has
covered, ``(latest - baseline) / (target - baseline)``; it is the same formula whether the
target is an increase or a decrease. The share expected by a year grows linearly from the
baseline year to the target year. Thresholds come from the plan (``monitoring:``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"


class MeasureStatus(StrEnum):
    NOT_STARTED = "not_started"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Thresholds:
    """On track from ``on_track`` of the expected progress, at risk from ``at_risk``."""

    on_track: float = 0.9
    at_risk: float = 0.5


@dataclass(frozen=True)
class IndicatorProgress:
    code: str
    baseline: float
    baseline_year: int
    target: float
    target_year: int
    values: Mapping[int, float]
    year: int
    latest_year: int | None = None
    progress: float | None = None
    expected: float | None = None
    status: Status = Status.NO_DATA

    @property
    def decrease(self) -> bool:
        return self.target < self.baseline


def assess(
    code: str,
    baseline: float,
    baseline_year: int,
    target: float,
    target_year: int,
    values: Mapping[int, float],
    year: int,
    thresholds: Thresholds,
) -> IndicatorProgress:
    """The status of one indicator in ``year`` from its values after the baseline year."""
    since = {y: v for y, v in values.items() if baseline_year < y <= year}
    base = IndicatorProgress(code, baseline, baseline_year, target, target_year, values, year)
    if not since:
        return base
    latest_year = max(since)
    latest = since[latest_year]
    span = target - baseline
    progress = 1.0 if span == 0 else (latest - baseline) / span
    years = max(target_year - baseline_year, 1)
    expected = min(max((latest_year - baseline_year) / years, 0.0), 1.0)
    if progress >= 1 or progress >= thresholds.on_track * expected:
        status = Status.ON_TRACK
    elif progress >= thresholds.at_risk * expected:
        status = Status.AT_RISK
    else:
        status = Status.OFF_TRACK
    return IndicatorProgress(
        code,
        baseline,
        baseline_year,
        target,
        target_year,
        values,
        year,
        latest_year=latest_year,
        progress=progress,
        expected=expected,
        status=status,
    )


@dataclass(frozen=True)
class MeasureProgress:
    """A measure in the monitoring year: its status, budget to date and what was spent."""

    name: str
    area: str
    responsible: str
    status: MeasureStatus | None
    planned: float
    spent: float | None
    comment: str
    late: bool = False

    @property
    def overspent(self) -> bool:
        return self.spent is not None and self.spent > self.planned


@dataclass
class Dashboard:
    """Counts per policy area, for the report's first page."""

    indicators: dict[str, dict[Status, int]] = field(default_factory=dict)
    measures: dict[str, dict[MeasureStatus, int]] = field(default_factory=dict)
    planned: dict[str, float] = field(default_factory=dict)
    spent: dict[str, float] = field(default_factory=dict)


def dashboard(
    indicators: Sequence[tuple[str, IndicatorProgress]],
    measures: Sequence[MeasureProgress],
) -> Dashboard:
    """``indicators`` as (area, progress) pairs."""
    board = Dashboard()
    for area, item in indicators:
        counts = board.indicators.setdefault(area, dict.fromkeys(Status, 0))
        counts[item.status] += 1
    for measure in measures:
        counts_m = board.measures.setdefault(measure.area, dict.fromkeys(MeasureStatus, 0))
        if measure.status is not None:
            counts_m[measure.status] += 1
        board.planned[measure.area] = board.planned.get(measure.area, 0.0) + measure.planned
        board.spent[measure.area] = board.spent.get(measure.area, 0.0) + (measure.spent or 0.0)
    return board
