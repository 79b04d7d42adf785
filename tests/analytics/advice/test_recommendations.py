"""Money effects against hand calculations, ranking, playbooks."""

from __future__ import annotations

from typing import Any

import pytest

from analytics.advice import advise
from analytics.advice.findings import find
from analytics.advice.money import Terms
from analytics.advice.playbooks import PLAYBOOKS
from analytics.advice.recommendations import (
    BUILDERS,
    LAPSE_RATE,
    RETAIN_RATE,
    SECOND_PURCHASE_RATE,
    WIN_BACK_RATE,
    effect,
    recommend,
)
from analytics.describe.rfm import SEGMENTS

REVENUE = Terms()
"""Revenue, discounted at 1 % a month: money over 12 months is multiplied by 0.94."""


def segment(code: str, customers: int, revenue: float, frequency: float, *,
            recency: float = 400.0, one_time: int = 0) -> dict[str, Any]:
    return {"code": code, "customers": customers, "share": customers / 1000,
            "revenue": revenue, "revenue_share": revenue / 10_000_000,
            "avg_frequency": frequency, "avg_recency_days": recency, "one_time_buyers": one_time}


@pytest.fixture
def crafted() -> dict[str, Any]:
    """1,000 customers over 900 days (2023-01-01 .. 2025-06-19), AOV 2,000."""
    return {
        "data": {"customers": 1000, "revenue": 10_000_000.0, "date_from": "2023-01-01",
                 "date_to": "2025-06-19", "currency": "RUB"},
        "metrics": {"customers": 1000, "one_time_customers": 600, "aov": 2000.0,
                    "top20_customers": 200, "top20_revenue_share": 0.75},
        "lifecycle": {"churn_window": {"days": 90}},
        "rfm": {"segments": [
            segment("champions", 50, 2_000_000.0, 20.0, recency=20),
            segment("loyal", 50, 1_000_000.0, 10.0, recency=60),
            segment("new", 100, 150_000.0, 1.0, recency=30, one_time=100),
            segment("promising", 80, 120_000.0, 1.0, recency=120, one_time=80),
            segment("about_to_sleep", 70, 100_000.0, 1.2, recency=200, one_time=50),
            segment("at_risk", 100, 500_000.0, 5.0),
            segment("cant_lose", 50, 900_000.0, 9.0),
            segment("lost", 500, 400_000.0, 1.0, recency=800, one_time=370),
        ]},
    }


def effects(report: dict[str, Any]) -> dict[str, Any]:
    return {r.code: r.effect for r in recommend(report, find(report))}


def test_win_back_by_hand(crafted: dict[str, Any]) -> None:
    # At risk + Can't lose: 150 customers, 100*5 + 50*9 = 950 orders, 1,400,000 revenue:
    # check 1,473.68; 950 orders / 150 customers over 900 days = 0.633 per 90 days -> 1.
    # No history in the report: the default rate; one order each, discounted over 12 months.
    win = effects(crafted)["win_back"]
    assert win.factors == {"customers": 150, "rate": WIN_BACK_RATE, "check": 1474.0,
                           "orders": 1.0, "discount": 0.94}
    assert win.value == pytest.approx(150 * 0.10 * 1474 * 1 * 0.94)


def test_protect_core_by_hand(crafted: dict[str, Any]) -> None:
    # Champions + Loyal: 100 customers, 50*20 + 50*10 = 1,500 orders, 3,000,000 revenue:
    # check 2,000; 1,500 / 100 * 365 / 900 = 6.08 orders a year; a quarter would lapse.
    core = effects(crafted)["protect_core"]
    assert core.factors == {"customers": 100, "leave_rate": LAPSE_RATE, "kept": RETAIN_RATE,
                            "check": 2000.0, "orders": 6.08, "discount": 0.94}
    assert core.value == pytest.approx(100 * 0.25 * 0.1 * 2000 * 6.08 * 0.94)


def test_second_purchase_counts_reachable_one_timers(crafted: dict[str, Any]) -> None:
    # One-time buyers in New, Promising, About to sleep: 100 + 80 + 50 = 230 (not Lost).
    second = effects(crafted)["second_purchase"]
    assert second.factors["customers"] == 230
    assert second.value == pytest.approx(230 * SECOND_PURCHASE_RATE * 2000 * 1 * 0.94)


def test_ranked_by_money_then_hygiene_last(crafted: dict[str, Any]) -> None:
    crafted["quality"] = {"stale_share": 0.5, "stale_customers": 500}
    recs = advise(crafted)["recommendations"]
    values = [r["effect"]["value"] for r in recs if r["effect"]]
    assert values == sorted(values, reverse=True) and values[0] == pytest.approx(43_240)
    assert [r["code"] for r in recs] == ["second_purchase", "protect_core", "win_back",
                                         "clean_base"]
    assert recs[-1]["effect"] is None and recs[-1]["growth_metric"] == "C1"
    assert [r["rank"] for r in recs] == [1, 2, 3, 4]


