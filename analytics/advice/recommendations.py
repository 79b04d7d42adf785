"""Recommendations: one HADI step per finding, ranked by the expected effect in money.

Each recommendation names the segment it targets, the growth metric it moves (UA, C1, AOV,
APC, COGS or churn, DOMAIN.md section 2), the metric to watch (:mod:`analytics.advice.watch`)
and, where the data allows, the expected effect in money over :data:`HORIZON_DAYS`,
computed from the user's own figures. The effect is always a product of named factors
(``Effect.factors``), so the text can show the arithmetic, e.g. win back 10 % of At risk:
``44 customers x 10 % x check 5 227 x 1 order = 22 999``. The assumptions (the rates
below) are planning figures, stated with the result so the user can replace them.

Ranked: money effect, largest first; recommendations without one (base hygiene) last.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from analytics.advice.facts import (
    HORIZON_DAYS,
    MONEY_KEYS,
    SHARE_KEYS,
    Evidence,
    Report,
    aov,
    complete_months,
    new_per_horizon,
    num,
    per_horizon,
    period_days,
    ratio,
    section,
    segments,
    total,
)
from analytics.advice.findings import SEVERITIES, Finding, Severity, constraint_finding
from analytics.advice.watch import RECENT_MONTHS

GrowthMetric = Literal["UA", "C1", "AOV", "APC", "COGS", "churn"]

REACTIVATE_RATE = 0.10
"""Share of recently churned customers a reminder series brings back; 10 % is a cautious
planning figure for a first reactivation campaign to people who bought within months."""
WIN_BACK_RATE = 0.10
"""Share of At risk / Can't lose customers a personal win-back offer brings back."""
RETAIN_RATE = 0.10
"""Share of Champions and Loyal a retention programme keeps from leaving in a quarter."""
SECOND_PURCHASE_RATE = 0.10
"""Share of reachable one-time buyers a second-purchase offer converts."""
ONBOARDING_LIFT = 0.05
"""Percentage points of month-1 retention an onboarding series adds for new customers."""
MIN_EXPECTED_CUSTOMERS = 1.0
"""A step valued on fewer expected responders than this gets no money figure (10 % of 9
customers is 0.9 of a customer)."""
RECOVERY_SHARE = 0.5
"""Share of a lost average check or frequency a programme wins back: half, not all."""
PEAK_LIFT = 0.10
"""Extra revenue in the peak month from preparing for it (stock, offer, early mailing)."""
SHIFT_SHARE = 0.10
"""Share of next quarter's new customers steered to the outperforming group."""
SECOND_PURCHASE_SEGMENTS = ("new", "promising", "about_to_sleep")
"""RFM segments whose one-time buyers are still reachable (recent enough to remember)."""


@dataclass(frozen=True)
class Effect:
    """Expected effect in money: ``value`` = product of ``factors`` (``formula`` names the
    arithmetic's text) over ``horizon_days`` (``None``: over the customers' life, judged by
    what similar customers brought so far)."""

    formula: str
    factors: dict[str, float]
    value: float
    horizon_days: int | None = HORIZON_DAYS

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"formula": self.formula, "factors": dict(self.factors),
                "value": self.value, "horizon_days": self.horizon_days}


@dataclass(frozen=True)
class Recommendation:
    """A HADI step: if we do ``code`` for ``segments``, ``watch`` moves; ``effect`` in money."""

    code: str
    finding: str
    severity: Severity
    segments: tuple[str, ...]
    growth_metric: GrowthMetric
    watch: str
    effect: Effect | None
    evidence: Evidence = field(default_factory=dict)

    def to_dict(self, rank: int | None = None) -> dict[str, Any]:
        """JSON-ready; ``rank`` (1 = first) when given."""
        out: dict[str, Any] = {} if rank is None else {"rank": rank}
        out.update(
            code=self.code, finding=self.finding, segments=list(self.segments),
            growth_metric=self.growth_metric, watch=self.watch,
            effect=None if self.effect is None else self.effect.to_dict(),
            evidence=dict(self.evidence),
        )
        return out


def effect(formula: str, horizon_days: int | None = HORIZON_DAYS,
           **factors: float | None) -> Effect | None:
    """An :class:`Effect` whose value is the product of ``factors``; ``None`` if one is
    missing, or the product is not a positive finite number."""
    clean = {k: v for k, v in factors.items() if v is not None}
    if len(clean) < len(factors):
        return None
    # Rounded as the text shows them, so the printed arithmetic gives the printed result.
    rounded = {k: as_printed(k, v) for k, v in clean.items()}
    if "customers" in rounded and "rate" in rounded and \
            rounded["customers"] * rounded["rate"] < MIN_EXPECTED_CUSTOMERS:
        return None  # less than one customer expected to respond: no money on a fraction
    value = math.prod(rounded.values())
    if not math.isfinite(value) or value <= 0:
        return None
    return Effect(formula, rounded, round(value, 2), horizon_days)


