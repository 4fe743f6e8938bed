"""Plan folders and batches: institutions, missing indicators and submissions, samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from inclusionplan.errors import PlanConfigError, UsageError
from inclusionplan.validation import validate
from tests.conftest import HEADER, SAMPLES, em01_rows, write_xlsx

PLAN = """\
municipality: {sq: Bashkia Test, en: Test Municipality}
title: {sq: Plani, en: Plan}
period: 2016-2020
data_years: 2012-2014
baseline_year: 2014
issue_date: 2016-11-24
submissions:
  - {institution: employment_office, file: punesia.xlsx}
  - {institution: court, file: gjykata.xlsx}
"""


def make_plan(folder: Path, text: str = PLAN) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    write_xlsx(folder / "punesia.xlsx", [HEADER, *em01_rows()])
    return folder


def test_plan_mode_reports_missing_indicators_and_submissions(tmp_path: Path) -> None:
    report = validate([make_plan(tmp_path / "plan")])
    codes = sorted({(f.code, f.indicator) for f in report.findings})
    assert ("missing-submission", None) in codes
    assert {c for c, i in codes if c == "missing-indicator"} == {"missing-indicator"}
    missing = {i for c, i in codes if c == "missing-indicator"}
    assert missing == {"EM02", "EM03", "EM05"}
    employment = report.files[0]
    assert employment.institution == "employment_office"
    assert (employment.present, employment.expected) == (21, 21 + 4 * 3 + 3 * 3 + 3 * 3 + 0)


def test_plan_with_unknown_institution_is_a_configuration_error(tmp_path: Path) -> None:
    folder = make_plan(tmp_path / "p", PLAN.replace("court", "parliament"))
    with pytest.raises(PlanConfigError, match="parliament"):
        validate([folder])


def test_a_broken_plan_stops_a_parallel_run_before_any_file_is_read(tmp_path: Path) -> None:
    good = make_plan(tmp_path / "good")
    broken = make_plan(tmp_path / "broken", PLAN.replace("court", "parliament"))
    progress: list[str] = []
    with pytest.raises(PlanConfigError, match="parliament"):
        validate([good, broken], jobs=2, progress=progress.append)
    assert progress == []


def test_plan_with_a_typo_names_the_place_and_line(tmp_path: Path) -> None:
    folder = make_plan(tmp_path / "p", PLAN.replace("baseline_year: 2014", "baseline_yeer: 2014"))
    with pytest.raises(PlanConfigError) as raised:
        validate([folder])
    assert "baseline_yeer (line 5)" in raised.value.message("en")


@pytest.mark.parametrize(
    ("change", "lang", "expected"),
    [
        (
            ("data_years: 2012-2014", "data_years: 2012 to 2014"),
            "en",
            "data_years (line 4): '2012 to",
        ),
        (("issue_date: 2016-11-24", "issue_date: 2016-13-45"), "en", "line 6: not a date"),
        (
            ("issue_date: 2016-11-24", "issue_date: 2016-11-24\ndeadline: 2016-02-30"),
            "en",
            "line 7:",
        ),
        (
            ("baseline_year: 2014", "baseline_year: 2011"),
            "en",
            "baseline_year (line 5): 2011 is not",
        ),
        (
            ("baseline_year: 2014", "baseline_year: [2014]"),
            "en",
            "baseline_year (line 5): expected a whole number, found a list",
        ),
        (("{sq: Plani, en: Plan}", "{sq: '', en: Plan}"), "en", "title.sq (line 2)"),
        (
            ("baseline_year: 2014", "baseline_year: 2014\nlanguage: de"),
            "en",
            "language (line 6): unknown value: 'de' (expected one of: en, sq)",
        ),
        (("court, file: gjykata.xlsx}", "court}"), "en", "submissions[1] (line 9)"),
        # The same problems in Albanian: their text comes from the catalogue.
        (
            ("baseline_year: 2014", "baseline_yeer: 2014"),
            "sq",
            "çelës i panjohur; mos është shkruar",
        ),
        (
            ("{sq: Plani, en: Plan}", "{sq: '', en: Plan}"),
            "sq",
            "title.sq (line 2): nuk duhet të jetë",
        ),
        (("baseline_year: 2014", "baseline_year: x"), "sq", "pritej numër i plotë, u gjet tekst"),
        (
            ("court, file: gjykata.xlsx}", "parliament, file: g.xlsx}"),
            "sq",
            "nuk është institucion",
        ),
        (("baseline_year: 2014", "baseline_year: 2011"), "sq", "2011 nuk është një nga vitet"),
    ],
)
def test_plan_problems_name_the_place_and_line(
    tmp_path: Path, change: tuple[str, str], lang: str, expected: str
) -> None:
    folder = make_plan(tmp_path / "p", PLAN.replace(*change))
    with pytest.raises(PlanConfigError) as raised:
        validate([folder])
    assert expected in raised.value.message(lang)


def test_plan_values_written_as_text_are_read_as_people_mean_them(tmp_path: Path) -> None:
    """YAML users quote freely: a quoted year or date is still a year or a date."""
    text = PLAN.replace("baseline_year: 2014", 'baseline_year: "2014"')
    text = text.replace("issue_date: 2016-11-24", "issue_date: '2016-11-24'")
    report = validate([make_plan(tmp_path / "p", text)])
    assert report.years == (2012, 2013, 2014)


def test_no_paths_give_an_empty_report() -> None:
    report = validate([])
    assert (report.files, report.findings) == ([], [])


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        validate([tmp_path / "nope"])


def test_institution_from_the_labelled_cell_or_file_name(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "a.xlsx", [HEADER, *em01_rows()], above=[["Institucioni: Zyra e Punës"]])
    write_xlsx(tmp_path / "zyra_e_punes_2016.xlsx", [HEADER, *em01_rows()])
    report = validate([tmp_path / "a.xlsx", tmp_path / "zyra_e_punes_2016.xlsx"])
    assert [f.institution for f in report.files] == ["employment_office", "employment_office"]


def test_elbasan_sample_is_complete_and_consistent() -> None:
    report = validate([SAMPLES / "elbasan"])
    assert report.valid
    assert not [f for f in report.findings if f.severity.value != "info"]
    assert len(report.files) >= 12
    submissions = [f for f in report.files if f.institution]
    assert len(submissions) == 14
    assert all(f.completeness == 1 for f in submissions)
    formats = {f.format for f in report.files}
    assert {"xlsx", "xls", "ods", "csv"} <= formats


def test_elbasan_sample_covers_every_indicator_breakdown_and_year() -> None:
    from inclusionplan.checks.context import CheckContext
    from inclusionplan.reading import read_submission
    from inclusionplan.schema import builtin_schema

    schema = builtin_schema()
    submissions = [
        read_submission(path) for path in sorted((SAMPLES / "elbasan" / "submissions").iterdir())
    ]
    context = CheckContext.build(schema, range(2012, 2017), submissions)
    expected = {
        (i.code, b, y)
        for i in schema.indicators.values()
        for b in i.breakdowns
        for y in range(2012, 2017)
    }
    assert expected <= {key for key, _ in context.number_items()}


def test_faulty_sample_shows_typical_mistakes() -> None:
    report = validate([SAMPLES / "faulty"])
    codes = {f.code for f in report.findings}
    assert {
        "partition-mismatch",
        "missing-value",
        "interpreted-text",
        "unknown-breakdown",
        "rule-violation",
        "negative-value",
        "not-a-whole-number",
        "out-of-range",
        "subgroup-exceeds-total",
        "large-change",
        "formula-without-value",
        "missing-indicator",
        "unreadable-file",
        "missing-submission",
    } <= codes
    assert not report.valid


def test_schema_option_applies_to_plan_folders_too(tmp_path: Path) -> None:
    folder = make_plan(tmp_path / "p", PLAN.replace("court", "ombudsman"))
    schema = tmp_path / "schema.yaml"
    schema.write_text(
        "institutions: {ombudsman: {en: Ombudsman, sq: Avokati i Popullit}}\n", encoding="utf-8"
    )
    report = validate([folder], schema=schema)
    assert "missing-submission" in {f.code for f in report.findings}


def test_a_folder_of_plan_folders_stands_for_them(tmp_path: Path) -> None:
    """``validate municipalities/`` checks each plan against its own configuration, as
    ``validate municipalities/*/`` does, instead of reading every file as a loose one."""
    municipalities = tmp_path / "municipalities"
    municipalities.mkdir()
    first, second = make_plan(municipalities / "a"), make_plan(municipalities / "b")
    make_plan(first / "old-copy")  # inside a plan folder: that plan's business
    write_xlsx(municipalities / "loose.xlsx", [HEADER, *em01_rows()])
    (municipalities / ".hidden").mkdir()
    (municipalities / ".hidden" / "plan.yaml").write_text(PLAN, encoding="utf-8")

    report = validate([municipalities])

    assert [f.group for f in report.files if f.group] == [
        first.as_posix(),
        first.as_posix(),
        second.as_posix(),
        second.as_posix(),
    ]
    named = validate([first, second, municipalities / "loose.xlsx"])
    assert report.to_json("en") == named.to_json("en")


def test_sector_reports_sent_as_files_join_the_data_set(tmp_path: Path) -> None:
    from inclusionplan.validation import validate_plan

    reports = (
        "sector_reports:\n"
        "  - {institution: employment_office, file: analiza_punesia.txt}\n"
        "  - {institution: court, file: analiza_gjykata.txt}\n"
        "  - {institution: court, file: analiza_e_vjeter.doc}\n"
    )
    folder = make_plan(tmp_path / "p", PLAN + reports)
    (folder / "analiza_punesia.txt").write_text(
        "Papunësia e grave mbetet e lartë.\n\nPropozojmë kurse kualifikimi.", encoding="utf-8"
    )
    (folder / "analiza_e_vjeter.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))

    validated = validate_plan(folder)

    texts = [(t.institution, t.text.paragraphs) for t in validated.dataset.texts]
    assert texts == [
        (
            "employment_office",
            ["Papunësia e grave mbetet e lartë.", "Propozojmë kurse kualifikimi."],
        )
    ]
    by_file = {Path(f.file).name: f for f in validated.report.findings}
    assert by_file["analiza_gjykata.txt"].code == "missing-submission"
    old = by_file["analiza_e_vjeter.doc"]
    assert (old.code, old.params["reason"]["code"]) == (
        "unreadable-file",
        "reason-not-a-text-document",
    )
    listed = {Path(f.file).name: f for f in validated.report.files}
    assert listed["analiza_punesia.txt"].institution_label("en") == "Employment Office"
    assert listed["analiza_punesia.txt"].expected == 0  # a text, not a data submission


def test_a_sector_report_of_an_unknown_institution_is_a_configuration_error(
    tmp_path: Path,
) -> None:
    text = PLAN + "sector_reports:\n  - {institution: ministry, file: a.txt}\n"
    with pytest.raises(PlanConfigError) as raised:
        validate([make_plan(tmp_path / "p", text)])
    assert "sector_reports[0].institution" in raised.value.message("en")
