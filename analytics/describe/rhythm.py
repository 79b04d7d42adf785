"""Whose rhythm (DIAGNOSIS.md 7): a customer with 3+ purchase days is lapsed when he has
been silent for more than 2.5 times his own median gap between purchase days; others are
judged by the base's churn window."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

OWN_GAP_TIMES = 2.5
MIN_PURCHASE_DAYS = 3


def median_gaps(
    cust: npt.NDArray[np.int64], day: npt.NDArray[np.int64], n: int
) -> npt.NDArray[np.float64]:
    """Each customer's median gap in days between distinct purchase days (NaN under
    ``MIN_PURCHASE_DAYS``), from purchases sorted by customer then day."""
    if not len(cust):
        return np.full(n, np.nan)
    distinct = np.r_[True, (cust[1:] != cust[:-1]) | (day[1:] != day[:-1])]
    c, d = cust[distinct], day[distinct]
    same = c[1:] == c[:-1]
    owner, gaps = c[1:][same], np.diff(d).astype(np.float64)[same]
    order = np.lexsort((gaps, owner))  # each customer's gaps ascending, side by side
    owner, gaps = owner[order], gaps[order]
    count = np.bincount(owner, minlength=n)
    start = np.cumsum(count) - count
    median = np.full(n, np.nan)
    has = count >= MIN_PURCHASE_DAYS - 1
    low, high = start[has] + (count[has] - 1) // 2, start[has] + count[has] // 2
    median[has] = (gaps[low] + gaps[high]) / 2
    return median


def lapsed(recency_days: npt.NDArray[np.float64],
           median_gap_days: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
    """Silent for more than ``OWN_GAP_TIMES`` times the own median gap (False without one)."""
    with np.errstate(invalid="ignore"):
        return np.asarray(recency_days > OWN_GAP_TIMES * median_gap_days, dtype=bool)
