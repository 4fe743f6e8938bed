"""Validating submissions: paths in, a report out.

A path is a file, a folder of submissions, or a plan folder (with ``plan.yaml``). Each
plan folder is checked on its own (its schema, its years, its institutions); loose files
and folders are checked together. Problems with the data are findings; only a path that
does not exist or a broken configuration raises.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from inclusionplan.discovery import PLAN_FILE, discover
from inclusionplan.errors import PlanConfigError
from inclusionplan.findings import Finding, Severity
from inclusionplan.labels import normalize_label
from inclusionplan.observations import Submission
from inclusionplan.reading import (
    DEFAULT_LIMITS,
    Limits,
    ReadAhead,
    UnreadableError,
    read_submission,
    unreadable_finding,
)
from inclusionplan.reports import FileReport, Report

if TYPE_CHECKING:
    from inclusionplan.actions import ActionMatrix
    from inclusionplan.checks import CheckContext
    from inclusionplan.consultations import ConsultationLog
    from inclusionplan.dataset import Dataset, InstitutionText
    from inclusionplan.plan import Plan, SectorReportEntry, SubmissionEntry
    from inclusionplan.schema import Schema


@dataclass
class _Group:
    """Files checked together: one plan folder, or all loose inputs."""

    schema: Schema
    name: str = ""
    files: list[tuple[Path, str]] = field(default_factory=list)
    institutions: dict[str, str | None] = field(default_factory=dict)
    years: tuple[int, ...] = ()
    plan_mode: bool = False
    deadline: str | None = None
    missing: list[Finding] = field(default_factory=list)
    missing_institutions: dict[str, str] = field(default_factory=dict)
    action_matrix: tuple[Path, str] | None = None
    consultations: tuple[Path, str] | None = None
    sector_reports: list[tuple[Path, str, str]] = field(default_factory=list)
    """Each sector report file's path, name and institution."""


@dataclass
class CheckedGroup:
    """One group after checking: its context (for the data set), findings and files, and
    a plan's own workbooks."""

    context: CheckContext
    findings: list[Finding]
    files: list[FileReport]
    actions: ActionMatrix | None = None
    consultations: ConsultationLog | None = None
    sector_reports: list[InstitutionText] = field(default_factory=list)


@dataclass
class ValidatedPlan:
    """Everything a plan document is made from, after validation."""

    plan: Plan
    report: Report
    dataset: Dataset
    actions: ActionMatrix | None
    consultations: ConsultationLog | None


Progress = Callable[[str], None]
Reader = Callable[[Path, str, Limits], Submission]
_Summary = tuple[list[Finding], list[FileReport], tuple[int, ...]]
"""A checked group's findings, file reports and years: what crosses back from a worker."""


def validate(
    paths: Sequence[str | Path],
    *,
    schema: Path | None = None,
    years: Sequence[int] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    jobs: int | None = 1,
    progress: Progress | None = None,
) -> Report:
    """Read and check every submission under ``paths``; see the module docstring.

    ``schema`` replaces each plan's own schema (and the built-in one for loose files).
    ``jobs`` > 1 checks plan folders in that many processes (``None``: one per core);
    ``progress`` is told each checked file's name. The report is the same either way.
    """
    found = _discover(paths, schema)
    workers = min(jobs or os.cpu_count() or 1, found.count)
    if workers > 1:
        summaries = _check_in_workers(found, workers, years, limits, progress)
    elif found.plan_folders or not found.loose:
        # A group's rows are let go as soon as it is checked: only its findings stay.
        summaries = [_check_summary(g, years, limits, progress) for g in found.groups()]
    else:
        # Loose files only: they are read while the schema loads. The schema waits for the
        # first file's checks (Python, as the schema's loading is) and loads while calamine
        # parses it (without the GIL).
        with ReadAhead(found.loose, limits) as ahead:
            ahead.wait_until_checked()
            (group,) = found.groups()
            summaries = [_check_summary(group, years, limits, progress, ahead.read)]
    return Report(
        files=[f for _, files, _ in summaries for f in files],
        findings=[f for findings, _, _ in summaries for f in findings],
        years=tuple(sorted({y for _, _, group_years in summaries for y in group_years})),
    )


