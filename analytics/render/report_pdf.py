"""The one-file audit report for people who would rather read than chat: PDF or HTML.

``audit_document(report, charts, lang)`` builds an :class:`analytics.render.document.Document` from
the audit report dict (what ``python -m analytics audit FILE --json`` prints: the ``data``
section from ingest plus the analytic sections) and chart PNGs (``{name: png_bytes}``, shown
in the dict's order). Sections:

1. The head, as the summary opens (:mod:`analytics.render.text.head`): the main finding, the
   five numbers with their trend, the growth lever and the top steps with their money, the
   forecast.
2. Data: rows read and used, customers, orders, revenue, period, what was excluded and why.
3. Charts, two to a row.
4. Key numbers: average order value, repeat rate, orders per customer, revenue share of the
   top 20 % of customers, buyers in the last month and the active base (churn window) against
   the whole base, and the churn window itself.
5. Findings (ranked) and the next growth steps in HADI form, with the money arithmetic
   (short parts of a step share a line).
6. RFM segments: customers, share of base, revenue, revenue share per segment, and what to
   do with each (playbooks).
7. What changed since the previous audit, when the report has a ``comparison``.

Any missing section or value is skipped, so customer-list audits (no monthly series,
sometimes no RFM) render too. Texts come from ``locales/<lang>/export.ftl`` and
``advice.ftl`` (the same sentences as the CLI summary and the bot, via
:mod:`analytics.render.text.advice`); numbers
through :mod:`analytics.render.formatting`. ``audit_pdf`` and ``audit_html`` render the document.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from analytics.advice import facts
from analytics.locales import normalise_language, t
from analytics.render.customers_export import segment_name
from analytics.render.document import (
    BulletList,
    Document,
    Heading,
    Image,
    Paragraph,
    Table,
    render_html,
    render_pdf,
)
from analytics.render.formatting import iso_date, money, number, share
from analytics.render.text import advice as say
from analytics.render.text.head import head, step_line
from analytics.render.text.kit import Tx, chart_caption

__all__ = ["audit_document", "audit_html", "audit_pdf"]

ONE_LINE = 95
"""Characters on one line of the PDF's body text: short parts of a step share it."""
BRIEF_PARTS = ("hypothesis", "step", "effect", "why")
"""What the PDF says of a step outside the plan (the chat's view of the steps has it all)."""
CHART_WIDTH = 0.46
"""A chart's share of the PDF's text width: two portrait charts (4:5) fit on an A4 page."""


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return None if math.isnan(value) else float(value)


def _summary(report: Mapping[str, Any], lang: str, currency: str | None) -> list[str]:
    data = facts.section(report, "data")
    metrics = facts.section(report, "metrics")
    items: list[str] = []
    read, used = _num(data.get("rows_read")), _num(data.get("rows_used"))
    if read is not None and used is not None:
        items.append(t(lang, "export-summary-rows", read=number(read, lang),
                       used=number(used, lang)))
    customers = _num(data.get("customers", metrics.get("customers")))
    if customers is not None:
        items.append(t(lang, "export-summary-customers", customers=number(customers, lang)))
    orders = _num(data.get("orders", metrics.get("orders")))
    if orders is not None:
        items.append(t(lang, "export-summary-orders", orders=number(orders, lang)))
    revenue = _num(data.get("revenue", metrics.get("revenue")))
    if revenue is not None:
        items.append(t(lang, "export-summary-revenue", revenue=money(revenue, currency, lang)))
    date_from = data.get("date_from") or metrics.get("date_from")
    date_to = data.get("date_to") or metrics.get("date_to")
    if date_from and date_to:
        items.append(t(lang, "export-summary-period", **{
            "from": iso_date(str(date_from), lang), "to": iso_date(str(date_to), lang)}))
    dropped = data.get("rows_dropped")
    if isinstance(dropped, Mapping):
        parts = []
        for reason, count in dropped.items():
            value = _num(count)
            if not value:
                continue
            key = f"export-excluded-{reason}"
            text = t(lang, key, count=number(value, lang))
            if text == key:
                text = t(lang, "export-excluded-other", reason=str(reason),
                         count=number(value, lang))
            parts.append(text)
        items.append(t(lang, "export-summary-excluded", items=", ".join(parts)) if parts
                     else t(lang, "export-summary-excluded-none"))
    return items


