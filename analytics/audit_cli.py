"""``python -m analytics audit FILE``: the offline audit, written to files or stdout."""

from __future__ import annotations

import importlib
import json
import multiprocessing
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analytics.i18n import t
from analytics.ingest import IngestError, IngestResult, Limits, ingest_file, parse_mapping

if TYPE_CHECKING:
    from analytics.audit import BaseAudit, CustomerListAudit

AFTER_INGEST = (
    "analytics.audit",
    "analytics.advice",
    "analytics.clusters",
    "sklearn.cluster",
    "analytics.clv_report",
    "analytics.charts",
    "analytics.export.customers",
    "analytics.export.report_pdf",
    "analytics.report.data",
    "analytics.report.quality_text",
    "analytics.report.text",
)
"""Modules the audit needs once the file is read; imported while ingest's child parses."""


def preload() -> None:
    """Import ``AFTER_INGEST`` (about 1.5 s of imports, overlapped with parsing)."""
    for name in AFTER_INGEST:
        importlib.import_module(name)


def analyse(result: IngestResult) -> BaseAudit | CustomerListAudit:
    """The base audit of a clean table, for either file shape."""
    from analytics.audit import run_audit_analytics, run_customer_list_analytics

    if result.shape == "transactions":
        return run_audit_analytics(result.table)
    return run_customer_list_analytics(result.table)


def build_report(result: IngestResult, audit: BaseAudit | CustomerListAudit) -> dict[str, Any]:
    """report.json: the data section, the quality report, the audit sections and, for
    transaction files, customer clusters (with at most 1,500 sampled 2-D points for the
    cluster chart) and BG/NBD + Gamma-Gamma CLV (per RFM segment, with a holdout check)."""
    from analytics.advice import advise
    from analytics.audit import BaseAudit
    from analytics.clusters import run_clusters
    from analytics.clv_report import clv_section
    from analytics.report.data import data_section, quality_section

    report = {"data": data_section(result), "quality": quality_section(result), **audit.to_dict()}
    if isinstance(audit, BaseAudit):
        report["clusters"] = run_clusters(audit.customers.frame).to_dict(include_labels=False)
        report["clv"] = clv_section(audit)
    report.update(advise(report))
    return report


def run(
    file: Path,
    *,
    out: Path | None,
    lang: str,
    as_json: bool,
    mapping: list[str],
    max_mb: float | None = None,
    timings: bool = False,
    previous: Path | None = None,
) -> int:
    """Audit ``file``; exit code 0, or 2 with one clear line on stderr for bad input.

    ``previous`` is an earlier report.json of the same business: the report then gains a
    ``comparison`` section (a missing or broken file is bad input too).

    With ``out`` it writes report.json, summary.txt, charts/*.png, customers.xlsx,
    customers.csv, report.pdf and report.html; ``timings`` prints stage times to stderr.
    """
    from analytics.advice import CompareError, compare, load_report

    clock = StageClock()
    try:
        if not file.is_file():
            raise IngestError("not-found", path=str(file))
        old = load_report(previous) if previous is not None else None
        with clock("ingest"):
            result = ingest_file(
                file,
                mapping=parse_mapping(mapping),
                limits=Limits.from_env(max_mb),
                while_waiting=preload,
            )
    except IngestError as exc:
        print(t(lang, f"ingest-error-{exc.code}", **exc.params), file=sys.stderr)
        return 2
    except CompareError as exc:
        print(t(lang, f"advice-compare-error-{exc.code}", **exc.params), file=sys.stderr)
        return 2
    with clock("analytics"):
        audit = analyse(result)
        report = build_report(result, audit)
        if old is not None:
            report["comparison"] = compare(old, report).to_dict()
    from analytics.report.quality_text import quality_lines
    from analytics.report.text import cli_summary

    summary = cli_summary(report, lang, quality_lines(result, lang))
    if out is not None:
        write_outputs(out, result, audit, report, summary, lang, clock)
    if as_json:
        print(_json(report))
    else:
        print(summary)
    if timings:
        print(clock.render(), file=sys.stderr)
    return 0


def write_outputs(  # noqa: PLR0917 - one call site, each artefact's inputs
    out: Path,
    result: IngestResult,
    audit: BaseAudit | CustomerListAudit,
    report: dict[str, Any],
    summary: str,
    lang: str,
    clock: StageClock,
) -> None:
    """Write every artefact of the offline audit into ``out``.

    The charts and the PDF/HTML report are drawn in a forked child while this process
    writes the customer exports (two cores, about half the wall time); if the child fails,
    they are drawn here.
    """
    from analytics.export.customers import customers_csv, customers_xlsx

    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(_json(report), encoding="utf-8")
    (out / "summary.txt").write_text(summary + "\n", encoding="utf-8")
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    drawing = context.Process(target=_draw_in_child, args=(send, out, report, lang), daemon=True)
    sys.stdout.flush()  # the child flushes its copy of any buffered output when it ends
    sys.stderr.flush()
    drawing.start()
    send.close()
    with clock("exports"):
        customers = audit.customers_frame()
        (out / "customers.csv").write_bytes(customers_csv(customers, lang))
        (out / "customers.xlsx").write_bytes(customers_xlsx(customers, lang))
    with clock("waiting for charts and report"):
        try:
            stages = receive.recv()
        except EOFError:  # the child died without a word
            stages = None
    drawing.join()
    if drawing.exitcode != 0 or not isinstance(stages, dict):
        stages = draw(out, report, lang)
    for stage, seconds in stages.items():
        clock.stages[f"{stage} (parallel)"] = seconds


def _draw_in_child(send: Connection, out: Path, report: dict[str, Any], lang: str) -> None:
    try:
        send.send(draw(out, report, lang))
    except BaseException:  # the parent draws again and reports any error itself
        send.send(None)
    finally:
        send.close()


def draw(out: Path, report: dict[str, Any], lang: str) -> dict[str, float]:
    """Write charts/*.png, report.pdf and report.html; seconds per stage."""
    from analytics.charts import render_charts
    from analytics.export.report_pdf import audit_html, audit_pdf

    clock = StageClock()
    with clock("charts"):
        charts = render_charts(report, lang)
        (out / "charts").mkdir(exist_ok=True)
        for name, png in charts.items():
            (out / "charts" / f"{name}.png").write_bytes(png)
    with clock("report"):
        (out / "report.pdf").write_bytes(audit_pdf(report, charts, lang))
        (out / "report.html").write_text(audit_html(report, charts, lang), encoding="utf-8")
    return clock.stages


class StageClock:
    """Wall time per stage of the audit, for ``--timings``."""

    def __init__(self) -> None:
        self.stages: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages[stage] = self.stages.get(stage, 0.0) + time.perf_counter() - start

    def render(self) -> str:
        """One line: each stage's seconds, the total of this process's stages, and the
        stages that ran alongside them in a child ("(parallel)")."""
        serial = {k: v for k, v in self.stages.items() if not k.endswith("(parallel)")}
        side = {k: v for k, v in self.stages.items() if k.endswith("(parallel)")}
        line = "timings: " + ", ".join(f"{k} {v:.2f}s" for k, v in serial.items())
        line += f"; total {sum(serial.values()):.2f}s"
        if side:
            line += "; alongside: " + ", ".join(f"{k} {v:.2f}s" for k, v in side.items())
        return line


def _json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2, default=str)
