"""Independent, plain-pandas reference calculations (slow but obvious) for the audit tests.

Nothing here imports the code under test: each figure is recomputed from its definition in
docs/metrics.md with groupby / Period arithmetic / small loops over months.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pandas as pd


def sales(orders: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Valid rows before as_of, with day and month columns."""
    df = orders[(orders["status"] == "valid") & orders["order_date"].notna()].copy()
    df = df[df["order_date"] < pd.Timestamp(as_of)]
    df["d"] = df["order_date"].dt.normalize()
    df["month"] = df["order_date"].dt.to_period("M")
    return df


def purchases(orders: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Purchases (valid, amount >= 0) before as_of."""
    s = sales(orders, as_of)
    return s[s["amount"] >= 0]


def default_as_of(orders: pd.DataFrame) -> date:
    """Day after the last order date."""
    last = pd.Timestamp(orders["order_date"].max()).normalize()
    return (last + pd.Timedelta(days=1)).date()


def months(orders: pd.DataFrame, as_of: date) -> pd.PeriodIndex:
    """Calendar months from the first sale to the month of as_of - 1 day."""
    s = sales(orders, as_of)
    last = pd.Period(as_of - timedelta(days=1), "M")
    return pd.period_range(s["month"].min(), last, freq="M")


def monthly_metrics(orders: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Revenue, orders, active customers, new customers and new revenue per month."""
    s = sales(orders, as_of)
    p = s[s["amount"] >= 0]
    buyers = set(p["customer_key"])
    first = p.groupby("customer_key")["month"].min()
    idx = months(orders, as_of)
    out = pd.DataFrame(index=idx)
    out["revenue"] = s.groupby("month")["amount"].sum().reindex(idx, fill_value=0.0)
    out["orders"] = p.groupby("month").size().reindex(idx, fill_value=0)
    out["customers"] = p.groupby("month")["customer_key"].nunique().reindex(idx, fill_value=0)
    out["new"] = first.value_counts().reindex(idx, fill_value=0)
    s_known = s[s["customer_key"].isin(buyers)].copy()
    s_known["is_new"] = s_known["month"] == s_known["customer_key"].map(first)
    out["new_revenue"] = (
        s_known[s_known["is_new"]].groupby("month")["amount"].sum().reindex(idx, fill_value=0.0)
    )
    return out


def customer_table(orders: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Per customer: first, last, frequency, monetary, recency (sorted by key)."""
    s = sales(orders, as_of)
    p = s[s["amount"] >= 0]
    g = p.groupby("customer_key")
    out = pd.DataFrame(
        {
            "first": g["d"].min(),
            "last": g["d"].max(),
            "frequency": g.size(),
            "days": g["d"].nunique(),
        }
    )
    out["monetary"] = s.groupby("customer_key")["amount"].sum().reindex(out.index)
    out["recency"] = (pd.Timestamp(as_of) - out["last"]).dt.days
    return out.sort_index()


def churn_window(orders: pd.DataFrame, as_of: date) -> int:
    """P90 of gaps between distinct purchase days, ceil, clamped to 30..365; 90 if < 30 gaps."""
    p = purchases(orders, as_of)
    days = p[["customer_key", "d"]].drop_duplicates().sort_values(["customer_key", "d"])
    gaps = days.groupby("customer_key")["d"].diff().dt.days.dropna()
    gaps = gaps[gaps > 0]
    if len(gaps) < 30:
        return 90
    return int(min(365, max(30, math.ceil(np.percentile(gaps.to_numpy(), 90) - 1e-9))))


def lifecycle(orders: pd.DataFrame, as_of: date, window: int) -> pd.DataFrame:
    """Monthly lifecycle from the state definitions, month-end by month-end."""
    p = purchases(orders, as_of)
    days = p[["customer_key", "d", "month"]].drop_duplicates().sort_values(["customer_key", "d"])
    days["prev"] = days.groupby("customer_key")["d"].shift()
    days["next"] = days.groupby("customer_key")["d"].shift(-1)
    first = days.groupby("customer_key")["d"].min()
    idx = months(orders, as_of)
    last_day = pd.Timestamp(as_of) - pd.Timedelta(days=1)
    rows = []
    w = pd.Timedelta(days=window)
    # churn events: L + W when the next purchase is more than W days later (or never)
    gone = days[(days["next"].isna()) | (days["next"] - days["d"] > w)]
    event = gone["d"] + w
    event = event[event <= last_day]
    events = event.dt.to_period("M").value_counts()
    for m in idx:
        end = min(m.end_time.normalize(), last_day)
        start = m.start_time
        upto = days[days["d"] <= end]
        latest = upto.groupby("customer_key")["d"].max()
        in_month = days[(days["d"] >= start) & (days["d"] <= end)]
        active = in_month["customer_key"].nunique()
        new = int(((first >= start) & (first <= end)).sum())
        first_in_month = in_month.groupby("customer_key").head(1)
        reactivated = int(((first_in_month["d"] - first_in_month["prev"]) > w).sum())
        rows.append(
            {
                "month": m,
                "total_base": len(latest),
                "active": active,
                "active_90d": int((latest >= end - pd.Timedelta(days=89)).sum()),
                "active_base": int((end - latest < w).sum()),
                "new": new,
                "returning": active - new,
                "reactivated": reactivated,
                "churned": int(events.get(m, 0)),
            }
        )
    return pd.DataFrame(rows).set_index("month")


def cohort_retention(orders: pd.DataFrame, as_of: date) -> dict[str, list[float]]:
    """Share of each first-purchase-month cohort active in each month since."""
    p = purchases(orders, as_of)
    first = p.groupby("customer_key")["month"].min().rename("cohort")
    p = p.join(first, on="customer_key")
    p["age"] = (p["month"] - p["cohort"]).apply(lambda x: x.n)
    size = first.value_counts()
    last = pd.Period(as_of - timedelta(days=1), "M")
    active = p.groupby(["cohort", "age"])["customer_key"].nunique()
    out: dict[str, list[float]] = {}
    for cohort in sorted(size.index):
        length = (last - cohort).n + 1
        out[str(cohort)] = [
            float(active.get((cohort, k), 0)) / float(size[cohort]) for k in range(length)
        ]
    return out


def cohort_revenue(orders: pd.DataFrame, as_of: date) -> dict[str, list[float]]:
    """Net revenue of each cohort per month since its start."""
    s = sales(orders, as_of)
    p = s[s["amount"] >= 0]
    first = p.groupby("customer_key")["month"].min().rename("cohort")
    s = s.join(first, on="customer_key", how="inner")
    s["age"] = (s["month"] - s["cohort"]).apply(lambda x: x.n)
    s = s[s["age"] >= 0]
    rev = s.groupby(["cohort", "age"])["amount"].sum()
    last = pd.Period(as_of - timedelta(days=1), "M")
    return {
        str(c): [float(rev.get((c, k), 0.0)) for k in range((last - c).n + 1)]
        for c in sorted(first.unique())
    }


def quintile_scores(values: pd.Series, reverse: bool = False) -> pd.Series:
    """Mid-rank quintile: min(5, floor(5 x (average rank - 0.5) / n) + 1)."""
    v = -values if reverse else values
    rank = v.rank(method="average")
    n = len(v)
    return pd.Series(np.minimum(5, np.floor(5 * (rank - 0.5) / n).astype(int) + 1))
