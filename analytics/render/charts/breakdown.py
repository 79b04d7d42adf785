"""One breakdown of the base (``breakdowns.by``): share of customers next to share of revenue.

The dimension is the first of ``main_category``, ``channel``, ``city`` with at least two named
groups. Without revenue (a customer list) only the customers' shares are drawn.

Title: the group bringing the most revenue and its share of revenue against its share of
customers; without revenue, the largest group by customers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from analytics.locales import t
from analytics.render.charts import style
from analytics.render.charts.style import Title

DIMENSIONS = ("main_category", "channel", "city")
MAX_GROUPS = 8


def pick_dimension(report: Mapping[str, Any]) -> tuple[str, list[Mapping[str, Any]]] | None:
    """The dimension to draw and its groups, ``None`` when no breakdown has two named groups."""
    by = style.section(report, "breakdowns", "by")
    if not isinstance(by, Mapping):
        return None
    for dim in DIMENSIONS:
        groups = style.section(by, dim, "groups")
        if not isinstance(groups, Sequence):
            continue
        rows = [
            g for g in groups if isinstance(g, Mapping) and style.as_float(g.get("customers")) > 0
        ]
        named = [g for g in rows if g.get("kind") == "value" and g.get("value")]
        if len(named) >= 2:
            return dim, rows[:MAX_GROUPS]
    return None


def group_label(group: Mapping[str, Any], lang: str) -> str:
    """The group's value, or the localised "other" / "not stated"."""
    value = group.get("value")
    if group.get("kind") == "other":
        return t(lang, "chart-group-other")
    if group.get("kind") == "unknown" or not value:
        return t(lang, "chart-group-unknown")
    text = str(value)
    return style.wrap_label(text if len(text) <= 22 else text[:21] + "…")


def shares(groups: Sequence[Mapping[str, Any]]) -> tuple[list[float], list[float] | None]:
    """Customer shares and revenue shares (``None`` without revenue) of the groups."""
    cust = [max(style.as_float(g.get("customers")), 0.0) for g in groups]
    rev = [max(float(np.nan_to_num(style.as_float(g.get("revenue")))), 0.0) for g in groups]
    c_total, r_total = sum(cust), sum(rev)
    c_share = [c / c_total if c_total else 0.0 for c in cust]
    return c_share, ([r / r_total for r in rev] if r_total > 0 else None)


def breakdown_title(dim: str, groups: Sequence[Mapping[str, Any]]) -> Title:
    """The finding of the breakdown chart (see the module docstring)."""
    named = [i for i, g in enumerate(groups) if g.get("kind") == "value" and g.get("value")]
    if not named:
        return Title("chart-breakdown-title", {"dimension": dim})
    cust, rev = shares(groups)
    if rev is None:
        top = max(named, key=lambda i: cust[i])
        return Title(
            "chart-breakdown-title-customers",
            {"dimension": dim, "group": str(groups[top]["value"]), "customers_pct": cust[top]},
        )
    top = max(named, key=lambda i: rev[i])
    key = "chart-breakdown-title-revenue"
    if rev[top] >= cust[top] * 1.2:
        key = "chart-breakdown-title-revenue-more"
    return Title(
        key,
        {
            "dimension": dim,
            "group": str(groups[top]["value"]),
            "customers_pct": cust[top],
            "revenue_pct": rev[top],
        },
    )


def render(report: Mapping[str, Any], lang: str) -> bytes | None:
    """The breakdown chart as PNG bytes, ``None`` without a usable breakdown."""
    picked = pick_dimension(report)
    if picked is None:
        return None
    dim, groups = picked
    cust, rev = shares(groups)
    names = [group_label(g, lang) for g in groups]
    y = np.arange(len(groups))[::-1]
    height = 0.4 if rev is not None else 0.7

    fig = style.new_figure(style.HEIGHT_IN * 0.85)
    ax = fig.add_subplot()
    ax.spines["bottom"].set_visible(False)
    bars: style.ShareBars = []
    if rev is None:
        bars.append((cust, 0.0, style.MAIN, t(lang, "chart-rfm-customers")))
    else:
        bars.append((cust, height / 2, style.NEUTRAL, t(lang, "chart-rfm-customers")))
        bars.append((rev, -height / 2, style.MAIN, t(lang, "chart-rfm-revenue")))
    style.share_bars(ax, y, bars, height, lang)
    ax.set_yticks(y, names)
    ax.set_xticks([])
    top = max(max(values) for values, *_ in bars)
    ax.set_xlim(0, max(top, 0.05) * 1.25)
    ax.set_ylim(-0.7, len(groups) - 0.3)
    ax.set_ylabel(t(lang, f"chart-dimension-{dim.replace('_', '-')}"))
    return style.finish_share_bars(fig, ax, breakdown_title(dim, groups), lang, names,
                                   axis_label=True)
