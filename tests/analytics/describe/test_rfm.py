"""RFM scores, the segment rule table and segment statistics."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.describe.customers import CustomerTable, prepare_orders
from analytics.describe.rfm import (
    ACTIVE_NAMES,
    SEGMENTS,
    compute_rfm,
    frequency_scores,
    segment_codes,
    tie_aware_scores,
)
from tests.analytics.describe import reference as ref
from tests.analytics.describe.conftest import generated_orders

# The rule table of docs/metrics.md written out as an R x F grid (rows R = 5..1, columns
# F = 1..5), then the two M tie-breaks applied by hand.
GRID = {
    5: ["new", "potential_loyalist", "potential_loyalist", "champions", "champions"],
    4: ["promising", "potential_loyalist", "potential_loyalist", "loyal", "loyal"],
    3: ["about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"],
    2: ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"],
    1: ["lost", "lost", "at_risk", "at_risk", "cant_lose"],
}


def expected_segment(r: int, f: int, m: int) -> str:
    if r == 3 and f <= 2 and m == 5:
        return "need_attention"
    if r <= 2 and f == 4 and m >= 4:
        return "cant_lose"
    return GRID[r][f - 1]


def test_rule_table_covers_all_125_combinations() -> None:
    grid = np.array([(r, f, m) for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)])
    codes = segment_codes(grid[:, 0], grid[:, 1], grid[:, 2])
    assert (codes >= 0).all()
    got = [SEGMENTS[c] for c in codes]
    assert got == [expected_segment(*map(int, row)) for row in grid]
    assert set(got) == set(SEGMENTS)  # every one of the eleven segments is reachable


def test_scores_known_values() -> None:
    v = np.arange(1, 11, dtype=float)
    assert tie_aware_scores(v).tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert tie_aware_scores(v, reverse=True).tolist() == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]
    # a block of ties takes the score of its middle: (0 + 4/2) / 5 = 0.4 -> 3
    assert tie_aware_scores(np.array([1.0, 1, 1, 1, 2])).tolist() == [3, 3, 3, 3, 5]
    assert tie_aware_scores(np.array([7.0])).tolist() == [3]
    assert tie_aware_scores(np.array([])).tolist() == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 20), min_size=1, max_size=200), st.booleans())
def test_scores_match_pandas_average_rank(values: list[int], reverse: bool) -> None:
    v = np.array(values, dtype=float)
    got = tie_aware_scores(v, reverse=reverse)
    exp = ref.quintile_scores(pd.Series(v), reverse=reverse).to_numpy()
    np.testing.assert_array_equal(got, exp)
    # equal values, equal scores; better values never score lower
    order = np.argsort(-v if reverse else v, kind="stable")
    assert (np.diff(got[order]) >= 0).all()


def test_one_time_buyers_split() -> None:
    f = np.array([1] * 70 + [2] * 15 + [3] * 10 + [5] * 5, dtype=float)
    scores, mode = frequency_scores(f)
    assert mode == "one_time_split"
    assert set(scores[:70]) == {1}
    # repeaters as quartiles by mid-rank: 2 -> (0 + 7.5) / 30, 3 -> (15 + 5) / 30, 5 -> 27.5/30
    assert set(scores[70:85]) == {3} and set(scores[85:95]) == {4} and set(scores[95:]) == {5}
    # plain quintiles would have given the one-time buyers F = 2 (their block's middle)
    assert set(tie_aware_scores(f)[:70]) == {2}

    few = np.array([1] * 10 + list(range(2, 92)), dtype=float)
    scores, mode = frequency_scores(few)
    assert mode == "quintiles"
    np.testing.assert_array_equal(scores, tie_aware_scores(few))


def _table(frame: pd.DataFrame) -> CustomerTable:
    from datetime import date

    return CustomerTable(frame=frame, as_of=date(2024, 1, 1), source="transactions")


def test_everybody_bought_once() -> None:
    n = 50
    frame = pd.DataFrame(
        {
            "recency_days": np.arange(1, n + 1),
            "frequency": np.ones(n, dtype=int),
            "monetary": np.linspace(10, 500, n),
        }
    )
    r = compute_rfm(_table(frame))
    assert r.frequency_mode == "one_time_split"
    assert set(r.f) == {1}
    counts = {s.code: s.customers for s in r.segments}
    assert sum(counts.values()) == n
    assert counts["champions"] == counts["loyal"] == counts["potential_loyalist"] == 0
    assert counts["new"] == 10 and counts["lost"] == 10
    assert r.one_time["customers"] == n and r.repeat["customers"] == 0
    assert all(s.one_time_buyers == s.customers for s in r.segments)


@pytest.mark.parametrize("seed", [31, 32])
def test_segment_stats_match_reference(seed: int) -> None:
    orders = generated_orders(seed)
    table = prepare_orders(orders).customers
    r = compute_rfm(table)
    f = table.frame.copy()
    f["segment"] = r.segment_labels()
    # independent scores
    exp_r = ref.quintile_scores(f["recency_days"].astype(float), reverse=True)
    exp_m = ref.quintile_scores(f["monetary"])
    np.testing.assert_array_equal(r.r, exp_r)
    np.testing.assert_array_equal(r.m, exp_m)
    one = f["frequency"] == 1
    assert r.frequency_mode == ("one_time_split" if one.mean() >= 0.2 else "quintiles")
    exp_seg = [expected_segment(a, b, c) for a, b, c in zip(r.r, r.f, r.m, strict=True)]
    # whose rhythm, from the orders with pandas: purchase days, their median gap
    sales = orders[(orders["status"] == "valid") & (orders["amount"] >= 0)]
    days = sales.assign(day=sales["order_date"].dt.normalize()).drop_duplicates(
        ["customer_key", "day"]).sort_values(["customer_key", "day"])
    gaps = days.groupby("customer_key")["day"].diff().dt.days
    count = days.groupby("customer_key")["day"].count()
    median = gaps.groupby(days["customer_key"]).median().where(count >= 3)
    own = median.reindex(f["customer_key"]).to_numpy(dtype=float)
    for i, (seg, recency) in enumerate(zip(exp_seg, f["recency_days"], strict=True)):
        if seg in ACTIVE_NAMES and recency > 2.5 * own[i]:
            valuable = r.f[i] == 5 or (r.f[i] == 4 and r.m[i] >= 4)
            exp_seg[i] = "cant_lose" if valuable else "at_risk"
        elif exp_seg[i] in ("new", "promising") and recency > 90:
            exp_seg[i] = "about_to_sleep"
    assert f["segment"].tolist() == exp_seg
    assert "cant_lose" in exp_seg or "at_risk" in exp_seg  # the rule is exercised
    g = f.groupby("segment")
    total = f["monetary"].sum()
    for s in r.segments:
        if s.customers == 0:
            assert s.code not in g.groups and s.avg_frequency is None
            continue
        part = g.get_group(s.code)
        assert s.customers == len(part)
        assert s.share == pytest.approx(len(part) / len(f))
        assert s.revenue == pytest.approx(part["monetary"].sum())
        assert s.revenue_share == pytest.approx(part["monetary"].sum() / total)
        assert s.avg_recency_days == pytest.approx(part["recency_days"].mean())
        assert s.avg_frequency == pytest.approx(part["frequency"].mean())
        assert s.avg_monetary == pytest.approx(part["monetary"].mean())
        assert s.one_time_buyers == int((part["frequency"] == 1).sum())
    assert sum(s.customers for s in r.segments) == len(f)
    assert sum(s.revenue_share or 0 for s in r.segments) == pytest.approx(1.0)


def test_deterministic_under_shuffle() -> None:
    orders = generated_orders(33)
    a = compute_rfm(prepare_orders(orders).customers)
    b = compute_rfm(prepare_orders(orders.sample(frac=1.0, random_state=1)).customers)
    np.testing.assert_array_equal(a.segment, b.segment)
    assert a.to_dict() == b.to_dict()


def test_unscored_customers_from_lists() -> None:
    frame = pd.DataFrame(
        {
            "recency_days": [1.0, 2.0, np.nan],
            "frequency": [1.0, 2.0, 3.0],
            "monetary": [10.0, 20.0, 30.0],
        }
    )
    r = compute_rfm(_table(frame))
    assert (r.scored, r.unscored) == (2, 1)
    assert r.segment[2] == -1 and r.segment_labels()[2] is None
