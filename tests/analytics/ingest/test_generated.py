"""Ingest of the synthetic generator's messy exports agrees with the generator's own truth."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.ingest import ingest
from bench.generate import generate, write


@pytest.mark.parametrize(("kind", "fmt"), [("shop", "csv"), ("school", "csv"), ("shop", "xlsx")])
def test_revenue_and_orders_match_the_generator(kind: str, fmt: str, tmp_path: Path) -> None:
    dataset = generate(kind, 4000, seed=7)
    path = tmp_path / f"{kind}.{fmt}"
    write(dataset.frame, path, fmt)
    result = ingest(path.read_bytes(), path.name, isolate=False)
    truth, q = dataset.truth, result.quality
    assert q.revenue == pytest.approx(truth["valid_revenue"], abs=0.005)
    paid_orders = truth.get("valid_paid_orders", truth["valid_orders"])
    assert q.orders == paid_orders
    assert q.status_counts["cancelled"] == truth["cancelled_orders"]
    assert q.status_counts["refunded"] == truth["refunded_orders"]
    assert q.duplicate_rows == truth["duplicate_rows"]
    assert truth["date_from"] <= q.date_from <= q.date_to <= truth["date_to"]
    # Orders without an email are keyed by phone, so one person may count twice.
    assert truth["buyers"] <= q.customers <= truth["buyers"] + truth["orders_without_email"]
