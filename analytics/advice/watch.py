"""Metrics to watch: how each is read from a report, and which direction is good.

A recommendation names the metric that shows whether it works (its ``watch`` code);
:mod:`analytics.advice.compare` reads the same metric from an old and a new report and says
whether it moved the right way. A metric may need the recommendation's evidence (which
month is the peak, which city is the outperformer).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from analytics.advice.facts import (
    Report,
    complete_months,
    num,
    ratio,
    rows,
    section,
    segments,
    total,
)

RECENT_MONTHS = 3
"""Rates read "now" average the last 3 complete months: one month is too noisy."""

Reader = Callable[[Report, Mapping[str, Any]], float | None]


@dataclass(frozen=True)
class WatchMetric:
    """How to read a metric from a report and whether up (``+1``) or down (``-1``) is good."""

    read: Reader
    direction: int
    kind: str  # how to print it: number, share, money, ratio


def _recent(report: Report, name: str) -> list[Mapping[str, Any]]:
    return complete_months(report, name)[-RECENT_MONTHS:]


def _recent_average(name: str, key: str) -> Reader:
    def read(report: Report, _: Mapping[str, Any]) -> float | None:
        months = [m for m in _recent(report, name) if num(m, key) is not None]
        return total(months, key) / len(months) if months else None

    return read


def _field(name: str, key: str) -> Reader:
    return lambda report, _: num(section(report, name), key)


def _aov(report: Report, _: Mapping[str, Any]) -> float | None:
    months = _recent(report, "metrics")
    recent = ratio(total(months, "revenue"), total(months, "orders"))
    return recent if recent is not None else num(section(report, "metrics"), "aov")


def _revenue(report: Report, _: Mapping[str, Any]) -> float | None:
    months = _recent(report, "metrics")
    return total(months, "revenue") if len(months) == RECENT_MONTHS else None


def _frequency(report: Report, _: Mapping[str, Any]) -> float | None:
    active = {str(m.get("month")): num(m, "active_base") for m in _recent(report, "lifecycle")}
    months = _recent(report, "metrics")
    return ratio(total(months, "orders"), sum(active.get(str(m.get("month"))) or 0
                                                for m in months))


def _core(report: Report, _: Mapping[str, Any]) -> float | None:
    segs = segments(report)
    if not segs:
        return None
    return sum(num(segs.get(c), "customers") or 0 for c in ("champions", "loyal"))


def _retention_m1(report: Report, _: Mapping[str, Any]) -> float | None:
    retention = section(report, "cohorts").get("average_retention")
    if isinstance(retention, list) and len(retention) > 1:
        value = retention[1]
        return float(value) if isinstance(value, int | float) else None
    return None


def _peak_revenue(report: Report, evidence: Mapping[str, Any]) -> float | None:
    peak = num(evidence, "peak_month")
    matching = [m for m in complete_months(report, "metrics")
                if peak is not None and str(m.get("month"))[5:7] == f"{int(peak):02d}"]
    return num(matching[-1], "revenue") if matching else None


def _group_share(report: Report, evidence: Mapping[str, Any]) -> float | None:
    by = section(section(report, "breakdowns"), "by")
    groups = rows(section(by, str(evidence.get("dimension"))).get("groups"))
    match = [g for g in groups if g.get("value") == evidence.get("value")]
    return num(match[0], "share") if match else None


def _duplicate_share(report: Report, _: Mapping[str, Any]) -> float | None:
    return ratio(num(section(report, "quality"), "duplicate_customers"),
                 num(section(report, "data"), "customers"))


WATCH: dict[str, WatchMetric] = {
    "total_base": WatchMetric(_field("lifecycle", "total_base"), +1, "number"),
    "new_customers": WatchMetric(_recent_average("lifecycle", "new"), +1, "number"),
    "active_base": WatchMetric(_field("lifecycle", "active_base"), +1, "number"),
    "churn_rate": WatchMetric(_recent_average("lifecycle", "churn_rate"), -1, "share"),
    "reactivated": WatchMetric(_recent_average("lifecycle", "reactivated"), +1, "number"),
    "revenue_3m": WatchMetric(_revenue, +1, "money"),
    "aov": WatchMetric(_aov, +1, "money"),
    "frequency": WatchMetric(_frequency, +1, "ratio"),
    "repeat_rate": WatchMetric(_field("metrics", "repeat_rate"), +1, "share"),
    "core_customers": WatchMetric(_core, +1, "number"),
    "retention_m1": WatchMetric(_retention_m1, +1, "share"),
    "peak_revenue": WatchMetric(_peak_revenue, +1, "money"),
    "group_share": WatchMetric(_group_share, +1, "share"),
    "stale_share": WatchMetric(_field("quality", "stale_share"), -1, "share"),
    "duplicate_share": WatchMetric(_duplicate_share, -1, "share"),
}
"""Every metric a recommendation can name, by code."""


def read(code: str, report: Report, evidence: Mapping[str, Any] | None = None) -> float | None:
    """The value of watch metric ``code`` in ``report`` (``None`` if it cannot be read)."""
    metric = WATCH.get(code)
    return None if metric is None else metric.read(report, evidence or {})
