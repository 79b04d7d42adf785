"""Holdout check of the CLV models: calibrate on the start of the data, predict the rest.

The period ``[first purchase, as_of)`` is cut at ``split``. BG/NBD and Gamma-Gamma are
fitted (with :func:`analytics.predict.clv.fit_models`, the rules of
:func:`analytics.predict.clv.run_clv`) on the customers who bought before ``split``,
summarised at ``split`` exactly as the audit summarises them at ``as_of``: ``x`` = purchase
days - 1, ``t_x`` = last - first purchase day, ``T`` = split - first purchase day, mean
value = purchase amount / purchase days (the first purchase included). Their expected
purchases in the holdout ``[split, as_of)`` are compared with the purchase days they
actually had there (customers acquired after ``split`` are not part of the check: the
conditional forecast is about known customers).

Reported (Fader, Hardie & Lee 2005, section 4, do the same with CDNOW's 39 + 39 weeks):

* aggregate repeat purchases predicted vs actual and the relative error;
* per-customer mean absolute error, next to the MAE of a naive forecast (each customer keeps
  the purchase rate ``x / T`` of the calibration period) so the figure has a yardstick;
* conditional expectations by calibration frequency ``x`` = 0, 1, ..., 6, 7+: customers,
  mean actual and mean predicted holdout purchases (FHL 2005, figure 4);
* holdout revenue predicted (expected purchases x Gamma-Gamma spend, undiscounted) vs actual.

"Long enough" (:func:`holdout_split`): the holdout is half the period, at most 365 days
(the longest horizon the report forecasts), and the period must be at least
:data:`MIN_HOLDOUT_PERIOD_DAYS` = 180 days so that both halves reach 90 days, the shortest
forecast horizon and :data:`analytics.predict.clv.MIN_PERIOD_DAYS`. The calibration is never shorter
than the holdout: a model should not be asked to forecast further than it has seen.
Otherwise ``status`` is ``too_short_period``; ``too_few_repeat_buyers`` and
``did_not_converge`` as in :func:`analytics.predict.clv.run_clv`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from analytics.describe.customers import (
    IntArray,
    PreparedOrders,
    from_day,
    group_starts,
    prepare_orders,
    rnd,
    to_day,
)
from analytics.predict.clv import (
    MIN_PERIOD_DAYS,
    MIN_REPEAT_BUYERS,
    THREADS,
    BgNbdFit,
    FloatArray,
    GammaGammaFit,
    Status,
    clv,
    fit_models,
)

MIN_HOLDOUT_PERIOD_DAYS = 2 * MIN_PERIOD_DAYS
MAX_HOLDOUT_DAYS = 365
BUCKETS = 7  # x = 0 .. 6 and "7+"


@dataclass(frozen=True)
class HoldoutBucket:
    """Calibration customers with ``x`` repeat purchases (the last bucket: ``x >= x_min``)."""

    x: str
    customers: int
    actual_mean: float
    predicted_mean: float

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready row."""
        return {
            "x": self.x,
            "customers": self.customers,
            "actual_mean": rnd(self.actual_mean, 4),
            "predicted_mean": rnd(self.predicted_mean, 4),
        }


@dataclass(frozen=True, eq=False)
class HoldoutResult:
    """Calibration/holdout comparison; the error figures are ``None`` unless ``ok``."""

    status: Status
    date_from: date | None
    split: date | None
    date_to: date | None  # exclusive
    calibration_days: int
    holdout_days: int
    customers: int = 0
    repeat_buyers: int = 0
    bgnbd: BgNbdFit | None = None
    gamma_gamma: GammaGammaFit | None = None
    actual_purchases: float | None = None
    predicted_purchases: float | None = None
    mae: float | None = None
    naive_mae: float | None = None
    actual_value: float | None = None
    predicted_value: float | None = None
    buckets: tuple[HoldoutBucket, ...] = ()

    @property
    def error(self) -> float | None:
        """Relative error of the aggregate purchases forecast, ``(predicted - actual) / actual``."""
        if self.actual_purchases is None or self.predicted_purchases is None:
            return None
        if self.actual_purchases <= 0:
            return None
        return self.predicted_purchases / self.actual_purchases - 1.0

    @property
    def value_error(self) -> float | None:
        """Relative error of the holdout revenue forecast."""
        if self.actual_value is None or self.predicted_value is None or self.actual_value <= 0:
            return None
        return self.predicted_value / self.actual_value - 1.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (``clv.holdout`` in report.json)."""
        iso = {
            k: None if v is None else v.isoformat()
            for k, v in (("date_from", self.date_from), ("split", self.split))
        }
        return {
            "status": self.status,
            **iso,
            "date_to": None if self.date_to is None else (self.date_to - timedelta(1)).isoformat(),
            "calibration_days": self.calibration_days,
            "holdout_days": self.holdout_days,
            "customers": self.customers,
            "repeat_buyers": self.repeat_buyers,
            "params": None
            if self.bgnbd is None or self.gamma_gamma is None
            else {
                k: rnd(v, 6) for k, v in {**self.bgnbd.params, **self.gamma_gamma.params}.items()
            },
            "actual_purchases": rnd(self.actual_purchases),
            "predicted_purchases": rnd(self.predicted_purchases),
            "error": rnd(self.error, 4),
            "mae": rnd(self.mae, 4),
            "naive_mae": rnd(self.naive_mae, 4),
            "actual_value": rnd(self.actual_value),
            "predicted_value": rnd(self.predicted_value),
            "value_error": rnd(self.value_error, 4),
            "by_frequency": [b.to_dict() for b in self.buckets],
        }


def holdout_split(first_day: int, end_day: int) -> tuple[int, int] | None:
    """``(split_day, holdout_days)`` for data in ``[first_day, end_day)``, ``None`` if too short.

    The holdout is half the period, at most :data:`MAX_HOLDOUT_DAYS`; the period needs at
    least :data:`MIN_HOLDOUT_PERIOD_DAYS` days (see the module docstring).
    """
    period = end_day - first_day
    if period < MIN_HOLDOUT_PERIOD_DAYS:
        return None
    holdout = min(MAX_HOLDOUT_DAYS, period // 2)
    return end_day - holdout, holdout


def _purchase_days(p: PreparedOrders) -> tuple[IntArray, IntArray, FloatArray]:
    """Distinct (customer, day) purchases of the sorted sale rows and each day's amount."""
    keep = p.is_purchase
    cust, day, amount = p.cust[keep], p.day[keep], p.amount[keep]
    starts = np.flatnonzero(group_starts(cust, day))
    day_amount = np.add.reduceat(amount, starts) if starts.size else np.zeros(0)
    return cust[starts], day[starts], np.asarray(day_amount, dtype=np.float64)


