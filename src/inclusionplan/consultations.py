"""The consultation log: one row per meeting with a community or group, checked like a
submission; it becomes the consultation annex and a summary in the methodology."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from inclusionplan.findings import Finding
from inclusionplan.reading import DEFAULT_LIMITS, Limits
from inclusionplan.reading.records import Cell, Record, open_record_table, record_finding
from inclusionplan.schema import Schema
from inclusionplan.values import ValueStatus, read_value

COLUMNS: Mapping[str, tuple[str, ...]] = {
    "date": ("Data", "Date"),
    "place": ("Vendi", "Place"),
    "group": ("Grupi", "Grupi i konsultuar", "Group", "Group consulted"),
    "organiser": ("Organizatori", "Organiser", "Organizer"),
    "female": ("Gra", "Femra", "Pjesëmarrës gra", "Women", "Female"),
    "male": ("Burra", "Meshkuj", "Pjesëmarrës burra", "Men", "Male"),
    "issues": ("Çështjet kryesore", "Çështjet e ngritura", "Main issues", "Issues raised"),
    "recommendations": ("Rekomandimet", "Recommendations"),
    "areas": ("Fushat", "Fushat e politikave", "Policy areas", "Areas"),
}
REQUIRED = ("date", "group")
_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")


@dataclass(slots=True)
class Meeting:
    row: int
    date: datetime.date | None
    place: str
    group: str
    organiser: str
    female: int
    male: int
    issues: str
    recommendations: str
    areas: tuple[str, ...]


@dataclass(slots=True)
class ConsultationLog:
    file: str
    sheet: str
    meetings: list[Meeting] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def parse_date(value: object) -> datetime.date | None:
    """A date cell, or ``24.11.2016`` / ``24/11/2016`` as Albanian offices type it."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    match = _DATE.fullmatch(str(value).strip())
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return datetime.date(year, month, day)
        except ValueError:
            return None
    return None


def read_consultation_log(
    path: Path, name: str, schema: Schema, limits: Limits = DEFAULT_LIMITS
) -> ConsultationLog:
    log = ConsultationLog(file=name, sheet="")
    table, log.findings = open_record_table(path, name, COLUMNS, REQUIRED, limits)
    if table is None:
        return log
    log.sheet = table.sheet

    def finding(kind: str, cell: Cell | None, record: Record, **params: object) -> None:
        log.findings.append(record_finding(name, log.sheet, kind, cell, record, **params))

    for record in table.records:
        date_cell = record.cells["date"]
        date = parse_date(date_cell.value)
        if date is None:
            if date_cell.text:
                finding("invalid-date", date_cell, record, text=date_cell.text)
            else:
                finding(
                    "missing-value",
                    date_cell,
                    record,
                    variant="column",
                    column_name=COLUMNS["date"][0],
                )
        if not record.text("group"):
            finding(
                "missing-value",
                record.cells["group"],
                record,
                variant="column",
                column_name=COLUMNS["group"][0],
            )
        counts = []
        for role in ("female", "male"):
            cell = record.cells.get(role)
            value = read_value(cell.value) if cell else None
            if cell is None or value is None or value.status is ValueStatus.EMPTY:
                counts.append(0)
            elif (
                value.status is not ValueStatus.NUMBER
                or value.number is None
                or (value.number < 0 or not value.number.is_integer())
            ):
                finding("not-a-number", cell, record, text=cell.text)
                counts.append(0)
            else:
                counts.append(int(value.number))
        areas = tuple(
            a.strip().upper() for a in re.split(r"[,;/ ]+", record.text("areas")) if a.strip()
        )
        for area in areas:
            if area not in schema.areas:
                finding(
                    "unknown-policy-area",
                    record.cells.get("areas"),
                    record,
                    area=area,
                    areas=", ".join(k for k in schema.areas if k != "CX"),
                )
        log.meetings.append(
            Meeting(
                record.row,
                date,
                record.text("place"),
                record.text("group"),
                record.text("organiser"),
                counts[0],
                counts[1],
                record.text("issues"),
                record.text("recommendations"),
                areas,
            )
        )
    return log
