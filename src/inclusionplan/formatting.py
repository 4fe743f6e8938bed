"""Numbers, percentages and dates as an Albanian (CLDR ``sq_AL``) or English reader expects.

Babel is imported on first use: a clean validation never formats a number.
"""

from __future__ import annotations

import datetime
import decimal
from functools import cache, lru_cache

LOCALES = {"sq": "sq_AL", "en": "en_GB"}
# Babel rounds in the current decimal context, whose 28 digits fail on a number above about
# 1e26 (a cell may hold up to 1.8e308): enough digits for any float.
_ANY_FLOAT = decimal.Context(prec=400)


def locale_for(lang: str) -> str:
    return LOCALES.get(lang, lang)


@lru_cache(maxsize=4096)  # a report repeats the same counts file after file
def format_number(value: float, lang: str, decimals: int = 2) -> str:
    """``1 234 567,8`` in Albanian, ``1,234,567.8`` in English; whole numbers stay whole."""
    from babel.numbers import format_decimal

    pattern = _pattern(decimals)
    with decimal.localcontext(_ANY_FLOAT):
        return str(format_decimal(value, format=pattern, locale=locale_for(lang)))


@lru_cache(maxsize=4096)
def format_percent(share: float, lang: str, decimals: int = 1) -> str:
    """A share (0.123) as ``12,3%``."""
    from babel.numbers import format_percent as babel_percent

    pattern = _pattern(decimals) + "%"
    with decimal.localcontext(_ANY_FLOAT):
        return str(babel_percent(share, format=pattern, locale=locale_for(lang)))


def format_date(date: datetime.date, lang: str) -> str:
    """``24 nëntor 2016`` / ``24 November 2016``."""
    from babel.dates import format_date as babel_date

    return str(babel_date(date, format="long", locale=locale_for(lang)))


@cache
def _pattern(decimals: int) -> str:
    return "#,##0" + ("." + "#" * decimals if decimals else "")
