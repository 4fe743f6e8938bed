"""What the monitoring report says: the context its Word template renders."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from typing import Any

from inclusionplan.catalogue import severity_label
from inclusionplan.charts import ChartRequest, Series
from inclusionplan.formatting import format_date, format_number, format_percent
from inclusionplan.monitor import MonitoringData
from inclusionplan.monitoring import IndicatorProgress, MeasureStatus, Status, dashboard


def report_date(year: int) -> datetime.date:
    """A monitoring report is dated at the end of its year (so rebuilds are identical)."""
    return datetime.date(year, 12, 31)


def chart_requests(
    data: MonitoringData, lang: str, labels: Mapping[str, str]
) -> dict[str, ChartRequest]:
    """Per indicator: the actual path from the baseline, and the straight path to the target."""
    requests = {}
    for _, item in data.indicators:
        last = max(item.target_year, data.year)
        years = list(range(item.baseline_year, last + 1))
        actual = [
            item.baseline
            if y == item.baseline_year
            else (item.values.get(y) if y <= data.year else None)
            for y in years
        ]
        span = max(item.target_year - item.baseline_year, 1)
        path = [
            item.baseline + (item.target - item.baseline) * min((y - item.baseline_year) / span, 1)
            for y in years
        ]
        indicator = data.base.dataset.schema.indicators[item.code]
        requests[item.code] = ChartRequest(
            tuple(years),
            (Series(labels["actual"], tuple(actual)), Series(labels["target_path"], tuple(path))),
            lang,
            indicator.type == "percentage",
        )
    return requests


def build_monitoring_context(
    data: MonitoringData,
    lang: str,
    texts: Mapping[str, Any],
    image: Callable[[bytes], object],
    charts: Mapping[str, bytes],
) -> dict[str, Any]:
    labels: Mapping[str, str] = texts["labels"]
    sentences: Mapping[str, str] = texts["sentences"]
    schema = data.base.dataset.schema
    config = data.base.plan.config
    board = dashboard(data.indicators, data.measures)
    areas = [key for key in schema.areas if key in board.indicators or key in board.measures]

    def number(value: float | None, code: str | None = None) -> str:
        if value is None:
            return "—"
        if code and schema.indicators[code].type == "percentage":
            return format_percent(value / 100, lang)
        return format_number(value, lang)

    def money(value: float | None) -> str:
        return "—" if value is None else format_number(value, lang, 0)

    indicators = []
    attention = []
    for area, item in data.indicators:
        indicator = schema.indicators[item.code]
        name = indicator.names.get(lang)
        indicators.append(
            _indicator(
                item, area, name, data, labels, sentences, lang, number, image(charts[item.code])
            )
        )
        share = {
            "progress": format_percent(item.progress or 0, lang),
            "expected": format_percent(item.expected or 0, lang),
        }
        if item.status is Status.OFF_TRACK:
            attention.append(sentences["flag_off_track"].format(code=item.code, name=name, **share))
        elif item.status is Status.NO_DATA:
            attention.append(sentences["flag_no_data"].format(code=item.code, name=name))
    for measure in data.measures:
        if measure.overspent:
            attention.append(
                sentences["flag_overspent"].format(
                    name=measure.name, spent=money(measure.spent), planned=money(measure.planned)
                )
            )
        if measure.late:
            status = labels[measure.status.value] if measure.status else labels["no_data"]
            attention.append(
                sentences["flag_late"].format(
                    name=measure.name, responsible=measure.responsible, status=status.lower()
                )
            )
    errors = data.report.summary()["errors"]
    if errors:
        attention.append(sentences["flag_findings"].format(errors=errors))
    municipality = config.municipality.get(lang)
    date = format_date(report_date(data.year), lang)
    return {
        "plan": {
            "municipality": municipality,
            "title": config.title.get(lang),
            "period": config.period,
            "year": data.year,
            "issue_date": date,
            "place_and_date": labels["place_and_date"].format(municipality=municipality, date=date),
            "draft": not data.report.valid,
            "language": lang,
        },
        "labels": dict(labels),
        "status_rule": labels["status_rule"].format(
            on_track=format_percent(config.monitoring.on_track, lang),
            at_risk=format_percent(config.monitoring.at_risk, lang),
        ),
        "dashboard": [
            {
                "area": schema.areas[key].get(lang),
                **{s.value: str(board.indicators.get(key, {}).get(s, 0)) for s in Status},
                **{s.value: str(board.measures.get(key, {}).get(s, 0)) for s in MeasureStatus},
                "planned": money(board.planned.get(key)),
                "spent": money(board.spent.get(key)),
            }
            for key in areas
        ],
        "attention": attention or [labels["nothing_to_flag"]],
        "indicators": indicators,
        "measures": [
            {
                "name": m.name,
                "area": m.area,
                "responsible": m.responsible,
                "status": labels[m.status.value] if m.status else "—",
                "planned": money(m.planned),
                "spent": money(m.spent),
                "comment": m.comment,
            }
            for m in data.measures
        ],
        "validation": {
            "summary": data.report.summary_line(lang),
            "findings": [
                {
                    "file": f.file.rsplit("/", 1)[-1],
                    "place": f.location,
                    "severity": severity_label(f.severity, lang),
                    "message": f.message(lang),
                }
                for f in data.report.findings
                if f.severity.rank > 0
            ],
        },
    }


def _indicator(
    item: IndicatorProgress,
    area: str,
    name: str,
    data: MonitoringData,
    labels: Mapping[str, str],
    sentences: Mapping[str, str],
    lang: str,
    number: Callable[[float | None, str | None], str],
    chart: object,
) -> dict[str, Any]:
    rows = [
        {
            "year": f"{item.baseline_year} ({labels['baseline'].lower()})",
            "value": number(item.baseline, item.code),
        }
    ]
    rows += [
        {"year": str(y), "value": number(item.values.get(y), item.code)}
        for y in range(item.baseline_year + 1, data.year + 1)
    ]
    rows.append(
        {
            "year": f"{item.target_year} ({labels['target_value'].lower()})",
            "value": number(item.target, item.code),
        }
    )
    facts = {
        "name": name,
        "baseline": number(item.baseline, item.code),
        "baseline_year": item.baseline_year,
        "target": number(item.target, item.code),
        "target_year": item.target_year,
    }
    if item.status is Status.NO_DATA or item.latest_year is None:
        text = sentences["progress_no_data"].format(**facts)
    else:
        text = sentences["progress_sentence"].format(
            latest=number(item.values[item.latest_year], item.code),
            latest_year=item.latest_year,
            progress=format_percent(item.progress or 0, lang),
            expected=format_percent(item.expected or 0, lang),
            **facts,
        )
    return {
        "code": item.code,
        "name": name,
        "area": area,
        "status": labels[item.status.value],
        "status_key": item.status.value,
        "progress": format_percent(item.progress, lang) if item.progress is not None else "—",
        "text": text,
        "rows": rows,
        "chart": chart,
    }
