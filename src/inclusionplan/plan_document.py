"""What the plan document says: the context a Word template renders (docs/templates.md).

Everything here is plain data (strings, numbers, lists, dicts) except the charts, which
``image`` turns into whatever the template engine embeds. Numbers are formatted for the
document's language here, so templates never format.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from inclusionplan.catalogue import severity_label
from inclusionplan.charts import ChartRequest, Series
from inclusionplan.dataset import Dataset
from inclusionplan.errors import PlanConfigError
from inclusionplan.formatting import format_date, format_number, format_percent
from inclusionplan.narrative import gender_sentence, trend_sentence
from inclusionplan.plan import Plan
from inclusionplan.plan_inputs import plan_inputs_context
from inclusionplan.reports import FileReport, Report
from inclusionplan.schema import YAML_LOADER, Indicator
from inclusionplan.validation import ValidatedPlan
from inclusionplan.yamldoc import load_yaml_mapping

ImageFactory = Callable[[bytes], object]
TEXT_KEYS = (
    "labels",
    "sentences",
    "acronyms",
    "introduction",
    "methodology",
    "legal_framework",
    "vision",
)


def load_texts(plan: Plan, lang: str) -> dict[str, Any]:
    """The shipped texts in ``lang``, with the plan folder's texts.<lang>.yaml on top."""
    name = f"texts.{lang}.yaml"
    shipped = resources.files("inclusionplan.templates").joinpath(name).read_text("utf-8")
    texts: dict[str, Any] = yaml.load(shipped, Loader=YAML_LOADER)
    own = plan.folder / name
    if own.is_file():
        try:
            own_text = own.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise PlanConfigError(
                path=own.as_posix(),
                place="-",
                problem={"code": "problem-unreadable", "detail": str(error)},
            ) from None
        overrides = load_yaml_mapping(own_text, own.as_posix(), PlanConfigError)
        for key, value in overrides.items():
            if isinstance(value, dict) and isinstance(texts.get(key), dict):
                texts[key] = {**texts[key], **value}
            else:
                texts[key] = value
    return texts


def build_context(
    validated: ValidatedPlan,
    lang: str,
    texts: Mapping[str, Any],
    image: ImageFactory,
    charts: Mapping[str, bytes],
) -> dict[str, Any]:
    """The template context; ``charts`` are the PNGs of ``chart_requests``, by code."""
    plan, report, dataset = validated.plan, validated.report, validated.dataset
    config = plan.config
    labels: Mapping[str, str] = texts["labels"]
    sentences: Mapping[str, str] = texts["sentences"]
    schema = dataset.schema
    issue_date = format_date(config.issue_date, lang)
    municipality = config.municipality.get(lang)
    builder = _IndicatorBuilder(dataset, lang, labels, sentences, image, charts)

    areas = []
    for key, names in schema.areas.items():
        indicators = [i for i in schema.indicators.values() if i.area == key]
        if key == "CX" or not indicators:
            continue
        institutions = sorted({schema.institution_name(i.institution, lang) for i in indicators})
        areas.append(
            {
                "key": key,
                "name": names.get(lang),
                "summary": sentences["area_summary"].format(
                    count=len(indicators), institutions=", ".join(institutions)
                ),
                "indicators": [builder.indicator(i) for i in indicators],
                "analyses": _analyses(dataset, key, lang),
            }
        )
    profile_indicators = [i for i in schema.indicators.values() if i.area == "CX"]
    contents = _contents(labels, areas)
    return {
        "plan": {
            "municipality": municipality,
            "title": config.title.get(lang),
            "period": config.period,
            "years": list(dataset.years),
            "baseline_year": config.baseline_year,
            "issue_date": issue_date,
            "place_and_date": labels["place_and_date"].format(
                municipality=municipality, date=issue_date
            ),
            "draft": not report.valid,
            "language": lang,
        },
        "labels": dict(labels),
        "texts": {
            key: texts.get(key, []) for key in TEXT_KEYS if key not in ("labels", "sentences")
        },
        "contents": contents,
        "data_summary": _data_summary(report, dataset, sentences, lang),
        "institutions": _institutions(report, dataset, lang),
        "profile": {
            "name": schema.areas["CX"].get(lang) if "CX" in schema.areas else "",
            "indicators": [builder.indicator(i) for i in profile_indicators],
        },
        "areas": areas,
        "all_areas": _annex_tables(dataset, lang, labels),
        "validation": _validation(report, sentences, lang),
        **plan_inputs_context(validated, lang, labels, sentences),
    }


