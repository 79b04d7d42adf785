"""The unit-economics questionnaire (DOMAIN.md section 2): one number at a time, then how
far each lever could realistically move within a year.

Numbers the user's last audit knows (average check, purchases per customer) are offered
as buttons; the user's own answer always wins. For a lever's realistic move the audit's
own history (its comparable earlier period) is offered as a button when the lever was
better then; "skip" means the owner does not know, and the lever is left out of the
ranking (never a made-up default).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analytics.locales import t
from analytics.render.formatting import number
from analytics.toolkit import check_value
from analytics.toolkit.answers import FROM_HISTORY, AnswersError, realistic_change
from analytics.toolkit.unit_economics import LEVERS, MAX_UP_CHANGE, PERIODS, parse_number
from bot.dialogs.engine import Check, Flow, Question, Verdict
from bot.dialogs.toolkit_data import audit_extras, toolkit_messages
from storage import AnswerSection

AUDIT_SUGGESTIONS = {"avg_price": "aov", "apc": "apc"}
"""Question code -> the audit prefill number offered as a button."""
REALISTIC = "rc_"
"""Prefix of the realistic-move questions' codes (``rc_<lever>``)."""


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


def _realistic(lever: str) -> Check:
    def check(text: str, answers: Mapping[str, Any]) -> Verdict:
        if text == FROM_HISTORY:
            return Verdict(value=FROM_HISTORY)
        number = parse_number(text.strip().lstrip("+−-").rstrip("% "))
        try:
            change = realistic_change(lever, number if number is not None else text)
        except AnswersError as exc:
            return Verdict(reask=("tk-ue-err-rc-range", {"top": exc.args_.get("top", "")}))
        if change is None:
            return Verdict(reask=("tk-ue-err-rc-range", {"top": f"{MAX_UP_CHANGE:g}"}))
        return Verdict(value=round(float(change) * 100, 4))

    return check


def _suggest_history(lever: str) -> Any:
    def suggest(extras: Mapping[str, Any], lang: str) -> list[tuple[str, str]]:
        move = (extras.get("levers") or {}).get(lever) or {}
        change = move.get("change")
        if not change:
            return []
        return [(FROM_HISTORY, t(lang, "tk-ue-rc-history",
                                 change=f"{number(change * 100, lang, 0)} %",
                                 **{"from": move.get("before_from", ""),
                                    "to": move.get("before_to", "")}))]

    return suggest


def _store(answers: Mapping[str, Any], stored: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"realistic_change": {}}  # a new run replaces the old estimates
    for key, value in answers.items():
        if key.startswith(REALISTIC):
            if value is not None:
                out.setdefault("realistic_change", {})[key.removeprefix(REALISTIC)] = value
        elif isinstance(value, dict):
            out.update(value)
        elif value is not None:
            out[key] = value
    if "margin_pct" in out:
        out.pop("cogs", None)
    return out


def _result(answers: Mapping[str, Any], extras: Mapping[str, Any], lang: str) -> list[str]:
    data = {"unit_economics": _store(answers, {})}
    return toolkit_messages(data, lang, whole=False, audit=audit_extras(extras))


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
        *(Question(REALISTIC + lever, f"tk-ue-q-rc-{lever.replace('_', '-')}", optional=True,
                   check=_realistic(lever), suggest=_suggest_history(lever))
          for lever in LEVERS),
    ),
    store=_store,
    result=_result,
)
