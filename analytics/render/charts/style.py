"""Shared phone-friendly chart style: figure size, fonts, colours, number formats, titles.

Charts are ``matplotlib.figure.Figure`` objects on the Agg backend (no pyplot state) and are
rendered to PNG bytes 1080 px wide, with at most four colours. A figure is narrow in inches
for its font sizes in points, so that shown at a phone's full width (390 CSS px) its
smallest text is 11 CSS px, without a narrower variant of the chart.
"""

from __future__ import annotations

import io
import math
import struct
import textwrap
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ticker import FuncFormatter

from analytics.locales import t
from analytics.render import formatting

DPI = 200
WIDTH_IN = 5.4  # 5.4 in x 200 dpi = 1080 px
HEIGHT_IN = 6.75  # 4:5 portrait, the tallest ratio a phone feed shows whole

# Four colours at most: the main series, the contrast series, the neutral base, a warning.
MAIN = "#1f5fa8"
CONTRAST = "#f0a030"
NEUTRAL = "#9aa3ad"
ALERT = "#c8453c"
HEATMAP = "Blues"

BASE_FONT = 12
SMALLEST_FONT_PT = 11
"""No text in a chart is smaller (ticks, legends, value labels): 11 pt on a 5.4 in figure
is 11 CSS px when the chart is shown 390 CSS px wide."""
TITLE_FONT = 14
RC: Any = {
    "font.size": BASE_FONT,
    "axes.titlesize": BASE_FONT,
    "axes.labelsize": BASE_FONT,
    "xtick.labelsize": SMALLEST_FONT_PT,
    "ytick.labelsize": SMALLEST_FONT_PT,
    "legend.fontsize": SMALLEST_FONT_PT,
    "figure.titlesize": TITLE_FONT,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "svg.fonttype": "none",
}
TITLE_WIDTH = 41  # characters per title line at 14 pt on a 5.4 in figure
LABEL_WIDTH = 14
"""Characters per line of a category label (an RFM segment, a group): longer names wrap."""


@dataclass(frozen=True)
class Title:
    """A chart title as a Fluent key and its arguments (numbers still raw).

    Argument naming decides the formatting: ``*_pct`` is a 0..1 share shown as a percentage,
    ``*_x`` a multiplier with one decimal, other floats and ints are plain numbers, strings
    pass through. ``months`` also adds ``period`` ("за 6 месяцев", "in a year"); ``segment``
    is an RFM segment code, replaced by its localised name.
    """

    key: str
    args: Mapping[str, float | int | str] = field(default_factory=dict)


def format_args(args: Mapping[str, float | int | str], lang: str) -> dict[str, Any]:
    """Title arguments formatted for ``lang`` (see :class:`Title`)."""
    out: dict[str, Any] = {}
    for name, value in args.items():
        if name == "segment":
            out[name] = t(lang, "segment-" + str(value).replace("_", "-"))
        elif isinstance(value, str):
            out[name] = value
        elif name.endswith("_pct"):
            out[name] = formatting.share(abs(float(value)), lang, 0)
        elif name.endswith("_x"):
            out[name] = formatting.number(float(value), lang, 1)
        elif name == "months":
            out[name] = int(value)
            out["period"] = t(lang, "chart-period", months=int(value))
        else:
            out[name] = formatting.number(float(value), lang, 0)
            out[name + "_n"] = value  # raw, for plural selectors ("из 21 клиента")
    return out


def title_text(title: Title, lang: str) -> str:
    """The title sentence in ``lang``, wrapped for a phone screen."""
    text = t(lang, title.key, **format_args(title.args, lang))
    return "\n".join(textwrap.wrap(text, TITLE_WIDTH)) or text


def money_tick(value: float, currency: str | None, lang: str) -> str:
    """An axis tick for money: ``1 234 567 ₽`` in Russian, ``1,234,567 ₽`` in English.

    Ticks keep the full locale form the owner reads in the report, in whole units.
    """
    if not math.isfinite(value):
        return ""
    return formatting.money(round(value), currency, lang)


