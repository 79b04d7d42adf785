"""Findings: rules over the audit report that name what holds growth back, with evidence.

A finding is a code, a severity, the numbers that triggered it (``evidence``) and what they
are computed on (``computed_on``); sentences live in ``locales/<lang>/advice.ftl``
(``advice-finding-<code>``) and, for the intake brief, ``audit-finding-<code>``.

Rules read the report dict (:mod:`analytics.advice.facts`), so they work for both file
shapes: a rule whose inputs a customer list lacks (monthly series, cohorts) stays silent.
Every threshold is a named constant below with the reason for its value. Findings are
ranked by severity, then by the order of :data:`RULES` (the DOMAIN.md priorities: the
active base first, the base's hygiene last).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from analytics.advice.facts import (
    Evidence,
    Report,
    complete_months,
    num,
    ratio,
    rounded,
    rows,
    section,
    segments,
    total,
)

Severity = Literal["high", "medium", "low"]
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "low")

ACQUISITION_DROP_MIN = 0.10
"""New customers fell 10 %+ between the diagnosis' comparable windows (year on year where
the data allows), the same materiality as the constraint's."""
ACQUISITION_SHARE_HIGH = 0.5
"""High when fewer new customers took half or more of what pulled revenue down."""
KEY_ACCOUNTS_SHARE_HIGH = 0.2
"""High when the silent key accounts brought 20 %+ of the last 12 months' revenue."""

LOOKBACK_MONTHS = 6
"""Trends compare the last 6 complete months with the 6 before (or with the month 6 months
ago): long enough to smooth one bad month, short enough to still be news."""

ACTIVE_DROP_MIN = 0.15
"""The active base must have fallen by 15 %+ over the lookback while the total base grew:
monthly active counts of a small business wobble by ~10 %, so a smaller fall is noise.
This is DOMAIN.md section 3: a churn problem that looks like falling conversion."""

ONE_TIME_SHARE_MIN = 0.4
"""40 %+ of customers bought once: the second purchase is then the cheapest lever (these
people already know the business), and a programme for it pays before any new ad."""

TOP20_SHARE_MIN = 0.6
"""The top 20 % of customers bring 60 %+ of revenue: an even base gives 20 %, the Pareto
rule of thumb 80 %; from 60 % on, losing a handful of top customers moves the total."""

WIN_BACK_SHARE_MIN = 0.1
"""At risk + Can't lose hold 10 %+ of customers or of revenue: below that a personal
win-back campaign costs more attention than it returns. RFM scores are relative
(quintiles), so the segments must also have really stopped: their average recency must
exceed the churn window, else a base where everyone bought last month would have
"At risk" customers too."""

EARLY_RETENTION_MAX = 0.25
"""Fewer than 25 % of a cohort buy again in month 1 (size-weighted over cohorts)..."""
EARLY_GAP_MAX_DAYS = 60
"""...while the median gap between purchases is 60 days or less: only then should a
customer who liked the first purchase be back within the first month or two, so a low
month-1 retention means onboarding loses people rather than a slow buying cycle."""

TREND_DROP_MIN = 0.10
"""Average check or purchase frequency fell by 10 %+ between the two lookback windows."""
TREND_MIN_ORDERS = 30
"""Each window needs 30+ orders, else one large order swings the average check."""

STALE_SHARE_MIN = 0.3
"""30 %+ of contacts have not bought for 12 months (the stale share one company found,
DOMAIN.md section 4): conversion counted on such a base is meaningless."""

DUPLICATE_SHARE_MIN = 0.01
"""1 %+ of customers share an email or phone with another record: one person counted
twice inflates the base and splits his history across RFM segments."""

SEASON_MONTHS = 24
"""Seasonality needs two full years, so a peak seen once is not called a season."""
SEASON_PEAK_MIN = 1.3
"""The peak calendar month earns 30 %+ above the year's monthly mean in both years."""
SEASON_TOP = 3
"""...and is among the 3 best months of each year."""

