"""Recommendations: one HADI step per finding, ranked by the expected effect in money.

Each recommendation names the segment it targets, the growth metric it moves (UA, C1, AOV,
APC, COGS or churn, DOMAIN.md section 2), the metric to watch (:mod:`analytics.advice.watch`)
and, where the data allows, the expected effect in money over the next 12 months on the
terms of :mod:`analytics.advice.money` (one horizon, one discounting, revenue or margin, a
range). The effect is always a product of named factors (``Effect.factors``), so the text
can show the arithmetic, e.g. win back the At risk: ``44 customers x 24.5 % x check 5 227 x
1 order x discount 0.94 = 52 976``. Rates come from the base's own history where it has one,
else from the stated defaults below. Each step has a cap (``Effect.cap``): steps aimed at
customers active in the last 12 months never exceed :data:`ACTIVE_CAP` of what those
customers brought in those months; the others state their own.

Ranked: the diagnosis' constraint first, then money effect, largest first; recommendations
without one (base hygiene) last. :mod:`analytics.advice.plan` then puts first the top steps
aimed at different customers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from analytics.advice.facts import (
    MONEY_KEYS,
    SHARE_KEYS,
    Evidence,
    Report,
    aov,
    complete_months,
    new_per_year,
    num,
    per_year,
    period_days,
    ratio,
    rows,
    section,
    segments,
    total,
)
from analytics.advice.findings import SEVERITIES, Finding, Severity, constraint_finding
from analytics.advice.money import (
    HIGH_SHARE,
    HORIZON_MONTHS,
    LOW_SHARE,
    Basis,
    RateSource,
    Terms,
    month_discount,
    observed_rate,
    revenue_12m,
)
from analytics.advice.money import (
    terms as money_terms,
)
from analytics.advice.watch import RECENT_MONTHS

GrowthMetric = Literal["UA", "C1", "AOV", "APC", "COGS", "churn"]

REACTIVATE_RATE = 0.10
"""Default share of recently lapsed customers a reminder series brings back in a year (when
the base has no history of returns): a cautious planning figure."""
WIN_BACK_RATE = 0.10
"""Default share of At risk / Can't lose customers a personal win-back offer brings back."""
LAPSE_RATE = 0.25
"""Default share of regulars who lapse within a year (when the base has no history)."""
RETAIN_RATE = 0.10
"""Share of the regulars who would lapse that a retention programme keeps (an assumption)."""
SECOND_PURCHASE_RATE = 0.10
"""Default share of reachable one-time buyers who buy a second time."""
ONBOARDING_LIFT = 0.05
"""Percentage points of month-1 retention an onboarding series adds for new customers."""
MIN_EXPECTED_CUSTOMERS = 1.0
"""A step valued on fewer expected responders than this gets no money figure (10 % of 9
customers is 0.9 of a customer)."""
RECOVERY_SHARE = 0.5
"""Share of a lost average check, frequency or inflow a programme wins back: half, not all."""
PEAK_LIFT = 0.10
"""Extra revenue in the peak month from preparing for it (stock, offer, early mailing)."""
SHIFT_SHARE = 0.10
"""Share of next year's new customers steered to the outperforming group."""
ACTIVE_CAP = 0.5
"""A step aimed at customers active in the last 12 months is valued at most at this share
of what they brought in those months."""
SECOND_PURCHASE_SEGMENTS = ("new", "promising", "about_to_sleep")
"""RFM segments whose one-time buyers are still reachable (recent enough to remember)."""
CORE_SEGMENTS = ("champions", "loyal")
WIN_BACK_SEGMENTS = ("at_risk", "cant_lose")
RESPONSE_KEYS = ("rate", "leave_rate", "kept")
"""Factors that, multiplied by ``customers``, give the customers expected to respond."""

CapBasis = Literal["active_revenue_12m", "one_order_each", "whole_loss", "all_steered",
                   "their_revenue_12m"]


@dataclass(frozen=True)
class Effect:
    """Expected effect in money over :data:`HORIZON_MONTHS`: ``product`` = product of
    ``factors`` (``formula`` names the arithmetic's text), ``value`` = ``product`` at most
    ``cap`` (``cap_basis`` says what the cap is), ``low``..``high`` the range."""

    formula: str
    factors: dict[str, float]
    product: float
    value: float
    low: float
    high: float
    basis: Basis
    rate_source: RateSource
    cap: float | None = None
    cap_basis: CapBasis | None = None
    horizon_months: int = HORIZON_MONTHS

    @property
    def capped(self) -> bool:
        """The product exceeded the cap, so the cap is the value."""
        return self.cap is not None and self.product > self.cap

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"formula": self.formula, "factors": dict(self.factors),
                "product": self.product, "value": self.value, "low": self.low,
                "high": self.high, "horizon_months": self.horizon_months,
                "basis": self.basis, "rate_source": self.rate_source, "cap": self.cap,
                "cap_basis": self.cap_basis, "capped": self.capped}


