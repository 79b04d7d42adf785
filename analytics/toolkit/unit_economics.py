"""Unit economics of one period, the constraint and the x2 plan (DOMAIN.md sections 2, 5).

Formulas (one period; every input is per that period)::

    buyers              = UA x C1
    revenue             = buyers x avg_price x APC
    gross_margin        = buyers x (avg_price - COGS) x APC
    marketing_cost      = UA x CPA
    contribution_profit = gross_margin - marketing_cost
    operating_profit    = contribution_profit - fixed_costs
    net_profit          = operating_profit x (1 - tax_pct / 100)   (when positive)
    CAC                 = CPA / C1                      (= marketing_cost / buyers)
    CLTV                = (avg_price - COGS) x APC      (margin per buyer over his life)
    CLTV/CAC            = CLTV / CAC                    (healthy when above 1)
    ROMI                = contribution_profit / marketing_cost
    break-even CPA      = C1 x CLTV        (contribution profit = 0)
    break-even C1       = CPA / CLTV       (contribution profit = 0)
    ... with fixed costs: CPA* = (gross_margin - fixed) / UA,
                          C1*  = (UA x CPA + fixed) / (UA x CLTV)

Example (checked in the tests): UA 10 000, C1 2%, price 3 000, COGS 1 200, APC 1.5,
CPA 40, fixed 50 000 -> buyers 200, revenue 900 000, gross margin 540 000, marketing
400 000, contribution 140 000, operating profit 90 000, CAC 2 000, CLTV 2 700, ROMI 35%.

Subscriptions (``model: subscription``): APC is the number of payments a subscriber makes;
``payback_periods`` = CAC / margin per payment says how many payments repay his
acquisition; ``existing_customers`` (subscribers paying at the start of the period) are
counted in the period's cash: period revenue = (existing + buyers) x price, period profit =
(existing + buyers) x margin per payment - marketing - fixed costs. A month whose new
cohort has not yet paid back is not a loss.

Fixed costs are optional: when not given they are unknown, and operating and net profit
are not stated (``fixed_known`` False); the x2 plan then grows the contribution profit.

The constraint (DOMAIN.md 2): the lever whose *realistic* improvement adds most profit.
Each lever moves by the change the owner says is realistic, or the audit's own history
offers (see :mod:`analytics.toolkit.history`); a lever with no known move is not ranked.
Only when no move is known at all does the ranking fall back to an equal 10 % step on every
lever, flagged ``equal_steps``: then it is a sensitivity, not yet the constraint.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

LEVERS: tuple[str, ...] = ("ua", "c1", "avg_price", "cogs", "apc", "cpa")
"""The six operational levers, in a fixed order used to break ties."""

DOWN_LEVERS = frozenset({"cogs", "cpa"})
"""Levers that improve profit when they go down."""

INPUT_FIELDS: tuple[str, ...] = (
    "ua", "c1", "avg_price", "cogs", "margin_pct", "apc", "cpa", "fixed_costs", "tax_pct",
    "period", "model", "existing_customers",
)
"""Accepted input names (``cogs`` or ``margin_pct`` is enough; the last five optional)."""

REQUIRED: tuple[str, ...] = ("ua", "c1", "avg_price", "apc", "cpa")

PERIODS: dict[str, float] = {"week": 52.0, "month": 12.0, "quarter": 4.0, "year": 1.0}
"""Periods and how many of each make a year."""

GROWTH_METRICS: tuple[str, ...] = ("revenue", "margin", "operating_profit", "net_profit")
"""Growth metrics a business can choose for the year."""

MODELS: tuple[str, ...] = ("one_off", "subscription")
"""How customers pay: separate purchases, or a subscription (APC = payments per subscriber)."""

MAX_UP_CHANGE = 500.0
"""The largest realistic rise of a lever, percent (down levers stay below 100 %)."""

DEFAULT_STEP = 0.10
C1_HIGH = 0.5
MIX_MAX = 10.0

Metric = Literal["revenue", "margin", "operating_profit", "net_profit"]


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class InputProblem:
    """A validation problem: ``code`` (locale key ``tk-ue-err-<code>``), the field, the value."""

    code: str
    field: str
    value: str = ""
    hint: str = ""

    def to_dict(self) -> dict[str, str]:
        """JSON-ready form."""
        return asdict(self)


class InputError(ValueError):
    """Unit-economics inputs that cannot be used; ``problems`` says why."""

    def __init__(self, problems: list[InputProblem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class UnitInputs:
    """Validated inputs for one period. ``c1`` is a share (0.02 for 2%)."""

    ua: float
    c1: float
    avg_price: float
    cogs: float
    apc: float
    cpa: float
    fixed_costs: float = 0.0
    tax_pct: float = 0.0
    period: str = "month"
    fixed_known: bool = True
    model: str = "one_off"
    existing_customers: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)

    def get(self, lever: str) -> float:
        """The value of a lever by name."""
        value: float = getattr(self, lever)
        return value

    def with_lever(self, lever: str, value: float) -> UnitInputs:
        """A copy with one lever changed."""
        changes: dict[str, Any] = {lever: value}
        return replace(self, **changes)


_NUMBER_CLEAN = re.compile(r"[\s\u00a0\u202f_']|(?:руб\.?|rub|₽|\$|€|р\.)$", re.IGNORECASE)


def parse_number(value: object, *, percent_ok: bool = False) -> float | None:
    """A float from a number or a string ("1 500", "2,5", "3%"); None when not a number.

    With ``percent_ok``, "3%" gives 0.03; without it the % sign is an error.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
        return number if math.isfinite(number) else None
    if not isinstance(value, str):
        return None
    text = _NUMBER_CLEAN.sub("", value.strip().lower())
    scale = 1.0
    if text.endswith("%"):
        if not percent_ok:
            return None
        text, scale = text[:-1], 0.01
    text = text.replace(",", ".")
    try:
        number = float(text) * scale
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def check_value(name: str, value: object) -> tuple[float | None, InputProblem | None]:
    """Parse and check one input on its own (for a dialog asking one number at a time)."""
    if name == "period":
        text = str(value or "month").strip().lower()
        return None, (None if text in PERIODS else InputProblem("period", name, text))
    if name == "model":
        text = str(value or "one_off").strip().lower().replace("-", "_")
        return None, (None if text in MODELS else InputProblem("model", name, text))
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, (InputProblem("missing", name) if name in REQUIRED else None)
    number = parse_number(value, percent_ok=name in {"c1", "margin_pct", "tax_pct"})
    raw = str(value)
    if number is None:
        return None, InputProblem("not_number", name, raw)
    if name in {"margin_pct", "tax_pct"} and isinstance(value, str) and value.strip().endswith("%"):
        number *= 100  # "35%" and 35 mean the same for a *_pct field
    if number < 0:
        return number, InputProblem("negative", name, raw)
    if name == "c1":
        if number == 0:
            return number, InputProblem("c1_zero", name, raw)
        if 1 < number <= 100:
            return number, InputProblem("c1_percent", name, raw, hint=_fmt(number / 100))
        if number > 1:
            return number, InputProblem("c1_range", name, raw)
    if name in {"ua", "avg_price"} and number == 0:
        return number, InputProblem("zero", name, raw)
    if name == "apc" and number < 1:
        return number, InputProblem("apc_below_one", name, raw)
    if name == "margin_pct" and not 0 < number <= 100:
        return number, InputProblem("margin_range", name, raw)
    if name == "tax_pct" and number >= 100:
        return number, InputProblem("tax_range", name, raw)
    return number, None


