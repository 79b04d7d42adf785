"""All of the diagnosis in one typed result (the ``diagnosis`` section of report.json)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from analytics.describe.customers import PreparedOrders, month_label, rnd
from analytics.diagnose.accounts import SilentAccount, silent_accounts
from analytics.diagnose.acquisition import Acquisition, acquisition
from analytics.diagnose.breaks import Break, find_break, linked
from analytics.diagnose.bridge import LEVERS, Bridge, Side, bridge, side
from analytics.diagnose.periods import Periods, Window, choose_periods
from analytics.diagnose.series import Floats, Monthly, monthly
from analytics.diagnose.shape import Shape, business_shape
from analytics.diagnose.sufficiency import Sufficiency, sufficiency
from analytics.diagnose.trend import Trend, trend

SERIES_OF = {"new_customers": "new", "new_check": "check", "returning_check": "check",
             "retention": "returning", "frequency": "frequency"}
"""The monthly series whose break dates a factor's change."""
POOLED_WINDOWS = 4
"""Earlier windows pooled for a lever's realistic level when nothing fell."""


@dataclass(frozen=True)
class Constraint:
    """The factor holding revenue back and its size in money."""

    factor: str
    kind: str
    """``fell``: its fall pulled revenue down by ``value``; ``potential``: back at its pooled
    earlier level it would add ``value``."""
    value: float
    share: float | None
    """Of the sum of negative contributions (``fell`` only)."""
    since: int | None
    """Month index of the break of its monthly series, when there is one."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"factor": self.factor, "kind": self.kind, "value": rnd(self.value),
                "share": rnd(self.share, 4),
                "since": month_label(self.since) if self.since is not None else None}


@dataclass(frozen=True)
class Diagnosis:
    """What a consultant reads from the file, in codes and numbers."""

    periods: Periods | None
    bridge: Bridge | None
    constraint: Constraint | None
    trend: Trend | None
    breaks: tuple[Break, ...]
    hypotheses: tuple[str, ...]
    acquisition: Acquisition | None
    concentrated: bool
    silent_accounts: tuple[SilentAccount, ...]
    shape: Shape
    sufficiency: Sufficiency

    def to_dict(self) -> dict[str, Any]:
        """The ``diagnosis`` section of report.json."""
        return {
            "computed_on": "full_months_of_valid_orders",
            "periods": self.periods.to_dict() if self.periods else None,
            "bridge": self.bridge.to_dict() if self.bridge else None,
            "constraint": self.constraint.to_dict() if self.constraint else None,
            "trend": self.trend.to_dict() if self.trend else None,
            "breaks": [b.to_dict() for b in self.breaks],
            "hypotheses": list(self.hypotheses),
            "acquisition": self.acquisition.to_dict() if self.acquisition else None,
            "concentrated": self.concentrated,
            "silent_accounts": [a.to_dict() for a in self.silent_accounts],
            "shape": self.shape.to_dict(),
            "sufficiency": self.sufficiency.to_dict(),
        }


def diagnose(
    prepared: PreparedOrders,
    churn: Mapping[str, float | None] | None = None,
    top20_share: float | None = None,
    key_source: str | None = None,
) -> Diagnosis:
    """The diagnosis of ``prepared`` sales; ``churn`` is the lifecycle's churn rate by month
    (``YYYY-MM``), ``top20_share`` the top 20 %'s revenue share, ``key_source`` the column
    the customer key came from."""
    series = monthly(prepared)
    shape = business_shape(prepared, key_source)
    concentrated, silent = silent_accounts(prepared, top20_share)
    if series is None:
        enough = sufficiency(prepared.n_customers, 0, 0, False)
        return Diagnosis(None, None, None, None, (), (), None, concentrated, silent, shape,
                         enough)
    periods = choose_periods(series.first, series.last, series.revenue)
    revenue_bridge = None
    if periods is not None:
        revenue_bridge = bridge(_side(prepared, periods.before), _side(prepared, periods.after))
    shown = trend(series)
    breaks = _breaks(series, shown, churn)
    found = acquisition(prepared, series)
    enough = sufficiency(prepared.n_customers, series.months, int(series.new.max()),
                         found.has_leads)
    constraint = None
    if revenue_bridge is not None and periods is not None:
        constraint = _constraint(prepared, series, periods, revenue_bridge, breaks)
    return Diagnosis(periods, revenue_bridge, constraint, shown, tuple(breaks),
                     tuple(linked(breaks)), found, concentrated, silent, shape, enough)


def _side(prepared: PreparedOrders, window: Window) -> Side:
    return side(prepared, window.first, window.last)


def _breaks(
    series: Monthly, shown: Trend, churn: Mapping[str, float | None] | None
) -> list[Break]:
    season = np.ones(series.months)
    if shown.factors:
        calendar = (np.arange(series.first, series.last + 1) % 12) + 1
        season = np.array([shown.factors.get(int(m), 1.0) for m in calendar])
    candidates: dict[str, Floats] = {
        "new": series.new / season,
        "returning": series.returning / season,
        "frequency": series.frequency,
        "check": series.check,
    }
    if churn:
        labels = (month_label(m) for m in range(series.first, series.last + 1))
        candidates["churn"] = np.array([churn.get(m) or np.nan for m in labels], dtype=float)
    found = (find_break(name, values, series.first) for name, values in candidates.items())
    return [b for b in found if b is not None]


def _constraint(
    prepared: PreparedOrders, series: Monthly, periods: Periods, revenue_bridge: Bridge,
    breaks: list[Break],
) -> Constraint | None:
    """The largest negative contribution; when nothing fell, the lever whose return to its
    pooled level of earlier windows of the same length adds most."""
    by_series = {b.series: b for b in breaks}
    fallen = revenue_bridge.largest_fall()
    if fallen is not None:
        value = revenue_bridge.contributions[fallen]
        broke = by_series.get(SERIES_OF.get(fallen, ""))
        since = broke.month if broke is not None and broke.change < 0 else None
        return Constraint(fallen, "fell", value, revenue_bridge.shares().get(fallen), since)
    width = periods.after.months
    earliest = series.first + periods.burn_in
    windows = [Window(periods.after.first - k * width, periods.after.last - k * width)
               for k in range(1, POOLED_WINDOWS + 1)]
    earlier = [_side(prepared, w) for w in windows if w.first >= earliest]
    if not earlier:
        return None
    now = revenue_bridge.after
    gains: dict[str, float] = {}
    for lever in LEVERS:
        level = float(np.mean([s.factors[lever] for s in earlier]))
        current = now.factors[lever]
        term = now.new_revenue if lever in ("new_customers", "new_check") else now.base_revenue
        if current > 0 and level > current:
            gains[lever] = term * (level / current - 1)
    if not gains:
        return None
    best = max(gains, key=lambda k: gains[k])
    return Constraint(best, "potential", gains[best], None, None)
