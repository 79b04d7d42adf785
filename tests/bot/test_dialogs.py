"""Questionnaire definitions: checks, follow-ups, storage shape and the toolkit results."""

from __future__ import annotations

from analytics.toolkit import AnswersError
from bot.dialogs import FLOWS
from bot.dialogs.toolkit_data import answers_data, toolkit_answers, toolkit_messages
from storage import AnswerSection

VP, UE, TR = FLOWS["vp"], FLOWS["ue"], FLOWS["tr"]


def check(flow_name: str, code: str, text: str, answers: dict | None = None):
    flow = FLOWS[flow_name]
    return flow.questions[flow.index_of(code)].check(text, answers or {})


def test_vague_segment_gets_a_follow_up_and_empty_is_reasked() -> None:
    vague = check("vp", "segment", "Все")
    assert vague.value == "Все" and vague.follow_up is not None
    assert check("vp", "segment", "   ").reask is not None
    concrete = check("vp", "segment", "Владельцы кофеен в Казани на 1–3 точки")
    assert concrete.follow_up is None and concrete.reask is None


def test_problem_is_not_blamed_for_a_situation_not_asked_yet() -> None:
    answer = "Зерно от поставщика приходит обжаренным месяц назад, вкус эспрессо плывёт"
    assert check("vp", "problem", answer).follow_up is None
    skipped = check("vp", "problem", answer, {"situation": ""})
    assert skipped.follow_up is not None  # the situation was asked and left empty


def test_unit_economics_numbers_are_validated_one_by_one() -> None:
    assert check("ue", "c1", "2,5%").value == 0.025
    assert check("ue", "avg_price", "1 900 ₽").value == 1900
    percent = check("ue", "c1", "25")
    assert percent.reask is not None and percent.reask[0] == "tk-ue-err-c1-percent"
    assert check("ue", "ua", "шесть тысяч").reask[0] == "tk-ue-err-not-number"
    assert check("ue", "cogs", "35%").value == {"margin_pct": 35.0}
    stored = UE.store({"period": "month", "cogs": {"margin_pct": 35.0}, "ua": 100}, {})
    assert stored == {"period": "month", "margin_pct": 35.0, "ua": 100, "realistic_change": {}}
    realistic = UE.store({"ua": 100, "rc_ua": 20.0, "rc_c1": "history", "rc_apc": None}, {})
    assert realistic["realistic_change"] == {"ua": 20.0, "c1": "history"}


def test_stored_answers_become_the_toolkit_input() -> None:
    prop = VP.store({"segment": "Владельцы кофеен в Казани", "clients_asked": "yes"},
                    {"1": {}, "2": {}})
    assert list(prop) == ["3"] and prop["3"]["stop_check"]["clients_asked"] == "yes"
    traction = TR.store({"problem_interviews": "yes", "gm_age": "1_3"}, {})
    data = answers_data({AnswerSection.VALUE_PROPOSITION: {"10": {"segment": "b"},
                                                          "2": {"segment": "a"}},
                         AnswerSection.TRACTION: traction})
    assert [p["segment"] for p in data["value_propositions"]] == ["a", "b"]
    assert data["traction"] == {"problem_interviews": "yes"}
    assert data["growth_metric"] == {"age": "1_3"}
    report = {"data": {"revenue": 1000.0, "orders": 10, "customers": 5},
              "lifecycle": {"monthly": [{"active": 4, "new": 2}, {"active": 6, "new": 8}]}}
    answers = toolkit_answers(data, report)
    assert answers.audit is not None
    # new customers a month (2 and 8), never the active ones (repeat buyers included)
    assert answers.audit.prefill == {"aov": 100.0, "apc": 2.0, "buyers_per_month": 5.0}


def test_results_render_as_chat_messages_or_one_clear_line() -> None:
    data = {"unit_economics": {"period": "month", "ua": 6000, "c1": 0.025, "avg_price": 1900,
                               "cogs": 850, "apc": 1.8, "cpa": 18}}
    messages = toolkit_messages(data, "ru")
    assert messages and all(len(m) <= 4096 for m in messages)
    assert "C1" in "".join(messages)
    bad = toolkit_messages({"unit_economics": {"period": "month", "ua": 6000, "c1": 0.025,
                                               "avg_price": 100, "cogs": 850, "apc": 1,
                                               "cpa": 18}}, "en")
    assert len(bad) == 1 and "850" in bad[0]
    try:
        toolkit_answers({}, None)
    except AnswersError as exc:
        assert exc.code == "nothing-to-do"