def _fmt(number: float) -> str:
    return f"{number:.6g}"


def parse_inputs(raw: Mapping[str, Any]) -> UnitInputs:
    """Validate a mapping of inputs (see :data:`INPUT_FIELDS`) into :class:`UnitInputs`.

    Raises :class:`InputError` listing every problem (not only the first). COGS may be
    given as ``cogs`` (money per sale) or ``margin_pct`` (gross margin % of the price);
    when both are given they must agree within one percentage point.
    """
    problems: list[InputProblem] = []
    values: dict[str, float] = {}
    for name in INPUT_FIELDS:
        number, problem = check_value(name, raw.get(name))
        if problem:
            problems.append(problem)
        elif number is not None:
            values[name] = number
    unknown = sorted(set(raw) - set(INPUT_FIELDS) - {"currency", "realistic_change", "levers"})
    problems.extend(InputProblem("unknown_field", name) for name in unknown)
    price = values.get("avg_price")
    cogs = values.get("cogs")
    margin = values.get("margin_pct")
    if cogs is None and margin is None and not any(p.field in {"cogs", "margin_pct"}
                                                   for p in problems):
        problems.append(InputProblem("missing_cogs", "cogs"))
    if price is not None and price > 0:
        if cogs is not None and margin is not None:
            implied = (price - cogs) / price * 100
            if abs(implied - margin) > 1:
                problems.append(InputProblem("cogs_margin_conflict", "cogs", _fmt(cogs),
                                             hint=_fmt(round(implied, 1))))
        if cogs is None and margin is not None:
            cogs = price * (1 - margin / 100)
        if cogs is not None and cogs >= price:
            problems.append(InputProblem("cogs_ge_price", "cogs", _fmt(cogs), hint=_fmt(price)))
    if problems:
        raise InputError(problems)
    period = str(raw.get("period") or "month").strip().lower()
    model = str(raw.get("model") or "one_off").strip().lower().replace("-", "_")
    assert cogs is not None
    return UnitInputs(
        ua=values["ua"], c1=values["c1"], avg_price=values["avg_price"], cogs=cogs,
        apc=values["apc"], cpa=values["cpa"], fixed_costs=values.get("fixed_costs", 0.0),
        tax_pct=values.get("tax_pct", 0.0), period=period,
        fixed_known="fixed_costs" in values, model=model,
        existing_customers=values.get("existing_customers", 0.0),
    )