def _key_numbers(report: Mapping[str, Any], lang: str,
                 currency: str | None) -> list[tuple[str, str]]:
    metrics = facts.section(report, "metrics")
    lifecycle = facts.section(report, "lifecycle")
    rows: list[tuple[str, str]] = []
    aov = _num(metrics.get("aov"))
    if aov is not None:
        rows.append((t(lang, "export-key-aov"), money(aov, currency, lang)))
    repeat = _num(metrics.get("repeat_rate"))
    if repeat is not None:
        rows.append((t(lang, "export-key-repeat-rate"), share(repeat, lang)))
    per_customer = _num(metrics.get("orders_per_customer"))
    if per_customer is not None:
        rows.append((t(lang, "export-key-orders-per-customer"), number(per_customer, lang, 2)))
    top20 = _num(metrics.get("top20_revenue_share"))
    if top20 is not None:
        rows.append((t(lang, "export-key-top20"), share(top20, lang)))
    total = _num(lifecycle.get("total_base"))
    if total:

        def of_total(active: float) -> str:
            return t(lang, "export-key-active-of-total", active=number(active, lang),
                     total=number(total or 0, lang), share=share(active / (total or 1), lang))

        monthly = lifecycle.get("monthly")
        if isinstance(monthly, list) and monthly and isinstance(monthly[-1], Mapping):
            last = monthly[-1]
            active_month = _num(last.get("active"))
            if active_month is not None:
                rows.append((t(lang, "export-key-active-month", month=str(last.get("month", ""))),
                             of_total(active_month)))
        window = facts.section(lifecycle, "churn_window")
        days = _num(window.get("days")) or _num(lifecycle.get("active_days"))
        active_base = _num(lifecycle.get("active_base"))
        if active_base is not None and days:
            rows.append((t(lang, "export-key-active-window", days=number(days, lang)),
                         of_total(active_base)))
        rows.append((t(lang, "export-key-total-base"), number(total, lang)))
        if days:
            rows.append((t(lang, "export-key-churn-window"),
                         t(lang, "export-key-churn-window-value", days=number(days, lang))))
    return rows


def _rfm_table(report: Mapping[str, Any], lang: str, currency: str | None) -> Table | None:
    rfm = facts.section(report, "rfm")
    segments = rfm.get("segments")
    if not isinstance(segments, list) or not segments:
        return None
    rows: list[tuple[str, ...]] = []
    totals = [0.0, 0.0, 0.0, 0.0]
    for seg in segments:
        if not isinstance(seg, Mapping):
            continue
        values = [_num(seg.get(k)) or 0.0
                  for k in ("customers", "share", "revenue", "revenue_share")]
        totals = [a + b for a, b in zip(totals, values, strict=True)]
        rows.append((
            segment_name(str(seg.get("code", "")), lang),
            number(values[0], lang),
            share(values[1], lang),
            money(values[2], currency, lang),
            share(values[3], lang),
        ))
    rows.append((
        t(lang, "export-rfm-total"),
        number(totals[0], lang),
        share(min(totals[1], 1.0), lang),
        money(totals[2], currency, lang),
        share(min(totals[3], 1.0), lang),
    ))
    return Table(
        header=tuple(t(lang, f"export-rfm-{k}") for k in
                     ("segment", "customers", "share", "revenue", "revenue-share")),
        rows=tuple(rows),
        numeric=frozenset({1, 2, 3, 4}),
        highlight=frozenset({len(rows) - 1}),
        widths=(2.4, 1.2, 1.2, 1.6, 1.3),
    )


def audit_document(report: Mapping[str, Any], charts: Mapping[str, bytes],
                   lang: str) -> Document:
    """The audit report as a :class:`Document`: the head, data, charts, key numbers, advice,
    RFM table."""
    lang = normalise_language(lang)
    data = facts.section(report, "data")
    quality = facts.section(report, "quality")
    currency = data.get("currency") if isinstance(data.get("currency"), str) else None
    # the last day of data, as the summary says it ("данные по 30.06.2025"), not as_of
    as_of = iso_date(str(data.get("date_to") or ""), lang) if data.get("date_to") else "—"
    file_name = facts.section(quality, "source").get("file_name")
    subtitle = (t(lang, "export-report-subtitle", file=str(file_name), as_of=as_of)
                if file_name else t(lang, "export-report-subtitle-nofile", as_of=as_of))
    doc = Document(title=t(lang, "export-report-title"), subtitle=subtitle, lang=lang)
    tx = Tx(lang, currency)
    _head(doc, report, tx)
    summary = _summary(report, lang, currency)
    if summary:
        doc.add(Heading(t(lang, "export-summary-heading")), BulletList(tuple(summary)))
    if report.get("shape") == "customers":
        doc.add(Paragraph(t(lang, "export-summary-shape-customers"), muted=True))

    if charts:
        doc.add(Heading(t(lang, "export-charts-heading")))
        for name, png in charts.items():
            doc.add(Image(png=png, caption=chart_caption(name, lang), width=CHART_WIDTH,
                          name=name))

    key_rows = _key_numbers(report, lang, currency)
    if key_rows:
        doc.add(
            Heading(t(lang, "export-key-heading")),
            Table(header=(t(lang, "export-key-metric"), t(lang, "export-key-value")),
                  rows=tuple(key_rows), numeric=frozenset({1}), widths=(2.2, 1.0)),
        )

    _advice(doc, report, tx)
    doc.add(Heading(t(lang, "export-rfm-heading")))
    table = _rfm_table(report, lang, currency)
    if table is None:
        doc.add(Paragraph(t(lang, "export-rfm-none")))
    else:
        doc.add(table, Paragraph(t(lang, "export-rfm-note"), muted=True))
    _playbooks(doc, report, tx)
    for heading, lines in say.comparison_parts(report, tx):
        if lines:
            doc.add(Heading(heading or tx("report-comparison-title"), 2 if heading else 1),
                    BulletList(tuple(lines)))
    return doc


