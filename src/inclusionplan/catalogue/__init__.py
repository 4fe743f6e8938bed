"""The one catalogue of finding codes and user-facing messages, in Albanian and English:
the finding types (``finding_types``), the message templates (``messages``), and the
functions that say them.

A message template may have variants (``code:variant``) chosen by a finding's
``variant`` parameter; every template exists in every language (a test checks it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from inclusionplan.catalogue.finding_types import (
    FINDING_TYPES,
    FINDING_TYPES_BY_CODE,
    FindingType,
)
from inclusionplan.catalogue.messages import MESSAGES
from inclusionplan.catalogue.text import LANGUAGES, Text
from inclusionplan.findings import Severity

if TYPE_CHECKING:
    from inclusionplan.findings import Finding

__all__ = [
    "FINDING_TYPES",
    "FINDING_TYPES_BY_CODE",
    "LANGUAGES",
    "MAX_PARAMETER",
    "MESSAGES",
    "FindingType",
    "Text",
    "catalogue_markdown",
    "finding_message",
    "message_text",
    "severity_label",
]

MAX_PARAMETER = 120  # a cell's text is cut to this many characters in a message


def message_text(key: str, lang: str, params: Mapping[str, Any] | None = None) -> str:
    """Fill the template ``key`` in ``lang``; a missing parameter shows as its name."""
    templates = MESSAGES.get(key)
    if templates is None:
        return key
    template = templates.get(lang) or templates["en"]
    return template.format_map(_Params(params or {}, lang))


def finding_message(finding: Finding, lang: str) -> str:
    """The message of a finding in ``lang``, from its code (and variant) and parameters."""
    params = dict(finding.params)
    variant = params.pop("variant", None)
    key = f"{finding.code}:{variant}" if variant else finding.code
    defaults = {
        "indicator": finding.indicator or "",
        "breakdown": finding.breakdown or "",
        "year": str(finding.year) if finding.year is not None else "",
        "sheet": finding.sheet or "",
    }
    return message_text(key, lang, {**defaults, **params})


class _Params(dict[str, Any]):
    """Template parameters: numbers in the language's format, reasons and problems
    translated."""

    def __init__(self, params: Mapping[str, Any], lang: str) -> None:
        super().__init__(params)
        self.lang = lang

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        if isinstance(value, str) and len(value) > MAX_PARAMETER:
            return value[: MAX_PARAMETER - 1] + "…"
        if key in ("reason", "problem") and isinstance(value, Mapping) and "code" in value:
            return message_text(str(value["code"]), self.lang, value)
        if isinstance(value, Mapping) and "sq" in value and "en" in value:
            return value[self.lang if self.lang in value else "en"]
        if isinstance(value, float) or (key in _COUNTS and isinstance(value, int)):
            from inclusionplan.formatting import format_number

            return format_number(value, self.lang)
        return value


# Whole numbers that are amounts, shown with thousands separators; other integers are years
# and row numbers, shown as written.
_COUNTS = frozenset({"limit", "cells"})


def severity_label(severity: Severity, lang: str) -> str:
    return message_text(f"severity-{severity.value}", lang)


def catalogue_markdown() -> str:
    """The finding catalogue as a Markdown page (docs/findings.md is generated from it)."""
    lines = [
        "# Finding codes",
        "",
        "Generated from `src/inclusionplan/catalogue/` by `inclusionplan codes`; do not edit.",
        "Codes are stable: filter on them in CI. Severity is the default; an optional "
        "indicator or breakdown turns `missing-value` into a warning.",
        "",
        "| code | severity | title (en / sq) | what it means |",
        "|---|---|---|---|",
    ]
    for finding_type in FINDING_TYPES:
        title = f"{finding_type.title['en']} / {finding_type.title['sq']}"
        lines.append(
            f"| `{finding_type.code}` | {finding_type.severity.value} | {title} | "
            f"{finding_type.explanation['en']} |"
        )
    lines.append("")
    lines.append("## Messages")
    lines.append("")
    lines.append("| key | en | sq |")
    lines.append("|---|---|---|")
    for key, text in MESSAGES.items():
        if key.split(":")[0] in FINDING_TYPES_BY_CODE:
            en = text["en"].replace("|", "\\|")
            sq = text["sq"].replace("|", "\\|")
            lines.append(f"| `{key}` | {en} | {sq} |")
    return "\n".join(lines) + "\n"
