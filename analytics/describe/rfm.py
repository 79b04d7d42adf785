"""RFM scoring and the eleven named segments.

Computed on the per-customer table (:mod:`analytics.describe.customers`): recency = days
from the last purchase to ``as_of``, frequency = number of purchases, monetary = net revenue.

Scores (1-5, 5 is best) are tie-aware quintiles by mid-rank: for a customer whose value is
shared by ``t`` customers, ``b`` of all ``n`` customers being strictly worse,
``pct = (b + t / 2) / n`` and ``score = min(5, 1 + floor(5 x pct))``. Equal values always get
equal scores (deterministic, independent of row order); recency is ranked reversed, so 5 is
the most recent. A value shared by most customers gets the score of the middle of its block.

One-time buyers: when 20% or more of the customers bought once, frequency quintiles collapse
(every quintile boundary below the 20th percentile is 1). Then ``F = 1`` exactly for the
one-time buyers and the repeat buyers get ``F = 2..5`` by the same tie-aware rule applied
among them as quartiles (``score = 2 + min(3, floor(4 x pct))``); ``frequency_mode`` says
``one_time_split``. Otherwise ``frequency_mode`` is ``quintiles``.

Segment rule table: the widely used R x F map with M as a tie-breaker; first match wins.

======================  ==============================================================
code                    rule
======================  ==============================================================
champions               R = 5 and F >= 4
loyal                   R >= 3 and F >= 4
potential_loyalist      R >= 4 and F in 2..3
new                     R = 5 and F = 1
promising               R = 4 and F = 1
need_attention          R = 3 and F = 3, or R = 3 and F <= 2 and M = 5
about_to_sleep          R = 3 and F <= 2
cant_lose               R <= 2 and F = 5, or R <= 2 and F = 4 and M >= 4
at_risk                 R <= 2 and F in 3..4
hibernating             R = 2 and F <= 2
lost                    R = 1 and F <= 2
======================  ==============================================================

The table covers all 125 score combinations. Then whose rhythm (DIAGNOSIS.md 7): a
customer lapsed by his own rhythm (3+ purchase days, silent for more than 2.5 times his own
median gap, :mod:`analytics.describe.rhythm`) is never Champion, Loyal, Potential loyalist,
New, Promising or Need attention: he is Can't lose when F = 5 or F = 4 and M >= 4, else At
risk. A one-time buyer is New or Promising only within ``NEW_DAYS`` of his purchase; a
first-time buyer of a year ago is About to sleep, whatever the scores of a stale base say.

Per segment the result gives customers, share of
customers, revenue, revenue share (of the customers' total net revenue), averages of
recency / frequency / monetary, and how many are one-time buyers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from analytics.describe.customers import (
    BoolArray,
    CustomerTable,
    FloatArray,
    IntArray,
    ratio,
    rnd,
)
from analytics.describe.rhythm import lapsed

SEGMENTS: tuple[str, ...] = (
    "champions",
    "loyal",
    "potential_loyalist",
    "new",
    "promising",
    "need_attention",
    "about_to_sleep",
    "at_risk",
    "cant_lose",
    "hibernating",
    "lost",
)
ONE_TIME_SHARE_SPLIT = 0.2
NEW_DAYS = 90
"""A one-time buyer is New or Promising only this many days after his purchase."""
ACTIVE_NAMES = ("champions", "loyal", "potential_loyalist", "new", "promising",
                "need_attention")
"""Segments whose names say the customer still buys: never given to a lapsed customer."""

FrequencyMode = Literal["quintiles", "one_time_split"]


def tie_aware_scores(values: FloatArray, *, levels: int = 5, reverse: bool = False) -> IntArray:
    """Scores ``1..levels`` by mid-rank quantile, equal values getting equal scores.

    ``reverse=True`` ranks smaller values higher (recency).
    """
    v = np.asarray(values, dtype=np.float64)
    n = v.size
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    s = np.sort(v)
    below = np.searchsorted(s, v, side="left")
    upto = np.searchsorted(s, v, side="right")
    ties = upto - below
    worse = (n - upto) if reverse else below
    pct = (worse + ties / 2.0) / n
    return np.minimum(levels, 1 + np.floor(levels * pct).astype(np.int64))


def frequency_scores(frequency: FloatArray) -> tuple[IntArray, FrequencyMode]:
    """F scores with the one-time-buyer split (see the module docstring)."""
    f = np.asarray(frequency, dtype=np.float64)
    one = f <= 1
    if f.size == 0 or one.mean() < ONE_TIME_SHARE_SPLIT:
        return tie_aware_scores(f), "quintiles"
    out = np.ones(f.size, dtype=np.int64)
    if (~one).any():
        out[~one] = 1 + tie_aware_scores(f[~one], levels=4)
    return out, "one_time_split"


def segment_codes(r: IntArray, f: IntArray, m: IntArray) -> IntArray:
    """Index into :data:`SEGMENTS` for each customer, by the rule table."""
    rules = [
        ("champions", (r == 5) & (f >= 4)),
        ("loyal", (r >= 3) & (f >= 4)),
        ("potential_loyalist", (r >= 4) & (f >= 2) & (f <= 3)),
        ("new", (r == 5) & (f == 1)),
        ("promising", (r == 4) & (f == 1)),
        ("need_attention", (r == 3) & ((f == 3) | ((f <= 2) & (m == 5)))),
        ("about_to_sleep", (r == 3) & (f <= 2)),
        ("cant_lose", (r <= 2) & ((f == 5) | ((f == 4) & (m >= 4)))),
        ("at_risk", (r <= 2) & (f >= 3) & (f <= 4)),
        ("hibernating", (r == 2) & (f <= 2)),
        ("lost", (r <= 1) & (f <= 2)),
    ]
    out: IntArray = np.select(
        [cond for _, cond in rules], [SEGMENTS.index(code) for code, _ in rules], default=-1
    ).astype(np.int64)
    return out


def by_own_rhythm(segment: IntArray, f: IntArray, m: IntArray, gone: BoolArray,
                  recency: FloatArray) -> IntArray:
    """Segments no name of which contradicts the customer's own rhythm: a lapsed customer
    (``gone``) in an active segment becomes Can't lose or At risk; a one-time buyer older
    than ``NEW_DAYS`` in New or Promising becomes About to sleep."""
    out = segment.copy()
    active = np.isin(out, [SEGMENTS.index(c) for c in ACTIVE_NAMES]) & gone
    valuable = (f == 5) | ((f == 4) & (m >= 4))
    out[active & valuable] = SEGMENTS.index("cant_lose")
    out[active & ~valuable] = SEGMENTS.index("at_risk")
    stale = np.isin(out, [SEGMENTS.index("new"), SEGMENTS.index("promising")]) & (
        recency > NEW_DAYS)
    out[stale] = SEGMENTS.index("about_to_sleep")
    return out


@dataclass(frozen=True)
class SegmentStats:
    """One RFM segment."""

    code: str
    customers: int
    share: float | None
    revenue: float
    revenue_share: float | None
    avg_recency_days: float | None
    avg_frequency: float | None
    avg_monetary: float | None
    one_time_buyers: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values."""
        return {
            "code": self.code,
            "customers": self.customers,
            "share": rnd(self.share, 4),
            "revenue": rnd(self.revenue),
            "revenue_share": rnd(self.revenue_share, 4),
            "avg_recency_days": rnd(self.avg_recency_days, 1),
            "avg_frequency": rnd(self.avg_frequency, 2),
            "avg_monetary": rnd(self.avg_monetary),
            "one_time_buyers": self.one_time_buyers,
        }


