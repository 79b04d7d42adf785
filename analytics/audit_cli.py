"""``python -m analytics audit FILE``: the offline audit, written to files or stdout."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from analytics.audit import (
    BaseAudit,
    CustomerListAudit,
    run_audit_analytics,
    run_customer_list_analytics,
)
from analytics.i18n import t
from analytics.ingest import IngestError, IngestResult, Limits, ingest_file, parse_mapping
from analytics.report.data import data_section, quality_section
from analytics.report.quality_text import quality_lines


def analyse(result: IngestResult) -> BaseAudit | CustomerListAudit:
    """The base audit of a clean table, for either file shape."""
    if result.shape == "transactions":
        return run_audit_analytics(result.table)
    return run_customer_list_analytics(result.table)


def build_report(result: IngestResult, audit: BaseAudit | CustomerListAudit) -> dict[str, Any]:
    """report.json: the data section, the quality report and the audit sections."""
    return {"data": data_section(result), "quality": quality_section(result), **audit.to_dict()}


def run(
    file: Path,
    *,
    out: Path | None,
    lang: str,
    as_json: bool,
    mapping: list[str],
    max_mb: float | None = None,
) -> int:
    """Audit ``file``; exit code 0, or 2 with one clear line on stderr for bad input."""
    try:
        if not file.is_file():
            raise IngestError("not-found", path=str(file))
        result = ingest_file(file, mapping=parse_mapping(mapping), limits=Limits.from_env(max_mb))
    except IngestError as exc:
        print(t(lang, f"ingest-error-{exc.code}", **exc.params), file=sys.stderr)
        return 2
    audit = analyse(result)
    report = build_report(result, audit)
    summary = "\n".join(quality_lines(result, lang))
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "report.json").write_text(_json(report), encoding="utf-8")
        (out / "summary.txt").write_text(summary + "\n", encoding="utf-8")
    if as_json:
        print(_json(report))
    else:
        print(summary)
    return 0


def _json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2, default=str)
