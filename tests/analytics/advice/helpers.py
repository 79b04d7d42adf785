"""Small, hand-built shops: customers join monthly and buy on a schedule we choose.

``shop(...)`` returns an orders table (the ingest contract shape, via the audit tests'
``make_orders``); ``report(orders, **quality)`` runs the analytic core and wraps its
sections with ``data`` and ``quality`` the way the CLI does, so the advice sees exactly
what it sees in report.json.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import pandas as pd

from analytics.advice import advise
from analytics.describe.audit import run_audit_analytics
from analytics.report.build import diagnosis_section
from tests.analytics.describe.conftest import make_orders

START = date(2023, 1, 1)

#: (joined month index, customer number in that month) -> ascending months with a purchase
Schedule = Callable[[int, int], Iterable[int]]
FOREVER = 100
Amount = Callable[[int, int, int], float]


def month_day(index: int, day: int = 10) -> str:
    """The ``day`` of month ``index`` counted from January 2023, ISO."""
    year, month = divmod(START.month - 1 + index, 12)
    return f"{START.year + year}-{month + 1:02d}-{day:02d}"


def monthly(life: int | None) -> Schedule:
    """Buy every month from joining for ``life`` months (``None``: until the end)."""
    return lambda joined, _: range(joined, joined + (life or FOREVER))


def shop(
    months: int = 24,
    new: int = 12,
    schedule: Schedule | None = None,
    amount: Amount | None = None,
    channel: Callable[[int, int], str] | None = None,
) -> pd.DataFrame:
    """Orders of a shop open for ``months`` months where ``new`` customers join each month."""
    schedule = schedule or monthly(None)
    records: list[tuple[Any, ...]] = []
    channels: list[str] = []
    for joined in range(months):
        for n in range(new):
            key = f"c{joined:02d}-{n:02d}"
            for m in schedule(joined, n):
                if m >= months:
                    break
                value = amount(m, joined, n) if amount else 1000.0
                records.append((key, month_day(m, 5 + n % 20), value))
                channels.append(channel(joined, n) if channel else "organic")
    return make_orders(records, channel=channels)


def report(orders: pd.DataFrame, *, with_clv: bool = False, margin: float | None = None,
           **quality: Any) -> dict[str, Any]:
    """report.json as the CLI builds it (no clusters; CLV ``with_clv``), with advice
    sections added (valued in ``margin`` when given)."""
    audit = run_audit_analytics(orders)
    sections = {**audit.to_dict(), "diagnosis": diagnosis_section(audit)}
    if with_clv:
        from analytics.predict.clv_section import clv_section

        sections["clv"] = clv_section(audit, holdout=False)
    metrics = sections["metrics"]
    data = {key: metrics[key] for key in ("customers", "orders", "revenue", "date_from",
                                           "date_to")}
    data.update(shape="transactions", currency="RUB", rows_read=len(orders),
                rows_used=len(orders), rows_dropped={})
    base = {"stale_customers": 0, "stale_share": 0.0, "stale_months": 12,
            "duplicate_customers": 0, "duplicate_rows": 0, "invalid_emails": 0,
            "invalid_phones": 0, "missing_contacts": 0,
            "source": {"file_name": "shop.csv"}}
    base.update(quality)
    out: dict[str, Any] = {"data": data, "quality": base, **sections}
    out.update(advise(out, margin))
    return out


def codes(rep: dict[str, Any]) -> list[str]:
    """Finding codes of a report, in rank order."""
    return [f["code"] for f in rep["findings"]]
