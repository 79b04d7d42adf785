"""Growth metrics over the whole period and per calendar month.

Computed on sale rows (``status == "valid"``, dated before ``as_of``); see
:mod:`analytics.describe.customers` for purchase / return / customer definitions.

Formulas (per period: the whole period, or one calendar month of ``order_date``):

* ``revenue`` = sum of ``amount`` over sale rows (purchases minus returns);
* ``orders`` = number of purchases (sale rows with ``amount >= 0``);
* ``customers`` = distinct customers with a purchase in the period (the active customers);
* ``aov`` (average check) = ``revenue / orders``, so that
  ``revenue = customers x aov x orders_per_customer`` holds exactly;
* ``items_per_order`` = sum of ``quantity`` / number of purchases with a quantity
  (only when the orders table has ``quantity``);
* ``orders_per_customer`` = ``orders / customers``;
* ``repeat_rate``: whole period, the share of customers with 2+ purchases; per month, the
  share of the month's active customers who had bought before the month (returning);
* ``new_customers``: customers whose first purchase falls in the period; ``returning`` the
  other active customers; ``new_revenue`` / ``returning_revenue`` split the period's revenue
  by that. Over the whole period everybody is new, so the whole-period split is by order:
  ``first_order_revenue`` (each customer's first purchase) vs ``repeat_order_revenue``
  (all the rest, returns included);
* ``top20_revenue_share`` = revenue of the top ``ceil(20% x customers)`` customers by net
  revenue / the customers' total revenue.

The last month is ``partial`` when ``as_of`` is not the first day of a month.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from analytics.describe.customers import (
    CustomerTable,
    FloatArray,
    PreparedOrders,
    from_day,
    group_starts,
    month_label,
    prepare_orders,
    ratio,
    rnd,
)


@dataclass(frozen=True)
class PeriodMetrics:
    """Totals of one calendar month (``month`` is ``YYYY-MM``)."""

    month: str
    revenue: float
    orders: int
    customers: int
    new_customers: int
    returning_customers: int
    new_revenue: float
    returning_revenue: float
    aov: float | None
    items_per_order: float | None
    orders_per_customer: float | None
    repeat_rate: float | None
    partial: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        return {
            "month": self.month,
            "revenue": rnd(self.revenue),
            "orders": self.orders,
            "customers": self.customers,
            "new_customers": self.new_customers,
            "returning_customers": self.returning_customers,
            "new_revenue": rnd(self.new_revenue),
            "returning_revenue": rnd(self.returning_revenue),
            "aov": rnd(self.aov),
            "items_per_order": rnd(self.items_per_order, 3),
            "orders_per_customer": rnd(self.orders_per_customer, 3),
            "repeat_rate": rnd(self.repeat_rate, 4),
            "partial": self.partial,
        }


@dataclass(frozen=True)
class GrowthMetrics:
    """Whole-period growth metrics and the monthly series."""

    as_of: date
    date_from: date | None
    date_to: date | None
    revenue: float
    gross_sales: float
    returns_amount: float
    returns: int
    orders: int
    customers: int
    aov: float | None
    items_per_order: float | None
    orders_per_customer: float | None
    repeat_rate: float | None
    one_time_customers: int
    repeat_customers: int
    first_order_revenue: float
    repeat_order_revenue: float
    top20_customers: int
    top20_revenue_share: float | None
    cancelled: int
    refunded: int
    open: int
    monthly: tuple[PeriodMetrics, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values (money rounded to cents, shares to 4 digits)."""
        return {
            "computed_on": "valid_orders",
            "as_of": self.as_of.isoformat(),
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "revenue": rnd(self.revenue),
            "gross_sales": rnd(self.gross_sales),
            "returns_amount": rnd(self.returns_amount),
            "returns": self.returns,
            "orders": self.orders,
            "customers": self.customers,
            "aov": rnd(self.aov),
            "items_per_order": rnd(self.items_per_order, 3),
            "orders_per_customer": rnd(self.orders_per_customer, 3),
            "repeat_rate": rnd(self.repeat_rate, 4),
            "one_time_customers": self.one_time_customers,
            "repeat_customers": self.repeat_customers,
            "first_order_revenue": rnd(self.first_order_revenue),
            "repeat_order_revenue": rnd(self.repeat_order_revenue),
            "top20_customers": self.top20_customers,
            "top20_revenue_share": rnd(self.top20_revenue_share, 4),
            "excluded_orders": {
                "cancelled": self.cancelled,
                "refunded": self.refunded,
                "open": self.open,
            },
            "monthly": [m.to_dict() for m in self.monthly],
        }


