"""Year ranges as people write them: ``2012-2016``, ``2012,2014``, ``2012-2014,2016``."""

from __future__ import annotations

import re

from inclusionplan.errors import UsageError

_PART = re.compile(r"\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*")


def parse_years(text: str) -> tuple[int, ...]:
    years: set[int] = set()
    for part in str(text).split(","):
        match = _PART.fullmatch(part)
        if match is None:
            raise UsageError("bad-years", text=text)
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if last < first or last - first > 100:
            raise UsageError("bad-years", text=text)
        years.update(range(first, last + 1))
    return tuple(sorted(years))
