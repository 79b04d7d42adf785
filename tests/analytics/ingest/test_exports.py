"""Every target export, checked against truth worked out independently when it was built
(tests/fixtures/exports/expected.json, written by tests/fixtures/exports/build.py)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from analytics.ingest import IngestResult, ingest
from analytics.ingest.documents import DATE_COLUMN, NUMBER_COLUMN
from analytics.ingest.values import is_blank

FIXTURES = Path(__file__).parents[2] / "fixtures" / "exports"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (FIXTURES / "expected.json").read_text(encoding="utf-8"))["fixtures"]
TRANSACTIONS = sorted(n for n in EXPECTED if EXPECTED[n]["shape"] == "transactions")
CUSTOMER_LISTS = sorted(n for n in EXPECTED if EXPECTED[n]["shape"] == "customers")
_cache: dict[str, IngestResult] = {}


def result_of(name: str) -> IngestResult:
    if name not in _cache:
        _cache[name] = ingest((FIXTURES / name).read_bytes(), name, isolate=False)
    return _cache[name]


def money(value: float) -> Decimal:
    return Decimal(f"{value:.2f}")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_shape_format_and_key(name: str) -> None:
    truth, result = EXPECTED[name], result_of(name)
    assert result.shape == truth["shape"]
    expected_format = "csv" if truth["format"] in ("tsv", "txt") else truth["format"]
    assert result.source.format == expected_format
    for field in ("encoding", "delimiter", "sheet"):
        if truth.get(field):
            assert getattr(result.source, field) == truth[field], field
    assert result.source.header_rows == truth.get("header_rows", 1)
    assert result.quality.customer_key_source == truth["customer_key"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_roles(name: str) -> None:
    """Each role the file has is found. A two-row header's names join both rows; a 1C
    report's order number and date come from its document rows; an entirely empty column
    cannot be confirmed by content and may stay unmapped."""
    result = result_of(name)
    found = {role.value: m.column for role, m in result.mapping.items()}
    raw = result.source.columns
    for role, column in EXPECTED[name]["columns"].items():
        if column == "Регистратор" and role in ("order_id", "order_date"):
            assert found[role] == {"order_id": NUMBER_COLUMN, "order_date": DATE_COLUMN}[role]
        elif result.source.header_rows == 2:
            assert found.get(role, "").endswith(column), role
        elif found.get(role) != column:
            assert column in raw and _empty_column(name, column), (role, found.get(role), column)


def _empty_column(name: str, column: str) -> bool:
    import io

    import pandas as pd

    data = (FIXTURES / name).read_bytes()
    frame = pd.read_csv(io.BytesIO(data), sep=None, engine="python", dtype=str)
    return bool(is_blank(frame[column]).all())


@pytest.mark.parametrize("name", TRANSACTIONS)
def test_transaction_numbers(name: str) -> None:
    """Orders without any customer key are not part of the customer base; ingest counts
    them and their revenue separately, so the truth is compared net of them."""
    truth, q = EXPECTED[name]["expected"], result_of(name).quality
    assert q.orders_without_customer == truth["orders_without_customer"]
    assert money(q.revenue_without_customer) == Decimal(truth["revenue_without_customer"])
    assert money(q.revenue) == Decimal(truth["revenue"]) - Decimal(truth["revenue_without_customer"])
    assert q.orders == truth["orders"] - truth["orders_without_customer"]
    assert q.customers == truth["customers"]
    if EXPECTED[name]["currency_source"] != "implicit" or truth["currency"] == "RUB":
        assert q.currency == truth["currency"]
    for status in ("cancelled", "refunded", "open"):
        assert q.status_counts.get(status, 0) == truth[status], status
    assert q.status_counts.get("lead", 0) == truth["zero_amount"]  # free orders are leads
    assert (q.date_from, q.date_to) == (truth["date_from"], truth["date_to"])
    assert q.rows_used + sum(q.rows_dropped.values()) == q.rows_read


@pytest.mark.parametrize("name", CUSTOMER_LISTS)
def test_customer_list_numbers(name: str) -> None:
    truth, q = EXPECTED[name]["expected"], result_of(name).quality
    assert q.customers == truth["customers"]
    if truth.get("revenue") is not None:
        assert money(q.revenue) == Decimal(truth["revenue"])
        assert q.orders == truth["orders"]
