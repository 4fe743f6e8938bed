"""Hostile and broken inputs: never a crash, never a hang, never a changed input."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inclusionplan.findings import Finding
from inclusionplan.reading import DEFAULT_LIMITS, Limits, read_submission
from inclusionplan.validation import validate
from tests.conftest import HEADER, SAMPLES, em01_rows, write_xlsx

CELL_CODES = {
    "not-a-number",
    "not-a-whole-number",
    "negative-value",
    "out-of-range",
    "interpreted-text",
    "formula-without-value",
    "partition-mismatch",
    "subgroup-exceeds-total",
    "rule-violation",
    "duplicate-value",
    "large-change",
}


def reason(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    findings = read_submission(path, limits=limits).findings
    assert [f.code for f in findings] == ["unreadable-file"], findings
    return str(findings[0].params["reason"]["code"])


def test_empty_workbook(tmp_path: Path) -> None:
    openpyxl.Workbook().save(tmp_path / "empty.xlsx")
    assert reason(tmp_path / "empty.xlsx") == "reason-empty-workbook"


def test_zip_bomb_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "big.xlsx", [HEADER, *em01_rows()])
    assert reason(path, Limits(max_unpacked_bytes=2000)) == "reason-too-large"
    assert reason(path, Limits(max_file_bytes=100)) == "reason-too-large"


def test_too_many_rows_is_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "rows.xlsx", [HEADER, *em01_rows()])
    assert reason(path, Limits(max_rows=5)) == "reason-too-many-rows"


def test_csv_in_utf16_and_in_an_unknown_encoding(tmp_path: Path) -> None:
    text = "\t".join(["Kodi", "Ndarja", "2012"]) + "\r\nHR05\tGjithsej\t9\r\n"
    (tmp_path / "unicode.csv").write_bytes(text.encode("utf-16"))
    observations = read_submission(tmp_path / "unicode.csv").observations
    assert [(o.code, o.number) for o in observations] == [("HR05", 9.0)]
    (tmp_path / "binary.csv").write_bytes(b"\x00\x01\x02garbage\x00" * 50)
    assert reason(tmp_path / "binary.csv") == "reason-encoding"


def test_workbook_from_an_unusual_producer(tmp_path: Path) -> None:
    """Namespace prefixes (x:c, x:v) as some generators write them."""
    path = write_xlsx(tmp_path / "plain.xlsx", [HEADER, *em01_rows()])
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = sheet.replace(
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
    )
    for tag in (
        "worksheet",
        "sheetPr",
        "outlinePr",
        "pageSetUpPr",
        "dimension",
        "sheetViews",
        "sheetView",
        "selection",
        "sheetFormatPr",
        "sheetData",
        "row",
        "c",
        "v",
        "is",
        "t",
        "pageMargins",
    ):
        sheet = sheet.replace(f"<{tag}", f"<x:{tag}").replace(f"</{tag}>", f"</x:{tag}>")
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    odd = tmp_path / "odd.xlsx"
    with zipfile.ZipFile(odd, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    submission = read_submission(odd)
    assert len(submission.observations) == 21 or submission.findings  # read, or refused


def test_long_cell_text_is_cut_in_messages(tmp_path: Path) -> None:
    rows = em01_rows()
    rows[6][3] = "x" * 5000
    path = write_xlsx(tmp_path / "long.xlsx", [HEADER, *rows])
    finding = next(f for f in validate([path]).findings if f.code == "not-a-number")
    assert len(finding.message("en")) < 200


def test_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    import docx

    from inclusionplan.render import TemplateRenderError, render_plan

    template = tmp_path / "evil.docx"
    document = docx.Document()
    document.add_paragraph("{{ ''.__class__ }}")
    document.save(str(template))
    with pytest.raises(TemplateRenderError):
        render_plan(SAMPLES / "elbasan", output=tmp_path / "o.docx", template=template, jobs=1)


def test_forms_never_overwrite_a_submission(tmp_path: Path) -> None:
    import shutil

    from inclusionplan.errors import UsageError
    from inclusionplan.forms import write_forms
    from inclusionplan.plan import load_plan
    from inclusionplan.schema import builtin_schema

    folder = tmp_path / "plan"
    shutil.copytree(SAMPLES / "elbasan", folder)
    target = folder / "submissions" / "gjykata_rrethit.xlsx"
    before = target.read_bytes()
    with pytest.raises(UsageError):
        write_forms(load_plan(folder), builtin_schema(), folder / "submissions", "sq", "court")
    assert target.read_bytes() == before


def test_a_killed_render_leaves_the_previous_output(tmp_path: Path) -> None:
    output = tmp_path / "plan.docx"
    output.write_bytes(b"the previous plan")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "inclusionplan",
            "render",
            str(SAMPLES / "elbasan"),
            "-o",
            str(output),
            "--jobs",
            "1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(1.2)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert output.read_bytes() == b"the previous plan"


# --- property-based: generated and mutated inputs -----------------------------------------

cell_values = st.one_of(
    st.none(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.text(max_size=40),
    st.sampled_from(
        [
            "EM01",
            "Gjithsej",
            "Femra",
            "s'ka",
            "1 234",
            "12,5%",
            "=SUM(A1)",
            "2014",
            "Kodi",
            "Viti 2013",
            "Institucioni:",
            "-",
            "PAK",
        ]
    ),
)
grids = st.lists(st.lists(cell_values, min_size=0, max_size=8), min_size=0, max_size=12)


def assert_findings_have_places(findings: list[Finding], file: str) -> None:
    for finding in findings:
        assert finding.file == file
        if finding.code in CELL_CODES:
            assert finding.sheet and finding.row and finding.column, finding
        finding.message("sq")
        finding.message("en")


def _cell(value: object) -> object:
    if isinstance(value, str):
        from inclusionplan.output import XML_FORBIDDEN

        return XML_FORBIDDEN.sub("", value)
    return value


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grid=grids, header_first=st.booleans())
def test_generated_workbooks_never_crash(
    tmp_path_factory: pytest.TempPathFactory, grid: list[list[object]], header_first: bool
) -> None:
    folder = tmp_path_factory.mktemp("prop")
    rows = ([HEADER] if header_first else []) + [[_cell(v) for v in row] for row in grid]
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    path = folder / "g.xlsx"
    book.save(path)
    report = validate([path], years=(2012, 2013, 2014))
    assert_findings_have_places(report.findings, str(path.as_posix()))


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=400), delimiter=st.sampled_from([",", ";", "\t"]))
def test_generated_csv_never_crashes(
    tmp_path_factory: pytest.TempPathFactory, text: str, delimiter: str
) -> None:
    path = tmp_path_factory.mktemp("csv") / "g.csv"
    path.write_bytes(
        ("Kodi" + delimiter + "2012\n" + text).encode("utf-8", "surrogatepass")
        if "\ud800" not in text
        else b"x"
    )
    report = validate([path], years=(2012,))
    assert_findings_have_places(report.findings, path.as_posix())


odd_values = st.one_of(
    st.floats(),  # inf and NaN too
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from(["nan", "inf", "-Infinity", "1e999", "1_000", "9" * 400, "1e5", "#DIV/0!"]),
    st.sampled_from(["'77", "12,5%", "1.234,5", "s'ka", "=1/0", "", " ", "x" * 3000]),
    st.booleans(),
    st.none(),
    st.dates(),
    st.text(max_size=20),
)


@settings(max_examples=60, deadline=None)
@given(
    changes=st.lists(
        st.tuples(st.integers(0, len(em01_rows()) - 1), st.integers(0, 2), odd_values),
        min_size=1,
        max_size=6,
    )
)
def test_odd_values_in_a_table_are_findings_said_in_both_languages_and_valid_json(
    tmp_path_factory: pytest.TempPathFactory, changes: list[tuple[int, int, object]]
) -> None:
    """What a person or a script may put in a value cell: a finding at most, whose message
    can be said, in a report that strict JSON parsers read."""
    rows = em01_rows()
    for row, column, value in changes:
        rows[row][3 + column] = _cell(value)
    path = write_xlsx(tmp_path_factory.mktemp("odd") / "o.xlsx", [HEADER, *rows])
    report = validate([path], years=(2012, 2013, 2014))
    assert "unreadable-file" not in {f.code for f in report.findings}
    assert_findings_have_places(report.findings, path.as_posix())

    def not_json(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    for lang in ("sq", "en"):
        assert json.loads(report.to_json(lang), parse_constant=not_json)["files"]


SAMPLE = (SAMPLES / "elbasan" / "submissions" / "zyra_e_punes_2012-2016.xlsx").read_bytes()


@settings(max_examples=80, deadline=None)
@given(
    cut=st.integers(min_value=0, max_value=len(SAMPLE)),
    flips=st.lists(st.tuples(st.integers(0, len(SAMPLE) - 1), st.integers(0, 255)), max_size=8),
)
def test_mutated_workbooks_never_crash(
    tmp_path_factory: pytest.TempPathFactory, cut: int, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(SAMPLE[:cut] if cut else SAMPLE)
    for position, byte in flips:
        if position < len(data):
            data[position] = byte
    path = tmp_path_factory.mktemp("mut") / "m.xlsx"
    path.write_bytes(bytes(data))
    report = validate([path], years=range(2012, 2017))
    assert_findings_have_places(report.findings, path.as_posix())
    assert path.read_bytes() == bytes(data)


def test_zip_with_a_huge_member_is_refused(tmp_path: Path) -> None:
    """A classic bomb: a member that inflates past the limit, refused from the zip's
    directory before anything is inflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (40 * 2**20))
    (tmp_path / "bomb.xlsx").write_bytes(buffer.getvalue())
    limits = Limits(max_unpacked_bytes=16 * 2**20)
    assert reason(tmp_path / "bomb.xlsx", limits) == "reason-too-large"


