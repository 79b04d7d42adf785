"""Value proposition: completeness score, statement, stop check and interview script."""

from __future__ import annotations

import pytest

from analytics.locales import t
from analytics.toolkit.value_prop import (
    CORE_FIELDS,
    FIELD_WEAKNESSES,
    FIELDS,
    PropositionAnswers,
    assess_proposition,
    combine_answers,
    completeness,
    interview_script,
    parse_yes_no,
    stop_check,
)

STRONG = PropositionAnswers(
    segment="Владельцы независимых кофеен в Казани на 1–3 точки",
    problem="Зерно приходит старым, вкус эспрессо плывёт, гости жалуются",
    situation="Когда приходит новая партия зерна, особенно в пятницу",
    solution="Обжарка под заказ раз в неделю с доставкой на следующий день",
    extra_benefit="Бариста тратят на настройку помола 10 минут вместо 40",
    proof="Через месяц сравниваем долю повторных заказов",
    clients_asked="да",
    clients_confirm="да",
)

WEAK = PropositionAnswers(
    segment="Все, кто любит хороший кофе",
    problem="Хотят вкусный кофе",
    situation="",
    solution="Качественное зерно с доставкой",
    extra_benefit="Удобно и выгодно",
    proof="не знаю",
)


def test_strong_proposition_scores_100() -> None:
    prop = assess_proposition(STRONG, interviews="yes")
    assert prop.score == 100
    assert prop.missing == () and prop.weak == ()
    assert prop.statement["segment"] == STRONG.segment
    assert prop.statement["benefit"] == STRONG.extra_benefit
    assert prop.check.verdict == "passed"
    assert assess_proposition(STRONG).check.verdict == "unverified"  # interviews unknown


def test_weak_proposition_score_by_hand() -> None:
    prop = assess_proposition(WEAK)
    # segment weak 10, problem weak 10 (short + no situation), situation missing 0,
    # benefit weak 10, proof missing 0  -> 30
    assert prop.score == 30
    assert prop.missing == ("situation", "proof")
    assert prop.weak == ("segment", "problem", "extra_benefit")
    assert prop.assessments["problem"].weaknesses == ("too_short", "no_situation")
    assert prop.assessments["solution"].weaknesses == ("vague",)  # not scored, still shown
    # missing parts are None in the statement, weak ones are kept as the user wrote them
    assert prop.statement["situation"] is None and prop.statement["proof"] is None
    assert prop.statement["segment"] == WEAK.segment
    assert prop.check.verdict == "unverified"


def test_completeness_counts_only_the_five_core_questions() -> None:
    assert CORE_FIELDS == ("segment", "problem", "situation", "extra_benefit", "proof")
    no_solution = PropositionAnswers(**{**STRONG.to_dict(), "solution": ""})
    prop = assess_proposition(no_solution)
    assert prop.score == 100
    assert prop.statement["solution"] is None
    assert completeness(prop.assessments) == (100, (), ())


@pytest.mark.parametrize(
    ("benefit", "asked", "confirm", "verdict", "advice"),
    [
        ("10 минут вместо 40", "да", "да", "unverified", "interviews-first"),
        ("10 минут вместо 40", True, False, "failed", "not-confirmed"),
        ("10 минут вместо 40", "no", "yes", "failed", "not-asked"),
        ("10 минут вместо 40", "нет", "нет", "failed", "nobody-wants"),
        ("10 минут вместо 40", "не знаю", "да", "unverified", "unverified"),
        ("10 минут вместо 40", None, None, "unverified", "unverified"),
        ("", "да", "да", "failed", "no-benefit"),
    ],
)
def test_stop_check(benefit: str, asked: object, confirm: object, verdict: str,
                    advice: str) -> None:
    check = stop_check(benefit, asked, confirm)
    assert check.verdict == verdict
    assert check.advice == f"tk-vp-stop-advice-{advice}"


@pytest.mark.parametrize(("interviews", "verdict"), [("yes", "passed"), ("partly", "unverified"),
                                                     ("no", "unverified"),
                                                     ("unknown", "unverified")])
def test_stop_check_cannot_pass_before_the_problem_interviews(interviews: str,
                                                             verdict: str) -> None:
    assert stop_check("10 минут вместо 40", "да", "да", interviews).verdict == verdict


def test_yes_no_parsing() -> None:
    assert [parse_yes_no(v) for v in (True, "Да", "yes", False, "НЕТ", "no", "может", None)] == [
        "yes", "yes", "yes", "no", "no", "no", "unknown", "unknown"]


def test_stop_check_benefit_defaults_to_the_extra_benefit() -> None:
    prop = assess_proposition(STRONG)
    assert prop.check.benefit == STRONG.extra_benefit
    own = assess_proposition(PropositionAnswers(**{**STRONG.to_dict(), "benefit": "Свежий кофе"}))
    assert own.check.benefit == "Свежий кофе"


# --------------------------------------------------------------------------- interview


def _rendered(answers: PropositionAnswers, lang: str) -> list[str]:
    script = interview_script(answers)
    return [t(lang, script.intro.key, **script.intro.args)] + [
        t(lang, q.key, **q.args) for q in script.questions]


def test_interview_quotes_the_owner_answers_and_never_pitches() -> None:
    script = interview_script(STRONG)
    keys = [q.key for q in script.questions]
    assert keys[:3] == ["tk-iv-q-context", "tk-iv-q-last-time", "tk-iv-q-situation"]
    assert {"tk-iv-q-cost", "tk-iv-q-tried", "tk-iv-q-actions"} <= set(keys)
    for lang in ("ru", "en"):
        text = " ".join(_rendered(STRONG, lang))
        assert STRONG.problem.rstrip(".") in text
        assert STRONG.situation in text
        assert STRONG.solution not in text  # no pitching
        assert "{" not in text
    assert script.rules[0] == "no-pitch"


def test_interview_falls_back_to_generic_questions() -> None:
    script = interview_script(WEAK)
    keys = [q.key for q in script.questions]
    assert "tk-iv-q-situation-generic" in keys  # no situation given
    assert "tk-iv-q-proof-generic" in keys  # "не знаю" is no proof
    # a weak problem ("Хотят вкусный кофе") is the owner's guess, not a customer's situation
    assert "tk-iv-q-last-time-generic" in keys
    empty = interview_script(PropositionAnswers())
    assert empty.intro.key == "tk-iv-intro-generic"
    assert all(q.key.endswith("generic") or not q.args for q in empty.questions)


def test_long_answers_are_clipped_in_the_script() -> None:
    long = PropositionAnswers(**{**STRONG.to_dict(), "problem": "Слово " * 100})
    quoted = next(q for q in interview_script(long).questions if q.key == "tk-iv-q-last-time")
    assert len(quoted.args["text"]) <= 140 and quoted.args["text"].endswith("…")


def test_combine_answers() -> None:
    assert combine_answers("Владельцы кофеен", "в Казани, 1–3 точки") == (
        "Владельцы кофеен. в Казани, 1–3 точки")
    assert combine_answers("Владельцы кофеен.", "1–3 точки") == "Владельцы кофеен. 1–3 точки"
    assert combine_answers("", "x") == "x" and combine_answers("x", " ") == "x"


def test_every_field_can_be_judged() -> None:
    assert set(FIELDS) == set(FIELD_WEAKNESSES)
    prop = assess_proposition(WEAK)
    assert set(prop.to_dict()["assessments"]) == set(FIELDS)
