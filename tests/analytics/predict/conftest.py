"""Shared data for the prediction tests: the CDNOW fixtures and a BG/NBD simulator."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cdnow"


@pytest.fixture(scope="session")
def cdnow_summary() -> pd.DataFrame:
    return pd.read_csv(FIXTURES / "cdnow_customers_summary.csv")


@pytest.fixture(scope="session")
def cdnow_transactions() -> pd.DataFrame:
    return pd.read_csv(FIXTURES / "cdnow_customers_summary_with_transactions.csv")


def simulate_bgnbd(
    n: int, params: tuple[float, float, float, float], T: np.ndarray, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x, t_x, T drawn from BG/NBD: Poisson(lambda) purchases, drop-out after the K-th repeat
    purchase with K ~ Geometric(p); the x-th of N uniform event times is Beta(x, N-x+1) * T."""
    r, alpha, a, b = params
    rng = np.random.default_rng(seed)
    lam = rng.gamma(r, 1.0 / alpha, n)
    p = rng.beta(a, b, n)
    k = rng.geometric(p)
    events = rng.poisson(lam * T)
    x = np.minimum(events, k)
    t_x = np.zeros(n)
    pos = x > 0
    t_x[pos] = rng.beta(x[pos], events[pos] - x[pos] + 1) * T[pos]
    return x.astype(float), t_x, T.astype(float)


@pytest.fixture(scope="session")
def cdnow_orders() -> pd.DataFrame:
    """The full CDNOW cohort (23,570 customers, 1997-01-01..1998-06-30) as a clean orders table."""
    raw = pd.read_csv(
        FIXTURES / "CDNOW_master.txt", sep=r"\s+", dtype={"customer_id": str, "date": str}
    )
    return pd.DataFrame(
        {
            "customer_key": raw["customer_id"],
            "order_date": pd.to_datetime(raw["date"], format="%Y%m%d"),
            "amount": raw["dollar_value"].astype(float),
            "status": "valid",
        }
    )


def bgnbd_orders(
    n: int, params: tuple[float, float, float, float], days: int, seed: int = 0
) -> pd.DataFrame:
    """Orders of ``n`` customers following BG/NBD exactly (rate per day), acquired uniformly
    over the first third of ``days`` days from 2022-01-01; purchase values Gamma(4, 500)."""
    r, alpha, a, b = params
    rng = np.random.default_rng(seed)
    lam = rng.gamma(r, 1.0 / alpha, n)
    p = rng.beta(a, b, n)
    start = rng.integers(0, days // 3, n)
    keys, when = [], []
    for i in range(n):
        t = float(start[i])
        keys.append(i)
        when.append(t)
        while True:
            t += rng.exponential(1.0 / lam[i])
            if t >= days:
                break
            keys.append(i)
            when.append(t)
            if rng.random() < p[i]:  # drops out right after this purchase
                break
    day = np.floor(np.asarray(when)).astype("int64")
    return pd.DataFrame(
        {
            "customer_key": [f"c{k}" for k in keys],
            "order_date": pd.Timestamp("2022-01-01") + pd.to_timedelta(day, unit="D"),
            "amount": rng.gamma(4.0, 500.0, len(keys)),
            "status": "valid",
        }
    )
