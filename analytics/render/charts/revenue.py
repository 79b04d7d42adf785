"""Monthly revenue, split into new and returning customers' revenue (``metrics.monthly``).

Title: the revenue trend (the last 12 complete months against the 12 before, when the data
holds them) and who brings the revenue (returning customers' share over the last 12 months).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from analytics.locales import t
from analytics.render.charts import style
from analytics.render.charts.style import Title

MAX_MONTHS = 36
TREND_THRESHOLD = 0.1


def usable_months(monthly: Any) -> list[Mapping[str, Any]]:
    """Month rows with a finite revenue, the last :data:`MAX_MONTHS` of them."""
    return style.finite_months(monthly, ("revenue",), MAX_MONTHS)


def revenue_title(monthly: Sequence[Mapping[str, Any]]) -> Title:
    """The finding of the revenue chart from the month rows (see the module docstring)."""
    complete = [row for row in monthly if not row.get("partial")]
    last = complete[-12:]
    revenue = sum(max(style.as_float(r.get("revenue")), 0.0) for r in last)
    returning = sum(
        max(style.as_float(r.get("returning_revenue")), 0.0)
        for r in last
        if np.isfinite(style.as_float(r.get("returning_revenue")))
    )
    if revenue <= 0:
        return Title("chart-revenue-title")
    share = min(returning / revenue, 1.0)
    who = "returning" if share >= 0.5 else "new"
    who_pct = share if who == "returning" else 1.0 - share
    if len(complete) >= 24:
        before = sum(max(style.as_float(r.get("revenue")), 0.0) for r in complete[-24:-12])
        if before > 0:
            change = revenue / before - 1.0
            trend = "flat"
            if change >= TREND_THRESHOLD:
                trend = "up"
            elif change <= -TREND_THRESHOLD:
                trend = "down"
            return Title(
                f"chart-revenue-title-{trend}-{who}", {"change_pct": change, "share_pct": who_pct}
            )
    return Title(f"chart-revenue-title-{who}", {"share_pct": who_pct})


def render(report: Mapping[str, Any], lang: str) -> bytes | None:
    """The revenue chart as PNG bytes, ``None`` without monthly revenue."""
    rows = usable_months(style.section(report, "metrics", "monthly"))
    if not rows:
        return None
    cur = style.currency(report)
    months = [str(r["month"]) for r in rows]
    total = np.array([max(style.as_float(r.get("revenue")), 0.0) for r in rows])
    returning = np.array([style.as_float(r.get("returning_revenue")) for r in rows])
    split = bool(np.isfinite(returning).all())
    returning = np.clip(np.nan_to_num(returning), 0.0, total)
    new = total - returning
    x = np.arange(len(rows))
    partial = np.array([bool(r.get("partial")) for r in rows])

    fig = style.new_figure(style.HEIGHT_IN * 0.8)
    ax = fig.add_subplot()
    style.clean_axes(ax)
    width = 0.8
    if split:
        ax.bar(x, returning, width, color=style.MAIN, label=t(lang, "chart-revenue-returning"))
        ax.bar(
            x,
            new,
            width,
            bottom=returning,
            color=style.CONTRAST,
            label=t(lang, "chart-revenue-new"),
        )
    else:
        ax.bar(x, total, width, color=style.MAIN, label=t(lang, "chart-revenue-total"))
    if partial.any():
        ax.bar(
            x[partial],
            total[partial],
            width,
            color="white",
            alpha=0.55,
            hatch="//",
            edgecolor=style.NEUTRAL,
            linewidth=0,
            label=t(lang, "chart-partial-month"),
        )
    positions, labels = style.month_ticks(months, lang)
    ax.set_xticks(positions, labels)
    ax.set_xlim(-0.6, len(rows) - 0.4)
    ax.yaxis.set_major_formatter(style.formatter(lambda v: style.money_tick(v, cur, lang)))
    ax.set_ylabel(t(lang, "chart-revenue-axis"))
    ax.legend(loc="upper left", frameon=False)
    entries = 1 + int(split) + int(partial.any())  # legend lines, room above the bars
    high = float(total.max()) * (1.06 + 0.08 * entries) if total.max() > 0 else 1.0
    ax.set_ylim(0, high)
    ticks = style.y_tick_labels(ax, high, lambda v: style.money_tick(v, cur, lang))
    top = style.set_title(fig, revenue_title(rows), lang)
    right = 0.99 - style.text_width(fig, labels[-1:]) / 2  # the last month's label whole
    fig.subplots_adjust(left=style.left_margin(fig, ticks), right=right, bottom=0.09, top=top)
    return style.to_png(fig)
