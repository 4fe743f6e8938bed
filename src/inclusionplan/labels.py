"""Matching what people type against known labels: case-, accent- and space-insensitive."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

INDICATOR_CODE = r"[A-Z]{1,5}\d{1,4}[A-Z]?"
"""The form of an indicator code (EM01, SP12A): what the schema requires and what reading
takes as written, without normalising it."""

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_EDGE_PUNCTUATION = ":.*;,"


@lru_cache(maxsize=8192)
def normalize_label(text: str) -> str:
    """``'  Gjithsej: '`` and ``'GJITHSEJ'`` both become ``'gjithsej'``; ``ë`` matches ``e``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = _SPACES.sub(" ", stripped.casefold()).strip()
    return folded.strip(_EDGE_PUNCTUATION).strip()
