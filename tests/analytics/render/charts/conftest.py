"""Small hand-made audit reports in the shape ``python -m analytics audit --json`` prints."""

from __future__ import annotations

from typing import Any

import pytest


def months(n: int, start_year: int = 2023) -> list[str]:
    """``n`` consecutive ``YYYY-MM`` labels from January of ``start_year``."""
    return [f"{start_year + i // 12}-{i % 12 + 1:02d}" for i in range(n)]


def revenue_monthly(revenue: list[float], returning_share: float) -> list[dict[str, Any]]:
    """``metrics.monthly`` rows with a constant returning share of revenue."""
    return [
        {
            "month": m,
            "revenue": r,
            "new_revenue": r * (1 - returning_share),
            "returning_revenue": r * returning_share,
            "partial": False,
        }
        for m, r in zip(months(len(revenue)), revenue, strict=True)
    ]


def lifecycle_monthly(total: list[int], active: list[int]) -> list[dict[str, Any]]:
    """``lifecycle.monthly`` rows from the total and active base series."""
    rows = []
    for i, (m, tb, ab) in enumerate(zip(months(len(total)), total, active, strict=True)):
        rows.append(
            {
                "month": m,
                "total_base": tb,
                "active_base": ab,
                "active": ab // 2,
                "churned": max(tb - ab, 0) // 10,
                "churn_rate": None if i == 0 else 0.1 + 0.01 * (i % 5),
                "partial": False,
            }
        )
    return rows


def segments() -> list[dict[str, Any]]:
    """RFM segments where champions and loyal hold most of the revenue."""
    rows = [
        ("champions", 50, 3_000_000.0),
        ("loyal", 50, 3_500_000.0),
        ("potential_loyalist", 47, 500_000.0),
        ("new", 26, 130_000.0),
        ("promising", 33, 230_000.0),
        ("need_attention", 12, 270_000.0),
        ("about_to_sleep", 62, 460_000.0),
        ("at_risk", 25, 300_000.0),
        ("cant_lose", 23, 1_000_000.0),
        ("hibernating", 66, 500_000.0),
        ("lost", 80, 500_000.0),
    ]
    return [{"code": c, "customers": n, "revenue": r} for c, n, r in rows]


def cohorts_section(n: int = 30, month1: float = 0.25) -> dict[str, Any]:
    """Cohorts of 40 customers each; month-1 retention ``month1`` then decaying."""
    labels = months(n)
    retention = {
        label: [1.0] + [round(month1 * 0.85**k, 4) for k in range(n - 1 - i)]
        for i, label in enumerate(labels)
    }
    info = [{"cohort": label, "customers": 40, "young": False, "small": False} for label in labels]
    return {"retention": retention, "cohorts": info, "last_month_partial": False}


def breakdown_section() -> dict[str, Any]:
    """A city breakdown with Moscow bringing more revenue than its share of customers."""
    groups = [
        {"value": "Москва", "kind": "value", "customers": 140, "revenue": 4_000_000.0},
        {"value": "Казань", "kind": "value", "customers": 60, "revenue": 700_000.0},
        {"value": "Тула", "kind": "value", "customers": 30, "revenue": 300_000.0},
        {"value": None, "kind": "other", "customers": 50, "revenue": 500_000.0},
        {"value": None, "kind": "unknown", "customers": 20, "revenue": 100_000.0},
    ]
    return {"by": {"city": {"dimension": "city", "groups": groups}}}


def full_report_dict() -> dict[str, Any]:
    """A transactions report with every section the charts use."""
    n = 30
    total = [10 * (i + 1) for i in range(n)]
    active = [min(8 * (i + 1), 150) if i < 15 else max(150 - 8 * (i - 14), 40) for i in range(n)]
    return {
        "shape": "transactions",
        "data": {"currency": "RUB", "shape": "transactions"},
        "metrics": {"monthly": revenue_monthly([100_000.0 + 5_000 * i for i in range(n)], 0.7)},
        "lifecycle": {"monthly": lifecycle_monthly(total, active)},
        "rfm": {"segments": segments()},
        "cohorts": cohorts_section(),
        "breakdowns": breakdown_section(),
    }


@pytest.fixture
def full_report() -> dict[str, Any]:
    """A fresh :func:`full_report_dict` a test may change."""
    return full_report_dict()


@pytest.fixture
def customer_list_report() -> dict[str, Any]:
    """A customer-list report: no monthly data, no RFM, no cohorts, no revenue by group."""
    groups = [
        {"value": "Самара", "kind": "value", "customers": 8, "revenue": 0.0},
        {"value": "Москва", "kind": "value", "customers": 7, "revenue": 0.0},
        {"value": "", "kind": "value", "customers": 3, "revenue": 0.0},
    ]
    return {
        "shape": "customers",
        "data": {"currency": "RUB", "shape": "customers"},
        "metrics": {"monthly": []},
        "lifecycle": {"monthly": [], "base_growth": [{"month": "2022-03", "total_base": 2}]},
        "rfm": None,
        "cohorts": None,
        "breakdowns": {"by": {"city": {"dimension": "city", "groups": groups}}},
        "needs_transactions": ["monthly_metrics"],
    }
