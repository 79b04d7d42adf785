"""Say what cannot be known (DIAGNOSIS.md 10): how much the data allows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

TOO_FEW_CUSTOMERS = 100
TOO_FEW_MONTHS = 6
THIN_CUSTOMERS = 300
THIN_MONTHS = 12
MIN_COHORT = 30
"""Cohorts under this many customers are not compared."""


@dataclass(frozen=True)
class Sufficiency:
    """``enough``, ``thin`` or ``too_little``, and what cannot be concluded."""

    level: str
    customers: int
    months: int
    cannot: tuple[str, ...]
    """Codes: ``money_estimates``, ``season``, ``year_on_year``, ``cohort_comparison``,
    ``costs_and_margin``, ``traffic``."""

    @property
    def money_allowed(self) -> bool:
        """Whether estimated effects in money may be given."""
        return self.level != "too_little"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"level": self.level, "customers": self.customers, "months": self.months,
                "cannot_conclude": list(self.cannot)}


def sufficiency(customers: int, months: int, largest_cohort: int, has_leads: bool) -> Sufficiency:
    """The level for ``customers`` over ``months`` full months (the largest monthly cohort
    has ``largest_cohort`` customers)."""
    if customers < TOO_FEW_CUSTOMERS or months < TOO_FEW_MONTHS:
        level = "too_little"
    elif customers < THIN_CUSTOMERS or months < THIN_MONTHS:
        level = "thin"
    else:
        level = "enough"
    cannot = []
    if level == "too_little":
        cannot.append("money_estimates")
    if months < 24:
        cannot.append("year_on_year")
    if months < 36:
        cannot.append("season")
    if largest_cohort < MIN_COHORT:
        cannot.append("cohort_comparison")
    cannot.append("costs_and_margin")
    if not has_leads:
        cannot.append("traffic")
    return Sufficiency(level, customers, months, tuple(cannot))
