"""Every rule of indicators.md, on workbooks built here: the finding code and the cell."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from inclusionplan.checks import CHECKS
from inclusionplan.findings import Finding, Severity
from inclusionplan.validation import validate
from tests.conftest import HEADER, YEARS, em01_rows, write_xlsx

Rows = list[list[object]]


def findings_for(tmp_path: Path, rows: Rows, header: list[object] | None = None) -> list[Finding]:
    path = write_xlsx(tmp_path / "s.xlsx", [header or HEADER, *rows])
    return validate([path], years=YEARS).findings


def set_value(label: str, year: int, value: object) -> Callable[[Rows], None]:
    def mutate(rows: Rows) -> None:
        for row in rows:
            if row[2] == label:
                row[3 + YEARS.index(year)] = value

    return mutate


def append(*row: object) -> Callable[[Rows], None]:
    return lambda rows: rows.append(list(row))


def relabel(label: str, new: object, column: int) -> Callable[[Rows], None]:
    def mutate(rows: Rows) -> None:
        for row in rows:
            if row[2] == label:
                row[column] = new

    return mutate


def test_consistent_submission_has_no_findings(tmp_path: Path) -> None:
    assert findings_for(tmp_path, em01_rows()) == []


EM02 = "Të punësuar nëpërmjet ndërmjetësimit"

CASES = [
    ("partition-mismatch", set_value("Femra", 2012, 41), "D2"),
    ("subgroup-exceeds-total", set_value("PAK", 2013, 200), "E8"),
    ("negative-value", set_value("PAK", 2012, -3), "D8"),
    ("not-a-whole-number", set_value("PAK", 2014, 3.5), "F8"),
    ("not-a-number", set_value("PAK", 2012, "tre"), "D8"),
    ("missing-value", set_value("PAK", 2012, None), "D8"),
    ("missing-value", set_value("PAK", 2013, "s'ka"), "E8"),
    ("interpreted-text", set_value("PAK", 2012, "3,0"), "D8"),
    ("unknown-breakdown", relabel("PAK", "Gra e burra", 2), "D8"),
    ("unknown-breakdown", relabel("PAK", "Fshat", 2), "D8"),
    ("unknown-indicator", append("EM99", "?", "Gjithsej", 1, 2, 3), "D9"),
    ("duplicate-value", append("EM01", "", "PAK", 3, 3, 4), "D9"),
    ("name-mismatch", relabel("Gjithsej", "Popullsia rezidente", 1), "B2"),
    ("formula-without-value", set_value("Gjithsej", 2012, "=SUM(D3:D4)"), "D2"),
    (
        "large-change",
        lambda rows: [
            set_value(label, 2013, value)(rows)
            for label, value in [("Gjithsej", 200), ("Femra", 90), ("Meshkuj", 110)]
        ],
        "E2",
    ),
    (
        "rule-violation",
        lambda rows: rows.extend(
            [
                ["EM02", EM02, "Gjithsej", 500, 5, 5],
                ["EM02", EM02, "Femra", 250, 2, 2],
                ["EM02", EM02, "Meshkuj", 250, 3, 3],
                ["EM02", EM02, "R/E", 1, 1, 1],
            ]
        ),
        "D9",
    ),
]


@pytest.mark.parametrize(("code", "mutate", "cell"), CASES, ids=[c[0] for c in CASES])
def test_each_rule_gives_its_code_at_the_cell(
    tmp_path: Path, code: str, mutate: Callable[[Rows], None], cell: str
) -> None:
    rows = em01_rows()
    mutate(rows)
    findings = findings_for(tmp_path, rows)
    assert (code, cell) in {(f.code, f.cell) for f in findings}, findings
    finding = next(f for f in findings if f.code == code and f.cell == cell)
    assert finding.sheet == "Të dhënat"
    assert finding.message("sq") and finding.message("en")
    assert "{" not in finding.message("sq") + finding.message("en")


def with_stored_values(path: Path, stored: dict[int, bytes]) -> Path:
    """The workbook with the stored text of some number cells replaced, as a hand-made or
    scripted file may hold them: calamine reads <v>inf</v> and <v>NaN</v> as numbers."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    for number, text in stored.items():
        assert f"<v>{number}</v>".encode() in sheet
        sheet = sheet.replace(f"<v>{number}</v>".encode(), b"<v>" + text + b"</v>")
    parts["xl/worksheets/sheet1.xml"] = sheet
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("usual", [True, False], ids=["whole-columns", "row-by-row"])
def test_infinite_and_nan_values_are_not_numbers_and_the_report_stays_json(
    tmp_path: Path, usual: bool
) -> None:
    rows = em01_rows()
    set_value("PAK", 2012, 987001)(rows)
    set_value("PAK", 2013, 987002)(rows)
    set_value("Femra", 2014, "nan")(rows)
    if not usual:
        append("ZZ99", "x", "Gjithsej", 1, 2, 3)(rows)  # takes the table row by row
    path = write_xlsx(tmp_path / "s.xlsx", [HEADER, *rows])
    report = validate([with_stored_values(path, {987001: b"inf", 987002: b"-NaN"})], years=YEARS)
    not_numbers = {(f.cell, f.value) for f in report.findings if f.code == "not-a-number"}
    assert not_numbers == {("D8", "inf"), ("E8", "nan"), ("F3", "nan")}

    def not_json(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    assert json.loads(report.to_json("en"), parse_constant=not_json)["valid"] is False


def test_percentage_outside_0_100(tmp_path: Path) -> None:
    rows: Rows = [
        ["ED05", "Shkalla neto", label, v, v, v]
        for label, v in [("Gjithsej", 96.0), ("Femra", 104.2), ("Meshkuj", 95.5)]
    ]
    findings = findings_for(tmp_path, rows)
    assert [(f.code, f.cell) for f in findings] == [
        ("out-of-range", "D3"),
        ("out-of-range", "E3"),
        ("out-of-range", "F3"),
    ]


def test_rates_are_not_summed_as_partitions(tmp_path: Path) -> None:
    rows: Rows = [
        ["ED05", "", label, v, v, v]
        for label, v in [("Gjithsej", 96.0), ("Femra", 97.2), ("Meshkuj", 95.5)]
    ]
    assert findings_for(tmp_path, rows) == []


def test_missing_breakdown_row_is_reported_once(tmp_path: Path) -> None:
    rows = [row for row in em01_rows() if row[2] != "PAK"]
    findings = findings_for(tmp_path, rows)
    assert [(f.code, f.breakdown, f.year, f.cell) for f in findings] == [
        ("missing-value", "pwd", None, None)
    ]


def test_unexpected_and_missing_years(tmp_path: Path) -> None:
    rows = [[*row[:3], 1, *row[3:]] for row in em01_rows()]
    header = [*HEADER[:3], 2011, *HEADER[3:]]
    findings = findings_for(tmp_path, rows, header)
    assert [(f.code, f.year) for f in findings] == [("unexpected-year", 2011)]
    path = write_xlsx(tmp_path / "short.xlsx", [HEADER, *em01_rows()])
    missing = validate([path], years=(2012, 2013, 2014, 2015)).findings
    assert [(f.code, f.year) for f in missing] == [("missing-year", 2015)]


def test_optional_breakdown_makes_a_missing_value_a_warning(tmp_path: Path) -> None:
    schema = tmp_path / "schema.yaml"
    schema.write_text(
        "indicators:\n"
        "  - {code: EM01, area: EM, en: Registered unemployed, sq: Punëkërkues, unit: persons,\n"
        "     type: count, partitions: [sex], subgroups: [youth, long_term, roma_egyptian, pwd],\n"
        "     institution: employment_office, optional_breakdowns: [pwd]}\n",
        encoding="utf-8",
    )
    rows = em01_rows()
    set_value("PAK", 2012, None)(rows)
    path = write_xlsx(tmp_path / "s.xlsx", [HEADER, *rows])
    findings = validate([path], years=YEARS, schema=schema).findings
    assert [(f.code, f.severity, f.cell) for f in findings] == [
        ("missing-value", Severity.WARNING, "D8")
    ]


def test_a_table_split_over_two_sheets_is_whole(tmp_path: Path) -> None:
    """A row's years may come from two sheets: neither missing nor duplicated, until a
    year is given twice."""
    import openpyxl

    book = openpyxl.Workbook()
    first, second = book.active, book.create_sheet("2014")
    first.append(["Kodi", "Treguesi", "Ndarja", 2012, 2013])
    second.append(["Kodi", "Treguesi", "Ndarja", 2014])
    for code, name, label, *values in em01_rows():
        first.append([code, name, label, *values[:2]])
        second.append([code, name, label, values[2]])
    path = tmp_path / "split.xlsx"
    book.save(path)
    assert validate([path], years=YEARS).findings == []
    second.append(["EM01", "", "PAK", 4])
    book.save(path)
    findings = validate([path], years=YEARS).findings
    assert [(f.code, f.sheet, f.cell, f.params["first"]) for f in findings] == [
        ("duplicate-value", "2014", "D9", "2014!D8")
    ]


LONG_HEADER: list[object] = ["Kodi", "Ndarja", "Viti", "Vlera"]


def long_rows() -> Rows:
    """``em01_rows`` in the long layout: a row per breakdown and year."""
    return [
        [code, label, year, value]
        for code, _, label, *values in em01_rows()
        for year, value in zip(YEARS, values, strict=True)
    ]


def test_long_layout_duplicates_point_at_the_first(tmp_path: Path) -> None:
    rows = long_rows()
    assert findings_for(tmp_path, rows, LONG_HEADER) == []
    rows.append(["EM01", "Femra", 2013, 45])
    findings = findings_for(tmp_path, rows, LONG_HEADER)
    assert [(f.code, f.cell, f.params["first"]) for f in findings] == [
        ("duplicate-value", "D23", "Të dhënat!D6")
    ]


def test_a_breakdown_without_one_year_is_missing_that_year(tmp_path: Path) -> None:
    """Every breakdown is there, one of them without a year's row: that year is missing."""
    rows = [row for row in long_rows() if (row[1], row[2]) != ("Femra", 2013)]
    findings = findings_for(tmp_path, rows, LONG_HEADER)
    assert [(f.code, f.breakdown, f.year) for f in findings] == [("missing-value", "female", 2013)]


@pytest.mark.parametrize(("second_year", "flagged"), [(150, False), (151, True)])
def test_large_change_at_the_threshold(tmp_path: Path, second_year: int, flagged: bool) -> None:
    """The default threshold is 50%: exactly 50% passes, a little more does not."""
    rows = em01_rows()
    for label, values in [
        ("Gjithsej", [100, second_year, second_year]),
        ("Femra", [40, 60, 60]),
        ("Meshkuj", [60, second_year - 60, second_year - 60]),
    ]:
        for year, value in zip(YEARS, values, strict=True):
            set_value(label, year, value)(rows)
    findings = findings_for(tmp_path, rows)
    assert [(f.code, f.cell) for f in findings] == ([("large-change", "E2")] if flagged else [])


def test_a_single_year_without_its_value_is_missing_not_a_crash(tmp_path: Path) -> None:
    """A monitoring year is checked on its own: a total without its one value."""
    rows = em01_rows()
    set_value("Gjithsej", 2012, None)(rows)
    path = write_xlsx(tmp_path / "s.xlsx", [HEADER, *rows])
    findings = validate([path], years=(2012,)).findings
    assert ("missing-value", "D2") in {(f.code, f.cell) for f in findings}


def test_every_check_declares_catalogued_codes() -> None:
    from inclusionplan.catalogue import FINDING_TYPES_BY_CODE

    for check in CHECKS:
        assert check.codes
        for code in check.codes:
            assert code in FINDING_TYPES_BY_CODE, (type(check).__name__, code)


def reverse_years(rows: Rows) -> None:
    rows[:] = [[*row[:3], *row[3:][::-1]] for row in rows]  # new lists: HEADER is shared


@pytest.mark.parametrize(
    ("change", "usual"),
    [
        (lambda rows: None, True),  # resolved in passes over whole columns
        (reverse_years, True),  # the years' columns from the last year to the first
        (append("EM01", "x", "Gjithsej", 1, 2, 3), False),  # a duplicate
        (append("ZZ99", "x", "Gjithsej", 1, 2, 3), False),  # an unknown code
        (set_value("Femra", 2013, "n/a"), False),  # a value that is not a number
    ],
)
def test_a_usual_table_resolves_as_row_by_row_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Callable[[Rows], None], usual: bool
) -> None:
    from inclusionplan.checks.context import CheckContext
    from inclusionplan.checks.resolution import Resolver
    from inclusionplan.reading import read_submission
    from inclusionplan.schema import builtin_schema

    rows: Rows = [HEADER, *em01_rows()]
    change(rows)
    submission = read_submission(write_xlsx(tmp_path / "t.xlsx", rows), "t.xlsx")

    def resolved() -> tuple[object, ...]:
        context = CheckContext.build(builtin_schema(), YEARS, [submission])
        series = {
            (code, breakdown): (type(s), [s.row(i) for i in range(len(YEARS))], s.numbers)
            for code, of_code in context.series.items()
            for breakdown, s in of_code.items()
        }
        return (
            [(r.indicator.code, r.breakdown, r.index, r.numbers) for r in context.rows],
            series,
            context.years_given,
            context.numbers_given,
            context.first_sheet,
            [(u.code, u.observation.row) for u in context.unresolved],
            [(a.key, b.key) for a, b in context.duplicates],
        )

    taken: list[bool] = []
    at_columns = Resolver._resolve_usual

    def spied(*arguments: Any) -> bool:
        taken.append(at_columns(*arguments))
        return taken[-1]

    monkeypatch.setattr(Resolver, "_resolve_usual", spied)
    at_once = resolved()
    assert taken == [usual]
    monkeypatch.setattr(Resolver, "_resolve_usual", lambda *_: False)
    assert resolved() == at_once
