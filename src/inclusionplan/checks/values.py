"""Checks on single values: is it there, is it a number, is it a number this indicator can take."""

from __future__ import annotations

from collections.abc import Iterator

from inclusionplan.checks.context import CheckContext, Value
from inclusionplan.findings import Finding, Severity
from inclusionplan.reading.tables import cell_text
from inclusionplan.values import ValueStatus


class ValueCheck:
    """Each value cell of a known indicator, breakdown and year, on its own."""

    codes = (
        "missing-value",
        "formula-without-value",
        "not-a-number",
        "interpreted-text",
        "not-a-whole-number",
        "negative-value",
        "out-of-range",
    )

    def run(self, context: CheckContext) -> Iterator[Finding]:
        for row in context.rows:
            whole = row.indicator.type != "percentage"
            numbers = row.numbers
            # The usual row, all numbers, decided in C: counts of zero or more, whole;
            # percentages between 0 and 100.
            if numbers and min(numbers) >= 0:
                if whole and all(map(float.is_integer, numbers)):
                    continue
                if not whole and max(numbers) <= 100:
                    continue
            cells = row.table.cells[row.index]
            width = len(cells)
            for position, column, year, _ in row.places:
                raw = cells[position] if position < width else ""
                # The common cases, decided without an object: a count of zero or more, a
                # percentage between 0 and 100.
                if raw.__class__ is float and (
                    (whole and raw >= 0 and raw.is_integer()) or (not whole and 0 <= raw <= 100)
                ):
                    continue
                yield from self._check(row.value(column, year))

    def _check(self, value: Value) -> Iterator[Finding]:
        observation = value.observation
        status = observation.status
        indicator = value.indicator
        if status is ValueStatus.NUMBER:
            number = observation.number
            assert number is not None
            if observation.interpreted:
                yield value.finding(
                    "interpreted-text", text=cell_text(observation.raw), number=number
                )
            if indicator.type == "percentage":
                if not 0 <= number <= 100:
                    yield value.finding("out-of-range", number=number, minimum=0, maximum=100)
                return
            if number < 0:
                yield value.finding("negative-value", number=number)
            elif not number.is_integer():
                yield value.finding(
                    "not-a-whole-number",
                    number=number,
                    unit={"sq": indicator.unit.sq, "en": indicator.unit.en},
                )
            return
        severity = Severity.WARNING if indicator.is_optional(value.breakdown) else None
        if status is ValueStatus.EMPTY:
            yield value.finding("missing-value", severity)
        elif status is ValueStatus.MARKER:
            yield value.finding(
                "missing-value", severity, variant="marker", text=cell_text(observation.raw)
            )
        elif status is ValueStatus.FORMULA:
            yield value.finding("formula-without-value")
        else:
            yield value.finding("not-a-number", text=cell_text(observation.raw))
