"""One chart per indicator: PNG at print resolution, readable in black and white.

Series differ by line style and marker, not by colour; numbers on the axis follow the
document's language. The PNG carries no metadata, so the same data give the same bytes.
matplotlib is imported here only, on first use (it costs about 0.3 s).
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from inclusionplan.formatting import format_number

DPI = 300
SIZE_INCHES = (6.2, 2.4)
STYLES: tuple[dict[str, Any], ...] = (
    {"color": "#111111", "linestyle": "-", "marker": "o", "linewidth": 2.0},
    {"color": "#555555", "linestyle": "--", "marker": "s", "linewidth": 1.4},
    {"color": "#888888", "linestyle": ":", "marker": "^", "linewidth": 1.6},
)


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float | None]


@dataclass(frozen=True)
class ChartRequest:
    """Everything one chart depends on: cheap to send to another process."""

    years: Sequence[int]
    series: Sequence[Series]
    lang: str
    percent: bool = False


def preload() -> None:
    """Import matplotlib before forking workers, so each inherits it instead of paying
    its import again."""
    import matplotlib.backends.backend_agg  # noqa: F401


def draw(request: ChartRequest) -> bytes:
    return line_chart(request.years, request.series, request.lang, request.percent)


def draw_all(requests: Mapping[str, ChartRequest], jobs: int | None = None) -> dict[str, bytes]:
    """Every chart, in parallel on ``jobs`` processes (default: the cores); same bytes either way."""
    workers = min(jobs or os.cpu_count() or 1, len(requests))
    if workers <= 1:
        return {key: draw(request) for key, request in requests.items()}
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    preload()
    keys = list(requests)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        images = list(pool.map(draw, [requests[key] for key in keys], chunksize=2))
    return dict(zip(keys, images, strict=True))


def line_chart(
    years: Sequence[int], series: Sequence[Series], lang: str, percent: bool = False
) -> bytes:
    """A PNG of ``series`` over ``years``; gaps where a value is missing."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    figure = Figure(figsize=SIZE_INCHES, dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    for style, line in zip(STYLES, series, strict=False):
        values = [float("nan") if v is None else v for v in line.values]
        axes.plot(list(years), values, label=line.label, markersize=4.5, **style)
    axes.set_xticks(list(years))
    axes.set_xticklabels([str(year) for year in years])
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5))
    suffix = "%" if percent else ""
    axes.yaxis.set_major_formatter(
        FuncFormatter(lambda value, _: format_number(value, lang, 1) + suffix)
    )
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.tick_params(labelsize=8)
    if not percent:
        axes.set_ylim(bottom=0)
    legend = len(series) > 1
    if legend:  # above the plot, in one row: long labels are never cut off
        axes.legend(
            fontsize=7.5,
            frameon=False,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncol=len(series),
            borderaxespad=0.2,
        )
    # Fixed margins rather than tight_layout, which draws the figure a second time.
    figure.subplots_adjust(left=0.11, right=0.98, top=0.86 if legend else 0.95, bottom=0.12)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
