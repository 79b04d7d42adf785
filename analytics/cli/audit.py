"""``python -m analytics audit FILE``: the offline audit, written to files or stdout."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analytics.cli.drawing import Drawing
from analytics.cli.stage_clock import StageClock
from analytics.ingest import Choices, IngestError, Limits, ingest_file, parse_mapping
from analytics.locales import t
from analytics.report.build import analyse, base_report, complete_report, preload

if TYPE_CHECKING:
    from analytics.describe.audit import BaseAudit, CustomerListAudit

WARM_UP_LATER_BYTES = 40 * 1024 * 1024
"""Files above this size (about 300,000 rows) take longer to parse than the imports of
``preload``: their drawing child warms up once those are done, on the core they leave
free, instead of alongside parsing."""


def _while_parsing(drawing: Drawing | None) -> None:
    """This process's work while ingest's child parses: the imports, then the go-ahead
    for a drawing child that waited (a big file is parsed long after the imports)."""
    preload()
    if drawing is not None:
        drawing.warm_up()


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
    keep_duplicates: bool = False,
    amount_source: str | None = None,
    answers: Path | None = None,
) -> int:
    """Audit ``file``; exit code 0, or 2 with one clear line on stderr for bad input.

    ``previous`` is an earlier report.json of the same business: the report then gains a
    ``comparison`` section (a missing or broken file is bad input too). ``keep_duplicates``
    keeps rows that repeat an earlier row exactly. ``answers`` is the toolkit's answers
    file: with the cost of goods in its unit economics the steps are valued in margin.

    With ``out`` it writes report.json, summary.txt, charts/*.png, customers.xlsx,
    customers.csv, report.pdf and report.html; ``timings`` prints stage times to stderr.
    """
    from analytics.advice import CompareError, compare, load_report

    margin, problem = answers_margin(answers, lang) if answers is not None else (None, None)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    clock = StageClock()
    big = file.is_file() and file.stat().st_size > WARM_UP_LATER_BYTES
    # A big file's parsing needs both cores: its drawing child warms up later.
    with Drawing(out, lang, warm_up_now=not big) if out is not None else nullcontext() as drawing:
        try:
            if not file.is_file():
                raise IngestError("not-found", path=str(file))
            old = load_report(previous) if previous is not None else None
            with clock("ingest"):
                result = ingest_file(
                    file,
                    mapping=parse_mapping(mapping),
                    limits=Limits.from_env(max_mb),
                    while_waiting=lambda: _while_parsing(drawing),
                    choices=Choices(keep_duplicates, amount_source),
                )
        except IngestError as exc:
            print(t(lang, f"ingest-error-{exc.code}", **exc.params), file=sys.stderr)
            return 2
        except CompareError as exc:
            print(t(lang, f"advice-compare-error-{exc.code}", **exc.params), file=sys.stderr)
            return 2

        with clock("analytics"):
            audit = analyse(result)
            report = base_report(result, audit)
            if drawing is not None:
                drawing.start(report)  # the base audit's charts, drawn while the rest runs
            complete_report(report, audit, margin)
            if old is not None:
                report["comparison"] = compare(old, report).to_dict()
        from analytics.render.text.quality import quality_lines
        from analytics.render.text.sections import cli_summary

        summary = cli_summary(report, lang, quality_lines(report, lang))
        if drawing is not None:
            write_outputs(audit, report, summary, clock, drawing)
    print(_json(report) if as_json else summary)
    if timings:
        print(clock.render(), file=sys.stderr)
    return 0


def answers_margin(path: Path, lang: str) -> tuple[float | None, str | None]:
    """The margin share the answers file's unit economics give, or the line saying why the
    file cannot be used; says on stderr when the answers give no cost of goods."""
    from analytics.toolkit.answers import AnswersError, load_file, parse_answers
    from analytics.toolkit.unit_economics import margin_share

    try:
        parsed = parse_answers(load_file(path), base_dir=path.parent)
    except AnswersError as exc:
        return None, t(lang, f"tk-err-{exc.code}", **exc.args_)
    margin = margin_share(parsed.unit_economics or {})
    if margin is None:
        print(t(lang, "tk-audit-answers-no-cogs", path=str(path)), file=sys.stderr)
    return margin, None


def write_outputs(
    audit: BaseAudit | CustomerListAudit,
    report: dict[str, Any],
    summary: str,
    clock: StageClock,
    drawing: Drawing,
) -> None:
    """Write every artefact of the offline audit into ``drawing.out``: the charts and the
    PDF/HTML report in ``drawing``'s child while this process writes the customer exports."""
    from analytics.render.customers_export import customers_exports

    out, lang = drawing.out, drawing.lang
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(_json(report), encoding="utf-8")
    (out / "summary.txt").write_text(summary + "\n", encoding="utf-8")
    drawing.start(report, complete=True)
    with clock("exports"):
        csv_bytes, xlsx_bytes = customers_exports(audit.customers_frame(), lang)
        (out / "customers.csv").write_bytes(csv_bytes)
        (out / "customers.xlsx").write_bytes(xlsx_bytes)
    with clock("waiting for charts and report"):
        stages = drawing.finish()
    for stage, seconds in stages.items():
        clock.stages[f"{stage} (parallel)"] = seconds


def _json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2, default=str)