def top_share(monetary: FloatArray, fraction: float = 0.2) -> tuple[int, float | None]:
    """Number of top customers (``ceil(fraction x n)``) and their share of total revenue."""
    n = len(monetary)
    if n == 0:
        return 0, None
    k = max(1, math.ceil(fraction * n - 1e-9))
    total = float(monetary.sum())
    if total <= 0:
        return k, None
    top = np.partition(monetary, n - k)[n - k :]
    return k, float(top.sum()) / total


def compute_growth_metrics(
    orders: pd.DataFrame,
    as_of: date | None = None,
    *,
    prepared: PreparedOrders | None = None,
) -> GrowthMetrics:
    """Growth metrics of an orders table (see the module docstring for every formula)."""
    p = prepared if prepared is not None else prepare_orders(orders, as_of)
    m0, m1 = p.month_range
    n_months = m1 - m0 + 1
    n = p.n_customers
    purchase = p.is_purchase
    mi = p.month - m0

    revenue_m = np.bincount(mi, weights=p.amount, minlength=n_months)
    if p.orphan_amount.size:
        revenue_m += np.bincount(p.orphan_month - m0, weights=p.orphan_amount, minlength=n_months)
    orders_m = np.bincount(mi[purchase], minlength=n_months)
    p_cust = p.cust[purchase]
    p_month = p.month[purchase]
    new_pair = group_starts(p_cust, p_month)
    active_m = np.bincount(p_month[new_pair] - m0, minlength=n_months)
    first_m = p.first_month - m0
    new_m = np.bincount(first_m, minlength=n_months)
    is_new_row = p.month == p.first_month[p.cust]
    new_rev_m = np.bincount(mi[is_new_row], weights=p.amount[is_new_row], minlength=n_months)

    quantity = p.column("quantity")
    items_m: FloatArray | None = None
    qorders_m: FloatArray | None = None
    items_total: float | None = None
    if quantity is not None:
        q = pd.to_numeric(pd.Series(quantity), errors="coerce").to_numpy(
            dtype=np.float64, na_value=np.nan
        )
        ok = purchase & np.isfinite(q)
        items = np.bincount(mi[ok], weights=q[ok], minlength=n_months).astype(np.float64)
        qorders = np.bincount(mi[ok], minlength=n_months).astype(np.float64)
        items_total = ratio(float(items.sum()), float(qorders.sum()))
        items_m, qorders_m = items, qorders

    monthly = []
    for i in range(n_months):
        active = int(active_m[i])
        returning = active - int(new_m[i])
        monthly.append(
            PeriodMetrics(
                month=month_label(m0 + i),
                revenue=float(revenue_m[i]),
                orders=int(orders_m[i]),
                customers=active,
                new_customers=int(new_m[i]),
                returning_customers=returning,
                new_revenue=float(new_rev_m[i]),
                returning_revenue=float(revenue_m[i] - new_rev_m[i]),
                aov=ratio(float(revenue_m[i]), float(orders_m[i])),
                items_per_order=(
                    ratio(float(items_m[i]), float(qorders_m[i]))
                    if items_m is not None and qorders_m is not None
                    else None
                ),
                orders_per_customer=ratio(float(orders_m[i]), active),
                repeat_rate=ratio(returning, active),
                partial=bool(i == n_months - 1 and p.last_month_partial),
            )
        )

    frame = p.customers.frame
    freq = frame["frequency"].to_numpy(dtype=np.int64)
    monetary = frame["monetary"].to_numpy(dtype=np.float64)
    # the first purchase of each customer is the first purchase row in sorted order
    p_amount = p.amount[purchase]
    first_rows = group_starts(p_cust)
    first_order_revenue = float(p_amount[first_rows].sum())
    revenue = float(p.amount.sum() + p.orphan_amount.sum())
    orders_total = int(purchase.sum())
    k, top = top_share(monetary)
    all_days = p.day
    return GrowthMetrics(
        as_of=p.as_of,
        date_from=from_day(int(all_days.min())) if all_days.size else None,
        date_to=from_day(int(all_days.max())) if all_days.size else None,
        revenue=revenue,
        gross_sales=float(p.amount[purchase].sum()),
        returns_amount=float(-p.amount[~purchase].sum() - p.orphan_amount.sum()),
        returns=int((~purchase).sum() + p.orphan_amount.size),
        orders=orders_total,
        customers=n,
        aov=ratio(revenue, orders_total),
        items_per_order=items_total,
        orders_per_customer=ratio(orders_total, n),
        repeat_rate=ratio(int((freq >= 2).sum()), n),
        one_time_customers=int((freq == 1).sum()),
        repeat_customers=int((freq >= 2).sum()),
        first_order_revenue=first_order_revenue,
        repeat_order_revenue=revenue - first_order_revenue,
        top20_customers=k,
        top20_revenue_share=top,
        cancelled=int(p.counts.get("cancelled", 0)),
        refunded=int(p.counts.get("refunded", 0)),
        open=int(p.counts.get("open", 0)),
        monthly=tuple(monthly),
    )


