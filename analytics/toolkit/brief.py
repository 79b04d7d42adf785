"""The intake brief: a five-minute read for a consultant before the strategy session.

Built as a :class:`analytics.render.document.Document` from a :class:`ToolkitResult`; every
sentence comes from ``locales/<lang>/toolkit.ftl``. Order: the business in one paragraph and
what to discuss first, value propositions with their weak spots, unit economics with the
constraint and the x2 plan, traction stage and growth metric, audit highlights (when an
audit exists), and the problem-interview scripts as an appendix.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from analytics.locales import t
from analytics.render.document import BulletList, Document, Heading, Image, Paragraph, Table
from analytics.render.formatting import iso_date
from analytics.toolkit import fmt
from analytics.toolkit.charts import sensitivity_chart
from analytics.toolkit.report import (
    Comparison,
    FunnelStage,
    NamedProposition,
    Reconciliation,
    ToolkitResult,
)
from analytics.toolkit.traction import GrowthMetricChoice, TractionResult, step_key
from analytics.toolkit.unit_economics import (
    DOWN_LEVERS,
    Constraint,
    LeverTarget,
    UnitEconomics,
    X2Plan,
    lever_key,
)
from analytics.toolkit.value_prop import (
    CORE_FIELDS,
    FIELDS,
    InterviewScript,
    clip,
    follow_up_key,
    weakness_key,
)


def _k(code: str) -> str:
    return code.replace("_", "-")


class _Text:
    """Shortcuts bound to one language and currency."""

    def __init__(self, lang: str, currency: str) -> None:
        self.lang = lang
        self.currency = currency

    def __call__(self, key: str, **args: Any) -> str:
        return t(self.lang, key, **args)

    def money(self, value: float | None) -> str:
        return fmt.money(self.lang, value, self.currency)

    def lever_value(self, lever: str, value: float | None) -> str:
        if lever == "c1":
            return fmt.percent(self.lang, value)
        if lever in {"avg_price", "cogs", "cpa"}:
            return self.money(value)
        return fmt.smart(self.lang, value)

    def lever(self, lever: str) -> str:
        return self(lever_key(lever))

    def metric(self, metric: str) -> str:
        return self(f"tk-gm-metric-{_k(metric)}")

    def field(self, code: str) -> str:
        return self(f"tk-vp-field-{_k(code)}")

    def field_in_text(self, code: str) -> str:
        """The field name inside a sentence (lower case; Russian and English only)."""
        return self.field(code).lower()


def build_brief(
    result: ToolkitResult,
    lang: str,
    *,
    audit_charts: Sequence[tuple[str, bytes]] = (),
    findings: Sequence[str] | None = None,
    today: date | None = None,
    with_chart: bool = True,
) -> Document:
    """The intake brief for ``result`` in ``lang``.

    ``audit_charts`` are (caption, PNG bytes) from the audit; ``findings`` the audit's key
    findings already rendered as sentences by the caller (the bot uses the audit's own
    texts); without them the finding codes of ``result.audit`` are looked up as
    ``audit-finding-<code>`` and skipped when no such text exists.
    """
    tx = _Text(lang, result.business.currency or "RUB")
    name = result.business.name
    title = tx("tk-brief-title", name=name) if name else tx("tk-brief-title-noname")
    subtitle = tx("tk-brief-subtitle",
                  date=iso_date((today or date.today()).isoformat(), tx.lang))
    doc = Document(title=title, subtitle=subtitle, lang=lang)

    _summary(doc, tx, result)
    if result.propositions:
        doc.add(Heading(tx("tk-brief-h-vp")))
        for number, named in enumerate(result.propositions, start=1):
            _proposition(doc, tx, number, named)
    if result.economics is not None:
        doc.add(Heading(tx("tk-brief-h-ue")))
        _economics(doc, tx, result.economics, result.sources)
        if result.comparisons or result.reconciliation is not None:
            _against_audit(doc, tx, result.comparisons, result.reconciliation)
        if result.constraint is not None:
            _constraint(doc, tx, result.constraint, with_chart, result.history_missing)
        if result.plan is not None:
            _plan(doc, tx, result.plan)
    if result.traction is not None or result.growth is not None or result.b2b is False:
        doc.add(Heading(tx("tk-brief-h-traction")))
        if result.traction is not None:
            _traction(doc, tx, result.traction, result.b2b)
        elif result.b2b is False:
            doc.add(Paragraph(tx("tk-tr-not-b2b"), lead=tx("tk-tr-heading") + ":"))
            _funnel(doc, tx, result.funnel)
        if result.growth is not None:
            _growth(doc, tx, result.growth)
    if result.audit is not None:
        _audit(doc, tx, result, audit_charts, findings)
    scripts = [(n, p.proposition.interview) for n, p in enumerate(result.propositions, 1)]
    if scripts:
        doc.add(Heading(tx("tk-brief-h-interview")),
                Paragraph(tx("tk-brief-interview-intro"), muted=True))
        for number, script in scripts:
            _interview(doc, tx, number, result.propositions[number - 1].name, script)
    doc.add(Paragraph(tx("tk-brief-footer"), muted=True))
    return doc


# --------------------------------------------------------------------------- summary


def _summary(doc: Document, tx: _Text, result: ToolkitResult) -> None:
    doc.add(Heading(tx("tk-brief-h-summary")))
    sentences: list[str] = []
    business = result.business
    if business.description:
        sentences.append(business.description.rstrip(". ") + ".")
    else:
        sentences.append(tx("tk-brief-sum-no-description"))
    where = ", ".join(x for x in (business.industry, business.city) if x)
    if where:
        sentences.append(tx("tk-brief-sum-where", where=where))
    ue = result.economics
    if ue is not None:
        profit, kind = _profit(ue)
        sentences.append(tx(
            "tk-brief-sum-economics", period=tx(f"tk-period-{ue.inputs.period}"),
            buyers=round(ue.buyers), buyers_text=fmt.smart(tx.lang, ue.buyers),
            revenue=tx.money(ue.revenue), profit=tx.money(profit), kind=kind,
            ratio=fmt.ratio(tx.lang, ue.cltv_cac),
        ))
    if result.constraint is not None:
        sentences.append(tx(f"tk-brief-sum-constraint-{_k(result.constraint.basis)}",
                            lever=tx.lever(result.constraint.lever)))
    if result.propositions:
        scores = [p.proposition.score for p in result.propositions]
        sentences.append(tx("tk-brief-sum-vp", count=len(scores),
                            score=round(sum(scores) / len(scores))))
    if result.traction is not None:
        tr = result.traction
        if tr.stuck is None:
            sentences.append(tx("tk-brief-sum-traction-done"))
        else:
            sentences.append(tx("tk-brief-sum-traction", number=tr.stuck_number or 0,
                                step=tx(step_key(tr.stuck))))
    if result.growth is not None:
        sentences.append(tx("tk-brief-sum-growth", metric=tx.metric(result.growth.metric)))
    doc.add(Paragraph(" ".join(x[:1].upper() + x[1:] for x in sentences)))

    points = _key_points(tx, result)
    if points:
        doc.add(Heading(tx("tk-brief-h-key"), 2), BulletList(tuple(points), ordered=True))


def _profit(ue: UnitEconomics) -> tuple[float, str]:
    """The profit the summary states and its kind: a subscription's period profit, the
    operating profit, or the contribution profit when fixed costs are unknown."""
    if ue.period_profit is not None and ue.inputs.fixed_known:
        return ue.period_profit, "period"
    if ue.inputs.fixed_known:
        return ue.operating_profit, "operating"
    return ue.contribution_profit, "contribution"


def _key_points(tx: _Text, result: ToolkitResult) -> list[str]:
    points: list[str] = []
    if result.constraint is not None and result.constraint.basis == "realistic":
        points.append(tx("tk-brief-key-constraint", lever=tx.lever(result.constraint.lever))
                      + " " + tx(result.constraint.exploit))
    elif result.constraint is not None:
        points.append(tx("tk-brief-key-constraint-unknown"))
    gaps = [c for c in result.comparisons if c.flagged]
    if gaps:
        points.append(tx("tk-brief-key-gap", fields=", ".join(
            tx(f"tk-cmp-{_k(c.field)}").lower() for c in gaps)))
    ue = result.economics
    if ue is not None:
        for flag in ue.flags:
            if flag in {"cltv_below_cac", "negative_contribution", "breakeven_c1_impossible"}:
                points.append(tx(f"tk-ue-flag-{_k(flag)}"))
                break
    weakest = _weakest(result.propositions)
    if weakest is not None:
        number, named, field_code = weakest
        label = named.name or named.proposition.answers.segment or str(number)
        verdict = named.proposition.assessments[field_code]
        question = (tx(verdict.follow_up, **verdict.args) if verdict.follow_up else "")
        points.append(tx("tk-brief-key-vp", segment=_short(label),
                         field=tx.field_in_text(field_code),
                         score=named.proposition.score) + " " + question)
    tr = result.traction
    if tr is not None:
        points.append(tx("tk-brief-key-traction") + " " + tx(tr.action))
    leak = next((f for f in result.funnel if f.leak), None)
    if leak is not None:
        points.append(tx("tk-brief-key-leak", stage=tx(f"tk-funnel-{leak.stage}").lower()))
    plan = result.plan
    if plan is not None and plan.goal == "multiply" and plan.mix_change is not None:
        points.append(tx("tk-brief-key-x2", metric=tx.metric(plan.metric),
                         change=fmt.pct(tx.lang, plan.mix_change * 100)))
    elif plan is not None and plan.goal == "breakeven":
        points.append(tx("tk-brief-key-breakeven", metric=tx.metric(plan.metric)))
    return points


def _weakest(
    propositions: Sequence[NamedProposition],
) -> tuple[int, NamedProposition, str] | None:
    """The proposition with the lowest score and its first missing or weak core field."""
    ranked = sorted(enumerate(propositions, 1), key=lambda p: (p[1].proposition.score, p[0]))
    for number, named in ranked:
        gaps = named.proposition.missing + named.proposition.weak
        if gaps:
            first = min(gaps, key=CORE_FIELDS.index)
            return number, named, first
    return None


def _short(text: str, limit: int = 60) -> str:
    return clip(text, limit)


# --------------------------------------------------------------------------- propositions


def _proposition(doc: Document, tx: _Text, number: int, named: NamedProposition) -> None:
    prop = named.proposition
    label = named.name or _short(prop.answers.segment) or tx("tk-vp-unnamed")
    doc.add(Heading(tx("tk-brief-vp-heading", number=number, name=label), 2))
    missing = tx("tk-vp-missing-part")
    s = prop.statement
    doc.add(Paragraph(tx("tk-vp-statement-lead")), BulletList(tuple(
        tx(f"tk-vp-part-{part}", text=_sentence(s[part]) if s[part] else missing)
        for part in ("segment", "problem", "situation", "solution", "benefit", "proof")
    )))
    gaps = ""
    if prop.missing:
        gaps += " " + tx("tk-vp-score-missing",
                          fields=", ".join(tx.field_in_text(f) for f in prop.missing))
    if prop.weak:
        gaps += " " + tx("tk-vp-score-weak",
                          fields=", ".join(tx.field_in_text(f) for f in prop.weak))
    doc.add(Paragraph(tx("tk-vp-score", score=prop.score) + gaps,
                      lead=tx("tk-vp-score-lead")))
    rows: list[tuple[str, ...]] = []
    for code in FIELDS:
        verdict = prop.assessments[code]
        if not verdict.weaknesses:
            continue
        weak = ", ".join(tx(weakness_key(w), word=verdict.args["word"],
                            min=verdict.args["min"]) for w in verdict.weaknesses)
        answer = getattr(prop.answers, code).strip() or "—"
        question = tx(follow_up_key(code, verdict.weaknesses[0]), **verdict.args)
        rows.append((tx.field(code), _short(answer, 160), weak, question))
    if rows:
        doc.add(Table(
            (tx("tk-vp-col-field"), tx("tk-vp-col-answer"), tx("tk-vp-col-weakness"),
             tx("tk-vp-col-follow-up")),
            tuple(rows), widths=(0.8, 1.6, 1.1, 1.9), caption=tx("tk-vp-weak-caption"),
        ))
    else:
        doc.add(Paragraph(tx("tk-vp-all-concrete")))
    check = prop.check
    doc.add(Paragraph(
        tx(f"tk-vp-stop-verdict-{check.verdict}",
           asked=tx(f"tk-yes-no-{check.clients_asked}"),
           confirm=tx(f"tk-yes-no-{check.clients_confirm}")) + " " + tx(check.advice),
        lead=tx("tk-vp-stop-lead"),
    ))


def _sentence(text: str | None) -> str:
    """An answer as one sentence of a list: its own full stop, no doubled one."""
    text = " ".join((text or "").split()).rstrip(" .;")
    return text[:1].upper() + text[1:] + "." if text else ""


# --------------------------------------------------------------------------- economics


def _economics(doc: Document, tx: _Text, ue: UnitEconomics, sources: dict[str, str]) -> None:
    i = ue.inputs
    doc.add(Paragraph(tx("tk-ue-intro", period=tx(f"tk-period-{i.period}")), muted=True))

    def source(name: str) -> str:
        return tx(f"tk-ue-source-{sources[name]}") if name in sources else ""

    inputs = [
        (tx("tk-ue-in-ua"), fmt.smart(tx.lang, i.ua), source("ua")),
        (tx("tk-ue-in-c1"), fmt.percent(tx.lang, i.c1), source("c1")),
        (tx("tk-ue-in-avg-price"), tx.money(i.avg_price), source("avg_price")),
        (tx("tk-ue-in-cogs"), tx.money(i.cogs) + f" ({fmt.pct(tx.lang, 100 - ue.margin_pct)})",
         source("cogs")),
        (tx("tk-ue-in-apc"), fmt.smart(tx.lang, i.apc), source("apc")),
        (tx("tk-ue-in-cpa"), tx.money(i.cpa), source("cpa")),
        (tx("tk-ue-in-fixed-costs"),
         tx.money(i.fixed_costs) if i.fixed_known else tx("tk-ue-unknown"), ""),
    ]
    if i.model == "subscription":
        inputs.append((tx("tk-ue-in-existing-customers"),
                       fmt.smart(tx.lang, i.existing_customers), ""))
    if i.tax_pct:
        inputs.append((tx("tk-ue-in-tax"), fmt.pct(tx.lang, i.tax_pct), ""))
    doc.add(Table((tx("tk-ue-col-input"), tx("tk-ue-col-value"), tx("tk-ue-col-source")),
                  tuple(inputs), numeric=frozenset({1}), widths=(2.2, 1.2, 1.2)))

    outputs: list[tuple[str, str, str]] = [
        ("buyers", fmt.smart(tx.lang, ue.buyers), "buyers"),
        ("revenue", tx.money(ue.revenue), "revenue"),
        ("gross_margin", tx.money(ue.gross_margin), "gross-margin"),
        ("marketing_cost", tx.money(ue.marketing_cost), "marketing-cost"),
        ("contribution_profit", tx.money(ue.contribution_profit), "contribution-profit"),
    ]
    if i.fixed_known:
        outputs.append(("operating_profit", tx.money(ue.operating_profit), "operating-profit"))
        if ue.inputs.tax_pct:
            outputs.append(("net_profit", tx.money(ue.net_profit), "net-profit"))
    else:
        outputs.append(("operating_profit", tx("tk-ue-not-stated"), "fixed-unknown"))
    if ue.period_revenue is not None and ue.period_profit is not None:
        outputs.append(("period_revenue", tx.money(ue.period_revenue), "period-revenue"))
        if i.fixed_known:
            outputs.append(("period_profit", tx.money(ue.period_profit), "period-profit"))
    outputs += [
        ("cac", tx.money(ue.cac), "cac"),
        ("cltv", tx.money(ue.cltv), "cltv"),
        ("payback", fmt.smart(tx.lang, ue.payback_periods), "payback"),
        ("cltv_cac", fmt.ratio(tx.lang, ue.cltv_cac), "cltv-cac"),
        ("romi", fmt.percent(tx.lang, ue.romi), "romi"),
        ("breakeven_cpa", tx.money(ue.breakeven_cpa), "breakeven-cpa"),
        ("breakeven_c1", fmt.percent(tx.lang, ue.breakeven_c1), "breakeven-c1"),
    ]
    if ue.breakeven_cpa_fixed is not None and i.fixed_known:
        outputs.append(("breakeven_cpa_fixed", tx.money(ue.breakeven_cpa_fixed),
                        "breakeven-cpa-fixed"))
    if ue.breakeven_c1_fixed is not None and i.fixed_known:
        outputs.append(("breakeven_c1_fixed", fmt.percent(tx.lang, ue.breakeven_c1_fixed),
                        "breakeven-c1-fixed"))
    doc.add(Table(
        (tx("tk-ue-col-output"), tx("tk-ue-col-value"), tx("tk-ue-col-formula")),
        tuple((tx(f"tk-ue-out-{_k(name)}"), value, tx(f"tk-ue-formula-{formula}"))
              for name, value, formula in outputs),
        numeric=frozenset({1}), widths=(1.6, 1.2, 2.2), caption=tx("tk-ue-outputs-caption"),
    ))
    if ue.flags:
        doc.add(BulletList(tuple(
            tx(f"tk-ue-flag-{_k(f)}", c1=fmt.percent(tx.lang, ue.breakeven_c1_fixed
                                                     or ue.breakeven_c1))
            for f in ue.flags
        )))


def _against_audit(doc: Document, tx: _Text, comparisons: Sequence[Comparison],
                   reconciliation: Reconciliation | None) -> None:
    """The owner's figures against the last audit, and the revenue reconciliation."""
    doc.add(Heading(tx("tk-cmp-heading"), 2))
    if comparisons:
        doc.add(Table(
            (tx("tk-ue-col-output"), tx("tk-cmp-col-said"), tx("tk-cmp-col-measured"),
             tx("tk-cmp-col-gap")),
            tuple((tx(f"tk-cmp-{_k(c.field)}"), _cmp_value(tx, c.field, c.said),
                   _cmp_value(tx, c.field, c.measured),
                   fmt.signed(fmt.pct(tx.lang, c.gap * 100), c.gap)
                   + (" ⚠" if c.flagged else ""))
                  for c in comparisons),
            numeric=frozenset({1, 2, 3}), widths=(1.6, 1.2, 1.2, 1.0),
            highlight=frozenset(k for k, c in enumerate(comparisons) if c.flagged),
        ))
        if any(c.flagged for c in comparisons):
            doc.add(Paragraph(tx("tk-cmp-flag"), muted=True))
    if reconciliation is not None:
        r = reconciliation
        key = "tk-cmp-revenue-match" if abs(r.share) <= 0.05 else "tk-cmp-revenue-differ"
        doc.add(Paragraph(tx(key, audit=tx.money(r.audit_revenue), new=tx.money(r.audit_new),
                             existing=tx.money(r.audit_existing), ue=tx.money(r.ue_revenue),
                             difference=fmt.signed(tx.money(r.difference), r.difference),
                             share=fmt.signed(fmt.pct(tx.lang, r.share * 100), r.share)),
                          lead=tx("tk-cmp-revenue-lead")))


