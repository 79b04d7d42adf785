"""The whole toolkit in one typed result: value propositions, unit economics with the
constraint and the x2 plan, the owner's figures against the audit's, traction stage (B2B
sales) or the funnel's leak, growth metric and the audit highlights."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from analytics.toolkit.answers import FROM_HISTORY, Answers, AuditInput, Business
from analytics.toolkit.traction import (
    GrowthMetricChoice,
    TractionResult,
    choose_growth_metric,
    explicit_growth_metric,
    parse_step_answer,
    traction_stage,
)
from analytics.toolkit.unit_economics import (
    GROWTH_METRICS,
    PERIODS,
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
GAP = 0.25
"""The owner's figure and the audit's disagree when they differ by more than this share."""
LEAK_OF_FACTOR: dict[str, str] = {
    "new_customers": "acquisition", "orders_per_new": "repeat", "new_check": "check",
    "base": "acquisition", "retention": "lapse", "frequency": "repeat",
    "returning_check": "check",
}
"""The funnel stage where a revenue-bridge factor of the audit leaks."""


class _Record:
    """A flat dataclass whose JSON form is its fields."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        data: dict[str, Any] = asdict(self)  # type: ignore[call-overload]
        return data


@dataclass(frozen=True)
class Comparison(_Record):
    """One figure the owner gave against the audit's measure of it (per the UE period).

    ``gap`` is (said - measured) / measured; ``flagged`` when its size exceeds :data:`GAP`."""

    field: str
    said: float
    measured: float
    gap: float
    flagged: bool


@dataclass(frozen=True)
class Reconciliation(_Record):
    """The unit economics' revenue against the audit's revenue of one UE period.

    The audit's revenue is new customers' plus existing customers' (the revenue bridge);
    the unit economics' is the period's new buyers over their life. ``difference`` is
    UE minus audit; they match in a steady state only."""

    audit_revenue: float
    audit_new: float
    audit_existing: float
    ue_revenue: float
    difference: float
    share: float


@dataclass(frozen=True)
class FunnelStage(_Record):
    """A stage of the customer's way and its observed rate (None when not measured)."""

    stage: str
    value: float | None
    leak: bool = False


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
    """Everything the brief shows; every part is optional except the business.

    ``b2b``: the business sells to companies with direct sales (True), not (False) or not
    known (None); the traction map is computed only when it is not False. ``funnel``: the
    stages of the customer's way with the audit's leak; ``history_missing``: levers the owner
    asked to take from history where the audit has no better earlier level."""

    business: Business
    propositions: tuple[NamedProposition, ...]
    economics: UnitEconomics | None
    sources: dict[str, str]
    constraint: Constraint | None
    plan: X2Plan | None
    traction: TractionResult | None
    growth: GrowthMetricChoice | None
    audit: AuditInput | None
    comparisons: tuple[Comparison, ...] = ()
    reconciliation: Reconciliation | None = None
    b2b: bool | None = None
    funnel: tuple[FunnelStage, ...] = ()
    history_missing: tuple[str, ...] = field(default=())

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
            "comparisons": [c.to_dict() for c in self.comparisons],
            "reconciliation": self.reconciliation.to_dict() if self.reconciliation else None,
            "b2b": self.b2b,
            "funnel": [f.to_dict() for f in self.funnel],
            "history_missing": list(self.history_missing),
        }


def run_toolkit(answers: Answers) -> ToolkitResult:
    """Compute every section the answers allow.

    Raises :class:`~analytics.toolkit.unit_economics.InputError` for implausible
    unit-economics inputs, and ``InputError`` with code ``bad_metric`` for an unknown
    growth metric.
    """
    interviews = (parse_step_answer(answers.traction.get("problem_interviews"))
                  if answers.traction is not None else "unknown")
    propositions = tuple(
        NamedProposition(name, assess_proposition(a, interviews))
        for name, a in answers.propositions
    )
    economics = constraint = plan = None
    sources: dict[str, str] = {}
    missing: tuple[str, ...] = ()
    audit = answers.audit
    if answers.unit_economics is not None:
        raw = answers.unit_economics
        if audit is not None and audit.prefill:
            raw, sources = prefill_from_audit(raw, audit.prefill)
        inputs = parse_inputs(raw)
        economics = compute(inputs)
        steps, lever_sources, missing = realistic_steps(answers.realistic_change, audit)
        constraint = find_constraint(inputs, steps, lever_sources)

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

    b2b = is_b2b(answers.business, audit)
    traction = (traction_stage(answers.traction)
                if answers.traction is not None and b2b is not False else None)
    comparisons: tuple[Comparison, ...] = ()
    reconciliation = None
    if economics is not None and audit is not None:
        comparisons = compare(economics, sources, audit)
        reconciliation = reconcile(economics, audit)
    funnel = funnel_stages(economics, audit) if b2b is False else ()
    return ToolkitResult(answers.business, propositions, economics, sources, constraint, plan,
                         traction, growth, audit, comparisons, reconciliation, b2b, funnel,
                         missing)


