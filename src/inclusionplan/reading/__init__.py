"""Reading submissions: every file becomes a ``Submission``, whatever it holds.

The format comes from the bytes, not the name (institutions rename files); a file that
cannot be read is a finding (``unreadable-file``) with a plain reason, never an exception.
"""

from __future__ import annotations

import contextlib
import io
import os
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from inclusionplan.findings import Finding, Severity
from inclusionplan.observations import Submission

if TYPE_CHECKING:
    import python_calamine

    from inclusionplan.reading.ooxml import WorkbookFacts

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".xlsb"})
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


@dataclass(frozen=True, slots=True)
class Limits:
    """What one file may cost before it is refused (see SECURITY.md)."""

    max_file_bytes: int = 256 * 1024 * 1024
    max_unpacked_bytes: int = 256 * 1024 * 1024
    max_rows: int = 1_000_000
    # calamine holds a sheet as one grid of 32-byte cells: about 1 GB at this size.
    max_cells: int = 30_000_000


DEFAULT_LIMITS = Limits()


class UnreadableError(Exception):
    """Why a file cannot be read: a reason code of the catalogue and its parameters."""

    def __init__(self, reason: str, **params: object) -> None:
        super().__init__(reason)
        self.reason = {"code": reason, **params}


def read_submission(
    path: Path,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    checked: Callable[[], None] | None = None,
) -> Submission:
    """Read one file; problems with the file itself become findings of the submission.

    ``checked`` is called once the file has passed the checks, before calamine parses it
    (for a sheet cut in two, once calamine is parsing both halves).
    """
    display = name or str(path)
    submission = Submission(path=path, name=display, format=path.suffix.lower().lstrip("."))
    try:
        data = read_bytes(path, limits)
        with _open_zip(data) as archive:
            submission.format = sniff_format(data, path.suffix.lower(), archive)
            _read_into(submission, data, archive, limits, checked)
    except UnreadableError as problem:
        submission.findings.append(unreadable_finding(display, problem.reason))
    except Exception as error:  # calamine and zipfile raise many kinds on damaged files
        submission.findings.append(unreadable_finding(display, reason_of(error)))
    except BaseException as error:
        if not is_panic(error):
            raise
        submission.findings.append(unreadable_finding(display, {"code": "reason-corrupt"}))
    if submission.readable and submission.empty:
        submission.findings = [unreadable_finding(display, {"code": "reason-empty-workbook"})]
    elif submission.readable and not submission.tables:
        submission.findings.append(
            Finding(
                code="no-data-sheet",
                severity=Severity.ERROR,
                file=display,
                params={"sheets": ", ".join(_skipped_sheets(submission)) or "-"},
            )
        )
    return submission


