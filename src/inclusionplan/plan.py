"""A plan folder's configuration (``plan.yaml``): who the plan is for, which years it
collects, and which file comes from which institution. Paths are relative to the folder."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from inclusionplan.errors import PlanConfigError
from inclusionplan.years import parse_years


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bilingual(_Model):
    sq: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.sq if lang == "sq" else self.en


class SubmissionEntry(_Model):
    institution: str = Field(description="Institution key of the schema")
    file: str = Field(description="Path of the submission, relative to the plan folder")


class SectorReportEntry(_Model):
    """An institution's analysis of its sector sent as its own file (.docx, .txt or .md)
    rather than as a sheet of its submission."""

    institution: str = Field(description="Institution key of the schema")
    file: str = Field(description="Path of the report, relative to the plan folder")


class MonitoringConfig(_Model):
    """Where the yearly monitoring data live and how progress is judged (docs/monitoring.md)."""

    folder: str = Field(default="monitoring", description="Holds one folder per year")
    on_track: float = Field(default=0.9, gt=0, le=1, description="Share of expected progress")
    at_risk: float = Field(default=0.5, gt=0, le=1, description="Share of expected progress")


class PlanConfig(_Model):
    municipality: Bilingual
    title: Bilingual
    period: str = Field(description="Plan period, e.g. 2016-2020")
    data_years: str = Field(description="Years the institutions report, e.g. 2012-2016")
    baseline_year: int
    language: str = Field(default="sq", pattern="^(sq|en)$")
    issue_date: datetime.date
    deadline: datetime.date | None = None
    schema_file: str | None = Field(default=None, alias="schema")
    submissions: tuple[SubmissionEntry, ...] = ()
    sector_reports: tuple[SectorReportEntry, ...] = ()
    action_matrix: str | None = None
    consultations: str | None = None
    monitoring: MonitoringConfig = MonitoringConfig()

    @field_validator("data_years", "period", mode="before")
    @classmethod
    def _years_text(cls, value: object) -> str:
        text = str(value)
        try:
            parse_years(text)
        except Exception:
            raise ValueError(f"'{text}' is not a year range such as 2012-2016") from None
        return text


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
    from inclusionplan.yamldoc import validate_yaml

    config_path = folder / "plan.yaml"
    try:
        text = config_path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PlanConfigError("plan-not-found", path=str(folder)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PlanConfigError(path=str(config_path), place="-", problem=str(error)) from None
    config = validate_yaml(text, config_path.as_posix(), PlanConfig, PlanConfigError)
    if config.baseline_year not in parse_years(config.data_years):
        raise PlanConfigError(
            path=config_path.as_posix(),
            place="baseline_year",
            problem=f"{config.baseline_year} is not one of the data years {config.data_years}",
        )
    return Plan(folder=folder, config=config)
