"""``inclusionplan monitor``: the yearly monitoring report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from inclusionplan.cli.app import EXIT_FINDINGS, DebugOption, Lang, guarded


def monitor_command(
    plan: Annotated[Path, typer.Argument(help="A plan folder (with plan.yaml).")],
    year: Annotated[int, typer.Option("--year", help="The year to report on, e.g. 2018.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="The .docx to write.")
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", envvar="INCLUSIONPLAN_LANG", help="sq or en (default: the plan's)."),
    ] = None,
    template: Annotated[
        Path | None, typer.Option("--template", help="Your own Word template (.docx).")
    ] = None,
    allow_errors: Annotated[
        bool,
        typer.Option("--allow-errors", help="Write a draft even when the data have errors."),
    ] = False,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also write a PDF (needs LibreOffice).")
    ] = False,
    schema: Annotated[
        Path | None, typer.Option("--schema", help="A schema file extending the built-in one.")
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", min=1, help="Processes for the charts (default: cores).")
    ] = None,
    debug: DebugOption = False,
) -> None:
    """Validate a monitoring year's data and write the yearly monitoring report.

    The year's submissions sit in the plan folder's monitoring/<year>/ (named like the
    plan's submissions), with implementation.xlsx for the measures. Status rule:
    docs/monitoring.md.

    Example: inclusionplan monitor sample_data/elbasan --year 2018 --lang en
    """
    from inclusionplan.catalogue import message_text
    from inclusionplan.monitor import render_monitoring
    from inclusionplan.render import DataNotValidError

    language = lang.value if lang else "sq"
    try:
        result = guarded(
            lambda: render_monitoring(
                plan,
                year,
                output=output,
                lang=lang.value if lang else None,
                template=template,
                allow_errors=allow_errors,
                pdf=pdf,
                schema=schema,
                jobs=jobs,
            ),
            language,
            debug,
            passthrough=(DataNotValidError,),
        )
    except DataNotValidError as blocked:
        from inclusionplan.cli.views import show_report

        show_report(blocked.report, language)
        typer.echo(blocked.message(language), err=True)
        raise typer.Exit(EXIT_FINDINGS) from None
    for path in (result.docx, result.pdf):
        if path is not None:
            typer.echo(message_text("render-done", language, {"path": str(path)}), err=True)


def register(app: typer.Typer) -> None:
    app.command("monitor")(monitor_command)
