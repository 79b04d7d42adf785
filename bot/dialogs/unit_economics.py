"""The unit-economics questionnaire (DOMAIN.md section 2): one number at a time.

Numbers the user's last audit knows (average check, purchases per customer) are offered
as buttons; the user's own answer always wins.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analytics.render.formatting import number
from analytics.toolkit import check_value
from analytics.toolkit.unit_economics import PERIODS
from bot.dialogs.engine import Check, Flow, Question, Verdict
from bot.dialogs.toolkit_data import toolkit_messages
from storage import AnswerSection

AUDIT_SUGGESTIONS = {"avg_price": "aov", "apc": "apc"}
"""Question code -> the audit prefill number offered as a button."""


def _numeric(name: str) -> Check:
    def check(text: str, answers: Mapping[str, Any]) -> Verdict:
        field = name
        if name == "cogs" and text.strip().endswith("%"):
            field = "margin_pct"  # "35%" answers the cost question with a margin
        value, problem = check_value(field, text)
        if problem is not None:
            key = f"tk-ue-err-{problem.code.replace('_', '-')}"
            return Verdict(reask=(key, {"field": problem.field, "value": problem.value,
                                        "hint": problem.hint}))
        if field == "margin_pct":
            return Verdict(value={"margin_pct": value})
        price = answers.get("avg_price")
        if name == "cogs" and isinstance(price, int | float) and value is not None \
                and value >= price:
            return Verdict(reask=("tk-ue-err-cogs-ge-price", {"value": text.strip(),
                                                              "hint": str(price)}))
        return Verdict(value=value)

    return check


def _suggest(name: str) -> Any:
    def suggest(extras: Mapping[str, Any], lang: str) -> list[tuple[str, str]]:
        value = (extras.get("prefill") or {}).get(AUDIT_SUGGESTIONS[name])
        if not value:
            return []
        rounded = round(float(value), 2)
        return [(str(rounded), f"📊 {number(rounded, lang, 2 if name == 'apc' else 0)}")]

    return suggest


def _store(answers: Mapping[str, Any], stored: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in answers.items():
        if isinstance(value, dict):
            out.update(value)
        elif value is not None:
            out[key] = value
    if "margin_pct" in out:
        out.pop("cogs", None)
    return out


def _result(answers: Mapping[str, Any], extras: Mapping[str, Any], lang: str) -> list[str]:
    data = {"unit_economics": _store(answers, {})}
    return toolkit_messages(data, lang, whole=False)


def _question(name: str, optional: bool = False) -> Question:
    return Question(name, f"tk-ue-q-{name.replace('_', '-')}", optional=optional,
                    check=_numeric(name),
                    suggest=_suggest(name) if name in AUDIT_SUGGESTIONS else None)


UNIT_ECONOMICS = Flow(
    name="ue",
    section=AnswerSection.UNIT_ECONOMICS,
    intro="dlg-ue-intro",
    questions=(
        Question("period", "tk-ue-q-period",
                 options=tuple((p, f"tk-period-{p}") for p in PERIODS), typed=False),
        _question("ua"),
        _question("c1"),
        _question("avg_price"),
        _question("cogs"),
        _question("apc"),
        _question("cpa"),
        _question("fixed_costs", optional=True),
    ),
    store=_store,
    result=_result,
)