def margin_share(raw: Mapping[str, Any]) -> float | None:
    """The gross margin's share of the price from unit-economics answers (``avg_price`` with
    ``cogs`` or ``margin_pct``), or ``None`` when they do not give it."""
    price, _ = check_value("avg_price", raw.get("avg_price"))
    cogs, _ = check_value("cogs", raw.get("cogs"))
    margin, _ = check_value("margin_pct", raw.get("margin_pct"))
    if margin is not None and 0 < margin <= 100:
        return margin / 100
    if price and cogs is not None and 0 <= cogs < price:
        return (price - cogs) / price
    return None


# --------------------------------------------------------------------------- audit prefill

AUDIT_KEYS: tuple[str, ...] = ("aov", "apc", "buyers_per_month")
AUDIT_UNKNOWN: tuple[str, ...] = ("cogs", "cpa")
"""What an audit of purchases cannot know: cost of goods and the cost of a lead."""


def prefill_from_audit(
    raw: Mapping[str, Any], audit: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Fill inputs the audit knows and the user left empty.

    ``audit`` is a plain mapping ``{aov, apc, buyers_per_month}`` (average order value,
    purchases per customer, distinct buyers per month). Returns the merged inputs and the
    source of each filled field (``audit`` or ``derived``): avg_price <- aov, apc <- apc;
    buyers per period fix UA x C1, so a missing C1 is buyers / UA and a missing UA is
    buyers / C1. The user's own answers always win. COGS and CPA stay unknown.
    """
    merged: dict[str, Any] = dict(raw)
    sources: dict[str, str] = {}

    def empty(name: str) -> bool:
        value = merged.get(name)
        return value is None or (isinstance(value, str) and not value.strip())

    aov = parse_number(audit.get("aov"))
    apc = parse_number(audit.get("apc"))
    buyers_month = parse_number(audit.get("buyers_per_month"))
    if empty("avg_price") and aov and aov > 0:
        merged["avg_price"], sources["avg_price"] = aov, "audit"
    if empty("apc") and apc and apc >= 1:
        merged["apc"], sources["apc"] = apc, "audit"
    period = str(merged.get("period") or "month").strip().lower()
    if buyers_month and buyers_month > 0 and period in PERIODS:
        buyers = buyers_month * 12 / PERIODS[period]
        ua = parse_number(merged.get("ua"))
        c1 = parse_number(merged.get("c1"), percent_ok=True)
        if empty("c1") and ua and ua > 0:
            merged["c1"], sources["c1"] = min(buyers / ua, 1.0), "derived"
        elif empty("ua") and c1 and 0 < c1 <= 1:
            merged["ua"], sources["ua"] = buyers / c1, "derived"
    return merged, sources


# --------------------------------------------------------------------------- results


def revenue(i: UnitInputs) -> float:
    """Buyers x price x APC."""
    return i.ua * i.c1 * i.avg_price * i.apc


def gross_margin(i: UnitInputs) -> float:
    """Buyers x (price - COGS) x APC."""
    return i.ua * i.c1 * (i.avg_price - i.cogs) * i.apc


def contribution_profit(i: UnitInputs) -> float:
    """Gross margin - UA x CPA."""
    return gross_margin(i) - i.ua * i.cpa


def operating_profit(i: UnitInputs) -> float:
    """Gross margin - UA x CPA - fixed costs (unknown fixed costs count as 0 here; the
    brief then does not state operating profit)."""
    return contribution_profit(i) - i.fixed_costs


def net_profit(i: UnitInputs) -> float:
    """Operating profit after tax (tax only on a positive profit)."""
    profit = operating_profit(i)
    return profit * (1 - i.tax_pct / 100) if profit > 0 else profit


def metric_value(i: UnitInputs, metric: str) -> float:
    """The value of a growth metric (see :data:`GROWTH_METRICS`)."""
    if metric == "revenue":
        return revenue(i)
    if metric == "margin":
        return gross_margin(i)
    if metric == "contribution":
        return contribution_profit(i)
    if metric == "operating_profit":
        return operating_profit(i)
    if metric == "net_profit":
        return net_profit(i)
    raise ValueError(f"unknown growth metric: {metric}")


@dataclass(frozen=True)
class UnitEconomics:
    """Every output of one period; ratios are None when their denominator is zero.

    ``flags`` are health codes: ``cltv_below_cac``, ``negative_contribution``,
    ``negative_operating_profit``, ``breakeven_c1_impossible``, ``c1_high``.
    ``payback_periods``: purchases (payments) until a buyer's margin repays his CAC;
    ``period_revenue`` / ``period_profit``: a subscription's cash of the period, existing
    subscribers included (None for one-off sales).
    """

    inputs: UnitInputs
    buyers: float
    revenue: float
    gross_margin: float
    marketing_cost: float
    contribution_profit: float
    fixed_costs: float
    operating_profit: float
    net_profit: float
    margin_per_sale: float
    margin_pct: float
    cac: float
    cltv: float
    cltv_cac: float | None
    romi: float | None
    breakeven_cpa: float
    breakeven_c1: float
    breakeven_cpa_fixed: float | None
    breakeven_c1_fixed: float | None
    periods_per_year: float
    flags: tuple[str, ...] = ()
    payback_periods: float | None = None
    period_revenue: float | None = None
    period_profit: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (inputs nested under ``inputs``)."""
        data = asdict(self)
        data["flags"] = list(self.flags)
        return data


def compute(i: UnitInputs) -> UnitEconomics:
    """All unit-economics outputs for validated inputs (formulas in the module docstring)."""
    buyers = i.ua * i.c1
    margin_per_sale = i.avg_price - i.cogs
    cltv = margin_per_sale * i.apc
    gm = buyers * cltv
    marketing = i.ua * i.cpa
    contribution = gm - marketing
    operating = contribution - i.fixed_costs
    cac = i.cpa / i.c1
    breakeven_c1 = i.cpa / cltv
    fixed = i.fixed_costs > 0
    subscription = i.model == "subscription"
    paying = i.existing_customers + buyers
    period_revenue = paying * i.avg_price if subscription else None
    period_profit = (paying * margin_per_sale - marketing - i.fixed_costs
                     if subscription else None)
    flags: list[str] = []
    if cac > cltv:
        flags.append("cltv_below_cac")
    if contribution < 0:
        flags.append("negative_contribution")
    in_loss = period_profit < 0 if period_profit is not None else operating < 0
    if in_loss and fixed:
        flags.append("negative_operating_profit")
    breakeven_c1_fixed = (marketing + i.fixed_costs) / (i.ua * cltv) if fixed else None
    if (breakeven_c1_fixed if breakeven_c1_fixed is not None else breakeven_c1) > 1:
        flags.append("breakeven_c1_impossible")
    if i.c1 > C1_HIGH:
        flags.append("c1_high")
    return UnitEconomics(
        inputs=i,
        buyers=buyers,
        revenue=buyers * i.avg_price * i.apc,
        gross_margin=gm,
        marketing_cost=marketing,
        contribution_profit=contribution,
        fixed_costs=i.fixed_costs,
        operating_profit=operating,
        net_profit=net_profit(i),
        margin_per_sale=margin_per_sale,
        margin_pct=margin_per_sale / i.avg_price * 100,
        cac=cac,
        cltv=cltv,
        cltv_cac=cltv / cac if cac > 0 else None,
        romi=contribution / marketing if marketing > 0 else None,
        breakeven_cpa=i.c1 * cltv,
        breakeven_c1=breakeven_c1,
        breakeven_cpa_fixed=(gm - i.fixed_costs) / i.ua if fixed else None,
        breakeven_c1_fixed=breakeven_c1_fixed,
        periods_per_year=PERIODS.get(i.period, 12.0),
        flags=tuple(flags),
        payback_periods=cac / margin_per_sale,
        period_revenue=period_revenue,
        period_profit=period_profit,
    )


# --------------------------------------------------------------------------- constraint


@dataclass(frozen=True)
class LeverEffect:
    """What one lever's realistic change does to operating profit (one period).

    ``source``: ``owner`` (the owner's estimate), ``history`` (the audit's comparable
    earlier period) or ``equal_step`` (the 10 % sensitivity step, no estimate known)."""

    lever: str
    step: float
    before: float
    after: float
    profit_before: float
    profit_after: float
    delta: float
    delta_pct: float | None
    rank: int
    capped: bool = False
    source: str = "equal_step"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


@dataclass(frozen=True)
class Constraint:
    """The current constraint: the lever whose realistic change adds most profit.

    ``effects`` are ranked best first; ``tied`` lists levers with exactly the same effect.
    ``basis`` is ``realistic`` (ranked by the realistic moves known; ``unknown`` lists the
    levers nobody could estimate, left out of the ranking) or ``equal_steps`` (no move known:
    an equal 10 % step on every lever, a sensitivity rather than the constraint).
    ``exploit`` / ``elevate`` are locale keys of the advice (first exploit, then elevate).
    """

    lever: str
    effects: tuple[LeverEffect, ...]
    tied: tuple[str, ...]
    exploit: str
    elevate: str
    flags: tuple[str, ...] = ()
    basis: str = "realistic"
    unknown: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"lever": self.lever, "effects": [e.to_dict() for e in self.effects],
                "tied": list(self.tied), "exploit": self.exploit, "elevate": self.elevate,
                "flags": list(self.flags), "basis": self.basis, "unknown": list(self.unknown)}


