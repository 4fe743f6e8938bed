"""Batch speed and memory, side by side in one run, on generated corpora.

- validate 500 and 5,000 small workbooks (copies of the Elbasan plan folder) against the
  python-calamine read floor of the same files;
- validate one 200,000-row workbook (a wide table of a generated 40,000-indicator schema,
  passed with --schema as JSON, then as YAML) against the floor, with peak memory of both;
- render 10 plans with --jobs 1 and --jobs 2.

Every measurement is a fresh process (imports count), best of ``REPEAT`` runs, taken by
turns with its floor; peak memory is the process's maximum resident set size. Run: python benchmarks/batch_speed.py
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
ELBASAN = HERE.parent / "sample_data" / "elbasan"
REPEAT = 3

FLOOR = """
import csv, io, sys, python_calamine
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob('*')):
    if path.suffix == '.csv':
        list(csv.reader(io.StringIO(path.read_bytes().decode('cp1252'))))
    elif path.suffix in ('.xlsx', '.xls', '.ods'):
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()
"""

MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
seconds = time.perf_counter() - started
print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _run(command: list[str]) -> tuple[float, float]:
    """Wall time and peak memory (MiB) of one fresh run."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def measure(command: list[str], repeat: int = REPEAT) -> tuple[float, float]:
    """Best wall time of ``repeat`` runs, and peak memory (MiB) of the command."""
    runs = [_run(command) for _ in range(repeat)]
    return min(seconds for seconds, _ in runs), max(memory for _, memory in runs)


def measure_against_floor(
    command: list[str], floor: list[str], repeat: int = REPEAT
) -> tuple[tuple[float, float], tuple[float, float]]:
    """``measure`` of the command and of its floor, run by turns: this machine's speed
    drifts by a quarter within an hour, and a ratio of runs minutes apart measures the
    drift as much as the tool."""
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(_run(command))
        theirs.append(_run(floor))
    best = [(min(s for s, _ in runs), max(m for _, m in runs)) for runs in (ours, theirs)]
    return best[0], best[1]


def plan_copies(count: int) -> list[str]:
    folder = CORPUS / f"plans-{count}"
    plans = max(1, round(count / 14))
    first = folder / "municipality_0000" / "plan.yaml"
    stale = (
        not folder.is_dir()
        or len(list(folder.iterdir())) != plans
        or not first.is_file()
        or first.read_bytes() != (ELBASAN / "plan.yaml").read_bytes()  # the sample changed
    )
    if stale or any(folder.glob("*/monitoring")):
        shutil.rmtree(folder, ignore_errors=True)
        for index in range(plans):
            # The yearly monitoring returns are not read by validate: the floor, which
            # reads every spreadsheet of the folder, would count them.
            shutil.copytree(
                ELBASAN,
                folder / f"municipality_{index:04d}",
                ignore=shutil.ignore_patterns("monitoring"),
            )
    return sorted(str(p) for p in folder.iterdir())


def _code(index: int) -> str:
    """BA0000 ... BZ9999: codes the schema format accepts (letters, then 4 digits)."""
    return f"B{chr(65 + index // 10000)}{index % 10000:04d}"


