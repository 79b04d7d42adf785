"""Each finding fires on a shop built to trigger it and stays silent on a steady one."""

from __future__ import annotations

from typing import Any

import pytest

from analytics.advice.findings import FINDING_CODES, RULES, find
from tests.analytics.advice.helpers import codes, monthly, report, shop
from tests.analytics.describe.conftest import make_orders


def fading() -> dict[str, Any]:
    # Customers used to stay six months; those joining in the last 8 months buy once.
    return report(shop(schedule=lambda j, n: range(j, j + 6) if j < 16 else [j]))


SCENARIOS = {
    "acquisition_falling": lambda: report(shop(
        months=30, schedule=lambda j, n: range(j, 100) if j < 20 or n < 3 else [])),
    "key_accounts_silent": lambda: report(shop(
        schedule=lambda j, n: range(j, 14) if n == 0 and j < 3 else range(j, 100),
        amount=lambda m, j, n: 20_000.0 if n == 0 and j < 3 else 1000.0)),
    "active_base_shrinking": fading,
    "win_back_segments_large": lambda: report(shop(schedule=monthly(6))),
    "revenue_concentrated": lambda: report(
        shop(amount=lambda m, j, n: 30_000.0 if n == 0 else 1000.0)),
    "one_time_buyers_dominate": lambda: report(shop(schedule=monthly(1))),
    "early_cohort_churn": lambda: report(
        shop(new=30, schedule=lambda j, n: range(j, 100) if n < 5 else [j])),
    "frequency_falling": lambda: report(
        shop(schedule=lambda j, n: [m for m in range(j, 24) if m == j or m < 18 or m % 2 == 0])),
    "average_check_falling": lambda: report(
        shop(amount=lambda m, j, n: 700.0 if m >= 18 else 1000.0)),
    "seasonality": lambda: report(
        shop(months=37, amount=lambda m, j, n: 3000.0 if m % 12 == 11 else 1000.0)),
    "outperforming_group": lambda: report(
        shop(amount=lambda m, j, n: 2000.0 if n < 3 else 1000.0,
             channel=lambda j, n: "vk" if n < 3 else "organic")),
    "stale_contacts": lambda: report(shop(), stale_customers=150, stale_share=0.52),
    "duplicate_contacts": lambda: report(shop(), duplicate_customers=12),
}


@pytest.fixture(scope="module")
def steady() -> dict[str, Any]:
    """Everyone buys every month, same check, no season, clean contacts: nothing to say."""
    return report(shop(), stale_customers=20, stale_share=0.07, duplicate_customers=1)


def test_every_rule_has_a_scenario() -> None:
    assert set(SCENARIOS) == set(FINDING_CODES) and len(RULES) == len(FINDING_CODES)


@pytest.mark.parametrize("code", sorted(SCENARIOS))
def test_fires_on_its_scenario(code: str) -> None:
    found = codes(SCENARIOS[code]())
    assert code in found


def test_steady_shop_is_silent(steady: dict[str, Any]) -> None:
    assert codes(steady) == [] and steady["recommendations"] == []


@pytest.mark.parametrize("code", sorted(SCENARIOS))
def test_fires_alone(code: str) -> None:
    """Built to trigger one rule, a scenario triggers no other (except side effects the
    scenario implies: a fading base also loses its frequent buyers)."""
    implied = {"active_base_shrinking": {"win_back_segments_large"},
               "key_accounts_silent": {"average_check_falling"},  # the big checks left
               "early_cohort_churn": {"one_time_buyers_dominate", "revenue_concentrated"}}
    assert set(codes(SCENARIOS[code]())) <= {code} | implied.get(code, set())


def test_active_base_evidence_matches_lifecycle() -> None:
    rep = fading()
    finding = next(f for f in rep["findings"] if f["code"] == "active_base_shrinking")
    ev = finding["evidence"]
    months = {m["month"]: m for m in rep["lifecycle"]["monthly"]}
    assert ev["active_from"] == months[ev["month_from"]]["active_base"]
    assert ev["active_to"] == months[ev["month_to"]]["active_base"]
    assert ev["total_to"] > ev["total_from"] and ev["active_change"] <= -0.15
    assert finding["computed_on"] == "active_base_monthly"


