"""``inclusionplan validate``: check returned workbooks against the schema."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from inclusionplan.cli.app import EXIT_FINDINGS, EXIT_OK, DebugOption, Lang, LangOption, guarded


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


def validate_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Workbooks, folders of workbooks, or plan folders (with plan.yaml)."),
    ],
    schema: Annotated[
        Path | None, typer.Option("--schema", help="A schema file extending the built-in one.")
    ] = None,
    years: Annotated[
        str | None, typer.Option("--years", help="Years to expect, e.g. 2012-2016.")
    ] = None,
    lang: LangOption = Lang.sq,
    report_format: Annotated[
        ReportFormat, typer.Option("--format", help="table for people, json for machines.")
    ] = ReportFormat.table,
    annotate: Annotated[
        Path | None,
        typer.Option("--annotate", help="Write an annotated copy of each file with findings here."),
    ] = None,
    max_size_mb: Annotated[
        int, typer.Option("--max-size-mb", min=1, help="Refuse a workbook that unpacks larger.")
    ] = 256,
    max_rows: Annotated[
        int, typer.Option("--max-rows", min=1, help="Refuse a sheet with more rows.")
    ] = 1_000_000,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 when a finding is at least this severe.")
    ] = FailOn.error,
    debug: DebugOption = False,
) -> None:
    """Check submissions: every finding with its file, sheet, cell, indicator and year.

    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or
    configuration error.

    --annotate DIR writes, for each file with errors or warnings, a copy marking its cells
    with comments and a first sheet listing the findings (the original is never changed).

    Example: inclusionplan validate sample_data/faulty --lang en --annotate feedback
    """
    from inclusionplan.findings import Severity
    from inclusionplan.validation import validate
    from inclusionplan.years import parse_years

    language = lang.value
    expected = guarded(lambda: parse_years(years) if years else None, language, debug)
    from inclusionplan.reading import Limits

    limits = Limits(
        max_file_bytes=max_size_mb * 2**20,
        max_unpacked_bytes=max_size_mb * 2**20,
        max_rows=max_rows,
    )
    report = guarded(
        lambda: validate(paths, schema=schema, years=expected, limits=limits), language, debug
    )
    if report_format is ReportFormat.json:
        typer.echo(report.to_json(language), nl=False)
    elif report_format is ReportFormat.markdown:
        from inclusionplan.reports import report_markdown

        typer.echo(report_markdown(report, language), nl=False)
    else:
        from inclusionplan.cli.views import show_report

        show_report(report, language)
    if annotate is not None:
        from inclusionplan.annotate import annotate as annotate_report

        folder = annotate
        for written in guarded(lambda: annotate_report(report, folder, language), language, debug):
            typer.echo(str(written.path), err=True)
    threshold = Severity.ERROR if fail_on is FailOn.error else Severity.WARNING
    raise typer.Exit(EXIT_FINDINGS if report.fails(threshold) else EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate_command)