@dataclass(frozen=True)
class ListMetrics:
    """What a customer-list file's aggregates allow (no monthly series: needs transactions).

    ``revenue`` = sum of ``total_spent``, ``orders`` = sum of ``orders_count`` (over customers
    where known); ``aov = revenue / orders`` over customers with both known;
    ``repeat_rate`` = share with ``orders_count >= 2`` among customers where it is known;
    ``top20_revenue_share`` as for transactions, on ``total_spent``.
    """

    as_of: date
    customers: int
    with_orders_count: int
    with_total_spent: int
    revenue: float | None
    orders: int | None
    aov: float | None
    orders_per_customer: float | None
    repeat_rate: float | None
    one_time_customers: int | None
    repeat_customers: int | None
    top20_customers: int
    top20_revenue_share: float | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        return {
            "computed_on": "customer_list",
            "as_of": self.as_of.isoformat(),
            "customers": self.customers,
            "with_orders_count": self.with_orders_count,
            "with_total_spent": self.with_total_spent,
            "revenue": rnd(self.revenue),
            "orders": self.orders,
            "aov": rnd(self.aov),
            "orders_per_customer": rnd(self.orders_per_customer, 3),
            "repeat_rate": rnd(self.repeat_rate, 4),
            "one_time_customers": self.one_time_customers,
            "repeat_customers": self.repeat_customers,
            "top20_customers": self.top20_customers,
            "top20_revenue_share": rnd(self.top20_revenue_share, 4),
            "monthly": [],
        }


def compute_list_metrics(table: CustomerTable) -> ListMetrics:
    """Growth metrics from a customer list's ``orders_count`` and ``total_spent``."""
    f = table.frame
    freq = f["frequency"].to_numpy(dtype=np.float64, na_value=np.nan)
    money = f["monetary"].to_numpy(dtype=np.float64, na_value=np.nan)
    has_f = np.isfinite(freq)
    has_m = np.isfinite(money)
    both = has_f & has_m
    n_f = int(has_f.sum())
    n_m = int(has_m.sum())
    k, top = top_share(money[has_m]) if n_m else (0, None)
    return ListMetrics(
        as_of=table.as_of,
        customers=table.n,
        with_orders_count=n_f,
        with_total_spent=n_m,
        revenue=float(money[has_m].sum()) if n_m else None,
        orders=int(freq[has_f].sum()) if n_f else None,
        aov=ratio(float(money[both].sum()), float(freq[both].sum())) if both.any() else None,
        orders_per_customer=ratio(float(freq[has_f].sum()), n_f) if n_f else None,
        repeat_rate=ratio(int((freq[has_f] >= 2).sum()), n_f) if n_f else None,
        one_time_customers=int((freq[has_f] == 1).sum()) if n_f else None,
        repeat_customers=int((freq[has_f] >= 2).sum()) if n_f else None,
        top20_customers=k,
        top20_revenue_share=top,
    )
