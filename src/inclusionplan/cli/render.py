"""``inclusionplan render`` and ``inclusionplan templates``: the Word plan."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from inclusionplan.cli.app import (
    EXIT_FINDINGS,
    EXIT_USAGE,
    DebugOption,
    Lang,
    guarded,
)


def render_command(
    plan: Annotated[Path, typer.Argument(help="A plan folder (with plan.yaml).")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="The .docx to write (default: from the plan)."),
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
        typer.Option("--allow-errors", help="Render a draft even when the data have errors."),
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
    """Validate a plan folder and write its Word document (and a PDF with --pdf).

    With errors in the data it stops and shows them (exit 1), unless --allow-errors,
    which marks the document as a draft and lists the findings in its annex.

    Example: inclusionplan render sample_data/elbasan --lang en --pdf
    """
    from inclusionplan.render import DataNotValidError, render_plan

    language = lang.value if lang else "sq"
    try:
        rendered = guarded(
            lambda: render_plan(
                plan,
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
    from inclusionplan.catalogue import message_text

    if rendered.removed_characters:
        count = {"count": str(rendered.removed_characters)}
        typer.echo(message_text("control-characters-removed", language, count), err=True)
    for path in (rendered.docx, rendered.pdf):
        if path is not None:
            typer.echo(message_text("render-done", language, {"path": str(path)}), err=True)


templates_app = typer.Typer(help="The default Word template and plan texts.", no_args_is_help=True)


@templates_app.command("export")
def export_command(
    folder: Annotated[Path, typer.Argument(help="Folder to copy the templates into.")],
    force: Annotated[bool, typer.Option("--force", help="Replace files already there.")] = False,
) -> None:
    """Copy the default template (plan.docx) and texts (texts.sq.yaml, texts.en.yaml) out
    for editing; use them with render --template and a plan folder's texts files.

    Example: inclusionplan templates export my-templates
    """
    from inclusionplan.render import TEMPLATE_FILES, export_templates

    existing = [folder / name for name in TEMPLATE_FILES if (folder / name).exists()]
    if existing and not force:
        typer.echo(f"Already there (use --force to replace): {existing[0]}", err=True)
        raise typer.Exit(EXIT_USAGE)
    for path in export_templates(folder):
        typer.echo(str(path))


def register(app: typer.Typer) -> None:
    app.command("render")(render_command)
    app.add_typer(templates_app, name="templates")
