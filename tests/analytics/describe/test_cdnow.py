"""Real data no one here wrote: the CDNOW transactions (tests/fixtures/cdnow).

Cohort retention and the monthly figures are checked against a plain pandas calculation
done here with integer month numbers (year x 12 + month), plus a few pinned figures.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analytics.describe.audit import BaseAudit, run_audit_analytics


@pytest.fixture(scope="module")
def audit(cdnow: pd.DataFrame) -> BaseAudit:
    return run_audit_analytics(cdnow)


@pytest.fixture(scope="module")
def plain(cdnow: pd.DataFrame) -> pd.DataFrame:
    df = cdnow[["customer_key", "order_date", "amount"]].copy()
    df["m"] = df["order_date"].dt.year * 12 + df["order_date"].dt.month - 1
    df["cohort"] = df.groupby("customer_key")["m"].transform("min")
    return df


def label(m: int) -> str:
    return f"{m // 12}-{m % 12 + 1:02d}"


def test_pinned_figures(audit: BaseAudit) -> None:
    m = audit.metrics
    assert (m.customers, m.orders) == (23_570, 69_659)
    assert m.revenue == pytest.approx(2_500_315.63, abs=0.01)
    assert str(audit.as_of) == "1998-07-01"
    assert [c.customers for c in audit.cohorts.cohorts] == [7846, 8476, 7248]
    assert audit.cohorts.retention["1997-01"][:4] == pytest.approx(
        [1.0, 1157 / 7846, 0.1229, 0.1032], abs=5e-5
    )
    assert len(audit.cohorts.retention["1997-01"]) == 18  # Jan 1997 .. Jun 1998
    jan = audit.metrics.monthly[0]
    assert (jan.month, jan.orders, jan.customers) == ("1997-01", 8928, 7846)
    assert jan.revenue == pytest.approx(299_060.17, abs=0.01)
    assert audit.metrics.monthly[-1].revenue == pytest.approx(76_109.30, abs=0.01)
    # a quarter's cohorts followed 18 months: half the customers bought only once
    assert audit.rfm.frequency_mode == "one_time_split"
    assert audit.rfm.one_time["customers"] == 11_908
    assert audit.lifecycle.window.days == 200 and audit.lifecycle.window.source == "data"
    # the lesson of DOMAIN.md section 3: on the total base the June 1998 conversion looks
    # like 6%, on the active base it is about 25%
    june = audit.lifecycle.monthly[-1]
    assert june.conversion_total_base == pytest.approx(1506 / 23570)
    assert june.conversion_active_base == pytest.approx(1506 / 5945)
    assert audit.lifecycle.active_base == 5694


def test_cohort_retention_against_plain_pandas(audit: BaseAudit, plain: pd.DataFrame) -> None:
    size = plain.groupby("cohort")["customer_key"].nunique()
    active = plain.groupby(["cohort", plain["m"] - plain["cohort"]])["customer_key"].nunique()
    last = int(plain["m"].max())
    assert list(audit.cohorts.retention) == [label(c) for c in size.index]
    for c in size.index:
        exp = [active.get((c, k), 0) / size[c] for k in range(last - c + 1)]
        np.testing.assert_allclose(audit.cohorts.retention[label(c)], exp, rtol=1e-12)
        rev = plain[plain["cohort"] == c].groupby("m")["amount"].sum()
        exp_ltv = rev.reindex(range(c, last + 1), fill_value=0).cumsum() / size[c]
        np.testing.assert_allclose(audit.cohorts.ltv[label(c)], exp_ltv.to_numpy(), rtol=1e-9)


def test_monthly_figures_against_plain_pandas(audit: BaseAudit, plain: pd.DataFrame) -> None:
    g = plain.groupby("m")
    exp = pd.DataFrame(
        {
            "revenue": g["amount"].sum(),
            "orders": g.size(),
            "customers": g["customer_key"].nunique(),
            "new": plain.drop_duplicates("customer_key").groupby("cohort").size(),
        }
    ).fillna(0)
    got = pd.DataFrame([m.to_dict() for m in audit.metrics.monthly])
    assert got["month"].tolist() == [label(m) for m in exp.index]
    np.testing.assert_allclose(got["revenue"], exp["revenue"], atol=0.006)
    np.testing.assert_array_equal(got["orders"], exp["orders"])
    np.testing.assert_array_equal(got["customers"], exp["customers"])
    np.testing.assert_array_equal(got["new_customers"], exp["new"])
    lc = pd.DataFrame([m.to_dict() for m in audit.lifecycle.monthly])
    np.testing.assert_array_equal(lc["active"], exp["customers"])
    np.testing.assert_array_equal(lc["total_base"], exp["new"].cumsum())
    # active in the last 90 days at each month end, counted directly
    days = plain[["customer_key", "order_date"]]
    for row in lc.itertuples():
        end = pd.Period(str(row.month), "M").end_time.normalize()
        recent = days[
            (days["order_date"] <= end) & (days["order_date"] > end - pd.Timedelta(90, "D"))
        ]
        assert row.active_90d == recent["customer_key"].nunique(), row.month


def test_report_json(audit: BaseAudit) -> None:
    d = audit.to_dict()
    text = json.dumps(d, allow_nan=False)
    assert json.loads(text)["rfm"]["segments"][0]["code"] == "champions"
