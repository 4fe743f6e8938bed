"""Rendering the plan document: validated data + a Word template -> a .docx (and a PDF).

Templates render in Jinja's sandbox with autoescaping and strict undefined variables:
every value placed in the document is escaped, a template cannot reach Python
internals, and a misspelt variable is an error that names the template and the place.
The output is deterministic (fixed zip timestamps and document properties from the
plan's issue date) and written atomically.
"""

from __future__ import annotations

import datetime
import io
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from inclusionplan.errors import InclusionPlanError, UsageError
from inclusionplan.output import XmlCleaner, normalize_zip, write_atomic
from inclusionplan.reports import Report

DEFAULT_TEMPLATE = "plan.docx"
TEMPLATE_FILES = (DEFAULT_TEMPLATE, "monitoring.docx", "texts.sq.yaml", "texts.en.yaml")
CHART_WIDTH_CM = 16.0


class TemplateRenderError(InclusionPlanError, ValueError):
    """A template that cannot render: Jinja syntax, an unknown variable, a forbidden access."""

    code = "template-error"


class DataNotValidError(InclusionPlanError):
    """The plan's data have errors and the caller did not allow a draft."""

    code = "render-blocked"

    def __init__(self, report: Report) -> None:
        self.report = report
        super().__init__(errors=report.summary()["errors"])


class ConverterMissingError(InclusionPlanError, RuntimeError):
    code = "pdf-converter-missing"


@dataclass(frozen=True)
class Rendered:
    """What a render wrote, and how its time was spent (for the benchmark)."""

    docx: Path
    pdf: Path | None
    report: Report
    seconds: float
    chart_seconds: float
    removed_characters: int = 0


@dataclass(frozen=True)
class RenderOutcome:
    """One plan of a batch: what was written, or why not (data errors, or a problem given
    as a catalogue code and parameters, which cross process boundaries safely)."""

    folder: Path
    rendered: Rendered | None = None
    blocked: Report | None = None
    problem: tuple[str, dict[str, Any]] | None = None


