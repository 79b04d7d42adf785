"""The revenue bridge: exact arithmetic on hand-built cases (DIAGNOSIS.md 2)."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from analytics.describe.customers import prepare_orders
from analytics.diagnose.bridge import bridge, lmdi, log_mean, side


def test_the_worked_example_of_the_method() -> None:
    """New customers 120 -> 31 at a first check of 5 000 -> 5 200, one order each."""
    names = ("new_customers", "orders_per_new", "new_check")
    x0 = {"new_customers": 120.0, "orders_per_new": 1.0, "new_check": 5000.0}
    x1 = {"new_customers": 31.0, "orders_per_new": 1.0, "new_check": 5200.0}
    parts = lmdi(names, x0, x1, 600_000.0, 161_200.0)
    assert log_mean(161_200.0, 600_000.0) == pytest.approx(333_870, abs=1)
    assert parts["new_customers"] == pytest.approx(-451_895, abs=1)
    assert parts["new_check"] == pytest.approx(13_095, abs=1)
    assert parts["orders_per_new"] == 0.0
    assert sum(parts.values()) == pytest.approx(161_200 - 600_000, abs=1e-6)


def test_a_factor_that_vanishes_takes_its_whole_term() -> None:
    names = ("new_customers", "orders_per_new", "new_check")
    x0 = {"new_customers": 10.0, "orders_per_new": 1.5, "new_check": 100.0}
    x1 = {"new_customers": 0.0, "orders_per_new": 0.0, "new_check": 0.0}
    assert lmdi(names, x0, x1, 1500.0, 0.0) == {
        "new_customers": -1500.0, "orders_per_new": 0.0, "new_check": 0.0}


def orders(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame({
        "customer_key": pd.array([r[0] for r in rows], dtype="string"),
        "order_id": pd.array([f"o{i}" for i in range(len(rows))], dtype="string"),
        "order_date": pd.to_datetime([r[1] for r in rows]),
        "amount": [r[2] for r in rows],
        "status": pd.array(["valid"] * len(rows), dtype="string"),
    })


def test_factors_and_contributions_of_a_small_base() -> None:
    """January 2024 acquires a, b, c; the windows are February-March and April-May.
    Counted by hand: before, new d (1 order of 300), base a, b, c of whom a and b bought
    (3 orders, 600); after, no new customer, base a-d of whom a bought twice (2 x 250)."""
    table = orders([
        ("a", "2024-01-05", 100), ("b", "2024-01-06", 100), ("c", "2024-01-07", 100),
        ("a", "2024-02-03", 200), ("a", "2024-03-03", 200), ("b", "2024-02-10", 200),
        ("d", "2024-03-20", 300),
        ("a", "2024-04-02", 250), ("a", "2024-05-02", 250),
    ])
    prepared = prepare_orders(table, as_of=date(2024, 6, 1))
    jan = int(prepared.first_month.min())
    before, after = side(prepared, jan + 1, jan + 2), side(prepared, jan + 3, jan + 4)
    assert before.factors == {"new_customers": 1.0, "orders_per_new": 1.0, "new_check": 300.0,
                              "base": 3.0, "retention": 2 / 3, "frequency": 1.5,
                              "returning_check": 200.0}
    assert (before.revenue, before.active) == (900.0, 2)
    assert after.factors["base"] == 4.0 and after.factors["retention"] == 0.25
    assert after.factors["frequency"] == 2.0 and after.factors["returning_check"] == 250.0
    assert after.revenue == 500.0
    result = bridge(before, after)
    assert sum(result.contributions.values()) == pytest.approx(-400.0, abs=1e-9)
    assert result.contributions["new_customers"] == -300.0  # no new customer: whole term
    mean = log_mean(500.0, 600.0)
    assert result.contributions["retention"] == pytest.approx(mean * math.log(0.25 / (2 / 3)))
    assert result.contributions["base"] == pytest.approx(mean * math.log(4 / 3))
    assert result.largest_fall() == "retention"
    shares = result.shares()
    assert sum(v for k, v in shares.items() if result.contributions[k] < 0) == pytest.approx(1)
