"""``python -m analytics audit FILE``: the offline audit, written to files or stdout."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from analytics.i18n import t
from analytics.ingest import IngestError, IngestResult, Limits, ingest_file, parse_mapping
from analytics.report.data import data_section, quality_section
from analytics.report.quality_text import quality_lines


def build_report(result: IngestResult) -> dict[str, Any]:
    """report.json for an ingest result (later stages add their sections)."""
    return {"data": data_section(result), "quality": quality_section(result)}


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
    report = build_report(result)
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
