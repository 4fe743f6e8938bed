"""Sentences from data, in both languages: rising, falling, stable, missing, gender gaps."""

from __future__ import annotations

import pytest

from inclusionplan.dataset import Dataset
from inclusionplan.narrative import gender_sentence, trend_sentence
from inclusionplan.plan_document import TEXT_KEYS
from inclusionplan.schema import builtin_schema

YEARS = (2012, 2013, 2014, 2015, 2016)


def sentences(lang: str) -> dict[str, str]:
    from importlib import resources

    import yaml

    assert "sentences" in TEXT_KEYS
    text = resources.files("inclusionplan.templates").joinpath(f"texts.{lang}.yaml").read_text()
    loaded: dict[str, str] = yaml.safe_load(text)["sentences"]
    return loaded


def dataset(code: str, rows: dict[str, list[float | None]]) -> Dataset:
    values = {
        (code, breakdown, year): value
        for breakdown, series in rows.items()
        for year, value in zip(YEARS, series, strict=True)
        if value is not None
    }
    return Dataset(schema=builtin_schema(), years=YEARS, values=values, texts=())


@pytest.mark.parametrize(
    ("series", "sq", "en"),
    [
        (
            [4210, 4000, 3900, 3700, 3562],
            "u ul me 15,4% nga 2012 në 2016, nga 4 210 në 3 562 familje",
            "fell by 15.4% from 2012 to 2016, from 4,210 to 3,562 families",
        ),
        (
            [100, 110, 120, 130, 150],
            "u rrit me 50% nga 2012 në 2016",
            "rose by 50% from 2012 to 2016",
        ),
        ([1000, 1005, 990, 1002, 1010], "mbeti i qëndrueshëm", "remained stable"),
        ([None, None, None, None, None], "nuk u raportuan të dhëna", "No data were reported"),
        ([100, None, 120, 130, 150], "mungojnë për vitet 2013", "missing for 2013"),
    ],
)
def test_trend_sentences(series: list[float | None], sq: str, en: str) -> None:
    indicator = builtin_schema().indicators["SP01"]
    data = dataset("SP01", {"total": series})
    assert sq in trend_sentence(indicator, data, sentences("sq"), "sq").replace("\u00a0", " ")
    assert en in trend_sentence(indicator, data, sentences("en"), "en")


def test_rates_move_in_percentage_points() -> None:
    indicator = builtin_schema().indicators["ED05"]
    data = dataset("ED05", {"total": [93.4, 93.8, 94.0, 94.6, 95.1]})
    assert "u rrit me 1,7 pikë përqindjeje" in trend_sentence(
        indicator, data, sentences("sq"), "sq"
    )
    assert "95.1%" in trend_sentence(indicator, data, sentences("en"), "en")


def test_gender_share_of_a_count() -> None:
    indicator = builtin_schema().indicators["EM01"]
    data = dataset(
        "EM01",
        {"total": [10, 10, 10, 10, 200], "female": [5, 5, 5, 5, 90], "male": [5, 5, 5, 5, 110]},
    )
    assert gender_sentence(indicator, data, sentences("en"), "en") == (
        "In 2016, women made up 45% of the total (90 of 200)."
    )
    assert gender_sentence(builtin_schema().indicators["HO01"], data, sentences("en"), "en") == ""