OUTPERFORM_LIFT_MIN = 1.3
"""A city, channel or category whose customers bring 30 %+ more revenue per customer than
the base's average..."""
OUTPERFORM_MIN_CUSTOMERS = 30
"""...and which has 30+ customers, so one big buyer does not make a group look good."""

SEVERE_RATIO = 1.5
"""A finding is ``high`` when its measure is 1.5x its threshold (for "at most" thresholds:
two thirds of it), else ``medium``; opportunities (a season, an outperformer) are ``low``,
duplicate contacts always ``medium`` (hygiene, never the constraint itself)."""


@dataclass(frozen=True)
class Finding:
    """One finding: ``code``, ``severity``, ``evidence`` numbers, what they are computed on."""

    code: str
    severity: Severity
    computed_on: str
    evidence: Evidence = field(default_factory=dict)

    def to_dict(self, rank: int | None = None) -> dict[str, Any]:
        """JSON-ready; ``rank`` (1 = first) when given."""
        out: dict[str, Any] = {} if rank is None else {"rank": rank}
        out.update(code=self.code, severity=self.severity, computed_on=self.computed_on,
                   evidence=dict(self.evidence))
        return out


def severity(value: float, threshold: float, *, at_most: bool = False) -> Severity:
    """``high`` when ``value`` is :data:`SEVERE_RATIO` beyond ``threshold``, else ``medium``."""
    if at_most:
        return "high" if value * SEVERE_RATIO <= threshold else "medium"
    return "high" if value >= threshold * SEVERE_RATIO else "medium"


def change(old: float | None, new: float | None) -> float | None:
    """Relative change from ``old`` to ``new`` (``-0.25`` = down a quarter)."""
    share = ratio(new, old)
    return None if share is None else share - 1.0


# ------------------------------------------------------------------------------- rules


def active_base_shrinking(report: Report) -> Finding | None:
    """The total base grows while the active base falls (churn disguised as conversion)."""
    months = complete_months(report, "lifecycle")
    if len(months) <= LOOKBACK_MONTHS:
        return None
    first, last = months[-1 - LOOKBACK_MONTHS], months[-1]
    total_from, total_to = num(first, "total_base"), num(last, "total_base")
    active_from, active_to = num(first, "active_base"), num(last, "active_base")
    drop = change(active_from, active_to)
    if total_from is None or total_to is None or drop is None or total_to <= total_from:
        return None
    if -drop < ACTIVE_DROP_MIN:
        return None
    window = months[-LOOKBACK_MONTHS:]
    evidence: Evidence = {
        "months": LOOKBACK_MONTHS,
        "month_from": str(first.get("month")),
        "month_to": str(last.get("month")),
        "total_from": int(total_from),
        "total_to": int(total_to),
        "active_from": int(active_from or 0),
        "active_to": int(active_to or 0),
        "active_change": rounded(drop),
        "churned": int(total(window, "churned")),
        "new": int(total(window, "new")),
        "churn_rate": rounded(total(window, "churn_rate") / len(window)),
    }
    for key in ("conversion_total_base", "conversion_active_base"):
        old, new = num(first, key), num(last, key)
        if old is not None and new is not None:
            evidence[f"{key}_from"], evidence[f"{key}_to"] = rounded(old), rounded(new)
    return Finding("active_base_shrinking", severity(-drop, ACTIVE_DROP_MIN),
                   "active_base_monthly", evidence)


def one_time_buyers_dominate(report: Report) -> Finding | None:
    """Most customers bought once: a second-purchase programme is the cheapest lever."""
    metrics = section(report, "metrics")
    customers = num(metrics, "customers")
    one_time = num(metrics, "one_time_customers")
    share = ratio(one_time, customers)
    if share is None or one_time is None or customers is None or share < ONE_TIME_SHARE_MIN:
        return None
    evidence: Evidence = {"one_time": int(one_time), "customers": int(customers),
                          "share": rounded(share)}
    one_time_revenue = num(section(section(report, "rfm"), "one_time_buyers"), "revenue_share")
    if one_time_revenue is not None:
        evidence["revenue_share"] = rounded(one_time_revenue)
    return Finding("one_time_buyers_dominate", severity(share, ONE_TIME_SHARE_MIN),
                   "customers_with_purchases", evidence)


