"""Checks that compare values: partitions against totals, subgroups against totals,
indicators against each other, and each year against the one before."""

from __future__ import annotations

from collections.abc import Iterator

from inclusionplan.checks.context import CheckContext
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
        for (code, breakdown, year), total in context.numbers.items():
            if breakdown != "total" or total.indicator.type not in settings.types:
                continue
            total_number = total.observation.number
            assert total_number is not None
            for partition, parts in total.indicator.partitions:
                numbers = [context.number(code, part, year) for part in parts]
                if any(number is None for number in numbers):
                    continue
                parts_sum = sum(n for n in numbers if n is not None)
                if abs(parts_sum - total_number) <= settings.tolerance:
                    continue
                labels = {
                    lang: " + ".join(context.schema.breakdown_label(p, lang) for p in parts)
                    for lang in ("sq", "en")
                }
                yield total.finding(
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
        for (code, breakdown, year), value in context.numbers.items():
            if breakdown not in value.indicator.subgroups or value.indicator.type == "percentage":
                continue
            total = context.number(code, "total", year)
            number = value.observation.number
            if total is not None and number is not None and number > total:
                yield value.finding("subgroup-exceeds-total", number=number, total=total)


class RuleCheck:
    """Cross-indicator rules of the schema (SP01 <= SP03), for every shared breakdown and year."""

    codes = ("rule-violation",)

    def run(self, context: CheckContext) -> Iterator[Finding]:
        for rule in context.schema.rules:
            compare = _OPERATORS[rule.operator]
            for (code, breakdown, year), left in context.numbers.items():
                if code != rule.left:
                    continue
                right = context.numbers.get((rule.right, breakdown, year))
                if right is None:
                    continue
                left_number, right_number = left.observation.number, right.observation.number
                assert left_number is not None and right_number is not None
                if compare(left_number, right_number):
                    continue
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
        years = context.years
        for (code, breakdown, year), value in context.numbers.items():
            if breakdown != "total" or value.indicator.type not in settings.types:
                continue
            position = years.index(year)
            if position == 0:
                continue
            previous_year = years[position - 1]
            previous = context.number(code, "total", previous_year)
            current = value.observation.number
            if previous is None or current is None:
                continue
            if max(previous, current) < settings.min_value:
                continue
            base = previous if previous else current
            change = (current - previous) / base if base else 0.0
            if abs(change) > settings.threshold:
                yield value.finding(
                    "large-change",
                    change={lang: format_percent(change, lang) for lang in ("sq", "en")},
                    previous_year=str(previous_year),
                    previous=previous,
                    number=current,
                )