def realistic_steps(
    changes: dict[str, float | str], audit: AuditInput | None
) -> tuple[dict[str, float], dict[str, str], tuple[str, ...]]:
    """The realistic move of each lever (shares), where each came from (``owner`` or
    ``history``), and the levers sent to history that the audit cannot move (no audit, or
    no better earlier level): those stay unknown, never a made-up default."""
    steps: dict[str, float] = {}
    sources: dict[str, str] = {}
    missing: list[str] = []
    for lever, change in changes.items():
        if change == FROM_HISTORY:
            move = (audit.levers.get(lever) or {}).get("change") if audit is not None else None
            if isinstance(move, int | float) and move > 0:
                steps[lever], sources[lever] = float(move), "history"
            else:
                missing.append(lever)
        elif isinstance(change, float):
            steps[lever], sources[lever] = change, "owner"
    return steps, sources, tuple(missing)


def is_b2b(business: Business, audit: AuditInput | None) -> bool | None:
    """Whether the business sells to companies: the owner's answer, else the audit's shape."""
    if business.sales:
        return business.sales == "b2b"
    if audit is not None and audit.shape:
        return audit.shape == "b2b"
    return None


def _per_period(ue: UnitEconomics, per_month: float) -> float:
    return per_month * 12 / PERIODS.get(ue.inputs.period, 12.0)


def compare(ue: UnitEconomics, sources: dict[str, str],
            audit: AuditInput) -> tuple[Comparison, ...]:
    """The owner's own figures (not those filled from the audit) against the audit's."""
    rows: list[Comparison] = []
    measured = audit.prefill
    pairs = (("buyers", "buyers_per_month", ue.buyers), ("avg_price", "aov", ue.inputs.avg_price),
             ("apc", "apc", ue.inputs.apc))
    for name, key, said in pairs:
        value = measured.get(key)
        owners = name not in sources if name != "buyers" else not {"ua", "c1"} & set(sources)
        if not value or not owners:
            continue
        if name == "buyers":
            value = _per_period(ue, value)
        gap = (said - value) / value
        rows.append(Comparison(name, said, value, gap, abs(gap) > GAP))
    return tuple(rows)


def reconcile(ue: UnitEconomics, audit: AuditInput) -> Reconciliation | None:
    """The unit economics' revenue against the audit's comparable period, per UE period."""
    period = audit.period
    if not period:
        return None
    months = float(period["months"])
    revenue = _per_period(ue, period["revenue"] / months)
    new = _per_period(ue, period["new_revenue"] / months)
    existing = _per_period(ue, period["existing_revenue"] / months)
    difference = ue.revenue - revenue
    return Reconciliation(revenue, new, existing, ue.revenue, difference,
                          difference / revenue if revenue else 0.0)


def funnel_stages(ue: UnitEconomics | None, audit: AuditInput | None) -> tuple[FunnelStage, ...]:
    """The customer's way for a business outside B2B direct sales: first purchase (C1),
    second purchase, going silent within a year, coming back (the audit's history rates),
    with the audit's constraint marked as the leak."""
    rates = audit.rates if audit is not None else {}

    def rate(code: str) -> float | None:
        row = rates.get(code)
        if isinstance(row, dict) and row.get("usable"):
            value = row.get("rate")
            return float(value) if isinstance(value, int | float) else None
        return None

    leak = ""
    if audit is not None and audit.constraint:
        leak = LEAK_OF_FACTOR.get(str(audit.constraint.get("factor")), "")
    stages = (
        FunnelStage("acquisition", ue.inputs.c1 if ue is not None else None),
        FunnelStage("repeat", rate("second_purchase")),
        FunnelStage("lapse", rate("lapse")),
        FunnelStage("comeback", rate("return")),
        FunnelStage("check", None),
    )
    return tuple(FunnelStage(s.stage, s.value, s.stage == leak) for s in stages
                 if s.value is not None or s.stage == leak)