def lever_key(lever: str) -> str:
    """Locale key of a lever's short name."""
    return f"tk-lever-{lever.replace('_', '-')}"


def sensitivity(
    i: UnitInputs, step: float = DEFAULT_STEP, steps: Mapping[str, float] | None = None,
    sources: Mapping[str, str] | None = None,
) -> tuple[LeverEffect, ...]:
    """Profit change from improving each lever, ranked best first.

    Without ``steps`` every lever moves by ``step`` (a share; 0.10 = 10%). With ``steps``
    (shares per lever) only those levers are moved and ranked. UA, C1, price and APC go
    up, COGS and CPA go down; C1 is capped at 1. Ties keep the order of :data:`LEVERS`.
    """
    base = operating_profit(i)
    moves = dict(steps) if steps else dict.fromkeys(LEVERS, step)
    rows: list[tuple[str, float, float, float, float, bool]] = []
    for lever in (x for x in LEVERS if x in moves):
        s = moves[lever]
        before = i.get(lever)
        after = before * (1 - s) if lever in DOWN_LEVERS else before * (1 + s)
        capped = lever == "c1" and after > 1
        after = max(min(after, 1.0) if lever == "c1" else after, 0.0)
        profit = operating_profit(i.with_lever(lever, after))
        rows.append((lever, s, before, after, profit, capped))
    order = sorted(range(len(rows)), key=lambda k: (-_round(rows[k][4] - base), k))
    ranked: list[LeverEffect] = []
    for rank, k in enumerate(order, start=1):
        lever, s, before, after, profit, capped = rows[k]
        delta = profit - base
        ranked.append(LeverEffect(
            lever=lever, step=s, before=before, after=after, profit_before=base,
            profit_after=profit, delta=delta,
            delta_pct=delta / abs(base) * 100 if base else None, rank=rank, capped=capped,
            source=(sources or {}).get(lever, "owner") if steps else "equal_step",
        ))
    return tuple(ranked)


