"""Micro-benchmark of the audit's analytic core on synthetic orders.

Run: ``.venv/bin/python bench/bench_audit_core.py [ROWS] [CUSTOMERS]`` (default 1,000,000
orders of about 100,000 customers over three years). Prints the time of each step and of
``run_audit_analytics`` as a whole, then of the diagnosis (best of three runs each).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics.describe.audit import run_audit_analytics
from analytics.describe.breakdowns import compute_breakdowns
from analytics.describe.cohorts import compute_cohorts
from analytics.describe.customers import prepare_orders
from analytics.describe.lifecycle import compute_lifecycle
from analytics.describe.metrics import compute_growth_metrics
from analytics.describe.rfm import compute_rfm
from analytics.report.build import diagnosis_section


def synthetic_orders(
    rows: int = 1_000_000, customers: int = 100_000, seed: int = 7
) -> pd.DataFrame:
    """Orders in the ingest contract shape: skewed frequency, returns, statuses, extras."""
    rng = np.random.default_rng(seed)
    # a few heavy buyers and many one-time buyers: Zipf-like customer weights
    weights = rng.pareto(1.2, customers) + 0.05
    # every customer orders at least once; the rest of the orders follow the skewed weights
    extra = rng.choice(customers, size=max(rows - customers, 0), p=weights / weights.sum())
    cust = np.concatenate([np.arange(min(customers, rows)), extra])
    start = np.datetime64("2022-01-01")
    first = rng.integers(0, 3 * 365, customers)
    day = first[cust] + rng.exponential(120, rows).astype(np.int64)
    day = np.minimum(day, 3 * 365 - 1)
    amount = np.round(rng.lognormal(7.5, 0.8, rows), 2)
    status = rng.choice(
        np.array(["valid", "cancelled", "refunded", "open"], dtype=object),
        size=rows,
        p=[0.9, 0.05, 0.03, 0.02],
    )
    returns = rng.random(rows) < 0.01
    amount[returns] *= -1
    cities = np.array([f"city-{i}" for i in range(40)], dtype=object)
    channels = np.array(["organic", "ads", "referral", "email", "marketplace"], dtype=object)
    categories = np.array([f"cat-{i}" for i in range(25)], dtype=object)
    rating = np.where(rng.random(rows) < 0.1, rng.integers(0, 11, rows), np.nan)
    return pd.DataFrame(
        {
            "customer_key": pd.array(np.char.add("c", cust.astype(str)), dtype="string"),
            "order_id": pd.array(np.char.add("o", np.arange(rows).astype(str)), dtype="string"),
            "order_date": (start + day.astype("timedelta64[D]")).astype("datetime64[ns]"),
            "amount": amount,
            "status": pd.array(status, dtype="string"),
            "quantity": rng.integers(1, 5, rows).astype(np.float64),
            "category": pd.array(categories[rng.integers(0, 25, rows)], dtype="string"),
            "channel": pd.array(channels[rng.integers(0, 5, customers)[cust]], dtype="string"),
            "city": pd.array(cities[cust % 40], dtype="string"),
            "rating": rating.astype(np.float64),
        }
    )


def best_of(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """Best wall time of ``repeat`` calls and the last result."""
    best = float("inf")
    result: Any = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> None:
    """Build the data, time each step, print the figures."""
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    customers = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    t0 = time.perf_counter()
    orders = synthetic_orders(rows, customers)
    print(f"generated {len(orders):,} orders in {time.perf_counter() - t0:.2f} s")
    t_prep, prepared = best_of(lambda: prepare_orders(orders))
    print(f"prepare_orders (customer table): {t_prep:.3f} s, {prepared.n_customers:,} customers")
    steps: dict[str, Callable[[], Any]] = {
        "growth metrics": lambda: compute_growth_metrics(orders, prepared=prepared),
        "lifecycle": lambda: compute_lifecycle(orders, prepared=prepared),
        "rfm": lambda: compute_rfm(prepared.customers),
        "cohorts": lambda: compute_cohorts(orders, prepared=prepared),
        "breakdowns": lambda: compute_breakdowns(prepared.customers, prepared),
    }
    for name, fn in steps.items():
        t, _ = best_of(fn)
        print(f"{name}: {t:.3f} s")
    t_all, audit = best_of(lambda: run_audit_analytics(orders))
    t_json, _ = best_of(audit.to_dict)
    print(f"run_audit_analytics total: {t_all:.3f} s (to_dict {t_json:.3f} s)")
    t_diag, _ = best_of(lambda: diagnosis_section(audit))
    print(f"diagnosis: {t_diag:.3f} s")


if __name__ == "__main__":
    main()
