"""The revenue bridge (growth accounting, DIAGNOSIS.md 2).

Revenue of a window is the identity of two terms::

    revenue = new_customers x orders_per_new x new_check
            + base x retention x frequency x returning_check

``new_customers``: first purchase in the window (``orders_per_new`` counts all their orders
in it); ``base``: customers acquired before the window; ``retention``: the share of the base
that bought in it; ``frequency`` and ``returning_check`` over the orders of those who did.
Between two windows each term's change is split among its factors by the log-mean Divisia
index (LMDI, Ang 2004), so the contributions add up exactly to the change of revenue.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from analytics.describe.customers import PreparedOrders, rnd

NEW_TERM = ("new_customers", "orders_per_new", "new_check")
BASE_TERM = ("base", "retention", "frequency", "returning_check")
FACTORS = NEW_TERM + BASE_TERM
LEVERS = ("new_customers", "new_check", "retention", "frequency", "returning_check")
MATERIAL = 0.03
"""A lever's fall counts when it took at least this share of the earlier window's revenue
and the lever itself fell by ``MATERIAL_FALL`` or more (a drift of a few per cent in a
growing business is noise, not its constraint)."""
MATERIAL_FALL = 0.10
"""Factors an owner can move (the base is the past's acquisition; orders per new customer
in their first window is folded into the second-purchase steps)."""


@dataclass(frozen=True)
class Side:
    """One window's factors and the revenue they multiply to."""

    factors: dict[str, float]
    new_revenue: float
    base_revenue: float
    active: int
    """Customers of the base who bought in the window."""

    @property
    def revenue(self) -> float:
        """The window's revenue (both terms)."""
        return self.new_revenue + self.base_revenue

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, factors rounded for reading (the contributions use exact values)."""
        digits = {"retention": 4, "frequency": 3, "orders_per_new": 3}
        return {
            "revenue": rnd(self.revenue),
            "new_revenue": rnd(self.new_revenue),
            "base_revenue": rnd(self.base_revenue),
            "active": self.active,
            **{k: rnd(v, digits.get(k, 2)) for k, v in self.factors.items()},
        }


@dataclass(frozen=True)
class Bridge:
    """The change of revenue between two windows, split into factor contributions."""

    before: Side
    after: Side
    contributions: dict[str, float]

    @property
    def change(self) -> float:
        """Revenue after minus revenue before (= the sum of the contributions)."""
        return self.after.revenue - self.before.revenue

    @property
    def change_share(self) -> float | None:
        """The change as a share of revenue before."""
        return self.change / self.before.revenue if self.before.revenue > 0 else None

    def shares(self) -> dict[str, float]:
        """Each contribution as a share of the sum of contributions of its sign (what pulled
        revenue down, what pushed it up), so shares of one sign add up to 1."""
        down = -sum(v for v in self.contributions.values() if v < 0)
        up = sum(v for v in self.contributions.values() if v > 0)
        return {k: (v / up if v > 0 else -v / down if v < 0 else 0.0)
                for k, v in self.contributions.items() if v and (up or down)}

    def largest_fall(self) -> str | None:
        """The lever with the largest negative contribution; None when no lever fell
        materially (see ``MATERIAL``)."""
        floor = -MATERIAL * self.before.revenue
        x0, x1 = self.before.factors, self.after.factors
        falls = {
            k: v for k, v in self.contributions.items()
            if k in LEVERS and v <= floor and x1[k] <= (1 - MATERIAL_FALL) * x0[k]
        }
        return min(falls, key=lambda k: falls[k]) if falls else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        shares = self.shares()
        return {
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
            "change": rnd(self.change),
            "change_share": rnd(self.change_share, 4),
            "contributions": [
                {"factor": k, "value": rnd(v), "share": rnd(shares.get(k, 0.0), 4)}
                for k, v in self.contributions.items()
            ],
        }


def side(prepared: PreparedOrders, first: int, last: int) -> Side:
    """The factors of months ``first..last`` (month indices, inclusive) of the sales."""
    first_month, month = prepared.first_month, prepared.month
    inside = (month >= first) & (month <= last)
    c, a = prepared.cust[inside], prepared.amount[inside]
    p = prepared.is_purchase[inside]
    new_row = first_month[c] >= first
    n_new = int(((first_month >= first) & (first_month <= last)).sum())
    base = int((first_month < first).sum())
    new_orders, base_orders = int((p & new_row).sum()), int((p & ~new_row).sum())
    new_revenue, base_revenue = float(a[new_row].sum()), float(a[~new_row].sum())
    bought = c[p & ~new_row]  # customer codes, sorted
    active = int(len(bought) and 1 + np.count_nonzero(bought[1:] != bought[:-1]))
    factors = {
        "new_customers": float(n_new),
        "orders_per_new": _ratio(new_orders, n_new),
        "new_check": _ratio(new_revenue, new_orders),
        "base": float(base),
        "retention": _ratio(active, base),
        "frequency": _ratio(base_orders, active),
        "returning_check": _ratio(base_revenue, base_orders),
    }
    return Side(factors, new_revenue, base_revenue, active)


def bridge(before: Side, after: Side) -> Bridge:
    """Split the change of revenue from ``before`` to ``after`` among the factors."""
    contributions: dict[str, float] = {}
    for names, y0, y1 in ((NEW_TERM, before.new_revenue, after.new_revenue),
                          (BASE_TERM, before.base_revenue, after.base_revenue)):
        contributions.update(lmdi(names, before.factors, after.factors, y0, y1))
    return Bridge(before, after, contributions)


def lmdi(
    names: tuple[str, ...], x0: dict[str, float], x1: dict[str, float], y0: float, y1: float
) -> dict[str, float]:
    """Contributions of the factors ``names`` to the change of their product ``y0 -> y1``:
    ``L(y1, y0) ln(x1 / x0)`` with the logarithmic mean ``L``. A factor that is not positive
    on one side has no logarithm: the whole change goes to the first such factor."""
    flat = next((k for k in names if x0[k] <= 0 or x1[k] <= 0), None)
    if flat is not None or y0 <= 0 or y1 <= 0:
        owner = flat or names[-1]
        return {k: (y1 - y0 if k == owner else 0.0) for k in names}
    mean = log_mean(y1, y0)
    return {k: mean * math.log(x1[k] / x0[k]) for k in names}


def log_mean(a: float, b: float) -> float:
    """The logarithmic mean ``(a - b) / (ln a - ln b)``, ``a`` when they are equal."""
    if math.isclose(a, b, rel_tol=1e-12):
        return a
    return (a - b) / (math.log(a) - math.log(b))


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0
