"""CSV exports: UTF-8 with or without BOM, or Windows-1252/1250 from older Excel;
separated by ``,``, ``;`` or tabs."""

from __future__ import annotations

import csv
import io

ENCODINGS = ("utf-8-sig", "cp1252", "cp1250")


class UnknownEncodingError(Exception):
    pass


def decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnknownEncodingError from None
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnknownEncodingError


def delimiter_of(text: str) -> str:
    """``;`` where it separates the first lines (decimal commas are common), else tab or ``,``."""
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    if not lines:
        return ","
    scores = {d: sum(line.count(d) for line in lines) for d in (";", "\t", ",")}
    for delimiter in (";", "\t"):
        if scores[delimiter] >= len(lines) // 2 + 1 and scores[delimiter] >= scores[","] / 4:
            return delimiter
    return ","


def read_rows(data: bytes) -> list[list[object]]:
    text = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(text))
    return [list(row) for row in reader]