def count_tick(value: float, lang: str) -> str:
    """An axis tick for counts: ``12 500`` in Russian, ``12,500`` in English."""
    if not math.isfinite(value):
        return ""
    return formatting.number(round(value), lang)


def share_tick(value: float, lang: str) -> str:
    """An axis tick for a 0..1 share: ``25 %`` in Russian, ``25%`` in English."""
    if not math.isfinite(value):
        return ""
    return formatting.share(value, lang, 0)


def formatter(func: Callable[[float], str]) -> FuncFormatter:
    """A matplotlib tick formatter calling ``func(value)``."""
    return FuncFormatter(lambda value, _pos: func(float(value)))


def month_label(month: str, lang: str, with_year: bool = True) -> str:
    """``2024-05`` as ``май 24`` in Russian and ``May 24`` in English."""
    try:
        year, number = month[:4], int(month[5:7])
    except (ValueError, IndexError):
        return month
    if not 1 <= number <= 12:
        return month
    name = t(lang, f"chart-month-{number}")
    return f"{name} {year[2:]}" if with_year else name


def month_ticks(months: list[str], lang: str, max_ticks: int = 5) -> tuple[list[int], list[str]]:
    """Positions and labels for at most ``max_ticks`` month ticks, the last month included
    (five ``май 24`` labels fit side by side under a phone-width chart)."""
    n = len(months)
    if n == 0:
        return [], []
    step = max(1, math.ceil(n / max_ticks))
    positions = list(range(n - 1, -1, -step))[::-1]
    return positions, [month_label(months[i], lang) for i in positions]


def new_figure(height: float = HEIGHT_IN) -> Figure:
    """A figure of the standard width on its own Agg canvas."""
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def set_title(fig: Figure, title: Title, lang: str) -> float:
    """The finding as the figure title, left-aligned, regular weight; returns the ``top``
    for ``subplots_adjust`` that leaves room for all its lines."""
    text = title_text(title, lang)
    height_pt = fig.get_figheight() * 72
    fig.suptitle(text, x=0.04, y=1 - 10 / height_pt, ha="left", va="top", fontweight="normal")
    lines = text.count("\n") + 1
    return 1 - (10 + lines * TITLE_FONT * 1.25 + 18) / height_pt


def wrap_label(text: str, width: int = LABEL_WIDTH) -> str:
    """A category label on lines of at most ``width`` characters (a longer word stays whole)."""
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


