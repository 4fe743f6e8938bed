"""How close validation comes to the time python-calamine alone needs to read the files.

Builds plan folders that are copies of the Elbasan sample (14 submissions each, in its
mixed formats: xlsx, xls, ods, csv) until there are about N workbooks, as a regional
programme checking many municipalities would, then times, each in a fresh process so
that imports count:
  floor:    python-calamine opening every workbook and reading every sheet (CSV files
            with the csv module);
  validate: `inclusionplan validate PLAN... --format json` (the whole command).
Prints both and their ratio. Run: python benchmarks/validate_speed.py [N]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
ELBASAN = HERE.parent / "sample_data" / "elbasan"

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


def make_corpus(count: int) -> Path:
    """Copies of the Elbasan plan folder, enough of them for about ``count`` workbooks."""
    folder = CORPUS / str(count)
    plans = max(1, round(count / len(list((ELBASAN / "submissions").iterdir()))))
    if folder.is_dir() and len(list(folder.iterdir())) == plans:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    for index in range(plans):
        shutil.copytree(ELBASAN, folder / f"municipality_{index:03d}")
    return folder


def timed(command: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    folder = make_corpus(count)
    plans = sorted(str(p) for p in folder.iterdir())
    workbooks = sum(1 for _ in folder.rglob("submissions/*"))
    floor = timed([sys.executable, "-c", FLOOR, str(folder)])
    command = [sys.executable, "-m", "inclusionplan", "validate", *plans, "--format", "json"]
    validate = timed(command)
    print(f"workbooks: {workbooks} in {len(plans)} plan folders")
    print(f"calamine read floor: {floor:.2f} s")
    print(f"inclusionplan validate: {validate:.2f} s")
    print(f"ratio: {validate / floor:.2f}x")


if __name__ == "__main__":
    main()
