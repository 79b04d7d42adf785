"""The ``data`` and ``quality`` sections of report.json, from an ingest result."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from analytics.ingest.model import IngestResult


def data_section(result: IngestResult) -> dict[str, Any]:
    """The stable ``data`` section: rows, customers, orders, revenue, currency, period."""
    q = result.quality
    return {
        "shape": result.shape,
        "rows_read": q.rows_read,
        "rows_used": q.rows_used,
        "rows_dropped": dict(sorted(q.rows_dropped.items())),
        "customers": q.customers,
        "leads": q.leads,
        "lead_rows": q.lead_rows,
        "orders": q.orders,
        "revenue": q.revenue,
        "currency": q.currency,
        "date_from": q.date_from,
        "date_to": q.date_to,
        "customer_key": q.customer_key_source,
    }


def quality_section(result: IngestResult) -> dict[str, Any]:
    """Everything ingest doubted and counted, plus how the file was read and mapped."""
    quality = asdict(result.quality)
    for key in (
        "rows_read",
        "rows_used",
        "rows_dropped",
        "customers",
        "leads",
        "lead_rows",
        "orders",
        "revenue",
        "currency",
        "date_from",
        "date_to",
        "customer_key_source",
    ):
        quality.pop(key)
    return {
        **quality,
        "source": asdict(result.source),
        "columns": {
            role.value: {
                "column": m.column,
                "confidence": m.confidence,
                "alternatives": list(m.alternatives),
                "explicit": m.explicit,
                **({"extra": list(m.extra)} if m.extra else {}),
            }
            for role, m in result.mapping.items()
        },
        "unsure": [r.value for r in result.unsure_roles],
    }