def _head(doc: Document, report: Mapping[str, Any], tx: Tx) -> None:
    """The summary's head (:func:`analytics.render.text.head.head`): the main finding, the
    five numbers with their trend, the lever and the top steps with their money, the
    forecast."""
    if not (facts.section(report, "data") or facts.section(report, "metrics")):
        return
    top = head(report, tx)
    doc.add(Heading(tx("report-main-title")), *(Paragraph(line) for line in top.main),
            Heading(tx("report-five-title"), 3), BulletList(tuple(top.five)))
    if top.trend_note:
        doc.add(Paragraph(top.trend_note, muted=True))
    if top.lever:
        doc.add(Heading(tx("report-top-title"), 3), Paragraph(top.lever),
                BulletList(tuple(step_line(rec, tx) for rec in top.steps)))
        if top.together:
            doc.add(Paragraph(top.together))
    if top.forecast:
        doc.add(Heading(tx("report-forecast-title"), 3), *(Paragraph(f) for f in top.forecast))


def _advice(doc: Document, report: Mapping[str, Any], tx: Tx) -> None:
    """Each recommendation with its HADI parts (its finding is its "why"): the plan's steps
    in full, the others in brief (:data:`BRIEF_PARTS`); then the findings no step answers,
    as a list."""
    recs = facts.rows(report.get("recommendations"))
    answered = {r.get("finding") for r in recs}
    findings = [f for f in facts.rows(report.get("findings")) if f.get("code") not in answered]
    if findings:
        doc.add(Heading(tx("report-findings-heading")),
                BulletList(tuple(say.finding_text(f, tx) for f in findings)))
    if not recs:
        return
    doc.add(Heading(tx("report-recs-heading")))
    plan = set(facts.section(report, "plan").get("steps") or [])
    for rank, rec in enumerate(recs, start=1):
        title = tx("report-top-item", rank=rank, title=say.rec_title(rec, tx),
                   effect=say.effect_text(rec, tx, arithmetic=False))
        only = () if rec.get("code") in plan or not plan else BRIEF_PARTS
        doc.add(Heading(title, 2), *_run_on(say.hadi(rec, report, tx, effect_head=False,
                                                     only=only)))


def _run_on(parts: Sequence[tuple[str, str]]) -> list[Paragraph]:
    """A step's (lead, text) parts as paragraphs, short neighbours sharing one line."""
    out: list[Paragraph] = []
    for lead, text in parts:
        last = out[-1] if out else None
        if last is not None and sum(len(a) + len(b) + 4 for a, b in last.pairs()) + len(
                lead) + len(text) <= ONE_LINE:
            out[-1] = replace(last, more=(*last.more, (f"{lead}:", text)))
        else:
            out.append(Paragraph(text, lead=f"{lead}:"))
    return out


def _playbooks(doc: Document, report: Mapping[str, Any], tx: Tx) -> None:
    books = facts.rows(report.get("playbooks"))
    if books:
        doc.add(Heading(tx("report-playbooks-heading"), 2), BulletList(tuple(
            f"{segment_name(str(b.get('segment')), tx.lang)} {say.playbook_text(b, tx)}"
            for b in books)))


def audit_pdf(report: Mapping[str, Any], charts: Mapping[str, bytes], lang: str,
              created: datetime | None = None) -> bytes:
    """The audit report as PDF bytes (A4, Cyrillic-safe fonts)."""
    return render_pdf(audit_document(report, charts, lang), created=created)


def audit_html(report: Mapping[str, Any], charts: Mapping[str, bytes], lang: str) -> str:
    """The audit report as one self-contained, printable HTML page (all text escaped)."""
    return render_html(audit_document(report, charts, lang))
