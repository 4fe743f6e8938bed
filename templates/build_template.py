"""Build the default plan template, templates/plan.docx, with python-docx.

The template is a Word document with Jinja tags (docxtpl): a team can open it in Word,
restyle it and rearrange it, keeping the tags. The variables it may use are documented
in docs/templates.md. Run: python templates/build_template.py
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
Document = Any  # python-docx ships no type information
FONT = "Calibri"
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)


def _styles(document: Document) -> None:
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


def _tag(document: Document, text: str) -> None:
    """A paragraph holding only a docxtpl block tag (it disappears when rendered)."""
    document.add_paragraph(text)


def _field_char(paragraph: Any, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(element)


def _field_start(paragraph: Any, instruction: str) -> None:
    """Open a Word field (TOC, PAGE); what follows until its end is the cached result."""
    _field_char(paragraph, "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    paragraph.add_run()._r.append(text)
    _field_char(paragraph, "separate")


def _field(paragraph: Any, instruction: str, placeholder: str) -> None:
    _field_start(paragraph, instruction)
    paragraph.add_run(placeholder)
    _field_char(paragraph, "end")


def _update_fields_on_open(document: Document) -> None:
    """Word fills the table of contents and page numbers when the document opens."""
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _table_text(table: Any) -> None:
    """Cells in the 9-point table style, set on the paragraphs so every program honours it."""
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.style = "Table Text"


def _loop_table(document: Document, header: list[str], loop: str, body: list[str]) -> None:
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


def _indicator_table(document: Document, rows: str) -> None:
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


def _indicator_block(document: Document, loop: str) -> None:
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


def _landscape(document: Document) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)


def _portrait(document: Document) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)


def _page(document: Document, footer_text: str) -> None:
    """A4 portrait, 2.2 cm margins, a footer with the page number (none on the cover)."""
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.2))
    section.different_first_page_header_footer = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(footer_text)
    _field(footer, "PAGE", "1")


def _cover(document: Document, title: str, subtitle: str) -> None:
    """Municipality, title, subtitle, the draft notice when there is one, place and date."""
    for _ in range(5):
        document.add_paragraph()
    municipality = document.add_paragraph("{{ plan.municipality | upper }}")
    municipality.alignment = WD_ALIGN_PARAGRAPH.CENTER
    municipality.runs[0].font.size = Pt(14)
    municipality.runs[0].font.bold = True
    heading = document.add_paragraph(title, style="Title")
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    below = document.add_paragraph(subtitle)
    below.alignment = WD_ALIGN_PARAGRAPH.CENTER
    below.runs[0].font.size = Pt(16)
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


def build() -> Path:
    document = docx.Document()
    _styles(document)
    _page(document, "{{ plan.municipality }} · {{ plan.title }} · ")
    _cover(document, "{{ plan.title }}", "{{ plan.period }}")

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

    document.add_heading("1.2 {{ labels.consultations }}", level=2)
    document.add_paragraph("{{ consultations.summary }}")

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

    document.add_heading("5.1 {{ labels.objectives }}", level=2)
    _tag(document, "{%p for area in objectives %}")
    document.add_heading("{{ area.area }}", level=3)
    _tag(document, "{%p for objective in area.strategic %}")
    document.add_paragraph("{{ objective.name }}", style="List Bullet")
    _tag(document, "{%p for specific in objective.specific %}")
    document.add_paragraph("{{ specific }}", style="List Bullet 2")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p endfor %}")

    # 6. Action matrix, on landscape pages; an objective's cell spans its measures.
    _landscape(document)
    document.add_heading("6. {{ labels.action_matrix }}", level=1)
    _tag(document, "{%p if not actions.groups %}")
    document.add_paragraph("{{ labels.no_actions }}")
    _tag(document, "{%p endif %}")
    header = [
        "{{ labels.area }}",
        "{{ labels.objective }}",
        "{{ labels.measure }}",
        "{{ labels.responsible }}",
        "{{ labels.period }}",
        "{{ labels.cost }}",
        "{{ labels.funding }}",
        "{{ labels.indicator }}",
        "{{ labels.target }}",
    ]
    body = [
        "{% vm %}{{ group.key }}",
        "{% vm %}{{ group.objective }}",
        "{{ measure.name }}",
        "{{ measure.responsible }}",
        "{{ measure.period }}",
        "{{ measure.cost }}",
        "{{ measure.funding }}",
        "{{ measure.indicator }}",
        "{{ measure.target }}",
    ]
    table = document.add_table(rows=6, cols=len(header))
    table.style = "Light Grid Accent 1"
    for column, text in enumerate(header):
        table.rows[0].cells[column].text = text
    table.rows[1].cells[0].text = "{%tr for group in actions.groups %}"
    table.rows[2].cells[0].text = "{%tr for measure in group.measures %}"
    for column, text in enumerate(body):
        table.rows[3].cells[column].text = text
    table.rows[4].cells[0].text = "{%tr endfor %}"
    table.rows[5].cells[0].text = "{%tr endfor %}"
    _table_text(table)

    # 7-8. Budget and monitoring, back on portrait pages.
    _portrait(document)
    document.add_heading("7. {{ labels.budget }}", level=1)
    document.add_paragraph("{{ budget.summary }}")
    for heading, rows in (
        ("budget_by_area", "budget.by_area"),
        ("budget_by_source", "budget.by_source"),
    ):
        document.add_heading(f"{{{{ labels.{heading} }}}}", level=2)
        table = document.add_table(rows=5, cols=6)
        table.style = "Light Grid Accent 1"
        cells = [
            "{{ labels.area }}",
            "{%tc for year in budget.years %}",
            "{{ year }}",
            "{%tc endfor %}",
            "{{ labels.total }}",
            "",
        ]
        for column, text in enumerate(cells[:5]):
            table.rows[0].cells[column].text = text
        table.rows[1].cells[0].text = f"{{%tr for row in {rows} %}}"
        for column, text in enumerate(
            [
                "{{ row.name }}",
                "{%tc for cell in row.cells %}",
                "{{ cell }}",
                "{%tc endfor %}",
                "{{ row.total }}",
            ]
        ):
            table.rows[2].cells[column].text = text
        table.rows[3].cells[0].text = "{%tr endfor %}"
        for column, text in enumerate(
            [
                "{{ labels.total }}",
                "{%tc for cell in budget.totals %}",
                "{{ cell }}",
                "{%tc endfor %}",
                "{{ budget.total }}",
            ]
        ):
            table.rows[4].cells[column].text = text
        for row in table.rows:
            row.cells[5].merge(row.cells[4])
        _table_text(table)
        for row in table.rows:
            for cell in row.cells[1:]:
                for paragraph in cell.paragraphs:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    document.add_heading("8. {{ labels.monitoring }}", level=1)
    _loop_table(
        document,
        [
            "{{ labels.indicator }}",
            "{{ labels.baseline }}",
            "{{ labels.target_value }}",
            "{{ labels.source }}",
            "{{ labels.frequency }}",
            "{{ labels.responsible }}",
        ],
        "row in monitoring",
        [
            "{{ row.indicator }}",
            "{{ row.baseline }}",
            "{{ row.target }}",
            "{{ row.source }}",
            "{{ row.frequency }}",
            "{{ row.responsible }}",
        ],
    )

    # Annexes, on landscape pages: the full tables are wide.
    _landscape(document)
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

    document.add_heading("{{ labels.annex_consultations }}", level=2)
    _loop_table(
        document,
        [
            "{{ labels.date }}",
            "{{ labels.place }}",
            "{{ labels.group }}",
            "{{ labels.participants_women }}",
            "{{ labels.participants_men }}",
            "{{ labels.issues }}",
            "{{ labels.recommendations }}",
            "{{ labels.area }}",
        ],
        "meeting in consultations.meetings",
        [
            "{{ meeting.date }}",
            "{{ meeting.place }}",
            "{{ meeting.group }}",
            "{{ meeting.women }}",
            "{{ meeting.men }}",
            "{{ meeting.issues }}",
            "{{ meeting.recommendations }}",
            "{{ meeting.areas }}",
        ],
    )

    _update_fields_on_open(document)
    path = HERE / "plan.docx"
    document.save(str(path))
    return path


def build_monitoring() -> Path:
    """The yearly monitoring report: dashboard, attention list, indicators, measures."""
    document = docx.Document()
    _styles(document)
    _page(document, "{{ plan.municipality }} · {{ labels.monitoring_title }} {{ plan.year }} · ")
    _cover(document, "{{ labels.monitoring_title }} {{ plan.year }}", "{{ plan.title }}")

    document.add_heading("1. {{ labels.dashboard }}", level=1)
    document.add_heading("{{ labels.indicators_status }}", level=2)
    _loop_table(
        document,
        [
            "{{ labels.area }}",
            "{{ labels.on_track }}",
            "{{ labels.at_risk }}",
            "{{ labels.off_track }}",
            "{{ labels.no_data }}",
        ],
        "row in dashboard",
        [
            "{{ row.area }}",
            "{{ row.on_track }}",
            "{{ row.at_risk }}",
            "{{ row.off_track }}",
            "{{ row.no_data }}",
        ],
    )
    document.add_heading("{{ labels.measures_status }}", level=2)
    _loop_table(
        document,
        [
            "{{ labels.area }}",
            "{{ labels.completed }}",
            "{{ labels.ongoing }}",
            "{{ labels.not_started }}",
            "{{ labels.cancelled }}",
            "{{ labels.planned }}",
            "{{ labels.spent }}",
        ],
        "row in dashboard",
        [
            "{{ row.area }}",
            "{{ row.completed }}",
            "{{ row.ongoing }}",
            "{{ row.not_started }}",
            "{{ row.cancelled }}",
            "{{ row.planned }}",
            "{{ row.spent }}",
        ],
    )
    document.add_paragraph("{{ status_rule }}", style="Caption")

    document.add_heading("2. {{ labels.attention }}", level=1)
    _tag(document, "{%p for item in attention %}")
    document.add_paragraph("{{ item }}", style="List Bullet")
    _tag(document, "{%p endfor %}")

    document.add_heading("3. {{ labels.indicators_progress }}", level=1)
    _tag(document, "{%p for indicator in indicators %}")
    document.add_heading(
        "{{ indicator.code }} {{ indicator.name }} — {{ indicator.status }}", level=3
    )
    document.add_paragraph("{{ indicator.text }}")
    _loop_table(
        document,
        ["{{ labels.year }}", "{{ labels.value }}"],
        "row in indicator.rows",
        ["{{ row.year }}", "{{ row.value }}"],
    )
    chart = document.add_paragraph("{{ indicator.chart }}")
    chart.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _tag(document, "{%p endfor %}")

    _landscape(document)
    document.add_heading("4. {{ labels.measures_progress }}", level=1)
    _loop_table(
        document,
        [
            "{{ labels.area }}",
            "{{ labels.measure }}",
            "{{ labels.responsible }}",
            "{{ labels.status }}",
            "{{ labels.planned }}",
            "{{ labels.spent }}",
            "{{ labels.comment }}",
        ],
        "measure in measures",
        [
            "{{ measure.area }}",
            "{{ measure.name }}",
            "{{ measure.responsible }}",
            "{{ measure.status }}",
            "{{ measure.planned }}",
            "{{ measure.spent }}",
            "{{ measure.comment }}",
        ],
    )
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
    path = HERE / "monitoring.docx"
    document.save(str(path))
    return path


if __name__ == "__main__":
    print(build())
    print(build_monitoring())