def as_printed(name: str, value: float) -> float:
    """A factor rounded as the text prints it: money in whole units, a share to a tenth of
    a per cent, other numbers to 2 decimals under 100 and whole above."""
    if any(key in name for key in MONEY_KEYS) and "share" not in name:
        return float(round(value))
    if any(key in name for key in SHARE_KEYS):
        return round(value, 3)
    return round(value, 2 if abs(value) < 100 else 0)


def _group_figures(report: Report, codes: tuple[str, ...]) -> tuple[float, float, float]:
    """Customers, orders and revenue of the RFM segments ``codes`` together."""
    segs = [s for c, s in segments(report).items() if c in codes]
    customers = sum(num(s, "customers") or 0 for s in segs)
    orders = sum((num(s, "avg_frequency") or 0) * (num(s, "customers") or 0) for s in segs)
    revenue = sum(num(s, "revenue") or 0 for s in segs)
    return customers, orders, revenue


# --------------------------------------------------------------------------- builders
# Each takes the report and the finding, returns (segments, growth metric, watch, effect).

Plan = tuple[tuple[str, ...], GrowthMetric, str, Effect | None]


def _reactivate(report: Report, finding: Finding) -> Plan:
    churned = total(complete_months(report, "lifecycle")[-RECENT_MONTHS:], "churned")
    return (("churned_recently",), "churn", "active_base",
            effect("reach", customers=churned, rate=REACTIVATE_RATE, check=aov(report),
                   orders=1.0))


def _win_back(report: Report, finding: Finding) -> Plan:
    codes = ("at_risk", "cant_lose")
    customers, orders, revenue = _group_figures(report, codes)
    per = per_horizon(orders, customers, period_days(report))
    return (codes, "churn", "reactivated",
            effect("reach", customers=customers, rate=WIN_BACK_RATE,
                   check=ratio(revenue, orders), orders=max(1.0, per or 0.0)))


def _protect_core(report: Report, finding: Finding) -> Plan:
    codes = ("champions", "loyal")
    customers, orders, revenue = _group_figures(report, codes)
    if not customers:  # no RFM (a customer list without dates): the top 20 % instead
        return (("top_customers",), "churn", "core_customers", None)
    return (codes, "churn", "core_customers",
            effect("reach", customers=customers, rate=RETAIN_RATE,
                   check=ratio(revenue, orders),
                   orders=per_horizon(orders, customers, period_days(report))))


def _second_purchase(report: Report, finding: Finding) -> Plan:
    segs = segments(report)
    if segs:
        reachable = sum(num(segs.get(c), "one_time_buyers") or 0
                        for c in SECOND_PURCHASE_SEGMENTS)
        targets: tuple[str, ...] = SECOND_PURCHASE_SEGMENTS
    else:
        reachable, targets = float(finding.evidence.get("one_time", 0)), ("one_time_buyers",)
    return (targets, "APC", "repeat_rate",
            effect("reach", customers=reachable, rate=SECOND_PURCHASE_RATE, check=aov(report),
                   orders=1.0))


def _onboarding(report: Report, finding: Finding) -> Plan:
    return (("new",), "churn", "retention_m1",
            effect("reach", customers=_whole(new_per_horizon(report)), rate=ONBOARDING_LIFT,
                   check=aov(report), orders=1.0))


def _raise_frequency(report: Report, finding: Finding) -> Plan:
    ev = finding.evidence
    drop = _drop(ev, "frequency_before", "frequency_recent")
    months = HORIZON_DAYS / 30
    return (("active_base",), "APC", "frequency",
            effect("frequency", customers=num(ev, "active_base"), frequency_drop=drop,
                   months=months,
                   recovery=RECOVERY_SHARE, check=aov(report)))


def _raise_check(report: Report, finding: Finding) -> Plan:
    ev = finding.evidence
    orders = ratio(num(ev, "orders_recent"), num(ev, "months"))
    return (("active_base",), "AOV", "aov",
            effect("check", orders=None if orders is None else orders * HORIZON_DAYS / 30,
                   check_drop=_drop(ev, "aov_before", "aov_recent"), recovery=RECOVERY_SHARE))


def _prepare_peak(report: Report, finding: Finding) -> Plan:
    return (("all",), "UA", "peak_revenue",
            effect("peak", revenue=num(finding.evidence, "peak_revenue"), lift=PEAK_LIFT,
                   horizon_days=30))


