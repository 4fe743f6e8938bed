"""Sector analyses sent as files of their own: Word and text documents into paragraphs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from inclusionplan.reading import DEFAULT_LIMITS, Limits, UnreadableError
from inclusionplan.reading.sector_report import read_sector_report


def reason(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    with pytest.raises(UnreadableError) as raised:
        read_sector_report(path, limits)
    return str(raised.value.reason["code"])


def test_text_paragraphs_are_separated_by_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "analiza.txt"
    path.write_text(
        "# Analiza e sektorit\n\nRastet janë rritur\nçdo vit.\n\n\n  Propozojmë një strehëz.  \n",
        encoding="utf-8",
    )
    text = read_sector_report(path, DEFAULT_LIMITS)
    assert text.paragraphs == ["Rastet janë rritur çdo vit.", "Propozojmë një strehëz."]
    assert (text.file, text.sheet) == ("analiza.txt", "")


def test_text_from_older_windows_editors(tmp_path: Path) -> None:
    path = tmp_path / "analiza.md"
    path.write_bytes("Shkaqet kryesore janë varfëria dhe largësia.".encode("cp1252"))
    assert read_sector_report(path, DEFAULT_LIMITS).paragraphs == [
        "Shkaqet kryesore janë varfëria dhe largësia."
    ]


def test_word_paragraphs_without_headings(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Analiza e sektorit të arsimit", level=1)
    document.add_paragraph("Numri i nxënësve ka rënë.")
    document.add_paragraph("")
    document.add_heading("Propozime", level=2)
    document.add_paragraph("Transport falas për nxënësit e zonave rurale.")
    path = tmp_path / "arsimi.docx"
    document.save(str(path))
    assert read_sector_report(path, DEFAULT_LIMITS).paragraphs == [
        "Numri i nxënësve ka rënë.",
        "Transport falas për nxënësit e zonave rurale.",
    ]


def test_other_documents_are_refused_with_a_reason(tmp_path: Path) -> None:
    old_word = tmp_path / "arsimi.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert reason(old_word) == "reason-not-a-text-document"
    renamed = tmp_path / "arsimi.txt"
    renamed.write_bytes(b"%PDF-1.4\x00\x00binary")
    assert reason(renamed) == "reason-not-a-text-document"
    protected = tmp_path / "me_fjalekalim.docx"
    protected.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) + "EncryptedPackage".encode("utf-16-le")
    )
    assert reason(protected) == "reason-password"
    spreadsheet = tmp_path / "tabela.docx"
    with zipfile.ZipFile(spreadsheet, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert reason(spreadsheet) == "reason-not-a-text-document"


def test_empty_damaged_and_oversized_reports(tmp_path: Path) -> None:
    titles_only = tmp_path / "bosh.md"
    titles_only.write_text("# Analiza e sektorit\n\n", encoding="utf-8")
    assert reason(titles_only) == "reason-empty"
    document = docx.Document()
    document.add_paragraph("Numri i nxënësve ka rënë. " * 200)
    whole = tmp_path / "whole.docx"
    document.save(str(whole))
    cut = tmp_path / "cut.docx"
    cut.write_bytes(whole.read_bytes()[:2000])
    assert reason(cut) == "reason-corrupt"
    assert reason(whole, Limits(max_unpacked_bytes=1000)) == "reason-too-large"
    assert reason(whole, Limits(max_file_bytes=1000)) == "reason-too-large"


def test_word_headings_by_style_name_tables_and_line_breaks(tmp_path: Path) -> None:
    """An Albanian Word names its heading style's id in Albanian; its name stays
    "heading 1". Table cells are not paragraphs of the analysis."""
    document = docx.Document()
    document.styles["Heading 1"].style_id = "Titulli1"
    document.add_heading("Situata në vitin 2016", level=1)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "2012"
    paragraph = document.add_paragraph("Rastet janë rritur")
    paragraph.add_run().add_break()
    paragraph.add_run("çdo vit.")
    path = tmp_path / "policia.docx"
    document.save(str(path))
    assert b'w:styleId="Titulli1"' in zipfile.ZipFile(path).read("word/styles.xml")
    assert read_sector_report(path, DEFAULT_LIMITS).paragraphs == ["Rastet janë rritur\nçdo vit."]


WORD = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY a{i + 1} "{("&a%s;" % (i or "")) * 10}">' for i in range(9))
        + "]>",
        '<!DOCTYPE d [<!ENTITY a9 SYSTEM "file:///etc/hostname">]>',
    ],
    ids=["entity expansion", "external entity"],
)
def test_hostile_word_xml_is_refused_not_expanded(tmp_path: Path, doctype: str) -> None:
    path = tmp_path / "hostile.docx"
    body = (
        f"<w:document {WORD}><w:body><w:p><w:r><w:t>a&a9;</w:t></w:r></w:p></w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", f'<?xml version="1.0"?>{doctype}{body}')
    assert reason(path) == "reason-corrupt"
