"""YAML (or JSON) documents validated by a pydantic model, with errors that name the file,
the place (``indicators[3].type``) and the line, so a user can fix a file without a
traceback. JSON goes straight to pydantic's own parser: a generated schema of thousands
of indicators loads in a fraction of the time PyYAML needs to build it."""

from __future__ import annotations

from typing import Any, NoReturn, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from inclusionplan.errors import InclusionPlanError
from inclusionplan.schema import YAML_LOADER

ModelT = TypeVar("ModelT", bound=BaseModel)


def validate_yaml(
    text: str,
    name: str,
    model: type[ModelT],
    error: type[InclusionPlanError],
    *,
    json: bool = False,
) -> ModelT:
    if json:
        try:
            return model.model_validate_json(text)
        except ValidationError as problem:
            if problem.errors()[0]["type"] != "json_invalid":
                _raise_first(problem, text, name, error)
            # Not JSON after all (a YAML file named .json): read it as YAML below.
    try:
        data = yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        place = f"line {mark.line + 1}" if mark is not None else "-"
        detail = getattr(problem, "problem", None) or str(problem)
        raise error(path=name, place=place, problem=f"not valid YAML: {detail}") from None
    if not isinstance(data, dict):
        raise error(path=name, place="line 1", problem="expected a YAML mapping (key: value)")
    try:
        return model.model_validate(data)
    except ValidationError as problem:
        _raise_first(problem, text, name, error)


def _raise_first(
    problem: ValidationError, text: str, name: str, error: type[InclusionPlanError]
) -> NoReturn:
    # A mistyped key explains the 'field required' that follows it: report it first.
    errors = sorted(problem.errors(), key=lambda e: e["type"] != "extra_forbidden")
    first = errors[0]
    detail = first["msg"]
    if first["type"] == "extra_forbidden":
        detail = "unknown key; is it mistyped?"
    if len(errors) > 1:
        detail += f" (and {len(errors) - 1} more)"
    raise error(path=name, place=yaml_place(text, tuple(first["loc"])), problem=detail) from None


def yaml_place(text: str, loc: tuple[int | str, ...]) -> str:
    """``indicators[3].type (line 42)``: a pydantic error location, with its YAML line."""
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
