"""Holdout check: split rules, a true BG/NBD process, the generator's shop and school, CDNOW."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analytics.describe.customers import prepare_orders, to_day
from analytics.predict import clv
from analytics.predict.clv_holdout import (
    MAX_HOLDOUT_DAYS,
    MIN_HOLDOUT_PERIOD_DAYS,
    holdout_check,
    holdout_split,
)

from .conftest import bgnbd_orders

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from bench.bench_clv import orders_from_generated
from bench.generate import generate


def test_split_rules() -> None:
    assert MIN_HOLDOUT_PERIOD_DAYS == 2 * clv.MIN_PERIOD_DAYS == 180
    assert holdout_split(0, 179) is None
    assert holdout_split(0, 180) == (90, 90)
    assert holdout_split(0, 401) == (201, 200)
    assert holdout_split(100, 1100) == (1100 - MAX_HOLDOUT_DAYS, MAX_HOLDOUT_DAYS)


def test_too_short_period_and_bad_split() -> None:
    orders = bgnbd_orders(300, (0.5, 20.0, 0.8, 3.0), 170, seed=1)
    res = holdout_check(orders)
    assert res.status == "too_short_period"
    d = res.to_dict()
    json.dumps(d)
    assert d["error"] is None and d["by_frequency"] == []
    # a given split must leave 90 days on each side
    long = bgnbd_orders(300, (0.5, 20.0, 0.8, 3.0), 400, seed=1)
    assert holdout_check(long, split=date(2022, 2, 1)).status == "too_short_period"
    empty = long.iloc[:0]
    assert holdout_check(empty).status == "too_short_period"


def test_too_few_repeat_buyers() -> None:
    orders = bgnbd_orders(200, (0.01, 200.0, 0.8, 3.0), 400, seed=2)
    assert holdout_check(orders).status == "too_few_repeat_buyers"


def test_true_bgnbd_process_is_forecast_closely() -> None:
    """When the data are BG/NBD, the forecast is unbiased: 8,000 customers, aggregate error
    within 6% (about three standard errors of the holdout count) and buckets within 20%."""
    orders = bgnbd_orders(8000, (0.6, 40.0, 0.7, 3.0), 730, seed=4)
    res = holdout_check(orders)
    assert res.status == "ok", res.status
    assert res.holdout_days == 365 and res.calibration_days >= 360
    assert res.customers == 8000  # everyone is acquired in the first third
    assert res.error is not None and abs(res.error) < 0.06, res.to_dict()
    assert res.mae is not None and res.naive_mae is not None and res.mae < res.naive_mae
    assert res.value_error is not None and abs(res.value_error) < 0.1
    for bucket in res.buckets[:4]:
        assert bucket.predicted_mean == pytest.approx(bucket.actual_mean, rel=0.2), bucket
    assert sum(b.customers for b in res.buckets) == res.customers


# --- the generator's data -----------------------------------------------------------------------
#
# bench/generate.py is not a BG/NBD process: purchase rates follow a strong seasonality
# (November-December x1.6-1.9 for the shop, September/January for the school), customers
# also die after an exponential lifetime (a Pareto/NBD-like clock on top of the geometric
# dropout), and the calibration cut falls at the end of June while the holdout year holds
# the whole peak season. Measured over seeds 1-2 at 100,000 rows: shop +4.9% / +5.3%,
# school -5.8% / -7.7% (1,000,000-row shop: +6.6%). The tolerance is 15%: twice the worst
# seen, still far below what a real bug costs (days read as weeks, or counting orders
# instead of repeat purchase days, move the total by 30% to several-fold).


@pytest.fixture(scope="module", params=["shop", "school"])
def generated(request: pytest.FixtureRequest) -> pd.DataFrame:
    return orders_from_generated(generate(request.param, 100_000, seed=1).frame)


def test_generated_data_holdout(generated: pd.DataFrame) -> None:
    prepared = prepare_orders(generated)
    res = holdout_check(prepared)
    d = res.to_dict()
    assert res.status == "ok", d
    assert res.holdout_days == 365  # 30 months of data: the full year is held out
    assert res.split == date(2024, 7, 1)
    assert res.customers > 3000 and res.repeat_buyers > 1500
    assert res.error is not None and abs(res.error) < 0.15, d
    assert res.value_error is not None and abs(res.value_error) < 0.2, d
    # per customer the model is far better than carrying the calibration rate forward
    assert res.mae is not None and res.naive_mae is not None
    assert res.mae < 0.6 * res.naive_mae, d
    # conditional expectations grow with calibration frequency, like the actuals
    predicted = [b.predicted_mean for b in res.buckets]
    assert predicted[0] < predicted[2] < predicted[-1]
    # the same result from the orders table (prepare_orders inside)
    assert holdout_check(generated).to_dict() == d
    json.dumps(d)


# --- CDNOW --------------------------------------------------------------------------------------
#
# FHL 2005 calibrate on weeks 1-39 (1997-01-01..09-30) and forecast weeks 40-78 of the 1/10
# sample; here the whole cohort (23,570 customers) is used, since the sample's customers cannot
# be identified in the master file. Measured: actual 19,684 repeat purchase days in the holdout,
# forecast 16,623 (-15.6%); per-customer MAE 0.82 against 1.03 for the naive rate. The
# published sample parameters give the same forecast for these customers (16,455, -16.4%),
# so the shortfall is the model's on this cohort (heavier repeat buying in the holdout than the
# calibration implies), not the fit's. The test pins the figures to guard the pipeline.


def test_cdnow_39_39_weeks(cdnow_orders: pd.DataFrame) -> None:
    prepared = prepare_orders(cdnow_orders, as_of=date(1998, 7, 1))
    res = holdout_check(prepared, split=date(1997, 10, 1))
    d = res.to_dict()
    assert res.status == "ok", d
    assert res.calibration_days == res.holdout_days == 39 * 7
    assert res.customers == 23570
    assert res.actual_purchases == 19684
    assert res.error is not None and -0.20 < res.error < -0.10, d
    assert res.mae is not None and res.naive_mae is not None and res.mae < 0.85 * res.naive_mae
    # fitted in days, the parameters agree with FHL's (weeks) for the 1/10 sample
    assert res.bgnbd is not None
    weeks = {**res.bgnbd.params, "alpha": res.bgnbd.alpha / 7}
    fhl = {"r": 0.2426, "alpha": 4.414, "a": 0.7929, "b": 2.426}
    for name, value in fhl.items():
        assert weeks[name] == pytest.approx(value, rel=0.12), name
    # the published parameters forecast the same customers within 2% of our fit
    p = prepared
    keep = p.is_purchase
    frame = pd.DataFrame({"c": p.cust[keep], "d": p.day[keep]}).drop_duplicates()
    split = to_day(date(1997, 10, 1))
    cal = frame[frame["d"] < split].groupby("c")["d"]
    x = (cal.size() - 1).to_numpy(float)
    t_x = ((cal.max() - cal.min()) / 7).to_numpy(float)
    T = ((split - cal.min()) / 7).to_numpy(float)
    published = clv.BgNbdFit(**fhl, log_likelihood=0.0, converged=True, n=len(x))
    forecast = clv.expected_purchases(published, 39.0, x, t_x, T).sum()
    assert res.predicted_purchases == pytest.approx(forecast, rel=0.02)
    # buckets: the model under-forecasts most where FHL's figure 4 shows it too (x = 1..3)
    assert [b.x for b in res.buckets] == ["0", "1", "2", "3", "4", "5", "6", "7+"]
    top = res.buckets[-1]
    assert top.predicted_mean == pytest.approx(top.actual_mean, rel=0.1)


def test_holdout_keeps_only_customers_known_at_the_split() -> None:
    orders = bgnbd_orders(2000, (0.6, 40.0, 0.7, 3.0), 730, seed=5)
    late = pd.DataFrame(
        {
            "customer_key": ["late"] * 3,
            "order_date": pd.to_datetime(["2023-11-01", "2023-11-20", "2023-12-01"]),
            "amount": [100.0, 100.0, 100.0],
            "status": "valid",
        }
    )
    base = holdout_check(orders)
    with_late = holdout_check(pd.concat([orders, late], ignore_index=True))
    assert with_late.customers == base.customers
    assert with_late.actual_purchases == base.actual_purchases
    assert np.isfinite(with_late.predicted_purchases or np.nan)
