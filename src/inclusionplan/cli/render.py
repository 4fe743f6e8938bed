"""``inclusionplan render`` and ``inclusionplan templates``: the Word plan."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from inclusionplan.render import Rendered

from inclusionplan.cli.app import (
    EXIT_FINDINGS,
    EXIT_USAGE,
    AllowErrorsOption,
    DebugOption,
    DocumentLangOption,
    JobsOption,
    Lang,
    PdfOption,
    SchemaOption,
    TemplateOption,
    guarded,
    guarded_document,
    tell_written,
)


def render_command(
    plans: Annotated[
        list[Path], typer.Argument(help="Plan folders (with plan.yaml), or folders holding them.")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="The .docx to write; with several plans (or a pattern, or a folder of plan"
            " folders), a folder (default: here).",
        ),
    ] = None,
    lang: DocumentLangOption = None,
    template: TemplateOption = None,
    allow_errors: AllowErrorsOption = False,
    pdf: PdfOption = False,
    schema: SchemaOption = None,
    jobs: JobsOption = None,
    debug: DebugOption = False,
) -> None:
    """Validate plan folders and write their Word documents (and PDFs with --pdf).

    With errors in a plan's data it shows them and exits 1, unless --allow-errors, which
    marks the document as a draft and lists the findings in its annex. Several plans
    (or a pattern such as "municipalities/*/") render in parallel.

    Example: inclusionplan render sample_data/elbasan --lang en --pdf
    """
    from inclusionplan.catalogue import message_text
    from inclusionplan.discovery import expand_plan_folders

    language = lang.value if lang else "sq"
    folders = expand_plan_folders(plans)
    if len(plans) == 1 and folders == plans:  # one plan folder, named: -o is its .docx
        _render_one(folders[0], output, lang, template, allow_errors, pdf, schema, jobs, debug)
        return
    from inclusionplan.cli.progress import progress
    from inclusionplan.cli.views import show_report
    from inclusionplan.render import render_plans

    with progress("✓") as tell:
        outcomes = guarded(
            lambda: render_plans(
                folders,
                output_dir=output or Path(),
                lang=lang.value if lang else None,
                template=template,
                allow_errors=allow_errors,
                pdf=pdf,
                schema=schema,
                jobs=jobs,
                progress=tell,
            ),
            language,
            debug,
        )
    exit_code = 0
    for outcome in outcomes:
        if outcome.rendered is not None:
            for path in (outcome.rendered.docx, outcome.rendered.pdf):
                if path is not None:
                    typer.echo(message_text("render-done", language, {"path": str(path)}), err=True)
        elif outcome.blocked is not None:
            show_report(outcome.blocked, language)
            errors = outcome.blocked.summary()["errors"]
            typer.echo(
                f"{outcome.folder}: "
                + message_text("render-blocked", language, {"errors": str(errors)}),
                err=True,
            )
            exit_code = max(exit_code, EXIT_FINDINGS)
        elif outcome.problem is not None:
            code, params = outcome.problem
            typer.echo(f"{outcome.folder}: {message_text(code, language, params)}", err=True)
            exit_code = max(exit_code, EXIT_USAGE)
    raise typer.Exit(exit_code)


def _render_one(
    plan: Path,
    output: Path | None,
    lang: Lang | None,
    template: Path | None,
    allow_errors: bool,
    pdf: bool,
    schema: Path | None,
    jobs: int | None,
    debug: bool,
) -> None:
    from inclusionplan.render import render_plan

    language = lang.value if lang else "sq"
    rendered = guarded_document(
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
    )
    _tell_written(rendered, language)


def _tell_written(rendered: Rendered, language: str) -> None:
    """Which files a render wrote, and any characters it had to remove."""
    from inclusionplan.catalogue import message_text

    if rendered.removed_characters:
        count = {"count": str(rendered.removed_characters)}
        typer.echo(message_text("control-characters-removed", language, count), err=True)
    tell_written((rendered.docx, rendered.pdf), language)


templates_app = typer.Typer(help="The default Word template and plan texts.", no_args_is_help=True)


@templates_app.command("export")
def export_command(
    folder: Annotated[Path, typer.Argument(help="Folder to copy the templates into.")],
    force: Annotated[bool, typer.Option("--force", help="Replace files already there.")] = False,
) -> None:
    """Copy the default templates (plan.docx, monitoring.docx) and texts (texts.sq.yaml,
    texts.en.yaml) out for editing; use them with --template and a plan folder's texts.

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
