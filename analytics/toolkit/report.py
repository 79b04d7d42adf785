"""The whole toolkit in one typed result: value propositions, unit economics with the
constraint and the x2 plan, traction stage, growth metric and the audit highlights."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from analytics.toolkit.answers import Answers, AuditInput, Business
from analytics.toolkit.traction import (
    GrowthMetricChoice,
    TractionResult,
    choose_growth_metric,
    explicit_growth_metric,
    traction_stage,
)
from analytics.toolkit.unit_economics import (
    GROWTH_METRICS,
    Constraint,
    InputError,
    InputProblem,
    UnitEconomics,
    X2Plan,
    compute,
    find_constraint,
    parse_inputs,
    prefill_from_audit,
    x2_plan,
)
from analytics.toolkit.value_prop import Proposition, assess_proposition

DEFAULT_METRIC = "operating_profit"


@dataclass(frozen=True)
class NamedProposition:
    """A judged proposition with the short name the user gave the segment (may be empty)."""

    name: str
    proposition: Proposition

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"name": self.name, **self.proposition.to_dict()}


@dataclass(frozen=True)
class ToolkitResult:
    """Everything the brief shows; every part is optional except the business."""

    business: Business
    propositions: tuple[NamedProposition, ...]
    economics: UnitEconomics | None
    sources: dict[str, str]
    constraint: Constraint | None
    plan: X2Plan | None
    traction: TractionResult | None
    growth: GrowthMetricChoice | None
    audit: AuditInput | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the CLI's ``--json`` output and ``results.json``)."""
        return {
            "business": self.business.to_dict(),
            "value_propositions": [p.to_dict() for p in self.propositions],
            "unit_economics": self.economics.to_dict() if self.economics else None,
            "prefilled_from_audit": dict(self.sources),
            "constraint": self.constraint.to_dict() if self.constraint else None,
            "x2_plan": self.plan.to_dict() if self.plan else None,
            "traction": self.traction.to_dict() if self.traction else None,
            "growth_metric": self.growth.to_dict() if self.growth else None,
            "audit": self.audit.to_dict() if self.audit else None,
        }


def run_toolkit(answers: Answers) -> ToolkitResult:
    """Compute every section the answers allow.

    Raises :class:`~analytics.toolkit.unit_economics.InputError` for implausible
    unit-economics inputs, and ``InputError`` with code ``bad_metric`` for an unknown
    growth metric.
    """
    propositions = tuple(
        NamedProposition(name, assess_proposition(a)) for name, a in answers.propositions
    )
    economics = constraint = plan = None
    sources: dict[str, str] = {}
    if answers.unit_economics is not None:
        raw = answers.unit_economics
        if answers.audit is not None and answers.audit.prefill:
            raw, sources = prefill_from_audit(raw, answers.audit.prefill)
        inputs = parse_inputs(raw)
        economics = compute(inputs)
        constraint = find_constraint(inputs, steps=answers.realistic_change or None)

    growth: GrowthMetricChoice | None = None
    factor = 2.0
    if answers.growth is not None:
        chosen = str(answers.growth.get("metric") or "").strip().lower()
        if chosen and chosen not in GROWTH_METRICS:
            raise InputError([InputProblem("bad_metric", "metric", chosen,
                                           hint=", ".join(GROWTH_METRICS))])
        raw_factor = answers.growth.get("factor")
        if raw_factor is not None:
            if isinstance(raw_factor, bool) or not isinstance(raw_factor, int | float) \
                    or not 1 < raw_factor <= 100:
                raise InputError([InputProblem("bad_factor", "factor", str(raw_factor))])
            factor = float(raw_factor)
        positive = economics.contribution_profit > 0 if economics else None
        growth = (explicit_growth_metric(chosen) if chosen
                  else choose_growth_metric(answers.growth, positive))
    if economics is not None:
        plan = x2_plan(economics.inputs, growth.metric if growth else DEFAULT_METRIC, factor)

    traction = traction_stage(answers.traction) if answers.traction is not None else None
    return ToolkitResult(answers.business, propositions, economics, sources, constraint, plan,
                         traction, growth, answers.audit)
