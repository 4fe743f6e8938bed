"""The action matrix and the consultation log: read, checked at their cells, summed."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from inclusionplan.actions import read_action_matrix
from inclusionplan.consultations import parse_date, read_consultation_log
from inclusionplan.reading import Limits
from inclusionplan.schema import builtin_schema
from tests.conftest import SAMPLES, write_xlsx


def test_elbasan_action_matrix_has_measures_in_every_area_and_no_findings() -> None:
    matrix = read_action_matrix(SAMPLES / "elbasan" / "action-matrix.xlsx", "m", builtin_schema())
    assert matrix.findings == []
    assert len(matrix.measures) >= 25
    assert {m.area for m in matrix.measures} == {"SP", "EM", "ED", "HE", "HO", "HR"}
    assert all(m.indicator in builtin_schema().indicators for m in matrix.measures)


def test_budget_spreads_each_cost_over_its_years() -> None:
    matrix = read_action_matrix(SAMPLES / "elbasan" / "action-matrix.xlsx", "m", builtin_schema())
    budget = matrix.budget(range(2016, 2021))
    assert sum(budget.values()) == pytest.approx(sum(m.cost or 0 for m in matrix.measures))
    centre = next(m for m in matrix.measures if "qendrës ditore" in m.name)  # 2018-2019
    assert budget[("SP", "social_fund", 2018)] == pytest.approx(centre.cost / 2)  # type: ignore[operator]


def test_faulty_action_matrix_findings_point_at_cells() -> None:
    matrix = read_action_matrix(SAMPLES / "faulty" / "action-matrix.xlsx", "m", builtin_schema())
    assert [(f.code, f.location) for f in matrix.findings] == [
        ("unknown-policy-area", "Matrica!A4"),
        ("end-before-start", "Matrica!H5"),
        ("not-a-number", "Matrica!I6"),
        ("unknown-indicator", "Matrica!K7"),
        ("unknown-funding-source", "Matrica!J8"),
        ("objective-without-measure", "Matrica!D12"),
    ]
    assert all("{" not in f.message(lang) for f in matrix.findings for lang in ("sq", "en"))


def test_action_matrix_with_english_headers_and_missing_columns(tmp_path: Path) -> None:
    header = [
        "Policy area",
        "Strategic objective",
        "Measure",
        "Responsible",
        "Start",
        "End",
        "Cost",
        "Funding source",
    ]
    path = write_xlsx(
        tmp_path / "m.xlsx", [header, ["EM", "Jobs", "Job fair", "", 2017, 2018, "", "Donor"]]
    )
    matrix = read_action_matrix(path, "m", builtin_schema())
    assert sorted((f.code, f.cell) for f in matrix.findings) == [
        ("missing-value", "D2"),
        ("missing-value", "G2"),
    ]
    assert matrix.measures[0].funding == "donor"


def test_a_workbook_that_is_not_an_action_matrix(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "m.xlsx", [["Kodi", "2012"], ["EM01", 1]])
    assert [f.code for f in read_action_matrix(path, "m", builtin_schema()).findings] == [
        "no-data-sheet"
    ]
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 no")
    assert [f.code for f in read_action_matrix(broken, "b", builtin_schema()).findings] == [
        "unreadable-file"
    ]


def test_team_workbooks_are_read_within_the_limits_submissions_get(tmp_path: Path) -> None:
    elbasan = SAMPLES / "elbasan"
    small = Limits(max_cells=10)
    reasons = [
        finding.params["reason"]
        for finding in [
            *read_action_matrix(
                elbasan / "action-matrix.xlsx", "m", builtin_schema(), small
            ).findings,
            *read_consultation_log(
                elbasan / "consultations.xlsx", "c", builtin_schema(), small
            ).findings,
        ]
    ]
    assert reasons == [{"code": "reason-too-many-cells", "limit": 10}] * 2
    text = tmp_path / "matrix.csv"
    text.write_text("Masa;Fusha\nPanair pune;EM\n", encoding="utf-8")
    (finding,) = read_action_matrix(text, "t", builtin_schema()).findings
    assert finding.params["reason"] == {"code": "reason-not-a-spreadsheet"}


def test_consultation_log_counts_participants_and_checks_dates() -> None:
    log = read_consultation_log(SAMPLES / "elbasan" / "consultations.xlsx", "c", builtin_schema())
    assert log.findings == []
    assert len(log.meetings) >= 6
    assert log.meetings[0].date == datetime.date(2016, 5, 12)
    assert sum(m.female + m.male for m in log.meetings) > 100
    faulty = read_consultation_log(SAMPLES / "faulty" / "consultations.xlsx", "c", builtin_schema())
    assert [(f.code, f.location) for f in faulty.findings] == [
        ("invalid-date", "Takimet!A5"),
        ("not-a-number", "Takimet!E6"),
    ]


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("24.11.2016", datetime.date(2016, 11, 24)),
        ("1/2/2017", datetime.date(2017, 2, 1)),
        (datetime.datetime(2016, 5, 1, 9), datetime.date(2016, 5, 1)),
        ("31.02.2016", None),
        ("nesër", None),
    ],
)
def test_dates_as_offices_type_them(value: object, date: datetime.date | None) -> None:
    assert parse_date(value) == date
