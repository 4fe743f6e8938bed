"""Sentences generated from the data: how an indicator moved over the data years, and
the gap between women and men where the data have a sex breakdown.

The wording comes from the plan texts (``sentences:`` in texts.sq.yaml / texts.en.yaml),
so a team can rephrase it; the choice of sentence is made here.
"""

from __future__ import annotations

from collections.abc import Mapping

from inclusionplan.dataset import Dataset
from inclusionplan.formatting import format_number, format_percent
from inclusionplan.schema import Indicator

# A change smaller than this share (or, for rates, these percentage points) reads as stable.
STABLE_SHARE = 0.02
STABLE_POINTS = 0.5


def trend_sentence(
    indicator: Indicator, dataset: Dataset, sentences: Mapping[str, str], lang: str
) -> str:
    """'… fell by 15.4% from 2012 to 2016, from 4,210 to 3,562 families.' or a missing-data one."""
    name = indicator.names.get(lang)
    series = dataset.series(indicator.code)
    known = [
        (year, value)
        for year, value in zip(dataset.years, series, strict=True)
        if value is not None
    ]
    missing_years = [
        year for year, value in zip(dataset.years, series, strict=True) if value is None
    ]
    if len(known) < 2:
        return sentences["missing"].format(
            name=name, years=_years(missing_years or list(dataset.years))
        )
    (first_year, first), (last_year, last) = known[0], known[-1]
    is_rate = indicator.type == "percentage"
    unit = "" if is_rate else indicator.unit.get(lang)
    numbers = {
        "name": name,
        "first_year": first_year,
        "last_year": last_year,
        "first": _number(first, is_rate, lang),
        "last": _number(last, is_rate, lang),
        "unit": unit,
    }
    if is_rate:
        points = last - first
        kind = (
            "rate_stable"
            if abs(points) < STABLE_POINTS
            else ("rate_rise" if points > 0 else "rate_fall")
        )
        text = sentences[kind].format(points=format_number(abs(points), lang, 1), **numbers)
    else:
        change = (last - first) / first if first else (1.0 if last else 0.0)
        kind = "stable" if abs(change) < STABLE_SHARE else ("rise" if change > 0 else "fall")
        text = sentences[kind].format(change=format_percent(abs(change), lang), **numbers)
    text = text.replace(" .", ".")
    if missing_years:
        text += " " + sentences["partial"].format(name=name, years=_years(missing_years))
    return text


def gender_sentence(
    indicator: Indicator, dataset: Dataset, sentences: Mapping[str, str], lang: str
) -> str:
    """Women's share of the total in the latest year, or both rates; '' without a sex split."""
    if not any(name == "sex" for name, _ in indicator.partitions):
        return ""
    for year in reversed(dataset.years):
        female = dataset.value(indicator.code, "female", year)
        male = dataset.value(indicator.code, "male", year)
        total = dataset.value(indicator.code, "total", year)
        if female is None or male is None:
            continue
        if indicator.type == "percentage":
            return sentences["rate_by_sex"].format(
                year=year,
                female=_number(female, True, lang),
                male=_number(male, True, lang),
            )
        if total:
            return sentences["women_share"].format(
                year=year,
                share=format_percent(female / total, lang),
                female=format_number(female, lang),
                total=format_number(total, lang),
            )
    return ""


def _number(value: float, is_rate: bool, lang: str) -> str:
    if is_rate:
        return format_percent(value / 100, lang)
    return format_number(value, lang)


def _years(years: list[int]) -> str:
    if not years:
        return ""
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 2:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(year) for year in years)
