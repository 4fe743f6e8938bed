"""One catalogue: every code documented and translated, the docs page generated from it."""

from __future__ import annotations

import string

import pytest

from inclusionplan.catalogue import (
    FINDING_TYPES,
    FINDING_TYPES_BY_CODE,
    LANGUAGES,
    MESSAGES,
    catalogue_markdown,
    message_text,
)
from tests.conftest import REPO

REQUIRED = [
    "unreadable-file",
    "no-data-sheet",
    "sheet-skipped",
    "unknown-indicator",
    "unknown-breakdown",
    "unexpected-year",
    "missing-year",
    "missing-value",
    "not-a-number",
    "not-a-whole-number",
    "negative-value",
    "out-of-range",
    "duplicate-value",
    "partition-mismatch",
    "subgroup-exceeds-total",
    "rule-violation",
    "large-change",
    "interpreted-text",
    "formula-without-value",
    "name-mismatch",
    "missing-indicator",
]


def test_required_codes_exist() -> None:
    assert set(REQUIRED) <= set(FINDING_TYPES_BY_CODE)


@pytest.mark.parametrize("finding_type", FINDING_TYPES, ids=lambda t: t.code)
def test_every_code_has_title_explanation_and_message_in_every_language(finding_type) -> None:  # type: ignore[no-untyped-def]
    for lang in LANGUAGES:
        assert finding_type.title[lang].strip()
        assert finding_type.explanation[lang].strip()
        assert MESSAGES[finding_type.code][lang].strip()


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_the_same_placeholders_in_both_languages(key: str) -> None:
    fields = {
        lang: {name for _, name, _, _ in string.Formatter().parse(MESSAGES[key][lang]) if name}
        for lang in LANGUAGES
    }
    assert fields["sq"] == fields["en"]


def test_findings_page_is_generated_from_the_catalogue() -> None:
    page = (REPO / "docs" / "findings.md").read_text(encoding="utf-8")
    hint = "run: inclusionplan codes --format markdown > docs/findings.md"
    assert page == catalogue_markdown(), hint


def test_limits_are_shown_with_thousands_separators_and_years_are_not() -> None:
    from inclusionplan.formatting import format_number

    rows = message_text("reason-too-many-rows", "sq", {"limit": 1_000_000})
    assert format_number(1_000_000, "sq") in rows and "1000000" not in rows
    cells = message_text("reason-too-many-cells", "en", {"limit": 30_000_000})
    assert "more than 30,000,000 cells" in cells
    year = message_text("unexpected-year", "en", {"year": 2016, "years": "2012-2016"})
    assert year.startswith("Year 2016 is not")