def _round(value: float) -> float:
    """Round away floating-point noise so that equal effects tie exactly."""
    return round(value, 6)


def find_constraint(
    i: UnitInputs, steps: Mapping[str, float] | None = None,
    sources: Mapping[str, str] | None = None,
) -> Constraint:
    """Rank the levers by the profit their realistic move brings and name the top one.

    ``steps`` are realistic changes (shares) per lever, ``sources`` where each came from
    (``owner`` or ``history``). Levers without a move are ``unknown`` and not ranked.
    Without any move, every lever gets an equal 10 % step (flag ``equal_steps``).
    Flag ``scaling_loses_money`` when more UA lowers profit (each new lead costs more than
    it earns).
    """
    known = {lever: s for lever, s in (steps or {}).items() if lever in LEVERS and s > 0}
    effects = sensitivity(i, DEFAULT_STEP, known or None, sources)
    top = effects[0]
    tied = tuple(e.lever for e in effects[1:] if _round(e.delta) == _round(top.delta))
    flags: list[str] = []
    if _ua_hurts(i, "operating_profit"):
        flags.append("scaling_loses_money")
    if not known:
        flags.append("equal_steps")
    lever = top.lever.replace("_", "-")
    return Constraint(top.lever, effects, tied, f"tk-ue-exploit-{lever}",
                      f"tk-ue-elevate-{lever}", tuple(flags),
                      "realistic" if known else "equal_steps",
                      tuple(x for x in LEVERS if known and x not in known))


