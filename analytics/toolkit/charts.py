"""The brief's one chart: profit change from each lever (the constraint at the top).

Labels arrive already localised; the function only draws (matplotlib ``Figure`` on the Agg
canvas, no pyplot state, so it is safe in worker processes)."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from analytics.render.charts.style import DPI, SMALLEST_FONT_PT, WIDTH_IN

TOP_COLOUR = "#d9822b"
COLOUR = "#5b7db1"
NEGATIVE = "#b65a5a"
LABEL_WIDTH = 22
"""Characters per line of a lever's name; the chart has the audit charts' width and text
sizes, so it is legible at a phone's full width."""


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
    height = 0.6 * len(labels) + 1.3
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    positions = list(range(len(labels)))[::-1]
    colours = [
        NEGATIVE if d < 0 else (TOP_COLOUR if k == 0 else COLOUR) for k, d in enumerate(deltas)
    ]
    ax.barh(positions, list(deltas), color=colours, height=0.6)
    names = ["\n".join(textwrap.wrap(label, LABEL_WIDTH, break_long_words=False)) or label
             for label in labels]
    ax.set_yticks(positions, names, fontsize=SMALLEST_FONT_PT)
    ax.axvline(0, color="#444444", linewidth=0.8)
    span = max((abs(d) for d in deltas), default=1.0) or 1.0
    for pos, delta, text in zip(positions, deltas, value_labels, strict=True):
        ax.text(delta + (span * 0.02 if delta >= 0 else -span * 0.02), pos, text,
                va="center", ha="left" if delta >= 0 else "right", fontsize=SMALLEST_FONT_PT)
    low = min(0.0, *deltas) if deltas else 0.0
    high = max(0.0, *deltas) if deltas else 1.0
    ax.set_xlim(low - span * 0.5 * (low < 0), high + span * 0.5)
    fig.suptitle(textwrap.fill(title, 44), x=0.02, ha="left", fontsize=SMALLEST_FONT_PT + 2)
    ax.tick_params(axis="x", labelsize=SMALLEST_FONT_PT)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
    if tick is not None:
        ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: tick(value)))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
