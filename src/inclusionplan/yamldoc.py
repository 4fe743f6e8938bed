"""YAML (or JSON) documents validated against msgspec structs, with errors that name the
file, the place (``indicators[3].type``) and the line, so a user can fix a file without a
traceback. JSON goes straight to msgspec's own decoder: a generated schema of thousands of
indicators loads in a fraction of the time PyYAML needs to build it."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any, NoReturn, TypeVar, get_args

import msgspec
import yaml

from inclusionplan.errors import InclusionPlanError
from inclusionplan.schema import YAML_LOADER

StructT = TypeVar("StructT", bound=msgspec.Struct)

# msgspec names the place of a problem at the end of its message: "... - at `$.a[3].b`".
_AT = re.compile(r" - at `\$([^`]*)`$")
_STEP = re.compile(r"\.([^.\[]+)|\[(\d+|\.\.\.)\]")
_ANY_KEY = "..."  # how msgspec writes a key of a mapping
_UNKNOWN = re.compile(r"^Object contains unknown field `(.*)`$")
_MISSING = re.compile(r"^Object missing required field `(.*)`$")
_TYPE = re.compile(r"^Expected `(\w+)`, got `(\w+)`$")
_LENGTH = re.compile(r"^Expected `(\w+)` of length >= (\d+)$")
_PATTERN = re.compile(r"^Expected `str` matching regex '(.*)'$")
_BOUND = re.compile(r"^Expected `(?:int|float)` (>=|>|<=|<) (-?[\d.]+)$")
_CHOICE = re.compile(r"^Invalid enum value (.*)$")
_DATE = re.compile(r"^Invalid RFC3339 encoded date$")
_OPERATORS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}


def validate_yaml(
    text: str,
    name: str,
    model: type[StructT],
    error: type[InclusionPlanError],
    *,
    json: bool = False,
    forms: Mapping[str, str] | None = None,
) -> StructT:
    """``text`` as a ``model``; lax as people write YAML (``"2016"`` is a year), strict on
    keys (an unknown key is refused, not ignored). ``forms`` names the catalogue's words
    for the model's patterns, to say in a problem instead of the regular expression."""
    if json:
        try:
            return msgspec.json.decode(text, type=model, strict=False)
        except msgspec.ValidationError as problem:
            _raise(problem, text, name, error, model, _json_data(text), forms)
        except msgspec.DecodeError:
            pass  # Not JSON after all (a YAML file named .json): read it as YAML below.
    data = load_yaml_mapping(text, name, error)
    try:
        return msgspec.convert(data, model, strict=False)
    except msgspec.ValidationError as problem:
        _raise(problem, text, name, error, model, data, forms)


def load_yaml_mapping(text: str, name: str, error: type[InclusionPlanError]) -> dict[str, Any]:
    """A YAML document that must be a mapping; anything else is ``error`` with its line."""
    try:
        data = yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        place = f"line {mark.line + 1}" if mark is not None else "-"
        detail = getattr(problem, "problem", None) or str(problem)
        raise error(
            path=name, place=place, problem={"code": "problem-yaml", "detail": detail}
        ) from None
    except ValueError as problem:  # a date that is not one: 2016-13-45
        raise error(
            path=name,
            place=_impossible_date_place(text),
            problem={"code": "problem-impossible-date", "detail": str(problem)},
        ) from None
    if not isinstance(data, dict):
        raise error(path=name, place="line 1", problem={"code": "problem-not-a-mapping"})
    return data


def _impossible_date_place(text: str) -> str:
    """The line of the first value written as a date that is not a real date. PyYAML
    raises a plain ValueError for it, without a line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return "-"
    stack = [root] if root is not None else []  # children pushed reversed: document order
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:timestamp":
                try:
                    datetime.date.fromisoformat(str(node.value)[:10])
                except ValueError:
                    return f"line {node.start_mark.line + 1}"
        elif isinstance(node, yaml.MappingNode):
            stack.extend(reversed([item for pair in node.value for item in pair]))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return "-"


def _json_data(text: str) -> object:
    """The document as plain data, to name the entry a problem is in; None if the standard
    library reads JSON differently from msgspec."""
    import json as json_module  # only for a document with a problem

    try:
        return json_module.loads(text)
    except ValueError:
        return None


def _raise(
    problem: msgspec.ValidationError,
    text: str,
    name: str,
    error: type[InclusionPlanError],
    model: type[msgspec.Struct],
    data: object,
    forms: Mapping[str, str] | None,
) -> NoReturn:
    detail, loc = _problem_and_place(str(problem))
    loc = _name_the_key(loc, model, data)
    if detail["code"] == "problem-pattern" and forms and detail["pattern"] in forms:
        from inclusionplan.catalogue import MESSAGES

        detail = {**detail, "pattern": MESSAGES[forms[str(detail["pattern"])]]}
    if detail["code"] == "problem-choice":
        allowed = _allowed_values(model, loc)
        if allowed:
            detail = {**detail, "allowed": allowed}
        else:
            detail = {"code": "problem-other", "detail": str(problem).split(" - at ")[0]}
    raise error(path=name, place=yaml_place(text, loc), problem=detail) from None


def _allowed_values(model: type[msgspec.Struct], loc: tuple[int | str, ...]) -> str | None:
    """The values a field takes (``count, amount, percentage``), found by following the
    place of a problem through the model's types; None where it leads nowhere."""
    from msgspec import inspect

    node: inspect.Type | None = inspect.type_info(model)
    for part in loc:
        node = _unwrapped(node)
        if isinstance(node, inspect.StructType):
            node = next((f.type for f in node.fields if f.encode_name == part), None)
        elif isinstance(node, inspect.DictType):
            node = node.value_type
        elif isinstance(node, inspect.VarTupleType | inspect.ListType) and isinstance(part, int):
            node = node.item_type
        else:
            return None
    node = _unwrapped(node)
    if isinstance(node, inspect.LiteralType):
        return ", ".join(str(value) for value in node.values)
    return None


