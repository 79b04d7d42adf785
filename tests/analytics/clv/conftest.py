"""Shared data for the CLV tests: the CDNOW fixtures and a BG/NBD simulator."""

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
