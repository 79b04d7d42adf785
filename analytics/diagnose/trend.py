"""Growth first, then the season measured against the trend (DIAGNOSIS.md 3).

Growth: the last 12 months' revenue against the 12 before (24+ months), else the slope of
log monthly revenue. Season: log revenue less its centred 12-month moving average; a
calendar month is a seasonal peak (or trough) only when it stands 15 % or more above (below)
the trend in at least two years, which needs 36 months; with 24-35 months a repeat seen once
is "possible seasonality" and valued at nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from analytics.describe.customers import rnd
from analytics.diagnose.series import Floats, Monthly

SEASON_MONTHS = 36
POSSIBLE_SEASON_MONTHS = 24
PEAK = 0.15
"""A month is above (below) the trend when its revenue is this share over (under) it."""
FLAT = 0.05
"""Growth within +-5 % a year is flat."""


@dataclass(frozen=True)
class Trend:
    """Whether the business grows, and its season."""

    growth: float | None
    """Yearly growth of revenue (last 12 months vs the 12 before, or the annualised log
    slope); None under 6 full months."""
    basis: str
    """``last_12_vs_previous_12``, ``log_slope`` or ``too_short``."""
    direction: str
    """``growing``, ``flat``, ``declining`` or ``unknown``."""
    season: str
    """``confirmed``, ``possible``, ``none`` or ``too_short`` (under 24 months)."""
    peaks: tuple[int, ...]
    """Calendar months (1-12) above the trend in at least two years (one, if possible)."""
    troughs: tuple[int, ...]
    factors: dict[int, float]
    """Mean ratio of revenue to trend per calendar month (confirmed season only)."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"growth": rnd(self.growth, 4), "basis": self.basis,
                "direction": self.direction, "season": self.season,
                "peaks": list(self.peaks), "troughs": list(self.troughs),
                "season_factors": {str(k): rnd(v, 3) for k, v in self.factors.items()}}


def trend(series: Monthly) -> Trend:
    """Growth and season of monthly revenue."""
    revenue = series.revenue
    growth, basis = _growth(revenue)
    direction = "unknown" if growth is None else (
        "growing" if growth > FLAT else "declining" if growth < -FLAT else "flat")
    if series.months < POSSIBLE_SEASON_MONTHS or (revenue <= 0).any():
        return Trend(growth, basis, direction, "too_short", (), (), {})
    deviation = np.log(revenue) - centred_moving_average(np.log(revenue))
    calendar = (np.arange(series.first, series.last + 1) % 12) + 1
    needed = 2 if series.months >= SEASON_MONTHS else 1
    peaks, troughs, factors = [], [], {}
    for month in range(1, 13):
        values = deviation[(calendar == month) & ~np.isnan(deviation)]
        if (values >= np.log1p(PEAK)).sum() >= needed and (values > 0).all():
            peaks.append(month)
        if (values <= np.log1p(-PEAK)).sum() >= needed and (values < 0).all():
            troughs.append(month)
        if len(values):
            factors[month] = float(np.exp(values.mean()))
    if series.months < SEASON_MONTHS:
        season = "possible" if peaks or troughs else "none"
        return Trend(growth, basis, direction, season, tuple(peaks), tuple(troughs), {})
    season = "confirmed" if peaks or troughs else "none"
    return Trend(growth, basis, direction, season, tuple(peaks), tuple(troughs),
                 factors if season == "confirmed" else {})


def centred_moving_average(values: Floats) -> Floats:
    """The centred 2x12 moving average (NaN for the 6 months at each end)."""
    out = np.full(len(values), np.nan)
    if len(values) < 13:
        return out
    weights = np.r_[0.5, np.ones(11), 0.5] / 12
    out[6:-6] = np.convolve(values, weights, mode="valid")
    return out


def _growth(revenue: Floats) -> tuple[float | None, str]:
    if len(revenue) >= 24:
        last, before = revenue[-12:].sum(), revenue[-24:-12].sum()
        if before > 0:
            return float(last / before - 1), "last_12_vs_previous_12"
    positive = revenue > 0
    if len(revenue) < 6 or positive.sum() < 6:
        return None, "too_short"
    x = np.arange(len(revenue))[positive]
    slope = float(np.polyfit(x, np.log(revenue[positive]), 1)[0])
    return float(np.expm1(slope * 12)), "log_slope"

