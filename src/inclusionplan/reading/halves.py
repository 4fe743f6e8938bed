"""A large sheet cut in two workbooks that calamine parses side by side.

calamine parses a sheet on one core, without the GIL, and that parse is most of the time
a large workbook takes. Its rows are cut in two at a row tag while the sheet is inflated
for the grid guard, and each half is written, uncompressed, into a workbook of its own
with the original's other parts (styles, shared strings, the workbook's list of sheets):
two threads then parse the halves at once.

Only a sheet whose every cell gives its place (``r``, as the grid guard's usual spelling
requires) is cut, so a cell lands where it would in the whole sheet; a sheet with
comments, CDATA or processing instructions among its rows, or with no row tag past its
middle, is not. The halves are joined again (``join``) only when every row of the first
comes before every row of the second; otherwise, or when a half cannot be parsed, the
caller parses the original.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import threading
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import queue

# Where calamine looks for the parts a <sheet> points at.
SHEET_FOLDERS = ("xl/worksheets/", "xl/chartsheets/", "xl/dialogsheets/")
# Parts calamine does not read to parse one sheet's cells: left out of the halves.
_LEFT_OUT = ("xl/media/", "xl/embeddings/", "xl/drawings/", "xl/charts/", "xl/printerSettings/")
_LONGEST_PREFIX_BYTES = 2**20
# Pieces waiting for the writing thread: a slow disk holds the guard back, not memory.
_QUEUED_PIECES = 16
_ROOT = re.compile(rb"<([^\s/>?!]+)")
_SPACE = b" \t\r\n"
# calamine's rows (``to_python``): a list of lists, extended and widened here.
Rows = list[list[Any]]


@dataclass(frozen=True, slots=True)
class SheetHalves:
    """Two workbooks, each holding the cut sheet's part with half of its rows."""

    first: Path
    second: Path


@dataclass(frozen=True, slots=True)
class ParsedHalf:
    """What calamine gives for one half: its rows, and where they start and end."""

    grid: Rows
    start: tuple[int, int] | None
    end: tuple[int, int] | None


class _CannotCutError(Exception):
    """The sheet cannot be cut: it is parsed whole."""