def _cmp_value(tx: _Text, field: str, value: float) -> str:
    return tx.money(value) if field == "avg_price" else fmt.smart(tx.lang, value)


def _constraint(doc: Document, tx: _Text, constraint: Constraint, with_chart: bool,
                history_missing: Sequence[str] = ()) -> None:
    doc.add(Heading(tx("tk-ue-h-constraint"), 2))
    effects = constraint.effects
    rows = []
    for e in effects:
        rows.append((
            str(e.rank), tx.lever(e.lever),
            ("−" if e.lever in DOWN_LEVERS else "+") + fmt.pct(tx.lang, e.step * 100)
            + " " + tx(f"tk-ue-move-{_k(e.source)}"),
            f"{tx.lever_value(e.lever, e.before)} → {tx.lever_value(e.lever, e.after)}",
            fmt.signed(tx.money(e.delta), e.delta),
            fmt.signed(fmt.pct(tx.lang, e.delta_pct), e.delta_pct or 0.0)
            if e.delta_pct is not None else "—",
        ))
    if with_chart:
        labels = [f"{tx.lever(e.lever)}" for e in effects]
        png = sensitivity_chart(labels, [e.delta for e in effects],
                                [fmt.signed(tx.money(e.delta), e.delta) for e in effects],
                                tx("tk-ue-chart-title"),
                                tick=lambda v: fmt.smart(tx.lang, v))
        doc.add(Image(png, caption=tx("tk-ue-chart-caption"), width=0.8, name="sensitivity"))
    doc.add(Table(
        (tx("tk-ue-col-rank"), tx("tk-ue-col-lever"), tx("tk-ue-col-step"),
         tx("tk-ue-col-change"), tx("tk-ue-col-delta"), tx("tk-ue-col-delta-pct")),
        tuple(rows), numeric=frozenset({0, 2, 4, 5}), highlight=frozenset({0}),
        widths=(0.5, 1.5, 0.8, 2.0, 1.3, 1.0),
    ))
    lever = tx.lever(constraint.lever)
    tied = ""
    if constraint.tied:
        tied = " " + tx("tk-ue-tied", levers=", ".join(tx.lever(x) for x in constraint.tied))
    if constraint.unknown:
        doc.add(Paragraph(tx("tk-ue-unranked", levers=", ".join(
            tx.lever(x) for x in constraint.unknown)), muted=True))
    if history_missing:
        doc.add(Paragraph(tx("tk-ue-history-none", levers=", ".join(
            tx.lever(x) for x in history_missing)), muted=True))
    doc.add(Paragraph(tx(f"tk-ue-constraint-{_k(constraint.basis)}", lever=lever) + tied,
                      lead=tx("tk-ue-constraint-lead")))
    doc.add(BulletList((
        tx("tk-ue-exploit-lead") + " " + tx(constraint.exploit),
        tx("tk-ue-elevate-lead") + " " + tx(constraint.elevate),
    )))
    for flag in constraint.flags:
        doc.add(Paragraph(tx(f"tk-ue-cflag-{_k(flag)}"), muted=True))


