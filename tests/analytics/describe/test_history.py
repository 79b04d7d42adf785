"""Rates observed in the base's history: by hand, and against a plain loop on random bases."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from analytics.describe.customers import prepare_orders
from analytics.describe.history import YEAR_DAYS, compute_history
from tests.analytics.describe.conftest import generated_orders, make_orders

AS_OF = date(2025, 1, 1)
"""The day after the data: December 2024 is complete, the 12 months are 2024."""


def test_rates_by_hand() -> None:
    """Churn window 30 days.

    r buys on 10 Jan and 20 Mar. Lapsed at the start of March (51 days silent), back in
    March; lapsed again from 1 May (42 days) to December: exposed 9 months, 1 return.
    g buys on 5 Jan (twice: one purchase day), 15 Jan, 25 Jan and 10 Feb. A regular from
    February (3 purchase days before it): on 1 Feb silent 7 days, his lapse day 25 Feb is
    moved by the 10 Feb purchase, so no lapse in February; on 1 Mar silent 20 days, lapses
    on 12 Mar: 2 months exposed, 1 lapse. Lapsed from April (51 days): 9 months, no return.
    n buys once on 10 Dec: too recent for the second purchase (his 30 days have not closed).
    Second purchase: r (70 days to the second, too late) and g (10 days): 1 of 2.
    """
    orders = make_orders([
        ("r", "2024-01-10", 100), ("r", "2024-03-20", 100),
        ("g", "2024-01-05", 50), ("g", "2024-01-05", 50), ("g", "2024-01-15", 100),
        ("g", "2024-01-25", 100), ("g", "2024-02-10", 100),
        ("n", "2024-12-10", 300),
    ])
    prepared = prepare_orders(orders, AS_OF)
    labels = np.array(["champions" if k == "g" else "new" for k in prepared.customers.frame
                       ["customer_key"]], dtype=object)
    history = compute_history(prepared, 30, labels)
    back, lapse, second = (history.rates[c] for c in ("return", "lapse", "second_purchase"))
    assert (back.exposure, back.events, back.customers) == (18, 1, 2)
    assert back.monthly == pytest.approx(1 / 18)
    assert back.rate == pytest.approx(1 - (17 / 18) ** 12)
    assert (lapse.exposure, lapse.events, lapse.customers) == (2, 1, 1)
    assert (second.exposure, second.events, second.rate) == (2, 1, 0.5)
    assert not back.usable  # 2 customers: the advice states its default instead
    assert history.revenue_12m == {"champions": 400.0, "new": 500.0}
    assert history.one_time_open == (1, 300.0)  # n: one purchase, 22 days before the end


def reference(orders: pd.DataFrame, as_of: date, window: int) -> dict[str, tuple[int, int]]:
    """(exposure, events) of each rate, by a plain loop over customers and months."""
    valid = orders[(orders["status"] == "valid") & (orders["amount"] >= 0)
                   & (orders["order_date"] < pd.Timestamp(as_of))]
    buyers = orders[(orders["status"] == "valid") & (orders["amount"] >= 0)]
    days: dict[str, list[date]] = {}
    for key, day in zip(valid["customer_key"], valid["order_date"], strict=True):
        days.setdefault(str(key), []).append(day.date())
    purchase_days = {k: sorted(set(v)) for k, v in days.items()}
    last = date(as_of.year, as_of.month, 1) - timedelta(days=1) if as_of.day != 1 else \
        as_of - timedelta(days=1)
    starts = []
    year, month = last.year, last.month
    for _ in range(12):
        starts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    first_month = min(buyers["order_date"]).date().replace(day=1)
    starts = [s for s in starts if s >= first_month]
    out = {"return": [0, 0], "lapse": [0, 0], "second_purchase": [0, 0]}
    for start in starts:
        end = (start + timedelta(days=32)).replace(day=1)
        for seen in purchase_days.values():
            before = [d for d in seen if d < start]
            after = [d for d in seen if d >= start]
            if not before:
                continue
            silent = (start - before[-1]).days
            if window < silent <= window + YEAR_DAYS:
                out["return"][0] += 1
                out["return"][1] += bool(after and after[0] < end)
            if len(before) >= 3 and silent <= window:
                out["lapse"][0] += 1
                lapse_day = before[-1] + timedelta(days=window + 1)
                out["lapse"][1] += lapse_day < end and not (after and after[0] < lapse_day)
    closed = as_of - timedelta(days=window)
    for seen in purchase_days.values():
        if closed - timedelta(days=YEAR_DAYS) <= seen[0] < closed:
            out["second_purchase"][0] += 1
            out["second_purchase"][1] += len(seen) > 1 and (seen[1] - seen[0]).days <= window
    return {k: (v[0], v[1]) for k, v in out.items()}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rates_match_a_plain_loop_on_random_bases(seed: int) -> None:
    orders = generated_orders(seed, customers=300, rows=2500, extras=False)
    as_of = date(2024, 12, 17)  # a cut month: the 12 months end in November
    prepared = prepare_orders(orders, as_of)
    history = compute_history(prepared, 60)
    expected = reference(orders, as_of, 60)
    got = {c: (r.exposure, r.events) for c, r in history.rates.items()}
    assert got == expected
    assert all(r.months == 12 for c, r in history.rates.items())


def test_rates_recover_a_simulated_business() -> None:
    """A business whose every customer buys in any month with probability 8 %, forever: a
    lapsed customer comes back in a month with probability 8 % whatever his past, so the
    pooled return rate must find 8 % a month and 1 - 0.92^12 = 63 % a year. A first-time
    buyer may buy again from the next month on: within a 120-day window he has the three
    next months whole and about half of the fourth (1 - 0.92^3 x (1 - 0.08 x 0.47) = 25.1 %),
    between 1 - 0.92^3 and 1 - 0.92^4."""
    from tests.analytics.diagnose.stories import Story, end_of, flat, simulate

    story = Story(months=36, new=flat(60), buy=flat(0.08), orders=flat(1.0),
                  check=flat(1000), seed=11)
    prepared = prepare_orders(simulate(story), end_of(story))
    window = 120
    history = compute_history(prepared, window)
    back = history.rates["return"]
    assert back.usable and back.exposure > 10_000
    assert back.monthly == pytest.approx(0.08, abs=0.006)
    assert back.rate == pytest.approx(1 - 0.92 ** 12, abs=0.03)
    second = history.rates["second_purchase"]
    assert second.rate == pytest.approx(1 - 0.92 ** 3 * (1 - 0.08 * 0.47), abs=0.03)
    assert 1 - 0.92 ** 3 < second.rate < 1 - 0.92 ** 4
