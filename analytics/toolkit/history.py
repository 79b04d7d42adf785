"""What an audit's report.json tells the toolkit: one comparable period's money in unit-
economics terms, and how far each lever has really moved in the business's own history.

DOMAIN.md 2 filled from a sales file: buyers per month are the *new* customers of the
period (never the active ones, whose repeat purchases APC already counts), APC is purchases
per customer over the file, and the period's revenue splits into new and existing customers
(the revenue bridge of DIAGNOSIS.md 2). The period is the later of the diagnosis's two
comparable periods (twelve full months in a long file), pooled: never one month.

A lever's move from history is its level in the earlier comparable period against the later
one, when the earlier was better (DIAGNOSIS.md 2: back to its own level, pooled, not its
best month). Without leads in the file, new customers stand for UA x C1 together (moved as
UA); with leads, UA is leads and C1 the lead-to-payment conversion of closed lead months.
COGS and CPA are not in a sales export: they have no history.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class LeverHistory:
    """A lever's level in the earlier and the later comparable period.

    ``change`` is the share by which returning to the earlier level improves the lever
    (None when the earlier level was not better); ``basis`` names what was measured
    (``new_customers``, ``leads``, ``lead_conversion``, ``check``, ``orders_per_new``).
    """

    lever: str
    basis: str
    before: float
    after: float
    change: float | None
    before_from: str
    before_to: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


@dataclass(frozen=True)
class AuditPeriod:
    """One comparable period of the audit, per month, in unit-economics terms."""

    date_from: str
    date_to: str
    months: int
    revenue: float
    new_revenue: float
    existing_revenue: float
    new_customers: float
    orders: float
    apc: float

    @property
    def buyers_per_month(self) -> float:
        """New customers per month."""
        return self.new_customers / self.months

    @property
    def revenue_per_month(self) -> float:
        """The period's revenue per month."""
        return self.revenue / self.months

    @property
    def aov(self) -> float:
        """Revenue per order over the period."""
        return self.revenue / self.orders if self.orders else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, with the per-month figures."""
        return {**asdict(self), "buyers_per_month": self.buyers_per_month,
                "revenue_per_month": self.revenue_per_month, "aov": self.aov}


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _within(rows: Any, side: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The monthly rows (``{"month": "YYYY-MM", ...}``) inside one side's months."""
    start, end = str(side.get("from", "")), str(side.get("to", ""))
    if not isinstance(rows, list) or not start or not end:
        return []
    return [r for r in rows if isinstance(r, Mapping) and start <= str(r.get("month")) <= end]


def _side_orders(report: Mapping[str, Any], side: Mapping[str, Any]) -> float:
    """Orders of one side of the revenue bridge: counted in ``metrics.monthly`` over its
    months, else rebuilt from the bridge's (rounded) factors."""
    metrics = report.get("metrics")
    rows = _within(metrics.get("monthly") if isinstance(metrics, Mapping) else None, side)
    if rows and len(rows) == int(_num(side.get("months")) or 0):
        return sum(_num(m.get("orders")) or 0.0 for m in rows)
    parts = [_num(side.get(k)) or 0.0 for k in
             ("new_customers", "orders_per_new", "base", "retention", "frequency")]
    new, per_new, base, retention, frequency = parts
    return new * per_new + base * retention * frequency


def _bridge(report: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    diagnosis = report.get("diagnosis")
    if not isinstance(diagnosis, Mapping):
        return None
    bridge, periods = diagnosis.get("bridge"), diagnosis.get("periods")
    if not isinstance(bridge, Mapping) or not isinstance(periods, Mapping):
        return None
    before, after = bridge.get("before"), bridge.get("after")
    if not isinstance(before, Mapping) or not isinstance(after, Mapping):
        return None
    return ({**before, **dict(periods.get("before") or {})},
            {**after, **dict(periods.get("after") or {})})


def audit_period(report: Mapping[str, Any]) -> AuditPeriod | None:
    """The later comparable period of the audit's diagnosis, or None without one."""
    sides = _bridge(report)
    data = report.get("data")
    if sides is None or not isinstance(data, Mapping):
        return None
    _, after = sides
    months = int(_num(after.get("months")) or 0)
    revenue = _num(after.get("revenue")) or 0.0
    orders = _side_orders(report, after)
    customers, all_orders = _num(data.get("customers")), _num(data.get("orders"))
    if months <= 0 or revenue <= 0 or orders <= 0 or not customers or not all_orders:
        return None
    return AuditPeriod(
        date_from=str(after.get("from", "")), date_to=str(after.get("to", "")), months=months,
        revenue=revenue, new_revenue=_num(after.get("new_revenue")) or 0.0,
        existing_revenue=_num(after.get("base_revenue")) or 0.0,
        new_customers=_num(after.get("new_customers")) or 0.0, orders=orders,
        apc=all_orders / customers,
    )


def _move(lever: str, basis: str, before: float, after: float,
          side: Mapping[str, Any]) -> LeverHistory | None:
    if before <= 0 or after <= 0:
        return None
    change = before / after - 1 if before > after else None
    return LeverHistory(lever, basis, before, after, change, str(side.get("from", "")),
                        str(side.get("to", "")))


def _leads(report: Mapping[str, Any], side: Mapping[str, Any]) -> tuple[float, float] | None:
    """Leads per month and their pooled conversion over the closed lead months of a side."""
    diagnosis = report.get("diagnosis")
    acquisition = diagnosis.get("acquisition") if isinstance(diagnosis, Mapping) else None
    if not isinstance(acquisition, Mapping) or not acquisition.get("has_leads"):
        return None
    inside = _within(acquisition.get("leads"), side)
    closed = [r for r in inside if not r.get("open")]
    leads = sum(_num(r.get("leads")) or 0.0 for r in inside)
    closed_leads = sum(_num(r.get("leads")) or 0.0 for r in closed)
    converted = sum(_num(r.get("converted")) or 0.0 for r in closed)
    months = int(_num(side.get("months")) or 0)
    if not months or not closed_leads:
        return None
    return leads / months, converted / closed_leads


def lever_history(report: Mapping[str, Any]) -> dict[str, LeverHistory]:
    """Each lever's move back to its earlier comparable level (module docstring)."""
    sides = _bridge(report)
    if sides is None:
        return {}
    before, after = sides
    months_b, months_a = (int(_num(s.get("months")) or 0) for s in sides)
    if not months_b or not months_a:
        return {}
    moves: list[LeverHistory | None] = []
    leads_b, leads_a = _leads(report, before), _leads(report, after)
    if leads_b is not None and leads_a is not None:
        moves.append(_move("ua", "leads", leads_b[0], leads_a[0], before))
        moves.append(_move("c1", "lead_conversion", leads_b[1], leads_a[1], before))
    else:
        moves.append(_move("ua", "new_customers",
                           (_num(before.get("new_customers")) or 0.0) / months_b,
                           (_num(after.get("new_customers")) or 0.0) / months_a, before))
    orders_b, orders_a = _side_orders(report, before), _side_orders(report, after)
    if orders_b and orders_a:
        moves.append(_move("avg_price", "check", (_num(before.get("revenue")) or 0.0) / orders_b,
                           (_num(after.get("revenue")) or 0.0) / orders_a, before))
    moves.append(_move("apc", "orders_per_new", _num(before.get("orders_per_new")) or 0.0,
                       _num(after.get("orders_per_new")) or 0.0, before))
    return {m.lever: m for m in moves if m is not None}
