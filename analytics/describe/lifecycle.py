"""The active base next to the total base, month by month, with churn (DOMAIN.md section 3).

Computed on purchases (valid orders with ``amount >= 0``, before ``as_of``); returns do not
make anyone active. Months are calendar months of ``order_date``, from the first month with
a sale to the month of ``as_of - 1 day``; the last one is ``partial`` when ``as_of`` is not
the first day of a month.

Churn window ``W`` (days), derived from the data and stated in the report:

* the inter-purchase intervals are the gaps, in days, between consecutive distinct purchase
  days of the same customer, pooled over all customers;
* ``W = ceil(P90 of the gaps)`` clamped to ``[30, 365]`` days (90% of repeat purchases come
  within ``W`` days of the previous one, so a longer silence means the customer is probably
  gone); with fewer than 30 gaps the data cannot tell and ``W`` is 90 days (``source =
  "default"``).

A customer *churns* at the end of day ``L + W`` when ``L`` is a purchase day not followed by
another purchase within ``W`` days (only events before ``as_of`` are counted); at ``as_of``
that is exactly ``recency_days > W``. Per month ``m``
(``E_m`` = the month's last day, or ``as_of - 1`` for the partial last month):

* ``total_base``: customers whose first purchase is on or before ``E_m`` (everyone ever seen);
* ``active``: customers with a purchase in month ``m``;
* ``active_90d``: customers with a purchase in the 90 days ending at ``E_m``;
* ``active_base``: customers not churned at ``E_m`` (last purchase within ``W`` days);
* ``new``: first purchase in ``m``; ``returning = active - new``;
* ``reactivated``: returning customers whose first purchase in ``m`` came more than ``W``
  days after their previous purchase (they had churned);
* ``churned``: churn events dated in ``m``; ``churned_base``: churned and not back at ``E_m``
  (``total_base = active_base + churned_base``);
* ``churn_rate = churned_m / active_base_{m-1}``;
* ``conversion_total_base = returning_m / total_base_{m-1}`` and
  ``conversion_active_base = returning_m / active_base_{m-1}``: the same buyers measured on the
  total base and on the active base; conversion-like figures are to be read on the active
  base (the lesson of DOMAIN.md section 3).

Lifecycle stage of each customer at ``as_of`` (recency ``r`` in days): ``new`` when the first
purchase is within 30 days, else ``active`` when ``r <= W/2``, ``cooling`` when
``W/2 < r <= W``, ``churned`` when ``r > W``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import numpy as np
import pandas as pd

from analytics.describe.customers import (
    CustomerTable,
    FloatArray,
    IntArray,
    PreparedOrders,
    days_to_months,
    month_label,
    prepare_orders,
    ratio,
    rnd,
    to_day,
)

CHURN_PERCENTILE = 90.0
CHURN_MIN_DAYS = 30
CHURN_MAX_DAYS = 365
CHURN_DEFAULT_DAYS = 90
CHURN_MIN_GAPS = 30
ACTIVE_DAYS = 90
NEW_DAYS = 30

WindowSource = Literal["data", "clamped_low", "clamped_high", "default", "aggregates"]
STAGES = ("new", "active", "cooling", "churned")
NO_PREVIOUS = np.iinfo(np.int64).max


@dataclass(frozen=True)
class ChurnWindow:
    """The churn window and the evidence behind it."""

    days: int
    source: WindowSource
    percentile: float
    raw_days: float | None
    intervals: int
    median_interval: float | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        return {
            "days": self.days,
            "source": self.source,
            "rule": "p90_interpurchase_clamped_30_365",
            "percentile": self.percentile,
            "raw_days": rnd(self.raw_days, 1),
            "intervals": self.intervals,
            "median_interval_days": rnd(self.median_interval, 1),
            "min_days": CHURN_MIN_DAYS,
            "max_days": CHURN_MAX_DAYS,
        }


def churn_window_from_gaps(
    gaps: FloatArray | IntArray, *, source_if_ok: WindowSource = "data"
) -> ChurnWindow:
    """Apply the churn-window rule to inter-purchase intervals (days)."""
    g = np.asarray(gaps, dtype=np.float64)
    g = g[np.isfinite(g) & (g > 0)]
    median = float(np.median(g)) if g.size else None
    if g.size < CHURN_MIN_GAPS:
        return ChurnWindow(
            CHURN_DEFAULT_DAYS, "default", CHURN_PERCENTILE, None, int(g.size), median
        )
    raw = float(np.percentile(g, CHURN_PERCENTILE))
    days = math.ceil(raw - 1e-9)
    source: WindowSource = source_if_ok
    if days < CHURN_MIN_DAYS:
        days, source = CHURN_MIN_DAYS, "clamped_low"
    elif days > CHURN_MAX_DAYS:
        days, source = CHURN_MAX_DAYS, "clamped_high"
    return ChurnWindow(int(days), source, CHURN_PERCENTILE, raw, int(g.size), median)


def interpurchase_gaps(prepared: PreparedOrders) -> IntArray:
    """Gaps in days between consecutive distinct purchase days of each customer."""
    p = prepared
    c = p.cust[p.is_purchase]
    d = p.day[p.is_purchase]
    if c.size < 2:
        return np.zeros(0, dtype=np.int64)
    same = c[1:] == c[:-1]
    gap: IntArray = d[1:] - d[:-1]
    out: IntArray = gap[same & (gap > 0)]
    return out


@dataclass(frozen=True)
class LifecycleMonth:
    """One month of the active-base table (see the module docstring)."""

    month: str
    total_base: int
    active: int
    active_90d: int
    active_base: int
    new: int
    returning: int
    reactivated: int
    churned: int
    churned_base: int
    churn_rate: float | None
    conversion_total_base: float | None
    conversion_active_base: float | None
    partial: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        return {
            "month": self.month,
            "total_base": self.total_base,
            "active": self.active,
            "active_90d": self.active_90d,
            "active_base": self.active_base,
            "new": self.new,
            "returning": self.returning,
            "reactivated": self.reactivated,
            "churned": self.churned,
            "churned_base": self.churned_base,
            "churn_rate": rnd(self.churn_rate, 4),
            "conversion_total_base": rnd(self.conversion_total_base, 4),
            "conversion_active_base": rnd(self.conversion_active_base, 4),
            "partial": self.partial,
        }


@dataclass(frozen=True)
class Lifecycle:
    """Active base, churn and lifecycle stages.

    ``monthly`` is empty for customer-list files (no transactions); ``base_growth`` then
    holds what the aggregates allow: new customers and the total base per month of first
    purchase.
    """

    as_of: date
    window: ChurnWindow
    total_base: int
    active_90d: int
    active_base: int
    churned: int
    stages: dict[str, int]
    monthly: tuple[LifecycleMonth, ...]
    source: Literal["transactions", "customers"] = "transactions"
    base_growth: tuple[tuple[str, int, int], ...] = ()
    unknown_recency: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        out: dict[str, Any] = {
            "computed_on": "purchases" if self.source == "transactions" else "customer_list",
            "as_of": self.as_of.isoformat(),
            "churn_window": self.window.to_dict(),
            "active_days": ACTIVE_DAYS,
            "conversion_base": "active_base",
            "total_base": self.total_base,
            "active_90d": self.active_90d,
            "active_base": self.active_base,
            "churned": self.churned,
            "active_base_share": rnd(ratio(self.active_base, self.total_base), 4),
            "stages": dict(self.stages),
            "monthly": [m.to_dict() for m in self.monthly],
        }
        if self.source == "customers":
            out["base_growth"] = [
                {"month": m, "new": new, "total_base": total} for m, new, total in self.base_growth
            ]
            out["unknown_recency"] = self.unknown_recency
        return out


def _stages(recency: FloatArray, tenure: FloatArray, window: int) -> dict[str, int]:
    known = np.isfinite(recency)
    new = known & np.isfinite(tenure) & (tenure <= NEW_DAYS)
    churned = known & ~new & (recency > window)
    cooling = known & ~new & (recency > window / 2) & (recency <= window)
    active = known & ~new & (recency <= window / 2)
    return {
        "new": int(new.sum()),
        "active": int(active.sum()),
        "cooling": int(cooling.sum()),
        "churned": int(churned.sum()),
    }


def compute_lifecycle(
    orders: pd.DataFrame,
    as_of: date | None = None,
    *,
    prepared: PreparedOrders | None = None,
) -> Lifecycle:
    """Monthly total base, active base, new / returning / reactivated / churned, churn rate."""
    p = prepared if prepared is not None else prepare_orders(orders, as_of)
    window = churn_window_from_gaps(interpurchase_gaps(p))
    w = window.days
    m0, m1 = p.month_range
    n_months = m1 - m0 + 1
    n = p.n_customers

    c = p.cust[p.is_purchase]
    d = p.day[p.is_purchase]
    mo = p.month[p.is_purchase]
    if c.size:
        # previous purchase day of the same customer (first purchase: no previous)
        prev_gap = np.full(c.size, NO_PREVIOUS, dtype=np.int64)
        same = c[1:] == c[:-1]
        prev_gap[1:][same] = (d[1:] - d[:-1])[same]
        pair_start = np.r_[True, (c[1:] != c[:-1]) | (mo[1:] != mo[:-1])]
        starts = np.flatnonzero(pair_start)
        ends = np.r_[starts[1:] - 1, c.size - 1]
        cm_cust = c[starts]
        cm_month = mo[starts] - m0
        cm_first_gap = prev_gap[starts]
        cm_last_day = d[ends]
        has_next = np.r_[cm_cust[1:] == cm_cust[:-1], False]
        next_first_day = np.where(has_next, np.r_[d[starts][1:], 0], np.iinfo(np.int64).max)
        next_month = np.where(has_next, np.r_[cm_month[1:], 0], n_months)
    else:
        cm_cust = cm_month = cm_first_gap = cm_last_day = np.zeros(0, dtype=np.int64)
        next_first_day = next_month = np.zeros(0, dtype=np.int64)

    active = np.bincount(cm_month, minlength=n_months)
    new = np.bincount(p.first_month - m0, minlength=n_months)
    total_base = np.cumsum(new)
    reactivated = np.bincount(
        cm_month[(cm_first_gap > w) & (cm_first_gap != NO_PREVIOUS)], minlength=n_months
    )

    event_day = cm_last_day + w
    gone = (next_first_day - cm_last_day > w) & (event_day < p.as_of_day)
    event_month = days_to_months(event_day[gone]) - m0
    churned = np.bincount(event_month, minlength=n_months)
    churned_base = np.cumsum(churned - reactivated)
    active_base = total_base - churned_base

    # active in the 90 days ending at each month end: the latest purchase-month pair of a
    # customer at month m covers months k .. min(next pair month - 1, month(L + 90) - 1)
    diff = np.zeros(n_months + 1, dtype=np.int64)
    if cm_cust.size:
        end = np.minimum(next_month - 1, days_to_months(cm_last_day + ACTIVE_DAYS) - m0 - 1)
        end = np.minimum(end, n_months - 1)
        ok = end >= cm_month
        np.add.at(diff, cm_month[ok], 1)
        np.add.at(diff, end[ok] + 1, -1)
    active_90d = np.cumsum(diff)[:n_months]

    frame = p.customers.frame
    recency = frame["recency_days"].to_numpy(dtype=np.float64)
    tenure = frame["tenure_days"].to_numpy(dtype=np.float64)
    active_90d_now = int((recency <= ACTIVE_DAYS).sum())
    if p.last_month_partial and n_months:
        active_90d[-1] = active_90d_now

    monthly = []
    for i in range(n_months):
        returning = int(active[i] - new[i])
        prev_total = int(total_base[i - 1]) if i else 0
        prev_active = int(active_base[i - 1]) if i else 0
        monthly.append(
            LifecycleMonth(
                month=month_label(m0 + i),
                total_base=int(total_base[i]),
                active=int(active[i]),
                active_90d=int(active_90d[i]),
                active_base=int(active_base[i]),
                new=int(new[i]),
                returning=returning,
                reactivated=int(reactivated[i]),
                churned=int(churned[i]),
                churned_base=int(churned_base[i]),
                churn_rate=ratio(int(churned[i]), prev_active) if i else None,
                conversion_total_base=ratio(returning, prev_total) if i else None,
                conversion_active_base=ratio(returning, prev_active) if i else None,
                partial=bool(i == n_months - 1 and p.last_month_partial),
            )
        )
    churned_now = int((recency > w).sum())
    return Lifecycle(
        as_of=p.as_of,
        window=window,
        total_base=n,
        active_90d=active_90d_now,
        active_base=n - churned_now,
        churned=churned_now,
        stages=_stages(recency, tenure, w),
        monthly=tuple(monthly),
    )


def compute_list_lifecycle(table: CustomerTable) -> Lifecycle:
    """What a customer-list file allows: the base now and its growth by month of first purchase.

    The churn window comes from each repeat customer's average interval
    ``(last_purchase - first_purchase) / (orders_count - 1)`` with the same P90 rule
    (``source = "aggregates"``); monthly activity and churn need a transactions file.
    """
    f = table.frame
    recency = f["recency_days"].to_numpy(dtype=np.float64)
    tenure = f["tenure_days"].to_numpy(dtype=np.float64)
    freq = f["frequency"].to_numpy(dtype=np.float64)
    span = tenure - recency
    ok = np.isfinite(span) & np.isfinite(freq) & (freq >= 2)
    gaps = span[ok] / (freq[ok] - 1)
    window = churn_window_from_gaps(gaps, source_if_ok="aggregates")
    w = window.days
    known = np.isfinite(recency)
    churned = int((known & (recency > w)).sum())
    start_col = "first_purchase" if f["first_purchase"].notna().any() else None
    if start_col is None and "registration_date" in f and f["registration_date"].notna().any():
        start_col = "registration_date"
    growth: list[tuple[str, int, int]] = []
    if start_col is not None:
        starts = f[start_col].dropna().to_numpy()
        start_day = starts.astype("datetime64[D]").astype(np.int64)
        start_day = start_day[start_day < to_day(table.as_of)]
        if start_day.size:
            months = days_to_months(start_day)
            lo = int(months.min())
            counts = np.bincount(months - lo)
            total = np.cumsum(counts)
            growth = [
                (month_label(lo + i), int(counts[i]), int(total[i])) for i in range(counts.size)
            ]
    return Lifecycle(
        as_of=table.as_of,
        window=window,
        total_base=table.n,
        active_90d=int((known & (recency <= ACTIVE_DAYS)).sum()),
        active_base=int((known & (recency <= w)).sum()),
        churned=churned,
        stages=_stages(recency, tenure, w),
        monthly=(),
        source="customers",
        base_growth=tuple(growth),
        unknown_recency=int((~known).sum()),
    )
