"""The schema file format (YAML or JSON), validated by msgspec with the place of every problem.

Only user schema files and exports need this module: the built-in schema is checked by
the test suite and compiled without it, which keeps ``validate`` start-up fast.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
from msgspec import UNSET, Meta, Struct, UnsetType, field

from inclusionplan import labels
from inclusionplan.errors import SchemaError
from inclusionplan.schema import builtin_schema_data, builtin_schema_text
from inclusionplan.yamldoc import validate_yaml

ValueType = Literal["count", "amount", "percentage"]
Operator = Literal["<=", "<", ">=", ">", "=="]
_Text = Annotated[str, Meta(min_length=1)]


class _Model(Struct, frozen=True, forbid_unknown_fields=True):
    """A part of a schema file: unknown keys are refused (a mistyped key is not ignored)."""


AREA_KEY = r"^[A-Z]{2,4}$"
INDICATOR_CODE = f"^{labels.INDICATOR_CODE}$"
# The forms of these patterns in words, for a problem with one (catalogue keys).
FORMS = {AREA_KEY: "form-area-key", INDICATOR_CODE: "form-indicator-code"}


class NamesSpec(_Model, frozen=True, kw_only=True):
    """A thing's name in both languages of the plan."""

    en: _Text
    sq: _Text


class AreaSpec(NamesSpec, frozen=True, kw_only=True):
    key: Annotated[str, Meta(pattern=AREA_KEY, description="Short key, e.g. SP")]


class BreakdownSpec(NamesSpec, frozen=True, kw_only=True):
    aliases: Annotated[tuple[str, ...], Meta(description="Other labels people write")] = ()


class PartitionSpec(NamesSpec, frozen=True, kw_only=True):
    parts: Annotated[
        tuple[str, ...], Meta(min_length=2, description="Breakdowns that add up to total")
    ]


class IndicatorSpec(NamesSpec, frozen=True, kw_only=True):
    code: Annotated[str, Meta(pattern=INDICATOR_CODE, description="Stable code, e.g. EM01")]
    area: Annotated[str, Meta(description="Key of the policy area")]
    unit: Annotated[str, Meta(description="Key of the unit")]
    type: ValueType
    institution: Annotated[str, Meta(description="Key of the reporting institution")]
    partitions: tuple[str, ...] = ()
    subgroups: tuple[str, ...] = ()
    optional: Annotated[bool, Meta(description="A missing value is a warning")] = False
    optional_breakdowns: Annotated[
        tuple[str, ...], Meta(description="Breakdowns whose missing values are warnings")
    ] = ()
    note: NamesSpec | None = None


class RuleSpec(_Model, frozen=True, kw_only=True):
    left: str
    operator: Operator
    right: str


class LargeChangeSpec(_Model, frozen=True, kw_only=True):
    threshold: Annotated[float, Meta(gt=0, description="Share of change (0.5 = 50%)")]
    min_value: Annotated[float, Meta(ge=0)] = 0.0
    types: tuple[ValueType, ...] = ("count", "amount")


class PartitionSumSpec(_Model, frozen=True, kw_only=True):
    types: tuple[ValueType, ...] = ("count", "amount")
    tolerance: Annotated[float, Meta(ge=0)] = 0.0


class ChecksSpec(_Model, frozen=True, kw_only=True):
    large_change: LargeChangeSpec = field(
        default_factory=lambda: LargeChangeSpec(threshold=0.5, min_value=20.0)
    )
    partition_sum: PartitionSumSpec = field(default_factory=PartitionSumSpec)


class SchemaFile(_Model, frozen=True, kw_only=True):
    """A schema file. A user file extends the built-in schema unless it says
    ``extends: none``; its entries replace built-in ones with the same key or code."""

    format: Literal[1] = 1
    extends: Literal["builtin", "none"] = "builtin"
    areas: tuple[AreaSpec, ...] = ()
    breakdowns: dict[str, BreakdownSpec] = field(default_factory=dict)
    partitions: dict[str, PartitionSpec] = field(default_factory=dict)
    subgroups: tuple[str, ...] = ()
    institutions: dict[str, NamesSpec] = field(default_factory=dict)
    units: dict[str, NamesSpec] = field(default_factory=dict)
    indicators: tuple[IndicatorSpec, ...] = ()
    rules: tuple[RuleSpec, ...] = ()
    checks: ChecksSpec | UnsetType = UNSET
    """Unset when the file does not say: an extension then keeps the checks it extends."""

    @property
    def check_settings(self) -> ChecksSpec:
        return ChecksSpec() if isinstance(self.checks, UnsetType) else self.checks


