"""The terms every valued step shares (DIAGNOSIS.md 9): one horizon, one discounting, a
basis (revenue or margin), a range, and where each rate comes from.

- Horizon: :data:`HORIZON_MONTHS` months for every step; money arriving evenly over them is
  discounted by :func:`flow_discount` (the mean of ``(1 + d)^-m`` over months 1..12), money
  of one month ``m`` by :func:`month_discount`; ``d`` is the monthly rate of the CLV forecast
  (``clv.discount_monthly``), so steps and forecast are discounted alike.
- Basis: revenue, or margin when the owner gave COGS (the toolkit's unit-economics answers):
  every value is then multiplied by the margin share.
- Range: from :data:`LOW_SHARE` to :data:`HIGH_SHARE` of the expected value (never above the
  step's cap): what a first campaign may bring, not false precision.
- Rates: from the base's history (``report["history"]``, :mod:`analytics.describe.history`)
  when observed on enough customers, else the stated default; ``effect.rate_source`` says
  which.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from analytics.advice.facts import Report, num, section

HORIZON_MONTHS = 12
"""Every valued step is given over the next 12 months."""
DISCOUNT_MONTHLY = 0.01
"""Monthly discount rate when the report has no CLV section (the CLV forecast's default)."""
LOW_SHARE = 0.5
"""The low end of a step's range: half the expected value."""
HIGH_SHARE = 1.5
"""The high end: one and a half times the expected value (at most the step's cap)."""

Basis = Literal["revenue", "margin"]
RateSource = Literal["history", "default", "assumption"]
"""``history``: observed in the base; ``default``: the base has too little history, a stated
cautious default instead; ``assumption``: a planning share no history gives (half of a loss
won back, a lift)."""
RATE_KEYS = ("rate", "leave_rate", "recovery", "lift")
"""The factor a step's ``rate_source`` speaks of: the first of these the step has."""


@dataclass(frozen=True)
class Terms:
    """The money terms of one audit: the discount rate and, when known, the margin share."""

    discount_monthly: float = DISCOUNT_MONTHLY
    margin: float | None = None

    @property
    def basis(self) -> Basis:
        """``margin`` when the margin share is known, else ``revenue``."""
        return "revenue" if self.margin is None else "margin"

    def flow_discount(self) -> float:
        """The mean discount factor of money arriving evenly over the horizon's months."""
        return flow_discount(self.discount_monthly)

    def to_dict(self) -> dict[str, Any]:
        """The ``money`` section of report.json."""
        return {"horizon_months": HORIZON_MONTHS, "discount_monthly": self.discount_monthly,
                "basis": self.basis, "margin_share": self.margin,
                "range": [LOW_SHARE, HIGH_SHARE]}


def flow_discount(monthly_rate: float, months: int = HORIZON_MONTHS) -> float:
    """``mean((1 + monthly_rate) ** -m for m in 1..months)``."""
    return sum(month_discount(monthly_rate, m) for m in range(1, months + 1)) / months


def month_discount(monthly_rate: float, month: int) -> float:
    """The discount factor of money ``month`` months ahead: ``(1 + monthly_rate) ** -month``."""
    return float((1.0 + monthly_rate) ** -month)


def terms(report: Report, margin: float | None = None) -> Terms:
    """The report's money terms: the CLV forecast's discount rate (or the default) and
    ``margin`` (a share of revenue, 0 < margin <= 1) when known."""
    rate = num(section(report, "clv"), "discount_monthly")
    usable = margin if margin is not None and 0 < margin <= 1 else None
    return Terms(DISCOUNT_MONTHLY if rate is None else rate, usable)


def observed_rate(report: Report, code: str, default: float) -> tuple[float, RateSource]:
    """The rate ``code`` observed in the base's history over 12 months when usable, else
    ``default``; with its source."""
    rate = section(section(section(report, "history"), "rates"), code)
    value = num(rate, "rate")
    if value is None or rate.get("usable") is not True:
        return default, "default"
    return value, "history"


def revenue_12m(report: Report, codes: tuple[str, ...] | None = None) -> float | None:
    """Revenue of the last 365 days of the RFM segments ``codes`` (all when ``None``)."""
    sums = section(section(report, "history"), "revenue_12m")
    if not sums:
        return None
    return sum(num(sums, c) or 0.0 for c in sums if codes is None or c in codes)