class _IndicatorBuilder:
    def __init__(
        self,
        dataset: Dataset,
        lang: str,
        labels: Mapping[str, str],
        sentences: Mapping[str, str],
        image: ImageFactory,
        charts: Mapping[str, bytes],
    ) -> None:
        self.dataset, self.lang, self.labels = dataset, lang, labels
        self.sentences, self.image, self.charts = sentences, image, charts

    def indicator(self, indicator: Indicator) -> dict[str, Any]:
        dataset, lang = self.dataset, self.lang
        schema = dataset.schema
        rows = [
            _row(indicator, breakdown, dataset, lang, self.labels)
            for breakdown in indicator.breakdowns
            if dataset.has_breakdown(indicator.code, breakdown)
        ]
        return {
            "code": indicator.code,
            "name": indicator.names.get(lang),
            "unit": indicator.unit.get(lang),
            "source": schema.institution_name(indicator.institution, lang),
            "text": trend_sentence(indicator, dataset, self.sentences, lang),
            "gender_text": gender_sentence(indicator, dataset, self.sentences, lang),
            "rows": rows,
            "chart": self.image(self.charts[indicator.code]),
        }


def chart_requests(dataset: Dataset, lang: str) -> dict[str, ChartRequest]:
    """One chart per indicator: the total, and women and men where there is a sex split."""
    schema = dataset.schema
    requests = {}
    for indicator in schema.indicators.values():
        shown = ["total"]
        if any(name == "sex" for name, _ in indicator.partitions):
            shown += ["female", "male"]
        series = [
            Series(schema.breakdown_label(b, lang), dataset.series(indicator.code, b))
            for b in shown
            if dataset.has_breakdown(indicator.code, b)
        ]
        requests[indicator.code] = ChartRequest(
            tuple(dataset.years), tuple(series), lang, indicator.type == "percentage"
        )
    return requests


def _cell(value: float | None, indicator: Indicator, lang: str, labels: Mapping[str, str]) -> str:
    if value is None:
        return labels["no_data"]
    if indicator.type == "percentage":
        return format_percent(value / 100, lang)
    return format_number(value, lang)


def _signed(number: float, text: str) -> str:
    return ("+" if number > 0 else "−" if number < 0 else "") + text


def _row(
    indicator: Indicator, breakdown: str, dataset: Dataset, lang: str, labels: Mapping[str, str]
) -> dict[str, Any]:
    series = dataset.series(indicator.code, breakdown)
    known = [v for v in series if v is not None]
    change = change_percent = "—"
    if len(known) >= 2:
        first, last = known[0], known[-1]
        difference = last - first
        if indicator.type == "percentage":
            change = _signed(difference, format_number(abs(difference), lang, 1) + " pp")
        else:
            change = _signed(difference, format_number(abs(difference), lang))
            if first:
                change_percent = _signed(difference, format_percent(abs(difference) / first, lang))
    return {
        "breakdown": breakdown,
        "label": dataset.schema.breakdown_label(breakdown, lang),
        "values": series,
        "cells": [_cell(v, indicator, lang, labels) for v in series],
        "change": change,
        "change_percent": change_percent,
    }


def _analyses(dataset: Dataset, area: str, lang: str) -> list[dict[str, Any]]:
    schema = dataset.schema
    reporting = {i.institution for i in schema.indicators.values() if i.area == area}
    return [
        {
            "institution": schema.institution_name(item.institution, lang),
            "paragraphs": list(item.text.paragraphs),
        }
        for item in dataset.texts
        if item.institution in reporting
    ]