def render_plans(
    folders: list[Path],
    *,
    output_dir: Path,
    lang: str | None = None,
    template: Path | None = None,
    allow_errors: bool = False,
    pdf: bool = False,
    schema: Path | None = None,
    jobs: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[RenderOutcome]:
    """Render many plan folders into ``output_dir`` (named after each folder), in
    ``jobs`` processes (None: one per core); one plan's problem does not stop the others."""
    names = [default_file_name(f.resolve().name, lang or "sq") for f in folders]
    if len(set(names)) < len(names):
        raise UsageError(detail="two plan folders have the same name; render them one by one")
    requests = [
        _BatchRequest(folder, output_dir, lang, template, allow_errors, pdf, schema)
        for folder in folders
    ]
    workers = min(jobs or os.cpu_count() or 1, len(requests))
    outcomes: list[RenderOutcome] = []
    if workers <= 1:
        for request in requests:
            outcomes.append(_render_request(request))
            if progress is not None:
                progress(str(request.folder))
        return outcomes
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from inclusionplan.charts import preload

    preload()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        for outcome in pool.map(_render_request, requests):
            outcomes.append(outcome)
            if progress is not None:
                progress(str(outcome.folder))
    return outcomes


@dataclass(frozen=True)
class _BatchRequest:
    folder: Path
    output_dir: Path
    lang: str | None
    template: Path | None
    allow_errors: bool
    pdf: bool
    schema: Path | None


def _render_request(request: _BatchRequest) -> RenderOutcome:
    from inclusionplan.plan import load_plan

    try:
        language = request.lang or load_plan(request.folder).config.language
        output = request.output_dir / default_file_name(request.folder.resolve().name, language)
        rendered = render_plan(
            request.folder,
            output=output,
            lang=language,
            template=request.template,
            allow_errors=request.allow_errors,
            pdf=request.pdf,
            schema=request.schema,
            jobs=1,
        )
        return RenderOutcome(request.folder, rendered=rendered)
    except DataNotValidError as blocked:
        return RenderOutcome(request.folder, blocked=blocked.report)
    except InclusionPlanError as error:
        return RenderOutcome(request.folder, problem=(error.code, dict(error.params)))
    except Exception as error:  # a bug in one plan must not lose the others
        detail = f"{type(error).__name__}: {error}"
        return RenderOutcome(request.folder, problem=("internal-error", {"detail": detail}))


def default_template_path() -> Path:
    return Path(str(resources.files("inclusionplan.templates").joinpath(DEFAULT_TEMPLATE)))


def export_templates(folder: Path) -> list[Path]:
    """Copy the default template and texts to ``folder`` for editing."""
    source = resources.files("inclusionplan.templates")
    written = []
    for name in TEMPLATE_FILES:
        target = folder / name
        write_atomic(target, source.joinpath(name).read_bytes())
        written.append(target)
    return written


def render_plan(
    folder: Path,
    *,
    output: Path | None = None,
    lang: str | None = None,
    template: Path | None = None,
    allow_errors: bool = False,
    pdf: bool = False,
    schema: Path | None = None,
    jobs: int | None = None,
) -> Rendered:
    """Validate the plan folder, then write its document; see the module docstring.

    Raises ``DataNotValidError`` when the data have errors and ``allow_errors`` is off.
    """
    from inclusionplan.validation import validate_plan

    started = time.perf_counter()
    validated = validate_plan(folder, schema=schema)
    report, dataset, plan = validated.report, validated.dataset, validated.plan
    if not report.valid and not allow_errors:
        raise DataNotValidError(report)
    language = lang or plan.config.language
    target = output or Path(default_file_name(folder.resolve().name, language))
    template_path = template or default_template_path()
    refuse_overwriting_inputs(target, folder, plan.config.submissions)

    from inclusionplan.charts import draw_all
    from inclusionplan.plan_document import build_context, chart_requests, load_texts

    texts = load_texts(plan, language)
    chart_started = time.perf_counter()
    charts = draw_all(chart_requests(dataset, language), jobs)
    chart_seconds = time.perf_counter() - chart_started
    removed = render_document(
        template_path,
        lambda image: build_context(validated, language, texts, image, charts),
        target,
        plan.config.issue_date,
    )
    pdf_path = convert_to_pdf(target) if pdf else None
    return Rendered(
        docx=target,
        pdf=pdf_path,
        report=report,
        seconds=time.perf_counter() - started,
        chart_seconds=chart_seconds,
        removed_characters=removed,
    )


def render_document(
    template_path: Path,
    build: Callable[[Callable[[bytes], object]], dict[str, Any]],
    target: Path,
    issue_date: datetime.date,
) -> int:
    """Fill a template with the context ``build`` makes (given a factory that embeds a PNG)
    and write it atomically with fixed bytes; returns how many forbidden characters went."""
    from docx.shared import Cm
    from docxtpl import InlineImage

    document = _open_template(template_path)

    def image(png: bytes) -> object:
        return InlineImage(document, io.BytesIO(png), width=Cm(CHART_WIDTH_CM))

    context = build(image)
    cleaner = XmlCleaner()
    _render(document, context, template_path, cleaner)
    fit_tables(document.docx)
    _set_properties(document, context, issue_date, cleaner)
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomic(target, normalize_zip(buffer.getvalue(), issue_date.timetuple()[:6]))
    return cleaner.removed


def default_file_name(name: str, lang: str) -> str:
    """``elbasan-plan-sq.docx`` for the plan folder ``elbasan``."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "plan"
    return f"{slug}-plan-{lang}.docx"


def refuse_overwriting_inputs(target: Path, folder: Path, submissions: Any) -> None:
    inputs = {(folder / entry.file).resolve() for entry in submissions}
    inputs.add((folder / "plan.yaml").resolve())
    if target.resolve() in inputs:
        raise UsageError(detail=f"{target} is an input of the plan; choose another output")


def _open_template(path: Path) -> Any:
    """A Word template, within the size limits a submission gets (a template may come
    from anywhere: a zip bomb is refused from the zip's directory, before it is read)."""
    import zipfile

    from docxtpl import DocxTemplate

    from inclusionplan.reading import DEFAULT_LIMITS, UnreadableError, read_bytes
    from inclusionplan.reading.ooxml import TooLargeError, check_unpacked_size

    if not path.is_file():
        raise TemplateRenderError(
            template=str(path), place="-", problem={"code": "problem-file-not-found"}
        )
    limit = DEFAULT_LIMITS.max_unpacked_bytes
    try:
        data = read_bytes(path, DEFAULT_LIMITS)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_unpacked_size(archive, limit)
    except UnreadableError as unreadable:  # too large, empty, or an I/O error: its reason
        raise TemplateRenderError(
            template=str(path), place="-", problem=unreadable.reason
        ) from None
    except TooLargeError:
        too_large = {"code": "reason-too-large", "limit_mb": limit // 2**20}
        raise TemplateRenderError(template=str(path), place="-", problem=too_large) from None
    except zipfile.BadZipFile:
        not_word = {"code": "problem-not-a-word-document", "detail": "BadZipFile"}
        raise TemplateRenderError(template=str(path), place="-", problem=not_word) from None
    try:
        template = DocxTemplate(io.BytesIO(data))
        template.init_docx()
    except Exception as error:  # python-docx raises several kinds on a non-docx file
        not_word = {"code": "problem-not-a-word-document", "detail": type(error).__name__}
        raise TemplateRenderError(template=str(path), place="-", problem=not_word) from None
    return template


def _environment(cleaner: XmlCleaner) -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    def finalize(value: object) -> object:
        return cleaner(value) if isinstance(value, str) else value

    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, finalize=finalize)


def _render(
    document: Any, context: dict[str, Any], template_path: Path, cleaner: XmlCleaner
) -> None:
    from jinja2 import TemplateError
    from jinja2.exceptions import SecurityError

    try:
        document.render(context, jinja_env=_environment(cleaner), autoescape=True)
    except (TemplateError, SecurityError) as error:
        around = " / ".join(t.strip() for t in getattr(error, "docx_context", []) if t.strip())
        place = f"near «{around[:160]}»" if around else "-"
        raise TemplateRenderError(
            template=str(template_path), place=place, problem=str(error.message or error)
        ) from None


def fit_tables(docx: Any) -> None:
    """Fit every table to the text width of its section, columns weighted by content.

    Loops over columns ({%tc %}) change how many there are; without this, cells keep the
    template's widths and a table with more years runs off the page.
    """
    from docx.oxml.ns import qn

    body = docx.element.body
    sections = list(docx.sections)
    section_index = 0
    for child in body.iterchildren():
        if child.tag == qn("w:tbl"):
            section = sections[min(section_index, len(sections) - 1)]
            width = section.page_width - section.left_margin - section.right_margin
            _fit_table(child, int(width / 635))  # EMU -> twentieths of a point
        elif child.tag == qn("w:p") and child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            section_index += 1


def _fit_table(table: Any, width: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rows = [
        [(_span(cell), cell) for cell in row.findall(qn("w:tc"))]
        for row in table.findall(qn("w:tr"))
    ]
    columns = max((sum(span for span, _ in row) for row in rows), default=0)
    if not columns:
        return
    widths = _column_widths(rows, columns, width)
    grid = table.find(qn("w:tblGrid"))
    for column in grid.findall(qn("w:gridCol")):
        grid.remove(column)
    for cell_width in widths:
        column = OxmlElement("w:gridCol")
        column.set(qn("w:w"), str(cell_width))
        grid.append(column)
    properties = table.find(qn("w:tblPr"))
    for tag, attributes in (
        ("w:tblW", {"w:w": str(sum(widths)), "w:type": "dxa"}),
        ("w:tblLayout", {"w:type": "fixed"}),
    ):
        element = properties.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            properties.append(element)
        for name, value in attributes.items():
            element.set(qn(name), value)
    for row in rows:
        position = 0
        for span, cell in row:
            cell_width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            if cell_width is not None:
                cell_width.set(qn("w:w"), str(sum(widths[position : position + span])))
                cell_width.set(qn("w:type"), "dxa")
            position += span


# Twentieths of a point: one character of 9-point table text, and a cell's two margins.
CHARACTER, PADDING = 100, 230
_NUMERIC = re.compile(r"[\d\s\u00a0\u202f.,%+\-−—]*")


def _column_widths(rows: list[list[tuple[int, Any]]], columns: int, width: int) -> list[int]:
    """Numeric columns get the width their longest number needs (they never wrap); text
    columns share what is left; any surplus is spread over all columns."""
    from docx.oxml.ns import qn

    need = [4 * CHARACTER + PADDING] * columns
    numeric = [True] * columns
    for row in rows:
        position = 0
        for span, cell in row:
            text = "".join(t.text or "" for t in cell.iter(qn("w:t")))
            if span == 1:
                need[position] = max(need[position], min(len(text), 30) * CHARACTER + PADDING)
                if row is not rows[0] and not _NUMERIC.fullmatch(text):
                    numeric[position] = False
            position += span
    if sum(need) <= width:
        surplus = width - sum(need)
        return [n + surplus * n // sum(need) for n in need]
    rigid = sum(n for n, is_number in zip(need, numeric, strict=True) if is_number)
    flexible = sum(n for n, is_number in zip(need, numeric, strict=True) if not is_number)
    if rigid >= width or not flexible:
        return [n * width // sum(need) for n in need]
    room = width - rigid
    return [
        n if is_number else n * room // flexible for n, is_number in zip(need, numeric, strict=True)
    ]


def _span(cell: Any) -> int:
    from docx.oxml.ns import qn

    span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return int(span.get(qn("w:val"))) if span is not None else 1


def _set_properties(
    document: Any, context: dict[str, Any], issue_date: Any, cleaner: XmlCleaner
) -> None:
    from inclusionplan.plan_document import issue_timestamp

    properties = document.docx.core_properties
    stamp = issue_timestamp(issue_date).replace(tzinfo=None)
    plan = {key: cleaner(str(value)) for key, value in context["plan"].items()}
    properties.title = plan["title"]
    properties.subject = plan["period"]
    properties.author = plan["municipality"]
    properties.last_modified_by = "inclusionplan"
    properties.created = stamp
    properties.modified = stamp
    properties.last_printed = stamp
    properties.revision = 1
    properties.language = plan["language"]
    properties.comments = ""
    properties.keywords = ""


def find_converter() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(docx: Path, timeout: float = 180) -> Path:
    """A PDF beside the .docx, through LibreOffice headless (which also fills the table
    of contents and page fields); written atomically like every output."""
    converter = find_converter()
    if converter is None:
        raise ConverterMissingError()
    target = docx.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="inclusionplan-") as work:
        profile = Path(work) / "profile"
        command = [
            converter,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            work,
            str(docx),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=True)
        except (subprocess.SubprocessError, OSError) as error:
            raise InclusionPlanError("pdf-failed", detail=type(error).__name__) from None
        produced = Path(work) / (docx.stem + ".pdf")
        if not produced.is_file():
            raise InclusionPlanError("pdf-failed", detail="no PDF was produced")
        write_atomic(target, produced.read_bytes())
    return target
