"""Key accounts gone silent (DIAGNOSIS.md 6, 7).

In a concentrated base (the top 20 % of customers bring 60 %+ of revenue, or fewer than 300
customers) the largest customers who are silent for more than 2.5 times their own median
gap between purchases (customers with 3+ purchases) are named, with the revenue of their
last 12 months and their last order date: losing two of three key accounts is the story.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from analytics.describe.customers import PreparedOrders, rnd

CONCENTRATED_SHARE = 0.60
SMALL_BASE = 300
OWN_GAP_TIMES = 2.5
MIN_PURCHASES = 3
TOP_SHARE = 0.20
TOP_AT_LEAST = 5
"""The largest customers are the top 20 %, and at least the top 5 of a small base."""
LISTED = 5


@dataclass(frozen=True)
class SilentAccount:
    """A large customer past his own rhythm."""

    key: str
    name: str | None
    revenue_12m: float
    revenue_share_12m: float
    last_order: str
    silent_days: int
    median_gap_days: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"key": self.key, "name": self.name, "revenue_12m": rnd(self.revenue_12m),
                "revenue_share_12m": rnd(self.revenue_share_12m, 4),
                "last_order": self.last_order, "silent_days": self.silent_days,
                "median_gap_days": rnd(self.median_gap_days, 1)}


def lapsed_by_own_gap(prepared: PreparedOrders) -> tuple[np.ndarray, np.ndarray]:
    """Per customer: his median gap in days between purchase days (NaN under
    ``MIN_PURCHASES`` purchase days) and whether he is silent for more than
    ``OWN_GAP_TIMES`` times it."""
    purchase = prepared.is_purchase
    cust, day = prepared.cust[purchase], prepared.day[purchase]
    pairs = np.unique(np.stack([cust, day]), axis=1)  # distinct purchase days, sorted
    n = prepared.n_customers
    gaps = np.diff(pairs[1]).astype(np.float64)
    same = pairs[0][1:] == pairs[0][:-1]
    owner, gaps = pairs[0][1:][same], gaps[same]
    median = np.full(n, np.nan)
    days_count = np.bincount(pairs[0], minlength=n)
    order = np.argsort(owner, kind="stable")
    owner, gaps = owner[order], gaps[order]
    starts = np.searchsorted(owner, np.arange(n))
    ends = np.searchsorted(owner, np.arange(n), side="right")
    for code in np.flatnonzero(days_count >= MIN_PURCHASES):
        median[code] = float(np.median(gaps[starts[code]:ends[code]]))
    recency = prepared.customers.frame["recency_days"].to_numpy(dtype=np.float64)
    with np.errstate(invalid="ignore"):
        lapsed = recency > OWN_GAP_TIMES * median
    return median, lapsed


def silent_accounts(prepared: PreparedOrders, top20_share: float | None) -> tuple[
        bool, tuple[SilentAccount, ...]]:
    """Whether the base is concentrated, and its largest customers gone silent."""
    n = prepared.n_customers
    concentrated = n < SMALL_BASE or (top20_share or 0.0) >= CONCENTRATED_SHARE
    if not concentrated or not n:
        return concentrated, ()
    year_start = prepared.as_of_day - 365
    recent = prepared.day >= year_start
    revenue = np.bincount(prepared.cust[recent], weights=prepared.amount[recent], minlength=n)
    total = float(revenue.sum())
    median, lapsed = lapsed_by_own_gap(prepared)
    frame = prepared.customers.frame
    monetary = frame["monetary"].to_numpy(dtype=np.float64)
    top = np.argsort(-monetary, kind="stable")[: max(TOP_AT_LEAST, int(np.ceil(TOP_SHARE * n)))]
    names = frame.get("name")
    found = []
    for code in top:
        if not lapsed[code] or revenue[code] <= 0:
            continue
        last = frame["last_purchase"].iloc[code]
        found.append(SilentAccount(
            str(frame["customer_key"].iloc[code]),
            None if names is None or names.isna().iloc[code] else str(names.iloc[code]),
            float(revenue[code]), float(revenue[code] / total) if total > 0 else 0.0,
            last.date().isoformat(), int(frame["recency_days"].iloc[code]),
            float(median[code]),
        ))
    found.sort(key=lambda a: -a.revenue_12m)
    return concentrated, tuple(found[:LISTED])