class ReadAhead:
    """Reads files in a background thread, in the order given, while the caller does
    something else (loading a large schema, say).

    calamine parses a sheet without holding the GIL, so for a large workbook that work
    overlaps the caller's almost entirely. The checks before it do hold the GIL: a caller
    that waits for them (``wait_until_checked``) keeps its own work from slowing them
    down. ``read`` hands over a file read ahead, or reads it now; ``close`` stops reading
    ahead after the file being read.
    """

    def __init__(self, files: Sequence[tuple[Path, str]], limits: Limits = DEFAULT_LIMITS) -> None:
        import threading
        from concurrent.futures import ThreadPoolExecutor

        self.limits = limits
        self._first_checked = threading.Event()
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="inclusionplan-read-ahead")
        self._ahead = {
            name: self._pool.submit(self._read, path, name, index == 0)
            for index, (path, name) in enumerate(files)
        }

    def _read(self, path: Path, name: str, first: bool) -> Submission:
        if not first:
            return read_submission(path, name, self.limits)
        try:
            return read_submission(path, name, self.limits, self._first_checked.set)
        finally:
            self._first_checked.set()  # checked, refused or failed: no one waits any longer

    def wait_until_checked(self) -> None:
        """Until the first file has passed its checks (or been refused)."""
        if self._ahead:
            self._first_checked.wait()

    def read(self, path: Path, name: str, limits: Limits) -> Submission:
        future = self._ahead.pop(name, None) if limits == self.limits else None
        if future is None:
            return read_submission(path, name, limits)
        return future.result()

    def close(self) -> None:
        self._ahead.clear()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def read_bytes(path: Path, limits: Limits) -> bytes:
    try:
        with path.open("rb") as file:  # one open for the size and the bytes
            if os.fstat(file.fileno()).st_size > limits.max_file_bytes:
                raise UnreadableError("reason-too-large", limit_mb=limits.max_file_bytes // 2**20)
            data = file.read()
    except OSError as error:
        raise UnreadableError("reason-io", detail=error.strerror or type(error).__name__) from None
    if not data.strip():
        raise UnreadableError("reason-empty")
    return data


def _open_zip(data: bytes) -> contextlib.AbstractContextManager[zipfile.ZipFile | None]:
    """The zip archive of an xlsx or ods, opened once for sniffing, limits and scanning."""
    if not data.startswith(_ZIP):
        return contextlib.nullcontext()
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UnreadableError("reason-corrupt") from None


def sniff_format(data: bytes, suffix: str, archive: zipfile.ZipFile | None = None) -> str:
    """The real format of the bytes: xlsx, ods, xls or csv; anything else is refused."""
    if archive is not None:
        names = set(archive.namelist())
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "xl/workbook.bin" in names:
            raise UnreadableError("reason-unsupported-format", suffix=".xlsb")
        if "content.xml" in names:
            return "ods"
        raise UnreadableError("reason-not-a-spreadsheet")
    if data.startswith(_OLE):
        if is_encrypted_office_file(data):
            raise UnreadableError("reason-password")
        return "xls"
    if suffix in (".csv", ".txt") and (
        data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in data[:4096]
    ):
        return "csv"
    if suffix in (".csv", ".txt"):
        raise UnreadableError("reason-encoding")
    raise UnreadableError("reason-not-a-spreadsheet")


def is_encrypted_office_file(data: bytes) -> bool:
    """A password-protected .xlsx or .docx: Office wraps it in an OLE container."""
    return data.startswith(_OLE) and _ENCRYPTED in data[:2_000_000]


def _read_into(
    submission: Submission,
    data: bytes,
    archive: zipfile.ZipFile | None,
    limits: Limits,
    checked: Callable[[], None] | None,
) -> None:
    if submission.format == "csv":
        from inclusionplan.reading.csvfile import UnknownEncodingError, read_rows
        from inclusionplan.reading.tables import read_table

        try:
            rows = read_rows(data)
        except UnknownEncodingError:
            raise UnreadableError("reason-encoding") from None
        table = read_table(rows, "CSV", submission.name)
        if table is None:
            submission.findings.append(
                Finding(
                    "sheet-skipped",
                    Severity.INFO,
                    submission.name,
                    sheet="CSV",
                    params={"sheet": "CSV"},
                )
            )
            return
        submission.tables.append(table.table)
        submission.findings.extend(table.findings)
        submission.institution_label = table.institution_label
        return
    from inclusionplan.reading.spreadsheet import read_workbook

    facts = check_workbook(submission.format, data, archive, limits, _cores() > 1)
    try:
        cut = facts is not None and bool(facts.halves)
        if checked is not None and not cut:
            checked()
        read_workbook(data, submission, facts, checked if cut else None)
    finally:
        if facts is not None:
            facts.remove_halves()


def _cores() -> int:
    """The cores this process may run on: a large sheet is cut in two only with two."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def open_workbook(path: Path, limits: Limits = DEFAULT_LIMITS) -> python_calamine.CalamineWorkbook:
    """A workbook of the plan team (action matrix, consultation log) for calamine, after
    the checks a submission gets: its size, its format and the grid of every sheet.

    Raises ``UnreadableError``; calamine's own errors (and panics) come later, from the
    sheets, for the caller to catch.
    """
    import python_calamine

    data = read_bytes(path, limits)
    with _open_zip(data) as archive:
        file_format = sniff_format(data, path.suffix.lower(), archive)
        if file_format == "csv":
            raise UnreadableError("reason-not-a-spreadsheet")
        check_workbook(file_format, data, archive, limits)
    return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))


def check_workbook(
    file_format: str,
    data: bytes,
    archive: zipfile.ZipFile | None,
    limits: Limits,
    cut_large_sheets: bool = False,
) -> WorkbookFacts | None:
    """Refuse a workbook calamine must not parse (too large unpacked, too many rows, a
    grid past ``limits.max_cells``); for an .xlsx, the facts calamine does not report,
    with its large sheets cut in two when ``cut_large_sheets`` (the caller removes them:
    ``WorkbookFacts.remove_halves``)."""
    from inclusionplan.reading.grid import TooManyCellsError, check_ods
    from inclusionplan.reading.ooxml import (
        TooLargeError,
        TooManyRowsError,
        check_unpacked_size,
        scan_xlsx,
    )

    facts: WorkbookFacts | None = None
    try:
        if archive is not None:
            check_unpacked_size(archive, limits.max_unpacked_bytes)
        if archive is not None and file_format == "xlsx":
            facts = scan_xlsx(archive, limits.max_rows, limits.max_cells, cut_large_sheets)
        if archive is not None and file_format == "ods":
            check_ods(archive, limits.max_cells)
        if file_format == "xls":
            _check_xls(data, limits.max_cells)
    except TooLargeError as too_large:
        raise UnreadableError("reason-too-large", limit_mb=too_large.limit_bytes // 2**20) from None
    except TooManyRowsError as too_many:
        raise UnreadableError("reason-too-many-rows", limit=too_many.limit) from None
    except TooManyCellsError as too_many:
        raise UnreadableError("reason-too-many-cells", limit=too_many.limit) from None
    return facts


def _check_xls(data: bytes, limit: int) -> None:
    from inclusionplan.reading.grid import TooManyCellsError, check_xls

    try:
        check_xls(data, limit)
    except TooManyCellsError:
        raise
    except Exception:  # a container olefile cannot walk is not handed to calamine either
        raise UnreadableError("reason-corrupt") from None


def reason_of(error: Exception) -> dict[str, object]:
    import python_calamine

    if isinstance(error, python_calamine.PasswordError):
        return {"code": "reason-password"}
    if isinstance(error, zipfile.BadZipFile | python_calamine.ZipError | python_calamine.XmlError):
        return {"code": "reason-corrupt"}
    if isinstance(error, python_calamine.CalamineError):
        return {"code": "reason-corrupt"}
    return {"code": "reason-io", "detail": type(error).__name__}


def is_panic(error: BaseException) -> bool:
    """A Rust panic inside calamine on a damaged file. pyo3 derives it from BaseException
    and every extension has its own class, so only the name tells it."""
    return type(error).__name__ == "PanicException"


def unreadable_finding(file: str, reason: dict[str, object]) -> Finding:
    return Finding("unreadable-file", Severity.ERROR, file, params={"reason": reason})


def _skipped_sheets(submission: Submission) -> list[str]:
    return [f.sheet for f in submission.findings if f.code == "sheet-skipped" and f.sheet]
