"""Active base, churn window and churn, against hand-computed answers and a reference."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from analytics.describe.customers import customer_table_from_list
from analytics.describe.lifecycle import (
    churn_window_from_gaps,
    compute_lifecycle,
    compute_list_lifecycle,
)
from tests.analytics.describe import reference as ref
from tests.analytics.describe.conftest import generated_orders, make_orders


def test_hand_built_lifecycle() -> None:
    orders = make_orders(
        [
            ("a", "2024-01-10", 10),
            ("a", "2024-02-10", 10),
            ("a", "2024-07-01", 10),
            ("b", "2024-01-15", 10),
            ("c", "2024-03-05", 10),
            ("c", "2024-03-20", 10),
        ]
    )
    lc = compute_lifecycle(orders, as_of=date(2024, 8, 1))
    assert lc.window.days == 90 and lc.window.source == "default"  # too few intervals
    t = pd.DataFrame([m.to_dict() for m in lc.monthly]).set_index("month")
    assert list(t.index) == [f"2024-0{i}" for i in range(1, 8)]
    assert list(t["total_base"]) == [2, 2, 3, 3, 3, 3, 3]
    assert list(t["active"]) == [2, 1, 1, 0, 0, 0, 1]
    assert list(t["new"]) == [2, 0, 1, 0, 0, 0, 0]
    assert list(t["returning"]) == [0, 1, 0, 0, 0, 0, 1]
    assert list(t["reactivated"]) == [0, 0, 0, 0, 0, 0, 1]
    # b churns 90 days after 01-15 (April), a after 02-10 (May), c after 03-20 (June)
    assert list(t["churned"]) == [0, 0, 0, 1, 1, 1, 0]
    assert list(t["churned_base"]) == [0, 0, 0, 1, 2, 3, 2]
    assert list(t["active_base"]) == [2, 2, 3, 2, 1, 0, 1]
    assert list(t["active_90d"]) == [2, 2, 3, 2, 1, 0, 1]
    rows = [m.to_dict() for m in lc.monthly]
    assert [r["churn_rate"] for r in rows] == [None, 0.0, 0.0, 0.3333, 0.5, 1.0, None]
    assert rows[1]["conversion_total_base"] == 0.5
    assert rows[6]["conversion_total_base"] == 0.3333
    assert rows[6]["conversion_active_base"] is None  # nobody in the active base in June
    assert not t["partial"].any()  # as_of is the first of a month
    assert (lc.total_base, lc.active_90d, lc.active_base, lc.churned) == (3, 1, 1, 2)
    assert lc.stages == {"new": 0, "active": 1, "cooling": 0, "churned": 2}


def test_churn_window_rule() -> None:
    w = churn_window_from_gaps(np.arange(1, 101))
    assert (w.days, w.source, w.intervals) == (91, "data", 100)  # P90 = 90.1
    assert churn_window_from_gaps(np.full(50, 5)).days == 30
    assert churn_window_from_gaps(np.full(50, 5)).source == "clamped_low"
    assert churn_window_from_gaps(np.full(50, 1000)).days == 365
    assert churn_window_from_gaps(np.full(29, 40)).source == "default"
    assert churn_window_from_gaps(np.full(30, 40)).days == 40


@pytest.mark.parametrize("seed", [21, 22, 23, 24])
def test_generated_matches_reference(seed: int) -> None:
    orders = generated_orders(seed, customers=300, rows=2000)
    as_of = ref.default_as_of(orders)
    lc = compute_lifecycle(orders)
    assert lc.window.days == ref.churn_window(orders, as_of)
    exp = ref.lifecycle(orders, as_of, lc.window.days)
    got = pd.DataFrame([m.to_dict() for m in lc.monthly]).set_index("month")
    assert list(got.index) == [str(m) for m in exp.index]
    for col in exp.columns:
        np.testing.assert_array_equal(got[col].to_numpy(), exp[col].to_numpy(), err_msg=col)
    # invariants
    assert (got["active"] == got["new"] + got["returning"]).all()
    assert (got["total_base"] == got["active_base"] + got["churned_base"]).all()
    assert (got["reactivated"] <= got["returning"]).all()


def test_explicit_window_check_with_fixed_as_of() -> None:
    orders = generated_orders(7, customers=200, rows=1500)
    as_of = date(2024, 6, 15)  # mid-month: the last month is partial
    lc = compute_lifecycle(orders, as_of=as_of)
    exp = ref.lifecycle(orders, as_of, lc.window.days)
    got = pd.DataFrame([m.to_dict() for m in lc.monthly]).set_index("month")
    for col in exp.columns:
        np.testing.assert_array_equal(got[col].to_numpy(), exp[col].to_numpy(), err_msg=col)
    assert got["partial"].iloc[-1]
    assert lc.active_base == got["active_base"].iloc[-1]
    assert lc.active_90d == got["active_90d"].iloc[-1]


def test_customer_list_lifecycle() -> None:
    n = 40
    customers = pd.DataFrame(
        {
            "customer_key": [f"c{i}" for i in range(n)],
            "orders_count": [1 + i % 3 for i in range(n)],
            "total_spent": [100.0] * n,
            "first_purchase": pd.to_datetime("2023-01-01")
            + pd.to_timedelta([i * 3 for i in range(n)], unit="D"),
            "last_purchase": pd.to_datetime("2023-06-01")
            + pd.to_timedelta([i * 5 for i in range(n)], unit="D"),
        }
    )
    table = customer_table_from_list(customers)
    lc = compute_list_lifecycle(table)
    assert lc.monthly == ()
    f = table.frame
    rec = f["recency_days"]
    assert lc.active_90d == int((rec <= 90).sum())
    assert lc.active_base + lc.churned == n
    assert lc.window.source in {"aggregates", "clamped_low", "clamped_high", "default"}
    assert sum(g[1] for g in lc.base_growth) == n
    assert lc.base_growth[-1][2] == n
    d = lc.to_dict()
    assert d["monthly"] == [] and d["computed_on"] == "customer_list"
