"""Rates observed in the base's own history, for valuing growth steps (DIAGNOSIS.md 9).

A growth step's money figure rests on a rate: how many lapsed customers come back, how many
first-time buyers buy a second time, how many regulars lapse. Where the base has a history,
those rates are taken from it, pooled over its last 12 complete months (never the single
best month or cohort); the advice falls back to a stated default where it has none.

All rates count purchase days (several orders on one day are one purchase occasion) and use
the base's churn window ``W`` (days, :mod:`analytics.describe.lifecycle`): a customer is
*lapsed* on a day when his last purchase is more than ``W`` days before it.

- ``return``: each month, the customers lapsed at its start whose last purchase is at most
  a year older than the lapse (recently lapsed, as the steps target), and how many of them
  bought in the month. The monthly rate ``h`` = returned / lapsed, pooled over the months;
  over 12 months ``1 - (1 - h)^12``.
- ``second_purchase``: customers whose first purchase falls in the 12 months that end ``W``
  days before the data's end (their window has closed), and the share of them who bought
  again within ``W`` days of the first purchase.
- ``lapse``: each month, the regulars (:data:`REGULAR_PURCHASES` or more purchase days, as
  the core customers the retention steps target) not lapsed at its start, and how many of
  them lapsed in it without buying; over 12 months as ``return``.

``one_time_open``: the one-time buyers whose window is still open (their purchase within
``W`` days of the data's end) and their revenue: the customers a second-purchase step can
still reach at the rate above. ``revenue_12m``: each RFM segment's revenue in the 365 days
before the data's end, the base for the caps on the steps aimed at customers active in that
year.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from analytics.describe.customers import PreparedOrders, month_start_day, rnd

HISTORY_MONTHS = 12
"""Months pooled for every rate: the last 12 complete months."""
MIN_CUSTOMERS = 30
"""A rate observed on fewer distinct customers is not used (the default is stated instead)."""
MIN_EVENTS = 5
"""Nor one resting on fewer events: a rate of 0 of 108 says the base never did it, not what
a step that makes it happen may bring."""
YEAR_DAYS = 365
REGULAR_PURCHASES = 3
"""Purchase days that make a customer a regular, for the ``lapse`` rate."""

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class ObservedRate:
    """A rate observed in the base: ``events`` of ``exposure`` (customer-months for monthly
    rates, customers for ``second_purchase``) among ``customers`` distinct customers;
    ``rate`` over the step's horizon, ``monthly`` the pooled monthly rate where there is one."""

    code: str
    customers: int
    exposure: int
    events: int
    rate: float
    monthly: float | None
    months: int

    @property
    def usable(self) -> bool:
        """Observed on enough distinct customers and events to be used."""
        return self.customers >= MIN_CUSTOMERS and self.events >= MIN_EVENTS

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"customers": self.customers, "exposure": self.exposure, "events": self.events,
                "rate": rnd(self.rate, 4), "monthly": rnd(self.monthly, 4),
                "months": self.months, "usable": self.usable}


@dataclass(frozen=True)
class History:
    """The observed rates and the segments' revenue of the last 12 months."""

    window_days: int
    rates: dict[str, ObservedRate]
    revenue_12m: dict[str, float]
    one_time_open: tuple[int, float] = (0, 0.0)

    def to_dict(self) -> dict[str, Any]:
        """The ``history`` section of report.json."""
        return {
            "computed_on": "purchase_days",
            "window_days": self.window_days,
            "months": HISTORY_MONTHS,
            "min_customers": MIN_CUSTOMERS,
            "min_events": MIN_EVENTS,
            "rates": {code: r.to_dict() for code, r in self.rates.items()},
            "revenue_12m": {code: rnd(v) for code, v in self.revenue_12m.items()},
            "one_time_open": {"customers": self.one_time_open[0],
                              "revenue": rnd(self.one_time_open[1])},
        }


def compute_history(prepared: PreparedOrders, window_days: int,
                    segment_labels: npt.NDArray[Any] | None = None) -> History:
    """The observed rates of ``prepared`` with churn window ``window_days``;
    ``segment_labels`` (one RFM code per customer) adds each segment's revenue of the
    last 365 days."""
    cust, day = _purchase_days(prepared)
    months = _complete_months(prepared)
    rates = _monthly_rates(cust, day, months=months, window=window_days,
                           n_customers=prepared.n_customers)
    rates["second_purchase"] = _second_purchase(cust, day, prepared.as_of_day, window_days)
    return History(window_days, rates, _revenue_12m(prepared, segment_labels),
                   _one_time_open(prepared, cust, day, window_days))


def _purchase_days(prepared: PreparedOrders) -> tuple[IntArray, IntArray]:
    """Distinct (customer, day) purchase occasions, sorted by customer then day."""
    keep = prepared.is_purchase
    cust, day = prepared.cust[keep].astype(np.int64), prepared.day[keep].astype(np.int64)
    if cust.size == 0:
        return cust, day
    new = np.ones(cust.size, dtype=bool)
    new[1:] = (cust[1:] != cust[:-1]) | (day[1:] != day[:-1])
    return cust[new], day[new]


