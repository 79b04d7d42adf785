"""The constraint from levers the owner can really move, on three business shapes computed by
hand; the audit-to-brief reconciliation on the shipped samples; every answers-file value
outside its allowed set refused with one clear line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.cli.toolkit import run
from analytics.locales import t
from analytics.render.document import render_markdown
from analytics.toolkit import find_constraint, parse_answers, parse_inputs, run_toolkit
from analytics.toolkit.answers import AnswersError, audit_from_report
from analytics.toolkit.brief import build_brief
from analytics.toolkit.traction import GROWTH_QUESTIONS, STEPS
from analytics.toolkit.unit_economics import LEVERS
from tests.analytics.conftest import ROOT, audit_json

SHAPES: dict[str, tuple[dict[str, Any], dict[str, float], str, dict[str, float]]] = {
    # buyers 150; gross margin 150 x 1 050 x 1.8 = 283 500; contribution 175 500
    "shop": ({"ua": 6_000, "c1": 0.025, "avg_price": 1_900, "cogs": 850, "apc": 1.8,
              "cpa": 18, "fixed_costs": 100_000},
             {"avg_price": 0.05, "apc": 0.30, "c1": 0.15, "ua": 0.20},
             "apc",
             {"apc": 0.30 * 283_500, "c1": 0.15 * 283_500, "ua": 0.20 * 175_500,
              "avg_price": 150 * 95 * 1.8}),
    # a quarter: 200 leads, 20 deals, gross margin 20 x 120 000 x 3 = 7 200 000,
    # contribution 6 800 000
    "b2b_service": ({"period": "quarter", "ua": 200, "c1": 0.10, "avg_price": 300_000,
                     "cogs": 180_000, "apc": 3, "cpa": 2_000, "fixed_costs": 500_000},
                    {"avg_price": 0.03, "c1": 0.50, "ua": 0.10, "cogs": 0.05},
                    "c1",
                    {"c1": 0.50 * 7_200_000, "ua": 0.10 * 6_800_000,
                     "avg_price": 20 * 9_000 * 3, "cogs": 20 * 9_000 * 3}),
    # 20 000 new subscribers, 200 buyers, gross margin 200 x 13 500 x 1.2 = 3 240 000
    "online_school": ({"ua": 20_000, "c1": 0.01, "avg_price": 15_000, "cogs": 1_500,
                       "apc": 1.2, "cpa": 30, "fixed_costs": 300_000},
                      {"avg_price": 0.20, "c1": 0.10, "cpa": 0.10, "apc": 0.10},
                      "avg_price",
                      {"avg_price": 200 * 3_000 * 1.2, "c1": 324_000, "apc": 324_000,
                       "cpa": 20_000 * 3}),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_realistic_moves_rank_the_levers_by_hand(shape: str) -> None:
    raw, moves, lever, deltas = SHAPES[shape]
    constraint = find_constraint(parse_inputs(raw), moves)
    assert constraint.lever == lever
    assert constraint.basis == "realistic"
    assert {e.lever: round(e.delta, 2) for e in constraint.effects} == pytest.approx(deltas)
    assert set(constraint.unknown) == set(LEVERS) - set(moves)  # never a made-up default
    assert all(e.source == "owner" for e in constraint.effects)


def test_the_price_is_the_constraint_in_only_one_shape_of_three() -> None:
    levers = [find_constraint(parse_inputs(raw), moves).lever for raw, moves, *_ in
              SHAPES.values()]
    assert levers.count("avg_price") == 1
    # the same shop with an equal 10 % step: the price wins, flagged as a sensitivity only
    equal = find_constraint(parse_inputs(SHAPES["shop"][0]))
    assert (equal.lever, equal.basis, equal.flags) == ("avg_price", "equal_steps",
                                                      ("equal_steps",))


@pytest.fixture(scope="module")
def shop_report() -> dict[str, Any]:
    return audit_json(ROOT / "samples" / "shop_orders.csv")


@pytest.fixture(scope="module")
def school_report() -> dict[str, Any]:
    return audit_json(ROOT / "samples" / "school_orders.xlsx")


def test_shop_sample_reconciles_new_buyers_and_revenue(shop_report: dict[str, Any]) -> None:
    audit = audit_from_report(shop_report)
    # the later comparable period 2024-07..2025-06: 122 new customers, 765 orders,
    # 4 134 752 revenue; 1 871 orders of 469 customers over the file
    assert audit.prefill["buyers_per_month"] == pytest.approx(122 / 12)
    assert audit.prefill["aov"] == pytest.approx(4_134_752 / 765)
    assert audit.prefill["apc"] == pytest.approx(1_871 / 469)
    answers = parse_answers({"unit_economics": {"ua": 1_000, "cogs": 2_000, "cpa": 50,
                                                "fixed_costs": 150_000}})
    result = run_toolkit(answers.__class__(**{**answers.__dict__, "audit": audit}))
    assert result.economics is not None and result.reconciliation is not None
    ue, rec = result.economics, result.reconciliation
    # buyers x price x APC = 10.1667 x 5 404.90 x 3.9893 = 219 214, against the audit's
    # 344 563 a month (new 160 557 + existing 184 006): the brief states the difference
    assert ue.revenue == pytest.approx(122 / 12 * 4_134_752 / 765 * 1_871 / 469)
    assert round(ue.revenue) == 219_214
    assert rec.audit_revenue == pytest.approx(4_134_752 / 12)
    assert rec.audit_new + rec.audit_existing == pytest.approx(rec.audit_revenue)
    assert rec.difference == pytest.approx(ue.revenue - 4_134_752 / 12)
    md = render_markdown(build_brief(result, "ru", with_chart=False))
    assert "разница −125 349 ₽" in md.replace("\xa0", " ")
    assert "891 675" not in md


def test_shop_history_offers_pooled_moves_and_school_leads(
        shop_report: dict[str, Any], school_report: dict[str, Any]) -> None:
    shop = audit_from_report(shop_report).levers
    # new customers 273 a year before, 122 now: back to 22.75 a month from 10.17 = +123.8 %
    assert shop["ua"]["change"] == pytest.approx(273 / 122 - 1)
    assert shop["apc"]["change"] == pytest.approx(3.04 / 2.902 - 1)
    school = audit_from_report(school_report).levers
    assert school["ua"]["basis"] == "leads" and school["c1"]["basis"] == "lead_conversion"
    assert school["avg_price"]["change"] is None  # the check rose: no move from history
    answers = parse_answers({"unit_economics": {
        "ua": 70, "c1": 0.04, "cogs": 1_000, "cpa": 300,
        "realistic_change": {"c1": "history", "avg_price": "history", "cpa": 10}}})
    audit = audit_from_report(school_report)
    result = run_toolkit(answers.__class__(**{**answers.__dict__, "audit": audit}))
    assert result.constraint is not None
    sources = {e.lever: e.source for e in result.constraint.effects}
    assert sources == {"c1": "history", "cpa": "owner"}
    assert result.history_missing == ("avg_price",)
    assert result.b2b is False and result.traction is None  # a school: no B2B map
    assert any(f.leak for f in result.funnel)


def test_sample_answers_file_brief_has_no_raw_keys(tmp_path: Path) -> None:
    assert run(ROOT / "samples" / "toolkit_answers.yaml", out=tmp_path, lang="en",
               as_json=False) == 0
    md = (tmp_path / "brief.md").read_text("utf-8")
    assert "tk-" not in md and "{" not in md


def test_skipped_fixed_costs_are_unknown_and_gaps_are_flagged() -> None:
    answers = parse_answers({"unit_economics": {"ua": 10_000, "c1": 0.02, "avg_price": 1_000,
                                                "cogs": 400, "apc": 2, "cpa": 5},
                             "audit": {"buyers_per_month": 39, "aov": 1_100, "apc": 2.1}})
    result = run_toolkit(answers)
    assert result.economics is not None and not result.economics.inputs.fixed_known
    gaps = {c.field: (round(c.said), round(c.measured), c.flagged) for c in result.comparisons}
    # 200 buyers said, 39 measured: +413 %, flagged; the check is 9 % off, not flagged
    assert gaps == {"buyers": (200, 39, True), "avg_price": (1_000, 1_100, False),
                    "apc": (2, 2, False)}
    md = render_markdown(build_brief(result, "ru", with_chart=False)).replace("\xa0", " ")
    assert "| Постоянные расходы | неизвестно |" in md
    assert "| Операционная прибыль | не посчитана |" in md
    assert "| Постоянные расходы | 0 ₽" not in md
    assert "| **200** | **39** | **+413 % ⚠** |" in md


def test_subscription_is_not_in_loss_for_a_cohort_that_has_not_paid_back() -> None:
    # 100 new subscribers, CAC 50 / 0.1 = 500, margin 200 a payment: 2.5 months to pay back
    ue = run_toolkit(parse_answers({"unit_economics": {
        "model": "subscription", "ua": 1_000, "c1": 0.1, "avg_price": 300, "cogs": 100,
        "apc": 6, "cpa": 50, "fixed_costs": 60_000, "existing_customers": 400}})).economics
    assert ue is not None
    assert ue.payback_periods == pytest.approx(2.5)  # 500 / 200
    assert ue.period_profit == pytest.approx(500 * 200 - 50_000 - 60_000)  # -10 000
    assert "negative_operating_profit" in ue.flags
    more = run_toolkit(parse_answers({"unit_economics": {
        "model": "subscription", "ua": 1_000, "c1": 0.1, "avg_price": 300, "cogs": 100,
        "apc": 6, "cpa": 50, "fixed_costs": 60_000, "existing_customers": 600}})).economics
    assert more is not None and more.period_profit == pytest.approx(700 * 200 - 110_000)
    assert "negative_operating_profit" not in more.flags


CHOICES: dict[str, tuple[str, ...]] = {
    **{f"growth_metric.{q}": a for q, a in GROWTH_QUESTIONS.items()},
    **{f"traction.{s}": ("yes", "partly", "no") for s in STEPS},
    "business.sales": ("b2b", "b2c"),
}


def _placed(path: str, value: object) -> dict[str, Any]:
    section, key = path.split(".")
    data: dict[str, Any] = {section: {key: value}}
    if section == "business":
        data["traction"] = {"problem_interviews": "yes"}
    return data


@settings(max_examples=150, deadline=None)
@given(path=st.sampled_from(sorted(CHOICES)),
       value=st.one_of(st.integers(), st.floats(allow_nan=False), st.text(max_size=12)))
def test_every_value_outside_its_allowed_set_is_refused(path: str, value: object) -> None:
    allowed = CHOICES[path]
    text = str(value).strip().lower().replace("-", "_")
    words = {"да", "нет", "не знаю", "частично", "отчасти", "в процессе", "начали", "сделано",
             "не начато", "y", "n", "д", "н", "+", "-", "±", "+-", "1", "0", "0.5", "true",
             "false", "done", "half", "partially", "started", "in progress", "not started", ""}
    if isinstance(value, str) and (text in allowed or text in words or not text.strip(" .!")):
        return  # an accepted spelling of an allowed answer
    if not isinstance(value, str) and path.startswith("traction") and value in (0, 1, 0.5):
        return
    with pytest.raises(AnswersError) as caught:
        parse_answers(_placed(path, value))
    line = t("ru", f"tk-err-{caught.value.code}", **caught.value.args_)
    template = line.replace(str(caught.value.args_.get("value", "")), "")
    assert not line.startswith("tk-err") and "\n" not in template and "{" not in template
    assert path.split(".")[1] in line


@settings(max_examples=60, deadline=None)
@given(lever=st.sampled_from(LEVERS), value=st.one_of(
    st.floats(max_value=0, allow_nan=False), st.floats(min_value=500.01, max_value=1e9),
    st.sampled_from(["much", "10%", "x"])))
def test_unrealistic_changes_are_refused(lever: str, value: object) -> None:
    with pytest.raises(AnswersError) as caught:
        parse_answers({"unit_economics": {"ua": 1, "realistic_change": {lever: value}}})
    assert caught.value.code == "bad-change"
    assert "больше 0" in t("ru", "tk-err-bad-change", **caught.value.args_)


def test_a_yaml_number_is_never_read_as_an_age() -> None:
    with pytest.raises(AnswersError) as caught:
        parse_answers(yaml.safe_load("growth_metric:\n  age: 1_3\n"))
    assert caught.value.args_["value"] == "13"
