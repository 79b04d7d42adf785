"""The value-proposition questionnaire (DOMAIN.md section 1), one client segment a run."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analytics.toolkit import FIELDS, assess_answer, hint_key, question_key, stop_question_key
from analytics.toolkit.value_prop import parse_yes_no
from bot.dialogs.engine import Check, Flow, Question, Verdict
from bot.dialogs.toolkit_data import toolkit_messages
from storage import AnswerSection

YES_NO = tuple((code, f"tk-yes-no-{code}") for code in ("yes", "no", "unknown"))
NAME_WORDS = 6


def _assessed(field: str) -> Check:
    def check(text: str, answers: Mapping[str, Any]) -> Verdict:
        # the context rule judges a problem by the situation answer only once it was given
        context = ({f: str(answers.get(f) or "") for f in FIELDS}
                   if "situation" in answers else None)
        verdict = assess_answer(field, text, context)
        if not text.strip():
            return Verdict(reask=("dlg-empty", {}))
        if verdict.follow_up is not None and not verdict.missing:
            return Verdict(value=text.strip(), follow_up=(verdict.follow_up, verdict.args))
        if verdict.missing:
            return Verdict(reask=(verdict.follow_up or "dlg-empty", verdict.args))
        return Verdict(value=text.strip())

    return check


def _yes_no(text: str, answers: Mapping[str, Any]) -> Verdict:
    return Verdict(value=parse_yes_no(text))


def _store(answers: Mapping[str, Any], stored: Mapping[str, Any]) -> dict[str, Any]:
    segment = str(answers.get("segment") or "")
    proposition: dict[str, Any] = {f: str(answers.get(f) or "") for f in FIELDS}
    proposition["name"] = " ".join(segment.split()[:NAME_WORDS])
    proposition["stop_check"] = {
        "benefit": str(answers.get("benefit") or ""),
        "clients_asked": str(answers.get("clients_asked") or "unknown"),
        "clients_confirm": str(answers.get("clients_confirm") or "unknown"),
    }
    numbers = [int(k) for k in stored if k.isdigit()]
    return {str(max(numbers, default=0) + 1): proposition}


def _result(answers: Mapping[str, Any], extras: Mapping[str, Any], lang: str) -> list[str]:
    (proposition,) = _store(answers, {}).values()
    return toolkit_messages({"value_propositions": [proposition]}, lang, whole=False)


VALUE_PROP = Flow(
    name="vp",
    section=AnswerSection.VALUE_PROPOSITION,
    intro="dlg-vp-intro",
    questions=(
        *(Question(f, question_key(f), hint_key(f), check=_assessed(f)) for f in FIELDS),
        Question("benefit", stop_question_key("benefit"), optional=True),
        Question("clients_asked", stop_question_key("clients_asked"), options=YES_NO,
                 check=_yes_no),
        Question("clients_confirm", stop_question_key("clients_confirm"), options=YES_NO,
                 check=_yes_no),
    ),
    store=_store,
    result=_result,
)
