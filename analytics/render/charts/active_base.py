"""The total base against the active base, month by month, with churn (``lifecycle.monthly``).

The chart that would have saved the online school of DOMAIN.md section 3: the total base only
grows, the active base (customers not churned, see :mod:`analytics.describe.lifecycle`) is
what sells.

Title: the active base of the last complete month against 12 months before (or the first
month when the data is shorter), next to how the total base changed over the same months.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.ticker import MaxNLocator

from analytics.locales import t
from analytics.render.charts import style
from analytics.render.charts.style import Title

MAX_MONTHS = 36
CHANGE_THRESHOLD = 0.1


def usable_months(monthly: Any) -> list[Mapping[str, Any]]:
    """Month rows with finite bases, the last :data:`MAX_MONTHS` of them."""
    return style.finite_months(monthly, ("total_base", "active_base"), MAX_MONTHS)


def active_base_title(monthly: Sequence[Mapping[str, Any]]) -> Title:
    """The finding of the active-base chart from the month rows (see the module docstring)."""
    complete = [row for row in monthly if not row.get("partial")] or list(monthly)
    if not complete:
        return Title("chart-active-title")
    end = complete[-1]
    start = complete[-13] if len(complete) >= 13 else complete[0]
    months = len(complete) - 1 if len(complete) < 13 else 12
    active_end = style.as_float(end.get("active_base"))
    total_end = style.as_float(end.get("total_base"))
    active_start = style.as_float(start.get("active_base"))
    total_start = style.as_float(start.get("total_base"))
    base = {"active": active_end, "total": total_end}
    if months < 2 or active_start <= 0 or total_start <= 0:
        if total_end > 0:
            return Title("chart-active-title-share", {**base, "share_pct": active_end / total_end})
        return Title("chart-active-title")
    change = active_end / active_start - 1.0
    total_x = total_end / total_start
    if change <= -CHANGE_THRESHOLD:
        key = "chart-active-title-shrinking" if total_x >= 1.05 else "chart-active-title-falling"
    elif change >= CHANGE_THRESHOLD:
        key = "chart-active-title-growing"
    else:
        key = "chart-active-title-flat"
    return Title(
        key,
        {
            **base,
            "change_pct": change,
            "total_x": total_x,
            "months": months,
            "share_pct": active_end / total_end if total_end > 0 else 0.0,
        },
    )


def render(report: Mapping[str, Any], lang: str) -> bytes | None:
    """The active-base chart as PNG bytes, ``None`` without monthly lifecycle data."""
    rows = usable_months(style.section(report, "lifecycle", "monthly"))
    if len(rows) < 2:
        return None
    months = [str(r["month"]) for r in rows]
    total = np.array([style.as_float(r.get("total_base")) for r in rows])
    active = np.array([style.as_float(r.get("active_base")) for r in rows])
    churn = np.array([style.as_float(r.get("churn_rate")) for r in rows])
    x = np.arange(len(rows))

    fig = style.new_figure()
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [2.3, 1]})
    for ax in (top, bottom):
        style.clean_axes(ax)
    top.fill_between(x, 0, total, color=style.NEUTRAL, alpha=0.35, linewidth=0)
    top.plot(x, total, color=style.NEUTRAL, linewidth=2, label=t(lang, "chart-active-total"))
    top.fill_between(x, 0, active, color=style.MAIN, alpha=0.25, linewidth=0)
    top.plot(x, active, color=style.MAIN, linewidth=2.4, label=t(lang, "chart-active-active"))
    for series, colour in ((total, style.NEUTRAL), (active, style.MAIN)):
        top.annotate(
            style.count_tick(float(series[-1]), lang),
            (x[-1], float(series[-1])),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            color=colour,
            fontweight="bold",
        )
    high = float(np.nanmax(total)) * 1.12 if np.nanmax(total) > 0 else 1.0
    top.set_ylim(0, high)
    ticks = style.y_tick_labels(top, high, lambda v: style.count_tick(v, lang))
    top.yaxis.set_major_formatter(style.formatter(lambda v: style.count_tick(v, lang)))
    top.set_ylabel(t(lang, "chart-active-axis"))
    top.legend(loc="upper left", frameon=False)

    rate = np.nan_to_num(churn, nan=0.0)
    partial = np.array([bool(r.get("partial")) for r in rows])
    colours = [style.NEUTRAL if p else style.ALERT for p in partial]
    bottom.bar(x, rate, 0.8, color=colours)
    bottom.yaxis.set_major_formatter(style.formatter(lambda v: style.share_tick(v, lang)))
    bottom.set_ylabel(t(lang, "chart-active-churn-axis"))
    bottom.set_ylim(0, max(float(rate.max()) * 1.15, 0.05))
    bottom.yaxis.set_major_locator(MaxNLocator(nbins=3))
    positions, labels = style.month_ticks(months, lang)
    bottom.set_xticks(positions, labels)
    left = style.left_margin(fig, [*ticks, style.share_tick(0.25, lang)])
    # room right of the last month for the end values, in month steps
    ends = style.text_width(fig, [style.count_tick(float(total[-1]), lang)], style.BASE_FONT)
    room = (ends + 0.03) / max(0.97 - left - ends, 0.3) * len(rows)
    bottom.set_xlim(-0.6, len(rows) - 0.4 + max(1.0, room))
    title_top = style.set_title(fig, active_base_title(rows), lang)
    fig.subplots_adjust(left=left, right=0.97, bottom=0.07, top=title_top, hspace=0.12)
    return style.to_png(fig)