def _check_summary(
    group: _Group,
    years: Sequence[int] | None,
    limits: Limits,
    progress: Progress | None = None,
    read: Reader = read_submission,
) -> _Summary:
    """All a report needs of a group: its rows are let go when this returns."""
    checked = _check(group, years, limits, progress, read)
    return checked.findings, checked.files, checked.context.years


def validate_plan(folder: Path, *, schema: Path | None = None) -> ValidatedPlan:
    """A plan folder's report, data set, configuration and workbooks, for documents."""
    from inclusionplan.dataset import Dataset
    from inclusionplan.plan import load_plan

    if not (folder / PLAN_FILE).is_file():
        from inclusionplan.errors import PlanConfigError

        raise PlanConfigError("plan-not-found", path=str(folder))
    plan = load_plan(folder)
    (group,) = check_paths([folder], schema=schema)
    return ValidatedPlan(
        plan=plan,
        report=merge_report([group]),
        dataset=Dataset.from_context(group.context, group.sector_reports),
        actions=group.actions,
        consultations=group.consultations,
    )


def check_files(
    schema: Schema,
    files: list[tuple[Path, str]],
    institutions: Mapping[str, str | None],
    years: Sequence[int],
    *,
    name: str,
    plan_mode: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> CheckedGroup:
    """Check ``files`` together, as one plan's submissions for ``years``."""
    group = _Group(
        schema=schema,
        name=name,
        files=files,
        institutions=dict(institutions),
        years=tuple(years),
        plan_mode=plan_mode,
    )
    return _check(group, years, limits)


def merge_report(groups: Sequence[CheckedGroup]) -> Report:
    return Report(
        files=[f for group in groups for f in group.files],
        findings=[f for group in groups for f in group.findings],
        years=tuple(sorted({y for group in groups for y in group.context.years})),
    )


def check_paths(
    paths: Sequence[str | Path],
    *,
    schema: Path | None = None,
    years: Sequence[int] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> list[CheckedGroup]:
    return [_check(group, years, limits) for group in _groups(paths, schema)]


def _check(
    group: _Group,
    years: Sequence[int] | None,
    limits: Limits,
    progress: Progress | None = None,
    read: Reader = read_submission,
) -> CheckedGroup:
    # The checks (and the schema) are imported here, not at the top: loose files start
    # being read before either is needed, and the imports then overlap calamine's parse.
    from inclusionplan.checks import CheckContext, run_checks

    submissions = []
    for path, name in group.files:
        submissions.append(read(path, name, limits))
        if progress is not None:
            progress(name)
    group_years = tuple(years or group.years or _years_in(submissions))
    institutions = {
        s.name: group.institutions.get(s.name) or _institution_of(s, group.schema)
        for s in submissions
    }
    context = CheckContext.build(
        group.schema, group_years, submissions, institutions, group.plan_mode
    )
    findings = list(group.missing)
    for submission in submissions:
        findings.extend(submission.findings)
    findings.extend(run_checks(context))
    checked = CheckedGroup(context=context, findings=findings, files=_file_reports(context))
    if group.action_matrix is not None:
        from inclusionplan.actions import read_action_matrix

        checked.actions = read_action_matrix(*group.action_matrix, group.schema, limits)
        checked.findings.extend(checked.actions.findings)
        checked.files.append(FileReport(file=group.action_matrix[1], format="xlsx"))
    if group.consultations is not None:
        from inclusionplan.consultations import read_consultation_log

        checked.consultations = read_consultation_log(*group.consultations, group.schema, limits)
        checked.findings.extend(checked.consultations.findings)
        checked.files.append(FileReport(file=group.consultations[1], format="xlsx"))
    for path, name, institution in group.sector_reports:
        _read_sector_report(checked, path, name, institution, group.schema, limits)
    for name, institution in group.missing_institutions.items():
        names = group.schema.institutions[institution]
        expected = _expected_count(context, _expected_codes(context, (), institution))
        checked.files.append(
            FileReport(
                file=name,
                format="missing",
                institution=institution,
                institution_name=names.as_param(),
                expected=expected,
            )
        )
    for file_report in checked.files:
        file_report.deadline = group.deadline
        file_report.group = group.name
    return checked


def _read_sector_report(
    checked: CheckedGroup, path: Path, name: str, institution: str, schema: Schema, limits: Limits
) -> None:
    from inclusionplan.dataset import InstitutionText
    from inclusionplan.reading.sector_report import read_sector_report

    try:
        text = read_sector_report(path, limits)
    except UnreadableError as problem:
        checked.findings.append(unreadable_finding(name, problem.reason))
    else:
        checked.sector_reports.append(InstitutionText(institution, text))
    # Named for its institution, but not one of its data submissions: no indicators to count.
    names = schema.institutions[institution].as_param()
    checked.files.append(
        FileReport(file=name, format=path.suffix.lower().lstrip("."), institution_name=names)
    )


def _groups(paths: Sequence[str | Path], schema_path: Path | None) -> list[_Group]:
    return _discover(paths, schema_path).groups()


@dataclass
class _Found:
    """What the paths name, before anything is loaded: plan folders (in order), and the
    loose files, checked together after them."""

    schema_path: Path | None
    plan_folders: list[Path]
    loose: list[tuple[Path, str]]

    @property
    def count(self) -> int:
        return len(self.plan_folders) + (1 if self.loose else 0)

    def groups(self) -> list[_Group]:
        """Every group, each plan loaded."""
        from inclusionplan.schema import load_schema

        override = load_schema(self.schema_path) if self.schema_path else None
        groups = [_plan_group(folder, override) for folder in self.plan_folders]
        if self.loose:
            groups.append(_Group(schema=override or load_schema(), files=self.loose))
        return groups


def _discover(paths: Sequence[str | Path], schema_path: Path | None) -> _Found:
    inputs = discover(paths)
    return _Found(schema_path, inputs.plan_folders, inputs.loose)


def _check_in_workers(
    found: _Found,
    workers: int,
    years: Sequence[int] | None,
    limits: Limits,
    progress: Progress | None,
) -> list[_Summary]:
    """Check the groups in ``workers`` forked processes, in order.

    Every plan is loaded first, so a broken one stops the run before a file is read. The
    workers inherit the groups when they are forked (a forked process's arguments are not
    pickled): only a group's number and its summary cross between processes.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import inclusionplan.checks  # noqa: F401 (imported once here, not again in every worker)

    groups = found.groups()
    summaries = []
    with ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_receive_groups,
        initargs=(groups, years, limits),
    ) as pool:
        for summary in pool.map(_check_received, range(len(groups))):
            summaries.append(summary)
            if progress is not None:
                for file_report in summary[1]:
                    progress(file_report.file)
    return summaries


_received: tuple[list[_Group], Sequence[int] | None, Limits] | None = None
"""In a worker process: the groups it was forked with."""


def _receive_groups(groups: list[_Group], years: Sequence[int] | None, limits: Limits) -> None:
    global _received
    _received = (groups, years, limits)


def _check_received(index: int) -> _Summary:
    assert _received is not None, "called outside a worker"
    groups, years, limits = _received
    return _check_summary(groups[index], years, limits)


def _plan_group(folder: Path, override: Schema | None) -> _Group:
    from inclusionplan.plan import load_plan
    from inclusionplan.schema import load_schema

    plan = load_plan(folder)
    schema = override or load_schema(plan.schema_path)
    deadline = plan.config.deadline.isoformat() if plan.config.deadline else None
    group = _Group(
        schema=schema, name=folder.as_posix(), years=plan.years, plan_mode=True, deadline=deadline
    )
    entries = _entries(folder, schema, "submissions", plan.config.submissions)
    for path, name, institution in entries:
        if not path.is_file():
            group.missing_institutions[name] = institution
            group.missing.append(_missing(name, institution, schema))
            continue
        group.files.append((path, name))
        group.institutions[name] = institution
    reports = _entries(folder, schema, "sector_reports", plan.config.sector_reports)
    for path, name, institution in reports:
        if path.is_file():
            group.sector_reports.append((path, name, institution))
        else:
            group.missing.append(_missing(name, institution, schema))
    team = {"sq": "ekipi i planit", "en": "the plan team"}
    for attribute in ("action_matrix", "consultations"):
        relative = getattr(plan.config, attribute)
        if relative is None:
            continue
        path = folder / relative
        if path.is_file():
            setattr(group, attribute, (path, path.as_posix()))
        else:
            group.missing.append(
                Finding(
                    "missing-submission",
                    Severity.ERROR,
                    path.as_posix(),
                    params={"institution": team, "path": path.as_posix()},
                )
            )
    return group


def _entries(
    folder: Path, schema: Schema, key: str, entries: Sequence[SubmissionEntry | SectorReportEntry]
) -> list[tuple[Path, str, str]]:
    """Each file an institution sends: its path, name and institution, checked against the
    schema before anything is read."""
    files = []
    for index, entry in enumerate(entries):
        if entry.institution not in schema.institutions:
            raise PlanConfigError(
                path=(folder / PLAN_FILE).as_posix(),
                place=f"{key}[{index}].institution",
                problem={"code": "problem-unknown-institution", "institution": entry.institution},
            )
        path = folder / entry.file
        files.append((path, path.as_posix(), entry.institution))
    return files


def _missing(name: str, institution: str, schema: Schema) -> Finding:
    names = schema.institutions[institution]
    return Finding(
        "missing-submission",
        Severity.ERROR,
        name,
        params={"institution": names.as_param(), "path": name},
    )


def _years_in(submissions: Sequence[Submission]) -> tuple[int, ...]:
    """Without a plan or --years, the years are those the files' headers name."""
    years: set[int] = set()
    for submission in submissions:
        for table in submission.tables:
            years.update(table.years)
    return tuple(sorted(years))


def _institution_of(submission: Submission, schema: Schema) -> str | None:
    """The sender, from a labelled cell above the header, else from the file name."""
    if submission.institution_label:
        return schema.institution_key(submission.institution_label)
    stem = normalize_label(submission.path.stem.replace("_", " ").replace("-", " "))
    best: tuple[int, str] | None = None
    for label, key in schema.institution_labels.items():
        if len(label) >= 5 and label in stem and (best is None or len(label) > best[0]):
            best = (len(label), key)
    return best[1] if best else None


def _file_reports(context: CheckContext) -> list[FileReport]:
    reports: list[FileReport] = []
    for submission in context.submissions:
        institution = context.institutions.get(submission.name)
        names = context.schema.institutions.get(institution) if institution else None
        report = FileReport(
            file=submission.name,
            format=submission.format,
            institution=institution or submission.institution_label,
            institution_name=names.as_param() if names else None,
            sheets=_sheet_roles(submission),
        )
        codes = _expected_codes(context, context.first_sheet.get(submission.name, {}), institution)
        report.expected = _expected_count(context, codes)
        given = context.numbers_given.get(submission.name, {})
        report.present = sum(given.get(code, 0) for code in codes)
        reports.append(report)
    return reports


def _sheet_roles(submission: Submission) -> dict[str, str]:
    """What each sheet was taken for: data, analysis, auxiliary (notes), or skipped."""
    roles = {table.sheet: "data" for table in submission.tables}
    roles |= {text.sheet: "analysis" for text in submission.texts}
    roles |= dict.fromkeys(submission.auxiliary_sheets, "auxiliary")
    roles |= {
        f.sheet: "skipped" for f in submission.findings if f.code == "sheet-skipped" and f.sheet
    }
    return roles


def _expected_codes(
    context: CheckContext, codes: Iterable[str], institution: str | None
) -> list[str]:
    """What a file should report: its institution's indicators in a plan, else the
    indicators it reports (in no order: they are counted)."""
    if context.plan_mode and institution:
        return [indicator.code for indicator in context.schema.indicators_of(institution)]
    return list(codes)


def _expected_count(context: CheckContext, codes: Iterable[str]) -> int:
    """How many values the indicators ``codes`` make: every breakdown, every year."""
    indicators = context.schema.indicators
    return sum(len(indicators[code].breakdowns) for code in codes) * len(context.years)
