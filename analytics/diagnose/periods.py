"""Which periods to compare, like with like (DIAGNOSIS.md 1).

Only full months count. The first months of an export hold old customers seen for the
first time, so a burn-in (6 months, 12 when the file is long enough) comes before any
window in which "new" is counted, unless the file visibly starts with the business (tiny
first months). Then:

* 30+ months after nothing but the burn-in: the last 12 months against the 12 before;
* 21-29 months: the last 3 full months against the same 3 months a year earlier;
* less: the last months against the ones just before, with the season not removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from analytics.describe.customers import month_label

BURN_IN = 6
LONG_BURN_IN = 12
LONG_FILE = 36
"""Months from which the burn-in is 12: a year of warm-up still leaves two years to compare."""
STARTUP_SHARE = 0.25
"""A file starts with the business when its first 3 months' mean revenue is under this
share of the mean of the next 9."""


@dataclass(frozen=True)
class Window:
    """A run of full months, ``first`` to ``last`` inclusive (month indices)."""

    first: int
    last: int

    @property
    def months(self) -> int:
        """Number of months in the window."""
        return self.last - self.first + 1

    def to_dict(self) -> dict[str, Any]:
        """``{"from": "YYYY-MM", "to": "YYYY-MM", "months": n}``."""
        return {"from": month_label(self.first), "to": month_label(self.last),
                "months": self.months}


@dataclass(frozen=True)
class Periods:
    """The two windows compared and how they were chosen."""

    mode: str
    """``year_on_year`` (12 vs 12), ``same_months_last_year`` (3 vs the same 3 a year
    earlier) or ``consecutive`` (season not removed)."""
    before: Window
    after: Window
    burn_in: int
    startup: bool
    """The file starts with the business: no burn-in was needed."""

    @property
    def seasonal_like_for_like(self) -> bool:
        """True when both windows cover the same calendar months."""
        return self.mode != "consecutive"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"mode": self.mode, "before": self.before.to_dict(),
                "after": self.after.to_dict(), "burn_in_months": self.burn_in,
                "starts_with_business": self.startup,
                "season_removed": self.seasonal_like_for_like}


def choose_periods(first: int, last_full: int, revenue: npt.NDArray[np.float64]) -> Periods | None:
    """The windows to compare for full months ``first..last_full`` whose monthly revenue is
    ``revenue`` (one value per month); None with fewer than 2 full months."""
    months = last_full - first + 1
    if months < 2:
        return None
    startup = _starts_with_business(revenue)
    burn = 0 if startup else (LONG_BURN_IN if months >= LONG_FILE else BURN_IN)
    usable = months - burn
    if usable >= 24:
        after = Window(last_full - 11, last_full)
        return Periods("year_on_year", Window(after.first - 12, after.last - 12), after, burn,
                       startup)
    if usable >= 15:
        after = Window(last_full - 2, last_full)
        return Periods("same_months_last_year", Window(after.first - 12, after.last - 12),
                       after, burn, startup)
    width = max(1, min(3, usable // 2)) if usable >= 2 else max(1, months // 2)
    burn = min(burn, months - 2 * width)
    after = Window(last_full - width + 1, last_full)
    return Periods("consecutive", Window(after.first - width, after.first - 1), after, burn,
                   startup)


def _starts_with_business(revenue: npt.NDArray[np.float64]) -> bool:
    if len(revenue) < 12:
        return False
    early, later = float(np.mean(revenue[:3])), float(np.mean(revenue[3:12]))
    return later > 0 and early < STARTUP_SHARE * later