def test_severity_and_rank_order() -> None:
    rep = report(shop(schedule=lambda j, n: range(j, j + 6) if j < 16 else [j]),
                 stale_customers=150, stale_share=0.9)
    severities = [f["severity"] for f in rep["findings"]]
    assert severities == sorted(severities, key=["high", "medium", "low"].index)
    assert [f["rank"] for f in rep["findings"]] == list(range(1, len(severities) + 1))


def test_thresholds_are_edges() -> None:
    # Stale share just under and at the threshold.
    base = {"data": {"customers": 100}, "quality": {"stale_share": 0.2999}}
    assert find(base) == []
    base["quality"] = {"stale_share": 0.3, "stale_customers": 30}
    assert [f.code for f in find(base)] == ["stale_contacts"]


def test_report_without_sections_gives_no_findings() -> None:
    assert find({}) == [] and find({"data": None, "metrics": "x", "rfm": None}) == []


def test_average_check_evidence_is_revenue_over_orders() -> None:
    """A third of the customers buy twice a month at 300, the rest once at 1 000: a month's
    check is (8 x 300 + 8 x 1 000) / 16 = 650 per 1.0 of price level, where the mean of the
    customers' own checks would be (4 x 300 + 8 x 1 000) / 12 = 766.67. Prices fall to 0.8
    from month 17 and to 0.6 from month 20; month m has 16 (m + 1) orders, so the lookback
    (months 17-22, the partial month 23 left out) averages
    650 x (0.8 x (18 + 19 + 20) + 0.6 x (21 + 22 + 23)) / (18 + ... + 23)."""

    def amount(m: int, j: int, n: int) -> float:
        level = 1.0 if m < 17 else 0.8 if m < 20 else 0.6
        return (300.0 if n < 4 else 1000.0) * level

    twice = shop(schedule=lambda j, n: [m for m in range(j, 24) for _ in range(2 if n < 4 else 1)],
                 amount=amount)
    rep = report(twice)
    complete = [m for m in rep["metrics"]["monthly"] if not m["partial"]]
    assert [m["aov"] for m in complete[-7:]] == [650.0, 520.0, 520.0, 520.0, 390.0, 390.0, 390.0]
    bridge = rep["diagnosis"]["bridge"]  # Sep-Nov 2023 against Sep-Nov 2024
    assert (bridge["before"]["new_check"], bridge["before"]["returning_check"]) == (650.0, 650.0)
    assert (bridge["after"]["new_check"], bridge["after"]["returning_check"]) == (390.0, 390.0)
    finding = next(f for f in rep["findings"] if f["code"] == "average_check_falling")
    ev = finding["evidence"]
    assert ev["aov_before"] == 650.0
    assert ev["aov_recent"] == round(650 * (0.8 * (18 + 19 + 20) + 0.6 * (21 + 22 + 23)) / 123, 2)
    assert ev["orders_recent"] == 16 * 123


def test_early_churn_evidence_leaves_out_the_half_observed_month() -> None:
    """Six cohorts of 40 (December 2023 to May 2024) buy on the 10th; 8 of each come back
    every month to May. The data ends on 2 June (one May customer back): June is half
    observed. Whole months only: month 1 is 8 / 40 over December to April (with May's
    half-seen month 1, 41 / 240), month 3 is 8 / 40 over December to February (with March's
    half-seen month 3, 24 / 160); March has two whole months after its own, so it is young
    and only December, January and February count as cohorts."""
    rows: list[tuple[str, str, float]] = []
    for c, first in enumerate(["2023-12", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05"]):
        back = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"][c:]
        for i in range(40):
            rows.append((f"c{c}-{i}", f"{first}-10", 100.0))
            rows += [(f"c{c}-{i}", f"{month}-10", 100.0) for month in back if i < 8]
    rows.append(("c5-0", "2024-06-02", 100.0))
    rep = report(make_orders(rows))
    assert rep["cohorts"]["last_month_partial"]
    assert rep["cohorts"]["average_retention"] == [1.0, 0.2, 0.2, 0.2, 0.2, 0.2]
    finding = next(f for f in rep["findings"] if f["code"] == "early_cohort_churn")
    assert finding["evidence"] == {"retention_m1": 0.2, "median_gap_days": 30.0,
                                   "retention_m3": 0.2, "cohorts": 3}
    young = {c["cohort"]: c["young"] for c in rep["cohorts"]["cohorts"]}
    assert young == {"2023-12": False, "2024-01": False, "2024-02": False, "2024-03": True,
                     "2024-04": True, "2024-05": True}
