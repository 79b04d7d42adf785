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
import pandas as pd

from analytics.describe.customers import PreparedOrders, rnd
from analytics.describe.rhythm import lapsed

CONCENTRATED_SHARE = 0.60
SMALL_BASE = 300
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
    frame = prepared.customers.frame
    median = frame["median_gap_days"].to_numpy(dtype=np.float64)
    gone = lapsed(frame["recency_days"].to_numpy(dtype=np.float64), median)
    monetary = frame["monetary"].to_numpy(dtype=np.float64)
    top = np.argsort(-monetary, kind="stable")[: max(TOP_AT_LEAST, int(np.ceil(TOP_SHARE * n)))]
    silent = top[gone[top] & (revenue[top] > 0)]
    silent = silent[np.argsort(-revenue[silent], kind="stable")][:LISTED]
    names = frame.get("name")
    found = []
    for code in silent.tolist():
        name = None if names is None else names.iloc[code]
        found.append(SilentAccount(
            str(frame["customer_key"].iloc[code]),
            None if name is None or pd.isna(name) else str(name),
            float(revenue[code]), float(revenue[code] / total) if total > 0 else 0.0,
            frame["last_purchase"].iloc[code].date().isoformat(),
            int(frame["recency_days"].iloc[code]), float(median[code]),
        ))
    return concentrated, tuple(found)

