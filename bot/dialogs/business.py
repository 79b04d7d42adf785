"""Two questions the consultant's brief opens with: the business's name and what it does
in one line. /brief asks them the first time; the brief follows the answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.dialogs.engine import Flow, Question, Verdict
from storage import AnswerSection

MAX_NAME = 80
MAX_DESCRIPTION = 200
"""One line: the brief prints it under the business's name."""


def _one_line(limit: int) -> Any:
    def check(text: str, answers: Mapping[str, Any]) -> Verdict:
        value = " ".join(text.split())
        if not value:
            return Verdict(reask=("dlg-empty", {}))
        if len(value) > limit:
            return Verdict(reask=("dlg-one-line", {"limit": limit, "chars": len(value)}))
        return Verdict(value=value)
    return check


def _store(answers: Mapping[str, Any], stored: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in answers.items() if v}


def _result(answers: Mapping[str, Any], extras: Mapping[str, Any], lang: str) -> list[str]:
    return []  # the brief itself follows (see bot.handlers.brief)


BUSINESS = Flow(
    name="bz",
    section=AnswerSection.BUSINESS,
    intro="dlg-bz-intro",
    questions=(
        Question("name", "dlg-bz-q-name", check=_one_line(MAX_NAME)),
        Question("description", "dlg-bz-q-description", check=_one_line(MAX_DESCRIPTION)),
    ),
    store=_store,
    result=_result,
    then="bot.handlers.brief:send_brief",
)
