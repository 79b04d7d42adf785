"""The analytic core of the base audit in one call, sharing the per-customer table.

``run_audit_analytics(orders)`` for transactions files and
``run_customer_list_analytics(customers)`` for customer-list files. Both are pure: the same
input and ``as_of`` give the same result. ``as_of`` (exclusive reference day) defaults to
the day after the last order date in the data (for lists: the latest date column), so that
recency is measured from the end of the data, not from the day the audit runs.

``to_dict()`` gives the report sections: ``metrics``, ``lifecycle``, ``rfm``, ``cohorts``,
``breakdowns`` and ``customers`` (a summary of the per-customer table), plus ``shape``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from analytics.describe.breakdowns import Breakdowns, compute_breakdowns
from analytics.describe.cohorts import Cohorts, compute_cohorts
from analytics.describe.customers import (
    CustomerTable,
    PreparedOrders,
    customer_table_from_list,
    prepare_orders,
)
from analytics.describe.history import History, compute_history
from analytics.describe.lifecycle import Lifecycle, compute_lifecycle, compute_list_lifecycle
from analytics.describe.metrics import (
    GrowthMetrics,
    ListMetrics,
    compute_growth_metrics,
    compute_list_metrics,
)
from analytics.describe.rfm import RfmResult, compute_rfm

#: What a customer-list file cannot give; the report lists these codes so the user knows
#: that a transactions (orders) file is needed for them.
NEEDS_TRANSACTIONS: tuple[str, ...] = (
    "monthly_metrics",
    "monthly_active_base",
    "monthly_churn",
    "cohort_retention",
    "cohort_revenue",
    "ltv_curve",
    "new_vs_returning_revenue",
    "items_per_order",
    "category_revenue_by_order",
    "churn_window_from_intervals",
)


def with_rfm(customers: pd.DataFrame, rfm: RfmResult | None) -> pd.DataFrame:
    """A copy of the per-customer table with the R, F, M scores and segment codes added
    (unchanged when RFM could not be computed)."""
    frame = customers.copy()
    if rfm is not None:
        frame["r"] = rfm.r
        frame["f"] = rfm.f
        frame["m"] = rfm.m
        frame["rfm_segment"] = rfm.segment_labels().to_numpy()
    return frame


@dataclass(frozen=True, eq=False)
class BaseAudit:
    """Everything the analytic core computes from a transactions file."""

    as_of: date
    prepared: PreparedOrders
    metrics: GrowthMetrics
    lifecycle: Lifecycle
    rfm: RfmResult
    cohorts: Cohorts
    breakdowns: Breakdowns
    history: History

    @property
    def customers(self) -> CustomerTable:
        """The per-customer table (shared by RFM, clusters, CLV and exports)."""
        return self.prepared.customers

    def customers_frame(self) -> pd.DataFrame:
        """The per-customer table with RFM scores and segment codes, for exports."""
        return with_rfm(self.customers.frame, self.rfm)

    def to_dict(self) -> dict[str, Any]:
        """Report sections, JSON-ready."""
        return {
            "shape": "transactions",
            "as_of": self.as_of.isoformat(),
            "customers": self.customers.to_dict(),
            "metrics": self.metrics.to_dict(),
            "lifecycle": self.lifecycle.to_dict(),
            "rfm": self.rfm.to_dict(),
            "cohorts": self.cohorts.to_dict(),
            "breakdowns": self.breakdowns.to_dict(),
            "history": self.history.to_dict(),
            "needs_transactions": [],
        }


@dataclass(frozen=True, eq=False)
class CustomerListAudit:
    """What a customer-list file allows; ``needs_transactions`` names what it cannot give.

    ``rfm`` is ``None`` when the list lacks one of last purchase, orders count, total spent
    (``rfm_missing`` names them).
    """

    as_of: date
    customers: CustomerTable
    metrics: ListMetrics
    lifecycle: Lifecycle
    rfm: RfmResult | None
    rfm_missing: tuple[str, ...]
    breakdowns: Breakdowns
    needs_transactions: tuple[str, ...] = NEEDS_TRANSACTIONS

    def customers_frame(self) -> pd.DataFrame:
        """The per-customer table with RFM scores and segment codes when computed."""
        return with_rfm(self.customers.frame, self.rfm)

    def to_dict(self) -> dict[str, Any]:
        """Report sections, JSON-ready; ``cohorts`` is ``None`` (needs transactions)."""
        rfm = self.rfm.to_dict() if self.rfm is not None else None
        return {
            "shape": "customers",
            "as_of": self.as_of.isoformat(),
            "customers": self.customers.to_dict(),
            "metrics": self.metrics.to_dict(),
            "lifecycle": self.lifecycle.to_dict(),
            "rfm": rfm,
            "rfm_missing": list(self.rfm_missing),
            "cohorts": None,
            "breakdowns": self.breakdowns.to_dict(),
            "needs_transactions": list(self.needs_transactions),
        }


def run_audit_analytics(orders: pd.DataFrame, as_of: date | None = None) -> BaseAudit:
    """Growth metrics, lifecycle, RFM, cohorts, breakdowns and the rates observed in the
    base's history of an orders table, at once."""
    prepared = prepare_orders(orders, as_of)
    rfm = compute_rfm(prepared.customers)
    lifecycle = compute_lifecycle(orders, prepared=prepared)
    labels = rfm.segment_labels()
    return BaseAudit(
        as_of=prepared.as_of,
        prepared=prepared,
        metrics=compute_growth_metrics(orders, prepared=prepared),
        lifecycle=lifecycle,
        rfm=rfm,
        cohorts=compute_cohorts(orders, prepared=prepared),
        breakdowns=compute_breakdowns(prepared.customers, prepared, segments=labels),
        history=compute_history(prepared, lifecycle.window.days, labels.to_numpy()),
    )


RFM_COLUMNS = {
    "last_purchase": "last_purchase",
    "orders_count": "frequency",
    "total_spent": "monetary",
}


def run_customer_list_analytics(
    customers: pd.DataFrame, as_of: date | None = None
) -> CustomerListAudit:
    """Everything a customer-list file's aggregates allow (see :data:`NEEDS_TRANSACTIONS`)."""
    table = customer_table_from_list(customers, as_of)
    frame = table.frame
    missing = tuple(
        src for src, col in RFM_COLUMNS.items() if col not in frame or frame[col].isna().all()
    )
    rfm = compute_rfm(table) if not missing else None
    return CustomerListAudit(
        as_of=table.as_of,
        customers=table,
        metrics=compute_list_metrics(table),
        lifecycle=compute_list_lifecycle(table),
        rfm=rfm,
        rfm_missing=missing,
        breakdowns=compute_breakdowns(
            table, None, segments=rfm.segment_labels() if rfm is not None else None
        ),
    )
