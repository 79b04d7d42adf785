"""The work the bot hands to worker processes (see :mod:`bot.worker`).

Each job is a module-level function ``job(progress, *args)`` so that it can be pickled to
a worker; results are plain data (dicts, bytes, tuples) so that they cross the process
boundary cheaply. Nothing here touches Telegram or the database.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from analytics.ingest import (
    MISSING_ROLE,
    NO_COLUMN,
    Choices,
    Decision,
    IngestError,
    IngestResult,
    Limits,
    Role,
    ingest_file,
)
from analytics.render.charts import render_charts
from analytics.render.customers_export import customers_xlsx
from analytics.render.report_pdf import audit_pdf
from analytics.render.text.kit import chart_caption
from analytics.report.build import analyse, build_report, preload
from bot.job_types import AuditOutcome, AuditRequest, ColumnQuestion, NeedsColumns
from bot.worker import JobFailed

Progress = Callable[[str], None]

#: Per-customer columns holding dates (stored as ISO text, parsed back for exports).
DATE_COLUMNS = ("first_purchase", "last_purchase", "registration_date", "last_activity")


def audit_job(progress: Progress, request: AuditRequest) -> AuditOutcome | NeedsColumns:
    """Read, clean and audit the file; with ``ask_unsure`` stop after reading when
    detection was unsure of a key column and return the questions instead."""
    progress("reading")
    mapping, lang, chosen = request.mapping, request.lang, request.choices
    try:
        explicit = {Role(role): column for role, column in mapping.items()}
        if chosen.get("status") == "ignore":
            explicit[Role.STATUS] = NO_COLUMN
        choices = Choices(chosen.get("duplicates") == "keep", chosen.get("amount_source"))
        result = ingest_file(Path(request.path), mapping=explicit,
                             limits=Limits.from_env(request.max_mb), choices=choices)
    except IngestError as exc:
        role = MISSING_ROLE.get(exc.code)
        if role and exc.headers and role not in mapping:
            # detection found no such column: the user may point to it among the headers
            # (asked once per role, also after earlier answers: one may reveal the next)
            return NeedsColumns((ColumnQuestion(role, "", exc.headers),))
        raise JobFailed(f"ingest-error-{exc.code}", **exc.params) from exc
    unsure = [r for r in result.unsure_roles if r.value not in mapping]
    doubts = [d for d in result.quality.decisions if not d.sure and d.topic not in chosen]
    if request.ask_unsure and (unsure or doubts):
        columns = [_question(result.mapping[r], result.source.columns) for r in unsure]
        return NeedsColumns(tuple(columns + [_choice(d, result) for d in doubts]))
    progress("analysing")
    audit = analyse(result)
    report = build_report(result, audit, request.margin)
    progress("charts")
    charts = render_charts(report, lang)
    progress("saving")
    used = {role.value: match.column for role, match in result.mapping.items()}
    return AuditOutcome(report, charts, customer_rows(audit.customers_frame()), used,
                        result.quality.rows_read, len(result.source.columns))


def _question(match: Any, columns: Sequence[str]) -> ColumnQuestion:
    options = [match.column, *match.alternatives]
    options += [c for c in columns if c not in options]
    return ColumnQuestion(match.role.value, match.column, tuple(options))


def _choice(decision: Decision, result: IngestResult) -> ColumnQuestion:
    """An unsure ingest decision as a question with its options' codes."""
    amount = result.mapping.get(Role.AMOUNT)
    detail = {
        "column": str(decision.evidence.get("column") or (amount.column if amount else "")),
        "rows": str(decision.evidence.get("rows", "")),
    }
    return ColumnQuestion(decision.topic, decision.chosen,
                          (decision.chosen, *decision.alternatives), "choice", detail)


def customer_rows(frame: pd.DataFrame) -> bytes:
    """The per-customer frame as JSON lines ``[key, segment, data]`` for storage."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    records = out.astype(object).where(out.notna(), None).to_dict("records")
    segment = "rfm_segment" if "rfm_segment" in out else None
    lines = (
        json.dumps([str(rec["customer_key"]), rec.get(segment) if segment else None,
                    {str(k): _plain(v) for k, v in rec.items() if v is not None}],
                   ensure_ascii=False, allow_nan=False)
        for rec in records
    )
    return "\n".join(lines).encode()


def _plain(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value.item() if hasattr(value, "item") else value


def customers_frame(rows: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Stored per-customer rows back into the frame the exports expect."""
    frame = pd.DataFrame.from_records(list(rows))
    for column in DATE_COLUMNS:
        if column in frame:
            frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d", errors="coerce")
    return frame


def customers_xlsx_job(progress: Progress, rows: list[dict[str, Any]], lang: str) -> bytes:
    """customers.xlsx from stored per-customer rows."""
    progress("export")
    return customers_xlsx(customers_frame(rows), lang)


def report_pdf_job(progress: Progress, report: dict[str, Any], lang: str) -> bytes:
    """The one-file PDF report (charts re-drawn from the stored report)."""
    progress("export")
    return audit_pdf(report, render_charts(report, lang), lang)


def brief_job(progress: Progress, data: dict[str, Any], report: dict[str, Any] | None,
              lang: str) -> tuple[bytes, list[str]] | list[str]:
    """The intake brief as (PDF, chat messages), or the messages saying what is missing."""
    from analytics.render.chat import render_chat
    from analytics.render.document import render_pdf
    from analytics.toolkit.brief import build_brief
    from bot.dialogs.toolkit_data import toolkit_result

    progress("export")
    result = toolkit_result(data, lang, report)
    if isinstance(result, str):
        return [result]
    drawn = render_charts(report, lang, limit=2) if report else {}
    charts = [(chart_caption(name, lang), png) for name, png in drawn.items()]
    doc = build_brief(result, lang, audit_charts=charts)
    return render_pdf(doc), render_chat(doc)


def warm_up() -> None:
    """Import what audits use and draw one small chart, so modules, fonts and text layout
    caches are loaded once in the forkserver (every job forked from it starts warm)."""
    import io

    preload(drawing=True)

    from matplotlib.figure import Figure

    from analytics.render.charts import style

    figure = Figure(figsize=(3, 2), dpi=style.DPI)
    axes = figure.add_subplot()
    axes.plot([0, 1], [0, 1])
    axes.set_title("Выручка по месяцам: revenue 1 234 567 ₽", fontweight="bold")
    axes.set_xlabel("Клиенты, customers")
    figure.savefig(io.BytesIO(), format="png")


warm_up()
