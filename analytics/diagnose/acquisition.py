"""Acquisition is a finding too (DIAGNOSIS.md 5): new customers per month, and with leads
in the file (zero-amount rows) the conversion from lead to first payment by lead month."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analytics.describe.customers import PreparedOrders, days_to_months, month_label, rnd, to_day
from analytics.diagnose.series import Monthly

CONVERSION_DAYS = 90
"""A lead converts when the first payment comes within this many days; lead months whose
window has not closed by ``as_of`` are marked open and left out of the pooled rate."""
STOPPED_SHARE = 0.01
"""Acquisition has stopped when the last 6 full months brought fewer new customers than this
share of the base at their start."""


@dataclass(frozen=True)
class LeadMonth:
    """People whose first lead fell in ``month`` and how many paid within the window."""

    month: int
    leads: int
    converted: int
    open: bool

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"month": month_label(self.month), "leads": self.leads,
                "converted": self.converted,
                "conversion": rnd(self.converted / self.leads, 4) if self.leads else None,
                "open": self.open}


@dataclass(frozen=True)
class Acquisition:
    """New customers (and leads) over time."""

    new_last_6: int
    base_before_last_6: int
    new_share_of_revenue: float | None
    """Share of the last 12 full months' revenue from customers acquired in them."""
    status: str
    """``stopped``, ``acquiring`` or ``unknown`` (under 6 full months)."""
    leads: tuple[LeadMonth, ...]

    @property
    def has_leads(self) -> bool:
        """Whether the file holds leads (zero-amount rows)."""
        return bool(self.leads)

    @property
    def conversion(self) -> float | None:
        """Lead-to-first-payment conversion pooled over closed lead months."""
        closed = [m for m in self.leads if not m.open]
        total = sum(m.leads for m in closed)
        return sum(m.converted for m in closed) / total if total else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"status": self.status, "new_last_6_months": self.new_last_6,
                "base_before": self.base_before_last_6,
                "new_share_of_revenue": rnd(self.new_share_of_revenue, 4),
                "has_leads": self.has_leads, "lead_conversion": rnd(self.conversion, 4),
                "conversion_days": CONVERSION_DAYS,
                "leads": [m.to_dict() for m in self.leads]}


def acquisition(prepared: PreparedOrders, series: Monthly) -> Acquisition:
    """New customers of the last 6 full months against the base, and the leads."""
    if series.months < 6:
        status, new, base = "unknown", int(series.new.sum()), 0
    else:
        new, base = int(series.new[-6:].sum()), int(series.base[-6])
        status = "stopped" if base and new < STOPPED_SHARE * base else "acquiring"
    year = slice(max(0, series.months - 12), series.months)
    revenue = float(series.revenue[year].sum())
    recent = prepared.first_month[prepared.cust] >= series.first + year.start
    in_year = (prepared.month >= series.first + year.start) & (prepared.month <= series.last)
    new_revenue = float(prepared.amount[recent & in_year].sum())
    share = new_revenue / revenue if revenue > 0 else None
    return Acquisition(new, base, share, status, lead_months(prepared))


def lead_months(prepared: PreparedOrders) -> tuple[LeadMonth, ...]:
    """Leads by the month of each person's first lead: people whose first lead came before
    any payment (or who never paid), and those of them who paid within the window."""
    orders = prepared.orders
    lead_rows = orders[orders["status"] == "lead"]
    if lead_rows.empty:
        return ()
    dates = pd.to_datetime(lead_rows["order_date"], errors="coerce")
    first_lead = dates.groupby(lead_rows["customer_key"].to_numpy()).min().dropna()
    frame = prepared.customers.frame
    first_paid = pd.Series(
        frame["first_purchase"].to_numpy(), index=frame["customer_key"].to_numpy()
    )
    paid = first_paid.reindex(first_lead.index)
    lead_day = ((first_lead - pd.Timestamp("1970-01-01")).dt.days).to_numpy(dtype=np.int64)
    paid_day = ((paid - pd.Timestamp("1970-01-01")).dt.days).to_numpy(dtype=np.float64)
    fresh = ~(paid_day < lead_day)  # NaN (never paid) counts as a fresh lead
    lead_day, paid_day = lead_day[fresh], paid_day[fresh]
    month = days_to_months(lead_day.astype(np.int64))
    converted = paid_day - lead_day <= CONVERSION_DAYS
    as_of = to_day(prepared.as_of)
    out = []
    for m in np.unique(month):
        inside = month == m
        last_day = int(lead_day[inside].max())
        out.append(LeadMonth(int(m), int(inside.sum()), int(converted[inside].sum()),
                             open=last_day + CONVERSION_DAYS >= as_of))
    return tuple(out)
