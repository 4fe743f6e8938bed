"""The Word plan, read back: structure, language, escaping, determinism, templates."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from inclusionplan.errors import PlanConfigError, UsageError
from inclusionplan.render import (
    DataNotValidError,
    TemplateRenderError,
    find_converter,
    render_plan,
)
from inclusionplan.schema import builtin_schema
from tests.conftest import SAMPLES, docx_text


@pytest.fixture(scope="module")
def elbasan_sq(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("render") / "elbasan.docx"
    render_plan(SAMPLES / "elbasan", output=output)
    return output


text_of = docx_text


def headings(path: Path, level: int) -> list[str]:
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs if p.style and p.style.name == f"Heading {level}"]


def test_plan_has_a_chapter_per_area_tables_charts_and_no_leftover_tags(elbasan_sq: Path) -> None:
    document = docx.Document(str(elbasan_sq))
    schema = builtin_schema()
    area_headings = headings(elbasan_sq, 2)
    for key, names in schema.areas.items():
        if key != "CX":
            assert any(names.sq in heading for heading in area_headings), names.sq
    indicator_headings = headings(elbasan_sq, 3)
    assert all(any(h.startswith(code) for h in indicator_headings) for code in schema.indicators)
    assert len(document.inline_shapes) == len(schema.indicators)
    assert len(document.tables) >= len(schema.indicators)
    text = text_of(elbasan_sq)
    assert "{{" not in text and "{%" not in text
    assert "BASHKIA ELBASAN" in text
    assert "24 nëntor 2016" in text


def test_numbers_and_sentences_are_albanian(elbasan_sq: Path) -> None:
    text = text_of(elbasan_sq)
    assert "295\u00a0000" in text  # CX01 2012, with a no-break space between thousands
    assert "u ul me" in text and "nga 2012 në 2016" in text
    assert "gratë përbënin" in text
    assert (
        "Numri i familjeve që përfitojnë ndihmë ekonomike" in text
    )  # the institution's own analysis


def test_sector_reports_sent_as_files_are_quoted_in_their_areas(elbasan_sq: Path) -> None:
    """The education directorate sent a Word file, the police a text file."""
    paragraphs = [p.text for p in docx.Document(str(elbasan_sq)).paragraphs]
    education = paragraphs.index("Drejtoria Arsimore Rajonale: analiza e sektorit")
    assert paragraphs[education + 1].startswith("Numri i nxënësve në arsimin bazë")
    assert "programin «Shansi i dytë»" in paragraphs[education + 3]
    assert "Analiza e sektorit të arsimit" not in paragraphs  # the file's own title
    police = paragraphs.index("Drejtoria e Policisë së Qarkut: analiza e sektorit")
    assert paragraphs[police + 1].startswith("Rastet e dhunës në familje të denoncuara")


def test_methodology_lists_the_institutions_data_files_only(elbasan_sq: Path) -> None:
    """Fourteen institutions sent data; the team's workbooks and the sector reports are
    not more institutions."""
    assert "u mblodhën nga 14 institucione" in text_of(elbasan_sq)
    table = next(
        t for t in docx.Document(str(elbasan_sq)).tables if t.cell(0, 0).text == "Institucioni"
    )
    names = [row.cells[0].text for row in table.rows[1:]]
    assert len(names) == len(set(names)) == 14
    assert not any(name.endswith(".xlsx") for name in names)


def test_english_from_the_same_data(tmp_path: Path) -> None:
    output = tmp_path / "en.docx"
    render_plan(SAMPLES / "elbasan", output=output, lang="en", jobs=1)
    assert any("Employment and skills" in h for h in headings(output, 2))
    text = text_of(output)
    assert "295,000" in text and "24 November 2016" in text
    assert "fell by" in text or "rose by" in text


def test_same_inputs_give_the_same_bytes(tmp_path: Path, elbasan_sq: Path) -> None:
    again = tmp_path / "again.docx"
    render_plan(SAMPLES / "elbasan", output=again, jobs=1)
    assert again.read_bytes() == elbasan_sq.read_bytes()


def test_properties_and_fields(elbasan_sq: Path) -> None:
    document = docx.Document(str(elbasan_sq))
    properties = document.core_properties
    assert properties.created.year == 2016 and properties.author == "Bashkia Elbasan"
    assert "updateFields" in document.settings.element.xml
    assert 'TOC \\o "1-2"' in document.element.xml


def test_errors_stop_the_render_unless_allowed(tmp_path: Path) -> None:
    with pytest.raises(DataNotValidError) as blocked:
        render_plan(SAMPLES / "faulty", output=tmp_path / "f.docx")
    assert not blocked.value.report.valid
    assert not (tmp_path / "f.docx").exists()
    render_plan(SAMPLES / "faulty", output=tmp_path / "f.docx", allow_errors=True, jobs=1)
    text = text_of(tmp_path / "f.docx")
    assert "PROJEKT" in text
    assert "partition-mismatch" not in text  # codes stay out; the messages are there
    assert "por totali i EM01 për vitin 2014" in text


def hostile_plan(tmp_path: Path) -> Path:
    folder = tmp_path / "plan"
    shutil.copytree(SAMPLES / "elbasan", folder)
    config = (folder / "plan.yaml").read_text(encoding="utf-8")
    hostile = '{sq: "Bashkia A & B <Test> \\"q\\" ქუთაისი \\a", en: Elbasan}'
    config = config.replace("{sq: Bashkia Elbasan, en: Municipality of Elbasan}", hostile)
    (folder / "plan.yaml").write_text(config, encoding="utf-8")
    return folder


def test_every_value_is_escaped_and_control_characters_removed(tmp_path: Path) -> None:
    output = tmp_path / "hostile.docx"
    render_plan(hostile_plan(tmp_path), output=output, jobs=1)
    text = text_of(output)
    assert 'Bashkia A & B <Test> "q" ქუთაისი ' in text
    assert "\a" not in text


def make_template(path: Path, *paragraphs: str) -> Path:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("{{ nope }}", "'nope' is undefined"),
        ("{{ plan.title ", "unexpected"),
        ("{{ ''.__class__.__mro__ }}", "__class__"),
        ("{{ plan.__init__.__globals__ }}", "__init__"),
    ],
)
def test_template_problems_are_messages(tmp_path: Path, body: str, expected: str) -> None:
    template = make_template(tmp_path / "mine.docx", "Title: {{ plan.title }}", body)
    with pytest.raises(TemplateRenderError) as raised:
        render_plan(SAMPLES / "elbasan", output=tmp_path / "o.docx", template=template, jobs=1)
    message = raised.value.message("en")
    assert str(template) in message and expected in message
    assert not (tmp_path / "o.docx").exists()


def test_own_template_is_used(tmp_path: Path) -> None:
    template = make_template(tmp_path / "mine.docx", "Plani: {{ plan.title }} ({{ plan.period }})")
    output = tmp_path / "o.docx"
    render_plan(SAMPLES / "elbasan", output=output, template=template, jobs=1)
    assert "Plani: Plani Vendor i Veprimit për Përfshirjen Sociale 2016-2020 (2016-2020)" in (
        text_of(output)
    )


def test_a_failed_render_leaves_the_previous_output(tmp_path: Path) -> None:
    output = tmp_path / "plan.docx"
    output.write_bytes(b"previous")
    template = make_template(tmp_path / "bad.docx", "{{ nope }}")
    with pytest.raises(TemplateRenderError):
        render_plan(SAMPLES / "elbasan", output=output, template=template, jobs=1)
    assert output.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.docx", "plan.docx"]


def test_output_never_overwrites_an_input(tmp_path: Path) -> None:
    folder = tmp_path / "plan"
    shutil.copytree(SAMPLES / "elbasan", folder)
    target = folder / "submissions" / "gjykata_rrethit.xlsx"
    before = target.read_bytes()
    with pytest.raises(UsageError):
        render_plan(folder, output=target, jobs=1)
    assert target.read_bytes() == before


@pytest.mark.skipif(find_converter() is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it_and_makes_a_pdf(tmp_path: Path) -> None:
    rendered = render_plan(SAMPLES / "elbasan", output=tmp_path / "elbasan.docx", pdf=True)
    assert rendered.pdf is not None and rendered.pdf.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(rendered.pdf)], capture_output=True, text=True)
    pages = int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages"))
    )
    assert pages >= 20
    text = subprocess.run(
        ["pdftotext", str(rendered.pdf), "-"], capture_output=True, text=True
    ).stdout
    assert "Varfëria ekonomike dhe mbrojtja sociale" in text
    assert "Analiza e situatës sipas fushave të politikave" in text


def test_every_context_variable_is_documented() -> None:
    from inclusionplan.plan_document import build_context, chart_requests, load_texts
    from inclusionplan.validation import validate_plan

    validated = validate_plan(SAMPLES / "elbasan")
    charts = {code: b"" for code in chart_requests(validated.dataset, "sq")}
    context = build_context(
        validated, "sq", load_texts(validated.plan, "sq"), lambda png: "image", charts
    )
    page = (Path(__file__).parent.parent / "docs" / "templates.md").read_text(encoding="utf-8")

    def keys(value: object, inside: str) -> set[str]:
        if isinstance(value, dict):
            found = set()
            for key, item in value.items():
                if inside != "labels":  # labels are the texts' own keys
                    found.add(key)
                found |= keys(item, key)
            return found
        if isinstance(value, list):
            return set().union(*(keys(item, inside) for item in value)) if value else set()
        return set()

    missing = sorted(key for key in keys(context, "") if f"`{key}`" not in page)
    assert missing == []


def test_action_matrix_budget_monitoring_and_consultations(elbasan_sq: Path) -> None:
    level_one = headings(elbasan_sq, 1)
    for chapter in (
        "6. Matrica e veprimit",
        "7. Përmbledhja e buxhetit",
        "8. Korniza e monitorimit dhe vlerësimit",
    ):
        assert chapter in level_one
    document = docx.Document(str(elbasan_sq))
    matrix = next(t for t in document.tables if [c.text for c in t.rows[0].cells][2:3] == ["Masa"])
    xml = matrix._tbl.xml
    assert xml.count('w:vMerge w:val="restart"') >= 2 * 12  # area and objective per group
    assert 'w:vMerge w:val="continue"' in xml
    assert len(matrix.rows) >= 26
    text = text_of(elbasan_sq)
    assert "Gjithsej" in text and "Grant i kushtëzuar qendror" in text
    assert "takime konsultimi" in text and "Komuniteti rom" in text
    section_orientations = [s.orientation for s in document.sections]
    assert len(section_orientations) == 4  # portrait, landscape matrix, portrait, annexes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vision: [\n", "line 2: not valid YAML"),
        ("vision: A vision\nreviewed: 2016-02-30\n", "line 2: not a date"),
        ("- a list\n", "expected a YAML mapping"),
    ],
)
def test_broken_text_overrides_are_configuration_errors(
    tmp_path: Path, text: str, expected: str
) -> None:
    from inclusionplan.plan import load_plan
    from inclusionplan.plan_document import load_texts

    shutil.copy(SAMPLES / "elbasan" / "plan.yaml", tmp_path / "plan.yaml")
    (tmp_path / "texts.en.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(PlanConfigError) as raised:
        load_texts(load_plan(tmp_path), "en")
    assert expected in raised.value.message("en")
