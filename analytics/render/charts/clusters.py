"""Customer clusters as a 2-D map (``clusters.points`` and ``clusters.clusters``).

Each dot is a customer of the seeded sample that :func:`analytics.predict.clusters.run_clusters`
keeps in the report (at most 1,500, drawn uniformly, so groups show in proportion to their
size), placed by the first two principal components of the standardised features: the axes
have no units, only closeness matters. Dots are coloured by cluster (clusters are ordered by
revenue; the first three get the main, contrast and alert colours, a fourth the neutral
grey, and from five clusters on every cluster after the third is grey under "other groups"),
each cluster's number sits at the middle of its dots, and the legend below gives its
description, its share of customers and of revenue.

Title, first that applies: the first cluster (the most revenue) brings at least 1.5 times
its share of customers in revenue; a cluster whose customers are long gone holds at least 30%
of customers; else the largest cluster by customers.

Skipped (``None``) without at least two clusters or without points: customer-list files,
tiny or uniform bases.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib import patheffects
from matplotlib.lines import Line2D

from analytics.locales import t
from analytics.predict.clusters import describe
from analytics.render.charts import style
from analytics.render.charts.style import Title

COLOURS = (style.MAIN, style.CONTRAST, style.ALERT, style.NEUTRAL)
VALUABLE_X = 1.5  # revenue share at least this multiple of the customer share
GONE_SHARE = 0.3
LEGEND_WIDTH = 50  # characters per legend line at 11 pt on a 5.4 in figure
NOTE_WIDTH = 56  # characters per line of the note under the map
LINE_PT = style.SMALLEST_FONT_PT * 1.35


def usable_clusters(report: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The report's clusters with an id and a positive size, at least two, else ``[]``."""
    items = style.section(report, "clusters", "clusters")
    if not isinstance(items, Sequence):
        return []
    rows = [
        c
        for c in items
        if isinstance(c, Mapping)
        and isinstance(c.get("id"), int)
        and style.as_float(c.get("size")) > 0
    ]
    return rows if len(rows) >= 2 else []


