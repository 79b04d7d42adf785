"""Convergence on a large, skewed base: the generator's 1,000,000-row shop (~92,000 customers).

The orders table is built from the generated frame with pandas (no file, no ingest), then
the audit's own per-customer table and :func:`analytics.predict.clv.run_clv` run on it. Measured on
the shared 2-core box: generation 2.5-5 s, orders table 0.5 s, customer table 0.4 s, both
fits and all predictions 0.3 s.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pytest

from analytics.describe.customers import prepare_orders
from analytics.predict import clv

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from bench.bench_clv import orders_from_generated
from bench.generate import generate


@pytest.mark.slow
def test_million_row_shop_converges() -> None:
    orders = orders_from_generated(generate("shop", 1_000_000, seed=1).frame)
    prepared = prepare_orders(orders)
    table = prepared.customers
    assert table.n > 80_000
    rfm = clv.rfm_summary(table)
    one_time = float((rfm["x"] == 0).mean())
    assert one_time > 0.4  # skewed: most customers never came back
    res = clv.run_clv(table)
    assert res.status == "ok", res.to_dict()
    assert res.bgnbd is not None and res.gamma_gamma is not None
    assert res.bgnbd.converged and res.gamma_gamma.converged
    params = {**res.bgnbd.params, **res.gamma_gamma.params}
    assert all(math.isfinite(v) and 1e-6 < v < 1e6 for v in params.values()), params
    assert res.gamma_gamma.q > 1  # finite mean spend
    # sensible predictions: probabilities in (0, 1], finite non-negative values, and next
    # year's purchases of the same order as the last year's repeat purchases
    assert res.p_alive is not None and res.total_purchases is not None
    assert np.all((res.p_alive > 0) & (res.p_alive <= 1))
    for h in clv.HORIZONS_DAYS:
        assert np.all(np.isfinite(res.value[h]) & (res.value[h] >= 0))
    recent = prepared.is_purchase & (prepared.day >= prepared.as_of_day - 365)
    pairs = zip(prepared.cust[recent], prepared.day[recent], strict=True)
    last_year = len(set(pairs))
    ratio = res.total_purchases[365] / last_year
    assert 0.3 < ratio < 1.5, (res.total_purchases[365], last_year)
    assert res.total_purchases[90] < res.total_purchases[365]
