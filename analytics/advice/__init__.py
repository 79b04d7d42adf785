"""Findings, recommendations, playbooks and the comparison with a previous audit.

Pure functions over the audit report dict, returning codes and numbers (texts live in
``locales/<lang>/advice.ftl``)::

    sections = advise(report)            # {"findings": [...], "recommendations": [...],
    report.update(sections)              #  "playbooks": [...]}
    report["comparison"] = compare(old_report, report).to_dict()

Rules and the money arithmetic: docs/advice.md.
"""

from __future__ import annotations

from typing import Any

from analytics.advice.compare import CompareError, Comparison, compare, load_report
from analytics.advice.facts import Report
from analytics.advice.findings import Finding, find
from analytics.advice.money import terms
from analytics.advice.plan import choose, plan_section
from analytics.advice.playbooks import playbooks
from analytics.advice.recommendations import Recommendation, recommend

__all__ = [
    "CompareError",
    "Comparison",
    "Finding",
    "Recommendation",
    "advise",
    "compare",
    "find",
    "load_report",
    "playbooks",
    "recommend",
]


def advise(report: Report, margin: float | None = None) -> dict[str, Any]:
    """The ``findings``, ``recommendations``, ``plan``, ``money`` and ``playbooks`` sections
    for ``report``; ``margin`` (the gross margin's share of revenue, from the owner's unit
    economics) puts every money figure on the margin basis."""
    findings = find(report)
    money = terms(report, margin)
    recommendations = choose(recommend(report, findings, money))
    return {
        "findings": [f.to_dict(rank) for rank, f in enumerate(findings, start=1)],
        "recommendations": [r.to_dict(rank) for rank, r in enumerate(recommendations, start=1)],
        "plan": plan_section(recommendations, money),
        "money": money.to_dict(),
        "playbooks": playbooks(report),
    }