def revenue_concentrated(report: Report) -> Finding | None:
    """A few customers bring most revenue: keeping Champions and Loyal is the priority."""
    metrics = section(report, "metrics")
    share = num(metrics, "top20_revenue_share")
    top = num(metrics, "top20_customers")
    if share is None or top is None or share < TOP20_SHARE_MIN:
        return None
    evidence: Evidence = {"top_customers": int(top), "top_share": rounded(share)}
    segs = segments(report)
    keep = [segs[c] for c in ("champions", "loyal") if c in segs]  # empty without RFM
    evidence["core_customers"] = int(sum(num(s, "customers") or 0 for s in keep))
    evidence["core_revenue_share"] = rounded(sum(num(s, "revenue_share") or 0 for s in keep))
    return Finding("revenue_concentrated", severity(share, TOP20_SHARE_MIN),
                   "customers_with_purchases", evidence)


def win_back_segments_large(report: Report) -> Finding | None:
    """At risk and Can't lose hold a large share of customers or revenue: win them back."""
    segs = segments(report)
    group = [segs[c] for c in ("at_risk", "cant_lose") if c in segs]
    if not group:
        return None
    customers = sum(num(s, "customers") or 0 for s in group)
    share = sum(num(s, "share") or 0 for s in group)
    revenue_share = sum(num(s, "revenue_share") or 0 for s in group)
    measure = max(share, revenue_share)
    if not customers or measure < WIN_BACK_SHARE_MIN:
        return None
    recency = sum((num(s, "avg_recency_days") or 0) * (num(s, "customers") or 0)
                  for s in group) / customers
    window = num(section(section(report, "lifecycle"), "churn_window"), "days")
    if window is not None and recency <= window:
        return None
    evidence: Evidence = {
        "customers": int(customers),
        "share": rounded(share),
        "revenue": round(sum(num(s, "revenue") or 0 for s in group), 2),
        "revenue_share": rounded(revenue_share),
        "recency_days": round(recency),
    }
    for seg in group:
        evidence[f"{seg.get('code')}_customers"] = int(num(seg, "customers") or 0)
    return Finding("win_back_segments_large", severity(measure, WIN_BACK_SHARE_MIN),
                   "rfm_segments", evidence)


def early_cohort_churn(report: Report) -> Finding | None:
    """Few new customers come back in their first month although buying cycles are short."""
    retention = section(report, "cohorts").get("average_retention")
    if not isinstance(retention, list) or len(retention) < 2:
        return None
    month1 = retention[1]
    window = section(section(report, "lifecycle"), "churn_window")
    gap = num(window, "median_interval_days")
    if not isinstance(month1, int | float) or gap is None or gap > EARLY_GAP_MAX_DAYS:
        return None
    if month1 >= EARLY_RETENTION_MAX:
        return None
    evidence: Evidence = {"retention_m1": rounded(month1), "median_gap_days": round(gap, 1)}
    if len(retention) > 3 and isinstance(retention[3], int | float):
        evidence["retention_m3"] = rounded(retention[3])
    cohorts = [c for c in rows(section(report, "cohorts").get("cohorts"))
               if not c.get("small") and not c.get("young")]
    evidence["cohorts"] = len(cohorts)
    return Finding("early_cohort_churn",
                   severity(month1, EARLY_RETENTION_MAX, at_most=True),
                   "cohorts_by_first_purchase_month", evidence)


def _windows(report: Report) -> tuple[list[Mapping[str, Any]], list[Mapping[str, Any]]] | None:
    months = complete_months(report, "metrics")
    if len(months) < 2 * LOOKBACK_MONTHS:
        return None
    return months[-2 * LOOKBACK_MONTHS:-LOOKBACK_MONTHS], months[-LOOKBACK_MONTHS:]


