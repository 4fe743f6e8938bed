"""What a value cell holds: a number, nothing, an 'unavailable' marker, or something else.

Numbers typed as text follow Albanian habits: ``1 234`` and ``1.234`` are thousands,
``1234,5`` has a decimal comma, ``12,5%`` is a percentage. Anything beyond a plain
number is flagged as interpreted, so the institution can be asked to check it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from enum import StrEnum
from math import isfinite

from inclusionplan.labels import normalize_label


class ValueStatus(StrEnum):
    NUMBER = "number"
    EMPTY = "empty"
    MARKER = "marker"
    TEXT = "text"
    FORMULA = "formula"


@dataclass(frozen=True, slots=True)
class CellValue:
    status: ValueStatus
    number: float | None = None
    interpreted: bool = False


MISSING_MARKERS = frozenset(
    normalize_label(marker)
    for marker in (
        "-",
        "–",
        "—",
        "..",
        "...",
        "n/a",
        "na",
        "n.a.",
        "s'ka",
        "ska",
        "s’ka",
        "nuk ka",
        "nuk ka të dhëna",
        "nuk ka te dhena",
        "pa të dhëna",
        "no data",
        "not available",
        "x",
    )
)

NUMBER = CellValue(ValueStatus.NUMBER)
EMPTY = CellValue(ValueStatus.EMPTY)
MARKER = CellValue(ValueStatus.MARKER)
TEXT = CellValue(ValueStatus.TEXT)
FORMULA = CellValue(ValueStatus.FORMULA)

# A dot before exactly three digits is a thousands separator (1.234), so not plain.
_PLAIN = re.compile(r"[+-]?\d+(?:\.(?:\d{1,2}|\d{4,}))?")
_SPACE_GROUPS = re.compile(r"[+-]?\d{1,3}(?: \d{3})+(?:[.,]\d+)?")
_DOT_GROUPS = re.compile(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+")
_COMMA_GROUPS = re.compile(r"[+-]?\d{1,3}(?:,\d{3}){2,}")
# What is left of a number typed as text once its separators are read: digits and one
# point. float() alone would also take "nan", "inf", "1e999" and "1_000".
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " "})


def read_value(value: object) -> CellValue:
    """Classify one cell as calamine or the CSV reader gives it."""
    if isinstance(value, bool):
        return TEXT
    if isinstance(value, float | int):
        # calamine reads <v>inf</v> and <v>NaN</v> as numbers: no indicator can hold one.
        number = float(value)
        return CellValue(ValueStatus.NUMBER, number) if isfinite(number) else TEXT
    if isinstance(value, str):
        return read_text(value)
    if value is None:
        return EMPTY
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        return TEXT
    return TEXT


def read_text(text: str) -> CellValue:
    stripped = text.strip()
    if not stripped:
        return EMPTY
    if _PLAIN.fullmatch(stripped):
        plain = float(stripped)  # infinite when it has 309 digits or more
        return CellValue(ValueStatus.NUMBER, plain) if isfinite(plain) else TEXT
    number = parse_number_text(stripped)
    if number is not None:
        return CellValue(ValueStatus.NUMBER, number, interpreted=True)
    if normalize_label(stripped) in MISSING_MARKERS or stripped in MISSING_MARKERS:
        return MARKER
    return TEXT


def parse_number_text(text: str) -> float | None:
    """A number typed as text in Albanian or English habits, or None if it is not one."""
    candidate = text.translate(_SPACES).strip().lstrip("'").strip()
    if candidate.endswith("%"):
        candidate = candidate[:-1].strip()
    if not candidate:
        return None
    if " " in candidate:
        if not _SPACE_GROUPS.fullmatch(candidate):
            return None
        candidate = candidate.replace(" ", "")
    has_dot, has_comma = "." in candidate, "," in candidate
    if has_dot and has_comma:
        decimal = "," if candidate.rfind(",") > candidate.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        candidate = candidate.replace(thousands, "").replace(decimal, ".")
    elif has_dot and _DOT_GROUPS.fullmatch(candidate):
        candidate = candidate.replace(".", "")
    elif has_comma:
        if _COMMA_GROUPS.fullmatch(candidate):
            candidate = candidate.replace(",", "")
        elif candidate.count(",") == 1:
            candidate = candidate.replace(",", ".")
    if not _DECIMAL.fullmatch(candidate):
        return None
    number = float(candidate)
    return number if isfinite(number) else None
