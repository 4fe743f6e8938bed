"""The merged data set of a plan: every value the institutions gave, by indicator,
breakdown and year, with who reported it and their own analysis of their sector.

Built after validation; with ``--allow-errors`` it holds values that failed a check too
(the document then says it is a draft).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from inclusionplan.checks.context import CheckContext
from inclusionplan.observations import SectorText
from inclusionplan.schema import Schema

Key = tuple[str, str, int]


@dataclass(frozen=True)
class InstitutionText:
    institution: str
    text: SectorText


@dataclass(frozen=True)
class Dataset:
    schema: Schema
    years: tuple[int, ...]
    values: Mapping[Key, float]
    texts: Sequence[InstitutionText]

    def value(self, code: str, breakdown: str, year: int) -> float | None:
        return self.values.get((code, breakdown, year))

    def series(self, code: str, breakdown: str = "total") -> list[float | None]:
        return [self.values.get((code, breakdown, year)) for year in self.years]

    def has_breakdown(self, code: str, breakdown: str) -> bool:
        return any((code, breakdown, year) in self.values for year in self.years)

    @classmethod
    def from_context(
        cls, context: CheckContext, reports: Sequence[InstitutionText] = ()
    ) -> Dataset:
        """The checked values, and the sector analyses: sheets of the submissions first,
        then the reports sent as files of their own."""
        values = dict(context.number_items())
        texts = [
            InstitutionText(context.institutions.get(s.name) or s.institution_label or s.name, t)
            for s in context.submissions
            for t in s.texts
        ]
        return cls(
            schema=context.schema, years=context.years, values=values, texts=[*texts, *reports]
        )