def average_check_falling(report: Report) -> Finding | None:
    """The average check of the last 6 months is 10 %+ below the 6 months before (and, with
    a diagnosis, between its comparable windows too)."""
    if not _bridge_fell(report, "new_check", "returning_check"):
        return None
    windows = _windows(report)
    if windows is None:
        return None
    before, recent = windows
    orders_before, orders_recent = total(before, "orders"), total(recent, "orders")
    if min(orders_before, orders_recent) < TREND_MIN_ORDERS:
        return None
    aov_before = total(before, "revenue") / orders_before
    aov_recent = total(recent, "revenue") / orders_recent
    drop = change(aov_before, aov_recent)
    if drop is None or -drop < TREND_DROP_MIN:
        return None
    evidence: Evidence = {
        "months": LOOKBACK_MONTHS,
        "aov_before": round(aov_before, 2),
        "aov_recent": round(aov_recent, 2),
        "change": rounded(drop),
        "orders_recent": int(orders_recent),
    }
    return Finding("average_check_falling", severity(-drop, TREND_DROP_MIN),
                   "valid_orders_monthly", evidence)


def frequency_falling(report: Report) -> Finding | None:
    """Orders per active customer per month fell 10 %+ between the two lookback windows
    (and, with a diagnosis, between its comparable windows too)."""
    if not _bridge_fell(report, "frequency"):
        return None
    windows = _windows(report)
    lifecycle = {str(m.get("month")): m for m in complete_months(report, "lifecycle")}
    if windows is None or not lifecycle:
        return None
    freqs: list[float] = []
    for window in windows:
        active = total([lifecycle.get(str(m.get("month")), {}) for m in window], "active_base")
        orders = total(window, "orders")
        if orders < TREND_MIN_ORDERS or not active:
            return None
        freqs.append(orders / active)
    drop = change(freqs[0], freqs[1])
    if drop is None or -drop < TREND_DROP_MIN:
        return None
    last = lifecycle[str(windows[1][-1].get("month"))]
    evidence: Evidence = {
        "months": LOOKBACK_MONTHS,
        "frequency_before": rounded(freqs[0]),
        "frequency_recent": rounded(freqs[1]),
        "change": rounded(drop),
        "active_base": int(num(last, "active_base") or 0),
    }
    return Finding("frequency_falling", severity(-drop, TREND_DROP_MIN),
                   "active_base_monthly", evidence)


def acquisition_falling(report: Report) -> Finding | None:
    """New customers fell 10 %+ between the diagnosis' comparable windows (or stopped)."""
    diagnosis = section(report, "diagnosis")
    bridge, found = section(diagnosis, "bridge"), section(diagnosis, "acquisition")
    before, after = section(bridge, "before"), section(bridge, "after")
    n0, n1 = num(before, "new_customers"), num(after, "new_customers")
    stopped = found.get("status") == "stopped"
    if n0 is None or n1 is None or not n0 or (n1 > (1 - ACQUISITION_DROP_MIN) * n0
                                              and not stopped):
        return None
    share = next((num(c, "share") for c in rows(bridge.get("contributions"))
                  if c.get("factor") == "new_customers" and (num(c, "value") or 0) < 0), None)
    drop = 1 - n1 / n0
    evidence: Evidence = {
        "new_before": int(n0), "new_recent": int(n1), "change": rounded(drop),
        "months": int(num(section(section(diagnosis, "periods"), "after"), "months") or 0),
        "fall_share": rounded(share) if share is not None else 0.0,
        "stopped": stopped,
    }
    high = stopped or (share or 0) >= ACQUISITION_SHARE_HIGH
    return Finding("acquisition_falling", "high" if high else severity(drop, ACQUISITION_DROP_MIN),
                   "new_customers_by_window", evidence)


