"""Traction stage (the ten-step B2B strategy of DOMAIN.md section 5) and the choice of the
growth metric for the year.

Traction quiz: one question per step (locale ``tk-tr-q-<step>``), answered ``yes``,
``partly`` or ``no``. The business is stuck on the first step not fully done; the next
action is that step's action (``tk-tr-action-<step>``). Steps marked done *after* an
unfinished one are reported as ``skipped``: the map is a sequence, and a later step built
on a missing earlier one usually has to be redone.

Growth metric: a short maturity quiz (``tk-gm-q-<code>``); the rules below choose one of
revenue, margin, operating profit or net profit, with the reasons that fired.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from analytics.toolkit import rules

STEPS: tuple[str, ...] = (
    "problem_interviews", "target_segments", "first_sales", "channels", "sales_process",
    "delegate_org", "delegate_tech", "delegate_first_contact", "delegate_qualification",
    "scaling",
)
"""The ten steps of the traction map, in order (question codes of the quiz)."""

StepAnswer = Literal["yes", "partly", "no"]
StepStatus = Literal["done", "in_progress", "not_started", "skipped"]
ANSWERS: tuple[str, ...] = ("yes", "partly", "no")


def step_key(step: str, kind: str = "name") -> str:
    """Locale key for a step: ``kind`` is name, q (the question) or action."""
    return f"tk-tr-{kind}-{step.replace('_', '-')}"


def parse_step_answer(value: object) -> StepAnswer:
    """``yes`` / ``partly`` / ``no`` from booleans, Russian or English words (else ``no``)."""
    return step_answer(value) or "no"


def step_answer(value: object) -> StepAnswer | None:
    """``yes`` / ``partly`` / ``no`` from booleans, Russian or English words; None for
    anything else (an answers file refuses it)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = rules.normalise(str(value if value is not None else "")).strip(" .!")
    if text in {"yes", "y", "да", "д", "done", "сделано", "true", "1", "+"}:
        return "yes"
    if text in {"partly", "partially", "частично", "отчасти", "в процессе", "in progress",
                "начали", "started", "half", "0.5", "±", "+-"}:
        return "partly"
    if text in {"no", "n", "нет", "н", "false", "0", "-", "not started", "не начато", ""}:
        return "no"
    return None


@dataclass(frozen=True)
class StepState:
    """One row of the traction map."""

    number: int
    step: str
    answer: StepAnswer
    status: StepStatus

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"number": self.number, "step": self.step, "answer": self.answer,
                "status": self.status}


@dataclass(frozen=True)
class TractionResult:
    """Where the business stands: ``stuck`` is the step to work on now (None when all ten
    are done), ``action`` the locale key of the next concrete action, ``done`` how many
    steps are fully done, ``skipped`` steps done out of order."""

    steps: tuple[StepState, ...]
    stuck: str | None
    stuck_number: int | None
    action: str
    done: int
    skipped: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"steps": [s.to_dict() for s in self.steps], "stuck": self.stuck,
                "stuck_number": self.stuck_number, "action": self.action, "done": self.done,
                "skipped": list(self.skipped)}


def traction_stage(answers: Mapping[str, object]) -> TractionResult:
    """Evaluate the quiz: ``answers`` maps step codes to yes/partly/no (missing = no)."""
    parsed = [parse_step_answer(answers.get(step)) for step in STEPS]
    first_open = next((k for k, a in enumerate(parsed) if a != "yes"), None)
    states: list[StepState] = []
    skipped: list[str] = []
    for k, (step, answer) in enumerate(zip(STEPS, parsed, strict=True)):
        status: StepStatus
        if answer == "yes":
            status = "skipped" if first_open is not None and k > first_open else "done"
            if status == "skipped":
                skipped.append(step)
        elif answer == "partly":
            status = "in_progress"
        else:
            status = "not_started"
        states.append(StepState(k + 1, step, answer, status))
    if first_open is None:
        return TractionResult(tuple(states), None, None, "tk-tr-action-all-done", len(STEPS), ())
    stuck = STEPS[first_open]
    return TractionResult(tuple(states), stuck, first_open + 1, step_key(stuck, "action"),
                          sum(1 for a in parsed if a == "yes"), tuple(skipped))


