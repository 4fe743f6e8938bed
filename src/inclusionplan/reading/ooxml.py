"""Facts about an .xlsx that calamine does not report: formulas never calculated, hidden
rows and columns, the unpacked size (a zip bomb is refused before it is parsed) and the
size of each sheet's grid (see ``grid``).

A regular-expression pass over the sheet XML, run only where the bytes mention a formula
or a hidden row, so ordinary files cost one decompression. A large sheet is checked a
piece at a time as it is inflated, never held whole (``whole_tag_pieces``).
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from inclusionplan.reading.grid import (
    TooManyCellsError,
    shared_strings_declared,
    xlsx_piece_usual,
    xlsx_sheet_fits,
)
from inclusionplan.reading.halves import (
    SHEET_FOLDERS,
    Cutter,
    SheetHalves,
    remove_folder,
    scratch_folder,
)

_SHEET = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_REL = re.compile(rb"<Relationship\b([^>]*)/?>")
_ATTR = re.compile(rb'(\w+)="([^"]*)"')


def _sheet_patterns(prefix: bytes) -> tuple[re.Pattern[bytes], ...]:
    """A cell whose content starts with a formula (and its cached value when there is one),
    and rows and column ranges with a hidden attribute (attribute order varies by
    producer), for elements written with ``prefix``."""
    p = prefix
    return (
        re.compile(
            b"<" + p + rb'c\b[^>]*?\br="([A-Z]+)(\d+)"[^>/]*>\s*<' + p + rb"f\b"
            rb"(?:[^>]*/>|[^>]*>[^<]*</" + p + rb"f>)\s*(<" + p + rb"v>[^<])?"
        ),
        re.compile(b"<" + p + rb"row\b([^>]*\bhidden=[^>]*)>"),
        re.compile(b"<" + p + rb"col\b([^>]*\bhidden=[^>]*)>"),
    )


_PLAIN_SHEET = _sheet_patterns(b"")
# Elements with a prefix, as the OpenXML SDK writes them (<x:c>, <x:row>): calamine reads
# them as any other, so they are scanned too.
_PREFIXED_SHEET = _sheet_patterns(rb"(?:[\w.-]+:)?")
_HIDDEN_TRUE = (b"1", b"true")
_SST_HEAD_BYTES = 65536
_SCAN_WHILE_PARSING_BYTES = 4 * 2**20
_PIECE_BYTES = 2**20
_LONGEST_TAG_BYTES = 2**20
# A text without a '<' hands on its last bytes, so that no marker looked for in pieces
# (the longest is 'hidden=') is cut in two.
_OVERLAP_BYTES = 8
# How often a rare byte of a marker is checked before the marker is looked for whole.
_FEW_BYTES = 64


class TooLargeError(Exception):
    def __init__(self, limit_bytes: int) -> None:
        super().__init__(limit_bytes)
        self.limit_bytes = limit_bytes


class TooManyRowsError(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


@dataclass(slots=True)
class SheetFacts:
    formulas_without_value: frozenset[tuple[int, int]] = frozenset()
    hidden_rows: tuple[int, ...] = ()
    hidden_columns: tuple[int, ...] = ()


@dataclass(slots=True)
class WorkbookFacts:
    sheets: dict[str, SheetFacts] = field(default_factory=dict)
    unscanned: dict[str, str] = field(default_factory=dict)
    """Large sheets' parts whose pieces may hold a formula or a hidden row, to be scanned
    (``scan_part``) while calamine parses them: it does so without the GIL."""
    halves: dict[str, SheetHalves] = field(default_factory=dict)
    """Large sheets cut in two for calamine to parse side by side (see ``halves``)."""
    folder: Path | None = None
    """Where the halves are: removed with ``remove_halves``."""

    def remove_halves(self) -> None:
        if self.folder is not None:
            remove_folder(self.folder)
            self.folder = None
            self.halves.clear()


class _TagTooLongError(Exception):
    """A tag too long to hand on from piece to piece: the part is read whole instead."""


def column_number(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number


def check_unpacked_size(archive: zipfile.ZipFile, limit_bytes: int) -> None:
    if sum(info.file_size for info in archive.infolist()) > limit_bytes:
        raise TooLargeError(limit_bytes)


def scan_xlsx(
    archive: zipfile.ZipFile,
    max_rows: int = 1_000_000,
    max_cells: int = 30_000_000,
    cut_large_sheets: bool = False,
) -> WorkbookFacts:
    """Formulas without values and hidden rows and columns, per sheet name (a large
    sheet's are left for later, see ``WorkbookFacts``). A sheet with more than
    ``max_rows`` rows, or whose grid would pass ``max_cells``, is refused before calamine
    parses it, as is a shared-string table declaring more than ``max_cells``. With
    ``cut_large_sheets`` a large sheet is also cut in two as it passes (see ``halves``):
    the caller removes them (``WorkbookFacts.remove_halves``).

    Call ``check_unpacked_size`` first: this reads every sheet part.
    """
    facts = WorkbookFacts()
    try:
        _scan_xlsx(archive, max_rows, max_cells, cut_large_sheets, facts)
    except BaseException:
        facts.remove_halves()
        raise
    return facts


def _scan_xlsx(
    archive: zipfile.ZipFile,
    max_rows: int,
    max_cells: int,
    cut_large_sheets: bool,
    facts: WorkbookFacts,
) -> None:
    names = set(archive.namelist())
    workbook = archive.read("xl/workbook.xml")
    rels = (
        archive.read("xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else b""
    )
    targets: dict[bytes, str] = {}
    for match in _REL.finditer(rels):
        attrs = dict(_ATTR.findall(match.group(1)))
        target = attrs.get(b"Target", b"").decode("utf-8", "replace").lstrip("/")
        if not target.startswith("xl/"):
            target = "xl/" + target
        targets[attrs.get(b"Id", b"")] = target
    sheet_names: dict[str, list[str]] = {}
    for raw_name, rel_id in _SHEET.findall(workbook):
        part = targets.get(rel_id)
        if part is not None and part in names:
            name = html.unescape(raw_name.decode("utf-8", "replace"))
            sheet_names.setdefault(part, []).append(name)
    for info in archive.infolist():
        if info.filename.lower().endswith("sharedstrings.xml"):
            _check_shared_strings(archive, info, max_cells)
        # Every part where calamine looks for sheets is checked, whatever workbook.xml
        # says, so no spelling of a relationship slips a sheet past.
        is_sheet = info.filename.startswith(SHEET_FOLDERS) and "/_rels/" not in info.filename
        if not is_sheet and info.filename not in sheet_names:
            continue
        if info.file_size >= _SCAN_WHILE_PARSING_BYTES:
            names_of_part = sheet_names.get(info.filename, [])
            cutter = None
            if cut_large_sheets and names_of_part:
                if facts.folder is None:
                    facts.folder = scratch_folder()
                cutter = Cutter(archive, info, facts.folder / str(len(facts.halves)))
            sheet_facts, halves = _check_large_sheet(archive, info, max_rows, max_cells, cutter)
            for name in names_of_part:
                if sheet_facts is None:
                    facts.unscanned[name] = info.filename
                else:
                    facts.sheets[name] = sheet_facts
                if halves is not None:
                    facts.halves[name] = halves
            continue
        xml = archive.read(info)
        _check_sheet(xml, max_rows, max_cells)
        for name in sheet_names.get(info.filename, []):
            facts.sheets[name] = scan_sheet(xml)


def _check_sheet(xml: bytes, max_rows: int, max_cells: int) -> None:
    if xml.count(b"<row") > max_rows:
        raise TooManyRowsError(max_rows)
    if not xlsx_sheet_fits(xml, max_cells):
        raise TooManyCellsError(max_cells)


def _check_large_sheet(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    max_rows: int,
    max_cells: int,
    cutter: Cutter | None,
) -> tuple[SheetFacts | None, SheetHalves | None]:
    """``_check_sheet`` on pieces of the part as it is inflated, and its facts when the
    pieces show it has none (None: it may have, ``scan_part`` finds them). The whole
    part is 60 MB for 200,000 rows: it is not held while calamine parses it, and filling
    pieces is faster than filling a fresh buffer that size. A part whose pieces do not
    clear its grid is read whole and checked and scanned as a small one is (and is not
    cut in two)."""
    pieces = inflated(archive, info)
    cleared, may_have_facts = _cleared_in_pieces(
        cutter.passing(pieces) if cutter else pieces, max_rows, max_cells
    )
    if cleared:
        return None if may_have_facts else SheetFacts(), cutter.finish() if cutter else None
    if cutter:
        cutter.discard()
    xml = archive.read(info)
    _check_sheet(xml, max_rows, max_cells)
    return scan_sheet(xml), None


def _cleared_in_pieces(pieces: Iterable[bytes], max_rows: int, max_cells: int) -> tuple[bool, bool]:
    """Whether the pieces clear the sheet (False at the first that does not), and
    whether they may hold a formula, a hidden row or column, or a prefixed element."""
    rows = 0
    may_have_facts = False
    try:
        for text, end in whole_tag_pieces(pieces):
            rows += text.count(b"<row", 0, end)
            if rows > max_rows:
                raise TooManyRowsError(max_rows)
            if not xlsx_piece_usual(text, end, max_cells):
                return False, True
            may_have_facts = may_have_facts or _may_have_facts(text, end)
    except _TagTooLongError:
        return False, True
    return True, may_have_facts


def inflated(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A part's bytes, a piece at a time (zipfile checks the CRC at the end)."""
    with archive.open(info) as part:
        while piece := part.read(_PIECE_BYTES):
            yield piece


def whole_tag_pieces(pieces: Iterable[bytes]) -> Iterator[tuple[bytes, int]]:
    """Texts made of ``pieces`` and an ``end`` in each, the start of its last tag. What
    starts before ``end`` ends before it (a tag, or bytes without '<'; a '<' inside an
    attribute value only cuts a tag short, which makes it unusual), and the next text
    starts at ``end``: looking for something up to ``end`` in every text finds what
    looking in the whole part would, and each occurrence of a tag once.

    Raises ``_TagTooLongError`` for a tag past a megabyte: handing it on would copy it
    again with every piece.
    """
    tail = b""
    for piece in pieces:
        text = tail + piece if tail else piece
        end = text.rfind(b"<")
        if end < 0:
            end, tail = len(text), text[-_OVERLAP_BYTES:]
            yield text, end
            continue
        if len(text) - end > _LONGEST_TAG_BYTES:
            raise _TagTooLongError
        yield text, end
        tail = text[end:]
    if tail:
        yield tail, len(tail)


def _check_shared_strings(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> None:
    """calamine reserves room for the ``uniqueCount`` the table declares, true or not."""
    with archive.open(info) as part:
        head = part.read(_SST_HEAD_BYTES)
        declared = shared_strings_declared(head)
        if declared is None:
            declared = shared_strings_declared(head + part.read())
    if declared is not None and declared > limit:
        raise TooManyCellsError(limit)


def scan_part(data: bytes, part: str) -> SheetFacts:
    """``scan_sheet`` of a large sheet part whose pieces may have facts."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return scan_sheet(archive.read(part))


def _may_have_facts(text: bytes, end: int) -> bool:
    """Whether ``scan_sheet`` would find something in the part this text is of."""
    return (
        _holds(text, end, b"<f", 1)
        or _holds(text, end, b"hidden=", 0)
        or _holds(text, end, b":c", 0)
    )


def _holds(text: bytes, end: int, marker: bytes, rare: int) -> bool:
    """Whether ``text[:end]`` holds ``marker``. Its byte at ``rare`` is rare in a sheet
    and is looked for at memchr speed, where a search for the whole marker moves a few
    bytes at a time; a text where that byte is common is searched for the marker."""
    position = text.find(marker[rare], rare, end)
    for _ in range(_FEW_BYTES):
        if position < 0:
            return False
        if text.startswith(marker, position - rare, end):
            return True
        position = text.find(marker[rare], position + 1, end)
    return text.find(marker, 0, end) >= 0


def scan_sheet(xml: bytes) -> SheetFacts:
    """The formulas without a value and the hidden rows and columns of one sheet part."""
    facts = SheetFacts()
    prefixed = xml.find(b":") >= 0 and b":c" in xml  # <x:c>, <x:col>: a prefixed sheet
    formula_cell, hidden_row, hidden_column = _PREFIXED_SHEET if prefixed else _PLAIN_SHEET
    if prefixed or b"<f" in xml:
        facts.formulas_without_value = frozenset(
            (int(row), column_number(letters))
            for letters, row, value in formula_cell.findall(xml)
            if not value
        )
    if b"hidden=" in xml:
        rows: list[int] = []
        for attributes in hidden_row.findall(xml):
            values = dict(_ATTR.findall(attributes))
            if values.get(b"hidden") in _HIDDEN_TRUE and values.get(b"r", b"").isdigit():
                rows.append(int(values[b"r"]))
        columns: list[int] = []
        for attributes in hidden_column.findall(xml):
            values = dict(_ATTR.findall(attributes))
            low, high = values.get(b"min", b""), values.get(b"max", b"")
            if values.get(b"hidden") in _HIDDEN_TRUE and low.isdigit() and high.isdigit():
                columns.extend(range(int(low), min(int(high), 16384) + 1))
        facts.hidden_rows = tuple(rows)
        facts.hidden_columns = tuple(columns)
    return facts