def key_accounts_silent(report: Report) -> Finding | None:
    """In a concentrated base, large customers silent for 2.5x their own rhythm."""
    diagnosis = section(report, "diagnosis")
    accounts = rows(diagnosis.get("silent_accounts"))
    if not diagnosis.get("concentrated") or not accounts:
        return None
    revenue = sum(num(a, "revenue_12m") or 0 for a in accounts)
    share = sum(num(a, "revenue_share_12m") or 0 for a in accounts)
    evidence: Evidence = {
        "accounts": len(accounts), "revenue_12m": rounded(revenue),
        "revenue_share": rounded(share),
        "names": ", ".join(str(a.get("name") or a.get("key")) for a in accounts[:3]),
    }
    return Finding("key_accounts_silent", "high" if share >= KEY_ACCOUNTS_SHARE_HIGH else
                   "medium", "own_purchase_rhythm", evidence)


def _season_confirmed(report: Report) -> bool:
    """With a diagnosis, a peak needs a season confirmed over two years (36+ months)."""
    trend = section(section(report, "diagnosis"), "trend")
    return not trend or trend.get("season") == "confirmed"


def _bridge_fell(report: Report, *factors: str) -> bool:
    """With a diagnosis, whether one of ``factors`` fell 10 %+ between its comparable
    windows (a fall seen only against other months of the season is not one)."""
    bridge = section(section(report, "diagnosis"), "bridge")
    if not bridge:
        return True
    before, after = section(bridge, "before"), section(bridge, "after")
    for factor in factors:
        old, new = num(before, factor), num(after, factor)
        if old and new is not None and new <= (1 - TREND_DROP_MIN) * old:
            return True
    return False


def seasonality(report: Report) -> Finding | None:
    """One calendar month is a clear peak in each of the last two years."""
    if not _season_confirmed(report):
        return None
    months = complete_months(report, "metrics")[-SEASON_MONTHS:]
    if len(months) < SEASON_MONTHS:
        return None
    years = [months[:12], months[12:]]
    indexes: dict[int, list[float]] = {}
    tops: list[set[int]] = []
    for year in years:
        mean = total(year, "revenue") / 12
        if not mean:
            return None
        by_month = {int(str(m.get("month"))[5:7]): (num(m, "revenue") or 0) / mean for m in year}
        for month, index in by_month.items():
            indexes.setdefault(month, []).append(index)
        tops.append(set(sorted(by_month, key=lambda k: -by_month[k])[:SEASON_TOP]))
    average = {m: sum(v) / len(v) for m, v in indexes.items()}
    peak = max(average, key=lambda m: average[m])
    low = min(average, key=lambda m: average[m])
    if min(indexes[peak]) < SEASON_PEAK_MIN or not all(peak in top for top in tops):
        return None
    peak_revenue = sum(num(m, "revenue") or 0 for m in months
                       if int(str(m.get("month"))[5:7]) == peak) / 2
    evidence: Evidence = {
        "peak_month": peak,
        "peak_index": round(average[peak], 2),
        "low_month": low,
        "low_index": round(average[low], 2),
        "peak_revenue": round(peak_revenue, 2),
        "years": 2,
    }
    return Finding("seasonality", "low", "valid_orders_monthly", evidence)


def outperforming_group(report: Report) -> Finding | None:
    """A city, channel or main category whose customers are worth far more than average."""
    data = section(report, "data")
    base = ratio(num(data, "revenue"), num(data, "customers"))
    if not base:
        return None
    best: tuple[float, str, Mapping[str, Any]] | None = None
    by = section(section(report, "breakdowns"), "by")
    for dimension in ("channel", "city", "main_category"):
        for group in rows(section(by, dimension).get("groups")):
            customers = num(group, "customers") or 0
            value = num(group, "revenue_per_customer")
            if group.get("kind") != "value" or value is None or not group.get("value"):
                continue
            if customers < OUTPERFORM_MIN_CUSTOMERS or value < base * OUTPERFORM_LIFT_MIN:
                continue
            excess = (value - base) * customers
            if best is None or excess > best[0]:
                best = (excess, dimension, group)
    if best is None:
        return None
    _, dimension, group = best
    evidence: Evidence = {
        "dimension": dimension,
        "value": str(group.get("value")),
        "customers": int(num(group, "customers") or 0),
        "revenue_per_customer": round(num(group, "revenue_per_customer") or 0, 2),
        "base_revenue_per_customer": round(base, 2),
        "multiple": round((num(group, "revenue_per_customer") or 0) / base, 2),
    }
    repeat = num(group, "repeat_rate")
    if repeat is not None:
        evidence["repeat_rate"] = rounded(repeat)
    return Finding("outperforming_group", "low", "customers", evidence)


