"""Cohort retention heatmap (``cohorts.retention``): the share of each first-purchase month's
customers who buy again 1, 2, ... months later. The last 24 cohorts x 24 months are shown.

Title: month-1 retention (customer-weighted) of the newer half of the shown cohorts against
the older half; when the halves differ by less than a fifth, or the data is too short, the
average month-1 retention alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from analytics.locales import t
from analytics.render.charts import style
from analytics.render.charts.style import SMALLEST_FONT_PT, Title

MAX_COHORTS = 24
MAX_MONTHS = 24
CHANGE_THRESHOLD = 0.2
MAX_ANNOTATED = 8
"""Cells carry their percentage up to this many months: "25 %" fits a cell at 11 pt."""


def cohort_rows(report: Mapping[str, Any]) -> list[tuple[str, int, list[float]]]:
    """``(cohort, customers, retention by month offset)`` for the last :data:`MAX_COHORTS`."""
    retention = style.section(report, "cohorts", "retention")
    if not isinstance(retention, Mapping):
        return []
    sizes: dict[str, int] = {}
    info = style.section(report, "cohorts", "cohorts")
    if isinstance(info, Sequence):
        for row in info:
            if isinstance(row, Mapping) and isinstance(row.get("cohort"), str):
                size = style.as_float(row.get("customers"))
                sizes[row["cohort"]] = int(size) if np.isfinite(size) else 0
    # The partial last month would read as a drop in every cohort: leave it unobserved.
    drop_last = bool(style.section(report, "cohorts", "last_month_partial"))
    rows = []
    for cohort in sorted(k for k in retention if isinstance(k, str)):
        values = retention[cohort]
        if not isinstance(values, Sequence):
            continue
        kept = [style.as_float(v) for v in values]
        rows.append((cohort, sizes.get(cohort, 0), kept[:-1] if drop_last else kept))
    return rows[-MAX_COHORTS:]


def _month1(rows: Sequence[tuple[str, int, list[float]]]) -> tuple[float, int]:
    weight = total = 0.0
    for _cohort, size, values in rows:
        if len(values) > 1 and np.isfinite(values[1]) and size > 0:
            weight += size
            total += size * values[1]
    return (total / weight if weight else float("nan")), int(weight)


def cohorts_title(rows: Sequence[tuple[str, int, list[float]]]) -> Title:
    """The finding of the heatmap (see the module docstring)."""
    observed = [r for r in rows if len(r[2]) > 1 and np.isfinite(r[2][1]) and r[1] > 0]
    if not observed:
        return Title("chart-cohorts-title")
    overall, _ = _month1(observed)
    if len(observed) >= 6:
        half = len(observed) // 2
        older, _ = _month1(observed[:half])
        newer, _ = _month1(observed[half:])
        if older > 0 and abs(newer / older - 1.0) >= CHANGE_THRESHOLD:
            key = "chart-cohorts-title-worse" if newer < older else "chart-cohorts-title-better"
            return Title(key, {"older_pct": older, "newer_pct": newer})
    return Title("chart-cohorts-title-month1", {"month1_pct": overall})


def render(report: Mapping[str, Any], lang: str) -> bytes | None:
    """The heatmap as PNG bytes, ``None`` without cohorts with at least one later month."""
    rows = cohort_rows(report)
    rows = [r for r in rows if len(r[2]) > 1] or []
    if len(rows) < 2:
        return None
    width = min(MAX_MONTHS, max(len(r[2]) for r in rows) - 1)
    grid = np.full((len(rows), width), np.nan)
    for i, (_c, _s, values) in enumerate(rows):
        tail = values[1 : width + 1]
        grid[i, : len(tail)] = tail
    masked = np.ma.masked_invalid(grid)
    vmax = max(float(np.nanmax(grid)) if np.isfinite(grid).any() else 0.0, 0.05)

    fig = style.new_figure()
    ax = fig.add_subplot()
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    image = ax.imshow(
        masked, aspect="auto", cmap=style.HEATMAP, vmin=0, vmax=vmax, interpolation="nearest"
    )
    if width <= MAX_ANNOTATED and len(rows) <= 14:
        for i in range(len(rows)):
            for j in range(width):
                if np.isfinite(grid[i, j]):
                    ax.text(
                        j,
                        i,
                        style.share_tick(float(grid[i, j]), lang),
                        ha="center",
                        va="center",
                        fontsize=SMALLEST_FONT_PT,
                        color="white" if grid[i, j] > vmax * 0.6 else "#222",
                    )
    step = max(1, int(np.ceil(len(rows) / 12)))
    ypos = list(range(len(rows) - 1, -1, -step))[::-1]
    ylabels = [style.month_label(rows[i][0], lang) for i in ypos]
    ax.set_yticks(ypos, ylabels)
    xstep = 1 if width <= 12 else 3
    xpos = [j for j in range(width) if (j + 1) % xstep == 0 or j == 0]
    ax.set_xticks(xpos, [str(j + 1) for j in xpos])
    ax.set_xlabel(t(lang, "chart-cohorts-x"))
    ax.set_ylabel(t(lang, "chart-cohorts-y"))
    bar = fig.colorbar(image, ax=ax, fraction=0.05, pad=0.03)
    bar.ax.yaxis.set_major_formatter(style.formatter(lambda v: style.share_tick(v, lang)))
    bar.outline.set_visible(False)
    top = style.set_title(fig, cohorts_title(rows), lang)
    fig.subplots_adjust(left=style.left_margin(fig, ylabels), right=0.9, bottom=0.09, top=top)
    return style.to_png(fig)