def _plan(doc: Document, tx: _Text, plan: X2Plan) -> None:
    metric = tx.metric(plan.metric)
    doc.add(Heading(tx("tk-x2-heading", metric=metric), 2))
    if plan.goal == "multiply":
        doc.add(Paragraph(tx("tk-x2-intro", metric=metric, base=tx.money(plan.base),
                             target=tx.money(plan.target),
                             factor=fmt.smart(tx.lang, plan.factor),
                             monthly=fmt.pct(tx.lang, plan.monthly_growth_pct, 1))))
    else:
        doc.add(Paragraph(tx("tk-x2-breakeven-intro", metric=metric, base=tx.money(plan.base))))

    def row(x: LeverTarget) -> tuple[str, ...]:
        if x.required is None:
            return (tx.lever(x.lever), tx.lever_value(x.lever, x.current),
                    tx(f"tk-x2-reason-{_k(x.reason)}"), "—")
        return (tx.lever(x.lever), tx.lever_value(x.lever, x.current),
                tx.lever_value(x.lever, x.required),
                fmt.signed(fmt.pct(tx.lang, x.change_pct), x.change_pct or 0.0))

    best = next((k for k, x in enumerate(plan.alone) if x.lever == plan.best_alone), None)
    doc.add(Table(
        (tx("tk-ue-col-lever"), tx("tk-x2-col-now"), tx("tk-x2-col-needed"),
         tx("tk-x2-col-change")),
        tuple(row(x) for x in plan.alone), numeric=frozenset({1, 2, 3}),
        highlight=frozenset({best}) if best is not None else frozenset(),
        widths=(1.6, 1.2, 1.6, 1.0), caption=tx("tk-x2-alone-caption"),
    ))
    if plan.mix_change is not None:
        doc.add(Paragraph(tx("tk-x2-mix", change=fmt.pct(tx.lang, plan.mix_change * 100, 1)),
                          lead=tx("tk-x2-mix-lead")))
        doc.add(Table(
            (tx("tk-ue-col-lever"), tx("tk-x2-col-now"), tx("tk-x2-col-needed"),
             tx("tk-x2-col-change")),
            tuple(row(x) for x in plan.mix), numeric=frozenset({1, 2, 3}),
            widths=(1.6, 1.2, 1.6, 1.0),
        ))
    else:
        doc.add(Paragraph(tx("tk-x2-mix-impossible"), lead=tx("tk-x2-mix-lead")))
    for flag in plan.flags:
        doc.add(Paragraph(tx(f"tk-x2-flag-{_k(flag)}"), muted=True))


