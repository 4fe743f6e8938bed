"""An institution's analysis of its sector sent as its own file: a Word document (.docx)
or plain text (.txt, .md), read into paragraphs as an analysis sheet is.

Titles are left out (a Word heading, a Markdown ``#`` line, a short "Analiza e sektorit"),
so the plan quotes what the institution wrote about its sector, not how it headed it.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from inclusionplan.observations import SectorText
from inclusionplan.reading import Limits, UnreadableError, is_encrypted_office_file, read_bytes
from inclusionplan.reading.spreadsheet import is_heading

TEXT_SUFFIXES = frozenset({".txt", ".md"})
_ZIP = b"PK\x03\x04"
_HEADING_STYLES = ("heading", "title", "subtitle")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLAIN_STYLES = frozenset({"Normal", "BodyText", "ListParagraph", "Quote", "NoSpacing"})


def read_sector_report(path: Path, limits: Limits) -> SectorText:
    """The paragraphs of a sector report; ``UnreadableError`` says why there are none."""
    data = read_bytes(path, limits)
    if data.startswith(_ZIP):
        paragraphs = _docx_paragraphs(data, limits)
    elif path.suffix.lower() in TEXT_SUFFIXES and b"\x00" not in data[:4096]:
        paragraphs = _text_paragraphs(data)
    elif is_encrypted_office_file(data):
        raise UnreadableError("reason-password")
    else:
        raise UnreadableError("reason-not-a-text-document")
    kept = [text for text in paragraphs if len(text) > 1 and not is_heading(text)]
    if not kept:
        raise UnreadableError("reason-empty")
    return SectorText(sheet="", paragraphs=kept, file=path.name)


def _text_paragraphs(data: bytes) -> list[str]:
    """Paragraphs are separated by blank lines; the lines of one are joined."""
    from inclusionplan.reading.csvfile import UnknownEncodingError, decode

    try:
        text = decode(data)
    except UnknownEncodingError:
        raise UnreadableError("reason-encoding") from None
    paragraphs: list[str] = []
    lines: list[str] = []
    for line in [*text.splitlines(), ""]:
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            lines.append(stripped)
            continue
        if lines:
            paragraphs.append(" ".join(lines))
            lines = []
    return paragraphs


def _docx_paragraphs(data: bytes, limits: Limits) -> list[str]:
    """The body's paragraphs, headings left out. Read with the standard library's parser:
    python-docx would add its import (and lxml's) to every validation of such a plan, for
    the text of two parts."""
    from inclusionplan.reading.ooxml import TooLargeError, check_unpacked_size

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_unpacked_size(archive, limits.max_unpacked_bytes)
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                raise UnreadableError("reason-not-a-text-document")
            document = ElementTree.fromstring(archive.read("word/document.xml"))
            body = document.find(f"{_W}body")
            paragraphs = [] if body is None else body.findall(f"{_W}p")  # not in tables
            used = {_style(p) for p in paragraphs} - {""}
            headings = {style for style in used if style.lower().startswith(_HEADING_STYLES)}
            if used - headings - _PLAIN_STYLES and "word/styles.xml" in names:
                headings |= _heading_styles(archive.read("word/styles.xml"))
    except (zipfile.BadZipFile, ElementTree.ParseError, OSError, EOFError):
        raise UnreadableError("reason-corrupt") from None
    except TooLargeError as too_large:
        raise UnreadableError("reason-too-large", limit_mb=too_large.limit_bytes // 2**20) from None
    return [_text(p).strip() for p in paragraphs if _style(p) not in headings]


def _heading_styles(styles: bytes) -> set[str]:
    """The ids of heading and title styles. An id can be localised ("Titulli1"); the name
    of a Word built-in style is not ("heading 1"). Read only for an id that is neither
    plainly a heading nor plainly not: the styles part is most of a short document."""
    return {
        style.get(f"{_W}styleId", "")
        for style in ElementTree.fromstring(styles).iter(f"{_W}style")
        if _is_heading_name(style.find(f"{_W}name"))
    }


def _is_heading_name(name: ElementTree.Element | None) -> bool:
    return name is not None and name.get(f"{_W}val", "").lower().startswith(_HEADING_STYLES)


def _style(paragraph: ElementTree.Element) -> str:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return "" if style is None else style.get(f"{_W}val", "")


def _text(paragraph: ElementTree.Element) -> str:
    """Its runs' text as Word shows it: tabs and line breaks kept, deleted text left out."""
    parts = []
    for element in paragraph.iter():
        if element.tag == f"{_W}t":
            parts.append(element.text or "")
        elif element.tag == f"{_W}tab":
            parts.append("\t")
        elif element.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)
