"""A plan folder's configuration (``plan.yaml``): who the plan is for, which years it
collects, and which file comes from which institution. Paths are relative to the folder."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from msgspec import Meta, Struct, field

from inclusionplan.errors import PlanConfigError
from inclusionplan.years import parse_years

_Text = Annotated[str, Meta(min_length=1)]
_Share = Annotated[float, Meta(gt=0, le=1)]


class _Model(Struct, frozen=True, forbid_unknown_fields=True):
    """A part of ``plan.yaml``: unknown keys are refused (a mistyped key is not ignored)."""


class Bilingual(_Model, frozen=True, kw_only=True):
    sq: _Text
    en: _Text

    def get(self, lang: str) -> str:
        return self.sq if lang == "sq" else self.en


class SubmissionEntry(_Model, frozen=True, kw_only=True):
    institution: Annotated[str, Meta(description="Institution key of the schema")]
    file: Annotated[str, Meta(description="Path of the submission, relative to the plan folder")]


class SectorReportEntry(_Model, frozen=True, kw_only=True):
    """An institution's analysis of its sector sent as its own file (.docx, .txt or .md)
    rather than as a sheet of its submission."""

    institution: Annotated[str, Meta(description="Institution key of the schema")]
    file: Annotated[str, Meta(description="Path of the report, relative to the plan folder")]


class MonitoringConfig(_Model, frozen=True, kw_only=True):
    """Where the yearly monitoring data live and how progress is judged (docs/monitoring.md)."""

    folder: Annotated[str, Meta(description="Holds one folder per year")] = "monitoring"
    on_track: Annotated[_Share, Meta(description="Share of expected progress")] = 0.9
    at_risk: Annotated[_Share, Meta(description="Share of expected progress")] = 0.5


class PlanConfig(_Model, frozen=True, kw_only=True):
    municipality: Bilingual
    title: Bilingual
    period: Annotated[str, Meta(description="Plan period, e.g. 2016-2020")]
    data_years: Annotated[str, Meta(description="Years the institutions report, e.g. 2012-2016")]
    baseline_year: int
    language: Literal["sq", "en"] = "sq"
    issue_date: datetime.date
    deadline: datetime.date | None = None
    schema_file: str | None = field(default=None, name="schema")
    submissions: tuple[SubmissionEntry, ...] = ()
    sector_reports: tuple[SectorReportEntry, ...] = ()
    action_matrix: str | None = None
    consultations: str | None = None
    monitoring: MonitoringConfig = field(default_factory=MonitoringConfig)


@dataclass(frozen=True)
class Plan:
    """A loaded plan folder."""

    folder: Path
    config: PlanConfig

    @property
    def years(self) -> tuple[int, ...]:
        return parse_years(self.config.data_years)

    @property
    def schema_path(self) -> Path | None:
        name = self.config.schema_file
        if name in (None, "", "builtin"):
            return None
        return self.folder / str(name)


def load_plan(folder: Path) -> Plan:
    from inclusionplan.yamldoc import validate_yaml, yaml_place

    config_path = folder / "plan.yaml"
    try:
        text = config_path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PlanConfigError("plan-not-found", path=str(folder)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PlanConfigError(
            path=str(config_path),
            place="-",
            problem={"code": "problem-unreadable", "detail": str(error)},
        ) from None
    config = validate_yaml(text, config_path.as_posix(), PlanConfig, PlanConfigError)
    for name in ("period", "data_years"):
        years_text = getattr(config, name)
        try:
            parse_years(years_text)
        except Exception:
            raise PlanConfigError(
                path=config_path.as_posix(),
                place=yaml_place(text, (name,)),
                problem={"code": "problem-year-range", "text": years_text},
            ) from None
    if config.baseline_year not in parse_years(config.data_years):
        raise PlanConfigError(
            path=config_path.as_posix(),
            place=yaml_place(text, ("baseline_year",)),
            problem={
                "code": "problem-baseline-year",
                "year": config.baseline_year,
                "years": config.data_years,
            },
        )
    return Plan(folder=folder, config=config)
