"""Cohort retention, revenue and LTV curves."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from analytics.describe.cohorts import compute_cohorts
from tests.analytics.describe import reference as ref
from tests.analytics.describe.conftest import generated_orders, make_orders


def test_hand_built_cohorts() -> None:
    orders = make_orders(
        [
            ("a", "2024-01-05", 10),
            ("a", "2024-03-10", 40),
            ("b", "2024-01-20", 20),
            ("b", "2024-02-10", -5),  # a return does not make b active
            ("c", "2024-02-02", 7),
            ("c", "2024-02-20", 8),
            ("c", "2024-03-01", 9),
        ]
    )
    c = compute_cohorts(orders, as_of=date(2024, 4, 1))
    assert c.retention == {"2024-01": [1.0, 0.0, 0.5], "2024-02": [1.0, 1.0]}
    assert c.active["2024-01"] == [2, 0, 1]
    assert c.revenue["2024-01"] == pytest.approx([30.0, -5.0, 40.0])
    assert c.ltv["2024-01"] == pytest.approx([15.0, 12.5, 32.5])
    assert c.revenue["2024-02"] == pytest.approx([15.0, 9.0])
    info = {i.cohort: i for i in c.cohorts}
    assert info["2024-01"].customers == 2 and info["2024-01"].months_observed == 2
    assert info["2024-01"].small and info["2024-01"].young
    assert not c.last_month_partial
    d = c.to_dict()
    assert d["retention"]["2024-01"] == [1.0, 0.0, 0.5]


@pytest.mark.parametrize("seed", [41, 42, 43])
def test_generated_matches_reference(seed: int) -> None:
    orders = generated_orders(seed)
    as_of = ref.default_as_of(orders)
    c = compute_cohorts(orders)
    exp = ref.cohort_retention(orders, as_of)
    assert list(c.retention) == list(exp)
    for k, v in exp.items():
        np.testing.assert_allclose(c.retention[k], v, err_msg=k)
        assert c.retention[k][0] == 1.0
    rev = ref.cohort_revenue(orders, as_of)
    for k, v in rev.items():
        np.testing.assert_allclose(c.revenue[k], v, atol=1e-6, err_msg=k)
        size = next(i.customers for i in c.cohorts if i.cohort == k)
        np.testing.assert_allclose(c.ltv[k], np.cumsum(v) / size, atol=1e-6)


def test_average_retention_weights_big_cohorts_only() -> None:
    rows = [(f"a{i}", "2024-01-10", 10) for i in range(40)]
    rows += [(f"a{i}", "2024-02-10", 10) for i in range(10)]  # 25% back in month 1
    rows += [("solo", "2024-02-03", 10)]  # a cohort of one: small, left out of the average
    c = compute_cohorts(make_orders(rows), as_of=date(2024, 3, 1))
    assert c.average_retention == [1.0, 0.25]
    info = {i.cohort: i for i in c.cohorts}
    assert not info["2024-01"].small and info["2024-02"].small



def two_cohorts() -> pd.DataFrame:
    """January's 40 customers: 10 back in February, 2 on 5 March; February's 40: 4 back on
    6 March."""
    rows = [(f"j{i}", "2024-01-10", 10) for i in range(40)]
    rows += [(f"j{i}", "2024-02-10", 10) for i in range(10)]
    rows += [(f"j{i}", "2024-03-05", 10) for i in range(2)]
    rows += [(f"f{i}", "2024-02-12", 10) for i in range(40)]
    rows += [(f"f{i}", "2024-03-06", 10) for i in range(4)]
    return make_orders(rows)


def test_average_retention_leaves_out_the_half_observed_month() -> None:
    """``as_of`` = 15 March: March is half observed. The average counts only whole months:
    month 1 is January's 10 / 40 (with February's half-seen month 1 it would be 14 / 80),
    and month 2 has no whole month at all (with January's half-seen month 2 it would be
    2 / 40). Each cohort's own list still runs to March, flagged by ``last_month_partial``;
    ``months_observed`` counts whole months only."""
    c = compute_cohorts(two_cohorts(), as_of=date(2024, 3, 15))
    assert c.last_month_partial
    assert c.average_retention == [1.0, 0.25]
    assert c.to_dict()["average_retention"] == [1.0, 0.25]
    assert c.retention == {"2024-01": [1.0, 0.25, 0.05], "2024-02": [1.0, 0.1]}
    assert {i.cohort: i.months_observed for i in c.cohorts} == {"2024-01": 1, "2024-02": 0}


def test_average_retention_counts_the_last_month_when_it_is_whole() -> None:
    """The same base seen on 1 April: March is whole and counts, (10 + 4) / 80 and 2 / 40."""
    c = compute_cohorts(two_cohorts(), as_of=date(2024, 4, 1))
    assert not c.last_month_partial
    assert c.average_retention == pytest.approx([1.0, 14 / 80, 2 / 40])
    assert {i.cohort: i.months_observed for i in c.cohorts} == {"2024-01": 2, "2024-02": 1}
