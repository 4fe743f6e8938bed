"""The sector schema as the checks see it: indicators, breakdowns, institutions, rules.

Compiled from a plain mapping (the YAML document), with the look-ups checks need: a
breakdown label to its key, an institution name to its key. The file format and its
validation live in ``schemafile``; the built-in schema is trusted here (the test suite
validates it), so validating loose files never loads the file format's models.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from inclusionplan.labels import normalize_label

YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
VALUE_TYPES = ("count", "amount", "percentage")


@dataclass(frozen=True, slots=True)
class Names:
    """A thing's name in both languages of the plan."""

    en: str
    sq: str

    def get(self, lang: str) -> str:
        return self.sq if lang == "sq" else self.en

    def as_param(self) -> dict[str, str]:
        """As a message parameter: the catalogue picks the message's language."""
        return {"sq": self.sq, "en": self.en}


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    area: str
    names: Names
    unit: Names
    type: str
    institution: str
    partitions: tuple[tuple[str, tuple[str, ...]], ...]
    subgroups: tuple[str, ...]
    breakdowns: tuple[str, ...]
    """Every breakdown the indicator is collected for, total first."""
    optional: bool = False
    optional_breakdowns: frozenset[str] = frozenset()

    def is_optional(self, breakdown: str) -> bool:
        return self.optional or breakdown in self.optional_breakdowns


@dataclass(frozen=True, slots=True)
class Rule:
    left: str
    operator: str
    right: str


@dataclass(frozen=True, slots=True)
class LargeChange:
    threshold: float
    min_value: float
    types: frozenset[str]


@dataclass(frozen=True, slots=True)
class PartitionSum:
    types: frozenset[str]
    tolerance: float


@dataclass(frozen=True)
class Schema:
    """The compiled schema: read-only, with the look-ups checks need."""

    indicators: Mapping[str, Indicator]
    areas: Mapping[str, Names]
    breakdown_names: Mapping[str, Names]
    partition_names: Mapping[str, Names]
    institutions: Mapping[str, Names]
    rules: tuple[Rule, ...]
    large_change: LargeChange
    partition_sum: PartitionSum
    breakdown_labels: Mapping[str, str] = field(repr=False)
    institution_labels: Mapping[str, str] = field(repr=False)

    @cached_property
    def indicator_names(self) -> Mapping[str, str]:
        """An indicator's name as people write it, to its code; built on first use (only
        sheets with a name column need it, and a large schema has many names)."""
        names: dict[str, str] = {}
        for code, indicator in self.indicators.items():
            for name in (indicator.names.en, indicator.names.sq):
                names.setdefault(normalize_label(name), code)
        return names

    def breakdown_key(self, label: str) -> str | None:
        """The breakdown a label means (``'Femra'`` -> ``'female'``); blank means total."""
        if not label.strip():
            return "total"
        return self.breakdown_labels.get(normalize_label(label))

    def institution_key(self, name: str) -> str | None:
        return self.institution_labels.get(normalize_label(name))

    def breakdown_label(self, key: str, lang: str) -> str:
        names = self.breakdown_names.get(key)
        return names.get(lang) if names else key

    def institution_name(self, key: str, lang: str) -> str:
        names = self.institutions.get(key)
        return names.get(lang) if names else key

    def indicators_of(self, institution: str) -> list[Indicator]:
        return [i for i in self.indicators.values() if i.institution == institution]


def load_schema(path: Path | None = None) -> Schema:
    """The built-in schema, or a user schema file (merged onto it unless it says not to)."""
    if path is None:
        return builtin_schema()
    from inclusionplan.schemafile import read_schema_file

    return compile_schema(read_schema_file(path))


@cache
def builtin_schema() -> Schema:
    return compile_schema(builtin_schema_data())


@cache
def builtin_schema_data() -> Mapping[str, Any]:
    data: Mapping[str, Any] = yaml.load(builtin_schema_text(), Loader=YAML_LOADER)
    return data


def builtin_schema_text() -> str:
    # Beside this module, not through importlib.resources: importing that (and tempfile,
    # random, hashlib behind it) costs more than loading the schema.
    return (Path(__file__).parent / "data" / "schema.yaml").read_text("utf-8")


def _names(item: Mapping[str, Any]) -> Names:
    return Names(en=str(item["en"]), sq=str(item["sq"]))


def compile_schema(data: Mapping[str, Any]) -> Schema:
    """The checks' view of a schema document that is already known to be valid."""
    breakdowns: Mapping[str, Any] = data.get("breakdowns", {})
    partitions: Mapping[str, Any] = data.get("partitions", {})
    institutions: Mapping[str, Any] = data.get("institutions", {})
    units: Mapping[str, Any] = data.get("units", {})
    labels: dict[str, str] = {}
    for key, item in breakdowns.items():
        for label in (key, item["en"], item["sq"], *item.get("aliases", ())):
            labels.setdefault(normalize_label(str(label)), key)
    institution_labels: dict[str, str] = {}
    for key, item in institutions.items():
        for label in (key, item["en"], item["sq"]):
            institution_labels.setdefault(normalize_label(str(label)), key)
    indicators: dict[str, Indicator] = {}
    unit_names = {key: _names(item) for key, item in units.items()}
    # Indicators share their partition and subgroup lists: build each combination once.
    shapes: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[Any, ...]] = {}
    for spec in data.get("indicators", ()):
        code = spec["code"]
        shape_key = (tuple(spec.get("partitions", ())), tuple(spec.get("subgroups", ())))
        shape = shapes.get(shape_key)
        if shape is None:
            partitions_of = tuple((name, tuple(partitions[name]["parts"])) for name in shape_key[0])
            parts = tuple(part for _, members in partitions_of for part in members)
            shape = (partitions_of, shape_key[1], ("total", *parts, *shape_key[1]))
            shapes[shape_key] = shape
        indicators[code] = Indicator(
            code=code,
            area=spec["area"],
            names=_names(spec),
            unit=unit_names[spec["unit"]],
            type=spec["type"],
            institution=spec["institution"],
            partitions=shape[0],
            subgroups=shape[1],
            breakdowns=shape[2],
            optional=bool(spec.get("optional", False)),
            optional_breakdowns=frozenset(spec.get("optional_breakdowns", ())),
        )
    checks: Mapping[str, Any] = data.get("checks", {})
    large_change = checks.get("large_change", {})
    partition_sum = checks.get("partition_sum", {})
    return Schema(
        indicators=indicators,
        areas={area["key"]: _names(area) for area in data.get("areas", ())},
        breakdown_names={key: _names(item) for key, item in breakdowns.items()},
        partition_names={key: _names(item) for key, item in partitions.items()},
        institutions={key: _names(item) for key, item in institutions.items()},
        rules=tuple(
            Rule(rule["left"], rule["operator"], rule["right"]) for rule in data.get("rules", ())
        ),
        large_change=LargeChange(
            threshold=float(large_change.get("threshold", 0.5)),
            min_value=float(large_change.get("min_value", 20)),
            types=frozenset(large_change.get("types", ("count", "amount"))),
        ),
        partition_sum=PartitionSum(
            types=frozenset(partition_sum.get("types", ("count", "amount"))),
            tolerance=float(partition_sum.get("tolerance", 0)),
        ),
        breakdown_labels=labels,
        institution_labels=institution_labels,
    )