def _submissions(report: Report) -> list[FileReport]:
    """The institutions' data files, sent or missing: not the team's workbooks, not the
    sector reports sent beside them."""
    return [f for f in report.files if f.institution]


def _institutions(report: Report, dataset: Dataset, lang: str) -> list[dict[str, Any]]:
    schema = dataset.schema
    rows = []
    for file_report in _submissions(report):
        key = file_report.institution
        count = len(schema.indicators_of(key)) if key and key in schema.institutions else 0
        share = file_report.completeness
        rows.append(
            {
                "name": file_report.institution_label(lang) or file_report.file,
                "file": file_report.file,
                "indicators": str(count),
                "completeness": format_percent(share, lang) if share is not None else "—",
                "findings": str(file_report.errors + file_report.warnings),
            }
        )
    return rows


def _data_summary(report: Report, dataset: Dataset, sentences: Mapping[str, str], lang: str) -> str:
    summary = report.summary()
    expected = summary["values_expected"]
    share = summary["values_present"] / expected if expected else 0.0
    years = dataset.years
    span = f"{years[0]}–{years[-1]}" if years else ""
    institutions = {f.institution for f in _submissions(report)}
    return sentences["data_summary"].format(
        years=span, count=len(institutions), completeness=format_percent(share, lang)
    )


def _validation(report: Report, sentences: Mapping[str, str], lang: str) -> dict[str, Any]:
    from inclusionplan.checks import CHECKS

    summary = report.summary()
    important = [f for f in report.findings if f.severity.rank > 0]
    if not important:
        text = sentences["validation_clean"].format(
            checks=sum(len(c.codes) for c in CHECKS), files=summary["files"]
        )
    else:
        text = sentences["validation_findings"].format(
            errors=summary["errors"], warnings=summary["warnings"], files=summary["files"]
        )
    return {
        "summary": text,
        "errors": summary["errors"],
        "warnings": summary["warnings"],
        "findings": [
            {
                "file": Path(f.file).name,
                "place": f.location,
                "severity": severity_label(f.severity, lang),
                "code": f.code,
                "message": f.message(lang),
            }
            for f in important
        ],
    }


def _annex_tables(dataset: Dataset, lang: str, labels: Mapping[str, str]) -> list[dict[str, Any]]:
    schema = dataset.schema
    tables = []
    for key, names in schema.areas.items():
        rows = []
        for indicator in (i for i in schema.indicators.values() if i.area == key):
            for breakdown in indicator.breakdowns:
                series = dataset.series(indicator.code, breakdown)
                rows.append(
                    {
                        "indicator": indicator.code
                        if breakdown != "total"
                        else f"{indicator.code} {indicator.names.get(lang)}",
                        "label": schema.breakdown_label(breakdown, lang),
                        "cells": [_cell(v, indicator, lang, labels) for v in series],
                    }
                )
        if rows:
            tables.append({"key": key, "name": names.get(lang), "table": rows})
    return tables


def _contents(labels: Mapping[str, str], areas: list[dict[str, Any]]) -> list[str]:
    """The chapter list shown before Word (or LibreOffice) fills the real table of contents."""
    entries = [
        labels["acronyms"],
        f"1. {labels['introduction']}",
        f"2. {labels['legal_framework']}",
        f"3. {labels['profile']}",
        f"4. {labels['situation']}",
    ]
    entries += [f"    4.{n} {area['name']}" for n, area in enumerate(areas, start=1)]
    entries += [
        f"5. {labels['vision']}",
        f"6. {labels['action_matrix']}",
        f"7. {labels['budget']}",
        f"8. {labels['monitoring']}",
        labels["annexes"],
    ]
    return entries


def issue_timestamp(date: datetime.date) -> datetime.datetime:
    return datetime.datetime(date.year, date.month, date.day, tzinfo=datetime.UTC)
