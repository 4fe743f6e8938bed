"""The action matrix: the team's workbook of measures, checked like a submission, and the
budget it adds up to.

One row per measure: policy area, strategic and specific objective, the measure, who is
responsible, years, cost, funding source, an indicator with its baseline and target.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from inclusionplan.findings import Finding
from inclusionplan.labels import normalize_label
from inclusionplan.reading import DEFAULT_LIMITS, Limits
from inclusionplan.reading.records import Cell, Record, open_record_table, record_finding
from inclusionplan.reading.tables import indicator_code, parse_year
from inclusionplan.schema import Names, Schema
from inclusionplan.values import ValueStatus, read_value

COLUMNS: Mapping[str, tuple[str, ...]] = {
    "area": ("Fusha", "Fusha e politikës", "Policy area", "Area"),
    "strategic_objective": ("Objektivi strategjik", "Strategic objective"),
    "specific_objective": ("Objektivi specifik", "Specific objective"),
    "measure": ("Masa", "Masa / aktiviteti", "Aktiviteti", "Measure", "Measure / activity"),
    "responsible": ("Përgjegjës", "Institucioni përgjegjës", "Responsible"),
    "partners": ("Partnerë", "Partnerët", "Partners"),
    "start": ("Fillimi", "Viti i fillimit", "Start", "Start year"),
    "end": ("Mbarimi", "Viti i përfundimit", "End", "End year"),
    "cost": ("Kosto", "Kosto (lekë)", "Cost", "Cost (ALL)"),
    "funding": ("Burimi i financimit", "Financimi", "Funding source", "Funding"),
    "indicator": ("Treguesi", "Indicator"),
    "baseline": ("Vlera bazë", "Baseline"),
    "baseline_year": ("Viti bazë", "Baseline year"),
    "target": ("Synimi", "Vlera e synuar", "Target"),
    "target_year": ("Viti i synimit", "Target year"),
    "target_group": ("Grupi i synuar", "Target group"),
    "programme": ("Programi buxhetor", "Budget programme"),
}
REQUIRED = (
    "area",
    "strategic_objective",
    "measure",
    "responsible",
    "start",
    "end",
    "cost",
    "funding",
)

FUNDING_SOURCES: Mapping[str, Names] = {
    "municipal": Names(en="Municipal budget", sq="Buxheti i bashkisë"),
    "central_grant": Names(en="Conditional central grant", sq="Grant i kushtëzuar qendror"),
    "social_fund": Names(en="Social Fund", sq="Fondi Social"),
    "donor": Names(en="Donor", sq="Donator"),
}
_FUNDING_LABELS = {
    normalize_label(label): key
    for key, names in FUNDING_SOURCES.items()
    for label in (key, names.en, names.sq)
} | {
    normalize_label(a): k
    for a, k in (
        ("Buxheti i Bashkisë", "municipal"),
        ("Donatorë", "donor"),
        ("Grant qendror", "central_grant"),
    )
}


@dataclass(slots=True)
class Measure:
    row: int
    area: str
    strategic_objective: str
    specific_objective: str
    name: str
    responsible: str
    partners: str
    start: int | None
    end: int | None
    cost: float | None
    funding: str
    indicator: str | None
    indicator_text: str
    baseline: float | None
    baseline_year: int | None
    target: float | None
    target_year: int | None
    target_group: str
    programme: str


@dataclass(slots=True)
class ActionMatrix:
    file: str
    sheet: str
    measures: list[Measure] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def budget(self, years: range) -> dict[tuple[str, str, int], float]:
        """Cost by (area, funding source, year), each measure's cost spread evenly over
        its years within ``years``."""
        totals: dict[tuple[str, str, int], float] = defaultdict(float)
        for measure in self.measures:
            if measure.cost is None or measure.start is None or measure.end is None:
                continue
            span = [y for y in range(measure.start, measure.end + 1) if y in years]
            for year in span:
                totals[(measure.area, measure.funding, year)] += measure.cost / len(span)
        return dict(totals)


def read_action_matrix(
    path: Path, name: str, schema: Schema, limits: Limits = DEFAULT_LIMITS
) -> ActionMatrix:
    """The measures of an action-matrix workbook and the findings about them."""
    matrix = ActionMatrix(file=name, sheet="")
    table, matrix.findings = open_record_table(path, name, COLUMNS, REQUIRED, limits)
    if table is None:
        return matrix
    matrix.sheet = table.sheet
    checker = _Checker(matrix, schema)
    for record in table.records:
        measure = checker.measure(record)
        if measure is not None:
            matrix.measures.append(measure)
    return matrix


class _Checker:
    def __init__(self, matrix: ActionMatrix, schema: Schema) -> None:
        self.matrix, self.schema = matrix, schema

    def finding(self, kind: str, cell: Cell | None, record: Record, **params: object) -> None:
        """A finding of code ``kind`` (``code`` may be a message parameter)."""
        self.matrix.findings.append(
            record_finding(self.matrix.file, self.matrix.sheet, kind, cell, record, **params)
        )

    def required(self, record: Record, role: str) -> str:
        text = record.text(role)
        if not text:
            self.finding(
                "missing-value",
                record.cells.get(role),
                record,
                variant="column",
                column_name=COLUMNS[role][0],
            )
        return text

    def number(self, record: Record, role: str) -> float | None:
        cell = record.cells.get(role)
        if cell is None or not cell.text:
            return None
        value = read_value(cell.value)
        if value.status is not ValueStatus.NUMBER or value.number is None:
            self.finding("not-a-number", cell, record, text=cell.text)
            return None
        return value.number

    def year(self, record: Record, role: str) -> int | None:
        cell = record.cells.get(role)
        if cell is None or not cell.text:
            return None
        year = parse_year(cell.value)
        if year is None:
            self.finding("unexpected-year", cell, record, variant="not-a-year", text=cell.text)
        return year

    def measure(self, record: Record) -> Measure | None:
        objective = record.text("specific_objective") or record.text("strategic_objective")
        if not record.text("measure"):
            if objective:
                self.finding(
                    "objective-without-measure",
                    record.cells.get("measure"),
                    record,
                    objective=objective,
                )
            return None
        area = self.required(record, "area").upper()
        if area and area not in self.schema.areas:
            self.finding(
                "unknown-policy-area",
                record.cells.get("area"),
                record,
                area=area,
                areas=", ".join(k for k in self.schema.areas if k != "CX"),
            )
        for role in ("strategic_objective", "responsible"):
            self.required(record, role)
        start, end = self.year(record, "start"), self.year(record, "end")
        if start is None and record.text("start") == "":
            self.required(record, "start")
        if end is None and record.text("end") == "":
            self.required(record, "end")
        if start is not None and end is not None and end < start:
            self.finding(
                "end-before-start", record.cells.get("end"), record, start=str(start), end=str(end)
            )
        cost = self.number(record, "cost")
        if cost is None and not record.text("cost"):
            self.required(record, "cost")
        funding_text = self.required(record, "funding")
        funding = _FUNDING_LABELS.get(normalize_label(funding_text), funding_text)
        if funding_text and funding not in FUNDING_SOURCES:
            self.finding(
                "unknown-funding-source",
                record.cells.get("funding"),
                record,
                text=funding_text,
                known={
                    lang: ", ".join(n.get(lang) for n in FUNDING_SOURCES.values())
                    for lang in ("sq", "en")
                },
            )
        indicator_text = record.text("indicator")
        code = indicator_code(indicator_text) if indicator_text else None
        if code is not None and code not in self.schema.indicators:
            self.finding("unknown-indicator", record.cells.get("indicator"), record, code=code)
            code = None
        return Measure(
            row=record.row,
            area=area,
            strategic_objective=record.text("strategic_objective"),
            specific_objective=record.text("specific_objective"),
            name=record.text("measure"),
            responsible=record.text("responsible"),
            partners=record.text("partners"),
            start=start,
            end=end,
            cost=cost,
            funding=funding,
            indicator=code,
            indicator_text=indicator_text,
            baseline=self.number(record, "baseline"),
            baseline_year=self.year(record, "baseline_year"),
            target=self.number(record, "target"),
            target_year=self.year(record, "target_year"),
            target_group=record.text("target_group"),
            programme=record.text("programme"),
        )