def stale_contacts(report: Report) -> Finding | None:
    """Many contacts have not bought for a year: clean the base before measuring on it."""
    quality = section(report, "quality")
    share = num(quality, "stale_share")
    if share is None or share < STALE_SHARE_MIN:
        return None
    evidence: Evidence = {
        "stale": int(num(quality, "stale_customers") or 0),
        "share": rounded(share),
        "months": int(num(quality, "stale_months") or 12),
    }
    return Finding("stale_contacts", severity(share, STALE_SHARE_MIN), "quality", evidence)


def duplicate_contacts(report: Report) -> Finding | None:
    """Customers share an email or phone: merge them before segmenting."""
    quality = section(report, "quality")
    duplicates = num(quality, "duplicate_customers") or 0
    share = ratio(duplicates, num(section(report, "data"), "customers"))
    if share is None or share < DUPLICATE_SHARE_MIN:
        return None
    evidence: Evidence = {"duplicates": int(duplicates), "share": rounded(share)}
    for key in ("duplicate_rows", "invalid_emails", "invalid_phones", "missing_contacts"):
        evidence[key] = int(num(quality, key) or 0)
    return Finding("duplicate_contacts", "medium", "quality", evidence)


Rule = Callable[[Report], Finding | None]

RULES: tuple[Rule, ...] = (
    acquisition_falling,
    key_accounts_silent,
    active_base_shrinking,
    win_back_segments_large,
    revenue_concentrated,
    one_time_buyers_dominate,
    early_cohort_churn,
    frequency_falling,
    average_check_falling,
    seasonality,
    outperforming_group,
    stale_contacts,
    duplicate_contacts,
)
"""Every rule, in priority order (the tie-break after severity)."""

FINDING_CODES: tuple[str, ...] = tuple(rule.__name__ for rule in RULES)
"""Each rule's function name is its finding code."""


CONSTRAINT_FINDINGS: dict[str, str] = {
    "new_customers": "acquisition_falling",
    "retention": "active_base_shrinking",
    "frequency": "frequency_falling",
    "new_check": "average_check_falling",
    "returning_check": "average_check_falling",
}
"""The finding that tells the diagnosis' constraint (a factor of the revenue bridge)."""


def constraint_finding(report: Report) -> str | None:
    """The finding code of the diagnosis' constraint, if it has one; in a B2B base, silent
    key accounts with 20 %+ of the last 12 months' revenue come first whatever the factor
    (losing two of three key accounts is the story, not the average check that fell with
    them)."""
    diagnosis = section(report, "diagnosis")
    silent = rows(diagnosis.get("silent_accounts"))
    b2b = section(diagnosis, "shape").get("kind") == "b2b"
    if b2b and diagnosis.get("concentrated") and sum(
            num(a, "revenue_share_12m") or 0 for a in silent) >= KEY_ACCOUNTS_SHARE_HIGH:
        return "key_accounts_silent"
    factor = section(diagnosis, "constraint").get("factor")
    return CONSTRAINT_FINDINGS.get(str(factor)) if factor else None


def find(report: Report) -> list[Finding]:
    """Every finding the report supports: the diagnosis' constraint first, then by severity
    and rule priority."""
    found = [f for rule in RULES if (f := rule(report)) is not None]
    first = constraint_finding(report)
    return sorted(found, key=lambda f: (f.code != first, SEVERITIES.index(f.severity)))
