"""Benchmark: what clusters and CLV add to the audit of a large generated shop (not a test).

Run: ``.venv/bin/python bench/bench_clv.py [ROWS]`` (default 1,100,000 order lines: about
100,000 customers). The export is generated with :mod:`bench.generate` and turned into the
clean orders table directly (no file, no ingest: :func:`orders_from_generated`), the
analytic core runs once, then the best of three runs is printed for each stage that clusters
and CLV add: :func:`analytics.predict.clusters.run_clusters`,
:func:`analytics.predict.clv_section.clv_section` (fits, per-segment sums and the holdout
check) and the cluster chart.

Measured figures are in docs/performance.md.
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

from analytics.describe.audit import BaseAudit, run_audit_analytics
from analytics.predict.clusters import run_clusters
from analytics.predict.clv_section import clv_section
from analytics.render.charts import clusters as cluster_chart
from analytics.render.charts import style
from bench.generate import STATUS_CLASSES, generate


def orders_from_generated(frame: pd.DataFrame) -> pd.DataFrame:
    """The clean orders table (``customer_key, order_id, order_date, amount, status``) of a
    generated shop or school export, built with pandas only (no file, no ingest).

    Shop: one row per order line (later lines leave the order fields empty), amounts summed
    per order number, the key is the email, else the phone, else the name. School: the user
    id is the key, the payment date (else the creation date) the date, ``Оплачено`` the
    amount. Free (zero-amount) orders are dropped, as ingest does.
    """
    if "Номер заказа" in frame.columns:
        heads = frame[frame["Статус"].notna()].drop_duplicates("Номер заказа")
        order_id = heads["Номер заказа"]
        amount = frame.groupby("Номер заказа", sort=False)["Сумма"].sum().reindex(order_id)
        key = heads["Email"].astype("string")
        for col in ("Телефон", "Клиент"):
            key = key.fillna(heads[col].astype("string"))
        when = heads["Дата заказа"]
        classes = STATUS_CLASSES["shop"]
    else:
        heads = frame.drop_duplicates("Номер")
        order_id = heads["Номер"]
        amount = heads["Оплачено"]
        key = heads["ID пользователя"].astype("string")
        when = heads["Дата оплаты"].fillna(heads["Дата создания"])
        classes = STATUS_CLASSES["school"]
    orders = pd.DataFrame(
        {
            "customer_key": key.to_numpy(),
            "order_id": order_id.astype(str).to_numpy(),
            "order_date": pd.to_datetime(when).to_numpy(),
            "amount": amount.to_numpy(dtype=np.float64),
            "status": heads["Статус"].astype(str).map(classes).fillna("open").to_numpy(),
        }
    )
    return orders[orders["amount"] != 0].reset_index(drop=True)


def best_of(runs: int, func: Callable[[], Any]) -> tuple[float, Any]:
    """The shortest wall time of ``runs`` calls and the last result."""
    times = []
    result: Any = None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    """Generate, run the core once, then time the issue-4 stages."""
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_100_000
    start = time.perf_counter()
    orders = orders_from_generated(generate("shop", rows, seed=1).frame)
    print(f"generate + orders table: {time.perf_counter() - start:.1f} s, {len(orders):,} orders")
    core_s, audit = best_of(1, lambda: run_audit_analytics(orders))
    assert isinstance(audit, BaseAudit)
    print(f"analytic core: {core_s:.2f} s, {audit.customers.n:,} customers")
    frame = audit.customers.frame
    clusters_s, clusters = best_of(3, lambda: run_clusters(frame))
    clv_s, clv = best_of(3, lambda: clv_section(audit))
    report = {"clusters": clusters.to_dict(include_labels=False), "data": {}}
    with style.chart_style():
        chart_s, _ = best_of(3, lambda: cluster_chart.render(report, "ru"))
    total = clusters_s + clv_s + chart_s
    print(
        f"clusters {clusters_s:.2f} s (k={clusters.k}), CLV {clv_s:.2f} s "
        f"(status {clv['status']}, holdout {clv['holdout']['status']}), "
        f"cluster chart {chart_s:.2f} s; added to the audit: {total:.2f} s (aim < 3 s)"
    )
    fits = [clv[m] for m in ("bgnbd", "gamma_gamma")]
    print("fits: " + "; ".join(f"{f['params']} converged={f['converged']}" for f in fits))
    holdout = clv["holdout"]
    print(
        f"holdout: {holdout['holdout_days']} days, predicted {holdout['predicted_purchases']} "
        f"vs actual {holdout['actual_purchases']} purchases (error {holdout['error']}), "
        f"MAE {holdout['mae']} (naive {holdout['naive_mae']})"
    )


if __name__ == "__main__":
    main()
