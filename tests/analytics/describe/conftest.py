"""Builders of orders tables in the ingest contract shape, and the CDNOW fixture."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

CDNOW = Path(__file__).resolve().parents[2] / "fixtures" / "cdnow" / "CDNOW_master.txt"


MIXED_CHECKS: list[tuple[Any, ...]] = [
    ("a", "2024-01-03", 10), ("a", "2024-01-10", 10), ("a", "2024-01-17", 10),
    ("b", "2024-01-20", 90), ("a", "2024-02-05", 100), ("b", "2024-02-06", 20),
    ("b", "2024-02-20", 40),
]
"""Orders where a month's check (revenue / orders) and the mean of its customers' own checks
differ: January 120 / 4 = 30 against (10 + 90) / 2 = 50, February 160 / 3 against 65."""


def make_orders(records: list[tuple[Any, ...]], **extra: list[Any]) -> pd.DataFrame:
    """Orders from (customer_key, 'YYYY-MM-DD', amount[, status]) tuples plus extra columns."""
    rows = []
    for i, rec in enumerate(records):
        key, day, amount = rec[0], rec[1], rec[2]
        status = rec[3] if len(rec) > 3 else "valid"
        rows.append(
            {
                "customer_key": key,
                "order_id": f"row-{i}",
                "order_date": pd.Timestamp(day),
                "amount": float(amount),
                "status": status,
            }
        )
    df = pd.DataFrame(rows)
    df["order_date"] = df["order_date"].astype("datetime64[ns]")
    df["customer_key"] = df["customer_key"].astype("string")
    df["status"] = df["status"].astype("string")
    for name, values in extra.items():
        df[name] = values
    return df


def generated_orders(
    seed: int, customers: int = 400, rows: int = 3000, *, extras: bool = True
) -> pd.DataFrame:
    """Random orders over about two years: skewed frequency, statuses, returns, extras."""
    rng = np.random.default_rng(seed)
    w = rng.pareto(1.5, customers) + 0.05
    cust = rng.choice(customers, size=rows, p=w / w.sum())
    first = rng.integers(0, 700, customers)
    day = np.minimum(first[cust] + rng.exponential(90, rows).astype(int), 729)
    amount = np.round(rng.lognormal(6, 0.7, rows), 2)
    amount[rng.random(rows) < 0.03] *= -1
    status = rng.choice(
        ["valid", "cancelled", "refunded", "open"], rows, p=[0.85, 0.08, 0.04, 0.03]
    )
    df = pd.DataFrame(
        {
            "customer_key": pd.array([f"k{c:04d}" for c in cust], dtype="string"),
            "order_id": [f"o{i}" for i in range(rows)],
            "order_date": (np.datetime64("2023-01-01") + day.astype("timedelta64[D]")).astype(
                "datetime64[ns]"
            ),
            "amount": amount,
            "status": pd.array(status, dtype="string"),
        }
    )
    if extras:
        df["quantity"] = np.where(rng.random(rows) < 0.9, rng.integers(1, 6, rows), np.nan)
        cats = np.array(["books", "music", "toys", "games", None], dtype=object)
        df["category"] = pd.array(cats[rng.integers(0, 5, rows)], dtype="string")
        cities = np.array(["Moscow", "Kazan", "Omsk", None], dtype=object)
        df["city"] = pd.array(cities[rng.integers(0, 4, rows)], dtype="string")
        chans = np.array(["ads", "organic", "referral"], dtype=object)
        df["channel"] = pd.array(chans[rng.integers(0, 3, customers)][cust], dtype="string")
        df["rating"] = np.where(rng.random(rows) < 0.3, rng.integers(0, 11, rows), np.nan)
    # shuffle so that nothing relies on input order
    return df.sample(frac=1.0, random_state=seed).reset_index(drop=True)


def load_cdnow() -> pd.DataFrame:
    """The CDNOW master file as an orders table (one row = one order, all valid)."""
    raw = pd.read_csv(
        CDNOW, sep=r"\s+", dtype={"customer_id": str, "date": str, "number_of_cds": float}
    )
    return pd.DataFrame(
        {
            "customer_key": raw["customer_id"].astype("string"),
            "order_id": [f"row-{i}" for i in range(len(raw))],
            "order_date": pd.to_datetime(raw["date"], format="%Y%m%d").astype("datetime64[ns]"),
            "amount": raw["dollar_value"].astype(float),
            "status": pd.array(["valid"] * len(raw), dtype="string"),
            "quantity": raw["number_of_cds"].astype(float),
        }
    )


@pytest.fixture(scope="session")
def cdnow() -> pd.DataFrame:
    """CDNOW orders (69,659 rows, 23,570 customers)."""
    return load_cdnow()
