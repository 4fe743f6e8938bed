"""Progress for long runs: a rich bar on a terminal, one plain line per item in CI (no
ANSI codes), nothing otherwise. Always on stderr, so stdout stays the report."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer


def _mode() -> str:
    if sys.stderr.isatty() and os.environ.get("TERM") != "dumb":
        return "bar"
    if os.environ.get("CI"):
        return "lines"
    return "off"


@contextmanager
def progress(label: str) -> Iterator[Callable[[str], None]]:
    """A callback to tell of each finished item (a file, a plan)."""
    mode = _mode()
    if mode == "off":
        yield lambda _: None
        return
    if mode == "lines":
        count = 0

        def line(item: str) -> None:
            nonlocal count
            count += 1
            typer.echo(f"{label} {count}: {item}", err=True)

        yield line
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True, no_color=bool(os.environ.get("NO_COLOR")))
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[item]}"),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None, item="")

        def advance(item: str) -> None:
            bar.update(task, advance=1, item=item[-60:])

        yield advance