def _unwrapped(node: Any) -> Any:
    """The type inside its constraints (``Annotated``) and an optional ``None``."""
    from msgspec import inspect

    while True:
        if isinstance(node, inspect.Metadata):
            node = node.type
        elif isinstance(node, inspect.UnionType):
            kinds = [t for t in node.types if not isinstance(t, inspect.NoneType)]
            if len(kinds) != 1:
                return node
            node = kinds[0]
        else:
            return node


def _problem_and_place(message: str) -> tuple[dict[str, object], tuple[int | str, ...]]:
    """msgspec's message as a problem of the catalogue and its place as a path of keys
    and indexes; an unknown key is the place itself."""
    at = _AT.search(message)
    loc: tuple[int | str, ...] = ()
    if at is not None:
        message = message[: at.start()]
        loc = tuple(
            int(index) if index.isdigit() else index or key
            for key, index in _STEP.findall(at.group(1))
        )
    unknown = _UNKNOWN.match(message)
    if unknown is not None:
        return {"code": "problem-unknown-key"}, (*loc, unknown.group(1))
    return _problem(message), loc


def _problem(message: str) -> dict[str, object]:
    """The catalogue's problem for one of msgspec's messages; its own text otherwise."""
    if match := _MISSING.match(message):
        return {"code": "problem-missing-key", "key": match.group(1)}
    if match := _TYPE.match(message):
        return {
            "code": "problem-type",
            "expected": _type_name(match.group(1)),
            "found": _type_name(match.group(2)),
        }
    if match := _LENGTH.match(message):
        minimum = int(match.group(2))
        if match.group(1) == "str" and minimum == 1:
            return {"code": "problem-empty"}
        return {"code": "problem-too-few", "minimum": minimum}
    if match := _PATTERN.match(message):  # msgspec writes the pattern as repr() does
        return {"code": "problem-pattern", "pattern": match.group(1).replace("\\\\", "\\")}
    if match := _BOUND.match(message):
        return {
            "code": "problem-bound",
            "operator": _OPERATORS[match.group(1)],
            "bound": float(match.group(2)),
        }
    if match := _CHOICE.match(message):
        return {"code": "problem-choice", "value": match.group(1)}
    if _DATE.match(message):
        return {"code": "problem-date"}
    return {"code": "problem-other", "detail": message}


def _type_name(name: str) -> Mapping[str, str] | str:
    """A type's name in both languages, from the catalogue; msgspec's own otherwise."""
    from inclusionplan.catalogue import MESSAGES

    return MESSAGES.get(f"type-{name}", name)


def _name_the_key(
    loc: tuple[int | str, ...], model: type[msgspec.Struct], data: object
) -> tuple[int | str, ...]:
    """msgspec does not name the key of a mapping entry it refuses (``breakdowns[...]``):
    the first entry of that top-level mapping that fails on its own is the one."""
    if _ANY_KEY not in loc:
        return loc
    cut = loc[: loc.index(_ANY_KEY)]
    if len(cut) != 1 or not isinstance(data, dict) or not isinstance(data.get(cut[0]), dict):
        return cut
    types = {each.encode_name: each.type for each in msgspec.structs.fields(model)}
    key_and_value = get_args(types.get(str(cut[0])))
    if len(key_and_value) != 2:
        return cut
    for key, value in data[cut[0]].items():
        try:
            msgspec.convert(value, key_and_value[1], strict=False)
        except msgspec.ValidationError:
            return (cut[0], str(key), *loc[2:])
    return cut


def yaml_place(text: str, loc: tuple[int | str, ...]) -> str:
    """``indicators[3].type (line 42)``: a place in a document, with its YAML line."""
    dotted = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc)
    dotted = dotted.lstrip(".") or "-"
    line = _yaml_line(text, loc)
    return f"{dotted} (line {line})" if line else dotted


def _yaml_line(text: str, loc: tuple[int | str, ...]) -> int | None:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    line: int = node.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            pairs: list[tuple[Any, Any]] = node.value
            match = next(((k, v) for k, v in pairs if k.value == part), None)
            if match is None:
                return line
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            items: list[Any] = node.value
            if part >= len(items):
                return line
            node = items[part]
        else:
            return line
        line = node.start_mark.line + 1
    return line