# --------------------------------------------------------------------------- traction


def _traction(doc: Document, tx: _Text, tr: TractionResult, b2b: bool | None) -> None:
    doc.add(Heading(tx("tk-tr-heading"), 2))
    if b2b is None:
        doc.add(Paragraph(tx("tk-tr-b2b-only"), muted=True))
    if tr.stuck is None:
        doc.add(Paragraph(tx("tk-tr-all-done")))
    else:
        doc.add(Paragraph(tx("tk-tr-stuck", number=tr.stuck_number or 0,
                             step=tx(step_key(tr.stuck)), done=tr.done),
                          lead=tx("tk-tr-stuck-lead")))
    doc.add(Paragraph(tx(tr.action), lead=tx("tk-tr-action-lead")))
    highlight = frozenset({tr.stuck_number - 1}) if tr.stuck_number else frozenset()
    doc.add(Table(
        ("#", tx("tk-tr-col-step"), tx("tk-tr-col-status")),
        tuple((str(s.number), tx(step_key(s.step)), tx(f"tk-tr-status-{_k(s.status)}"))
              for s in tr.steps),
        numeric=frozenset({0}), highlight=highlight, widths=(0.3, 3.0, 1.2),
        caption=tx("tk-tr-map-caption"),
    ))
    if tr.skipped:
        doc.add(Paragraph(tx("tk-tr-skipped", count=len(tr.skipped),
                             steps=", ".join(tx(step_key(s)) for s in tr.skipped)), muted=True))