def big_workbook(rows: int = 200_000) -> tuple[Path, Path, Path]:
    """A wide table of ``rows`` rows (total, female, male, urban, rural per indicator), and
    the schema of its indicators, as JSON (how a generated schema is written) and as YAML."""
    folder = CORPUS / "big"
    book, schema, schema_yaml = folder / "big.xlsx", folder / "schema.json", folder / "schema.yaml"
    if book.is_file() and schema.is_file() and schema_yaml.is_file():
        return book, schema, schema_yaml
    folder.mkdir(parents=True, exist_ok=True)
    indicators = rows // 5
    document = {
        "extends": "builtin",
        "areas": [{"key": "BX", "en": "Benchmark", "sq": "Provë"}],
        "indicators": [
            {
                "code": _code(i),
                "area": "BX",
                "en": f"Indicator {i}",
                "sq": f"Tregues {i}",
                "unit": "persons",
                "type": "count",
                "partitions": ["sex", "area"],
                "institution": "social_services",
            }
            for i in range(indicators)
        ],
        "checks": {"large_change": {"threshold": 5, "min_value": 20}},
    }
    schema.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    lines = ["extends: builtin", "areas: [{key: BX, en: Benchmark, sq: Provë}]", "indicators:"]
    lines += [
        f"  - {{code: {_code(i)}, area: BX, en: Indicator {i}, sq: Tregues {i}, unit: persons, "
        f"type: count, partitions: [sex, area], institution: social_services}}"
        for i in range(indicators)
    ]
    lines.append("checks: {large_change: {threshold: 5, min_value: 20}}")
    schema_yaml.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Të dhënat")
    sheet.append(["Kodi", "Ndarja", 2012, 2013, 2014, 2015, 2016])
    for i in range(indicators):
        base = 100 + i % 900
        for label, value in (
            ("Gjithsej", 2 * base),
            ("Femra", base),
            ("Meshkuj", base),
            ("Zona urbane", base),
            ("Zona rurale", base),
        ):
            sheet.append([_code(i), label, value, value, value, value, value])
    workbook.save(book)
    return book, schema, schema_yaml


def compile_package() -> None:
    """Byte-compile the package as ``pip install`` does: with PYTHONDONTWRITEBYTECODE set
    (some CI images set it), an editable install would recompile every module on every run
    and the measurements would include it."""
    import compileall

    import inclusionplan

    compileall.compile_dir(Path(inclusionplan.__file__).parent, quiet=1)


def main(only: str | None = None) -> None:
    python = sys.executable
    cli = [python, "-m", "inclusionplan"]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    compile_package()
    for count in (500, 5000) if only in (None, "small") else ():
        plans = plan_copies(count)
        # Runs under a second vary most on a shared machine: more of them, floor included.
        repeat = 3 * REPEAT if count == 500 else REPEAT
        floor_command = [python, "-c", FLOOR, str(CORPUS / f"plans-{count}")]
        for jobs in ("1", "2"):
            (seconds, _), (floor, _) = measure_against_floor(
                [*cli, "validate", *plans, "--format", "json", "--jobs", jobs],
                floor_command,
                repeat,
            )
            print(
                f"validate {len(plans) * 14} workbooks, --jobs {jobs}: {seconds:.2f} s; "
                f"floor {floor:.2f} s; ratio {seconds / floor:.2f}x"
            )
    if only not in (None, "big"):
        return
    book, schema, schema_yaml = big_workbook()
    for each in (schema, schema_yaml):
        (seconds, memory), (floor, floor_memory) = measure_against_floor(
            [
                *cli,
                "validate",
                str(book),
                "--schema",
                str(each),
                "--years",
                "2012-2016",
                "--format",
                "json",
            ],
            [python, "-c", FLOOR, str(book.parent)],
        )
        print(
            f"validate one 200,000-row workbook (schema as {each.suffix}): {seconds:.2f} s, "
            f"{memory:.0f} MiB; floor {floor:.2f} s, {floor_memory:.0f} MiB; ratios "
            f"{seconds / floor:.2f}x time, {memory / floor_memory:.2f}x memory"
        )
    if only is not None:
        return
    plans = plan_copies(140)[:10]
    out = CORPUS / "rendered"
    timings = {}
    for jobs in ("1", "2"):
        shutil.rmtree(out, ignore_errors=True)
        timings[jobs], _ = measure([*cli, "render", *plans, "-o", str(out), "--jobs", jobs])
    print(
        f"render 10 plans: --jobs 1 {timings['1']:.2f} s, --jobs 2 {timings['2']:.2f} s; "
        f"speed-up {timings['1'] / timings['2']:.2f}x"
    )


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_NOFILE, (4096, 4096))
    started = time.perf_counter()
    main(sys.argv[1] if len(sys.argv) > 1 else None)
    print(f"(benchmark took {time.perf_counter() - started:.0f} s)")
