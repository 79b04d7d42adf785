"""The one-call audit: report keys other parts rely on, JSON-readiness, customer lists."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pandas as pd

from analytics.describe.audit import (
    NEEDS_TRANSACTIONS,
    run_audit_analytics,
    run_customer_list_analytics,
)
from analytics.describe.rfm import SEGMENTS
from tests.analytics.describe.conftest import generated_orders, make_orders


def test_report_contract_keys() -> None:
    audit = run_audit_analytics(generated_orders(61))
    d = json.loads(json.dumps(audit.to_dict(), allow_nan=False))
    segs = d["rfm"]["segments"]
    assert [s["code"] for s in segs] == list(SEGMENTS)
    for s in segs:
        assert {"code", "customers", "revenue", "revenue_share"} <= set(s)
    for cohort, shares in d["cohorts"]["retention"].items():
        assert len(cohort) == 7 and cohort[4] == "-"
        assert shares[0] == 1.0 and all(0 <= v <= 1 for v in shares)
    for row in d["lifecycle"]["monthly"]:
        assert {"month", "active", "new", "returning", "churned", "total_base"} <= set(row)
        assert {"reactivated", "active_90d", "churn_rate"} <= set(row)
    assert d["lifecycle"]["churn_window"]["days"] >= 30
    assert d["metrics"]["revenue"] is not None
    assert d["needs_transactions"] == []
    frame = audit.customers_frame()
    assert len(frame) == d["customers"]["customers"]
    assert set(frame["rfm_segment"]) <= set(SEGMENTS)


def test_empty_and_tiny_inputs() -> None:
    one = run_audit_analytics(make_orders([("a", "2024-05-05", 10)]))
    d = json.loads(json.dumps(one.to_dict(), allow_nan=False))
    assert d["metrics"]["customers"] == 1
    assert d["cohorts"]["retention"] == {"2024-05": [1.0]}
    nothing = make_orders([("a", "2024-05-05", 10, "cancelled")])
    d = json.loads(json.dumps(run_audit_analytics(nothing).to_dict(), allow_nan=False))
    assert d["metrics"]["customers"] == 0 and d["metrics"]["revenue"] == 0
    assert d["cohorts"]["retention"] == {}
    assert all(s["customers"] == 0 for s in d["rfm"]["segments"])


def test_as_of_is_passed_through() -> None:
    audit = run_audit_analytics(generated_orders(62), as_of=date(2024, 3, 1))
    assert audit.as_of == date(2024, 3, 1)
    assert audit.lifecycle.monthly[-1].month == "2024-02"
    assert audit.metrics.date_to is not None and audit.metrics.date_to < date(2024, 3, 1)


def test_customer_list_audit() -> None:
    rng = np.random.default_rng(3)
    n = 200
    customers = pd.DataFrame(
        {
            "customer_key": [f"c{i}" for i in range(n)],
            "orders_count": rng.integers(1, 6, n),
            "total_spent": np.round(rng.lognormal(7, 1, n), 2),
            "first_purchase": pd.Timestamp("2023-01-01")
            + pd.to_timedelta(rng.integers(0, 300, n), unit="D"),
            "city": rng.choice(["Moscow", "Kazan"], n),
        }
    )
    customers["last_purchase"] = customers["first_purchase"] + pd.to_timedelta(
        rng.integers(0, 300, n), unit="D"
    )
    audit = run_customer_list_analytics(customers)
    d = json.loads(json.dumps(audit.to_dict(), allow_nan=False))
    assert d["shape"] == "customers"
    assert d["needs_transactions"] == list(NEEDS_TRANSACTIONS)
    assert d["cohorts"] is None and d["lifecycle"]["monthly"] == []
    assert d["metrics"]["revenue"] == round(float(customers["total_spent"].sum()), 2)
    assert d["metrics"]["orders"] == int(customers["orders_count"].sum())
    assert d["metrics"]["repeat_rate"] == round(float((customers["orders_count"] >= 2).mean()), 4)
    assert sum(s["customers"] for s in d["rfm"]["segments"]) == n
    assert set(d["breakdowns"]["by"]) == {"city", "rfm_segment"}

    no_dates = customers.drop(columns=["last_purchase", "first_purchase"])
    audit = run_customer_list_analytics(no_dates)
    assert audit.rfm is None and audit.rfm_missing == ("last_purchase",)
    d = json.loads(json.dumps(audit.to_dict(), allow_nan=False))
    assert d["rfm"] is None and d["lifecycle"]["unknown_recency"] == n
