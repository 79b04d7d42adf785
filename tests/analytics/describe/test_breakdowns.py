"""Breakdowns by city / channel / category / segment, and NPS."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.describe.breakdowns import breakdown, compute_breakdowns, compute_nps, rating_scale
from analytics.describe.customers import prepare_orders
from tests.analytics.describe import reference as ref
from tests.analytics.describe.conftest import generated_orders, make_orders


def test_nps_scales() -> None:
    ten = compute_nps(np.array([10, 9, 8, 3, np.nan]))
    assert (ten.scale, ten.rated, ten.promoters, ten.passives, ten.detractors) == (
        "ten",
        4,
        2,
        1,
        1,
    )
    assert ten.nps == pytest.approx(25.0)
    assert ten.avg_rating == pytest.approx(7.5)
    five = compute_nps(np.array([5, 4, 1, 5, 3, 2]))
    assert five.scale == "five" and five.nps == pytest.approx(100 * (2 - 3) / 6)
    assert rating_scale(np.array([1.0, 42.0])) is None
    assert compute_nps(np.array([1.0, 42.0])).nps is None


def test_hand_built_breakdown() -> None:
    orders = make_orders(
        [
            ("a", "2024-01-01", 100),
            ("a", "2024-01-05", 100),
            ("b", "2024-01-02", 50),
            ("c", "2024-01-03", 30),
            ("d", "2024-01-04", 20),
        ],
        city=["Moscow", "Kazan", "Kazan", None, "Kazan"],
        rating=[np.nan, 10, 6, 9, np.nan],
        category=["x", "y", "y", None, "x"],
    )
    p = prepare_orders(orders)
    b = compute_breakdowns(p.customers, p)
    city = {g.value if g.kind == "value" else g.kind: g for g in b.by["city"].groups}
    assert set(city) == {"Kazan", "unknown"}  # a's last city is Kazan
    kz = city["Kazan"]
    assert (kz.customers, kz.orders) == (3, 4)
    assert kz.revenue == pytest.approx(270.0)
    assert kz.revenue_share == pytest.approx(270 / 300)
    assert kz.repeat_rate == pytest.approx(1 / 3)
    assert kz.aov == pytest.approx(270 / 4)
    assert kz.rated == 2 and kz.nps == pytest.approx(0.0)  # a promoter, b detractor
    assert city["unknown"].customers == 1
    assert b.nps is not None and b.nps.rated == 3 and b.nps.nps == pytest.approx(100 / 3)
    cats = {c.value: c for c in b.category_orders}
    assert (cats["x"].orders, cats["x"].customers, cats["x"].revenue) == (2, 2, 120.0)
    assert (cats["y"].orders, cats["y"].customers, cats["y"].revenue) == (2, 2, 150.0)
    assert "channel" not in b.by


def test_top_groups_and_other() -> None:
    rows = [(f"k{i}", "2024-01-01", 10) for i in range(30)]
    orders = make_orders(rows, city=[f"city{i % 20:02d}" for i in range(30)])
    p = prepare_orders(orders)
    b = breakdown(p.customers, "city", top=5)
    assert [g.kind for g in b.groups] == ["value"] * 5 + ["other"]
    assert sum(g.customers for g in b.groups) == 30
    assert b.groups[-1].groups == 15 and b.distinct_values == 20


@pytest.mark.parametrize("seed", [51, 52])
def test_generated_city_breakdown_matches_reference(seed: int) -> None:
    orders = generated_orders(seed)
    as_of = ref.default_as_of(orders)
    p = prepare_orders(orders)
    b = compute_breakdowns(p.customers, p)
    pur = ref.purchases(orders, as_of)
    pur = pur.reset_index().sort_values(["order_date", "index"], kind="stable")
    last_city = pur.dropna(subset=["city"]).groupby("customer_key")["city"].last()
    table = ref.customer_table(orders, as_of)
    table["city"] = last_city.reindex(table.index)
    exp = table.groupby("city").agg(customers=("frequency", "size"), revenue=("monetary", "sum"))
    got = {g.value: g for g in b.by["city"].groups if g.kind == "value"}
    assert set(got) == set(exp.index)
    for city, row in exp.iterrows():
        assert isinstance(city, str)
        assert got[city].customers == row["customers"]
        assert got[city].revenue == pytest.approx(row["revenue"])
    first_channel = pur.groupby("customer_key")["channel"].first()
    chan = first_channel.value_counts()
    got_c = {g.value: g.customers for g in b.by["channel"].groups if g.kind == "value"}
    assert got_c == chan.to_dict()
    cat = pur.dropna(subset=["category"]).groupby("category")
    got_cat = {c.value: c for c in b.category_orders}
    for name, part in cat:
        assert isinstance(name, str)
        assert got_cat[name].orders == len(part)
        assert got_cat[name].customers == part["customer_key"].nunique()


def test_segment_breakdown_sums_to_base() -> None:
    orders = generated_orders(53)
    p = prepare_orders(orders)
    from analytics.describe.rfm import compute_rfm

    r = compute_rfm(p.customers)
    b = compute_breakdowns(p.customers, p, segments=r.segment_labels())
    seg = b.by["rfm_segment"]
    assert sum(g.customers for g in seg.groups) == p.n_customers
    counts = {s.code: s.customers for s in r.segments if s.customers}
    assert {g.value: g.customers for g in seg.groups} == counts
    assert isinstance(pd.Series(dtype=float), pd.Series)
