"""Property: on random businesses no valued step promises more than its customers can give.

Steps aimed at customers active in the last 12 months never exceed :data:`ACTIVE_CAP` of
the revenue those customers brought in those months (computed here from the orders, not
from the report); win-back and acquisition steps obey the caps they state; every range
holds its value.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analytics.advice.money import flow_discount
from analytics.advice.recommendations import ACTIVE_CAP, CORE_SEGMENTS
from analytics.describe.audit import run_audit_analytics
from tests.analytics.advice.helpers import report
from tests.analytics.diagnose.stories import Story, simulate, step

TARGETS: dict[str, tuple[str, ...] | None] = {
    "protect_core": CORE_SEGMENTS,
    "raise_frequency": None,
    "raise_check": None,
    "prepare_peak": None,
}
"""Steps aimed at customers active in the last 12 months -> their segments (None: all);
``second_purchase`` aims at the one-time buyers whose window is still open."""
DISCOUNT = round(flow_discount(0.01), 2)


@st.composite
def stories(draw: st.DrawFn) -> Story:
    """A business over 18-40 months whose inflow, buying, orders and check may change once."""
    months = draw(st.integers(18, 40))
    at = draw(st.integers(6, months - 3))
    share = st.floats(0.02, 0.6)
    orders = draw(st.floats(0.0, 1.5))
    return Story(
        months=months,
        new=step(draw(st.floats(4, 60)), draw(st.floats(1, 60)), at),
        buy=step(draw(share), draw(share), at),
        orders=step(orders, orders, at),
        check=step(draw(st.floats(300, 6000)), draw(st.floats(300, 6000)), at),
        season={m: draw(st.floats(0.6, 1.8)) for m in draw(st.sets(st.integers(1, 12),
                                                                    max_size=3))},
        seed=draw(st.integers(0, 10_000)),
    )


def revenue_last_year(orders: pd.DataFrame, keys: pd.Index) -> float:
    """Revenue of the customers ``keys`` in the last 365 days."""
    as_of = orders["order_date"].max().normalize() + timedelta(days=1)
    recent = orders[(orders["status"] == "valid")
                    & (orders["order_date"] >= as_of - timedelta(days=365))]
    return float(recent.loc[recent["customer_key"].isin(keys), "amount"].sum())


def one_time_open(orders: pd.DataFrame, window: int) -> pd.Index:
    """Customers with one purchase day, within ``window`` days of the data's end."""
    as_of = orders["order_date"].max().normalize() + timedelta(days=1)
    days = orders[orders["status"] == "valid"].groupby("customer_key")["order_date"]
    once = days.nunique() == 1
    recent = days.max() >= as_of - timedelta(days=window)
    return once.index[once & recent]


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(story=stories(), margin=st.sampled_from([None, 0.35]))
def test_no_step_promises_more_than_its_customers_gave(story: Story,
                                                        margin: float | None) -> None:
    orders = simulate(story)
    built = report(orders, with_clv=True, margin=margin)
    frame = run_audit_analytics(orders).customers_frame()
    segments = pd.Series(frame["rfm_segment"].to_numpy(), index=frame["customer_key"])
    terms = DISCOUNT * (margin or 1.0)
    for rec in built["recommendations"]:
        effect: dict[str, Any] | None = rec["effect"]
        if effect is None:
            continue
        assert effect["low"] <= effect["value"] <= effect["high"]
        assert effect["value"] <= effect["cap"] + 0.5 and effect["high"] <= effect["cap"] + 0.5
        assert effect["basis"] == ("margin" if margin else "revenue")
        code = rec["code"]
        if code in TARGETS or code == "second_purchase":
            codes = TARGETS.get(code)
            keys = (one_time_open(orders, built["lifecycle"]["churn_window"]["days"])
                    if code == "second_purchase" else segments.index if codes is None
                    else segments.index[segments.isin(codes)])
            gave = revenue_last_year(orders, keys)
            assert effect["value"] <= ACTIVE_CAP * gave * terms + 1, (code, effect, gave)
        factors = effect["factors"]
        if code in ("win_back", "reactivate_churned"):  # one order each of all of them
            assert effect["cap"] == pytest.approx(  # the cap is of unrounded figures
                factors["customers"] * factors["check"] * terms, rel=1e-2)
        if code == "restart_acquisition":  # the whole lost inflow, no more
            assert effect["cap"] == pytest.approx(factors["customers"] * factors["check"]
                                                  * factors["orders"] * terms, rel=1e-2)
