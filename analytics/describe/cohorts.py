"""Cohorts by month of first purchase: retention, revenue and the LTV curve.

Computed on sale rows of customers (see :mod:`analytics.describe.customers`). A customer's cohort is
the calendar month of the first purchase; month ``k`` of a cohort is the ``k``-th calendar
month after it (month 0 is the cohort month itself).

* ``retention[c][k]`` = customers of cohort ``c`` with a purchase in month ``c + k`` /
  cohort size (so month 0 is 1.0);
* ``revenue[c][k]`` = net revenue (purchases minus returns) of cohort ``c`` in month
  ``c + k``; returns dated before a customer's first purchase are left out;
* ``ltv[c][k]`` = cumulative revenue per customer of the cohort up to month ``k``
  (``sum(revenue[c][0..k]) / size``);
* lists run to the last month of the data (the month of ``as_of - 1 day``), which is
  ``partial`` when ``as_of`` is not the first day of a month;
* ``months_observed`` counts the whole months after month 0: a partial last month is not
  observed yet (its retention would read as a drop), so it does not count;
* a cohort is ``young`` when fewer than :data:`MIN_MONTHS` months after month 0 are
  observed, ``small`` when it has fewer than :data:`MIN_CUSTOMERS` customers; both are
  marked, not dropped. ``average_retention[k]`` is the size-weighted retention over cohorts
  that are not small and have month ``k`` fully observed (the partial last month excluded).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from analytics.describe.customers import PreparedOrders, month_label, prepare_orders, rnd

MIN_CUSTOMERS = 30
MIN_MONTHS = 3


@dataclass(frozen=True)
class CohortInfo:
    """One cohort's size, age and flags."""

    cohort: str
    customers: int
    months_observed: int
    young: bool
    small: bool

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        return {
            "cohort": self.cohort,
            "customers": self.customers,
            "months_observed": self.months_observed,
            "young": self.young,
            "small": self.small,
        }


@dataclass(frozen=True)
class Cohorts:
    """Cohort tables keyed by ``YYYY-MM`` of the first purchase."""

    as_of: date
    cohorts: tuple[CohortInfo, ...]
    retention: dict[str, list[float]]
    active: dict[str, list[int]]
    revenue: dict[str, list[float]]
    ltv: dict[str, list[float]]
    average_retention: list[float | None]
    last_month_partial: bool

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values (shares to 4 digits, money to cents)."""
        return {
            "computed_on": "purchases_by_first_purchase_month",
            "min_customers": MIN_CUSTOMERS,
            "min_months": MIN_MONTHS,
            "last_month_partial": self.last_month_partial,
            "cohorts": [c.to_dict() for c in self.cohorts],
            "retention": {k: [rnd(v, 4) for v in vs] for k, vs in self.retention.items()},
            "active": {k: list(vs) for k, vs in self.active.items()},
            "revenue": {k: [rnd(v) for v in vs] for k, vs in self.revenue.items()},
            "ltv": {k: [rnd(v) for v in vs] for k, vs in self.ltv.items()},
            "average_retention": [rnd(v, 4) for v in self.average_retention],
        }


def compute_cohorts(
    orders: pd.DataFrame,
    as_of: date | None = None,
    *,
    prepared: PreparedOrders | None = None,
) -> Cohorts:
    """Monthly cohorts of first purchase (see the module docstring for the formulas)."""
    p = prepared if prepared is not None else prepare_orders(orders, as_of)
    if p.n_customers == 0:
        return Cohorts(p.as_of, (), {}, {}, {}, {}, [], p.last_month_partial)
    _, m1 = p.month_range
    c0 = int(p.first_month.min())
    n_c = m1 - c0 + 1  # cohorts and offsets both fit in this many months
    cohort_of_row = p.first_month[p.cust] - c0
    offset = p.month - p.first_month[p.cust]

    purchase = p.is_purchase
    c = p.cust[purchase]
    mo = p.month[purchase]
    pair = np.r_[True, (c[1:] != c[:-1]) | (mo[1:] != mo[:-1])]
    key_active = cohort_of_row[purchase][pair] * n_c + offset[purchase][pair]
    active = np.bincount(key_active, minlength=n_c * n_c).reshape(n_c, n_c)
    ok = offset >= 0
    key_rev = cohort_of_row[ok] * n_c + offset[ok]
    revenue = np.bincount(key_rev, weights=p.amount[ok], minlength=n_c * n_c).reshape(n_c, n_c)
    sizes = np.bincount(p.first_month - c0, minlength=n_c)

    infos: list[CohortInfo] = []
    retention: dict[str, list[float]] = {}
    active_d: dict[str, list[int]] = {}
    revenue_d: dict[str, list[float]] = {}
    ltv_d: dict[str, list[float]] = {}
    weight_sum = np.zeros(n_c)
    active_sum = np.zeros(n_c)
    for i in range(n_c):
        size = int(sizes[i])
        if size == 0:
            continue
        label = month_label(c0 + i)
        length = n_c - i  # months 0 .. m1 - cohort
        a = active[i, :length]
        r = revenue[i, :length]
        retention[label] = (a / size).tolist()
        active_d[label] = [int(x) for x in a]
        revenue_d[label] = r.tolist()
        ltv_d[label] = (np.cumsum(r) / size).tolist()
        full = length - 1 if p.last_month_partial else length  # whole months 0 .. full - 1
        observed = max(full - 1, 0)
        small = size < MIN_CUSTOMERS
        infos.append(CohortInfo(label, size, observed, observed < MIN_MONTHS, small))
        if not small:
            weight_sum[:full] += size
            active_sum[:full] += a[:full]
    average = [
        float(active_sum[k] / weight_sum[k]) if weight_sum[k] > 0 else None for k in range(n_c)
    ]
    while average and average[-1] is None:
        average.pop()
    return Cohorts(
        as_of=p.as_of,
        cohorts=tuple(infos),
        retention=retention,
        active=active_d,
        revenue=revenue_d,
        ltv=ltv_d,
        average_retention=average,
        last_month_partial=p.last_month_partial,
    )
