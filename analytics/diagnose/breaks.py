"""When did it break? (DIAGNOSIS.md 4)

For each monthly series, the month where its level shifts most: a two-mean split with at
least ``MIN_SIDE`` months on each side (on the series divided by the season when a season
is confirmed). A break is reported only when the shift is at least 20 % of the level before
and at least twice the series' noise (the median absolute month-to-month change), and when
a straight line does not fit the series as well as the step (a trend is not a break).
Breaks in the same month (within one month) are linked: the check up and the frequency down
together point at a price change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from analytics.describe.customers import month_label, rnd
from analytics.diagnose.series import Floats

MIN_SIDE = 3
MIN_SHIFT = 0.20
NOISE_TIMES = 2.0


@dataclass(frozen=True)
class Break:
    """A series' level shift: from ``before`` to ``after`` starting in ``month``."""

    series: str
    month: int
    before: float
    after: float

    @property
    def change(self) -> float:
        """The shift as a share of the level before."""
        return self.after / self.before - 1 if self.before else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"series": self.series, "since": month_label(self.month),
                "before": rnd(self.before, 3), "after": rnd(self.after, 3),
                "change": rnd(self.change, 4)}


def find_break(name: str, values: Floats, first: int) -> Break | None:
    """The break of a monthly series starting at month index ``first`` (NaN months are
    left out), or None when no shift passes the tests."""
    months = np.arange(first, first + len(values))
    ok = ~np.isnan(values)
    y, at = values[ok], months[ok]
    if len(y) < 2 * MIN_SIDE:
        return None
    best, split = np.inf, -1
    for k in range(MIN_SIDE, len(y) - MIN_SIDE + 1):
        sse = ((y[:k] - y[:k].mean()) ** 2).sum() + ((y[k:] - y[k:].mean()) ** 2).sum()
        if sse < best:
            best, split = sse, k
    before, after = float(y[:split].mean()), float(y[split:].mean())
    noise = float(np.median(np.abs(np.diff(y))))
    shift = abs(after - before)
    if before <= 0 or shift < MIN_SHIFT * before or shift < NOISE_TIMES * noise:
        return None
    line = np.polyval(np.polyfit(np.arange(len(y)), y, 1), np.arange(len(y)))
    if ((y - line) ** 2).sum() <= best:
        return None  # a trend, not a step
    return Break(name, int(at[split]), before, after)


def linked(breaks: list[Break]) -> list[str]:
    """Hypotheses from breaks in the same month (within one): ``price_change`` when the
    check rose and the frequency or the returning buyers fell; ``acquisition`` when new
    customers fell alone."""
    by_name = {b.series: b for b in breaks}
    found = []
    check = by_name.get("check")
    for other in ("frequency", "returning"):
        fell = by_name.get(other)
        if check and fell and check.change > 0 > fell.change and abs(check.month - fell.month) <= 1:
            found.append("price_change")
            break
    new = by_name.get("new")
    if new and new.change < 0 and not any(
        b.series != "new" and b.change < 0 and abs(b.month - new.month) <= 1 for b in breaks
    ):
        found.append("acquisition")
    return found
