"""The traction-map quiz (DOMAIN.md section 5) and the growth-metric quiz, with buttons."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analytics.toolkit import GROWTH_QUESTIONS, STEPS, step_key
from analytics.toolkit.traction import ANSWERS
from bot.dialogs.engine import Flow, Question
from bot.dialogs.toolkit_data import GROWTH_PREFIX, answers_data, toolkit_messages
from storage import AnswerSection


def _store(answers: Mapping[str, Any], stored: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in answers.items() if v is not None}


def _result(answers: Mapping[str, Any], extras: Mapping[str, Any], lang: str) -> list[str]:
    return toolkit_messages(answers_data({AnswerSection.TRACTION: _store(answers, {})}), lang,
                            whole=False)


def _growth_question(code: str, options: tuple[str, ...]) -> Question:
    slug = code.replace("_", "-")
    return Question(GROWTH_PREFIX + code, f"tk-gm-q-{slug}", typed=False,
                    options=tuple((a, f"tk-gm-a-{slug}-{a.replace('_', '-')}") for a in options))


TRACTION = Flow(
    name="tr",
    section=AnswerSection.TRACTION,
    intro="dlg-tr-intro",
    questions=(
        *(Question(step, step_key(step, "q"), typed=False,
                   options=tuple((a, f"tk-tr-answer-{a}") for a in ANSWERS)) for step in STEPS),
        *(_growth_question(code, options) for code, options in GROWTH_QUESTIONS.items()),
    ),
    store=_store,
    result=_result,
)
