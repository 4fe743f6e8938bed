"""Render time of the sample plan, and the share spent on charts.

Times the library call (after imports) with charts on one process and on all cores,
and the whole command as a fresh process. Run: python benchmarks/render_speed.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from inclusionplan.render import render_plan

PLAN = Path(__file__).resolve().parent.parent / "sample_data" / "elbasan"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "plan.docx"
        render_plan(PLAN, output=output, jobs=1)  # warm: imports, fonts
        for jobs in (1, None):
            rendered = render_plan(PLAN, output=output, jobs=jobs)
            share = rendered.chart_seconds / rendered.seconds
            label = "1 process" if jobs == 1 else "all cores"
            print(f"render ({label}): {rendered.seconds:.2f} s, charts {share:.0%}")
        started = time.perf_counter()
        command = [sys.executable, "-m", "inclusionplan", "render", str(PLAN), "-o", str(output)]
        subprocess.run(command, check=True, capture_output=True)
        print(f"whole command: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
