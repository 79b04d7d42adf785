"""Benchmark of :func:`analytics.predict.clusters.run_clusters` at 100,000 customers (not a test).

Run: ``.venv/bin/python bench/bench_clusters.py [CUSTOMERS]``. Prints the best of three runs
(k chosen automatically, 2..8, silhouette on a 5,000 sample) on a synthetic customer table
with recency, frequency, monetary, average check and tenure from four behaviour groups.

k = 3 is chosen on this data. The silhouette of all seven candidate k shares one pass over the
5,000-sample pairwise distances (sklearn's ``silhouette_score`` per k would redo it seven
times). Measured figures are in docs/performance.md.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics.predict.clusters import run_clusters


def synthetic_table(n: int, seed: int = 1) -> pd.DataFrame:
    """A customer table of ``n`` customers drawn from four behaviour groups."""
    rng = np.random.default_rng(seed)
    group = rng.integers(0, 4, n)
    freq_mu = np.array([0.0, 1.5, 0.3, 2.5])[group]
    check_mu = np.array([7.5, 8.0, 9.0, 7.0])[group]
    rec_mu = np.array([5.5, 3.5, 4.5, 2.5])[group]
    frequency = np.maximum(1, np.round(np.exp(rng.normal(freq_mu, 0.4)))).astype(np.int64)
    avg_check = np.exp(rng.normal(check_mu, 0.3))
    recency = np.maximum(1, np.round(np.exp(rng.normal(rec_mu, 0.4)))).astype(np.int64)
    tenure = recency + rng.integers(0, 700, n)
    return pd.DataFrame(
        {
            "customer_key": [f"c{i}" for i in range(n)],
            "frequency": frequency,
            "monetary": frequency * avg_check,
            "avg_check": avg_check,
            "recency_days": recency,
            "tenure_days": tenure,
        }
    )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    table = synthetic_table(n)
    run_clusters(table.head(1000))  # warm up imports and thread pools
    times = []
    for _ in range(3):
        start = time.perf_counter()
        result = run_clusters(table)
        times.append(time.perf_counter() - start)
    sizes = [c.size for c in result.clusters]
    print(f"run_clusters, {n:,} customers: best {min(times):.2f} s (runs {times})")
    print(f"k={result.k} chosen_by={result.chosen_by} sizes={sizes}")


if __name__ == "__main__":
    main()
