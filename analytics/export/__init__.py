"""Audit exports: the customers table (CSV, XLSX) and the one-file report (PDF, HTML).

* :func:`customers_table`, :func:`customers_csv`, :func:`customers_xlsx`,
  :func:`customers_exports` (CSV and XLSX, columns read once) (``customers.py``)
* :func:`audit_document`, :func:`audit_pdf`, :func:`audit_html` (``report_pdf.py``)
"""

from __future__ import annotations

from analytics.export.customers import (
    customers_csv,
    customers_exports,
    customers_table,
    customers_xlsx,
)
from analytics.export.report_pdf import audit_document, audit_html, audit_pdf

__all__ = [
    "audit_document",
    "audit_html",
    "audit_pdf",
    "customers_csv",
    "customers_exports",
    "customers_table",
    "customers_xlsx",
]
