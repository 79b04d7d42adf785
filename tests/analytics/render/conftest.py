"""Fixtures: customers with hostile strings, the sample's customer frame, a tiny PNG."""

from __future__ import annotations

import io
from typing import Any

import pandas as pd
import pytest
from matplotlib.figure import Figure

HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "<script>alert(1)</script>",
]


@pytest.fixture(scope="session")
def hostile_frame() -> pd.DataFrame:
    """Customers whose names and cities are formula payloads; one unscored customer."""
    n = len(HOSTILE)
    last: list[str | None] = ["2024-03-01"] * (n - 1) + [None]
    return pd.DataFrame(
        {
            "customer_key": pd.array([f"k{i}" for i in range(n)], dtype="string"),
            "first_purchase": pd.to_datetime(["2024-01-05"] * n),
            "last_purchase": pd.to_datetime(pd.Series(last)),
            "frequency": [1, 2, 3, 4, 5, 6, 7, 8],
            "monetary": [100.5, 200.0, 300.25, 400.0, 500.0, 600.0, 700.0, 800.0],
            "avg_check": [100.5, 100.0, 100.08, 100.0, 100.0, 100.0, 100.0, 100.0],
            "recency_days": [10, 20, 30, 40, 50, 60, 70, 80],
            "name": pd.array(HOSTILE, dtype="string"),
            "city": pd.array(list(reversed(HOSTILE)), dtype="string"),
            "email": pd.array([None] * n, dtype="string"),
            "phone": pd.array(["+7 (999) 123-45-67"] + [None] * (n - 1), dtype="string"),
            "r": [5, 4, 3, 2, 1, 5, 4, 3],
            "f": [1, 2, 3, 4, 5, 1, 2, 3],
            "m": [1, 1, 2, 2, 3, 3, 4, 4],
            "rfm_segment": ["champions", "loyal", "new", "lost", "at_risk", "cant_lose",
                            "hibernating", None],
        }
    )


@pytest.fixture(scope="session")
def sample_frame(sample_audit: Any) -> pd.DataFrame:
    frame: pd.DataFrame = sample_audit.customers_frame()
    return frame


@pytest.fixture(scope="session")
def png() -> bytes:
    fig = Figure(figsize=(3, 2), dpi=50)
    fig.subplots().plot([1, 3, 2])
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
