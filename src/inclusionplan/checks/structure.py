"""Checks on what a submission is about: known codes, breakdowns and years; each value
once; nothing the institution is expected to report left out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from difflib import SequenceMatcher
from itertools import chain, repeat
from operator import attrgetter

from inclusionplan.checks.context import CheckContext, Unresolved
from inclusionplan.findings import Finding, Severity, cell_name
from inclusionplan.labels import normalize_label
from inclusionplan.observations import Submission

_NO_YEARS: frozenset[int] = frozenset()
_NO_BREAKDOWNS: dict[str, frozenset[int]] = {}
_BREAKDOWNS = attrgetter("breakdowns")

NAME_SIMILARITY = 0.6


class IdentityCheck:
    """Codes, breakdown labels and years the schema and the plan do not know."""

    codes = ("unknown-indicator", "unknown-breakdown", "unexpected-year")

    def run(self, context: CheckContext) -> Iterator[Finding]:
        reported: set[tuple[object, ...]] = set()
        for item in context.unresolved:
            observation = item.observation
            # One finding per row (codes, breakdowns) or per column (years), not per cell.
            if item.code == "unexpected-year":
                scope: tuple[object, ...] = (item.file, observation.sheet, observation.year)
            else:
                scope = (item.file, observation.sheet, observation.row)
            if scope in reported:
                continue
            reported.add(scope)
            yield _unresolved_finding(item, context)


def _unresolved_finding(item: Unresolved, context: CheckContext) -> Finding:
    observation = item.observation
    params: dict[str, object] = {}
    column = observation.column
    if item.variant:
        params["variant"] = item.variant
    if item.code == "unknown-indicator":
        params["code"] = observation.code
    elif item.code == "unknown-breakdown":
        params["label"] = observation.breakdown_label
        indicator = context.schema.indicators[observation.code]
        params["allowed"] = {
            lang: ", ".join(context.schema.breakdown_label(b, lang) for b in indicator.breakdowns)
            for lang in ("sq", "en")
        }
    else:
        params["years"] = _year_span(context.years)
    return Finding(
        code=item.code,
        severity=Severity.ERROR,
        file=item.file,
        sheet=observation.sheet,
        row=observation.row,
        column=column,
        indicator=observation.code or None,
        breakdown=item.breakdown or (observation.breakdown_label or None),
        year=observation.year,
        params=params,
    )


def _year_span(years: tuple[int, ...]) -> str:
    if not years:
        return "-"
    if list(years) == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


class NameCheck:
    """A name beside the code that does not resemble the indicator's: the code may be wrong."""

    codes = ("name-mismatch",)

    def run(self, context: CheckContext) -> Iterator[Finding]:
        resembling: dict[tuple[str, str], bool] = {}
        for row in context.rows:
            name = row.table.names[row.index]
            if not name:
                continue
            indicator = row.indicator
            answer = resembling.get((name, indicator.code))
            if answer is None:
                normalized = normalize_label(name)
                answer = context.schema.indicator_names.get(
                    normalized
                ) == indicator.code or _resembles(
                    normalized, indicator.names.sq, indicator.names.en
                )
                resembling[(name, indicator.code)] = answer
            if answer:
                continue
            value = next(row.values())
            finding = value.finding("name-mismatch", name=name, expected=indicator.names.as_param())
            yield replace(finding, column=row.table.name_column, year=None, value=name)


def _resembles(written: str, *names: str) -> bool:
    for name in names:
        target = normalize_label(name)
        if written in target or target in written:
            return True
        if SequenceMatcher(None, written, target).ratio() >= NAME_SIMILARITY:
            return True
    return False


class DuplicateCheck:
    """The same indicator, breakdown and year given twice."""

    codes = ("duplicate-value",)

    def run(self, context: CheckContext) -> Iterator[Finding]:
        for value, first in context.duplicates:
            place = first.observation
            where = f"{place.sheet}!{cell_name(place.row, place.column)}"
            if first.file != value.file:
                where = f"{first.file} {where}"
            yield value.finding("duplicate-value", first=where)