def _buckets(x: FloatArray, actual: FloatArray, predicted: FloatArray) -> tuple[HoldoutBucket, ...]:
    group = np.minimum(x, BUCKETS).astype(np.int64)
    out: list[HoldoutBucket] = []
    for g in range(BUCKETS + 1):
        members = group == g
        if members.any():
            label = str(g) if g < BUCKETS else f"{BUCKETS}+"
            out.append(
                HoldoutBucket(
                    label,
                    int(members.sum()),
                    float(actual[members].mean()),
                    float(predicted[members].mean()),
                )
            )
    return tuple(out)


def holdout_check(
    data: PreparedOrders | pd.DataFrame,
    *,
    split: date | None = None,
    min_repeat_buyers: int = MIN_REPEAT_BUYERS,
) -> HoldoutResult:
    """Fit on purchases before ``split``, predict ``[split, as_of)``, compare with actual.

    ``data`` is the audit's :class:`~analytics.describe.customers.PreparedOrders` or a clean orders
    table (``customer_key, order_date, amount, status``; see :mod:`analytics.ingest.model`).
    ``split`` defaults to :func:`holdout_split`; a given split must leave at least
    :data:`analytics.predict.clv.MIN_PERIOD_DAYS` days on each side. BLAS runs on one thread.
    """
    with THREADS.limit(limits=1):
        return _holdout_check(data, split, min_repeat_buyers)


def _holdout_check(
    data: PreparedOrders | pd.DataFrame, split: date | None, min_repeat_buyers: int
) -> HoldoutResult:
    p = data if isinstance(data, PreparedOrders) else prepare_orders(data)
    cust, day, amount = _purchase_days(p)
    end_day = p.as_of_day
    if not day.size:
        return HoldoutResult("too_short_period", None, None, p.as_of, 0, 0)
    first_day = int(day.min())
    if split is None:
        cut = holdout_split(first_day, end_day)
        split_day = cut[0] if cut else end_day
    else:
        split_day = to_day(split)
    cal_days, hold_days = split_day - first_day, end_day - split_day
    dates = (from_day(first_day), from_day(split_day), p.as_of)
    if min(cal_days, hold_days) < MIN_PERIOD_DAYS:
        return HoldoutResult("too_short_period", *dates, max(cal_days, 0), max(hold_days, 0))

    n = p.n_customers
    first = np.full(n, end_day, dtype=np.int64)
    np.minimum.at(first, cust, day)
    cal = day < split_day
    known = first < split_day  # customers of the calibration period
    last = first.copy()
    np.maximum.at(last, cust[cal], day[cal])
    x = (np.bincount(cust[cal], minlength=n)[known] - 1).astype(np.float64)
    t_x = (last - first)[known].astype(np.float64)
    T = (split_day - first)[known].astype(np.float64)
    value = np.bincount(cust[cal], weights=amount[cal], minlength=n)[known] / (x + 1.0)
    actual = np.bincount(cust[~cal], minlength=n)[known].astype(np.float64)
    actual_value = float(amount[~cal & known[cust]].sum()) if n else 0.0

    base: dict[str, Any] = {
        "calibration_days": cal_days,
        "holdout_days": hold_days,
        "customers": int(x.size),
        "repeat_buyers": int((x > 0).sum()),
    }
    status, bg, gg = fit_models(x, t_x, T, value, min_repeat_buyers=min_repeat_buyers)
    if status != "ok" or bg is None or gg is None:
        return HoldoutResult(status, *dates, bgnbd=bg, gamma_gamma=gg, **base)
    predicted, predicted_value = clv(
        bg, gg, x, t_x, T, mean_value=value, horizon_days=hold_days, discount_monthly=0.0
    )
    naive = x / T * hold_days
    return HoldoutResult(
        "ok",
        *dates,
        bgnbd=bg,
        gamma_gamma=gg,
        actual_purchases=float(actual.sum()),
        predicted_purchases=float(predicted.sum()),
        mae=float(np.abs(predicted - actual).mean()),
        naive_mae=float(np.abs(naive - actual).mean()),
        actual_value=actual_value,
        predicted_value=float(predicted_value.sum()),
        buckets=_buckets(x, actual, predicted),
        **base,
    )
