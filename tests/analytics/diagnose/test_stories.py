"""Each story has one known cause; the diagnosis must name it, its month and its size."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analytics.describe.audit import run_audit_analytics
from analytics.diagnose import Diagnosis, diagnose
from tests.analytics.diagnose.stories import Story, end_of, flat, growing, simulate, step

CHRISTMAS = {11: 1.3, 12: 2.0, 1: 0.7}
SPRING = {3: 1.6, 4: 2.2, 5: 2.0, 6: 1.3, 11: 0.5, 12: 0.4, 1: 0.4}


def diagnosis_of(story: Story) -> Diagnosis:
    audit = run_audit_analytics(simulate(story), as_of=end_of(story))
    churn = {m.month: m.churn_rate for m in audit.lifecycle.monthly}
    return diagnose(audit.prepared, churn, audit.metrics.top20_revenue_share)


def month(d: Diagnosis, label: str) -> str:
    found = next(b for b in d.breaks if b.series == label)
    return found.to_dict()["since"]


def test_acquisition_that_slowed_is_the_constraint_not_the_season() -> None:
    """A shop with a Christmas peak whose new customers fell 74 % from month 30."""
    story = Story(months=42, new=step(120, 31, 30), buy=flat(0.12), orders=flat(1.2),
                  check=flat(3000), season=CHRISTMAS)
    d = diagnosis_of(story)
    assert d.periods is not None and d.periods.mode == "year_on_year"
    assert d.constraint is not None and d.constraint.factor == "new_customers"
    assert d.constraint.kind == "fell" and d.constraint.share is not None
    assert d.constraint.share > 0.6
    assert d.constraint.since is not None
    assert d.constraint.to_dict()["since"] == "2023-07"  # month 30 of a file from 2021-01
    assert "acquisition" in d.hypotheses
    assert d.trend is not None and d.trend.season == "confirmed" and 12 in d.trend.peaks
    assert not any(b.series == "frequency" for b in d.breaks)


def test_a_price_rise_that_halved_frequency_is_linked_to_the_price() -> None:
    story = Story(months=30, new=flat(60), buy=flat(0.25), orders=step(2.4, 1.2, 18),
                  check=step(2000, 2800, 18))
    d = diagnosis_of(story)
    assert month(d, "check") == month(d, "frequency") == "2022-07"
    assert "price_change" in d.hypotheses
    assert d.constraint is not None and d.constraint.factor == "frequency"
    assert d.constraint.to_dict()["since"] == "2022-07"


def test_a_b2b_supplier_losing_two_of_its_three_largest_accounts_names_them() -> None:
    names = {0: "ООО «Ромашка»", 1: "АО «Вектор»", 2: "ИП Соколов"}
    story = Story(months=24, new=lambda m: 3 if m == 0 else (1 if m % 3 == 0 else 0),
                  buy=flat(0.6), orders=flat(1.0), check=flat(40_000), names=names)
    table = simulate(story)
    big = table["customer_key"].isin(["c0", "c1", "c2"])
    table.loc[big, "amount"] *= 6  # the three largest accounts
    lost = table["customer_key"].isin(["c0", "c1"]) & (table["order_date"] >= "2022-07-01")
    table = table[~lost]
    audit = run_audit_analytics(table, as_of=end_of(story))
    d = diagnose(audit.prepared, None, audit.metrics.top20_revenue_share)
    assert d.shape.kind == "b2b" and d.concentrated
    assert {a.name for a in d.silent_accounts} == {"ООО «Ромашка»", "АО «Вектор»"}
    assert all(a.last_order < "2022-07-01" for a in d.silent_accounts)


def test_a_seasonal_garden_shop_growing_a_third_a_year_has_no_fall_of_frequency() -> None:
    story = Story(months=40, new=growing(50, 0.006), buy=flat(0.1), orders=flat(1.3),
                  check=flat(1500), season=SPRING)
    table = simulate(story)
    d = diagnosis_of(story)
    by_month = table.groupby(table["order_date"].dt.to_period("M"))["amount"].sum()
    truth = by_month.iloc[-12:].sum() / by_month.iloc[-24:-12].sum() - 1
    assert 0.25 < truth < 0.45  # the story: a third a year
    assert d.trend is not None and d.trend.direction == "growing"
    assert d.trend.growth == pytest.approx(truth, abs=1e-9)
    assert d.trend.season == "confirmed" and 4 in d.trend.peaks
    assert d.periods is not None and d.periods.seasonal_like_for_like
    assert d.constraint is None or d.constraint.kind == "potential"  # nothing fell
    assert not any(b.series == "frequency" for b in d.breaks)


def test_a_healthy_shop_growing_fast_gets_no_invented_season_or_break() -> None:
    story = Story(months=20, new=growing(20, 0.07), buy=flat(0.2), orders=flat(1.2),
                  check=flat(2500))
    d = diagnosis_of(story)
    assert d.trend is not None and d.trend.direction == "growing"
    assert d.trend.season == "too_short" and not d.trend.peaks
    assert not any(b.series == "new" and b.change < 0 for b in d.breaks)
    assert d.constraint is None or d.constraint.kind == "potential"


def test_thirty_two_customers_over_four_months_are_too_little() -> None:
    story = Story(months=4, new=flat(8), buy=flat(0.2), orders=flat(1.0), check=flat(1000))
    d = diagnosis_of(story)
    assert d.sufficiency.customers == 32 and d.sufficiency.level == "too_little"
    assert not d.sufficiency.money_allowed
    assert "money_estimates" in d.sufficiency.cannot


@pytest.mark.parametrize(("customers", "months", "level"), [
    (99, 12, "too_little"), (100, 5, "too_little"), (100, 6, "thin"), (299, 12, "thin"),
    (300, 11, "thin"), (300, 12, "enough"),
])
def test_sufficiency_levels_at_their_edges(customers: int, months: int, level: str) -> None:
    from analytics.diagnose.sufficiency import sufficiency

    assert sufficiency(customers, months, 40, False).level == level


CDNOW = Path(__file__).parents[4] / "shared" / "data" / "cdnow"


def test_cdnow_acquisition_stopped() -> None:
    """CDNOW: one acquisition quarter (1997 Q1), then none."""
    from analytics.ingest import ingest

    master = CDNOW / "CDNOW_master.txt"
    if not master.exists():
        master = Path(__file__).parents[2] / "fixtures" / "cdnow" / "CDNOW_master.txt"
    result = ingest(master.read_bytes(), master.name, isolate=False)
    audit = run_audit_analytics(result.table)
    d = diagnose(audit.prepared, None, audit.metrics.top20_revenue_share)
    assert d.acquisition is not None and d.acquisition.status == "stopped"
    assert d.acquisition.new_last_6 == 0


def test_leads_convert_by_lead_month() -> None:
    """Ten people take a free lesson each month; the first 4 of every month pay 20 days
    later, and in the last month's leads nobody has paid yet (the window is open)."""
    rows = []
    for m in range(8):
        for p in range(10):
            key = f"m{m}p{p}"
            lead = pd.Timestamp(2024, 1 + m, 3)
            rows.append((key, lead, 0.0))
            if p < 4 and m < 7:
                rows.append((key, lead + pd.Timedelta(days=20), 5000.0))
    rows.append(("old", pd.Timestamp(2024, 1, 1), 5000.0))
    rows.append(("old", pd.Timestamp(2024, 1, 2), 0.0))  # a customer's own free lesson
    table = pd.DataFrame({
        "customer_key": pd.array([r[0] for r in rows], dtype="string"),
        "order_id": pd.array([f"o{i}" for i in range(len(rows))], dtype="string"),
        "order_date": pd.to_datetime([r[1] for r in rows]),
        "amount": [r[2] for r in rows],
        "status": pd.array(["lead" if r[2] == 0 else "valid" for r in rows], dtype="string"),
    })
    audit = run_audit_analytics(table, as_of=pd.Timestamp(2024, 9, 1).date())
    d = diagnose(audit.prepared)
    assert d.acquisition is not None and d.acquisition.has_leads
    months = d.acquisition.leads
    assert [m.leads for m in months] == [10] * 8  # "old" paid first: not a lead
    assert [m.converted for m in months] == [4] * 7 + [0]
    # a lead of 3 June could pay until 1 September, the day the data ends: still open
    assert [m.open for m in months] == [False] * 5 + [True] * 3
    assert d.acquisition.conversion == pytest.approx(0.4)


