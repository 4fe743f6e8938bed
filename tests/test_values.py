import datetime

import pytest

from inclusionplan.values import ValueStatus, read_value


@pytest.mark.parametrize(
    ("cell", "number", "interpreted"),
    [
        (1234.0, 1234.0, False),
        (7, 7.0, False),
        ("1234", 1234.0, False),
        ("12.5", 12.5, False),
        ("1 234", 1234.0, True),
        ("1\u00a0234", 1234.0, True),
        ("1.234", 1234.0, True),
        ("1.234.567", 1234567.0, True),
        ("1234,5", 1234.5, True),
        ("1.234,5", 1234.5, True),
        ("1,234,567", 1234567.0, True),
        ("12,5%", 12.5, True),
        ("'1234", 1234.0, True),
        ("0.125", 0.125, True),
        ("-5", -5.0, False),
    ],
)
def test_numbers_typed_as_text_follow_albanian_habits(
    cell: object, number: float, interpreted: bool
) -> None:
    value = read_value(cell)
    assert value.status is ValueStatus.NUMBER
    assert value.number == number
    assert value.interpreted is interpreted


@pytest.mark.parametrize(
    "cell", ["-", "–", "..", "n/a", "s'ka", "S'KA", "nuk ka të dhëna", "Nuk ka te dhena"]
)
def test_unavailable_markers_are_missing_never_zero(cell: str) -> None:
    value = read_value(cell)
    assert value.status is ValueStatus.MARKER
    assert value.number is None


@pytest.mark.parametrize("cell", ["", "   ", None])
def test_blank_cells_are_empty(cell: object) -> None:
    assert read_value(cell).status is ValueStatus.EMPTY


@pytest.mark.parametrize(
    "cell",
    [
        "abc",
        "1 23",
        True,
        datetime.date(2016, 1, 1),
        "12 persona",
        # float() would take these; no one types a count so.
        "nan",
        "NaN",
        "inf",
        "-Infinity",
        "1e5",
        "1e999",
        "1_000",
        "9" * 400,
        float("inf"),
        float("nan"),
    ],
)
def test_other_content_is_text(cell: object) -> None:
    assert read_value(cell).status is ValueStatus.TEXT
