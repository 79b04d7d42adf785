"""Breakdowns of the customer base by city, channel, main category, RFM segment; ratings and NPS.

Computed on the per-customer table (:mod:`analytics.describe.customers`), so each customer
counts once, in one group: ``city`` = city of the last purchase naming one, ``channel`` =
channel of the first purchase (acquisition), ``main_category`` = the category with the most
purchase revenue.
Per group:

* ``customers``, ``share`` (of all customers in the table),
* ``revenue`` (their net revenue, all of it, whatever was bought) and ``revenue_share``,
* ``orders``, ``aov = revenue / orders``, ``revenue_per_customer``,
* ``repeat_rate`` = share of the group's customers with 2+ purchases,
* where ratings exist: ``rated`` (customers with a rating), ``avg_rating`` and ``nps``.

Groups are sorted by customers (then by name); beyond the top :data:`TOP_GROUPS` they are
merged into one ``other`` row; customers without a value form the ``unknown`` row.

Category revenue by order (``category_orders``) is also given: per order category, the
purchases, the net revenue of sale rows in that category and the distinct buyers.

NPS, on each customer's last rating (one vote per customer). The scale is read from the
values: all within 0..5 -> 5-point scale (promoter 5, passive 4, detractor 1-3); within
0..10 -> 10-point (promoter 9-10, passive 7-8, detractor 0-6); otherwise no NPS.
``nps = 100 x (promoters - detractors) / rated``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from analytics.describe.customers import (
    CustomerTable,
    FloatArray,
    PreparedOrders,
    pair_counts,
    ratio,
    rnd,
)

TOP_GROUPS = 15
DIMENSIONS: tuple[str, ...] = ("city", "channel", "main_category")

Scale = Literal["five", "ten"]
GroupKind = Literal["value", "other", "unknown"]


def rating_scale(ratings: FloatArray) -> Scale | None:
    """The rating scale of the values (see the module docstring), ``None`` when unknown."""
    r = ratings[np.isfinite(ratings)]
    if r.size == 0 or r.min() < 0:
        return None
    if r.max() <= 5:
        return "five"
    if r.max() <= 10:
        return "ten"
    return None


def nps_classes(ratings: FloatArray, scale: Scale) -> tuple[npt.NDArray[np.bool_], ...]:
    """Masks (rated, promoter, detractor) for ratings on ``scale``."""
    rated = np.isfinite(ratings)
    r = np.where(rated, ratings, -1.0)
    if scale == "five":
        return rated, rated & (r >= 5), rated & (r <= 3)
    return rated, rated & (r >= 9), rated & (r <= 6)


@dataclass(frozen=True)
class Nps:
    """Ratings summary and NPS of the customers who rated."""

    scale: Scale | None
    rated: int
    avg_rating: float | None
    promoters: int
    passives: int
    detractors: int
    nps: float | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        return {
            "computed_on": "last_rating_per_customer",
            "scale": self.scale,
            "rated": self.rated,
            "avg_rating": rnd(self.avg_rating, 2),
            "promoters": self.promoters,
            "passives": self.passives,
            "detractors": self.detractors,
            "nps": rnd(self.nps, 1),
        }


def compute_nps(ratings: FloatArray, scale: Scale | None = None) -> Nps:
    """NPS of a vector of ratings (NaN = not rated)."""
    r = np.asarray(ratings, dtype=np.float64)
    rated_mask = np.isfinite(r)
    rated = int(rated_mask.sum())
    avg = float(r[rated_mask].mean()) if rated else None
    scale = scale or rating_scale(r)
    if scale is None or rated == 0:
        return Nps(scale, rated, avg, 0, 0, 0, None)
    _, pro, det = nps_classes(r, scale)
    p, d = int(pro.sum()), int(det.sum())
    return Nps(scale, rated, avg, p, rated - p - d, d, 100.0 * (p - d) / rated)


@dataclass(frozen=True)
class Group:
    """One row of a breakdown."""

    value: str | None
    kind: GroupKind
    customers: int
    share: float | None
    revenue: float
    revenue_share: float | None
    orders: int
    aov: float | None
    revenue_per_customer: float | None
    repeat_rate: float | None
    rated: int | None = None
    avg_rating: float | None = None
    nps: float | None = None
    groups: int = 1

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        out: dict[str, Any] = {
            "value": self.value,
            "kind": self.kind,
            "customers": self.customers,
            "share": rnd(self.share, 4),
            "revenue": rnd(self.revenue),
            "revenue_share": rnd(self.revenue_share, 4),
            "orders": self.orders,
            "aov": rnd(self.aov),
            "revenue_per_customer": rnd(self.revenue_per_customer),
            "repeat_rate": rnd(self.repeat_rate, 4),
        }
        if self.rated is not None:
            out.update(rated=self.rated, avg_rating=rnd(self.avg_rating, 2), nps=rnd(self.nps, 1))
        if self.kind == "other":
            out["groups"] = self.groups
        return out


@dataclass(frozen=True)
class Breakdown:
    """Customers split by one dimension."""

    dimension: str
    groups: tuple[Group, ...]
    distinct_values: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        return {
            "dimension": self.dimension,
            "computed_on": "customers",
            "distinct_values": self.distinct_values,
            "groups": [g.to_dict() for g in self.groups],
        }


@dataclass(frozen=True)
class CategoryOrders:
    """Purchases and revenue per order category."""

    value: str
    orders: int
    revenue: float
    revenue_share: float | None
    customers: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        return {
            "value": self.value,
            "orders": self.orders,
            "revenue": rnd(self.revenue),
            "revenue_share": rnd(self.revenue_share, 4),
            "customers": self.customers,
        }


@dataclass(frozen=True)
class Breakdowns:
    """All breakdowns the columns allow, plus ratings/NPS."""

    by: dict[str, Breakdown]
    nps: Nps | None
    category_orders: tuple[CategoryOrders, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values; absent dimensions are simply missing from ``by``."""
        return {
            "by": {k: v.to_dict() for k, v in self.by.items()},
            "nps": self.nps.to_dict() if self.nps is not None else None,
            "category_orders": [c.to_dict() for c in self.category_orders],
        }


