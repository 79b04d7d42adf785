"""The diagnosis' monthly series against hand-computed values."""

from __future__ import annotations

from datetime import date

import numpy as np

from analytics.describe.customers import prepare_orders
from analytics.diagnose.series import monthly
from tests.analytics.describe.conftest import MIXED_CHECKS, make_orders


def test_monthly_check_is_the_months_revenue_over_its_orders() -> None:
    """Not the mean over customers of each one's revenue / orders: January's 120 / 4 = 30
    (a: three orders of 10, b: one of 90; the customers' checks would average 50), February's
    160 / 3 (not (100 + 30) / 2 = 65). March is cut by ``as_of`` and left out."""
    orders = make_orders([*MIXED_CHECKS, ("b", "2024-03-02", 500)])
    series = monthly(prepare_orders(orders, date(2024, 3, 10)))
    assert series is not None and series.months == 2
    np.testing.assert_allclose(series.revenue, [120.0, 160.0])
    np.testing.assert_allclose(series.orders, [4.0, 3.0])
    np.testing.assert_allclose(series.check, [30.0, 160 / 3])
