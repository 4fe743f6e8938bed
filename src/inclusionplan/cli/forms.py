"""``inclusionplan forms``: blank forms for the plan's institutions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from inclusionplan.cli.app import DebugOption, DocumentLangOption, guarded


def forms_command(
    plan: Annotated[Path, typer.Argument(help="A plan folder (with plan.yaml).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the forms.")],
    lang: DocumentLangOption = None,
    institution: Annotated[
        str | None,
        typer.Option("--institution", help="One institution only (its key or its name)."),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help="Follow-up forms for a monitoring year, with an "
            "implementation form per responsible institution.",
        ),
    ] = None,
    debug: DebugOption = False,
) -> None:
    """Write one .xlsx form per reporting institution of the plan, ready to fill in.

    Each form is named like the institution's submission in plan.yaml, so a returned form
    can go straight into the plan folder.

    With --year, the follow-up forms have that year's column only, and each institution
    responsible for measures gets an implementation form (status, spending, comment).

    Example: inclusionplan forms sample_data/elbasan -o forms
    """
    from inclusionplan.forms import write_forms
    from inclusionplan.plan import load_plan
    from inclusionplan.schema import load_schema

    language = lang.value if lang else "sq"

    def run() -> list[Path]:
        loaded = load_plan(plan)
        schema = load_schema(loaded.schema_path)
        chosen = lang.value if lang else loaded.config.language
        forms = write_forms(loaded, schema, output, chosen, institution, year)
        return [f.path for f in forms]

    for path in guarded(run, language, debug):
        typer.echo(str(path))


def register(app: typer.Typer) -> None:
    app.command("forms")(forms_command)
