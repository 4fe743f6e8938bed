"""What every check sees: the schema, the expected years, and the submissions' rows
resolved against the schema once (``resolution``).

A row whose code and breakdown the schema knows is a ``Row``. Each indicator and
breakdown has a series: for every expected year, the row its first value is in and that
value when it is a number. Usually one row gives every year as a number, and that row is
the series; otherwise a ``GatheredSeries`` is put together from the rows. Values become
objects (``Value``) only when a check reports one, so a 200,000-row sheet is checked
without an object per cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from math import isfinite

from inclusionplan.findings import Finding, Severity
from inclusionplan.observations import Observation, SheetTable, Submission
from inclusionplan.schema import Indicator, Names, Schema

Key = tuple[str, str, int]
SeriesKey = tuple[str, str]
Place = tuple[int, int, int, int]
"""Where a row's value is: (position in the row list, sheet column, year, year's slot)."""


@dataclass(slots=True)
class Value:
    """An observation whose indicator, breakdown and year the schema knows."""

    indicator: Indicator
    breakdown: str
    observation: Observation
    file: str
    breakdown_names: Names | None = None
    key: Key = ("", "", 0)  # (indicator, breakdown, year)

    def finding(self, code: str, severity: Severity | None = None, **params: object) -> Finding:
        from inclusionplan.catalogue import FINDING_TYPES_BY_CODE

        observation = self.observation
        if self.breakdown_names is not None:
            params = {"breakdown": self.breakdown_names.as_param(), **params}
        return Finding(
            code=code,
            severity=severity or FINDING_TYPES_BY_CODE[code].severity,
            file=self.file,
            sheet=observation.sheet,
            row=observation.row,
            column=observation.column,
            indicator=self.indicator.code,
            breakdown=self.breakdown,
            year=observation.year,
            value=_finding_value(observation.raw),
            params=params,
        )


@dataclass(slots=True)
class Row:
    """A data row whose indicator and breakdown the schema knows, with the places of its
    values for the expected years."""

    indicator: Indicator
    breakdown: str
    table: SheetTable
    index: int
    file: str
    breakdown_names: Names | None
    places: Sequence[Place]
    numbers: list[float] = field(default_factory=list)
    """Its values in year order when every expected year is a number (the usual row of a
    wide table), else empty. Such a row is its key's series."""

    def row(self, index: int) -> Row:
        """As its key's series: the row of every year's value."""
        return self

    def value(self, column: int, year: int) -> Value:
        return Value(
            self.indicator,
            self.breakdown,
            self.table.observation(self.index, column, year),
            self.file,
            self.breakdown_names,
            (self.indicator.code, self.breakdown, year),
        )

    def values(self) -> Iterator[Value]:
        for _, column, year, _ in self.places:
            yield self.value(column, year)


@dataclass(slots=True)
class GatheredSeries:
    """One indicator and breakdown over the expected years, when no single row gives every
    year as a number: per year, the row that gives its first value, and that value when
    it is a number."""

    rows: list[Row | None]
    numbers: list[float | None]

    def row(self, index: int) -> Row | None:
        return self.rows[index]


Series = Row | GatheredSeries
"""One indicator and breakdown over the expected years: what the checks compare."""
Numbers = list[float] | list[float | None]
"""A series' numbers, per expected year."""


@dataclass(slots=True)
class Unresolved:
    """An observation the schema cannot place, and why (a finding code and variant)."""

    code: str
    observation: Observation
    file: str
    variant: str | None = None
    breakdown: str | None = None


@dataclass
class CheckContext:
    schema: Schema
    years: tuple[int, ...]
    submissions: Sequence[Submission]
    institutions: Mapping[str, str | None] = field(default_factory=dict)
    plan_mode: bool = False
    rows: list[Row] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)
    series: dict[str, dict[str, Series]] = field(default_factory=dict)
    """Per indicator code, per breakdown: the checks compare an indicator's series. A row
    that gives every year is its own series, not copied into another object: a
    200,000-row sheet would make 200,000 more."""
    duplicates: list[tuple[Value, Value]] = field(default_factory=list)
    years_given: dict[str, dict[str, dict[str, frozenset[int]]]] = field(default_factory=dict)
    """Per file, per indicator code, per breakdown: the years it has a value cell for."""
    first_sheet: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per file: the sheet each indicator is first found on."""
    numbers_given: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per file: how many first values of each indicator are numbers."""
    year_index: dict[int, int] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        schema: Schema,
        years: Iterable[int],
        submissions: Sequence[Submission],
        institutions: Mapping[str, str | None] | None = None,
        plan_mode: bool = False,
    ) -> CheckContext:
        context = cls(
            schema=schema,
            years=tuple(sorted(set(years))),
            submissions=submissions,
            institutions=dict(institutions or {}),
            plan_mode=plan_mode,
        )
        context.year_index = {year: index for index, year in enumerate(context.years)}
        from inclusionplan.checks.resolution import Resolver

        resolver = Resolver(context)
        for submission in submissions:
            for table in submission.tables:
                resolver.resolve(table, submission.name)
        return context

    def series_at(self, code: str, breakdown: str) -> Series | None:
        of_indicator = self.series.get(code)
        return None if of_indicator is None else of_indicator.get(breakdown)

    def number(self, code: str, breakdown: str, year: int) -> float | None:
        series = self.series_at(code, breakdown)
        index = self.year_index.get(year)
        if series is None or index is None:
            return None
        return series.numbers[index]

    def value_at(self, code: str, breakdown: str, year: int) -> Value | None:
        """The first value given for a key, as an object a finding can point at."""
        series = self.series_at(code, breakdown)
        index = self.year_index.get(year)
        if series is None or index is None:
            return None
        row = series.row(index)
        return None if row is None else row.value(row.table.column_of(year), year)

    def number_items(self) -> Iterator[tuple[Key, float]]:
        """Every key whose first value is a number, with that number."""
        years = self.years
        for code, of_indicator in self.series.items():
            for breakdown, series in of_indicator.items():
                for year, number in zip(years, series.numbers, strict=True):
                    if number is not None:
                        yield (code, breakdown, year), number


def _finding_value(raw: object) -> str | float | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, float | int) and isfinite(raw):
        return float(raw)
    text = str(raw)
    return text if len(text) <= 200 else text[:199] + "…"