# --------------------------------------------------------------------------- x2 plan


@dataclass(frozen=True)
class LeverTarget:
    """What one lever must become to reach the target (``required`` None: impossible).

    ``reason`` when impossible: ``no_effect`` (the lever does not move this metric),
    ``out_of_range`` (e.g. C1 above 100% or a negative COGS).
    """

    lever: str
    current: float
    required: float | None
    change_pct: float | None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


@dataclass(frozen=True)
class X2Plan:
    """The plan to multiply the growth metric by ``factor`` within a year.

    ``goal`` is ``multiply`` when the metric is positive, else ``breakeven`` (target 0:
    doubling a loss means nothing). ``alone``: each lever on its own; ``mix``: every
    useful lever moved by the same share ``mix_change`` (up, or down for COGS and CPA);
    ``monthly_growth_pct``: the compound monthly growth that gives ``factor`` in a year.
    """

    metric: str
    factor: float
    goal: Literal["multiply", "breakeven"]
    base: float
    target: float
    alone: tuple[LeverTarget, ...]
    mix_change: float | None
    mix: tuple[LeverTarget, ...]
    monthly_growth_pct: float
    best_alone: str | None = None
    flags: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"metric": self.metric, "factor": self.factor, "goal": self.goal,
                "base": self.base, "target": self.target,
                "alone": [x.to_dict() for x in self.alone], "mix_change": self.mix_change,
                "mix": [x.to_dict() for x in self.mix],
                "monthly_growth_pct": self.monthly_growth_pct, "best_alone": self.best_alone,
                "flags": list(self.flags)}


def _in_range(lever: str, value: float) -> bool:
    if lever == "c1":
        return 0 < value <= 1
    if lever == "apc":
        return value >= 1
    if lever in DOWN_LEVERS:
        return value >= 0
    return value > 0


def _target_operating(i: UnitInputs, metric: str, target: float) -> tuple[str, float]:
    """Net profit is solved as operating profit (the tax kink makes it piecewise linear)."""
    if metric == "net_profit":
        return "operating_profit", target / (1 - i.tax_pct / 100) if target > 0 else target
    return metric, target