def read_schema_file(path: Path) -> dict[str, Any]:
    """A user schema file, validated and merged onto the built-in one unless it says
    ``extends: none``; returned as the plain mapping ``compile_schema`` takes."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise SchemaError("schema-not-found", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise SchemaError(
            path=str(path), place="-", problem={"code": "problem-unreadable", "detail": str(error)}
        ) from None
    user = validate_schema_text(text, str(path), json=path.suffix.lower() == ".json")
    if user.extends == "none":
        merged = user
    else:
        builtin = msgspec.convert(builtin_schema_data(), SchemaFile)
        merged = merge_schema_files(builtin, user)
    problems = reference_problems(merged)
    if problems:
        token, problem = problems[0]
        raise SchemaError(path=str(path), place=_place_of_token(text, token), problem=problem)
    document: dict[str, Any] = msgspec.to_builtins(merged)
    document["checks"] = msgspec.to_builtins(merged.check_settings)
    return document


def validate_schema_text(text: str, name: str, *, json: bool = False) -> SchemaFile:
    """Parse and validate a schema document (YAML, or JSON when ``json``); errors name the
    place and the line."""
    return validate_yaml(text, name, SchemaFile, SchemaError, json=json, forms=FORMS)


def merge_schema_files(base: SchemaFile, extension: SchemaFile) -> SchemaFile:
    """``extension`` on top of ``base``: the same key or code replaces, new ones are added."""

    def by_key(items: Iterable[Any], key: str) -> dict[str, Any]:
        return {getattr(item, key): item for item in items}

    areas = by_key(base.areas, "key") | by_key(extension.areas, "key")
    indicators = by_key(base.indicators, "code") | by_key(extension.indicators, "code")
    return SchemaFile(
        format=1,
        extends="none",
        areas=tuple(areas.values()),
        breakdowns={**base.breakdowns, **extension.breakdowns},
        partitions={**base.partitions, **extension.partitions},
        subgroups=tuple(dict.fromkeys((*base.subgroups, *extension.subgroups))),
        institutions={**base.institutions, **extension.institutions},
        units={**base.units, **extension.units},
        indicators=tuple(indicators.values()),
        rules=tuple(dict.fromkeys((*base.rules, *extension.rules))),
        checks=base.checks if isinstance(extension.checks, UnsetType) else extension.checks,
    )


Problem = dict[str, object]
"""A problem of the catalogue: its code and parameters."""


def reference_problems(schema: SchemaFile) -> list[tuple[str, Problem]]:
    """Names used but not defined, as (token to locate, problem); empty when consistent."""
    problems: list[tuple[str, Problem]] = []
    if "total" not in schema.breakdowns:
        problems.append(("breakdowns", {"code": "problem-no-total"}))
    for name, partition in schema.partitions.items():
        problems += [
            (name, {"code": "problem-unknown-part", "partition": name, "part": part})
            for part in partition.parts
            if part not in schema.breakdowns
        ]
    problems += [
        (subgroup, {"code": "problem-unknown-subgroup", "subgroup": subgroup})
        for subgroup in schema.subgroups
        if subgroup not in schema.breakdowns
    ]
    areas = {area.key for area in schema.areas}
    units, institutions = schema.units, schema.institutions
    partitions, subgroups = frozenset(schema.partitions), frozenset(schema.subgroups)
    codes: set[str] = set()
    for indicator in schema.indicators:
        code = indicator.code
        if code in codes:
            problems.append((code, {"code": "problem-indicator-twice", "indicator": code}))
        codes.add(code)
        if (  # the usual indicator, all its references defined: decided without a list
            indicator.area in areas
            and indicator.unit in units
            and indicator.institution in institutions
            and partitions.issuperset(indicator.partitions)
            and subgroups.issuperset(indicator.subgroups)
        ):
            continue
        references: list[tuple[bool, str, str]] = [
            (indicator.area in areas, "area", indicator.area),
            (indicator.unit in units, "unit", indicator.unit),
            (indicator.institution in institutions, "institution", indicator.institution),
        ]
        references += [(p in partitions, "partition", p) for p in indicator.partitions]
        references += [(s in subgroups, "subgroup", s) for s in indicator.subgroups]
        problems += [
            (
                code,
                {
                    "code": "problem-not-defined",
                    "indicator": code,
                    "kind": _kind(kind),
                    "name": name,
                },
            )
            for defined, kind, name in references
            if not defined
        ]
    for rule in schema.rules:
        text = f"{rule.left} {rule.operator} {rule.right}"
        problems += [
            (code, {"code": "problem-rule-indicator", "rule": text, "indicator": code})
            for code in (rule.left, rule.right)
            if code not in codes
        ]
    return problems


def _kind(kind: str) -> Mapping[str, str]:
    """What an indicator refers to, in both languages, from the catalogue."""
    from inclusionplan.catalogue import MESSAGES

    return MESSAGES[f"kind-{kind}"]


def schema_json_schema() -> str:
    """A JSON Schema of the schema file format, for editors that complete and check YAML."""
    document: dict[str, Any] = msgspec.json.schema(SchemaFile)
    document.pop("$ref")
    definitions = document.pop("$defs")
    document.update(definitions.pop("SchemaFile"))  # the file itself, not a reference to it
    document["$defs"] = definitions
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "inclusionplan sector schema"
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def builtin_schema_problems() -> list[tuple[str, Problem]]:
    """Problems of the shipped schema; the test suite keeps this empty."""
    return reference_problems(validate_schema_text(builtin_schema_text(), "built-in schema"))


def _place_of_token(text: str, token: str) -> str:
    """Where a code or key first appears in a file, for problems found after merging."""
    for number, line in enumerate(text.splitlines(), start=1):
        if token in line:
            return f"{token} (line {number})"
    return token
