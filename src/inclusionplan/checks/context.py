"""What every check sees: the schema, the expected years, and the observations resolved
against the schema once (indicator and breakdown known, first occurrence of each key)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from inclusionplan.findings import Finding, Severity
from inclusionplan.observations import Observation, Submission
from inclusionplan.schema import Indicator, Names, Schema
from inclusionplan.values import ValueStatus

Key = tuple[str, str, int]


@dataclass(slots=True)
class Value:
    """An observation whose indicator, breakdown and year the schema knows."""

    indicator: Indicator
    breakdown: str
    observation: Observation
    file: str
    breakdown_names: Names | None = None
    key: Key = ("", "", 0)  # (indicator, breakdown, year), set once when resolved

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
    values: list[Value] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)
    first: dict[Key, Value] = field(default_factory=dict)
    duplicates: list[tuple[Value, Value]] = field(default_factory=list)
    numbers: dict[Key, Value] = field(default_factory=dict)

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
        context._resolve()
        return context

    def _resolve(self) -> None:
        indicators = self.schema.indicators
        expected_years = frozenset(self.years)
        breakdown_key = self.schema.breakdown_key
        for submission in self.submissions:
            file = submission.name
            for observation in submission.observations:
                indicator = indicators.get(observation.code)
                if indicator is None:
                    variant = None if observation.code else "no-code"
                    self.unresolved.append(
                        Unresolved("unknown-indicator", observation, file, variant)
                    )
                    continue
                breakdown = breakdown_key(observation.breakdown_label)
                if breakdown is None:
                    self.unresolved.append(Unresolved("unknown-breakdown", observation, file))
                    continue
                if breakdown not in indicator.breakdowns:
                    self.unresolved.append(
                        Unresolved(
                            "unknown-breakdown", observation, file, "not-for-indicator", breakdown
                        )
                    )
                    continue
                if observation.year not in expected_years:
                    self.unresolved.append(Unresolved("unexpected-year", observation, file))
                    continue
                key = (indicator.code, breakdown, observation.year)
                value = Value(
                    indicator,
                    breakdown,
                    observation,
                    file,
                    self.schema.breakdown_names.get(breakdown),
                    key,
                )
                self.values.append(value)
                first = self.first.get(key)
                if first is not None:
                    self.duplicates.append((value, first))
                    continue
                self.first[key] = value
                if observation.status is ValueStatus.NUMBER:
                    self.numbers[key] = value

    def number(self, code: str, breakdown: str, year: int) -> float | None:
        value = self.numbers.get((code, breakdown, year))
        return value.observation.number if value is not None else None


def _finding_value(raw: object) -> str | float | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, float | int):
        return float(raw)
    text = str(raw)
    return text if len(text) <= 200 else text[:199] + "…"