def _stats(
    *,
    idx: npt.NDArray[np.int64],
    k: int,
    frequency: FloatArray,
    monetary: FloatArray,
    ratings: FloatArray | None,
    scale: Scale | None,
) -> dict[str, npt.NDArray[Any]]:
    freq = np.where(np.isfinite(frequency), frequency, 0.0)
    money = np.where(np.isfinite(monetary), monetary, 0.0)
    out = {
        "customers": np.bincount(idx, minlength=k),
        "revenue": np.bincount(idx, weights=money, minlength=k),
        "orders": np.bincount(idx, weights=freq, minlength=k),
        "repeat": np.bincount(idx, weights=(frequency >= 2).astype(float), minlength=k),
        "freq_known": np.bincount(idx, weights=np.isfinite(frequency).astype(float), minlength=k),
    }
    if ratings is not None:
        rated = np.isfinite(ratings)
        out["rated"] = np.bincount(idx, weights=rated.astype(float), minlength=k)
        out["rating_sum"] = np.bincount(idx, weights=np.where(rated, ratings, 0.0), minlength=k)
        if scale is not None:
            _, pro, det = nps_classes(ratings, scale)
            out["pro"] = np.bincount(idx, weights=pro.astype(float), minlength=k)
            out["det"] = np.bincount(idx, weights=det.astype(float), minlength=k)
    return out