def _funnel(doc: Document, tx: _Text, funnel: Sequence[FunnelStage]) -> None:
    """Where the customer's way leaks (outside B2B direct sales)."""
    if not funnel:
        doc.add(Paragraph(tx("tk-funnel-none"), muted=True))
        return
    doc.add(Table(
        (tx("tk-funnel-col-stage"), tx("tk-ue-col-value")),
        tuple((tx(f"tk-funnel-{f.stage}") + (" ⚠" if f.leak else ""),
               fmt.percent(tx.lang, f.value) if f.value is not None else "—") for f in funnel),
        numeric=frozenset({1}), widths=(3.0, 1.0),
        highlight=frozenset(k for k, f in enumerate(funnel) if f.leak),
        caption=tx("tk-funnel-caption"),
    ))
    leak = next((f for f in funnel if f.leak), None)
    if leak is not None:
        doc.add(Paragraph(tx(f"tk-funnel-leak-{leak.stage}"), lead=tx("tk-funnel-leak-lead")))


def _growth(doc: Document, tx: _Text, growth: GrowthMetricChoice) -> None:
    doc.add(Heading(tx("tk-gm-heading"), 2))
    doc.add(Paragraph(tx.metric(growth.metric), lead=tx("tk-gm-chosen-lead")))
    doc.add(BulletList(tuple(tx(f"tk-gm-why-{r}") for r in growth.reasons)))


