"""Benchmark of the customers exports at 100,000 customers (not a test).

Run: ``.venv/bin/python bench/bench_export.py [CUSTOMERS] [--slow]``. Prints the best of
three runs of ``customers_xlsx``, ``customers_csv`` and ``customers_exports`` (both files,
columns coded once) on a synthetic customers frame shaped like
``BaseAudit.customers_frame()`` (contacts, RFM scores, segment codes, dates); ``--slow`` adds
one run of ``customers_xlsx_cells`` and of the pandas ``to_excel`` baseline.

Measured figures are in docs/performance.md.
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics.describe.rfm import SEGMENTS
from analytics.render.customers_export import (
    customers_csv,
    customers_exports,
    customers_xlsx,
    customers_xlsx_cells,
)


def synthetic_customers(n: int = 100_000, seed: int = 7) -> pd.DataFrame:
    """A customers frame with the audit's column names and dtypes."""
    rng = np.random.default_rng(seed)
    first = np.datetime64("2022-01-01") + rng.integers(0, 900, n).astype("timedelta64[D]")
    last = first + rng.integers(0, 200, n).astype("timedelta64[D]")
    freq = rng.geometric(0.4, n)
    monetary = np.round(rng.gamma(2.0, 3000.0, n) * freq, 2)
    cities = np.array(["Москва", "Санкт-Петербург", "Казань", "Новосибирск", "=cmd|' /C calc'!A0"])
    frame = pd.DataFrame(
        {
            "customer_key": pd.array([f"c{i:07d}@mail.ru" for i in range(n)], dtype="string"),
            "first_purchase": first.astype("datetime64[ns]"),
            "last_purchase": last.astype("datetime64[ns]"),
            "frequency": freq.astype(np.int64),
            "monetary": monetary,
            "avg_check": np.round(monetary / freq, 2),
            "recency_days": (np.datetime64("2025-01-01") - last).astype(np.int64),
            "city": pd.array(cities[rng.integers(0, len(cities), n)], dtype="string"),
            "email": pd.array([f"c{i:07d}@mail.ru" for i in range(n)], dtype="string"),
            "phone": pd.array([f"7999{i:07d}" for i in range(n)], dtype="string"),
            "name": pd.array([f"Клиент Номер {i}" for i in range(n)], dtype="string"),
            "r": rng.integers(1, 6, n),
            "f": rng.integers(1, 6, n),
            "m": rng.integers(1, 6, n),
            "rfm_segment": np.array(SEGMENTS, dtype=object)[rng.integers(0, len(SEGMENTS), n)],
        }
    )
    return frame


def best_of(fn: Callable[[], object], runs: int = 3) -> float:
    """The best wall time of ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def pandas_baseline(frame: pd.DataFrame) -> None:
    """pandas + XlsxWriter, the figure in ENGINEERING.md."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter") as writer:
        frame.to_excel(writer, index=False)


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--slow"]
    n = int(args[0]) if args else 100_000
    frame = synthetic_customers(n)
    size = len(customers_xlsx(frame, "ru"))
    print(f"customers: {n:,}; columns exported: 15; xlsx size {size / 1e6:.1f} MB")
    print(f"customers_xlsx (ru): {best_of(lambda: customers_xlsx(frame, 'ru')):.2f} s")
    print(f"customers_csv  (ru): {best_of(lambda: customers_csv(frame, 'ru')):.2f} s")
    print(f"customers_exports (ru, both): {best_of(lambda: customers_exports(frame, 'ru')):.2f} s")
    if "--slow" in sys.argv:
        cells = best_of(lambda: customers_xlsx_cells(frame, "ru"), runs=1)
        print(f"customers_xlsx_cells (XlsxWriter cell by cell): {cells:.2f} s")
        print(f"pandas to_excel baseline: {best_of(lambda: pandas_baseline(frame), runs=1):.2f} s")


if __name__ == "__main__":
    main()
