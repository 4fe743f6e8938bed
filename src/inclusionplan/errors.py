"""The project's exceptions: failures the caller must handle, never findings about data.

Each error carries a catalogue code and its parameters, so the CLI can say it in either
language; each also subclasses the builtin it resembles, so plain ``except ValueError``
still works for library users.
"""

from __future__ import annotations

from collections.abc import Mapping


class InclusionPlanError(Exception):
    """Base of every error the library raises on purpose."""

    code = "internal-error"

    def __init__(self, code: str | None = None, **params: object) -> None:
        if code is not None:
            self.code = code
        self.params: Mapping[str, object] = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        from inclusionplan.catalogue import message_text

        return message_text(self.code, lang, self.params)


class SchemaError(InclusionPlanError, ValueError):
    """A schema file is missing, unreadable, or not of the schema format."""

    code = "schema-invalid"


class PlanConfigError(InclusionPlanError, ValueError):
    """A plan folder's configuration is missing, unreadable or inconsistent."""

    code = "plan-invalid"


class UsageError(InclusionPlanError, ValueError):
    """The caller asked for something that cannot be done (bad path, bad year range)."""

    code = "usage-error"
