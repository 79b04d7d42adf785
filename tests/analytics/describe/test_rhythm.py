"""Whose rhythm: each customer's own median gap, and lapsed by it (DIAGNOSIS.md 7)."""

from __future__ import annotations

import numpy as np

from analytics.describe.rfm import SEGMENTS, by_own_rhythm
from analytics.describe.rhythm import lapsed


def test_own_median_gap_and_lapse_by_hand() -> None:
    """a: purchase days 0, 10, 20, 50 (gaps 10, 10, 30: median 10, lapsed after 25 days
    of silence); b: days 0, 30, 60, 70 (median 30); c: two purchase days, no rhythm."""
    from datetime import date, timedelta

    import pandas as pd

    from analytics.describe.customers import prepare_orders

    start = date(2024, 1, 1)
    rows = [("a", d) for d in (0, 10, 20, 50, 50)] + [("b", d) for d in (0, 30, 60, 70)]
    rows += [("c", 0), ("c", 60)]
    table = pd.DataFrame({
        "customer_key": pd.array([r[0] for r in rows], dtype="string"),
        "order_id": pd.array([f"o{i}" for i in range(len(rows))], dtype="string"),
        "order_date": pd.to_datetime([start + timedelta(days=r[1]) for r in rows]),
        "amount": [100.0] * len(rows),
        "status": pd.array(["valid"] * len(rows), dtype="string"),
    })

    def found(day: int) -> dict[str, tuple[float, bool]]:
        frame = prepare_orders(table, as_of=start + timedelta(days=day)).customers.frame
        median = frame["median_gap_days"].to_numpy(dtype=np.float64)
        gone = lapsed(frame["recency_days"].to_numpy(dtype=np.float64), median)
        return {k: (float(median[i]), bool(gone[i]))
                for i, k in enumerate(frame["customer_key"])}

    on_the_edge, past_it = found(75), found(76)  # a silent 25 days, then 26
    assert on_the_edge["a"] == (10.0, False) and past_it["a"] == (10.0, True)
    assert past_it["b"] == (30.0, False)
    assert np.isnan(past_it["c"][0]) and not past_it["c"][1]


def test_segment_names_never_contradict_the_own_rhythm() -> None:
    codes = np.array([SEGMENTS.index(c) for c in
                      ("champions", "loyal", "new", "promising", "lost", "champions")])
    f, m = np.array([5, 4, 1, 1, 1, 4]), np.array([5, 4, 3, 3, 1, 2])
    gone = np.array([True, True, False, False, True, False])
    recency = np.array([200.0, 200.0, 91.0, 90.0, 400.0, 5.0])
    out = [SEGMENTS[i] for i in by_own_rhythm(codes, f, m, gone, recency)]
    assert out == ["cant_lose", "cant_lose", "about_to_sleep", "promising", "lost",
                   "champions"]
    # F = 4 with M = 3 is not "can't lose": at risk
    single = by_own_rhythm(codes[:1], np.array([4]), np.array([3]), np.array([True]),
                           np.array([200.0]))
    assert SEGMENTS[single[0]] == "at_risk"