def solve_lever(i: UnitInputs, lever: str, metric: str, target: float) -> LeverTarget:
    """The value of one lever (others fixed) at which ``metric`` equals ``target``.

    Every metric is linear in each single lever, so two evaluations give the exact answer.
    """
    metric, target = _target_operating(i, metric, target)
    current = i.get(lever)
    probe = current * 1.5 + 1.0
    m0 = metric_value(i, metric)
    slope = (metric_value(i.with_lever(lever, probe), metric) - m0) / (probe - current)
    if abs(slope) < 1e-12:
        return LeverTarget(lever, current, None, None, "no_effect")
    required = current + (target - m0) / slope
    if not _in_range(lever, required):
        return LeverTarget(lever, current, None, None, "out_of_range")
    change = (required / current - 1) * 100 if current else None
    return LeverTarget(lever, current, required, change)


def _mixed(i: UnitInputs, levers: tuple[str, ...], g: float) -> UnitInputs:
    values: dict[str, Any] = {}
    for lever in levers:
        v = i.get(lever)
        if lever in DOWN_LEVERS:
            values[lever] = v * max(1 - g, 0.0)
        elif lever == "c1":
            values[lever] = min(v * (1 + g), 1.0)
        else:
            values[lever] = v * (1 + g)
    return replace(i, **values)


def x2_plan(i: UnitInputs, metric: str = "operating_profit", factor: float = 2.0) -> X2Plan:
    """What each lever must become, alone and in a balanced mix, to reach ``factor`` x the
    metric of one period (a year from now); or break-even when the metric is not positive.

    The balanced mix moves every lever that helps (UA only when each lead earns more than
    it costs) by the same share g, found by bisection: with g = 0.19, UA, C1, price and APC
    grow 19% and COGS and CPA fall 19%.
    """
    if metric not in GROWTH_METRICS:
        raise ValueError(f"unknown growth metric: {metric}")
    if not i.fixed_known and metric in {"operating_profit", "net_profit"}:
        metric = "contribution"  # fixed costs unknown: operating profit is not stated
    base = metric_value(i, metric)
    goal: Literal["multiply", "breakeven"] = "multiply" if base > 0 else "breakeven"
    target = base * factor if goal == "multiply" else 0.0
    alone = tuple(solve_lever(i, lever, metric, target) for lever in LEVERS)
    useful = tuple(
        x.lever for x in alone
        if x.reason != "no_effect" and not (x.lever == "ua" and _ua_hurts(i, metric))
    )
    flags: list[str] = []
    if "ua" not in useful and any(x.lever == "ua" for x in alone) and _ua_hurts(i, metric):
        flags.append("ua_excluded")

    def gap(g: float) -> float:
        return metric_value(_mixed(i, useful, g), metric) - target

    mix_change: float | None = None
    if useful and gap(MIX_MAX) >= 0:
        low, high = 0.0, MIX_MAX
        for _ in range(200):
            mid = (low + high) / 2
            if gap(mid) >= 0:
                high = mid
            else:
                low = mid
            if high - low < 1e-10:
                break
        mix_change = high
    mix: tuple[LeverTarget, ...] = ()
    if mix_change is not None:
        mixed = _mixed(i, useful, mix_change)
        mix = tuple(
            LeverTarget(lever, i.get(lever), mixed.get(lever),
                        (mixed.get(lever) / i.get(lever) - 1) * 100 if i.get(lever) else None)
            for lever in useful
        )
    feasible = [x for x in alone if x.required is not None and x.change_pct is not None]
    best = min(feasible, key=lambda x: abs(x.change_pct or 0.0)).lever if feasible else None
    return X2Plan(
        metric=metric, factor=factor, goal=goal, base=base, target=target, alone=alone,
        mix_change=mix_change, mix=mix,
        monthly_growth_pct=(factor ** (1 / 12) - 1) * 100, best_alone=best, flags=tuple(flags),
    )


def _ua_hurts(i: UnitInputs, metric: str) -> bool:
    """True when one more unit of acquisition lowers the metric."""
    metric, _ = _target_operating(i, metric, 0.0)
    return metric_value(i.with_lever("ua", i.ua * 1.1), metric) <= metric_value(i, metric)
