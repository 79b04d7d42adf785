"""RFM segments: share of customers next to share of revenue (``rfm.segments``).

Title, first that applies: the core (champions + loyal) brings at least 40% of revenue; the
customers slipping away (at risk + can't lose) hold at least 20% of revenue; else the largest
segment by customers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from analytics.locales import t
from analytics.render.charts import style
from analytics.render.charts.style import Title

CORE = ("champions", "loyal")
SLIPPING = ("at_risk", "cant_lose")


def segment_name(code: str, lang: str) -> str:
    """The segment's name in ``lang`` (``champions`` -> ``Чемпионы``)."""
    return t(lang, "segment-" + code.replace("_", "-"))


def usable_segments(segments: Any) -> list[Mapping[str, Any]]:
    """Segments with a code and at least one customer."""
    if not isinstance(segments, Sequence):
        return []
    return [
        s
        for s in segments
        if isinstance(s, Mapping)
        and isinstance(s.get("code"), str)
        and style.as_float(s.get("customers")) > 0
    ]


def _shares(segments: Sequence[Mapping[str, Any]]) -> tuple[list[float], list[float]]:
    customers = [max(style.as_float(s.get("customers")), 0.0) for s in segments]
    revenue = [max(np.nan_to_num(style.as_float(s.get("revenue"))), 0.0) for s in segments]
    c_total, r_total = sum(customers), sum(revenue)
    return (
        [c / c_total if c_total else 0.0 for c in customers],
        [r / r_total if r_total else 0.0 for r in revenue],
    )


def rfm_title(segments: Sequence[Mapping[str, Any]]) -> Title:
    """The finding of the RFM chart (see the module docstring)."""
    if not segments:
        return Title("chart-rfm-title")
    cust, rev = _shares(segments)
    codes = [str(s["code"]) for s in segments]
    core_c = sum(c for c, code in zip(cust, codes, strict=True) if code in CORE)
    core_r = sum(r for r, code in zip(rev, codes, strict=True) if code in CORE)
    if core_r >= 0.4 and core_c > 0:
        return Title("chart-rfm-title-core", {"customers_pct": core_c, "revenue_pct": core_r})
    slip_c = sum(c for c, code in zip(cust, codes, strict=True) if code in SLIPPING)
    slip_r = sum(r for r, code in zip(rev, codes, strict=True) if code in SLIPPING)
    if slip_r >= 0.2 and slip_c > 0:
        return Title("chart-rfm-title-slipping", {"customers_pct": slip_c, "revenue_pct": slip_r})
    largest = int(np.argmax(cust))
    return Title(
        "chart-rfm-title-largest",
        {"segment": codes[largest], "customers_pct": cust[largest], "revenue_pct": rev[largest]},
    )


def render(report: Mapping[str, Any], lang: str) -> bytes | None:
    """The RFM chart as PNG bytes, ``None`` without scored segments."""
    segments = usable_segments(style.section(report, "rfm", "segments"))
    if not segments:
        return None
    cust, rev = _shares(segments)
    names = [style.wrap_label(segment_name(str(s["code"]), lang)) for s in segments]
    y = np.arange(len(segments))[::-1]
    height = 0.4

    fig = style.new_figure()
    ax = fig.add_subplot()
    ax.spines["bottom"].set_visible(False)
    style.share_bars(ax, y, [
        (cust, height / 2, style.NEUTRAL, t(lang, "chart-rfm-customers")),
        (rev, -height / 2, style.MAIN, t(lang, "chart-rfm-revenue")),
    ], height, lang)
    ax.set_yticks(y, names)
    ax.set_xticks([])
    ax.set_xlim(0, max(*cust, *rev, 0.05) * 1.25)
    ax.set_ylim(-0.7, len(segments) - 0.3)
    return style.finish_share_bars(fig, ax, rfm_title(segments), lang, names, axis_label=False)
