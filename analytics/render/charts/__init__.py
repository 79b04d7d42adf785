"""Audit charts: phone-readable PNGs built from the audit report dict.

``render_charts(report, lang)`` returns ``{"revenue", "active_base", "rfm", "cohorts",
"breakdown", "clusters"}`` -> PNG bytes, leaving out the charts the data cannot support.
Each chart's title states its finding; the title logic is a pure function in each chart
module (``revenue_title``, ``active_base_title``, ``rfm_title``, ``cohorts_title``,
``breakdown_title``, ``clusters_title``) returning a :class:`~analytics.render.charts.style.Title`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping
from typing import Any

from analytics.locales import normalise_language
from analytics.render.charts import active_base, breakdown, clusters, cohorts, revenue, rfm, style

log = logging.getLogger(__name__)

RENDERERS: dict[str, Callable[[Mapping[str, Any], str], bytes | None]] = {
    "revenue": revenue.render,
    "active_base": active_base.render,
    "rfm": rfm.render,
    "cohorts": cohorts.render,
    "breakdown": breakdown.render,
    "clusters": clusters.render,
}

__all__ = ["RENDERERS", "render_charts"]


def render_charts(report: Mapping[str, Any], lang: str, limit: int | None = None,
                  names: Collection[str] | None = None) -> dict[str, bytes]:
    """PNG bytes of every chart the report's data supports (the first ``limit`` of them
    when given; only those in ``names`` when given), keyed by chart name in the order of
    :data:`RENDERERS`.

    A chart whose section is missing, empty or malformed is left out, never raised: a broken
    chart must not cost the owner the rest of the audit. Each chart takes about 0.15 s of
    one core, so a caller with two processes can draw a share of ``names`` in each.
    """
    lang = normalise_language(lang)
    out: dict[str, bytes] = {}
    if not isinstance(report, Mapping):
        return out
    with style.chart_style():
        for name, render in RENDERERS.items():
            if limit is not None and len(out) >= limit:
                break
            if names is not None and name not in names:
                continue
            try:
                png = render(report, lang)
            except Exception:  # one bad chart must not sink the others
                log.exception("chart %s failed", name)
                continue
            if png:
                out[name] = png
    return out
