"""The monthly series a diagnosis reads, over full months only (DIAGNOSIS.md 1, 4)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from analytics.describe.customers import PreparedOrders, days_to_months

Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Monthly:
    """Per full month ``first..last``: revenue, purchases (and those of new buyers),
    buyers, new and returning buyers, and the base (customers acquired before the month)."""

    first: int
    last: int
    revenue: Floats
    orders: Floats
    new_orders: Floats
    buyers: Floats
    new: Floats
    returning: Floats
    base: Floats

    @property
    def months(self) -> int:
        """Number of full months."""
        return self.last - self.first + 1

    @property
    def frequency(self) -> Floats:
        """Orders per returning buyer."""
        return _divide(self.orders - self.new_orders, self.returning)

    @property
    def check(self) -> Floats:
        """Average order value."""
        return _divide(self.revenue, self.orders)

    @property
    def retention(self) -> Floats:
        """Share of the base (acquired before the month) that bought in it."""
        return _divide(self.returning, self.base)


def monthly(prepared: PreparedOrders) -> Monthly | None:
    """The series of full months (the last month only when the data reaches its end);
    None without a full month."""
    if not prepared.cust.size:
        return None
    first = int(prepared.month.min())
    last = int(days_to_months(np.array([prepared.as_of_day]))[0]) - 1  # as_of is exclusive
    if last < first:
        return None
    n = last - first + 1
    keep = prepared.month <= last
    at = (prepared.month[keep] - first).astype(np.int64)
    cust, amount = prepared.cust[keep], prepared.amount[keep]
    purchase = prepared.is_purchase[keep]
    new_row = prepared.first_month[cust] == prepared.month[keep]
    revenue = np.bincount(at, weights=amount, minlength=n).astype(np.float64)
    orders = np.bincount(at[purchase], minlength=n).astype(np.float64)
    new_orders = np.bincount(at[purchase & new_row], minlength=n).astype(np.float64)
    c, a = cust[purchase], at[purchase]  # sorted by customer, then day
    first_of_month = np.r_[True, (c[1:] != c[:-1]) | (a[1:] != a[:-1])] if len(c) else c > 0
    buyers = np.bincount(a[first_of_month], minlength=n).astype(np.float64)
    first_at = prepared.first_month - first
    new = np.bincount(first_at[(first_at >= 0) & (first_at < n)], minlength=n).astype(np.float64)
    base = np.cumsum(new) - new + float((first_at < 0).sum())
    return Monthly(first, last, revenue, orders, new_orders, buyers, new, buyers - new, base)


def _divide(numerator: Floats, denominator: Floats) -> Floats:
    out = np.full(len(numerator), np.nan)
    np.divide(numerator, denominator, out=out, where=denominator > 0)
    return out
