"""The command line: a thin layer that parses options, calls one library function, shows
the result and picks the exit code (0 clean, 1 findings at or above --fail-on, 2 usage or
configuration error, 3 an internal error that deserves a bug report)."""

from __future__ import annotations

from inclusionplan.cli.app import app, main

__all__ = ["app", "main"]
