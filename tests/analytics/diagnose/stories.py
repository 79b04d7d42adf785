"""Story data sets: businesses simulated month by month with one known cause each.

Every month new customers arrive and buy once or more; customers acquired earlier buy
with a probability, some orders at a check; the season multiplies both. A story changes one
of these at a known month, so a test knows the cause, the month and the direction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

Curve = Callable[[int], float]
"""A value by month number (0 = the first month of the file)."""


def flat(value: float) -> Curve:
    """The same every month."""
    return lambda _m: value


def step(before: float, after: float, at: int) -> Curve:
    """``before`` until month ``at``, ``after`` from it on."""
    return lambda m: before if m < at else after


def growing(start: float, monthly: float) -> Curve:
    """Compound growth by ``monthly`` (0.07 = 7 % a month)."""
    return lambda m: start * (1 + monthly) ** m


@dataclass
class Story:
    """The parameters of one simulated business."""

    months: int
    new: Curve
    """New customers per month."""
    buy: Curve
    """Probability that a customer acquired earlier buys in a month."""
    orders: Curve
    """Mean orders of a buying customer in a month (1 + Poisson)."""
    check: Curve
    season: dict[int, float] = field(default_factory=dict)
    """Calendar month (1-12) -> multiplier of new customers and of the buying probability."""
    start: date = date(2021, 1, 1)
    seed: int = 7
    names: dict[int, str] = field(default_factory=dict)
    """Customer number -> a company name (B2B stories)."""


def simulate(story: Story) -> pd.DataFrame:
    """The orders table (``customer_key``, ``order_id``, ``order_date``, ``amount``,
    ``status``, and ``name`` when given) of ``story``."""
    rng = np.random.default_rng(story.seed)
    keys: list[np.ndarray] = []
    days: list[np.ndarray] = []
    amounts: list[np.ndarray] = []
    customers = 0
    for m in range(story.months):
        month_start = pd.Timestamp(story.start) + pd.DateOffset(months=m)
        length = (month_start + pd.DateOffset(months=1) - month_start).days
        season = story.season.get(month_start.month, 1.0)
        buyers = np.flatnonzero(rng.random(customers) < min(1.0, story.buy(m) * season))
        count = rng.poisson(max(0.0, story.orders(m) - 1), len(buyers)) + 1
        arrivals = round(story.new(m) * season)
        fresh = np.arange(customers, customers + arrivals)  # one first order each
        customers += arrivals
        who = np.concatenate([np.repeat(buyers, count), fresh])
        keys.append(who)
        day = rng.integers(0, length, len(who))
        days.append((month_start + pd.to_timedelta(day, unit="D")).to_numpy())
        amounts.append(np.round(story.check(m) * rng.lognormal(0, 0.15, len(who)), 2))
    who = np.concatenate(keys)
    frame = pd.DataFrame({
        "customer_key": pd.array([f"c{k}" for k in who], dtype="string"),
        "order_id": pd.array([f"o{i}" for i in range(len(who))], dtype="string"),
        "order_date": np.concatenate(days).astype("datetime64[ns]"),
        "amount": np.concatenate(amounts),
        "status": pd.array(["valid"] * len(who), dtype="string"),
    })
    if story.names:
        frame["name"] = pd.array([story.names.get(int(k), f"Клиент {k}") for k in who],
                                 dtype="string")
    return frame.sort_values("order_date", kind="stable").reset_index(drop=True)


def end_of(story: Story) -> date:
    """The day after the story's last month (its ``as_of``: every month full)."""
    return (pd.Timestamp(story.start) + pd.DateOffset(months=story.months)).date()