# --------------------------------------------------------------------------- growth metric

GROWTH_QUESTIONS: dict[str, tuple[str, ...]] = {
    "age": ("under_1", "1_3", "over_3"),
    "growth": ("fast", "slow", "flat"),
    "unit_profit": ("yes", "no", "unknown"),
    "market_room": ("yes", "no", "unknown"),
    "owner_payout": ("yes", "no"),
}
"""Maturity quiz: question code -> allowed answer codes (locale ``tk-gm-q-<code>`` and
``tk-gm-a-<code>-<answer>``). age: years in business; growth: revenue growth last year
(fast = over 30%); unit_profit: does one sale pay back its acquisition (contribution
profit positive); market_room: can sales still grow a lot in the current market;
owner_payout: does the owner take profit out (dividends) or serve loans."""


@dataclass(frozen=True)
class GrowthMetricChoice:
    """The growth metric for the year and the reason codes (locale ``tk-gm-why-<code>``)."""

    metric: str
    reasons: tuple[str, ...]
    answers: dict[str, str]
    explicit: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"metric": self.metric, "reasons": list(self.reasons),
                "answers": dict(self.answers), "explicit": self.explicit}


def _answer(question: str, value: object) -> str:
    allowed = GROWTH_QUESTIONS[question]
    found = growth_answer(question, value)
    if found is not None:
        return found
    return "unknown" if "unknown" in allowed else allowed[-1]


def growth_answer(question: str, value: object) -> str | None:
    """The allowed answer code of a maturity question (``1-3`` reads as ``1_3``; да, нет,
    не знаю as yes, no, unknown); None for anything else: a number is never taken for a
    code (YAML reads an unquoted ``1_3`` as 13)."""
    if isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, str):
        text = rules.normalise(value).replace("-", "_")
        text = {"да": "yes", "нет": "no", "не знаю": "unknown"}.get(text, text)
    else:
        return None
    return text if text in GROWTH_QUESTIONS[question] else None


def choose_growth_metric(
    answers: Mapping[str, object], contribution_positive: bool | None = None
) -> GrowthMetricChoice:
    """Choose the growth metric from the maturity quiz (the first rule that fires wins).

    1. one sale loses money (unit_profit no, or the computed contribution profit is not
       positive) -> ``margin``: growing volume would multiply the loss;
    2. a young business (under a year) -> ``revenue``: prove demand and volume first;
    3. fast growth and room in the market -> ``revenue``: take the market while it grows;
    4. the owner takes profit out or serves loans -> ``net_profit``: what is left counts;
    5. otherwise (1-3 years or older, slow growth or a full market) -> ``operating_profit``
       (reason ``established`` under three years, ``mature`` over).

    ``contribution_positive`` (from the unit economics, when computed) overrides the
    ``unit_profit`` answer.
    """
    parsed = {q: _answer(q, answers.get(q)) for q in GROWTH_QUESTIONS}
    if contribution_positive is not None:
        parsed["unit_profit"] = "yes" if contribution_positive else "no"
    reasons: list[str] = []
    if parsed["unit_profit"] == "no":
        reasons.append("unit-loss")
        metric = "margin"
    elif parsed["age"] == "under_1":
        reasons.append("young")
        metric = "revenue"
    elif parsed["growth"] == "fast" and parsed["market_room"] != "no":
        reasons.append("fast-growth")
        metric = "revenue"
    elif parsed["owner_payout"] == "yes":
        reasons += ["mature" if parsed["age"] == "over_3" else "established", "payout"]
        metric = "net_profit"
    else:
        reasons.append("mature" if parsed["age"] == "over_3" else "established")
        if parsed["market_room"] == "no":
            reasons.append("market-full")
        metric = "operating_profit"
    if parsed["unit_profit"] == "unknown":
        reasons.append("unit-unknown")
    return GrowthMetricChoice(metric, tuple(reasons), parsed)


def explicit_growth_metric(metric: str) -> GrowthMetricChoice:
    """A growth metric the user chose directly."""
    return GrowthMetricChoice(metric, ("explicit",), {}, explicit=True)