class Cutter:
    """Writes a sheet part's pieces into two workbooks as they pass (``passing``), and
    says at the end whether the halves are whole (``finish``)."""

    def __init__(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, folder: Path) -> None:
        self._archive = archive
        self._part = info.filename
        self._middle = info.file_size // 2
        self._paths = (folder / "first.xlsx", folder / "second.xlsx")
        self._books: list[zipfile.ZipFile] = []
        self._members: list[IO[bytes]] = []
        self._head = bytearray()
        self._closing = b""
        self._written = 0  # bytes of the sheet's rows written to the first half
        self._previous = b""  # the last byte passed, for tags cut between pieces
        self._cut = False
        self._failed = False
        from queue import Queue  # here: checking small sheets does without it

        self._queue: queue.Queue[tuple[int, bytes] | None] = Queue(_QUEUED_PIECES)
        self._writer: threading.Thread | None = None
        self._write_error: OSError | None = None

    def passing(self, pieces: Iterable[bytes]) -> Iterator[bytes]:
        """The pieces, unchanged, each written to its half first. Left before the last
        (the guard refused the sheet), the halves are given up."""
        passed = False
        try:
            for piece in pieces:
                if not self._failed:
                    try:
                        self._take(piece)
                    except (_CannotCutError, OSError):
                        self._fail()
                yield piece
            passed = True
        finally:
            if not passed:
                self._fail()

    def finish(self) -> SheetHalves | None:
        """The halves, or None when the sheet was not cut."""
        if self._failed or not self._cut:
            self._fail()
            return None
        self._write(0, self._closing)
        if not self._writes_done():
            self._fail()
            return None
        try:
            for member in self._members:
                member.close()
            for book in self._books:
                _copy_other_parts(self._archive, self._part, book)
                book.close()
        except OSError:
            self._fail()
            return None
        return SheetHalves(*self._paths)

    def _take(self, piece: bytes) -> None:
        if not self._books:
            self._head += piece
            rows = self._open_halves()
            if rows is None:
                return
            piece = rows
        if _declaration(piece, self._previous):
            raise _CannotCutError
        self._previous = piece[-1:]
        if self._cut:
            self._write(1, piece)
            return
        if piece.find(b"sheetData") >= 0:
            raise _CannotCutError  # the rows end before their middle: nothing to share
        cut = self._row_tag(piece, max(0, self._middle - self._written))
        if cut < 0:
            self._write(0, piece)
            self._written += len(piece)
            return
        self._write(0, piece[:cut])
        self._write(1, piece[cut:])
        self._cut = True

    def _open_halves(self) -> bytes | None:
        """Once the head of the part (up to ``<sheetData>``) has passed, both halves are
        started with it; the rows that came with it are returned."""
        head = bytes(self._head)
        name_end = head.find(b"sheetData")
        tag_end = head.find(b">", name_end) if name_end >= 0 else -1
        if tag_end < 0:
            if len(head) > _LONGEST_PREFIX_BYTES:
                raise _CannotCutError
            return None
        tag_start = head.rfind(b"<", 0, name_end)
        root = _ROOT.search(head)
        if tag_start < 0 or root is None or head[tag_end - 1 : tag_end] == b"/":
            raise _CannotCutError
        data_name = head[tag_start + 1 : name_end + len(b"sheetData")]
        self._closing = b"</" + data_name + b"></" + root.group(1) + b">"
        self._paths[0].parent.mkdir(exist_ok=True)
        for path in self._paths:
            book = zipfile.ZipFile(path, "w", zipfile.ZIP_STORED)
            self._books.append(book)
            self._members.append(book.open(self._part, "w"))
            self._write(len(self._members) - 1, head[: tag_end + 1])
        self._head = bytearray()
        self._middle -= tag_end + 1
        return head[tag_end + 1 :]

    def _row_tag(self, piece: bytes, start: int) -> int:
        """Where a row tag starts in ``piece`` at or after ``start``, right after another
        tag (so not inside an attribute's value); -1 when there is none."""
        position = piece.find(b"<row", start)
        while position >= 0:
            following = piece[position + 4 : position + 5]
            before = position - 1
            while before >= 0 and piece[before] in _SPACE:
                before -= 1
            if following and following in b">/ \t\r\n" and piece[before : before + 1] == b">":
                return position
            position = piece.find(b"<row", position + 4)
        return -1

    def discard(self) -> None:
        """Give up cutting (the pieces were not all passed)."""
        self._fail()

    def _write(self, half: int, data: bytes) -> None:
        """Hand ``data`` to the writing thread: the CRC and the write run without the
        GIL, beside the grid guard, where in this thread they would add to its time."""
        if self._writer is None:
            self._writer = threading.Thread(
                target=self._write_queued, name="inclusionplan-cut", daemon=True
            )
            self._writer.start()
        self._queue.put((half, data))

    def _write_queued(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._write_error is None:
                try:
                    self._members[item[0]].write(item[1])
                except OSError as error:
                    self._write_error = error

    def _writes_done(self) -> bool:
        """Wait for the writing thread; whether every write succeeded."""
        if self._writer is not None:
            self._queue.put(None)
            self._writer.join()
            self._writer = None
        return self._write_error is None

    def _fail(self) -> None:
        self._failed = True
        self._writes_done()
        for member in self._members:
            with contextlib.suppress(OSError, ValueError):
                member.close()
        self._members = []
        for book in self._books:
            with contextlib.suppress(OSError, ValueError):  # the folder goes anyway
                book.close()
        self._books = []


def _declaration(piece: bytes, previous: bytes) -> bool:
    """Whether a comment, CDATA or processing instruction starts in ``piece`` (or at its
    start, after ``previous``). '!' and '?' are rare in a sheet and '<' is everywhere:
    the marks are looked for, not the pairs."""
    for mark in b"!?":
        position = piece.find(mark)
        while position >= 0:
            if (piece[position - 1 : position] if position else previous) == b"<":
                return True
            position = piece.find(mark, position + 1)
    return False


def _copy_other_parts(archive: zipfile.ZipFile, part: str, book: zipfile.ZipFile) -> None:
    """Every part but the cut sheet's, other sheets' and pictures: the workbook, its
    relationships, styles (dates) and shared strings are read when calamine opens it."""
    for info in archive.infolist():
        name = info.filename
        if name == part or name.startswith(_LEFT_OUT) or name.endswith("/"):
            continue
        if name.startswith(SHEET_FOLDERS) and "/_rels/" not in name:
            continue
        with archive.open(info) as source, book.open(name, "w") as target:
            shutil.copyfileobj(source, target, 2**20)


def scratch_folder() -> Path:
    """A private folder for the halves, in memory where the system offers one (a disk
    takes three times as long to write); the caller removes it (``remove_folder``)."""
    import tempfile  # here: checking small sheets does without it (and random behind it)

    in_memory = Path("/dev/shm")
    if in_memory.is_dir() and os.access(in_memory, os.W_OK | os.X_OK):
        with contextlib.suppress(OSError):
            return Path(tempfile.mkdtemp(prefix="inclusionplan-", dir=in_memory))
    return Path(tempfile.mkdtemp(prefix="inclusionplan-"))


def remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def join(halves: Sequence[ParsedHalf]) -> tuple[Rows, tuple[int, int]] | None:
    """The rows calamine gives for the whole sheet, and where they start; None when the
    rows of the first half do not all come before those of the second."""
    filled = [half for half in halves if half.start is not None and half.end is not None]
    if len(filled) < 2:
        if not filled:
            return [], (0, 0)
        only = filled[0]
        assert only.start is not None
        return only.grid, only.start
    first, second = filled
    assert first.start and first.end and second.start and second.end
    if first.end[0] >= second.start[0]:
        return None
    left = min(first.start[1], second.start[1])
    right = max(first.end[1], second.end[1])
    grid = _widened(first, left, right)
    grid.extend([""] * (right - left + 1) for _ in range(second.start[0] - first.end[0] - 1))
    grid.extend(_widened(second, left, right))
    return grid, (first.start[0], left)


def _widened(half: ParsedHalf, left: int, right: int) -> Rows:
    """A half's rows with empty cells added to span columns ``left`` to ``right``."""
    assert half.start is not None and half.end is not None
    before, after = half.start[1] - left, right - half.end[1]
    if not before and not after:
        return half.grid
    return [[""] * before + row + [""] * after for row in half.grid]