# --------------------------------------------------------------------------- audit


def _audit(doc: Document, tx: _Text, result: ToolkitResult,
           charts: Sequence[tuple[str, bytes]], findings: Sequence[str] | None) -> None:
    audit = result.audit
    assert audit is not None
    doc.add(Heading(tx("tk-brief-h-audit")))
    rows: list[tuple[str, str]] = []
    facts = audit.facts
    currency = str(facts.get("currency") or tx.currency)
    for key in ("customers", "orders", "revenue"):
        value = facts.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            text = (fmt.money(tx.lang, float(value), currency) if key == "revenue"
                    else fmt.smart(tx.lang, float(value)))
            rows.append((tx(f"tk-audit-fact-{key}"), text))
    if facts.get("date_from") and facts.get("date_to"):
        period = (iso_date(str(facts[k]), tx.lang) for k in ("date_from", "date_to"))
        rows.append((tx("tk-audit-fact-period"), " — ".join(period)))
    prefill_format: dict[str, Callable[[float], str]] = {
        "aov": lambda v: fmt.money(tx.lang, v, currency),
        "apc": lambda v: fmt.smart(tx.lang, v),
        "buyers_per_month": lambda v: fmt.smart(tx.lang, v),
    }
    for key, show in prefill_format.items():
        if key in audit.prefill:
            rows.append((tx(f"tk-audit-fact-{_k(key)}"), show(audit.prefill[key])))
    if rows:
        doc.add(Table((tx("tk-ue-col-output"), tx("tk-ue-col-value")), tuple(rows),
                      numeric=frozenset({1}), widths=(2.0, 1.2)))
    texts = list(findings) if findings is not None else _finding_texts(tx, audit.findings)
    if texts:
        doc.add(Heading(tx("tk-audit-findings"), 2), BulletList(tuple(texts)))
    for caption, png in charts:
        doc.add(Image(png, caption=caption, width=0.85, name="audit"))
    doc.add(Paragraph(tx("tk-audit-cogs-unknown"), muted=True))


def _finding_texts(tx: _Text, findings: Sequence[dict[str, Any]]) -> list[str]:
    texts: list[str] = []
    for finding in findings:
        code = str(finding.get("code", ""))
        if not code:
            continue
        evidence = finding.get("evidence")
        args = dict(evidence) if isinstance(evidence, dict) else {}
        key = f"audit-finding-{_k(code)}"
        text = tx(key, **args)  # Fluent returns the key itself when no such text exists
        if text != key:
            texts.append(text)
    return texts


# --------------------------------------------------------------------------- interview


def _interview(doc: Document, tx: _Text, number: int, name: str,
               script: InterviewScript) -> None:
    label = name or _short(script.segment) or tx("tk-vp-unnamed")
    doc.add(Heading(tx("tk-brief-vp-heading", number=number, name=label), 2))
    doc.add(Paragraph(tx(script.intro.key, **script.intro.args), lead=tx("tk-iv-intro-lead")))
    doc.add(BulletList(tuple(tx(q.key, **q.args) for q in script.questions), ordered=True))
    doc.add(Paragraph(tx("tk-iv-rules-lead")),
            BulletList(tuple(tx(f"tk-iv-rule-{r}") for r in script.rules)))