def breakdown(
    table: CustomerTable,
    dimension: str,
    labels: pd.Series | None = None,
    *,
    top: int = TOP_GROUPS,
) -> Breakdown:
    """Split the customers by ``labels`` (default: the table's ``dimension`` column)."""
    frame = table.frame
    values = labels if labels is not None else frame[dimension]
    raw = pd.Series(values).to_numpy(dtype=object)
    codes, uniques = pd.factorize(raw, sort=True)
    n = len(frame)
    k = len(uniques)
    frequency = frame["frequency"].to_numpy(dtype=np.float64, na_value=np.nan)
    monetary = frame["monetary"].to_numpy(dtype=np.float64, na_value=np.nan)
    ratings = (
        frame["rating"].to_numpy(dtype=np.float64, na_value=np.nan) if "rating" in frame else None
    )
    scale = rating_scale(ratings) if ratings is not None else None
    idx = np.where(codes < 0, k, codes).astype(np.int64)
    st = _stats(
        idx=idx, k=k + 1, frequency=frequency, monetary=monetary, ratings=ratings, scale=scale
    )
    total_revenue = float(np.nansum(np.where(np.isfinite(monetary), monetary, 0.0)))

    order = sorted(range(k), key=lambda i: (-int(st["customers"][i]), str(uniques[i])))
    shown = order[:top]
    rest = order[top:]

    def make(sel: list[int], value: str | None, kind: GroupKind) -> Group:
        def s(name: str) -> float:
            return float(st[name][sel].sum())

        customers = int(s("customers"))
        revenue = s("revenue")
        orders = s("orders")
        rated = int(s("rated")) if ratings is not None else None
        nps = None
        if rated and scale is not None:
            nps = 100.0 * (s("pro") - s("det")) / rated
        return Group(
            value=value,
            kind=kind,
            customers=customers,
            share=ratio(customers, n),
            revenue=revenue,
            revenue_share=ratio(revenue, total_revenue) if total_revenue > 0 else None,
            orders=round(orders),
            aov=ratio(revenue, orders),
            revenue_per_customer=ratio(revenue, customers),
            repeat_rate=ratio(s("repeat"), s("freq_known")),
            rated=rated,
            avg_rating=ratio(s("rating_sum"), rated) if rated else None,
            nps=nps,
            groups=len(sel),
        )

    groups = [make([i], str(uniques[i]), "value") for i in shown]
    if rest:
        groups.append(make(rest, None, "other"))
    if int(st["customers"][k]) > 0:
        groups.append(make([k], None, "unknown"))
    return Breakdown(dimension=dimension, groups=tuple(groups), distinct_values=k)


def category_orders(prepared: PreparedOrders) -> tuple[CategoryOrders, ...]:
    """Purchases, net revenue and distinct buyers per order category (empty without one)."""
    found = prepared.column_codes("category")
    if found is None:
        return ()
    codes_all, uniques = found
    present = codes_all >= 0
    k = len(uniques)
    if k == 0 or not present.any():
        return ()
    codes = codes_all[present]
    amount = prepared.amount[present]
    purchase = prepared.is_purchase[present]
    cust = prepared.cust[present]
    orders = np.bincount(codes[purchase], minlength=k)
    revenue = np.bincount(codes, weights=amount, minlength=k)
    _, pair_code, _, _ = pair_counts(cust[purchase], codes[purchase], k)
    buyers = np.bincount(pair_code, minlength=k)
    total = float(prepared.amount.sum())
    order = np.lexsort((np.arange(k), -revenue))
    return tuple(
        CategoryOrders(
            value=str(uniques[i]),
            orders=int(orders[i]),
            revenue=float(revenue[i]),
            revenue_share=ratio(float(revenue[i]), total) if total > 0 else None,
            customers=int(buyers[i]),
        )
        for i in order
    )


def compute_breakdowns(
    table: CustomerTable,
    prepared: PreparedOrders | None = None,
    *,
    segments: pd.Series | None = None,
) -> Breakdowns:
    """Every breakdown the table's columns allow (and by RFM segment when given)."""
    by: dict[str, Breakdown] = {}
    for dim in DIMENSIONS:
        if dim in table.frame and table.frame[dim].notna().any():
            by[dim] = breakdown(table, dim)
    if segments is not None:
        by["rfm_segment"] = breakdown(table, "rfm_segment", segments, top=len(segments) + 1)
    nps = None
    if "rating" in table.frame and table.frame["rating"].notna().any():
        nps = compute_nps(table.frame["rating"].to_numpy(dtype=np.float64, na_value=np.nan))
    cats = category_orders(prepared) if prepared is not None else ()
    return Breakdowns(by=by, nps=nps, category_orders=cats)