@dataclass(frozen=True)
class RfmResult:
    """Scores per customer (aligned with the customer table) and segment statistics.

    ``r``, ``f``, ``m`` and ``segment`` (index into :data:`SEGMENTS`, -1 for customers that
    could not be scored) are arrays aligned with ``CustomerTable.frame``; ``score_ranges``
    gives, per axis and score, the min and max raw value that received it.
    """

    r: IntArray
    f: IntArray
    m: IntArray
    segment: IntArray
    frequency_mode: FrequencyMode
    segments: tuple[SegmentStats, ...]
    one_time: dict[str, float | int | None]
    repeat: dict[str, float | int | None]
    score_ranges: dict[str, list[dict[str, float | int | None]]]
    scored: int
    unscored: int

    def segment_labels(self) -> pd.Series:
        """Segment code per customer (``None`` for unscored), for exports."""
        labels = np.array([*SEGMENTS, None], dtype=object)
        return pd.Series(
            labels[np.where(self.segment < 0, len(SEGMENTS), self.segment)], dtype=object
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values (per-customer scores are not included)."""
        return {
            "computed_on": "customers_with_purchases",
            "frequency_mode": self.frequency_mode,
            "scored": self.scored,
            "unscored": self.unscored,
            "segments": [s.to_dict() for s in self.segments],
            "one_time_buyers": self.one_time,
            "repeat_buyers": self.repeat,
            "score_ranges": self.score_ranges,
        }


def _ranges(values: FloatArray, scores: IntArray) -> list[dict[str, float | int | None]]:
    out: list[dict[str, float | int | None]] = []
    for s in range(1, 6):
        sel = values[scores == s]
        out.append(
            {
                "score": s,
                "customers": int(sel.size),
                "min": rnd(float(sel.min()), 2) if sel.size else None,
                "max": rnd(float(sel.max()), 2) if sel.size else None,
            }
        )
    return out


def _group(
    mask: np.ndarray[Any, np.dtype[np.bool_]], monetary: FloatArray, total: float, n: int
) -> dict[str, float | int | None]:
    k = int(mask.sum())
    revenue = float(monetary[mask].sum())
    return {
        "customers": k,
        "share": rnd(ratio(k, n), 4),
        "revenue": rnd(revenue),
        "revenue_share": rnd(ratio(revenue, total), 4) if total > 0 else None,
    }


def compute_rfm(table: CustomerTable) -> RfmResult:
    """RFM scores and segments of the customers (see the module docstring for the rules).

    Customers lacking recency, frequency or monetary (possible in customer lists) are left
    unscored (segment -1) and counted in ``unscored``.
    """
    frame = table.frame
    recency = frame["recency_days"].to_numpy(dtype=np.float64, na_value=np.nan)
    frequency = frame["frequency"].to_numpy(dtype=np.float64, na_value=np.nan)
    monetary = frame["monetary"].to_numpy(dtype=np.float64, na_value=np.nan)
    n_all = len(frame)
    ok = np.isfinite(recency) & np.isfinite(frequency) & np.isfinite(monetary)
    rec, fre, mon = recency[ok], frequency[ok], monetary[ok]
    n = int(ok.sum())

    r_s = tie_aware_scores(rec, reverse=True)
    f_s, mode = frequency_scores(fre)
    m_s = tie_aware_scores(mon)
    seg_s = segment_codes(r_s, f_s, m_s)
    if "median_gap_days" in frame:
        gaps = frame["median_gap_days"].to_numpy(dtype=np.float64, na_value=np.nan)[ok]
        seg_s = by_own_rhythm(seg_s, f_s, m_s, lapsed(rec, gaps), rec)

    def spread(values: IntArray) -> IntArray:
        full = np.zeros(n_all, dtype=np.int64)
        full[ok] = values
        return full

    segment = np.full(n_all, -1, dtype=np.int64)
    segment[ok] = seg_s

    total = float(mon.sum())
    k = len(SEGMENTS)
    counts = np.bincount(seg_s, minlength=k) if n else np.zeros(k, dtype=np.int64)
    rev = np.bincount(seg_s, weights=mon, minlength=k) if n else np.zeros(k)
    rsum = np.bincount(seg_s, weights=rec, minlength=k) if n else np.zeros(k)
    fsum = np.bincount(seg_s, weights=fre, minlength=k) if n else np.zeros(k)
    one_time = fre <= 1
    ones = np.bincount(seg_s[one_time], minlength=k) if n else np.zeros(k, dtype=np.int64)
    stats = tuple(
        SegmentStats(
            code=code,
            customers=int(counts[i]),
            share=ratio(int(counts[i]), n),
            revenue=float(rev[i]),
            revenue_share=ratio(float(rev[i]), total) if total > 0 else None,
            avg_recency_days=ratio(float(rsum[i]), int(counts[i])),
            avg_frequency=ratio(float(fsum[i]), int(counts[i])),
            avg_monetary=ratio(float(rev[i]), int(counts[i])),
            one_time_buyers=int(ones[i]),
        )
        for i, code in enumerate(SEGMENTS)
    )
    return RfmResult(
        r=spread(r_s),
        f=spread(f_s),
        m=spread(m_s),
        segment=segment,
        frequency_mode=mode,
        segments=stats,
        one_time=_group(one_time, mon, total, n),
        repeat=_group(~one_time, mon, total, n),
        score_ranges={
            "recency_days": _ranges(rec, r_s),
            "frequency": _ranges(fre, f_s),
            "monetary": _ranges(mon, m_s),
        },
        scored=n,
        unscored=n_all - n,
    )
