"""The typer application, its shared options and the error boundary."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, TypeVar

import typer

from inclusionplan import __version__
from inclusionplan.errors import InclusionPlanError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

app = typer.Typer(
    name="inclusionplan",
    help="Validate municipal indicator submissions and draft social-inclusion action plans.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Lang(StrEnum):
    sq = "sq"
    en = "en"


LangOption = Annotated[
    Lang,
    typer.Option(
        "--lang",
        envvar="INCLUSIONPLAN_LANG",
        help="Language of messages: sq (Albanian) or en (English).",
    ),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show the Python traceback of an internal error.")
]

T = TypeVar("T")


def guarded(
    call: Callable[[], T],
    lang: str,
    debug: bool,
    passthrough: tuple[type[Exception], ...] = (),
) -> T:
    """Run a library call; its typed errors become one-line messages, never tracebacks.

    Errors in ``passthrough`` reach the caller, which shows them its own way.
    """
    try:
        return call()
    except passthrough:
        raise
    except InclusionPlanError as error:
        typer.echo(error.message(lang), err=True)
        raise typer.Exit(EXIT_USAGE) from None
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        raise typer.Exit(130) from None
    except Exception as error:
        if debug:
            raise
        from inclusionplan.catalogue import message_text

        detail = f"{type(error).__name__}: {error}"
        typer.echo(message_text("internal-error", lang, {"detail": detail}), err=True)
        raise typer.Exit(EXIT_INTERNAL) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"inclusionplan {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Validate municipal indicator submissions and draft social-inclusion action plans.

    Example: inclusionplan validate sample_data/elbasan
    """


def _register() -> None:
    from inclusionplan.cli import codes, forms, monitor, render, schema, validate

    forms.register(app)
    validate.register(app)
    render.register(app)
    monitor.register(app)
    schema.register(app)
    codes.register(app)


_register()


def main() -> None:
    app(prog_name="inclusionplan")