@dataclass(frozen=True)
class Recommendation:
    """A HADI step: if we do ``code`` for ``segments``, ``watch`` moves; ``effect`` in money;
    ``overlaps``: the higher steps of the plan aimed at the same customers."""

    code: str
    finding: str
    severity: Severity
    segments: tuple[str, ...]
    growth_metric: GrowthMetric
    watch: str
    effect: Effect | None
    evidence: Evidence = field(default_factory=dict)
    overlaps: tuple[str, ...] = ()

    def to_dict(self, rank: int | None = None) -> dict[str, Any]:
        """JSON-ready; ``rank`` (1 = first) when given."""
        out: dict[str, Any] = {} if rank is None else {"rank": rank}
        out.update(
            code=self.code, finding=self.finding, segments=list(self.segments),
            growth_metric=self.growth_metric, watch=self.watch,
            effect=None if self.effect is None else self.effect.to_dict(),
            evidence=dict(self.evidence), overlaps=list(self.overlaps),
        )
        return out


def effect(formula: str, terms: Terms, *, rate_source: RateSource = "assumption",
           cap: float | None = None, cap_basis: CapBasis | None = None,
           discount: float | None = None, **factors: float | None) -> Effect | None:
    """An :class:`Effect` whose product is that of ``factors``, the discount (money spread
    evenly over the horizon unless ``discount`` is given) and, on the margin basis, the
    margin share; ``None`` if a factor is missing, under one customer is expected to respond,
    or the product is not a positive finite number. ``cap`` (revenue, undiscounted) is put on
    the same basis as the product."""
    clean = {k: v for k, v in factors.items() if v is not None}
    if len(clean) < len(factors):
        return None
    terms_factors = {"discount": terms.flow_discount() if discount is None else discount}
    if terms.margin is not None:
        terms_factors["margin"] = terms.margin
    # Rounded as the text shows them, so the printed arithmetic gives the printed result.
    rounded = {k: as_printed(k, v) for k, v in (clean | terms_factors).items()}
    responders = 1.0
    if "customers" in rounded:
        responders = rounded["customers"] * math.prod(rounded.get(k, 1.0) for k in RESPONSE_KEYS)
        if responders < MIN_EXPECTED_CUSTOMERS:
            return None  # less than one customer expected to respond: no money on a fraction
    product = math.prod(rounded.values())
    if not math.isfinite(product) or product <= 0:
        return None
    on_basis = None if cap is None else float(round(
        cap * math.prod(rounded[k] for k in terms_factors)))
    if on_basis is not None and on_basis < product / max(responders, 1.0):
        return None  # capped below one responder's worth: the targeted customers gave nothing
    value = product if on_basis is None else min(product, on_basis)
    high = value * HIGH_SHARE if on_basis is None else min(value * HIGH_SHARE, on_basis)
    return Effect(formula, rounded, round(product, 2), round(value, 2),
                  float(round(value * LOW_SHARE)), float(round(high)), terms.basis,
                  rate_source, on_basis, cap_basis if on_basis is not None else None)


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


def _active_cap(report: Report, codes: tuple[str, ...] | None = None) -> float | None:
    """:data:`ACTIVE_CAP` of the segments' revenue of the last 12 months."""
    revenue = revenue_12m(report, codes)
    return None if revenue is None else ACTIVE_CAP * revenue


# --------------------------------------------------------------------------- builders
# Each takes the report, the finding and the money terms, returns (segments, growth metric,
# watch, effect).

Plan = tuple[tuple[str, ...], GrowthMetric, str, Effect | None]


def _reactivate(report: Report, finding: Finding, terms: Terms) -> Plan:
    """The customers who left the active base in the last 3 months, back at the rate
    lapsed customers came back in the base's history, one order each."""
    churned = total(complete_months(report, "lifecycle")[-RECENT_MONTHS:], "churned")
    rate, source = observed_rate(report, "return", REACTIVATE_RATE)
    check = aov(report)
    return (("churned_recently",), "churn", "active_base",
            effect("reach", terms, rate_source=source, cap=_product(churned, check),
                   cap_basis="one_order_each", customers=churned, rate=rate, check=check,
                   orders=1.0))


def _win_back(report: Report, finding: Finding, terms: Terms) -> Plan:
    """At risk and Can't lose back at the base's return rate, one order each at their
    own check."""
    customers, orders, revenue = _group_figures(report, WIN_BACK_SEGMENTS)
    rate, source = observed_rate(report, "return", WIN_BACK_RATE)
    check = ratio(revenue, orders)
    return (WIN_BACK_SEGMENTS, "churn", "reactivated",
            effect("reach", terms, rate_source=source, cap=_product(customers, check),
                   cap_basis="one_order_each", customers=customers, rate=rate, check=check,
                   orders=1.0))


