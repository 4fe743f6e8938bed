"""Checks that compare values: partitions against totals, subgroups against totals,
indicators against each other, and each year against the one before."""

from __future__ import annotations

from collections.abc import Iterator
from operator import add

from inclusionplan.checks.context import CheckContext, Numbers, Series
from inclusionplan.findings import Finding, cell_name
from inclusionplan.formatting import format_percent

_OPERATORS = {
    "<=": float.__le__,
    "<": float.__lt__,
    ">=": float.__ge__,
    ">": float.__gt__,
    "==": float.__eq__,
}
_SYMBOLS = {"<=": "≤", "<": "<", ">=": "≥", ">": ">", "==": "="}


class PartitionCheck:
    """female + male = total; urban + rural = total (for the types the schema names)."""

    codes = ("partition-mismatch",)

    def run(self, context: CheckContext) -> Iterator[Finding]:
        settings = context.schema.partition_sum
        indicators = context.schema.indicators
        for code, of_indicator in context.series.items():
            total = of_indicator.get("total")
            if total is None:
                continue
            indicator = indicators[code]
            if indicator.type not in settings.types:
                continue
            for partition, parts in indicator.partitions:
                columns: list[Numbers] = []
                for part in parts:
                    member = of_indicator.get(part)
                    if member is None:
                        break
                    columns.append(member.numbers)
                else:
                    if _adds_up(columns, total.numbers):
                        continue
                    yield from self._mismatches(context, code, partition, parts, total, columns)

    def _mismatches(
        self,
        context: CheckContext,
        code: str,
        partition: str,
        parts: tuple[str, ...],
        total: Series,
        columns: list[Numbers],
    ) -> Iterator[Finding]:
        settings = context.schema.partition_sum
        for index, total_number in enumerate(total.numbers):
            numbers = [column[index] for column in columns]
            if total_number is None or None in numbers:
                continue
            parts_sum = sum(n for n in numbers if n is not None)
            if abs(parts_sum - total_number) <= settings.tolerance:
                continue
            labels = {
                lang: " + ".join(context.schema.breakdown_label(p, lang) for p in parts)
                for lang in ("sq", "en")
            }
            value = context.value_at(code, "total", context.years[index])
            assert value is not None
            yield value.finding(
                "partition-mismatch",
                partition=partition,
                parts=labels,
                parts_sum=parts_sum,
                total=total_number,
                difference=parts_sum - total_number,
            )


class SubgroupCheck:
    """A subgroup (Roma and Egyptian, youth, ...) never exceeds its total."""

    codes = ("subgroup-exceeds-total",)

    def run(self, context: CheckContext) -> Iterator[Finding]:
        indicators = context.schema.indicators
        for code, of_indicator in context.series.items():
            indicator = indicators[code]
            totals = of_indicator.get("total")
            if totals is None or indicator.type == "percentage":
                continue
            for breakdown in indicator.subgroups:
                series = of_indicator.get(breakdown)
                if series is None:
                    continue
                for index, (number, total) in enumerate(
                    zip(series.numbers, totals.numbers, strict=True)
                ):
                    if total is not None and number is not None and number > total:
                        value = context.value_at(code, breakdown, context.years[index])
                        assert value is not None
                        yield value.finding("subgroup-exceeds-total", number=number, total=total)


class RuleCheck:
    """Cross-indicator rules of the schema (SP01 <= SP03), for every shared breakdown and year."""

    codes = ("rule-violation",)

    def run(self, context: CheckContext) -> Iterator[Finding]:
        indicators = context.schema.indicators
        for rule in context.schema.rules:
            compare = _OPERATORS[rule.operator]
            left_indicator = indicators.get(rule.left)
            if left_indicator is None:
                continue
            for breakdown in left_indicator.breakdowns:
                lefts = context.series_at(rule.left, breakdown)
                rights = context.series_at(rule.right, breakdown)
                if lefts is None or rights is None:
                    continue
                pairs = zip(context.years, lefts.numbers, rights.numbers, strict=True)
                for year, left_number, right_number in pairs:
                    if left_number is None or right_number is None:
                        continue
                    if compare(left_number, right_number):
                        continue
                    left = context.value_at(rule.left, breakdown, year)
                    right = context.value_at(rule.right, breakdown, year)
                    assert left is not None and right is not None
                    place = right.observation
                    other_place = f"{place.sheet}!{cell_name(place.row, place.column)}"
                    if right.file != left.file:
                        other_place = f"{right.file} {other_place}"
                    yield left.finding(
                        "rule-violation",
                        number=left_number,
                        operator=_SYMBOLS[rule.operator],
                        other=rule.right,
                        other_number=right_number,
                        other_place=other_place,
                    )


class LargeChangeCheck:
    """A total that moves by more than the schema's threshold from one year to the next."""

    codes = ("large-change",)

    def run(self, context: CheckContext) -> Iterator[Finding]:
        settings = context.schema.large_change
        indicators = context.schema.indicators
        years = context.years
        for code, of_indicator in context.series.items():
            series = of_indicator.get("total")
            if series is None or indicators[code].type not in settings.types:
                continue
            numbers = series.numbers
            if _steady(numbers, settings.threshold, settings.min_value):
                continue
            for index in range(1, len(years)):
                previous, current = numbers[index - 1], numbers[index]
                if previous is None or current is None:
                    continue
                if max(previous, current) < settings.min_value:
                    continue
                base = previous if previous else current
                change = (current - previous) / base if base else 0.0
                if abs(change) > settings.threshold:
                    value = context.value_at(code, "total", years[index])
                    assert value is not None
                    yield value.finding(
                        "large-change",
                        change={lang: format_percent(change, lang) for lang in ("sq", "en")},
                        previous_year=str(years[index - 1]),
                        previous=previous,
                        number=current,
                    )


def _adds_up(columns: list[Numbers], total: Numbers) -> bool:
    """True when every year is given as numbers and the parts add up to the total exactly:
    the common case, decided in C (a year without a number raises, and is looked at year
    by year)."""
    try:
        if len(columns) == 2:
            return list(map(add, *columns)) == total
        return list(map(sum, zip(*columns, strict=True))) == total
    except TypeError:
        return False


def _steady(numbers: Numbers, threshold: float, min_value: float) -> bool:
    """True when no two of ``numbers`` can differ by more than ``threshold``: the common
    case, decided in C. (With a small margin, so rounding never hides a change.)"""
    try:
        low, high = min(numbers), max(numbers)  # type: ignore[type-var]
    except TypeError:  # a year without a number: look year by year
        return False
    if low is None or high is None:  # a single year, without a number
        return False
    return high < min_value or (low > 0 and high - low < threshold * low * (1 - 1e-6))
