"""``inclusionplan monitor``: the yearly monitoring report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from inclusionplan.cli.app import (
    AllowErrorsOption,
    DebugOption,
    DocumentLangOption,
    JobsOption,
    PdfOption,
    SchemaOption,
    TemplateOption,
    guarded_document,
    tell_written,
)


def monitor_command(
    plan: Annotated[Path, typer.Argument(help="A plan folder (with plan.yaml).")],
    year: Annotated[int, typer.Option("--year", help="The year to report on, e.g. 2018.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="The .docx to write.")
    ] = None,
    lang: DocumentLangOption = None,
    template: TemplateOption = None,
    allow_errors: AllowErrorsOption = False,
    pdf: PdfOption = False,
    schema: SchemaOption = None,
    jobs: JobsOption = None,
    debug: DebugOption = False,
) -> None:
    """Validate a monitoring year's data and write the yearly monitoring report.

    The year's submissions sit in the plan folder's monitoring/<year>/ (named like the
    plan's submissions), with implementation.xlsx for the measures. Status rule:
    docs/monitoring.md.

    Example: inclusionplan monitor sample_data/elbasan --year 2018 --lang en
    """
    from inclusionplan.monitor import render_monitoring

    language = lang.value if lang else "sq"
    result = guarded_document(
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
    )
    tell_written((result.docx, result.pdf), language)


def register(app: typer.Typer) -> None:
    app.command("monitor")(monitor_command)
