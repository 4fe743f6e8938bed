"""``inclusionplan validate``: check returned workbooks against the schema."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from inclusionplan.findings import Severity
    from inclusionplan.reports import Report

from inclusionplan.cli.app import (
    EXIT_FINDINGS,
    EXIT_OK,
    DebugOption,
    Lang,
    LangOption,
    collector_paused,
    guarded,
)


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    junit = "junit"
    github = "github"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


def validate_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Workbooks, folders of workbooks, plan folders (with plan.yaml), or folders"
            " holding plan folders."
        ),
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
    output: Annotated[
        Path | None,
        typer.Option("--output", help="Also write the report (in --format) to this file."),
    ] = None,
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
    max_cells: Annotated[
        int,
        typer.Option(
            "--max-cells", min=1, help="Refuse a sheet whose grid (first to last cell) is larger."
        ),
    ] = 30_000_000,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", min=1, help="Processes for several plan folders (default: cores)."),
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 when a finding is at least this severe.")
    ] = FailOn.error,
    debug: DebugOption = False,
) -> None:
    """Check submissions: every finding with its file, sheet, cell, indicator and year.

    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or
    configuration error.

    --annotate DIR writes, for each file with errors or warnings, a copy marking its cells
    with comments and a first sheet listing the findings (the original is never changed;
    a file that could not be read gets no copy).

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
        max_cells=max_cells,
    )
    from inclusionplan.cli.progress import progress

    with progress("✓") as tell, collector_paused():
        report = guarded(
            lambda: validate(
                paths, schema=schema, years=expected, limits=limits, jobs=jobs, progress=tell
            ),
            language,
            debug,
        )
    threshold = Severity.ERROR if fail_on is FailOn.error else Severity.WARNING
    text = formatted(report, report_format, language, threshold)
    if output is not None:
        from inclusionplan.output import write_atomic

        guarded(lambda: write_atomic(output, text or table_text(report, language)), language, debug)
    if text is None or output is not None:
        from inclusionplan.cli.views import show_report

        show_report(report, language)
    else:
        typer.echo(text, nl=False)
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if report_format is ReportFormat.github and summary_path:
        from inclusionplan.report_formats import to_markdown

        with Path(summary_path).open("a", encoding="utf-8") as summary:
            summary.write(to_markdown(report, language))
    if annotate is not None:
        from inclusionplan.annotate import MAX_CELLS
        from inclusionplan.annotate import annotate as annotate_report
        from inclusionplan.catalogue import message_text

        folder = annotate
        annotations = guarded(lambda: annotate_report(report, folder, language), language, debug)
        for written in annotations.written:
            typer.echo(str(written.path), err=True)
        for too_large in annotations.too_large:
            params = {"file": too_large.source, "cells": too_large.cells, "limit": MAX_CELLS}
            typer.echo(message_text("annotate-too-large", language, params), err=True)
    raise typer.Exit(EXIT_FINDINGS if report.fails(threshold) else EXIT_OK)


def formatted(
    report: Report, report_format: ReportFormat, lang: str, threshold: Severity
) -> str | None:
    """The report as text in a machine format, or None for the table view."""
    if report_format is ReportFormat.json:
        return report.to_json(lang)
    from inclusionplan import report_formats

    if report_format is ReportFormat.markdown:
        return report_formats.to_markdown(report, lang)
    if report_format is ReportFormat.junit:
        return report_formats.to_junit(report, lang, threshold)
    if report_format is ReportFormat.github:
        return report_formats.to_github(report, lang)
    return None


def table_text(report: Report, lang: str) -> str:
    """The table view as plain text, for --output with the table format."""
    import io

    from rich.console import Console

    from inclusionplan.cli.views import show_report

    buffer = io.StringIO()
    show_report(report, lang, Console(file=buffer, width=120, no_color=True, highlight=False))
    return buffer.getvalue()


def register(app: typer.Typer) -> None:
    app.command("validate")(validate_command)