def _protect_core(report: Report, finding: Finding, terms: Terms) -> Plan:
    """Of the Champions and Loyal who would lapse within a year (the base's lapse rate of
    regulars), :data:`RETAIN_RATE` kept, at their check and the orders the BG/NBD forecast
    gives them for the year (their past pace when there is no forecast)."""
    customers, orders, revenue = _group_figures(report, CORE_SEGMENTS)
    if not customers:  # no RFM (a customer list without dates): the top 20 % instead
        return (("top_customers",), "churn", "core_customers", None)
    leave, source = observed_rate(report, "lapse", LAPSE_RATE)
    forecast = _forecast_orders(report, CORE_SEGMENTS)
    pace = forecast if forecast is not None else per_year(orders, customers, period_days(report))
    return (CORE_SEGMENTS, "churn", "core_customers",
            effect("keep", terms, rate_source=source, cap=_active_cap(report, CORE_SEGMENTS),
                   cap_basis="active_revenue_12m", customers=customers, leave_rate=leave,
                   kept=RETAIN_RATE, check=ratio(revenue, orders), orders=pace))


def _second_purchase(report: Report, finding: Finding, terms: Terms) -> Plan:
    """The one-time buyers whose window is still open, buying again at the base's own
    second-purchase rate; without a history (a customer list, a hand-made report) the
    one-time buyers of New, Promising and About to sleep, or all of them."""
    segs = segments(report)
    open_window = section(section(report, "history"), "one_time_open")
    check = aov(report)
    cap_basis: CapBasis = "active_revenue_12m"
    cap: float | None
    if open_window:
        reachable = num(open_window, "customers") or 0.0
        targets: tuple[str, ...] = ("one_time_open",)
        cap = ACTIVE_CAP * (num(open_window, "revenue") or 0.0)
    elif segs:
        reachable = sum(num(segs.get(c), "one_time_buyers") or 0
                        for c in SECOND_PURCHASE_SEGMENTS)
        targets, cap = SECOND_PURCHASE_SEGMENTS, _active_cap(report, SECOND_PURCHASE_SEGMENTS)
    else:
        reachable, targets = float(finding.evidence.get("one_time", 0)), ("one_time_buyers",)
        cap = None
    if cap is None:
        cap, cap_basis = _product(reachable, check), "one_order_each"
    rate, source = observed_rate(report, "second_purchase", SECOND_PURCHASE_RATE)
    return (targets, "APC", "repeat_rate",
            effect("reach", terms, rate_source=source, cap=cap, cap_basis=cap_basis,
                   customers=reachable, rate=rate, check=check, orders=1.0))


def _onboarding(report: Report, finding: Finding, terms: Terms) -> Plan:
    new = _whole(new_per_year(report))
    check = aov(report)
    return (("new",), "churn", "retention_m1",
            effect("reach", terms, cap=_product(new, check), cap_basis="one_order_each",
                   customers=new, rate=ONBOARDING_LIFT, check=check, orders=1.0))


def _raise_frequency(report: Report, finding: Finding, terms: Terms) -> Plan:
    ev = finding.evidence
    return (("active_base",), "APC", "frequency",
            effect("frequency", terms, cap=_active_cap(report), cap_basis="active_revenue_12m",
                   customers=num(ev, "active_base"),
                   frequency_drop=_drop(ev, "frequency_before", "frequency_recent"),
                   months=float(HORIZON_MONTHS), recovery=RECOVERY_SHARE, check=aov(report)))


def _raise_check(report: Report, finding: Finding, terms: Terms) -> Plan:
    ev = finding.evidence
    orders = ratio(num(ev, "orders_recent"), num(ev, "months"))
    return (("active_base",), "AOV", "aov",
            effect("check", terms, cap=_active_cap(report), cap_basis="active_revenue_12m",
                   orders=None if orders is None else orders * HORIZON_MONTHS,
                   check_drop=_drop(ev, "aov_before", "aov_recent"), recovery=RECOVERY_SHARE))


def _prepare_peak(report: Report, finding: Finding, terms: Terms) -> Plan:
    """The next peak month's revenue lifted by :data:`PEAK_LIFT`, discounted to that month."""
    ahead = _months_to(report, num(finding.evidence, "peak_month"))
    discount = None if ahead is None else month_discount(terms.discount_monthly, ahead)
    return (("all",), "UA", "peak_revenue",
            effect("peak", terms, cap=_active_cap(report), cap_basis="active_revenue_12m",
                   discount=discount, revenue=num(finding.evidence, "peak_revenue"),
                   lift=PEAK_LIFT))