def test_every_recommendation_names_a_growth_metric_and_watch(crafted: dict[str, Any]) -> None:
    from analytics.advice.watch import WATCH

    for rec in advise(crafted)["recommendations"]:
        assert rec["growth_metric"] in {"UA", "C1", "AOV", "APC", "COGS", "churn"}
        assert rec["watch"] in WATCH and rec["segments"] and rec["evidence"]


def test_effect_is_the_product_of_its_shown_factors() -> None:
    made = effect("reach", REVENUE, customers=312, rate=0.1, check=4500.4, orders=1.234)
    assert made is not None and made.factors["check"] == 4500 and made.factors["orders"] == 1.23
    assert made.value == pytest.approx(312 * 0.1 * 4500 * 1.23 * 0.94)
    assert effect("reach", REVENUE, customers=None, rate=0.1) is None
    assert effect("reach", REVENUE, customers=0, rate=0.1) is None


def test_on_the_margin_basis_every_figure_is_multiplied_by_the_margin() -> None:
    made = effect("reach", Terms(margin=0.4), cap=10_000.0, customers=100, rate=0.1,
                  check=2000.0, orders=1.0)
    assert made is not None and made.basis == "margin" and made.factors["margin"] == 0.4
    assert made.product == pytest.approx(100 * 0.1 * 2000 * 0.94 * 0.4)  # 7 520
    assert made.cap == round(10_000 * 0.94 * 0.4)  # the cap on the same basis: 3 760
    assert made.capped and made.value == 3760


def test_the_margin_from_the_toolkit_answers_reaches_every_step(crafted: dict[str, Any]) -> None:
    revenue = advise(crafted)
    margin = advise(crafted, margin=0.3)
    assert margin["money"]["basis"] == "margin" and revenue["money"]["basis"] == "revenue"
    for rev, mar in zip(revenue["recommendations"], margin["recommendations"], strict=True):
        if rev["effect"]:
            assert mar["effect"]["value"] == pytest.approx(rev["effect"]["value"] * 0.3)


def test_builders_cover_every_finding_and_playbooks_every_segment() -> None:
    from analytics.advice.findings import FINDING_CODES

    assert set(BUILDERS) == set(FINDING_CODES)
    assert set(PLAYBOOKS) == set(SEGMENTS)


def test_playbooks_follow_the_report_segments(crafted: dict[str, Any]) -> None:
    books = advise(crafted)["playbooks"]
    assert [b["segment"] for b in books] == [s["code"] for s in crafted["rfm"]["segments"]]
    assert books[0] == {"segment": "champions", "customers": 50,
                        **{k: getattr(PLAYBOOKS["champions"], k)
                           for k in ("offer", "channel", "cadence")}}
    assert advise({})["playbooks"] == []


def test_sample_money_effects_are_reproducible(sample_report: dict[str, Any]) -> None:
    recs = sample_report["recommendations"]
    assert recs and recs[0]["effect"]["value"] >= recs[1]["effect"]["value"]
    for rec in recs:
        if rec["effect"]:
            factors = rec["effect"]["factors"]
            product = 1.0
            for value in factors.values():
                product *= value
            assert rec["effect"]["product"] == pytest.approx(product, abs=0.01)
            assert rec["effect"]["value"] == min(rec["effect"]["product"], rec["effect"]["cap"])


def test_the_constraint_leads_and_restarting_acquisition_is_valued_by_hand() -> None:
    """New customers 12 a month, then 3 from month 20: the constraint is acquisition, its
    step comes first even if another is worth more, and its money is half of the lost
    new customers per year at the recent new customers' check and orders."""
    from tests.analytics.advice.helpers import report, shop

    built = report(shop(months=30,
                        schedule=lambda j, n: range(j, 100) if j < 20 or n < 3 else []))
    assert built["diagnosis"]["constraint"]["factor"] == "new_customers"
    first = built["recommendations"][0]
    assert (first["code"], first["finding"]) == ("restart_acquisition", "acquisition_falling")
    bridge = built["diagnosis"]["bridge"]
    lost = bridge["before"]["new_customers"] - bridge["after"]["new_customers"]
    # 29 full months (the last is cut): the last 3 full months against the same 3 a year
    # earlier, 3 new customers a month against 12
    assert built["diagnosis"]["periods"]["mode"] == "same_months_last_year"
    assert lost == 3 * 12 - 3 * 3
    per_year = lost * 4  # a 3-month window, 12 months ahead
    check, orders = bridge["after"]["new_check"], bridge["after"]["orders_per_new"]
    expected = per_year * 0.5 * round(check) * round(orders, 2) * 0.94
    assert first["effect"]["value"] == pytest.approx(expected)


