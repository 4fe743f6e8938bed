"""Build the default plan template, templates/plan.docx, with python-docx.

The template is a Word document with Jinja tags (docxtpl): a team can open it in Word,
restyle it and rearrange it, keeping the tags. The variables it may use are documented
in docs/templates.md. Run: python templates/build_template.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
FONT = "Calibri"
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)


def _styles(document) -> None:  # type: ignore[no-untyped-def]
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.12
    for level, size in ((1, 16), (2, 13), (3, 11.5)):
        heading = styles[f"Heading {level}"]
        heading.font.name = FONT
        heading.font.size = Pt(size)
        heading.font.bold = True
        heading.font.color.rgb = ACCENT
        heading.paragraph_format.space_before = Pt(14 if level == 1 else 10)
        heading.paragraph_format.space_after = Pt(6)
        heading.paragraph_format.keep_with_next = True
    title = styles["Title"]
    title.font.name = FONT
    title.font.size = Pt(26)
    title.font.color.rgb = ACCENT
    caption = styles["Caption"]
    caption.font.name = FONT
    caption.font.size = Pt(9)
    caption.font.italic = True
    caption.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    grid = styles["Light Grid Accent 1"]
    grid.font.name = FONT
    grid.font.size = Pt(9)
    table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = Pt(9)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.line_spacing = 1.0
    quote = styles["Quote"]
    quote.font.name = FONT
    quote.font.italic = True
    quote.paragraph_format.left_indent = Cm(0.8)


def _tag(document, text: str) -> None:  # type: ignore[no-untyped-def]
    """A paragraph holding only a docxtpl block tag (it disappears when rendered)."""
    document.add_paragraph(text)


def _field_char(paragraph, kind: str) -> None:  # type: ignore[no-untyped-def]
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(element)


def _field_start(paragraph, instruction: str) -> None:  # type: ignore[no-untyped-def]
    """Open a Word field (TOC, PAGE); what follows until its end is the cached result."""
    _field_char(paragraph, "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    paragraph.add_run()._r.append(text)
    _field_char(paragraph, "separate")


def _field(paragraph, instruction: str, placeholder: str) -> None:  # type: ignore[no-untyped-def]
    _field_start(paragraph, instruction)
    paragraph.add_run(placeholder)
    _field_char(paragraph, "end")


def _update_fields_on_open(document) -> None:  # type: ignore[no-untyped-def]
    """Word fills the table of contents and page numbers when the document opens."""
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _table_text(table) -> None:  # type: ignore[no-untyped-def]
    """Cells in the 9-point table style, set on the paragraphs so every program honours it."""
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.style = "Table Text"


def _loop_table(document, header: list[str], loop: str, body: list[str]) -> None:  # type: ignore[no-untyped-def]
    """A header row, then one row per item of ``loop`` (docxtpl's {%tr %} rows)."""
    table = document.add_table(rows=4, cols=len(header))
    table.style = "Light Grid Accent 1"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column, text in enumerate(header):
        table.rows[0].cells[column].text = text
    table.rows[1].cells[0].text = f"{{%tr for {loop} %}}"
    for column, text in enumerate(body):
        table.rows[2].cells[column].text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"
    _table_text(table)


def _indicator_table(document, rows: str) -> None:  # type: ignore[no-untyped-def]
    """Breakdown | one column per year | change | change %, rows from ``rows``."""
    table = document.add_table(rows=4, cols=6)
    table.style = "Light Grid Accent 1"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = [
        "{{ labels.breakdown }}",
        "{%tc for year in plan.years %}",
        "{{ year }}",
        "{%tc endfor %}",
        "{{ labels.change }}",
        "{{ labels.change_percent }}",
    ]
    for column, text in enumerate(header):
        table.rows[0].cells[column].text = text
    table.rows[1].cells[0].text = f"{{%tr for row in {rows} %}}"
    body = [
        "{{ row.label }}",
        "{%tc for cell in row.cells %}",
        "{{ cell }}",
        "{%tc endfor %}",
        "{{ row.change }}",
        "{{ row.change_percent }}",
    ]
    for column, text in enumerate(body):
        table.rows[2].cells[column].text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"
    _table_text(table)
    for column in range(1, 6):
        for row in table.rows:
            for paragraph in row.cells[column].paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _indicator_block(document, loop: str) -> None:  # type: ignore[no-untyped-def]
    _tag(document, f"{{%p for indicator in {loop} %}}")
    document.add_heading("{{ indicator.code }} {{ indicator.name }}", level=3)
    document.add_paragraph("{{ indicator.text }}")
    _tag(document, "{%p if indicator.gender_text %}")
    document.add_paragraph("{{ indicator.gender_text }}")
    _tag(document, "{%p endif %}")
    _indicator_table(document, "indicator.rows")
    caption = document.add_paragraph(
        "{{ labels.unit }}: {{ indicator.unit }}. {{ labels.source }}: {{ indicator.source }}.",
        style="Caption",
    )
    caption.paragraph_format.space_after = Pt(4)
    chart = document.add_paragraph("{{ indicator.chart }}")
    chart.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _tag(document, "{%p endfor %}")


def build() -> Path:
    document = Document()
    _styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin = section.bottom_margin = Cm(2.2)
    section.different_first_page_header_footer = True  # no footer on the cover
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("{{ plan.municipality }} · {{ plan.title }} · ")
    _field(footer, "PAGE", "1")

    # 0. Cover
    for _ in range(5):
        document.add_paragraph()
    municipality = document.add_paragraph("{{ plan.municipality | upper }}")
    municipality.alignment = WD_ALIGN_PARAGRAPH.CENTER
    municipality.runs[0].font.size = Pt(14)
    municipality.runs[0].font.bold = True
    title = document.add_paragraph("{{ plan.title }}", style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    period = document.add_paragraph("{{ plan.period }}")
    period.alignment = WD_ALIGN_PARAGRAPH.CENTER
    period.runs[0].font.size = Pt(16)
    _tag(document, "{%p if plan.draft %}")
    draft = document.add_paragraph("{{ labels.draft_notice }}")
    draft.alignment = WD_ALIGN_PARAGRAPH.CENTER
    draft.runs[0].font.bold = True
    draft.runs[0].font.color.rgb = RGBColor(0xB0, 0x00, 0x00)
    _tag(document, "{%p endif %}")
    for _ in range(8):
        document.add_paragraph()
    date = document.add_paragraph("{{ plan.place_and_date }}")
    date.alignment = WD_ALIGN_PARAGRAPH.CENTER
    date.runs[0].add_break(WD_BREAK.PAGE)

    # Table of contents: the field's cached result lists the headings, so the document
    # reads well before Word updates it (Word is asked to update fields on open).
    document.add_paragraph("{{ labels.contents }}", style="TOC Heading")
    _field_start(document.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u')
    _tag(document, "{%p for entry in contents %}")
    document.add_paragraph("{{ entry }}")
    _tag(document, "{%p endfor %}")
    _field_char(document.add_paragraph(), "end")

    document.add_heading("{{ labels.acronyms }}", level=1)
    _loop_table(
        document,
        ["{{ labels.acronym }}", "{{ labels.meaning }}"],
        "acronym in texts.acronyms",
        ["{{ acronym.short }}", "{{ acronym.long }}"],
    )

    # 1. Introduction and methodology
    document.add_heading("1. {{ labels.introduction }}", level=1)
    _tag(document, "{%p for paragraph in texts.introduction %}")
    document.add_paragraph("{{ paragraph }}")
    _tag(document, "{%p endfor %}")
    document.add_heading("1.1 {{ labels.methodology }}", level=2)
    _tag(document, "{%p for paragraph in texts.methodology %}")
    document.add_paragraph("{{ paragraph }}")
    _tag(document, "{%p endfor %}")
    document.add_paragraph("{{ data_summary }}")
    _loop_table(
        document,
        [
            "{{ labels.institution }}",
            "{{ labels.indicators }}",
            "{{ labels.completeness }}",
            "{{ labels.findings }}",
        ],
        "institution in institutions",
        [
            "{{ institution.name }}",
            "{{ institution.indicators }}",
            "{{ institution.completeness }}",
            "{{ institution.findings }}",
        ],
    )

    # 2. Legal and policy framework
    document.add_heading("2. {{ labels.legal_framework }}", level=1)
    _tag(document, "{%p for paragraph in texts.legal_framework %}")
    document.add_paragraph("{{ paragraph }}")
    _tag(document, "{%p endfor %}")

    # 3. Socio-economic profile
    document.add_heading("3. {{ labels.profile }}", level=1)
    _indicator_block(document, "profile.indicators")

    # 4. Situation analysis per policy area
    document.add_heading("4. {{ labels.situation }}", level=1)
    _tag(document, "{%p for area in areas %}")
    document.add_heading("4.{{ loop.index }} {{ area.name }}", level=2)
    document.add_paragraph("{{ area.summary }}")
    _indicator_block(document, "area.indicators")
    _tag(document, "{%p for analysis in area.analyses %}")
    document.add_heading("{{ analysis.institution }}: {{ labels.sector_analysis }}", level=3)
    _tag(document, "{%p for paragraph in analysis.paragraphs %}")
    document.add_paragraph("{{ paragraph }}", style="Quote")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p endfor %}")

    # 5. Vision
    document.add_heading("5. {{ labels.vision }}", level=1)
    _tag(document, "{%p for paragraph in texts.vision %}")
    document.add_paragraph("{{ paragraph }}")
    _tag(document, "{%p endfor %}")

    # Annexes, on landscape pages: the full tables are wide.
    annex = document.add_section(WD_SECTION.NEW_PAGE)
    annex.orientation = WD_ORIENT.LANDSCAPE
    annex.page_width, annex.page_height = Cm(29.7), Cm(21)
    document.add_heading("{{ labels.annexes }}", level=1)
    document.add_heading("{{ labels.annex_tables }}", level=2)
    _tag(document, "{%p for area in all_areas %}")
    document.add_heading("{{ area.name }}", level=3)
    table = document.add_table(rows=4, cols=5)
    table.style = "Light Grid Accent 1"
    header = [
        "{{ labels.indicator }}",
        "{{ labels.breakdown }}",
        "{%tc for year in plan.years %}",
        "{{ year }}",
        "{%tc endfor %}",
    ]
    for column, text in enumerate(header):
        table.rows[0].cells[column].text = text
    table.rows[1].cells[0].text = "{%tr for row in area.table %}"
    for column, text in enumerate(
        [
            "{{ row.indicator }}",
            "{{ row.label }}",
            "{%tc for cell in row.cells %}",
            "{{ cell }}",
            "{%tc endfor %}",
        ]
    ):
        table.rows[2].cells[column].text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"
    _table_text(table)
    _tag(document, "{%p endfor %}")

    document.add_heading("{{ labels.annex_validation }}", level=2)
    document.add_paragraph("{{ validation.summary }}")
    _tag(document, "{%p if validation.findings %}")
    _loop_table(
        document,
        [
            "{{ labels.file }}",
            "{{ labels.place }}",
            "{{ labels.severity }}",
            "{{ labels.message }}",
        ],
        "finding in validation.findings",
        [
            "{{ finding.file }}",
            "{{ finding.place }}",
            "{{ finding.severity }}",
            "{{ finding.message }}",
        ],
    )
    _tag(document, "{%p endif %}")

    _update_fields_on_open(document)
    path = HERE / "plan.docx"
    document.save(str(path))
    return path


if __name__ == "__main__":
    print(build())
