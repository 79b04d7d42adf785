"""The per-customer table and the shared definitions (sale, purchase, return, as_of)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from analytics.describe.customers import customer_table_from_list, prepare_orders
from tests.analytics.describe import reference as ref
from tests.analytics.describe.conftest import generated_orders, make_orders


def hand_orders() -> pd.DataFrame:
    return make_orders(
        [
            ("a", "2024-01-05", 100),
            ("a", "2024-02-10", 50),
            ("b", "2024-01-20", 30),
            ("c", "2024-03-01", 20, "cancelled"),
            ("a", "2024-03-15", -10),  # a return: revenue down, not an order
            ("d", "2024-02-01", -5),  # a return of nobody who bought: orphan
            ("b", "2024-01-20", 70),  # second order the same day
        ],
        category=["x", "y", "y", "x", "x", "x", "z"],
        city=["Moscow", None, "Kazan", "Omsk", "Perm", "Ufa", None],
        channel=[None, "ads", "seo", "ads", "ads", "ads", "mail"],
    )


def test_hand_built_customer_table() -> None:
    p = prepare_orders(hand_orders())
    assert p.as_of == date(2024, 3, 16)  # day after the last order of any status
    f = p.customers.frame.set_index("customer_key")
    assert list(f.index) == ["a", "b"]  # c only cancelled, d only returned
    assert f.loc["a", "frequency"] == 2
    assert f.loc["a", "monetary"] == pytest.approx(140.0)
    assert f.loc["a", "returns"] == pytest.approx(10.0)
    assert f.loc["a", "recency_days"] == (date(2024, 3, 16) - date(2024, 2, 10)).days
    assert f.loc["a", "tenure_days"] == (date(2024, 3, 16) - date(2024, 1, 5)).days
    assert f.loc["a", "avg_check"] == pytest.approx(70.0)
    assert f.loc["b", "frequency"] == 2
    assert f.loc["b", "purchase_days"] == 1
    assert f.loc["b", "monetary"] == pytest.approx(100.0)
    # main category by purchase revenue: a bought x 100 and y 50; b bought y 30 and z 70
    assert f.loc["a", "main_category"] == "x"
    assert f.loc["b", "main_category"] == "z"
    # city of the last purchase naming one; channel of the first purchase naming one
    assert f.loc["a", "city"] == "Moscow"
    assert f.loc["b", "city"] == "Kazan"
    assert f.loc["a", "channel"] == "ads"
    assert f.loc["b", "channel"] == "seo"
    assert p.customers.orphan_returns == 1
    assert p.customers.orphan_returns_amount == pytest.approx(-5.0)
    assert p.counts["cancelled"] == 1


def test_main_category_ties_are_deterministic() -> None:
    orders = make_orders(
        [
            ("a", "2024-01-01", 50),
            ("a", "2024-01-02", 50),
            ("a", "2024-01-03", 25),
            ("a", "2024-01-04", 25),
        ],
        category=["music", "books", "books", "toys"],
    )
    # books 75 > music 50 > toys 25
    assert prepare_orders(orders).customers.frame.loc[0, "main_category"] == "books"
    tie = make_orders(
        [("a", "2024-01-01", 50), ("a", "2024-01-02", 50)], category=["music", "books"]
    )
    # equal money and orders: alphabetical
    assert prepare_orders(tie).customers.frame.loc[0, "main_category"] == "books"


def test_as_of_excludes_later_orders() -> None:
    p = prepare_orders(hand_orders(), as_of=date(2024, 2, 1))
    f = p.customers.frame.set_index("customer_key")
    assert f.loc["a", "frequency"] == 1
    assert p.counts["valid_after_as_of"] == 3


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_matches_reference(seed: int) -> None:
    orders = generated_orders(seed)
    as_of = ref.default_as_of(orders)
    mine = prepare_orders(orders).customers.frame.set_index("customer_key").sort_index()
    exp = ref.customer_table(orders, as_of)
    assert list(mine.index) == list(exp.index)
    np.testing.assert_array_equal(mine["frequency"], exp["frequency"])
    np.testing.assert_array_equal(mine["purchase_days"], exp["days"])
    np.testing.assert_allclose(mine["monetary"], exp["monetary"])
    np.testing.assert_array_equal(mine["recency_days"], exp["recency"])
    np.testing.assert_array_equal(mine["first_purchase"], exp["first"])
    np.testing.assert_array_equal(mine["last_purchase"], exp["last"])


def test_row_order_does_not_matter() -> None:
    orders = generated_orders(5)
    a = prepare_orders(orders).customers.frame
    b = prepare_orders(orders.iloc[::-1].reset_index(drop=True)).customers.frame
    cols = ["customer_key", "frequency", "monetary", "recency_days", "main_category"]
    pd.testing.assert_frame_equal(a[cols], b[cols])


def test_customer_list_table() -> None:
    customers = pd.DataFrame(
        {
            "customer_key": ["a", "b", "c"],
            "orders_count": [3, 1, None],
            "total_spent": [300.0, 50.0, 10.0],
            "last_purchase": pd.Series(["2024-05-01", "2024-01-01", None], dtype="datetime64[ns]"),
            "first_purchase": pd.Series(["2023-05-01", "2024-01-01", None], dtype="datetime64[ns]"),
        }
    )
    t = customer_table_from_list(customers)
    assert t.as_of == date(2024, 5, 2)
    f = t.frame
    assert list(f["recency_days"].iloc[:2]) == [1, 122]
    assert np.isnan(f["recency_days"].iloc[2])
    assert f["avg_check"].iloc[0] == pytest.approx(100.0)
    assert t.to_dict()["one_time_buyers"] == 1
