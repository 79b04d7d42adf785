"""Every choice in an answers file is one of its allowed values, or the file is refused with
a clear line: nothing is silently read as another answer."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.toolkit.answers import AnswersError, parse_answers
from analytics.toolkit.traction import ANSWERS, GROWTH_QUESTIONS, STEPS, choose_growth_metric


def test_an_unquoted_1_3_is_refused_not_read_as_over_3() -> None:
    data = yaml.safe_load("growth_metric:\n  age: 1_3\n")
    assert data["growth_metric"]["age"] == 13  # what YAML does with it
    with pytest.raises(AnswersError) as refused:
        parse_answers(data)
    assert refused.value.code == "bad-choice"
    assert refused.value.args_["allowed"] == "under_1 | 1_3 | over_3"
    quoted = parse_answers(yaml.safe_load('growth_metric:\n  age: "1_3"\n'))
    assert choose_growth_metric(quoted.growth or {}).answers["age"] == "1_3"
    assert choose_growth_metric({"age": "1-3"}).answers["age"] == "1_3"


@settings(max_examples=60, deadline=None)
@given(question=st.sampled_from(sorted(GROWTH_QUESTIONS)),
       value=st.one_of(st.integers(), st.floats(allow_nan=False), st.text(max_size=12)))
def test_any_growth_answer_is_allowed_or_refused(question: str, value: object) -> None:
    try:
        parsed = parse_answers({"growth_metric": {question: value}})
    except AnswersError as exc:
        assert exc.code == "bad-choice" and exc.args_["name"] == question
        return
    chosen = choose_growth_metric(parsed.growth or {}).answers[question]
    assert chosen in GROWTH_QUESTIONS[question]
    assert isinstance(value, str)  # a number is never taken for a code


@settings(max_examples=40, deadline=None)
@given(step=st.sampled_from(STEPS), value=st.one_of(st.integers(), st.text(max_size=10)))
def test_any_traction_answer_is_allowed_or_refused(step: str, value: object) -> None:
    try:
        parse_answers({"traction": {step: value}})
    except AnswersError as exc:
        assert exc.code == "bad-choice" and exc.args_["allowed"] == " | ".join(ANSWERS)


def test_a_stop_check_answer_outside_yes_no_unknown_is_refused() -> None:
    with pytest.raises(AnswersError) as refused:
        parse_answers({"value_propositions": [{"segment": "x",
                                               "stop_check": {"clients_asked": "maybe"}}]})
    assert refused.value.args_["name"] == "clients_asked"
