"""Growth metrics against hand-computed answers and an independent pandas calculation."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd
import pytest

from analytics.describe.customers import prepare_orders
from analytics.describe.metrics import compute_growth_metrics, top_share
from tests.analytics.describe import reference as ref
from tests.analytics.describe.conftest import MIXED_CHECKS, generated_orders, make_orders


def test_hand_built_totals_and_months() -> None:
    orders = make_orders(
        [
            ("a", "2024-01-05", 100),
            ("b", "2024-01-20", 50),
            ("a", "2024-02-03", 30),
            ("c", "2024-02-10", 20),
            ("c", "2024-02-11", 40, "cancelled"),
            ("b", "2024-02-15", -10),
            ("a", "2024-03-01", 60, "refunded"),
        ],
        quantity=[2, 1, 3, None, 9, 1, 1],
    )
    g = compute_growth_metrics(orders)
    assert g.revenue == pytest.approx(190.0)  # 100 + 50 + 30 + 20 - 10
    assert g.gross_sales == pytest.approx(200.0)
    assert g.returns_amount == pytest.approx(10.0)
    assert g.orders == 4
    assert g.customers == 3
    assert g.aov == pytest.approx(190 / 4)
    assert g.items_per_order == pytest.approx((2 + 1 + 3) / 3)
    assert g.orders_per_customer == pytest.approx(4 / 3)
    assert g.repeat_rate == pytest.approx(1 / 3)  # only a bought twice
    assert g.first_order_revenue == pytest.approx(170.0)  # 100 + 50 + 20
    assert g.repeat_order_revenue == pytest.approx(20.0)  # 30 - 10
    assert (g.cancelled, g.refunded) == (1, 1)
    # top 20% of 3 customers = ceil(0.6) = 1 customer (a: 130 of 190)
    assert g.top20_customers == 1
    assert g.top20_revenue_share == pytest.approx(130 / 190)
    # revenue = customers x aov x orders per customer
    assert g.aov is not None and g.orders_per_customer is not None
    assert g.customers * g.aov * g.orders_per_customer == pytest.approx(g.revenue)

    jan, feb, mar = g.monthly
    assert (jan.month, feb.month, mar.month) == ("2024-01", "2024-02", "2024-03")
    assert (jan.revenue, jan.orders, jan.customers, jan.new_customers) == (150, 2, 2, 2)
    assert (feb.revenue, feb.orders, feb.customers) == (40, 2, 2)
    assert (feb.new_customers, feb.returning_customers) == (1, 1)
    assert feb.new_revenue == pytest.approx(20.0)
    assert feb.returning_revenue == pytest.approx(20.0)  # a 30, b's return -10
    assert feb.repeat_rate == pytest.approx(0.5)
    # March has only a refunded order: an empty month, and partial (as_of = March 2)
    assert (mar.revenue, mar.orders, mar.customers, mar.aov) == (0, 0, 0, None)
    assert mar.partial


def test_monthly_aov_is_the_months_revenue_over_its_orders() -> None:
    """Not the mean over customers of each one's revenue / orders: in January a's three
    orders of 10 and b's one of 90 make 120 / 4 = 30, where the customers' own checks
    (10 and 90) average 50; in February 160 / 3 = 53.33, not (100 + 30) / 2 = 65."""
    orders = make_orders(MIXED_CHECKS)
    g = compute_growth_metrics(orders, as_of=date(2024, 3, 1))
    jan, feb = g.monthly
    assert jan.aov == pytest.approx(120 / 4)
    assert feb.aov == pytest.approx(160 / 3)
    assert [m["aov"] for m in g.to_dict()["monthly"]] == [30.0, 53.33]  # as in report.json
    assert g.aov == pytest.approx(280 / 7)


def test_top_share_rules() -> None:
    assert top_share(np.array([])) == (0, None)
    k, s = top_share(np.array([10.0] * 10))
    assert k == 2 and s == pytest.approx(0.2)
    k, s = top_share(np.array([5.0, -5.0]))
    assert s is None  # no positive revenue: no share


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_generated_matches_reference(seed: int) -> None:
    orders = generated_orders(seed)
    as_of = ref.default_as_of(orders)
    g = compute_growth_metrics(orders)
    exp = ref.monthly_metrics(orders, as_of)
    got = pd.DataFrame([m.to_dict() for m in g.monthly]).set_index("month")
    assert list(got.index) == [str(m) for m in exp.index]
    np.testing.assert_allclose(got["revenue"], exp["revenue"], atol=0.006)
    np.testing.assert_array_equal(got["orders"], exp["orders"])
    np.testing.assert_array_equal(got["customers"], exp["customers"])
    np.testing.assert_array_equal(got["new_customers"], exp["new"])
    np.testing.assert_allclose(got["new_revenue"], exp["new_revenue"], atol=0.006)

    s = ref.sales(orders, as_of)
    p = s[s["amount"] >= 0]
    assert g.revenue == pytest.approx(s["amount"].sum())
    assert g.orders == len(p)
    assert g.customers == p["customer_key"].nunique()
    per = s[s["customer_key"].isin(set(p["customer_key"]))].groupby("customer_key")["amount"].sum()
    top = per.sort_values(ascending=False).head(math.ceil(0.2 * len(per)))
    assert g.top20_revenue_share == pytest.approx(top.sum() / per.sum())
    freq = p.groupby("customer_key").size()
    assert g.repeat_rate == pytest.approx((freq >= 2).mean())
    q = p["quantity"].dropna()
    assert g.items_per_order == pytest.approx(q.sum() / len(q))


def test_prepared_is_shared() -> None:
    orders = generated_orders(3)
    p = prepare_orders(orders)
    assert compute_growth_metrics(orders, prepared=p) == compute_growth_metrics(orders)
