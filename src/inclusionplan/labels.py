"""Matching what people type against known labels: case-, accent- and space-insensitive."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_EDGE_PUNCTUATION = ":.*;,"


@lru_cache(maxsize=8192)
def normalize_label(text: str) -> str:
    """``'  Gjithsej: '`` and ``'GJITHSEJ'`` both become ``'gjithsej'``; ``ë`` matches ``e``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = _SPACES.sub(" ", stripped.casefold()).strip()
    return folded.strip(_EDGE_PUNCTUATION).strip()
