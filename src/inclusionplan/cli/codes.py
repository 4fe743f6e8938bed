"""``inclusionplan codes``: the catalogue of finding codes."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from inclusionplan.cli.app import Lang, LangOption


class CodesFormat(StrEnum):
    table = "table"
    markdown = "markdown"


def codes_command(
    codes_format: Annotated[
        CodesFormat, typer.Option("--format", help="table, or markdown for docs/findings.md.")
    ] = CodesFormat.table,
    lang: LangOption = Lang.sq,
) -> None:
    """List every finding code with its severity and meaning.

    Example: inclusionplan codes --format markdown > docs/findings.md
    """
    from inclusionplan.catalogue import FINDING_TYPES, catalogue_markdown

    if codes_format is CodesFormat.markdown:
        typer.echo(catalogue_markdown(), nl=False)
        return
    from rich.table import Table

    from inclusionplan.cli.views import console

    language = lang.value
    table = Table()
    for header in ("code", "severity", "title", "explanation"):
        table.add_column(header, overflow="fold")
    for finding_type in FINDING_TYPES:
        table.add_row(
            finding_type.code,
            finding_type.severity.value,
            finding_type.title[language],
            finding_type.explanation[language],
        )
    console().print(table)


def register(app: typer.Typer) -> None:
    app.command("codes")(codes_command)