def _points(report: Mapping[str, Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x, y and cluster id of the finite points (empty arrays when malformed)."""
    pts = style.section(report, "clusters", "points")
    empty = (np.zeros(0), np.zeros(0), np.zeros(0, dtype=np.int64))
    if not isinstance(pts, Mapping):
        return empty
    cols = [pts.get(k) for k in ("x", "y", "cluster")]
    if not all(isinstance(c, Sequence) and not isinstance(c, str) for c in cols):
        return empty
    if len({len(c) for c in cols if isinstance(c, Sequence)}) != 1:
        return empty
    x, y, c = (np.array([style.as_float(v) for v in col or ()]) for col in cols)
    ok = np.isfinite(x) & np.isfinite(y) & np.isfinite(c)
    return x[ok], y[ok], c[ok].astype(np.int64)


def _shares(cluster: Mapping[str, Any]) -> dict[str, float]:
    out = {"customers_pct": max(style.as_float(cluster.get("share")), 0.0)}
    revenue = style.as_float(cluster.get("revenue_share"))
    if math.isfinite(revenue):
        out["revenue_pct"] = max(revenue, 0.0)
    return out


def clusters_title(clusters: Sequence[Mapping[str, Any]]) -> Title:
    """The finding of the cluster chart (see the module docstring)."""
    if not clusters:
        return Title("chart-clusters-title-plain")
    first = _shares(clusters[0])
    if first.get("revenue_pct", 0.0) >= VALUABLE_X * first["customers_pct"] > 0:
        return Title("chart-clusters-title-valuable", first)
    gone = [
        c
        for c in clusters
        if isinstance(c.get("levels"), Mapping) and c["levels"].get("recency") == "long_gone"
    ]
    if gone:
        biggest = _shares(max(gone, key=lambda c: style.as_float(c.get("share"))))
        if biggest["customers_pct"] >= GONE_SHARE:
            return Title("chart-clusters-title-gone", {"customers_pct": biggest["customers_pct"]})
    largest = max(clusters, key=lambda c: style.as_float(c.get("share")))
    return Title(
        "chart-clusters-title-largest", {"customers_pct": _shares(largest)["customers_pct"]}
    )


def _legend_label(number: str, description: str, shares: Mapping[str, float], lang: str) -> str:
    key = "chart-clusters-legend" if "revenue_pct" in shares else "chart-clusters-legend-customers"
    text = f"{number}. {description[:1].upper()}{description[1:]}"
    lines = textwrap.wrap(text, LEGEND_WIDTH) or [text]
    lines.append(t(lang, key, **style.format_args(shares, lang)))
    return "\n".join(lines)


def _groups(
    clusters: Sequence[Mapping[str, Any]], lang: str
) -> list[tuple[list[int], str, str, str]]:
    """(cluster ids, colour, number shown on the map, legend label) per colour group."""
    named = clusters if len(clusters) <= len(COLOURS) else clusters[: len(COLOURS) - 1]
    groups = [
        (
            [int(c["id"])],
            COLOURS[i],
            str(i + 1),
            _legend_label(str(i + 1), describe(c, lang), _shares(c), lang),
        )
        for i, c in enumerate(named)
    ]
    rest = clusters[len(named) :]
    if rest:
        shares = {"customers_pct": sum(_shares(c)["customers_pct"] for c in rest)}
        if all("revenue_pct" in _shares(c) for c in rest):
            shares["revenue_pct"] = sum(_shares(c)["revenue_pct"] for c in rest)
        label = _legend_label(
            f"{len(named) + 1}-{len(clusters)}", t(lang, "chart-clusters-other"), shares, lang
        )
        groups.append(([int(c["id"]) for c in rest], style.NEUTRAL, "", label))
    return groups


def _limits(values: np.ndarray) -> tuple[float, float]:
    """Axis limits holding the central 99% of the values, padded by 8%."""
    lo, hi = np.quantile(values, [0.005, 0.995])
    pad = max(hi - lo, 1e-6) * 0.08
    return float(lo - pad), float(hi + pad)


def render(report: Mapping[str, Any], lang: str) -> bytes | None:
    """The cluster map as PNG bytes, ``None`` without two clusters and their points."""
    clusters = usable_clusters(report)
    x, y, cid = _points(report)
    if not clusters or not x.size:
        return None
    groups = _groups(clusters, lang)
    fig = style.new_figure()
    fig_pt = fig.get_figheight() * 72
    note = textwrap.fill(t(lang, "chart-clusters-note"), NOTE_WIDTH)
    legend_lines = sum(label.count("\n") + 1 for *_, label in groups)
    bottom = ((legend_lines + note.count("\n")) * LINE_PT + len(groups) * 6 + 50) / fig_pt
    top = style.set_title(fig, clusters_title(clusters), lang)
    ax = fig.add_axes((0.04, bottom, 0.92, max(top - bottom - 0.02, 0.25)))
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color("#d5d9de")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel(note, fontsize=style.SMALLEST_FONT_PT, color="#555b63")
    handles = []
    # larger groups first, so the small ones stay visible on top
    for ids, colour, number, _label in sorted(groups, key=lambda g: -np.isin(cid, g[0]).sum()):
        members = np.isin(cid, ids)
        ax.scatter(x[members], y[members], s=8, color=colour, alpha=0.55, linewidths=0)
        if number and members.any():
            ax.text(
                float(np.median(x[members])),
                float(np.median(y[members])),
                number,
                ha="center",
                va="center",
                fontsize=16,
                fontweight="bold",
                color=colour,
                path_effects=[patheffects.withStroke(linewidth=3.5, foreground="white")],
            )
    for _ids, colour, _number, label in groups:
        handles.append(Line2D([], [], marker="o", ls="", ms=9, color=colour, label=label))
    ax.set_xlim(*_limits(x))
    ax.set_ylim(*_limits(y))
    fig.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.03, bottom - (32 + note.count("\n") * LINE_PT) / fig_pt),
        frameon=False,
        labelspacing=0.9,
        handletextpad=0.4,
        borderaxespad=0,
    )
    return style.to_png(fig)
