"""Exports of the schema: the document itself (YAML) and its format (JSON Schema)."""

from __future__ import annotations

from pathlib import Path

import yaml

from inclusionplan.schema import builtin_schema_text


def export_schema(path: Path | None, kind: str) -> str:
    from inclusionplan.schemafile import read_schema_file, schema_json_schema

    if kind == "json-schema":
        return schema_json_schema()
    if path is None:
        return builtin_schema_text()
    merged = read_schema_file(path)
    dumped: str = yaml.safe_dump(merged, allow_unicode=True, sort_keys=False, width=100)
    return dumped
