"""The brief's one chart: profit change from each lever (the constraint at the top).

Labels arrive already localised; the function only draws (matplotlib ``Figure`` on the Agg
canvas, no pyplot state, so it is safe in worker processes)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

TOP_COLOUR = "#d9822b"
COLOUR = "#5b7db1"
NEGATIVE = "#b65a5a"
DPI = 130
WIDTH_IN = 7.2
SMALLEST_FONT_PT = 10
"""No text in a toolkit chart is smaller: legible on a phone in the brief's HTML."""


def sensitivity_chart(
    labels: Sequence[str],
    deltas: Sequence[float],
    value_labels: Sequence[str],
    title: str,
    tick: Callable[[float], str] | None = None,
) -> bytes:
    """A horizontal bar chart, first bar highlighted, as PNG bytes.

    ``tick`` formats the x-axis numbers (e.g. with the language's thousands separator).
    """
    height = 0.55 * len(labels) + 1.2
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    positions = list(range(len(labels)))[::-1]
    colours = [
        NEGATIVE if d < 0 else (TOP_COLOUR if k == 0 else COLOUR) for k, d in enumerate(deltas)
    ]
    ax.barh(positions, list(deltas), color=colours, height=0.6)
    ax.set_yticks(positions, list(labels), fontsize=SMALLEST_FONT_PT + 0.5)
    ax.axvline(0, color="#444444", linewidth=0.8)
    span = max((abs(d) for d in deltas), default=1.0) or 1.0
    for pos, delta, text in zip(positions, deltas, value_labels, strict=True):
        ax.text(delta + (span * 0.02 if delta >= 0 else -span * 0.02), pos, text,
                va="center", ha="left" if delta >= 0 else "right", fontsize=SMALLEST_FONT_PT)
    low = min(0.0, *deltas) if deltas else 0.0
    high = max(0.0, *deltas) if deltas else 1.0
    ax.set_xlim(low - span * 0.35 * (low < 0), high + span * 0.35)
    ax.set_title(title, fontsize=SMALLEST_FONT_PT + 2, loc="left")
    ax.tick_params(axis="x", labelsize=SMALLEST_FONT_PT)
    if tick is not None:
        ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: tick(value)))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
