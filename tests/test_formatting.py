"""Numbers as Albanian and English readers expect them, whatever a cell holds."""

from __future__ import annotations

import pytest

from inclusionplan.formatting import format_number, format_percent


@pytest.mark.parametrize(
    ("value", "sq", "en"),
    [
        (1234567.8, "1\u00a0234\u00a0567,8", "1,234,567.8"),
        (4200.0, "4\u00a0200", "4,200"),
        (-3.0, "-3", "-3"),
        (0.125, "0,12", "0.12"),
    ],
)
def test_numbers_in_each_language(value: float, sq: str, en: str) -> None:
    assert format_number(value, "sq") == sq
    assert format_number(value, "en") == en


@pytest.mark.parametrize("value", [1e28, -1e300, 1.7976931348623157e308])
def test_numbers_too_large_for_the_default_decimal_context(value: float) -> None:
    """A cell may hold any float: a -1e300 in a form is a finding, and its message names it."""
    digits = format_number(value, "en").lstrip("-").replace(",", "")
    assert digits.isdigit() and float(digits) == abs(value)
    assert format_percent(value, "sq").endswith("%")
