"""The audit in two calls, shared by the CLI and the bot's workers.

``analyse(result)`` computes the base audit of ingest's clean table (either file shape);
``build_report(result, audit)`` assembles report.json: the ``data`` and ``quality``
sections, the base audit's sections, clusters and CLV for transaction files, and the
advice. ``base_report`` and ``complete_report`` are its two halves, for callers that draw
the base audit's charts while the rest is computed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from analytics.render import DRAWING_MODULES
from analytics.report.strict import finite

if TYPE_CHECKING:
    from analytics.describe.audit import BaseAudit, CustomerListAudit
    from analytics.ingest import IngestResult

AFTER_INGEST = (
    "analytics.describe.audit",
    "analytics.diagnose",
    "analytics.advice",
    "analytics.predict.clusters",
    "sklearn.cluster",
    "analytics.predict.clv_section",
    "analytics.render.customers_export",
    "analytics.report.data",
    "analytics.render.text.quality",
    "analytics.render.text.sections",
)
"""Modules the audit needs once the file is read; imported while ingest's child parses
(the drawing modules are imported by the drawing child meanwhile)."""


def preload(drawing: bool = False) -> None:
    """Import ``AFTER_INGEST`` (about a second, overlapped with parsing), and with
    ``drawing`` the chart and report modules too."""
    for name in AFTER_INGEST + (DRAWING_MODULES if drawing else ()):
        importlib.import_module(name)


def analyse(result: IngestResult) -> BaseAudit | CustomerListAudit:
    """The base audit of a clean table, for either file shape."""
    from analytics.describe.audit import run_audit_analytics, run_customer_list_analytics

    if result.shape == "transactions":
        return run_audit_analytics(result.table)
    return run_customer_list_analytics(result.table)


def build_report(result: IngestResult, audit: BaseAudit | CustomerListAudit,
                 margin: float | None = None) -> dict[str, Any]:
    """report.json: the data section, the quality report, the audit sections and, for
    transaction files, customer clusters (with at most 1,500 sampled 2-D points for the
    cluster chart) and BG/NBD + Gamma-Gamma CLV (per RFM segment, with a holdout check);
    ``margin`` (the gross margin's share, when the owner gave it) values steps in margin."""
    return complete_report(base_report(result, audit), audit, margin)


def base_report(result: IngestResult, audit: BaseAudit | CustomerListAudit) -> dict[str, Any]:
    """The data section, the quality report, the base audit's sections and, for
    transaction files, the diagnosis."""
    from analytics.describe.audit import BaseAudit
    from analytics.report.data import data_section, quality_section

    report = {"data": data_section(result), "quality": quality_section(result), **audit.to_dict()}
    if isinstance(audit, BaseAudit):
        report["diagnosis"] = diagnosis_section(audit, result.quality.customer_key_source)
    return report


def diagnosis_section(audit: BaseAudit, key_source: str | None = None) -> dict[str, Any]:
    """The ``diagnosis`` section of a transactions audit (``key_source``: the column the
    customer key came from)."""
    from analytics.diagnose import diagnose

    churn = {m.month: m.churn_rate for m in audit.lifecycle.monthly}
    return diagnose(
        audit.prepared, churn, audit.metrics.top20_revenue_share, key_source
    ).to_dict()


def complete_report(
    report: dict[str, Any], audit: BaseAudit | CustomerListAudit, margin: float | None = None
) -> dict[str, Any]:
    """``report`` with clusters and CLV (transaction files) and the advice sections added
    (valued in margin when ``margin`` is given); the sections already there stay as they
    are."""
    from analytics.advice import advise
    from analytics.describe.audit import BaseAudit
    from analytics.predict.clusters import run_clusters
    from analytics.predict.clv_section import clv_section

    if isinstance(audit, BaseAudit):
        report["clusters"] = run_clusters(audit.customers.frame).to_dict(include_labels=False)
        report["clv"] = clv_section(audit)
    report.update(advise(report, margin))
    report.update(finite(report))  # strict JSON: a NaN or Infinity would not be stored
    return report
