"""Unit economics, the constraint and the x2 plan on worked examples computed by hand."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.toolkit.unit_economics import (
    InputError,
    UnitInputs,
    check_value,
    compute,
    find_constraint,
    metric_value,
    parse_inputs,
    prefill_from_audit,
    sensitivity,
    solve_lever,
    x2_plan,
)

# The worked example of the module docstring and docs/toolkit.md.
EXAMPLE = {
    "ua": 10_000, "c1": 0.02, "avg_price": 3_000, "cogs": 1_200, "apc": 1.5, "cpa": 40,
    "fixed_costs": 50_000,
}


@pytest.fixture
def example() -> UnitInputs:
    return parse_inputs(EXAMPLE)


def test_worked_example_by_hand(example: UnitInputs) -> None:
    ue = compute(example)
    # buyers = 10 000 x 0.02
    assert ue.buyers == pytest.approx(200)
    # revenue = 200 x 3 000 x 1.5
    assert ue.revenue == pytest.approx(900_000)
    # gross margin = 200 x (3 000 - 1 200) x 1.5
    assert ue.gross_margin == pytest.approx(540_000)
    # marketing = 10 000 x 40
    assert ue.marketing_cost == pytest.approx(400_000)
    assert ue.contribution_profit == pytest.approx(140_000)
    assert ue.operating_profit == pytest.approx(90_000)
    assert ue.net_profit == pytest.approx(90_000)  # no tax given
    # CAC = 40 / 0.02 ; CLTV = 1 800 x 1.5
    assert ue.cac == pytest.approx(2_000)
    assert ue.cltv == pytest.approx(2_700)
    assert ue.cltv_cac == pytest.approx(1.35)
    # ROMI = 140 000 / 400 000
    assert ue.romi == pytest.approx(0.35)
    # break-even CPA = 0.02 x 2 700 ; break-even C1 = 40 / 2 700
    assert ue.breakeven_cpa == pytest.approx(54)
    assert ue.breakeven_c1 == pytest.approx(40 / 2_700)
    # with fixed costs: (540 000 - 50 000) / 10 000 ; (400 000 + 50 000) / (10 000 x 2 700)
    assert ue.breakeven_cpa_fixed == pytest.approx(49)
    assert ue.breakeven_c1_fixed == pytest.approx(450_000 / 27_000_000)
    assert ue.margin_pct == pytest.approx(60)
    assert ue.flags == ()
    assert ue.periods_per_year == 12


def test_loss_making_example_by_hand() -> None:
    # UA 1 000, C1 1%, price 2 000, COGS 1 500, APC 1, CPA 10
    ue = compute(parse_inputs({"ua": 1000, "c1": "1%", "avg_price": 2000, "cogs": 1500,
                               "apc": 1, "cpa": 10}))
    assert ue.buyers == pytest.approx(10)
    assert ue.gross_margin == pytest.approx(5_000)  # 10 x 500 x 1
    assert ue.marketing_cost == pytest.approx(10_000)
    assert ue.contribution_profit == pytest.approx(-5_000)
    assert ue.cac == pytest.approx(1_000)  # 10 / 0.01
    assert ue.cltv == pytest.approx(500)
    assert ue.romi == pytest.approx(-0.5)
    assert ue.breakeven_c1 == pytest.approx(0.02)  # 10 / 500
    assert ue.flags == ("cltv_below_cac", "negative_contribution")


def test_net_profit_applies_tax_to_positive_profit_only(example: UnitInputs) -> None:
    taxed = parse_inputs({**EXAMPLE, "tax_pct": 20})
    assert compute(taxed).net_profit == pytest.approx(72_000)  # 90 000 x 0.8
    loss = parse_inputs({**EXAMPLE, "fixed_costs": 200_000, "tax_pct": 20})
    assert compute(loss).net_profit == pytest.approx(-60_000)


def test_zero_cpa_gives_no_ratio() -> None:
    ue = compute(parse_inputs({**EXAMPLE, "cpa": 0}))
    assert ue.cac == 0 and ue.cltv_cac is None and ue.romi is None


def test_breakeven_c1_above_one_is_flagged() -> None:
    # CLTV = (100 - 90) x 1 = 10 ; CPA 20 -> C1 must be 2 (200%)
    ue = compute(parse_inputs({"ua": 100, "c1": 0.5, "avg_price": 100, "cogs": 90,
                               "apc": 1, "cpa": 20}))
    assert ue.breakeven_c1 == pytest.approx(2)
    assert "breakeven_c1_impossible" in ue.flags


# --------------------------------------------------------------------------- inputs


def test_margin_pct_gives_cogs() -> None:
    inputs = parse_inputs({**EXAMPLE, "cogs": None, "margin_pct": 60})
    assert inputs.cogs == pytest.approx(1_200)
    assert parse_inputs({**EXAMPLE, "cogs": None, "margin_pct": "60%"}).cogs == pytest.approx(1200)


def test_numbers_are_read_from_human_strings() -> None:
    inputs = parse_inputs({"ua": "10 000", "c1": "2%", "avg_price": "3 000 ₽", "cogs": "1200",
                           "apc": "1,5", "cpa": "40 руб", "period": "Quarter"})
    assert inputs.c1 == pytest.approx(0.02)
    assert (inputs.ua, inputs.avg_price, inputs.apc, inputs.cpa) == (10_000, 3_000, 1.5, 40)
    assert inputs.period == "quarter"
    assert compute(inputs).periods_per_year == 4


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"c1": 3}, "c1_percent", "c1"),
        ({"c1": 250}, "c1_range", "c1"),
        ({"c1": 0}, "c1_zero", "c1"),
        ({"c1": "abc"}, "not_number", "c1"),
        ({"cogs": 3_000}, "cogs_ge_price", "cogs"),
        ({"cogs": 5_000}, "cogs_ge_price", "cogs"),
        ({"apc": 0.5}, "apc_below_one", "apc"),
        ({"ua": -5}, "negative", "ua"),
        ({"ua": 0}, "zero", "ua"),
        ({"avg_price": 0}, "zero", "avg_price"),
        ({"cpa": None}, "missing", "cpa"),
        ({"cogs": None}, "missing_cogs", "cogs"),
        ({"margin_pct": 50}, "cogs_margin_conflict", "cogs"),
        ({"cogs": None, "margin_pct": 120}, "margin_range", "margin_pct"),
        ({"period": "decade"}, "period", "period"),
        ({"tax_pct": 100}, "tax_range", "tax_pct"),
        ({"price": 10}, "unknown_field", "price"),
        ({"ua": True}, "not_number", "ua"),
    ],
)
def test_implausible_inputs_are_rejected(change: dict[str, object], code: str,
                                         field: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_inputs({**EXAMPLE, **change})
    assert (code, field) in [(p.code, p.field) for p in caught.value.problems]


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(InputError) as caught:
        parse_inputs({"ua": -1, "c1": 5, "avg_price": 100, "cogs": 50, "apc": 0})
    assert [p.code for p in caught.value.problems] == [
        "negative", "c1_percent", "apc_below_one", "missing"]
    assert caught.value.problems[1].hint == "0.05"


def test_check_value_for_one_dialog_question() -> None:
    number, no_problem = check_value("c1", "3%")
    assert number == pytest.approx(0.03) and no_problem is None
    _, problem = check_value("c1", "3")
    assert problem is not None and problem.code == "c1_percent"
    assert check_value("fixed_costs", "") == (None, None)  # optional, skipped


# --------------------------------------------------------------------------- audit prefill


def test_prefill_takes_what_the_audit_knows_and_derives_c1() -> None:
    raw = {"ua": 5_000, "cogs": 800, "cpa": 20}
    merged, sources = prefill_from_audit(raw, {"aov": 2_000, "apc": 2.5, "buyers_per_month": 100})
    assert merged["avg_price"] == 2_000 and merged["apc"] == 2.5
    assert merged["c1"] == pytest.approx(0.02)  # 100 buyers / 5 000 UA
    assert sources == {"avg_price": "audit", "apc": "audit", "c1": "derived"}
    assert compute(parse_inputs(merged)).buyers == pytest.approx(100)


def test_prefill_derives_ua_from_c1_and_scales_buyers_to_the_period() -> None:
    merged, sources = prefill_from_audit(
        {"c1": "2%", "period": "quarter"}, {"buyers_per_month": 100})
    assert merged["ua"] == pytest.approx(15_000)  # 300 buyers a quarter / 0.02
    assert sources == {"ua": "derived"}


def test_user_answers_win_over_the_audit() -> None:
    merged, sources = prefill_from_audit({"avg_price": 1_500, "apc": 3, "ua": 10, "c1": 0.1},
                                         {"aov": 2_000, "apc": 2.5, "buyers_per_month": 100})
    assert merged["avg_price"] == 1_500 and merged["apc"] == 3 and merged["c1"] == 0.1
    assert sources == {}


def test_audit_does_not_know_cogs() -> None:
    merged, _ = prefill_from_audit({"ua": 1000, "c1": 0.1, "cpa": 5},
                                   {"aov": 100, "apc": 2, "buyers_per_month": 100})
    with pytest.raises(InputError) as caught:
        parse_inputs(merged)
    assert [p.code for p in caught.value.problems] == ["missing_cogs"]


# --------------------------------------------------------------------------- constraint


def test_sensitivity_by_hand(example: UnitInputs) -> None:
    effects = {e.lever: e for e in sensitivity(example)}
    # +10% price: +10% of revenue = 90 000
    assert effects["avg_price"].delta == pytest.approx(90_000)
    # +10% C1 or APC: +10% of gross margin = 54 000
    assert effects["c1"].delta == pytest.approx(54_000)
    assert effects["apc"].delta == pytest.approx(54_000)
    # -10% COGS: 200 x 120 x 1.5 = 36 000
    assert effects["cogs"].delta == pytest.approx(36_000)
    # -10% CPA: 10% of marketing = 40 000
    assert effects["cpa"].delta == pytest.approx(40_000)
    # +10% UA: 10% of contribution = 14 000
    assert effects["ua"].delta == pytest.approx(14_000)
    assert effects["avg_price"].delta_pct == pytest.approx(100)  # 90 000 / 90 000
    ranking = [e.lever for e in sensitivity(example)]
    assert ranking == ["avg_price", "c1", "apc", "cpa", "cogs", "ua"]


def test_constraint_is_the_top_lever_with_ties_and_advice(example: UnitInputs) -> None:
    constraint = find_constraint(example)
    assert constraint.lever == "avg_price"
    assert constraint.tied == ()
    assert constraint.exploit == "tk-ue-exploit-avg-price"
    assert constraint.elevate == "tk-ue-elevate-avg-price"
    assert constraint.flags == ("equal_steps",)


def test_realistic_steps_change_the_constraint(example: UnitInputs) -> None:
    # price can only move 2% (+18 000), C1 can move 20% (+108 000)
    constraint = find_constraint(example, steps={"avg_price": 0.02, "c1": 0.20})
    assert constraint.lever == "c1"
    assert constraint.effects[0].delta == pytest.approx(108_000)
    assert constraint.flags == ()


def test_c1_and_apc_tie_when_they_lead() -> None:
    # C1 and APC both scale gross margin only, so equal realistic moves give equal
    # effects (+10 %: 54 000 each); a lever with a move of 0 is not ranked.
    inputs = parse_inputs(EXAMPLE)
    constraint = find_constraint(inputs, steps={"avg_price": 0.0, "c1": 0.1, "apc": 0.1})
    assert constraint.lever == "c1"
    assert constraint.tied == ("apc",)
    assert constraint.effects[0].delta == pytest.approx(54_000)
    assert constraint.unknown == ("ua", "avg_price", "cogs", "cpa")


def test_scaling_a_loss_making_sale_is_flagged() -> None:
    inputs = parse_inputs({"ua": 1000, "c1": 0.01, "avg_price": 2000, "cogs": 1500, "apc": 1,
                           "cpa": 10})
    constraint = find_constraint(inputs)
    ua = next(e for e in constraint.effects if e.lever == "ua")
    assert ua.delta == pytest.approx(-500)  # 10% of a -5 000 contribution
    assert ua.rank == 6
    assert "scaling_loses_money" in constraint.flags


def test_c1_is_capped_at_one() -> None:
    inputs = parse_inputs({**EXAMPLE, "c1": 0.95})
    c1 = next(e for e in sensitivity(inputs) if e.lever == "c1")
    assert c1.after == 1.0 and c1.capped


# --------------------------------------------------------------------------- x2 plan


def test_x2_alone_by_hand(example: UnitInputs) -> None:
    plan = x2_plan(example, "operating_profit")
    assert plan.goal == "multiply"
    assert plan.base == pytest.approx(90_000) and plan.target == pytest.approx(180_000)
    alone = {x.lever: x for x in plan.alone}
    # price: profit grows 300 per +1 of price (200 x 1.5) -> +300 needed: 3 300
    assert alone["avg_price"].required == pytest.approx(3_300)
    assert alone["avg_price"].change_pct == pytest.approx(10)
    # C1: profit grows 27 000 000 per +1 of C1 (10 000 x 1 800 x 1.5) -> +1/300
    assert alone["c1"].required == pytest.approx(0.02 + 90_000 / 27_000_000)
    # APC: 360 000 per +1 APC -> +0.25
    assert alone["apc"].required == pytest.approx(1.75)
    # COGS: -300 per +1 COGS -> 900
    assert alone["cogs"].required == pytest.approx(900)
    # CPA: -10 000 per +1 CPA -> 31
    assert alone["cpa"].required == pytest.approx(31)
    # UA: 14 per UA (contribution 140 000 / 10 000) -> +6 428.57
    assert alone["ua"].required == pytest.approx(10_000 + 90_000 / 14)
    assert plan.best_alone == "avg_price"
    assert plan.monthly_growth_pct == pytest.approx((2 ** (1 / 12) - 1) * 100)


def test_x2_mix_reaches_the_target(example: UnitInputs) -> None:
    plan = x2_plan(example, "operating_profit")
    assert plan.mix_change is not None
    assert {x.lever for x in plan.mix} == {"ua", "c1", "avg_price", "cogs", "apc", "cpa"}
    mixed = UnitInputs(**{**example.to_dict(), **{x.lever: x.required for x in plan.mix}})
    assert metric_value(mixed, "operating_profit") == pytest.approx(180_000, rel=1e-6)
    for x in plan.mix:
        expected = -plan.mix_change * 100 if x.lever in {"cogs", "cpa"} else plan.mix_change * 100
        assert x.change_pct == pytest.approx(expected)


def test_x2_of_revenue_ignores_cost_levers(example: UnitInputs) -> None:
    plan = x2_plan(example, "revenue")
    alone = {x.lever: x for x in plan.alone}
    assert alone["cogs"].reason == "no_effect" and alone["cpa"].reason == "no_effect"
    # revenue is a product of four levers: each alone must double
    for lever in ("ua", "c1", "avg_price", "apc"):
        assert alone[lever].change_pct == pytest.approx(100)
    # together each grows by 2 ** (1/4) - 1
    assert plan.mix_change == pytest.approx(2 ** 0.25 - 1, rel=1e-6)


def test_x2_reports_impossible_levers(example: UnitInputs) -> None:
    alone = {x.lever: x for x in x2_plan(example, "margin", factor=100).alone}
    assert alone["c1"].required is None and alone["c1"].reason == "out_of_range"  # C1 > 1
    assert alone["cogs"].reason == "out_of_range"  # COGS < 0


def test_x2_of_a_loss_aims_at_breakeven() -> None:
    inputs = parse_inputs({"ua": 1000, "c1": 0.01, "avg_price": 2000, "cogs": 1500, "apc": 1,
                           "cpa": 10})
    plan = x2_plan(inputs, "operating_profit")
    assert plan.goal == "breakeven" and plan.target == 0
    alone = {x.lever: x for x in plan.alone}
    assert alone["c1"].required == pytest.approx(0.02)  # the break-even C1
    assert alone["avg_price"].required == pytest.approx(2_500)  # margin per sale 1 000
    assert alone["cpa"].required == pytest.approx(5)
    assert "ua" not in {x.lever for x in plan.mix}
    assert plan.flags == ("ua_excluded",)


def test_x2_of_net_profit_solves_through_the_tax() -> None:
    inputs = parse_inputs({**EXAMPLE, "tax_pct": 20})
    target = solve_lever(inputs, "avg_price", "net_profit", 144_000)
    assert target.required == pytest.approx(3_300)  # same as doubling operating profit


@settings(max_examples=60, deadline=None)
@given(case=st.fixed_dictionaries({
    "ua": st.floats(100, 1e6), "c1": st.floats(0.001, 0.3), "price": st.floats(10, 1e5),
    "margin": st.floats(0.05, 0.95), "apc": st.floats(1, 10), "cpa": st.floats(0, 50),
    "lever": st.sampled_from(["ua", "c1", "avg_price", "cogs", "apc", "cpa"]),
    "metric": st.sampled_from(["revenue", "margin", "operating_profit"]),
}))
def test_solved_lever_reaches_its_target(case: dict[str, Any]) -> None:
    price = case["price"]
    inputs = UnitInputs(case["ua"], case["c1"], price, price * (1 - case["margin"]),
                        case["apc"], case["cpa"])
    metric, lever = case["metric"], case["lever"]
    base = metric_value(inputs, metric)
    target = 2 * base if base > 0 else 0.0
    solved = solve_lever(inputs, lever, metric, target)
    if solved.required is None:
        return
    reached = metric_value(inputs.with_lever(lever, solved.required), metric)
    assert math.isclose(reached, target, rel_tol=1e-6, abs_tol=1e-4 * max(1.0, abs(base)))