def _double_down(report: Report, finding: Finding, terms: Terms) -> Plan:
    ev = finding.evidence
    group, base = num(ev, "revenue_per_customer"), num(ev, "base_revenue_per_customer")
    excess = None if group is None or base is None else group - base
    new = _whole(new_per_year(report))
    return ((f"{ev.get('dimension')}",), "UA", "group_share",
            effect("shift", terms, cap=_product(new, excess), cap_basis="all_steered",
                   customers=new, rate=SHIFT_SHARE, value=excess))


def _restart_acquisition(report: Report, finding: Finding, terms: Terms) -> Plan:
    """Win back half of the new customers lost per year, at the recent new customers'
    check and orders in their first window."""
    after = section(section(section(report, "diagnosis"), "bridge"), "after")
    ev = finding.evidence
    lost = (num(ev, "new_before") or 0) - (num(ev, "new_recent") or 0)
    months = num(ev, "months") or 0
    per_year_lost = _whole(lost * HORIZON_MONTHS / months) if lost > 0 and months else None
    check, orders = num(after, "new_check"), num(after, "orders_per_new")
    return (("new_customers",), "UA", "new_customers",
            effect("reach", terms, cap=_product(per_year_lost, check, orders),
                   cap_basis="whole_loss", customers=per_year_lost,
                   rate=RECOVERY_SHARE, check=check, orders=orders))


def _call_key_accounts(report: Report, finding: Finding, terms: Terms) -> Plan:
    """Half of the silent accounts back at their own revenue of the last 12 months."""
    ev = finding.evidence
    accounts = num(ev, "accounts")
    revenue = num(ev, "revenue_12m")
    per_account = revenue / accounts if accounts and revenue else None
    return (("key_accounts",), "churn", "active_base",
            effect("accounts", terms, cap=revenue, cap_basis="their_revenue_12m",
                   customers=accounts, rate=RECOVERY_SHARE, revenue=per_account))


def _forecast_orders(report: Report, codes: tuple[str, ...]) -> float | None:
    """Purchases per customer over the next 365 days the CLV forecast gives the segments."""
    clv = section(report, "clv")
    if clv.get("status") not in (None, "ok"):
        return None
    chosen = [s for s in rows(clv.get("segments")) if s.get("code") in codes]
    customers = sum(num(s, "customers") or 0 for s in chosen)
    purchases = sum(num(s, "purchases_365") or 0 for s in chosen)
    return purchases / customers if customers and purchases else None


def _months_to(report: Report, month: float | None) -> int | None:
    """Months from the data's last month to the next calendar ``month`` (1..12)."""
    last = str(section(report, "data").get("date_to") or "")[5:7]
    if month is None or not last.isdigit():
        return None
    return (int(month) - int(last) - 1) % 12 + 1


def _product(*factors: float | None) -> float | None:
    """The product of ``factors`` (a cap: everyone targeted, all of it), ``None`` when one
    is missing."""
    known = [f for f in factors if f is not None]
    return math.prod(known) if len(known) == len(factors) else None


def _clean_base(report: Report, finding: Finding, terms: Terms) -> Plan:
    return (("stale",), "C1", "stale_share", None)


def _merge_duplicates(report: Report, finding: Finding, terms: Terms) -> Plan:
    return (("duplicates",), "C1", "duplicate_share", None)


def _whole(value: float | None) -> float | None:
    return None if value is None else float(round(value))


def _drop(evidence: Mapping[str, Any], before: str, after: str) -> float | None:
    old, new = num(evidence, before), num(evidence, after)
    return None if old is None or new is None else old - new


Builder = Callable[[Report, Finding, Terms], Plan]

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
EFFECT_FORMULAS: tuple[str, ...] = ("reach", "keep", "accounts", "frequency", "check", "peak",
                                    "shift")


def recommend(report: Report, findings: list[Finding],
              terms: Terms | None = None) -> list[Recommendation]:
    """One recommendation per finding on the money ``terms`` (revenue, the CLV's discount
    rate, when not given): the diagnosis' constraint first, then by money effect (none
    last), then severity; no money effect when the diagnosis finds the data too little."""
    terms = terms or money_terms(report)
    first = constraint_finding(report)
    enough = section(section(report, "diagnosis"), "sufficiency")
    too_little = enough.get("level") == "too_little"
    out: list[Recommendation] = []
    for finding in findings:
        if finding.code not in BUILDERS:
            continue
        code, build = BUILDERS[finding.code]
        targets, metric, watch, money = build(report, finding, terms)
        if too_little:
            money = None  # DIAGNOSIS.md 10: no estimated effects on too little data
        out.append(Recommendation(code, finding.code, finding.severity, targets, metric,
                                  watch, money, dict(finding.evidence)))
    return sorted(out, key=lambda r: (r.finding != first or r.effect is None,
                                      r.effect is None,
                                      -(r.effect.value if r.effect else 0.0),
                                      SEVERITIES.index(r.severity)))
