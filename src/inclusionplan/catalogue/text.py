"""A text in both languages of the tool, the shape every catalogue entry has."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("sq", "en")

Text = Mapping[str, str]


def bilingual(sq: str, en: str) -> Text:
    return {"sq": sq, "en": en}
