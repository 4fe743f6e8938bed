"""``inclusionplan schema``: show the sector schema, or export it for editing."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from inclusionplan.cli.app import DebugOption, Lang, LangOption, guarded


class Export(StrEnum):
    yaml = "yaml"
    json_schema = "json-schema"


def schema_command(
    schema: Annotated[
        Path | None, typer.Option("--schema", help="A schema file extending the built-in one.")
    ] = None,
    export: Annotated[
        Export | None,
        typer.Option("--export", help="yaml: the schema itself; json-schema: its format."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the export to this file.")
    ] = None,
    lang: LangOption = Lang.sq,
    debug: DebugOption = False,
) -> None:
    """Show the indicators of the schema, or export the schema (YAML) or its format (JSON Schema).

    Example: inclusionplan schema --export json-schema -o schema.schema.json
    """
    language = lang.value
    if export is not None:
        from inclusionplan.output import write_atomic
        from inclusionplan.schema_export import export_schema

        text = guarded(lambda: export_schema(schema, export.value), language, debug)
        if output is None:
            typer.echo(text, nl=False)
        else:
            guarded(lambda: write_atomic(output, text), language, debug)
        return
    from inclusionplan.cli.views import console
    from inclusionplan.schema import load_schema

    loaded = guarded(lambda: load_schema(schema), language, debug)
    from rich.table import Table

    table = Table()
    headers = {
        "sq": ["Kodi", "Fusha", "Treguesi", "Njësia", "Ndarjet", "Institucioni"],
        "en": ["Code", "Area", "Indicator", "Unit", "Breakdowns", "Institution"],
    }[language]
    for header in headers:
        table.add_column(header, overflow="fold")
    for indicator in loaded.indicators.values():
        breakdowns = ", ".join(loaded.breakdown_label(b, language) for b in indicator.breakdowns)
        table.add_row(
            indicator.code,
            indicator.area,
            indicator.names.get(language),
            indicator.unit.get(language),
            breakdowns,
            loaded.institution_name(indicator.institution, language),
        )
    console().print(table)


def register(app: typer.Typer) -> None:
    app.command("schema")(schema_command)
