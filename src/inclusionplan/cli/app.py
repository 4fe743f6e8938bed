"""The typer application, its shared options and the error boundary."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from inclusionplan import __version__
from inclusionplan.errors import InclusionPlanError

if TYPE_CHECKING:
    pass

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
DocumentLangOption = Annotated[
    Lang | None,
    typer.Option("--lang", envvar="INCLUSIONPLAN_LANG", help="sq or en (default: the plan's)."),
]
TemplateOption = Annotated[
    Path | None, typer.Option("--template", help="Your own Word template (.docx).")
]
AllowErrorsOption = Annotated[
    bool, typer.Option("--allow-errors", help="Write a draft even when the data have errors.")
]
PdfOption = Annotated[bool, typer.Option("--pdf", help="Also write a PDF (needs LibreOffice).")]
SchemaOption = Annotated[
    Path | None, typer.Option("--schema", help="A schema file extending the built-in one.")
]
JobsOption = Annotated[
    int | None, typer.Option("--jobs", min=1, help="Processes to use (default: the cores).")
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


def guarded_document(call: Callable[[], T], lang: str, debug: bool) -> T:
    """``guarded`` for a call that writes a document: when data errors stop it, the
    findings are shown with the reason, and the exit code is 1."""
    from inclusionplan.render import DataNotValidError

    try:
        return guarded(call, lang, debug, passthrough=(DataNotValidError,))
    except DataNotValidError as blocked:
        from inclusionplan.cli.views import show_report

        show_report(blocked.report, lang)
        typer.echo(blocked.message(lang), err=True)
        raise typer.Exit(EXIT_FINDINGS) from None


def tell_written(paths: Iterable[Path | None], lang: str) -> None:
    """Which files a command wrote, on standard error (standard output stays for data)."""
    from inclusionplan.catalogue import message_text

    for path in paths:
        if path is not None:
            typer.echo(message_text("render-done", lang, {"path": str(path)}), err=True)


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


@contextmanager
def collector_paused() -> Iterator[None]:
    """Validation builds many long-lived objects (every row of every workbook) and almost
    no reference cycles: the cycle collector would walk them again and again for nothing,
    a third of the time on a 200,000-row workbook. The process is the CLI's, so the CLI
    decides; the library leaves the collector alone."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
    try:
        app(prog_name="inclusionplan")
    finally:
        # The process ends here. The interpreter's last collection would walk every object
        # the command made (a batch's report: 0.02-0.04 s) to find cycles exit frees anyway.
        gc.freeze()
