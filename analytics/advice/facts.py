"""Safe readers of an audit report dict (report.json), shared by the advice rules.

The advice works on the report dict, not on the analytic objects, so that it runs the same
on a fresh audit, on a report.json read back from disk (``--compare``) and on both file
shapes: a customer-list report simply lacks the monthly series, and every reader here
returns ``None`` or an empty list when a section or value is missing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

Report = Mapping[str, Any]
#: Evidence values: numbers, plus a few codes or names (a city, a month "2025-06").
Evidence = dict[str, float | int | str]

MONEY_KEYS = ("revenue", "aov", "check", "value", "peak_revenue")
"""Evidence and effect factors named so are money (printed in whole units)."""
SHARE_KEYS = ("share", "rate", "change", "retention", "conversion", "lift", "recovery", "kept",
              "margin")
"""Evidence and effect factors named so are 0..1 shares (printed as percentages)."""

YEAR_DAYS = 365


def num(mapping: Mapping[str, Any] | None, key: str) -> float | None:
    """``mapping[key]`` as a float, or ``None`` when missing, not a number, NaN or a bool."""
    if not isinstance(mapping, Mapping):
        return None
    value = mapping.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return None if math.isnan(value) else float(value)


def section(report: Mapping[str, Any] | None, key: str) -> Mapping[str, Any]:
    """A sub-mapping of ``report``, or an empty mapping."""
    value = report.get(key) if isinstance(report, Mapping) else None
    return value if isinstance(value, Mapping) else {}


def rows(value: Any) -> list[Mapping[str, Any]]:
    """The mappings of a list value (anything else gives an empty list)."""
    if not isinstance(value, list):
        return []
    return [x for x in value if isinstance(x, Mapping)]


def complete_months(report: Report, name: str) -> list[Mapping[str, Any]]:
    """``report[name]["monthly"]`` without a partial (unfinished) last month."""
    return [m for m in rows(section(report, name).get("monthly")) if not m.get("partial")]


def segments(report: Report) -> dict[str, Mapping[str, Any]]:
    """RFM segments by code (empty when the report has no RFM)."""
    return {str(s.get("code")): s for s in rows(section(report, "rfm").get("segments"))}


def currency(report: Report) -> str | None:
    """The report's currency code, if known."""
    value = section(report, "data").get("currency")
    return value if isinstance(value, str) else None


def period_days(report: Report) -> float | None:
    """Days covered by the data (first to last order date, inclusive)."""
    data = section(report, "data")
    try:
        start = date.fromisoformat(str(data.get("date_from"))[:10])
        end = date.fromisoformat(str(data.get("date_to"))[:10])
    except ValueError:
        return None
    return float((end - start).days + 1)


def total(months: Sequence[Mapping[str, Any]], key: str) -> float:
    """Sum of ``key`` over monthly rows (missing values count as zero)."""
    return sum(num(m, key) or 0.0 for m in months)


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator`` or ``None`` when either is missing or the divisor is 0."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def aov(report: Report) -> float | None:
    """Average order value over the whole period."""
    return num(section(report, "metrics"), "aov")


def per_year(orders: float, customers: float, days: float | None) -> float | None:
    """Orders per customer over 365 days, from ``orders`` made in ``days``."""
    if not customers or not days:
        return None
    return orders / customers * YEAR_DAYS / days


def new_per_year(report: Report, months: int = 12) -> float | None:
    """New customers per 12 months, from the mean of the last ``months`` complete months."""
    recent = complete_months(report, "lifecycle")[-months:]
    if not recent:
        return None
    return total(recent, "new") / len(recent) * 12


def rounded(value: float, digits: int = 4) -> float:
    """A float rounded for JSON (shares to 4 digits by default)."""
    return round(float(value), digits)
