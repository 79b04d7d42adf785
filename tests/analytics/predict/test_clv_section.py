"""CLV per RFM segment and the report's ``clv`` section on a real audit."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pytest

from analytics.describe.audit import BaseAudit
from analytics.describe.rfm import SEGMENTS
from analytics.predict import clv
from analytics.predict.clv_section import clv_section

from .conftest import simulate_bgnbd
from .test_clv import _table

SEGMENT_KEYS = [
    "code",
    "customers",
    "p_alive_mean",
    "purchases_90",
    "value_90",
    "purchases_365",
    "value_365",
]


@pytest.fixture(scope="module")
def fitted() -> clv.ClvResult:
    n = 3000
    T = np.random.default_rng(8).uniform(100, 700, n).round()
    x, t_x, T = simulate_bgnbd(n, (0.4, 20.0, 0.8, 3.0), T, seed=8)
    res = clv.run_clv(_table(x, np.minimum(t_x, T), T, date(2024, 1, 1)))
    assert res.ok
    return res


def test_segments_sum_to_the_totals(fitted: clv.ClvResult) -> None:
    n = fitted.n_customers
    codes = np.array(["lost", "champions", "new"], dtype=object)[np.arange(n) % 3]
    codes[:7] = None  # unscored customers get their own row
    rows = fitted.by_segment(pd.Series(codes), SEGMENTS)
    assert [r["code"] for r in rows] == ["champions", "new", "lost", "unscored"]
    assert all(list(r) == SEGMENT_KEYS for r in rows)
    assert sum(r["customers"] for r in rows) == n
    assert fitted.total_purchases is not None and fitted.total_value is not None
    for h in (90, 365):
        assert sum(r[f"purchases_{h}"] for r in rows) == pytest.approx(
            fitted.total_purchases[h], abs=0.05
        )
        assert sum(r[f"value_{h}"] for r in rows) == pytest.approx(fitted.total_value[h], abs=0.05)
    assert fitted.p_alive is not None
    champions = np.arange(n) % 3 == 1
    champions[:7] = False
    assert rows[0]["customers"] == int(champions.sum())
    assert rows[0]["p_alive_mean"] == pytest.approx(fitted.p_alive[champions].mean(), abs=1e-4)
    overall = fitted.to_dict()["p_alive_mean"]
    assert overall == pytest.approx(fitted.p_alive.mean(), abs=1e-4)


def test_segments_follow_table_index_and_skip_customers_without_predictions() -> None:
    n = 1500
    T = np.random.default_rng(3).uniform(100, 700, n).round()
    x, t_x, T = simulate_bgnbd(n, (0.4, 20.0, 0.8, 3.0), T, seed=3)
    table = _table(x, np.minimum(t_x, T), T, date(2024, 1, 1))
    table.frame.loc[[0, 1], "first_purchase"] = pd.NaT  # no prediction for these two
    res = clv.run_clv(table)
    labels = pd.Series(["loyal"] * n, index=table.frame.index)
    labels.iloc[0] = "lost"
    rows = res.by_segment(labels, SEGMENTS)
    assert [(r["code"], r["customers"]) for r in rows] == [("loyal", n - 2)]


def test_no_segments_without_predictions() -> None:
    res = clv.ClvResult("too_short_period", 0.01, (90, 365), 0, 0, 10.0)
    assert res.by_segment(pd.Series(["lost"])) == []
    assert res.to_dict()["p_alive_mean"] is None


def test_report_clv_section(built_report: dict[str, Any], sample_audit: BaseAudit) -> None:
    report, audit = built_report, sample_audit
    assert isinstance(audit, BaseAudit)
    section = report["clv"]
    assert isinstance(section, dict)
    assert section == json.loads(json.dumps(clv_section(audit)))
    assert section["status"] == "ok"
    rows = section["segments"]
    assert rows and all(list(r) == SEGMENT_KEYS for r in rows)
    assert [r["code"] for r in rows] == [c for c in SEGMENTS if c in {r["code"] for r in rows}]
    assert sum(r["customers"] for r in rows) == section["customers"]
    assert sum(r["value_365"] for r in rows) == pytest.approx(
        section["total_value"]["365"], rel=1e-6
    )
    # the sample spans 30 months: a year is held out
    holdout = section["holdout"]
    assert holdout["status"] == "ok" and holdout["holdout_days"] == 365
    assert holdout["actual_purchases"] > 0 and holdout["predicted_purchases"] > 0
    # the chart's points are in the report, no more than 1,500 of them
    points = report["clusters"]["points"]
    assert 0 < len(points["x"]) == len(points["y"]) == len(points["cluster"]) <= 1500
