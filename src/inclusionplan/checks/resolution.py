"""Resolution: the submissions' tables turned into the rows and series of a
``CheckContext``, row by row, not value by value.

The usual wide table (every code and breakdown known, no key twice, every value a number)
is resolved in passes over whole columns, in C; any other table row by row. A test holds
both ways to the same context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from math import isfinite
from operator import attrgetter, contains, is_not, itemgetter
from typing import cast

from inclusionplan.checks.context import (
    CheckContext,
    GatheredSeries,
    Place,
    Row,
    Series,
    SeriesKey,
    Unresolved,
)
from inclusionplan.observations import SheetTable
from inclusionplan.schema import Indicator
from inclusionplan.values import ValueStatus

_FLOAT = frozenset((float,))
_BREAKDOWNS = attrgetter("breakdowns")

_UNSEEN = "\x00"


@dataclass(slots=True)
class _Shape:
    """What a table's header says about every row of it, worked out once per table."""

    places: tuple[Place, ...]
    """Wide layout: the places of the expected years (a long row has its own)."""
    years: frozenset[int]
    unexpected: list[tuple[int, int]]
    """Wide layout: (column, year) of the years not expected, reported at the first row."""
    dense: Callable[[Sequence[object]], Sequence[object]] | None = None
    """When the table has every expected year once: a row's values in year order, in C
    (a slice, a list already, when the years are side by side in order)."""
    reach: int = 0

    def numbers(self, cells: list[Sequence[object]]) -> list[list[object]]:
        """Every row's values in year order, as lists (``dense`` must be set)."""
        assert self.dense is not None
        values = list(map(self.dense, cells))
        if values and not isinstance(values[0], list):
            return list(map(list, values))
        return cast("list[list[object]]", values)


@dataclass(slots=True)
class _Given:
    """One file's share of the context: the years and numbers it gives."""

    years: dict[str, dict[str, frozenset[int]]]
    numbers: dict[str, int]