def test_a_b2b_supplier_is_told_about_its_lost_accounts_first() -> None:
    """The advice on the B2B story: the silent accounts lead, ahead of the check that fell
    with them, and the steps are account work."""
    from tests.analytics.advice.helpers import report

    names = {0: "ООО «Ромашка»", 1: "АО «Вектор»", 2: "ИП Соколов"}
    story = Story(months=24, new=lambda m: 3 if m == 0 else (1 if m % 3 == 0 else 0),
                  buy=flat(0.6), orders=flat(1.0), check=flat(40_000), names=names)
    table = simulate(story)
    big = table["customer_key"].isin(["c0", "c1", "c2"])
    table.loc[big, "amount"] *= 6
    table = table[~(table["customer_key"].isin(["c0", "c1"])
                    & (table["order_date"] >= "2022-07-01"))]
    built = report(table)
    assert built["diagnosis"]["shape"]["kind"] == "b2b"
    assert built["findings"][0]["code"] == "key_accounts_silent"
    assert built["recommendations"][0]["code"] == "call_key_accounts"
    assert "Ромашка" in built["findings"][0]["evidence"]["names"]


def test_the_shapes_of_the_shipped_samples() -> None:
    from analytics.ingest import ingest_file

    samples = Path(__file__).parents[3] / "samples"
    kinds = {}
    for name in ("shop_orders.csv", "school_orders.xlsx"):
        result = ingest_file(samples / name)
        audit = run_audit_analytics(result.table)
        kinds[name] = diagnose(audit.prepared).shape
    assert kinds["shop_orders.csv"].kind == "retail"
    school = kinds["school_orders.xlsx"]
    assert school.kind == "courses" and school.course_products is not None
    assert school.course_products >= 0.5 and school.fixed_prices < 0.6  # by programmes