def _double_down(report: Report, finding: Finding) -> Plan:
    ev = finding.evidence
    group, base = num(ev, "revenue_per_customer"), num(ev, "base_revenue_per_customer")
    excess = None if group is None or base is None else group - base
    return ((f"{ev.get('dimension')}",), "UA", "group_share",
            effect("shift", customers=_whole(new_per_horizon(report)), rate=SHIFT_SHARE,
                   value=excess, horizon_days=None))


def _restart_acquisition(report: Report, finding: Finding) -> Plan:
    """Win back half of the new customers lost per horizon, at the recent new customers'
    check and orders in their first window."""
    after = section(section(section(report, "diagnosis"), "bridge"), "after")
    ev = finding.evidence
    lost = (num(ev, "new_before") or 0) - (num(ev, "new_recent") or 0)
    days = (num(ev, "months") or 0) * 30
    per_horizon = lost * HORIZON_DAYS / days if lost > 0 and days else None
    return (("new_customers",), "UA", "new_customers",
            effect("reach", customers=_whole(per_horizon), rate=RECOVERY_SHARE,
                   check=num(after, "new_check"), orders=num(after, "orders_per_new")))


def _call_key_accounts(report: Report, finding: Finding) -> Plan:
    """Half of the silent accounts back at their own revenue of the last 12 months."""
    ev = finding.evidence
    accounts = num(ev, "accounts")
    revenue = num(ev, "revenue_12m")
    per_account = revenue / accounts * HORIZON_DAYS / 365 if accounts and revenue else None
    return (("key_accounts",), "churn", "active_base",
            effect("reach", customers=accounts, rate=RECOVERY_SHARE, check=per_account,
                   orders=1.0))


def _clean_base(report: Report, finding: Finding) -> Plan:
    return (("stale",), "C1", "stale_share", None)


def _merge_duplicates(report: Report, finding: Finding) -> Plan:
    return (("duplicates",), "C1", "duplicate_share", None)


def _whole(value: float | None) -> float | None:
    return None if value is None else float(round(value))


def _drop(evidence: Mapping[str, Any], before: str, after: str) -> float | None:
    old, new = num(evidence, before), num(evidence, after)
    return None if old is None or new is None else old - new


Builder = Callable[[Report, Finding], Plan]

BUILDERS: dict[str, tuple[str, Builder]] = {
    "acquisition_falling": ("restart_acquisition", _restart_acquisition),
    "key_accounts_silent": ("call_key_accounts", _call_key_accounts),
    "active_base_shrinking": ("reactivate_churned", _reactivate),
    "win_back_segments_large": ("win_back", _win_back),
    "revenue_concentrated": ("protect_core", _protect_core),
    "one_time_buyers_dominate": ("second_purchase", _second_purchase),
    "early_cohort_churn": ("onboarding", _onboarding),
    "frequency_falling": ("raise_frequency", _raise_frequency),
    "average_check_falling": ("raise_check", _raise_check),
    "seasonality": ("prepare_peak", _prepare_peak),
    "outperforming_group": ("double_down", _double_down),
    "stale_contacts": ("clean_base", _clean_base),
    "duplicate_contacts": ("merge_duplicates", _merge_duplicates),
}
"""Finding code -> (recommendation code, builder)."""

HYGIENE: frozenset[str] = frozenset({"clean_base", "merge_duplicates"})
"""Recommendations never valued in money (their hypothesis needs no effect figures)."""

RECOMMENDATION_CODES: tuple[str, ...] = tuple(code for code, _ in BUILDERS.values())
EFFECT_FORMULAS: tuple[str, ...] = ("reach", "frequency", "check", "peak", "shift")


def recommend(report: Report, findings: list[Finding]) -> list[Recommendation]:
    """One recommendation per finding: the diagnosis' constraint first, then by money
    effect (none last), then severity; no money effect when the diagnosis finds the data
    too little."""
    first = constraint_finding(report)
    enough = section(section(report, "diagnosis"), "sufficiency")
    too_little = enough.get("level") == "too_little"
    out: list[Recommendation] = []
    for finding in findings:
        if finding.code not in BUILDERS:
            continue
        code, build = BUILDERS[finding.code]
        targets, metric, watch, money = build(report, finding)
        if too_little:
            money = None  # DIAGNOSIS.md 10: no estimated effects on too little data
        out.append(Recommendation(code, finding.code, finding.severity, targets, metric,
                                  watch, money, dict(finding.evidence)))
    return sorted(out, key=lambda r: (r.finding != first or r.effect is None,
                                      r.effect is None,
                                      -(r.effect.value if r.effect else 0.0),
                                      SEVERITIES.index(r.severity)))
