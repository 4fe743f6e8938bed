"""The yearly monitoring report: the new year's submissions and the implementation
workbook, validated, then compared with the plan's baselines, targets and budget."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from inclusionplan.actions import ActionMatrix, Measure
from inclusionplan.errors import UsageError
from inclusionplan.findings import Finding, Severity
from inclusionplan.implementation import Implementation, read_implementation
from inclusionplan.labels import normalize_label
from inclusionplan.monitoring import (
    IndicatorProgress,
    MeasureProgress,
    Thresholds,
    assess,
)
from inclusionplan.reading import SPREADSHEET_SUFFIXES
from inclusionplan.reports import Report
from inclusionplan.validation import ValidatedPlan, check_files, merge_report, validate_plan

IMPLEMENTATION_FILE = "implementation.xlsx"


@dataclass
class MonitoringData:
    """Everything the monitoring report is made from."""

    base: ValidatedPlan
    year: int
    report: Report
    values: dict[tuple[str, str, int], float]
    implementation: Implementation | None
    indicators: list[tuple[str, IndicatorProgress]] = field(default_factory=list)
    measures: list[MeasureProgress] = field(default_factory=list)


def monitoring_years(base: ValidatedPlan) -> dict[int, Path]:
    folder = base.plan.folder / base.plan.config.monitoring.folder
    if not folder.is_dir():
        return {}
    return {int(p.name): p for p in sorted(folder.iterdir()) if p.is_dir() and p.name.isdigit()}


def validate_monitoring(folder: Path, year: int, *, schema: Path | None = None) -> MonitoringData:
    """The plan, every monitoring year up to ``year`` (validated), and ``year``'s
    implementation workbook; then each targeted indicator's and each measure's progress."""
    base = validate_plan(folder, schema=schema)
    years = {y: p for y, p in monitoring_years(base).items() if y <= year}
    if year not in years:
        raise UsageError(
            detail=f"{folder}: no monitoring data for {year} "
            f"(expected a folder {base.plan.config.monitoring.folder}/{year})"
        )
    if year <= base.plan.config.baseline_year:
        raise UsageError(detail=f"{year} is not after the baseline year")
    schema_ = base.dataset.schema
    values = dict(base.dataset.values)
    groups = []
    for each_year, year_folder in years.items():
        files, institutions = [], {}
        for entry in base.plan.config.submissions:
            path = _find(year_folder, Path(entry.file).stem)
            if path is not None:
                files.append((path, path.as_posix()))
                institutions[path.as_posix()] = entry.institution
        checked = check_files(
            schema_, files, institutions, (each_year,), name=year_folder.as_posix()
        )
        groups.append(checked)
        values.update(checked.context.number_items())
    measures = base.actions.measures if base.actions else []
    implementation_paths = sorted(years[year].glob("implementation*.xlsx"))
    implementation_path = years[year] / IMPLEMENTATION_FILE
    implementation = None
    extra: list[Finding] = []
    if implementation_paths:
        names = [m.name for m in measures]
        parts = [read_implementation(p, p.as_posix(), names) for p in implementation_paths]
        implementation = parts[0]
        for part in parts[1:]:  # forms returned by each responsible institution
            implementation.updates.update(part.updates)
            implementation.findings.extend(part.findings)
        extra = implementation.findings
    else:
        extra = [
            Finding(
                "missing-submission",
                Severity.ERROR,
                implementation_path.as_posix(),
                params={
                    "institution": {"sq": "ekipi i planit", "en": "the plan team"},
                    "path": implementation_path.as_posix(),
                },
            )
        ]
    report = merge_report(groups)
    report = Report(files=report.files, findings=[*report.findings, *extra], years=report.years)
    data = MonitoringData(base, year, report, values, implementation)
    config = base.plan.config.monitoring
    thresholds = Thresholds(on_track=config.on_track, at_risk=config.at_risk)
    data.indicators = _indicators(base, values, year, thresholds)
    data.measures = _measures(base.actions, implementation, year)
    return data


def _find(folder: Path, stem: str) -> Path | None:
    for suffix in sorted(SPREADSHEET_SUFFIXES):
        candidate = folder / (stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def _indicators(
    base: ValidatedPlan,
    values: dict[tuple[str, str, int], float],
    year: int,
    thresholds: Thresholds,
) -> list[tuple[str, IndicatorProgress]]:
    """One row per indicator the action matrix targets (the first measure's target)."""
    schema = base.dataset.schema
    targets: dict[str, Measure] = {}
    for measure in base.actions.measures if base.actions else []:
        if measure.indicator and measure.target is not None:
            targets.setdefault(measure.indicator, measure)
    result = []
    baseline_year = base.plan.config.baseline_year
    for code in schema.indicators:
        target = targets.get(code)
        if target is None:
            continue
        measure = target
        start = measure.baseline_year or baseline_year
        baseline = measure.baseline
        if baseline is None:
            baseline = values.get((code, "total", start))
        if baseline is None or measure.target is None:
            continue
        series = {y: v for (c, b, y), v in values.items() if c == code and b == "total"}
        progress = assess(
            code,
            baseline,
            start,
            measure.target,
            measure.target_year or start + 4,
            series,
            year,
            thresholds,
        )
        result.append((schema.indicators[code].area, progress))
    return result


def _measures(
    actions: ActionMatrix | None, implementation: Implementation | None, year: int
) -> list[MeasureProgress]:
    if actions is None:
        return []
    from inclusionplan.monitoring import MeasureStatus

    result = []
    for measure in actions.measures:
        if measure.start is None or measure.end is None or measure.cost is None:
            continue
        years = measure.end - measure.start + 1
        done = max(0, min(measure.end, year) - measure.start + 1)
        planned = measure.cost * done / years
        update = (
            implementation.updates.get(normalize_label(measure.name)) if implementation else None
        )
        status = update.status if update else None
        late = (status in (None, MeasureStatus.NOT_STARTED) and measure.start <= year) or (
            status not in (MeasureStatus.COMPLETED, MeasureStatus.CANCELLED) and measure.end < year
        )
        result.append(
            MeasureProgress(
                name=measure.name,
                area=measure.area,
                responsible=measure.responsible,
                status=status,
                planned=planned,
                spent=update.spent if update else None,
                comment=update.comment if update else "",
                late=late,
            )
        )
    return result


@dataclass(frozen=True)
class MonitoringReport:
    docx: Path
    pdf: Path | None
    data: MonitoringData


def render_monitoring(
    folder: Path,
    year: int,
    *,
    output: Path | None = None,
    lang: str | None = None,
    template: Path | None = None,
    allow_errors: bool = False,
    pdf: bool = False,
    schema: Path | None = None,
    jobs: int | None = None,
) -> MonitoringReport:
    """Validate the year's data, then write the monitoring report; errors stop it unless
    ``allow_errors`` (raises ``DataNotValidError`` with the year's report)."""
    from importlib import resources

    from inclusionplan.charts import draw_all
    from inclusionplan.monitor_document import (
        build_monitoring_context,
        chart_requests,
        report_date,
    )
    from inclusionplan.plan_document import load_texts
    from inclusionplan.render import (
        DataNotValidError,
        convert_to_pdf,
        default_file_name,
        refuse_overwriting_inputs,
        render_document,
    )

    data = validate_monitoring(folder, year, schema=schema)
    if not data.report.valid and not allow_errors:
        raise DataNotValidError(data.report)
    plan = data.base.plan
    language = lang or plan.config.language
    target = output or Path(
        default_file_name(folder.resolve().name, language).replace("-plan-", f"-monitoring-{year}-")
    )
    refuse_overwriting_inputs(target, folder, plan.config.submissions)
    texts = load_texts(plan, language)
    charts = draw_all(chart_requests(data, language, texts["labels"]), jobs)
    template_path = template or Path(
        str(resources.files("inclusionplan.templates").joinpath("monitoring.docx"))
    )
    render_document(
        template_path,
        lambda image: build_monitoring_context(data, language, texts, image, charts),
        target,
        report_date(year),
    )
    pdf_path = convert_to_pdf(target) if pdf else None
    return MonitoringReport(target, pdf_path, data)
