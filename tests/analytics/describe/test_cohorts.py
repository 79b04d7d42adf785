"""Cohort retention, revenue and LTV curves."""

from __future__ import annotations

from datetime import date

import numpy as np
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
