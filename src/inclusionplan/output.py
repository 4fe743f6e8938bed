"""Writing outputs so that nothing is lost: a temporary file beside the target, renamed
into place only when complete. An interrupted run leaves the previous output intact."""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from pathlib import Path


def write_atomic(path: Path, data: bytes | str) -> None:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        Path(temporary).chmod(mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or what the umask gives a new file (mkstemp's
    temporary files are private, which a shared folder would not expect)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# Characters XML 1.0 forbids (C0 controls but tab, newline and carriage return; U+FFFE/F).
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class XmlCleaner:
    """Removes characters XML forbids, counting them so the caller can warn."""

    def __init__(self) -> None:
        self.removed = 0

    def __call__(self, text: str) -> str:
        cleaned, count = XML_FORBIDDEN.subn("", text)
        self.removed += count
        return cleaned


_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def normalize_zip(
    data: bytes, date_time: tuple[int, ...], fixed_core_date: str | None = None
) -> bytes:
    """An Office file (.docx, .xlsx) whose bytes depend only on its content: the same
    parts in a fixed order with a fixed timestamp; ``fixed_core_date`` replaces the
    created and modified dates a writer stamped in docProps/core.xml."""
    stamp = tuple(date_time[:6]) if date_time[0] >= 1980 else (1980, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    parts.sort(key=lambda part: (part[0] != "[Content_Types].xml", part[0]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, payload in parts:
            if fixed_core_date and name == "docProps/core.xml":
                payload = _CORE_DATES.sub(
                    lambda m: m.group(1) + fixed_core_date.encode() + m.group(2), payload
                )
            info = zipfile.ZipInfo(name, date_time=stamp)  # type: ignore[arg-type]
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            target.writestr(info, payload)
    return out.getvalue()