def text_width(fig: Figure, texts: Sequence[str], size: float = SMALLEST_FONT_PT) -> float:
    """The widest line of ``texts`` at ``size`` pt, as a share of the figure's width."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    font = FontProperties(size=size)
    widest = max(
        (renderer.get_text_width_height_descent(line, font, ismath=False)[0]
         for text in texts for line in text.split("\n")),
        default=0.0,
    )
    return float(widest) / (fig.get_figwidth() * fig.dpi)


def y_tick_labels(ax: Axes, high: float, label: Callable[[float], str]) -> list[str]:
    """The labels of the y ticks an axis from 0 to ``high`` will show, before it is drawn."""
    values = ax.yaxis.get_major_locator().tick_values(0, high)
    return [label(float(v)) for v in values if 0 <= v <= high]


def left_margin(fig: Figure, labels: Sequence[str], axis_label: bool = True) -> float:
    """The ``left`` for ``subplots_adjust`` that fits y tick ``labels`` (and an axis label
    beside them) inside the figure."""
    pads_pt = 8 + 3.5 + 3.5 + (BASE_FONT * 1.2 + 4 if axis_label else 0)  # edge, tick, pad
    return text_width(fig, labels) + pads_pt / (fig.get_figwidth() * 72)


def clean_axes(ax: Axes) -> None:
    """A light horizontal grid behind the data and no frame clutter."""
    ax.set_axisbelow(True)
    ax.grid(axis="y", color="#e3e6ea", linewidth=1)


def to_png(fig: Figure) -> bytes:
    """The figure as PNG bytes: the pixels of ``savefig(facecolor="white")`` as 8-bit RGB.

    An opaque chart needs no alpha channel, and its flat colours deflate better unfiltered:
    zlib level 3 over unfiltered rows takes a third of the time of Pillow's PNG writer
    (which tries every row filter) for files about 5% smaller, and the PDF embeds such a
    PNG as it is (see :func:`analytics.render.document.render_pdf`).
    """
    raw = io.BytesIO()
    fig.savefig(raw, format="rgba", dpi=DPI, facecolor="white")
    width, height = fig.canvas.get_width_height()
    rows = np.zeros((height, 1 + width * 3), dtype=np.uint8)  # filter byte 0: none
    rgba = np.frombuffer(raw.getbuffer(), dtype=np.uint8).reshape(height, width, 4)
    rows[:, 1:] = rgba[:, :, :3].reshape(height, width * 3)
    per_metre = round(DPI / 0.0254)
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)),
        _png_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
        _png_chunk(b"IDAT", zlib.compress(rows.tobytes(), 3)),
        _png_chunk(b"IEND", b""),
    ))


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@contextmanager
def chart_style() -> Iterator[None]:
    """The shared font sizes and spines for figures created inside the block."""
    with matplotlib.rc_context(RC):
        yield


def as_float(value: Any) -> float:
    """``value`` as a float, ``nan`` when missing or not a number."""
    if isinstance(value, bool) or value is None:
        return math.nan
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def section(report: Mapping[str, Any], *path: str) -> Any:
    """``report[path[0]][path[1]]...`` or ``None`` when any level is missing."""
    node: Any = report
    for key in path:
        if not isinstance(node, Mapping):
            return None
        node = node.get(key)
    return node


def currency(report: Mapping[str, Any]) -> str | None:
    """The report currency code, ``None`` when unknown."""
    value = section(report, "data", "currency")
    return value if isinstance(value, str) and value else None


def finite_months(monthly: Any, keys: tuple[str, ...], limit: int) -> list[Mapping[str, Any]]:
    """Month rows (``{"month": "YYYY-MM", ...}``) whose ``keys`` are all finite numbers,
    the last ``limit`` of them; anything malformed is skipped."""
    if not isinstance(monthly, Sequence):
        return []
    rows = [
        row
        for row in monthly
        if isinstance(row, Mapping)
        and isinstance(row.get("month"), str)
        and all(math.isfinite(as_float(row.get(key))) for key in keys)
    ]
    return rows[-limit:]


ShareBars = list[tuple[Sequence[float], float, str, str]]
"""(shares, vertical offset, colour, legend label) per series of a horizontal bar chart."""


def share_bars(ax: Axes, y: Any, bars: ShareBars, height: float, lang: str) -> None:
    """Horizontal bars of shares, each labelled with its percentage at the bar's end
    (grey text for the neutral series, the bar's colour otherwise)."""
    for values, offset, colour, label in bars:
        ax.barh(y + offset, values, height, color=colour, label=label)
        for yy, value in zip(y, values, strict=True):
            ax.text(
                value + 0.01,
                yy + offset,
                share_tick(value, lang),
                va="center",
                fontsize=SMALLEST_FONT_PT,
                color="#555b63" if colour == NEUTRAL else colour,
            )


def finish_share_bars(fig: Figure, ax: Axes, title: Title, lang: str, labels: Sequence[str],
                      *, axis_label: bool) -> bytes:
    """The title, the legend in one row under it, margins that fit the category ``labels``
    (and an axis label), as PNG bytes: the end of a chart drawn with :func:`share_bars`."""
    top = set_title(fig, title, lang)
    ax.legend(loc="upper left", bbox_to_anchor=(0.04, top + 8 / (fig.get_figheight() * 72)),
              bbox_transform=fig.transFigure, ncols=2, frameon=False, borderaxespad=0)
    top -= (SMALLEST_FONT_PT * 1.4 + 8) / (fig.get_figheight() * 72)
    fig.subplots_adjust(left=left_margin(fig, labels, axis_label), right=0.97, bottom=0.03,
                        top=top)
    return to_png(fig)