def _complete_months(prepared: PreparedOrders) -> list[tuple[int, int]]:
    """(start day, end day exclusive) of the last :data:`HISTORY_MONTHS` complete months."""
    first, last = prepared.month_range
    if prepared.last_month_partial:
        last -= 1
    chosen = np.arange(max(first, last - HISTORY_MONTHS + 1), last + 1, dtype=np.int64)
    starts = month_start_day(chosen)
    ends = month_start_day(chosen + 1)
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def _monthly_rates(cust: IntArray, day: IntArray, *, months: list[tuple[int, int]],
                   window: int, n_customers: int) -> dict[str, ObservedRate]:
    """The pooled monthly ``return`` and ``lapse`` rates over ``months``."""
    counts = {code: [0, 0] for code in ("return", "lapse")}  # exposure, events
    seen = {code: np.zeros(n_customers, dtype=bool) for code in counts}
    if cust.size:
        offset = int(day.min())
        span = int(day.max()) - offset + 2
        keys = cust * span + (day - offset)
        ids = np.arange(n_customers, dtype=np.int64)
        starts = np.searchsorted(cust, ids, side="left")
        ends = np.searchsorted(cust, ids, side="right")
        for start, end in months:
            # first purchase on or after the month's start, per customer (clipped to the data)
            s = min(max(start - offset, 0), span - 1)
            pos = np.searchsorted(keys, ids * span + s, side="left")
            before = pos - starts
            prev = np.where(before > 0, day[np.maximum(pos - 1, 0)], -(10**9))
            nxt = np.where(pos < ends, day[np.minimum(pos, cust.size - 1)], 10**9)
            silent = start - prev
            lapsed = (before > 0) & (silent > window) & (silent <= window + YEAR_DAYS)
            regular = (before >= REGULAR_PURCHASES) & (silent <= window)
            lapse_day = prev + window + 1
            for code, at_risk, event in (
                ("return", lapsed, lapsed & (nxt < end)),
                ("lapse", regular, regular & (lapse_day < end) & (nxt >= lapse_day)),
            ):
                counts[code][0] += int(at_risk.sum())
                counts[code][1] += int(event.sum())
                seen[code] |= at_risk
    out = {}
    for code, (exposure, events) in counts.items():
        monthly = events / exposure if exposure else None
        rate = 1.0 - (1.0 - monthly) ** HISTORY_MONTHS if monthly is not None else 0.0
        out[code] = ObservedRate(code, int(seen[code].sum()), exposure, events, rate, monthly,
                                 len(months))
    return out


def _second_purchase(cust: IntArray, day: IntArray, as_of_day: int,
                     window: int) -> ObservedRate:
    """Share of the customers first seen in the 12 months before ``as_of - window`` who
    bought again within ``window`` days of their first purchase."""
    if cust.size == 0:
        return ObservedRate("second_purchase", 0, 0, 0, 0.0, None, HISTORY_MONTHS)
    first = np.ones(cust.size, dtype=bool)
    first[1:] = cust[1:] != cust[:-1]
    idx = np.flatnonzero(first)
    first_day = day[idx]
    nxt = idx + 1
    has_second = (nxt < cust.size) & (cust[np.minimum(nxt, cust.size - 1)] == cust[idx])
    second_day = np.where(has_second, day[np.minimum(nxt, cust.size - 1)], 10**9)
    closed = as_of_day - window
    eligible = (first_day < closed) & (first_day >= closed - YEAR_DAYS)
    event = eligible & (second_day - first_day <= window)
    n, k = int(eligible.sum()), int(event.sum())
    return ObservedRate("second_purchase", n, n, k, k / n if n else 0.0, None, HISTORY_MONTHS)


def _one_time_open(prepared: PreparedOrders, cust: IntArray, day: IntArray,
                   window: int) -> tuple[int, float]:
    """One-time buyers (one purchase day) whose purchase is within ``window`` days of the
    data's end, and their revenue."""
    counts = np.bincount(cust, minlength=prepared.n_customers)
    last = np.full(prepared.n_customers, -(10**9), dtype=np.int64)
    np.maximum.at(last, cust, day)
    chosen = (counts == 1) & (last >= prepared.as_of_day - window)
    revenue = np.bincount(prepared.cust, weights=prepared.amount, minlength=prepared.n_customers)
    return int(chosen.sum()), float(revenue[chosen].sum())


def _revenue_12m(prepared: PreparedOrders,
                 labels: npt.NDArray[Any] | None) -> dict[str, float]:
    """Revenue of the last 365 days per segment code (returns included)."""
    if labels is None or prepared.cust.size == 0:
        return {}
    recent = prepared.day >= prepared.as_of_day - YEAR_DAYS
    sums = np.bincount(prepared.cust[recent], weights=prepared.amount[recent],
                       minlength=prepared.n_customers)
    codes = np.asarray(labels, dtype=object)
    out: dict[str, float] = {}
    for code in dict.fromkeys(codes.tolist()):
        if code is not None:
            out[str(code)] = float(sums[codes == code].sum())
    return out