def test_too_little_data_gets_steps_but_no_money() -> None:
    """4 months of a shop whose one-time buyers dominate: the step stays, unvalued."""
    from tests.analytics.advice.helpers import monthly, report, shop

    built = report(shop(months=4, new=8, schedule=monthly(1)))
    assert built["diagnosis"]["sufficiency"]["level"] == "too_little"
    assert built["recommendations"] and all(r["effect"] is None
                                            for r in built["recommendations"])
    enough = report(shop(months=12, new=12, schedule=monthly(1)))
    assert enough["diagnosis"]["sufficiency"]["level"] == "thin"
    assert any(r["effect"] for r in enough["recommendations"])


def test_the_printed_arithmetic_gives_the_printed_result() -> None:
    """A check under 100 is printed whole (38 ₽), so it is multiplied whole: 20 x 10 % x
    38 x 1 = 76, not 76.90 from 38.45."""
    from analytics.advice.recommendations import as_printed, effect

    assert as_printed("check", 38.45) == 38.0 and as_printed("value", 12_345.6) == 12_346.0
    assert as_printed("rate", 0.125) == 0.125 and as_printed("orders", 1.094) == 1.09
    made = effect("reach", REVENUE, customers=20, rate=0.1, check=38.45, orders=1.0)
    assert made is not None and made.factors["check"] == 38.0
    assert made.value == pytest.approx(71.44)  # 20 x 0.1 x 38 x 1 x 0.94
    from analytics.render.text.advice import effect_text
    from analytics.render.text.kit import Tx

    rec = {"code": "win_back", "effect": made.to_dict()}
    text = effect_text(rec, Tx("ru", "RUB")).replace("\xa0", " ")
    assert "чек 38 ₽" in text and "дисконт 0,94 = 71 ₽" in text


def test_no_money_on_less_than_one_expected_customer() -> None:
    from analytics.advice.recommendations import effect

    assert effect("reach", REVENUE, customers=9, rate=0.1, check=5000.0, orders=1.0) is None
    at_one = effect("reach", REVENUE, customers=10, rate=0.1, check=5000.0, orders=1.0)
    assert at_one is not None and at_one.value == pytest.approx(4700.0)
    # every share counts: 40 x 25 % lapsing x 10 % kept is one customer, 39 x ... is not
    assert effect("keep", REVENUE, customers=39, leave_rate=0.25, kept=0.1, check=1.0) is None
    assert effect("keep", REVENUE, customers=40, leave_rate=0.25, kept=0.1, check=1.0)


def rec(code: str, value: float | None) -> Any:
    from analytics.advice.recommendations import Effect, Recommendation

    money = None if value is None else Effect("reach", {"customers": 1.0}, value, value,
                                              value / 2, value * 1.5, "revenue", "default")
    return Recommendation(code, "f", "medium", ("x",), "churn", "active_base", money)


def test_the_plan_takes_steps_aimed_at_different_customers() -> None:
    """win_back and reactivate_churned both reach the lapsed; raise_frequency reaches the
    core too: the plan takes win_back, second_purchase and onboarding, sums them, and says
    which chosen step each left-out one overlaps."""
    from analytics.advice.plan import choose, plan_section

    ranked = [rec("win_back", 900.0), rec("reactivate_churned", 800.0),
              rec("protect_core", 700.0), rec("raise_frequency", 600.0),
              rec("clean_base", None), rec("onboarding", 100.0)]
    ordered = choose(ranked)
    assert [r.code for r in ordered] == ["win_back", "protect_core", "onboarding",
                                         "reactivate_churned", "raise_frequency", "clean_base"]
    assert ordered[3].overlaps == ("win_back",) and ordered[4].overlaps == ("protect_core",)
    plan = plan_section(ordered, REVENUE)
    assert plan["steps"] == ["win_back", "protect_core", "onboarding"]
    assert (plan["value"], plan["low"], plan["high"]) == (1700.0, 850.0, 2550.0)
    assert plan["left_out"] == [{"code": "reactivate_churned", "overlaps": ["win_back"]},
                                {"code": "raise_frequency", "overlaps": ["protect_core"]}]


def test_a_step_reaching_everyone_overlaps_every_chosen_step() -> None:
    from analytics.advice.plan import choose, plan_section

    ordered = choose([rec("second_purchase", 500.0), rec("prepare_peak", 400.0),
                      rec("restart_acquisition", 300.0)])
    assert [r.code for r in ordered][:2] == ["second_purchase", "restart_acquisition"]
    assert ordered[2].overlaps == ("second_purchase", "restart_acquisition")
    assert plan_section(ordered, REVENUE)["value"] == 800.0


def test_the_summary_adds_up_only_the_plan(sample_report: dict[str, Any]) -> None:
    from analytics.render.text.sections import summary

    plan = sample_report["plan"]
    chosen = [r for r in sample_report["recommendations"] if r["code"] in plan["steps"]]
    assert len(chosen) >= 2 and plan["value"] == pytest.approx(
        sum(r["effect"]["value"] for r in chosen))
    assert all(not r["overlaps"] for r in chosen)
    text = summary(sample_report, "ru").replace("\xa0", " ")
    assert "Шаги для разных клиентов вместе: около" in text
