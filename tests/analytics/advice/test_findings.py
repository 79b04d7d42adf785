"""Each finding fires on a shop built to trigger it and stays silent on a steady one."""

from __future__ import annotations

from typing import Any

import pytest

from analytics.advice.findings import FINDING_CODES, RULES, find
from tests.analytics.advice.helpers import codes, monthly, report, shop


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