def test_xlsb_is_refused_with_a_reason(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.bin", b"\x00binary")
    (tmp_path / "binary.xlsb").write_bytes(buffer.getvalue())
    assert reason(tmp_path / "binary.xlsb") == "reason-unsupported-format"


def test_render_warns_when_it_removes_control_characters(tmp_path: Path) -> None:
    import shutil

    from typer.testing import CliRunner

    from inclusionplan.cli import app

    folder = tmp_path / "plan"
    shutil.copytree(SAMPLES / "elbasan", folder)
    (folder / "texts.en.yaml").write_text('vision: ["A vision\\a with a bell"]\n', encoding="utf-8")
    result = CliRunner().invoke(
        app, ["render", str(folder), "--lang", "en", "--jobs", "1", "-o", str(tmp_path / "o.docx")]
    )
    assert result.exit_code == 0, result.output
    assert "1 control characters" in result.output


def _validate_under_a_memory_limit(
    *paths: Path, options: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """A run as a shell with `ulimit -v 4000000` makes it: an oversized grid would abort."""
    import resource

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (4_000_000_000, 4_000_000_000))

    arguments = ["--format", "json", "--lang", "en", *options]
    return subprocess.run(
        [sys.executable, "-m", "inclusionplan", "validate", *map(str, paths), *arguments],
        capture_output=True,
        text=True,
        preexec_fn=limit_memory,
        timeout=120,
    )


def test_cells_far_apart_are_refused_not_a_crash(tmp_path: Path) -> None:
    """Two cells at A1 and XFD1048576 would make calamine ask for 550 GB (calamine #693)."""
    import json

    book = openpyxl.Workbook()
    book.active["A1"] = "Kodi"
    book.active["XFD1048576"] = 1
    book.save(tmp_path / "corners.xlsx")
    sst = tmp_path / "strings.xlsx"
    write_xlsx(sst, [HEADER])
    with zipfile.ZipFile(sst) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/sharedStrings.xml"] = b'<sst uniqueCount="4000000000"><si><t>a</t></si></sst>'
    with zipfile.ZipFile(sst, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    good = write_xlsx(tmp_path / "good.xlsx", [HEADER, *em01_rows()])
    from tests.test_grid import ods_with_repeats

    ods = ods_with_repeats(tmp_path / "repeats.ods", 1_048_575, 16_383)

    result = _validate_under_a_memory_limit(tmp_path / "corners.xlsx", sst, ods, good)

    assert result.returncode == 1, result.stderr[-500:]
    refused = {
        Path(f["file"]).name
        for f in json.loads(result.stdout)["findings"]
        if f["code"] == "unreadable-file" and "more than 30,000,000 cells" in f["message"]
    }
    assert refused == {"corners.xlsx", "strings.xlsx", "repeats.ods"}


def test_team_workbooks_and_annotated_copies_never_parse_an_oversized_grid(
    tmp_path: Path,
) -> None:
    """The action matrix and the consultation log are read with the same checks as the
    submissions, and a file refused for its grid gets no annotated copy (making one would
    parse it)."""
    import json

    from tests.test_grid import ods_with_repeats

    plan = tmp_path / "plan"
    shutil.copytree(SAMPLES / "elbasan", plan, ignore=shutil.ignore_patterns("monitoring"))
    book = openpyxl.load_workbook(plan / "action-matrix.xlsx")
    book.active["XFD1048576"] = 1
    book.save(plan / "action-matrix.xlsx")
    ods_with_repeats(plan / "consultations.xlsx", 1_048_575, 16_383)  # an .ods, misnamed
    submission = plan / "submissions" / "qendra_formimit_profesional.ods"
    ods_with_repeats(submission, 1_048_575, 16_383)
    employment = plan / "submissions" / "zyra_e_punes_2012-2016.xlsx"
    rows = em01_rows()
    rows[0][3] = "n/a"  # an ordinary error: this file gets an annotated copy
    write_xlsx(employment, [HEADER, *rows])

    result = _validate_under_a_memory_limit(plan, options=("--annotate", str(tmp_path / "out")))

    assert result.returncode == 1, result.stderr[-500:]
    refused = {
        Path(f["file"]).name
        for f in json.loads(result.stdout)["findings"]
        if f["code"] == "unreadable-file" and "more than 30,000,000 cells" in f["message"]
    }
    assert refused == {"action-matrix.xlsx", "consultations.xlsx", submission.name}
    assert [p.name for p in (tmp_path / "out").iterdir()] == [employment.name]


def test_max_cells_is_a_limit_like_the_others(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "rows.xlsx", [HEADER, *em01_rows()])
    assert reason(path, Limits(max_cells=10)) == "reason-too-many-cells"
    assert not read_submission(path, limits=Limits(max_cells=8 * len(HEADER))).findings


def test_a_template_that_would_inflate_past_the_limit_is_refused(tmp_path: Path) -> None:
    """A Word template may come from anywhere: one whose zip directory announces more than
    256 MB unpacked is refused before a part is inflated."""
    from typer.testing import CliRunner

    from inclusionplan.cli import app

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    data = bytearray(buffer.getvalue())
    directory = data.rfind(b"PK\x01\x02")
    data[directory + 24 : directory + 28] = (2**31).to_bytes(4, "little")  # uncompressed size
    template = tmp_path / "bomb.docx"
    template.write_bytes(bytes(data))
    output = tmp_path / "plan.docx"
    arguments = ["render", str(SAMPLES / "elbasan"), "--template", str(template), "-o", str(output)]
    result = CliRunner().invoke(app, [*arguments, "--lang", "en"])
    assert result.exit_code == 2 and "would exceed the limit of 256 MB" in result.output
    assert not output.exists()
