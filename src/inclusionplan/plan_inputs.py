"""The team's own inputs in the plan document: objectives, the action matrix, the budget
it adds up to, the monitoring framework and the consultations (context for templates)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from inclusionplan.dataset import Dataset
from inclusionplan.formatting import format_date, format_number, format_percent
from inclusionplan.validation import ValidatedPlan


def plan_inputs_context(
    validated: ValidatedPlan, lang: str, labels: Mapping[str, str], sentences: Mapping[str, str]
) -> dict[str, Any]:
    """Objectives, action matrix, budget, monitoring framework and consultations."""
    from inclusionplan.actions import FUNDING_SOURCES
    from inclusionplan.years import parse_years

    schema = validated.dataset.schema
    measures = validated.actions.measures if validated.actions else []
    period = parse_years(validated.plan.config.period)
    area_name = {key: names.get(lang) for key, names in schema.areas.items()}

    objectives = []
    for key in schema.areas:
        strategic: dict[str, list[str]] = {}
        for measure in measures:
            if measure.area == key:
                specifics = strategic.setdefault(measure.strategic_objective, [])
                if measure.specific_objective and measure.specific_objective not in specifics:
                    specifics.append(measure.specific_objective)
        if strategic:
            objectives.append(
                {
                    "area": area_name[key],
                    "strategic": [{"name": n, "specific": s} for n, s in strategic.items()],
                }
            )

    groups: list[dict[str, Any]] = []
    for measure in measures:
        objective = measure.specific_objective or measure.strategic_objective
        if not groups or (groups[-1]["key"], groups[-1]["objective"]) != (measure.area, objective):
            groups.append(
                {
                    "key": measure.area,
                    "area": area_name.get(measure.area, measure.area),
                    "objective": objective,
                    "measures": [],
                }
            )
        groups[-1]["measures"].append(
            {
                "name": measure.name,
                "responsible": measure.responsible,
                "partners": measure.partners,
                "period": _span(measure.start, measure.end),
                "cost": format_number(measure.cost, lang) if measure.cost is not None else "—",
                "funding": FUNDING_SOURCES[measure.funding].get(lang)
                if measure.funding in FUNDING_SOURCES
                else measure.funding,
                "indicator": measure.indicator or measure.indicator_text,
                "target": _target(measure, schema, lang, labels),
                "target_group": measure.target_group,
            }
        )

    budget = validated.actions.budget(range(period[0], period[-1] + 1)) if validated.actions else {}

    def budget_rows(position: int, names: Mapping[str, str]) -> list[dict[str, Any]]:
        """Rows by area (position 0) or funding source (1) of the (area, source, year) sums."""
        order = list(names)
        present = {str(budget_key[position]) for budget_key in budget}
        rows = []
        for name in sorted(present, key=lambda n: order.index(n) if n in order else len(order)):
            cells = [
                sum(v for k, v in budget.items() if k[position] == name and k[2] == year)
                for year in period
            ]
            rows.append(
                {
                    "name": names.get(name, name),
                    "cells": [format_number(c, lang, 0) for c in cells],
                    "total": format_number(sum(cells), lang, 0),
                }
            )
        return rows

    totals = [sum(v for k, v in budget.items() if k[2] == year) for year in period]
    monitoring = _monitoring(measures, validated.dataset, lang, labels)
    meetings = validated.consultations.meetings if validated.consultations else []
    women, men = sum(m.female for m in meetings), sum(m.male for m in meetings)
    return {
        "objectives": objectives,
        "actions": {"groups": groups, "count": len(measures)},
        "budget": {
            "years": list(period),
            "by_area": budget_rows(0, {k: v for k, v in area_name.items()}),
            "by_source": budget_rows(1, {k: n.get(lang) for k, n in FUNDING_SOURCES.items()}),
            "totals": [format_number(t, lang, 0) for t in totals],
            "total": format_number(sum(totals), lang, 0),
            "summary": sentences["budget_summary"].format(
                total=format_number(sum(totals), lang, 0),
                measures=len(measures),
                first=period[0],
                last=period[-1],
            ),
        },
        "monitoring": monitoring,
        "consultations": {
            "summary": sentences["consultations_summary"].format(
                meetings=len(meetings),
                participants=women + men,
                women=women,
                men=men,
                groups=", ".join(dict.fromkeys(m.group for m in meetings)),
            )
            if meetings
            else "",
            "meetings": [
                {
                    "date": format_date(m.date, lang) if m.date else "—",
                    "place": m.place,
                    "group": m.group,
                    "organiser": m.organiser,
                    "women": str(m.female),
                    "men": str(m.male),
                    "issues": m.issues,
                    "recommendations": m.recommendations,
                    "areas": ", ".join(m.areas),
                }
                for m in meetings
            ],
        },
    }


def _span(start: int | None, end: int | None) -> str:
    if start is None or end is None:
        return str(start or end or "—")
    return str(start) if start == end else f"{start}–{end}"


def _measure_number(value: float | None, is_rate: bool, lang: str) -> str:
    if value is None:
        return "—"
    return format_percent(value / 100, lang) if is_rate else format_number(value, lang)


def _target(measure: Any, schema: Any, lang: str, labels: Mapping[str, str]) -> str:
    is_rate = measure.indicator in schema.indicators and (
        schema.indicators[measure.indicator].type == "percentage"
    )
    if measure.target is None:
        return ""
    baseline = _measure_number(measure.baseline, is_rate, lang)
    target = _measure_number(measure.target, is_rate, lang)
    return f"{baseline} ({measure.baseline_year or '—'}) → {target} ({measure.target_year or '—'})"


def _monitoring(
    measures: list[Any], dataset: Dataset, lang: str, labels: Mapping[str, str]
) -> list[dict[str, Any]]:
    """One row per indicator the action matrix targets: baseline (from the data when the
    matrix gives none), target, source, frequency and who answers for it."""
    schema = dataset.schema
    rows: dict[str, dict[str, Any]] = {}
    for measure in measures:
        code = measure.indicator
        if code is None or code not in schema.indicators:
            continue
        indicator = schema.indicators[code]
        is_rate = indicator.type == "percentage"
        baseline_year = measure.baseline_year or (dataset.years[-1] if dataset.years else None)
        baseline = measure.baseline
        if baseline is None and baseline_year is not None:
            baseline = dataset.value(code, "total", baseline_year)
        row = rows.setdefault(
            code,
            {
                "code": code,
                "indicator": f"{code} {indicator.names.get(lang)}",
                "baseline": f"{_measure_number(baseline, is_rate, lang)} ({baseline_year or '—'})",
                "target": f"{_measure_number(measure.target, is_rate, lang)} "
                f"({measure.target_year or '—'})",
                "source": schema.institution_name(indicator.institution, lang),
                "frequency": labels["annual"],
                "responsible": [],
            },
        )
        if measure.responsible and measure.responsible not in row["responsible"]:
            row["responsible"].append(measure.responsible)
    ordered = [rows[code] for code in schema.indicators if code in rows]
    for row in ordered:
        row["responsible"] = ", ".join(row["responsible"])
    return ordered
