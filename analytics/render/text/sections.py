"""Text renderings of an audit report, shared by the CLI (summary.txt) and the Telegram bot.

Pure functions ``report dict + lang -> str``; ``markup="html"`` gives Telegram HTML (``<b>``
titles, ``<i>`` notes, every text escaped), ``"plain"`` plain text. Each section fits in
:data:`~analytics.render.text.kit.TELEGRAM_LIMIT` characters (trailing items are replaced by
a "more in report.pdf" line). Sections (:data:`SECTIONS`): ``summary`` (the five numbers,
the main finding, the lever and the top three steps), ``recommendations`` (every step in
HADI form), ``segments`` (RFM table with playbooks), ``cohorts``, ``clusters``, ``clv`` and
``comparison``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from analytics.advice.facts import num, rows, section
from analytics.predict.clusters import describe
from analytics.render.text.advice import comparison_parts, hadi, playbook_text, rec_title
from analytics.render.text.forecast import holdout_line
from analytics.render.text.head import has_purchases, head, in_chat, step_line
from analytics.render.text.kit import TELEGRAM_LIMIT, Lines, Markup, Tx, kebab

Report = Mapping[str, Any]
COHORT_ROWS = 12
RETENTION_MONTHS = (1, 3, 6)


def _finish(lines: Lines, tx: Tx, markup: Markup, limit: int) -> str:
    return lines.render(markup, limit, lambda n: tx("report-more", count=n))


def summary(report: Report, lang: str, markup: Markup = "plain",
            limit: int = TELEGRAM_LIMIT) -> str:
    """The five numbers that matter, the main finding, the growth lever, the top 3 steps."""
    tx = Tx.of(report, lang)
    data = section(report, "data")
    source = section(section(report, "quality"), "source")
    file = str(source.get("file_name") or "—")
    dated = bool(data.get("date_from") and data.get("date_to"))
    lines = Lines().title(tx("report-summary-title", file=file, date=tx.date(data.get("date_to")))
                          if dated else tx("report-summary-title-undated", file=file))
    top = head(report, tx, markup)
    lines.block().title(tx("report-five-title"))
    for line in top.five:
        lines.item(line)
    if top.trend_note:
        lines.note(top.trend_note)
    lines.block().title(tx("report-main-title"))
    for sentence in top.main:
        lines.text(sentence)
    if top.lever:
        lines.text(top.lever)
        lines.block().title(tx("report-top-title"))
        for rank, rec in enumerate(top.steps, start=1):
            lines.text(step_line(rec, tx, rank))
        if top.together:
            lines.text(top.together)
    if top.forecast:
        lines.block().title(tx("report-forecast-title"))
        for sentence in top.forecast:
            lines.text(sentence)
    return _finish(lines, tx, markup, limit)


def recommendations(report: Report, lang: str, markup: Markup = "plain",
                    limit: int = TELEGRAM_LIMIT) -> str:
    """Every recommendation in HADI form, ranked by expected effect in money."""
    tx = Tx.of(report, lang)
    lines = Lines().title(tx("report-recs-title"))
    recs = rows(report.get("recommendations"))
    if not recs:
        lines.text(tx(in_chat(tx, "report-no-findings", markup) if has_purchases(report)
                      else "report-no-purchases"))
    for rank, rec in enumerate(recs, start=1):
        lines.block().title(tx("report-rec-heading", rank=rank, title=rec_title(rec, tx)))
        for lead, text in hadi(rec, report, tx):
            lines.item(tx("report-lead", lead=lead, text=text))
    return _finish(lines, tx, markup, limit)


def segments(report: Report, lang: str, markup: Markup = "plain",
             limit: int = TELEGRAM_LIMIT) -> str:
    """The RFM segments with size, revenue and what to do with each."""
    tx = Tx.of(report, lang)
    lines = Lines().title(tx("report-segments-title"))
    segs = rows(section(report, "rfm").get("segments"))
    if not segs:
        return _finish(lines.text(tx("report-segments-none")), tx, markup, limit)
    books = {str(b.get("segment")): b for b in rows(report.get("playbooks"))}
    for seg in segs:
        code = str(seg.get("code"))
        lines.block().item(tx(
            "report-segment-line", name=tx.segment(code),
            customers=tx.number(num(seg, "customers")), customers_n=num(seg, "customers") or 0,
            share=tx.share(num(seg, "share")), revenue=tx.money(num(seg, "revenue")),
            revenue_share=tx.share(num(seg, "revenue_share"))))
        if code in books:
            lines.sub(playbook_text(books[code], tx))
    return _finish(lines, tx, markup, limit)


def _retention_at(values: Sequence[Any], month: int) -> float | None:
    value = values[month] if len(values) > month else None
    return float(value) if isinstance(value, int | float) else None


def cohorts(report: Report, lang: str, markup: Markup = "plain",
            limit: int = TELEGRAM_LIMIT) -> str:
    """Average retention by month since the first purchase and the latest cohorts. A cohort's
    month in the partial last month of the data is not observed yet and shows as unknown
    (its share so far would read as a drop)."""
    tx = Tx.of(report, lang)
    data = section(report, "cohorts")
    lines = Lines().title(tx("report-cohorts-title"))
    average = data.get("average_retention")
    if not data or not isinstance(average, list):
        return _finish(lines.text(tx("report-cohorts-none")), tx, markup, limit)
    shares = {f"m{m}": tx.share(_retention_at(average, m)) for m in RETENTION_MONTHS}
    lines.text(tx("report-cohorts-average", **shares))
    retention = section(data, "retention")
    partial = bool(data.get("last_month_partial"))
    infos = [c for c in rows(data.get("cohorts")) if not c.get("young")][-COHORT_ROWS:]
    lines.block()
    for info in infos:
        values = retention.get(str(info.get("cohort")))
        if not isinstance(values, list):
            continue
        if partial:
            values = values[:-1]
        lines.item(tx("report-cohort-line", cohort=str(info.get("cohort")),
                      customers=tx.number(num(info, "customers")),
                      customers_n=num(info, "customers") or 0,
                      **{f"m{m}": tx.share(_retention_at(values, m), 0)
                         for m in RETENTION_MONTHS}))
    lines.block().note(tx("report-cohorts-note"))
    return _finish(lines, tx, markup, limit)


def _modelled(report: Report, lang: str, name: str) -> tuple[Tx, Mapping[str, Any], Lines, bool]:
    """Texts, the model's section, lines with its title, and whether the model ran (when
    not, the lines already say why)."""
    tx = Tx.of(report, lang)
    data = section(report, name)
    lines = Lines().title(tx(f"report-{name}-title"))
    status = str(data.get("status") or "missing")
    if status != "ok":
        lines.text(tx(f"report-{name}-status-{kebab(status)}"))
    return tx, data, lines, status == "ok"


def clusters(report: Report, lang: str, markup: Markup = "plain",
             limit: int = TELEGRAM_LIMIT) -> str:
    """Customer clusters in business words."""
    tx, data, lines, ran = _modelled(report, lang, "clusters")
    if not ran:
        return _finish(lines, tx, markup, limit)
    for number, cluster in enumerate(rows(data.get("clusters")), start=1):
        lines.block().item(tx(
            "report-cluster-line", number=number, size=tx.number(num(cluster, "size")),
            size_n=num(cluster, "size") or 0, share=tx.share(num(cluster, "share")),
            revenue_share=tx.share(num(cluster, "revenue_share")),
            description=describe(cluster, tx.lang)))
    return _finish(lines, tx, markup, limit)


def clv(report: Report, lang: str, markup: Markup = "plain",
        limit: int = TELEGRAM_LIMIT) -> str:
    """Expected purchases and value of the base (BG/NBD + Gamma-Gamma)."""
    tx, data, lines, ran = _modelled(report, lang, "clv")
    if not ran:
        return _finish(lines, tx, markup, limit)
    purchases, value = section(data, "total_purchases"), section(data, "total_value")
    customers = num(data, "customers")
    for days in ("90", "365"):
        total_value = num(value, days)
        lines.item(tx("report-clv-horizon", days=days, days_n=int(days),
                      purchases=tx.number(num(purchases, days), 0),
                      purchases_n=round(num(purchases, days) or 0),
                      value=tx.money(total_value),
                      per_customer=tx.money(total_value / customers
                                            if total_value is not None and customers else None)))
    lines.note(tx("report-clv-note", discount=tx.share(num(data, "discount_monthly") or 0, 0),
                  repeat=tx.number(num(data, "repeat_buyers"))))
    holdout = holdout_line(data, tx)
    if holdout:
        lines.text(holdout)
    return _finish(lines, tx, markup, limit)


def comparison(report: Report, lang: str, markup: Markup = "plain",
               limit: int = TELEGRAM_LIMIT) -> str:
    """What changed since the previous audit (``report["comparison"]``)."""
    tx = Tx.of(report, lang)
    lines = Lines().title(tx("report-comparison-title"))
    parts = comparison_parts(report, tx)
    if not parts:
        none = tx(in_chat(tx, "report-comparison-none", markup))
        return _finish(lines.text(none), tx, markup, limit)
    for heading, items in parts:
        if not items:
            continue
        lines.block()
        if heading:
            lines.title(heading)
        for item in items:
            lines.item(item)
    return _finish(lines, tx, markup, limit)


Renderer = Callable[..., str]

SECTIONS: dict[str, Renderer] = {
    "summary": summary,
    "recommendations": recommendations,
    "segments": segments,
    "cohorts": cohorts,
    "clusters": clusters,
    "clv": clv,
    "comparison": comparison,
}
"""Every text section by name (the bot's buttons can use these names)."""


def render(name: str, report: Report, lang: str, markup: Markup = "plain") -> str:
    """Section ``name`` of :data:`SECTIONS` as text."""
    return SECTIONS[name](report, lang, markup)


def cli_summary(report: Report, lang: str, quality: Sequence[str]) -> str:
    """summary.txt of the offline audit: the summary, the full recommendations, what changed
    since the previous audit (with ``--compare``) and the data-quality lines."""
    unlimited = 10**9
    parts = [summary(report, lang, limit=unlimited),
             recommendations(report, lang, limit=unlimited)]
    if report.get("comparison"):
        parts.append(comparison(report, lang, limit=unlimited))
    parts.append("\n".join(quality))
    return "\n\n".join(parts)