class Resolver:
    """Resolves tables row by row into the context; its caches live for one build."""

    def __init__(self, context: CheckContext) -> None:
        self.context = context
        self.breakdowns: dict[str, str | None] = {}

    def resolve(self, table: SheetTable, file: str) -> None:
        if table.layout == "wide":
            self._resolve_wide(table, file)
        else:
            self._resolve_long(table, file)

    def _resolve_wide(self, table: SheetTable, file: str) -> None:
        """Every row of a wide table has the same places (the header's year columns). The
        usual table is resolved in passes over whole columns; any other, row by row."""
        shape = self._shape(table)
        if self._resolve_usual(table, file, shape):
            return
        context = self.context
        given = self._given(file)
        first_sheet = context.first_sheet.setdefault(file, {})
        for index, code in enumerate(table.codes):
            identity = self._identify(table, index, code, file)
            if identity is None:
                continue
            indicator, breakdown = identity
            if shape.unexpected:
                for column, year in shape.unexpected:
                    observation = table.observation(index, column, year)
                    context.unresolved.append(Unresolved("unexpected-year", observation, file))
                shape.unexpected = []
            if not shape.places:
                continue
            names = context.schema.breakdown_names.get(breakdown)
            row = Row(indicator, breakdown, table, index, file, names, shape.places)
            context.rows.append(row)
            if code not in first_sheet:
                first_sheet[code] = table.sheet
            self._fill(row, (code, breakdown), shape.years, given, shape)

    def _resolve_usual(self, table: SheetTable, file: str, shape: _Shape) -> bool:
        """The usual wide table in a few passes in C: every row's code and breakdown known,
        no key seen before, every expected year once and a number. False, with nothing
        changed, when any row is not so: the loop then takes the table row by row."""
        context = self.context
        codes, labels, cells = table.codes, table.breakdown_labels, table.cells
        dense = shape.dense
        if dense is None or shape.unexpected or not codes or min(map(len, cells)) <= shape.reach:
            return False
        indicators = list(map(context.schema.indicators.get, codes))
        if not all(map(is_not, indicators, repeat(None))):
            return False
        for label in set(labels).difference(self.breakdowns):
            self.breakdowns[label] = context.schema.breakdown_key(label)
        breakdowns = cast("list[str]", list(map(self.breakdowns.__getitem__, labels)))
        if not all(map(contains, map(_BREAKDOWNS, indicators), breakdowns)):
            return False
        numbers = cast("list[list[float]]", shape.numbers(cells))
        if not _FLOAT.issuperset(map(type, chain.from_iterable(numbers))):
            return False
        if not isfinite(sum(chain.from_iterable(numbers))):  # an inf or NaN (or a huge sum)
            return False
        names = map(context.schema.breakdown_names.get, breakdowns)
        rows = list(
            map(
                Row,
                indicators,
                breakdowns,
                repeat(table),
                range(len(codes)),
                repeat(file),
                names,
                repeat(shape.places),
                numbers,
            )
        )
        by_indicator: dict[str, dict[str, Series]] = {}
        of_indicator = by_indicator.setdefault
        for code, breakdown, row in zip(codes, breakdowns, rows, strict=True):
            of_indicator(code, {})[breakdown] = row  # every year a number: its own series
        if sum(map(len, by_indicator.values())) != len(codes):
            return False  # a key given twice
        codes_unseen = context.series.keys().isdisjoint(by_indicator)
        if not codes_unseen and not self._unseen(by_indicator):
            return False  # a key given before
        context.rows.extend(rows)
        given = self._given(file)
        first_sheet = context.first_sheet.setdefault(file, {})
        if codes_unseen:  # the usual case: nothing to merge with
            years, width = shape.years, len(shape.places)
            context.series.update(by_indicator)
            items = by_indicator.items()
            given.years.update({code: dict.fromkeys(of_code, years) for code, of_code in items})
            given.numbers.update({code: len(of_code) * width for code, of_code in items})
            first_sheet.update(dict.fromkeys(by_indicator, table.sheet))
            return True
        for code, of_code in by_indicator.items():
            known = context.series.get(code)
            if known is None:
                context.series[code] = of_code
            else:
                known.update(of_code)
            given_years = dict.fromkeys(of_code, shape.years)
            if given.years.setdefault(code, given_years) is not given_years:
                given.years[code].update(given_years)
            given.numbers[code] = given.numbers.get(code, 0) + len(of_code) * len(shape.places)
            first_sheet.setdefault(code, table.sheet)
        return True

    def _unseen(self, by_indicator: dict[str, dict[str, Series]]) -> bool:
        """Whether no indicator and breakdown of a table has a series already."""
        series = self.context.series
        return all(
            series[code].keys().isdisjoint(of_code)
            for code, of_code in by_indicator.items()
            if code in series
        )

    def _resolve_long(self, table: SheetTable, file: str) -> None:
        """A long table has a row per value: its year is the row's own."""
        context = self.context
        given = self._given(file)
        first_sheet = context.first_sheet.setdefault(file, {})
        column = table.value_column
        for index, code in enumerate(table.codes):
            identity = self._identify(table, index, code, file)
            if identity is None:
                continue
            indicator, breakdown = identity
            year = table.row_years[index]
            if year not in context.year_index:
                observation = table.observation(index, column, year)
                context.unresolved.append(Unresolved("unexpected-year", observation, file))
                continue
            places = ((column - table.first_column, column, year, context.year_index[year]),)
            names = context.schema.breakdown_names.get(breakdown)
            row = Row(indicator, breakdown, table, index, file, names, places)
            context.rows.append(row)
            if code not in first_sheet:
                first_sheet[code] = table.sheet
            self._fill(row, (code, breakdown), frozenset((year,)), given)

    def _given(self, file: str) -> _Given:
        context = self.context
        return _Given(
            context.years_given.setdefault(file, {}), context.numbers_given.setdefault(file, {})
        )

    def _shape(self, table: SheetTable) -> _Shape:
        year_index = self.context.year_index
        if table.layout != "wide":
            return _Shape(places=(), years=frozenset(), unexpected=[])
        columns = table.year_columns.items()
        places = tuple(
            (column - table.first_column, column, year, year_index[year])
            for column, year in columns
            if year in year_index
        )
        shape = _Shape(
            places=places,
            years=frozenset(place[2] for place in places),
            unexpected=[(column, year) for column, year in columns if year not in year_index],
        )
        if len(places) == len(year_index) > 1:
            positions = [place[0] for place in sorted(places, key=lambda place: place[3])]
            first, last = positions[0], positions[-1]
            side_by_side = positions == list(range(first, last + 1))
            shape.dense = (
                itemgetter(slice(first, last + 1)) if side_by_side else itemgetter(*positions)
            )
            shape.reach = max(positions)
        return shape

    def _identify(
        self, table: SheetTable, index: int, code: str, file: str
    ) -> tuple[Indicator, str] | None:
        """The indicator and breakdown of a row, or None (and why) when the schema does
        not know them."""
        indicator = self.context.schema.indicators.get(code)
        if indicator is None:
            self._unresolved(table, index, file, "unknown-indicator", "" if code else "no-code")
            return None
        label = table.breakdown_labels[index]
        breakdown = self.breakdowns.get(label, _UNSEEN)
        if breakdown == _UNSEEN:
            breakdown = self.breakdowns[label] = self.context.schema.breakdown_key(label)
        if breakdown is None:
            self._unresolved(table, index, file, "unknown-breakdown", "")
            return None
        if breakdown not in indicator.breakdowns:
            self._unresolved(
                table, index, file, "unknown-breakdown", "not-for-indicator", breakdown
            )
            return None
        return indicator, breakdown

    def _fill(
        self,
        row: Row,
        key: SeriesKey,
        years: frozenset[int],
        given: _Given,
        shape: _Shape | None = None,
    ) -> None:
        """Give the row's values to the series of its key: the first value of each year
        counts, a later one is a duplicate."""
        context = self.context
        years_given, numbers_given = given.years, given.numbers
        code, breakdown = key
        years_of_code = years_given.setdefault(code, {})
        cells = row.table.cells[row.index]
        series = context.series_at(*key)
        slots = len(context.years)
        if series is None:
            years_of_code[breakdown] = years
            if shape is not None and shape.dense is not None and len(cells) > shape.reach:
                values = cast("Sequence[float]", shape.dense(cells))
                # The common case: all numbers, none inf or NaN (calamine reads those too).
                if _FLOAT.issuperset(map(type, values)) and isfinite(sum(values)):
                    row.numbers = list(values)
                    context.series.setdefault(code, {})[breakdown] = row
                    numbers_given[code] = numbers_given.get(code, 0) + len(values)
                    return
            series = GatheredSeries([None] * slots, [None] * slots)
            context.series.setdefault(code, {})[breakdown] = series
        else:
            before = years_of_code.get(breakdown)
            years_of_code[breakdown] = years if before is None else before | years
        if isinstance(series, Row):  # a row gave every year already: these are duplicates
            for _, column, year, _ in row.places:
                first = series.value(series.table.column_of(year), year)
                context.duplicates.append((row.value(column, year), first))
            return
        first_rows, numbers = series.rows, series.numbers
        width = len(cells)
        given_numbers = 0
        for position, column, year, slot in row.places:
            first_row = first_rows[slot]
            if first_row is not None:
                first = first_row.value(first_row.table.column_of(year), year)
                context.duplicates.append((row.value(column, year), first))
                continue
            first_rows[slot] = row
            raw = cells[position] if position < width else ""
            if raw.__class__ is float and isfinite(raw):
                numbers[slot] = raw
                given_numbers += 1
                continue
            cell = row.table.read(row.index, column)
            if cell.status is ValueStatus.NUMBER:
                numbers[slot] = cell.number
                given_numbers += 1
        if given_numbers:
            numbers_given[code] = numbers_given.get(code, 0) + given_numbers

    def _unresolved(
        self,
        table: SheetTable,
        index: int,
        file: str,
        code: str,
        variant: str,
        breakdown: str | None = None,
    ) -> None:
        """One per row: the first value cell of the row stands for it."""
        column, year = table.entries(index)[0]
        self.context.unresolved.append(
            Unresolved(
                code, table.observation(index, column, year), file, variant or None, breakdown
            )
        )
