"""Traction stage quiz and the choice of the growth metric."""

from __future__ import annotations

import pytest

from analytics.toolkit.traction import (
    STEPS,
    choose_growth_metric,
    parse_step_answer,
    traction_stage,
)


def test_ten_steps_in_order() -> None:
    assert len(STEPS) == 10
    assert STEPS[0] == "problem_interviews" and STEPS[-1] == "scaling"


def test_stuck_on_first_step_not_done() -> None:
    result = traction_stage({"problem_interviews": "да", "target_segments": True,
                             "first_sales": "частично"})
    assert result.stuck == "first_sales" and result.stuck_number == 3
    assert result.action == "tk-tr-action-first-sales"
    assert result.done == 2
    statuses = [s.status for s in result.steps]
    assert statuses[:4] == ["done", "done", "in_progress", "not_started"]
    assert result.skipped == ()


def test_steps_done_out_of_order_are_skipped() -> None:
    answers = dict.fromkeys(STEPS, "no")
    answers.update(problem_interviews="yes", channels="yes", delegate_org="yes")
    result = traction_stage(answers)
    assert result.stuck == "target_segments"
    assert result.skipped == ("channels", "delegate_org")
    assert result.steps[3].status == "skipped"
    assert result.done == 3


def test_all_done() -> None:
    result = traction_stage(dict.fromkeys(STEPS, "yes"))
    assert result.stuck is None and result.stuck_number is None
    assert result.action == "tk-tr-action-all-done"
    assert result.done == 10


def test_nothing_answered_means_step_one() -> None:
    result = traction_stage({})
    assert result.stuck == "problem_interviews"
    assert result.to_dict()["steps"][0] == {"number": 1, "step": "problem_interviews",
                                            "answer": "no", "status": "not_started"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [(True, "yes"), ("Да", "yes"), ("done", "yes"), ("частично", "partly"),
     ("partly", "partly"), ("в процессе", "partly"), (False, "no"), ("нет", "no"),
     (None, "no"), ("что-то", "no")],
)
def test_step_answers(value: object, expected: str) -> None:
    assert parse_step_answer(value) == expected


# --------------------------------------------------------------------------- growth metric


@pytest.mark.parametrize(
    ("answers", "positive", "metric", "reasons"),
    [
        ({"age": "under_1", "unit_profit": "yes"}, None, "revenue", ("young",)),
        ({"age": "over_3", "unit_profit": "no"}, None, "margin", ("unit-loss",)),
        ({"age": "under_1"}, False, "margin", ("unit-loss",)),  # computed loss wins
        ({"age": "1_3", "growth": "fast", "market_room": "yes", "unit_profit": "yes"}, None,
         "revenue", ("fast-growth",)),
        ({"age": "over_3", "growth": "fast", "market_room": "no", "unit_profit": "yes",
          "owner_payout": "no"}, None, "operating_profit", ("mature", "market-full")),
        ({"age": "over_3", "growth": "slow", "unit_profit": "yes", "owner_payout": "yes"}, None,
         "net_profit", ("mature", "payout")),
        ({"age": "over_3", "growth": "flat", "owner_payout": False}, None, "operating_profit",
         ("mature", "unit-unknown")),
        ({"age": "1_3", "growth": "slow", "unit_profit": "unknown"}, True, "operating_profit",
         ("established",)),  # one to three years old is not "mature"
    ],
)
def test_growth_metric_rules(answers: dict[str, object], positive: bool | None, metric: str,
                             reasons: tuple[str, ...]) -> None:
    choice = choose_growth_metric(answers, positive)
    assert choice.metric == metric
    assert choice.reasons == reasons


def test_growth_answers_accept_words_and_booleans() -> None:
    choice = choose_growth_metric({"age": "1-3", "market_room": True, "unit_profit": "да",
                                   "growth": "fast"})
    assert choice.answers["age"] == "1_3"
    assert choice.answers["market_room"] == "yes"
    assert choice.metric == "revenue"