class CompletenessCheck:
    """Years, rows and indicators that should be there and are not."""

    codes = ("missing-year", "missing-value", "missing-indicator")

    def run(self, context: CheckContext) -> Iterator[Finding]:
        for submission in context.submissions:
            if not submission.readable:
                continue
            yield from self._years(submission, context)
            yield from self._rows(submission, context)
        if context.plan_mode:
            yield from self._indicators(context)

    def _years(self, submission: Submission, context: CheckContext) -> Iterator[Finding]:
        if not submission.tables:
            return
        present = set().union(*(table.years for table in submission.tables))
        for year in context.years:
            if year not in present:
                yield Finding(
                    "missing-year",
                    Severity.ERROR,
                    submission.name,
                    sheet=submission.tables[0].sheet,
                    row=submission.tables[0].header_row,
                    year=year,
                )

    def _rows(self, submission: Submission, context: CheckContext) -> Iterator[Finding]:
        file = submission.name
        present_years = set().union(*(table.years for table in submission.tables))
        wanted = frozenset(year for year in context.years if year in present_years)
        given = context.years_given.get(file, {})
        first_sheet = context.first_sheet.get(file, {})
        indicators = context.schema.indicators
        if _all_complete(first_sheet, given, context, wanted):
            return
        incomplete = []
        for code in first_sheet:
            of_code = given.get(code, {})
            breakdowns = indicators[code].breakdowns
            # The usual indicator, decided in C: every breakdown has every year.
            if not all(map(wanted.issubset, map(of_code.get, breakdowns, repeat(_NO_YEARS)))):
                incomplete.append(code)
        for code in sorted(incomplete):
            indicator = indicators[code]
            of_code = given.get(code, {})
            sheet = first_sheet[code]
            for breakdown in indicator.breakdowns:
                years = of_code.get(breakdown)
                if years is not None and wanted <= years:
                    continue
                severity = Severity.WARNING if indicator.is_optional(breakdown) else Severity.ERROR
                label = context.schema.breakdown_names[breakdown].as_param()
                if years is None:
                    yield Finding(
                        "missing-value",
                        severity,
                        file,
                        sheet=sheet,
                        indicator=code,
                        breakdown=breakdown,
                        params={"variant": "row", "breakdown": label},
                    )
                    continue
                for year in context.years:
                    if year in wanted and year not in years:
                        yield Finding(
                            "missing-value",
                            severity,
                            file,
                            sheet=sheet,
                            indicator=code,
                            breakdown=breakdown,
                            year=year,
                            params={"breakdown": label},
                        )

    def _indicators(self, context: CheckContext) -> Iterator[Finding]:
        files_of: dict[str, list[Submission]] = defaultdict(list)
        for submission in context.submissions:
            institution = context.institutions.get(submission.name)
            if institution and submission.readable:
                files_of[institution].append(submission)
        for institution, submissions in sorted(files_of.items()):
            reported = {code for s in submissions for code in context.first_sheet.get(s.name, {})}
            for indicator in context.schema.indicators_of(institution):
                if indicator.code in reported:
                    continue
                names = context.schema.institutions.get(institution)
                yield Finding(
                    "missing-indicator",
                    Severity.ERROR,
                    submissions[0].name,
                    indicator=indicator.code,
                    params={
                        "institution": names.as_param() if names else institution,
                        "indicator_name": indicator.names.as_param(),
                    },
                )


def _all_complete(
    codes: Iterable[str],
    given: dict[str, dict[str, frozenset[int]]],
    context: CheckContext,
    wanted: frozenset[int],
) -> bool:
    """Whether every indicator of ``codes`` has every breakdown with every wanted year, in
    a few passes in C: as many breakdowns given as it has (resolution gives only an
    indicator's own), each with a set of years that holds ``wanted``. False says only
    that some indicator may not."""
    codes = list(codes)
    of_codes = list(map(given.get, codes, repeat(_NO_BREAKDOWNS)))
    indicators = map(context.schema.indicators.__getitem__, codes)
    if list(map(len, of_codes)) != list(map(len, map(_BREAKDOWNS, indicators))):
        return False
    year_sets: set[frozenset[int]] = set(chain.from_iterable(map(dict.values, of_codes)))
    return all(map(wanted.issubset, year_sets))
