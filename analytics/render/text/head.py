"""The head of every audit text: the five numbers with their trend, the main finding, the
growth lever, the top steps (aimed at different customers) with their money and what they
make together, and the forecast. Built once as a :class:`Head`
and laid out by summary.txt and the chat (:mod:`analytics.render.text.sections`) and by
report.pdf and report.html (:mod:`analytics.render.report_pdf`), so they say the same thing.

A trend compares the two periods of the diagnosis's headline (the last 12 months with the
12 before, or the shorter periods it chose): revenue and the average check over each period,
the active base at each period's end, churn over each period's last three months.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from analytics.advice.facts import complete_months, num, rows, section
from analytics.render.text.advice import (
    effect_text,
    finding_text,
    plan_total,
    rec_title,
    top_steps,
)
from analytics.render.text.diagnosis import diagnosis_lines, period_text, signed_share
from analytics.render.text.forecast import forecast_lines
from analytics.render.text.kit import Markup, Tx

Report = Mapping[str, Any]
TOP_STEPS = 3
CHURN_MONTHS = 3
"""Churn in the five numbers is the average of this many last complete months."""


@dataclass(frozen=True)
class Head:
    """The head's parts as sentences in one language (see the module docstring)."""

    five: list[str]
    trend_note: str | None
    main: list[str]
    lever: str | None
    steps: list[Mapping[str, Any]] = field(default_factory=list)
    together: str | None = None
    forecast: list[str] = field(default_factory=list)


def in_chat(tx: Tx, key: str, markup: Markup) -> str:
    """``key``'s chat wording (``key-chat``: no command-line flags) for Telegram HTML."""
    return tx.variant(key, "chat" if markup == "html" else None)


def has_purchases(report: Report) -> bool:
    """False for a customer list without orders counts or totals spent: its revenue is not
    zero, it is unknown, and no rule about buying can judge it."""
    metrics = section(report, "metrics")
    return metrics.get("computed_on") != "customer_list" or num(metrics, "revenue") is not None


def head(report: Report, tx: Tx, markup: Markup = "plain") -> Head:
    """The head of ``report`` in ``tx``'s language (``markup="html"``: the chat's wordings)."""
    findings, recs = rows(report.get("findings")), rows(report.get("recommendations"))
    main = diagnosis_lines(report, tx)
    named = bool(section(report, "diagnosis").get("silent_accounts"))
    if not findings:
        main.append(tx(in_chat(tx, "report-no-findings", markup) if has_purchases(report)
                       else "report-no-purchases"))
    elif not (named and findings[0].get("code") == "key_accounts_silent"):
        main.append(finding_text(findings[0], tx))  # else the diagnosis named the accounts
    valued = [r for r in recs if r.get("effect")]
    lever = (tx("report-lever", metric=tx(f"advice-growth-{valued[0].get('growth_metric')}"))
             if valued else None)
    trends = _Trends(report, tx)
    return Head(five=five_numbers(report, tx, trends), trend_note=trends.note(), main=main,
                lever=lever, steps=top_steps(report) or valued[:TOP_STEPS],
                together=plan_total(report, tx), forecast=forecast_lines(report, tx))


def step_line(rec: Mapping[str, Any], tx: Tx, rank: int | None = None) -> str:
    """A top step with its money: "1. Вернуть приток новых клиентов: +1 120 240 ₽ выручки за
    12 мес. (от 560 120 ₽ до 1 680 360 ₽)"
    (without ``rank``: no number)."""
    args = {"title": rec_title(rec, tx), "effect": effect_text(rec, tx, arithmetic=False)}
    if rank is None:
        return tx("report-top-line", **args)
    return tx("report-top-item", rank=rank, **args)


def five_numbers(report: Report, tx: Tx, trends: _Trends | None = None) -> list[str]:
    """Revenue, the total and active base, the average check, orders per customer with the
    repeat rate, and monthly churn, each with its trend where the data show one."""
    trends = trends or _Trends(report, tx)
    data, metrics, life = (section(report, k) for k in ("data", "metrics", "lifecycle"))
    dated = bool(data.get("date_from") and data.get("date_to"))
    revenue = tx.money(num(data, "revenue"))
    if not has_purchases(report):
        lines = [tx("report-five-revenue-missing")]
    else:
        lines = [trends.add(tx("report-five-revenue", revenue=revenue, **{
            "from": tx.date(data.get("date_from")), "to": tx.date(data.get("date_to"))})
            if dated else tx("report-five-revenue-undated", revenue=revenue), "revenue")]
    total, active = num(life, "total_base"), num(life, "active_base")
    days = num(section(life, "churn_window"), "days") or num(life, "active_days")
    if total and active is not None and life.get("monthly"):
        lines.append(trends.add(tx("report-five-base", total=tx.number(total), total_n=total,
                                   active=tx.number(active), share=tx.share(active / total),
                                   days=tx.number(days)), "active_base"))
    else:
        lines.append(tx("report-five-base-list", total=tx.number(num(data, "customers")),
                        total_n=num(data, "customers") or 0))
    lines.append(trends.add(tx("report-five-aov", aov=tx.money(num(metrics, "aov"))), "aov"))
    lines.append(tx("report-five-apc", apc=tx.number(num(metrics, "orders_per_customer"), 2),
                    repeat=tx.share(num(metrics, "repeat_rate"))))
    churn = _mean_churn(complete_months(report, "lifecycle"))
    lines.append(trends.add(tx("report-five-churn", churn=tx.share(churn)), "churn")
                 if churn is not None else tx("report-five-churn-unknown"))
    return lines


def _mean_churn(months: Sequence[Mapping[str, Any]]) -> float | None:
    """Average monthly churn of the last :data:`CHURN_MONTHS` of ``months``."""
    rates = [r for r in (num(m, "churn_rate") for m in months[-CHURN_MONTHS:]) if r is not None]
    return sum(rates) / len(rates) if rates else None


class _Trends:
    """Each figure's value over the diagnosis's earlier and later period, as text."""

    def __init__(self, report: Report, tx: Tx) -> None:
        self.tx = tx
        periods = self.source = section(section(report, "diagnosis"), "periods")
        self.mode = periods.get("mode")
        self.periods = [section(periods, k) for k in ("before", "after")]
        self.sales = complete_months(report, "metrics")
        self.life = complete_months(report, "lifecycle")
        self.shown = False

    def _window(self, months: Sequence[Mapping[str, Any]],
                period: Mapping[str, Any]) -> list[Mapping[str, Any]]:
        start, end = str(period.get("from") or ""), str(period.get("to") or "")
        return [m for m in months if start <= str(m.get("month")) <= end] if start else []

    def _pair(self, name: str) -> tuple[float, float] | None:
        values = []
        for period in self.periods:
            sales, life = self._window(self.sales, period), self._window(self.life, period)
            if name in ("revenue", "aov"):
                revenue = sum(num(m, "revenue") or 0.0 for m in sales)
                orders = sum(num(m, "orders") or 0.0 for m in sales)
                value = (revenue if name == "revenue" else revenue / orders if orders
                         else None) if sales else None
            elif name == "active_base":
                value = num(life[-1], "active_base") if life else None
            else:
                value = _mean_churn(life)
            if value is None:
                return None
            values.append(value)
        return values[0], values[1]

    def add(self, line: str, name: str) -> str:
        """``line`` with the figure's trend ("5 736 478 ₽ → 4 134 752 ₽, −27,9 %")."""
        pair = self._pair(name) if self.mode else None
        if pair is None:
            return line
        before, after = pair
        if name == "churn":
            shown = [self.tx.share(v) for v in pair]
        elif name == "active_base":
            shown = [self.tx.number(v) for v in pair]
        else:
            shown = [self.tx.money(v) for v in pair]
        self.shown = True
        if name == "churn":  # a rate: its two values say the change
            return self.tx("five-trend-rate", line=line, before=shown[0], after=shown[1])
        change = signed_share(self.tx, after / before - 1) if before else "—"
        return self.tx("five-trend", line=line, before=shown[0], after=shown[1], change=change)

    def note(self) -> str | None:
        """What the arrows compare, once any trend was shown."""
        if not self.shown:
            return None
        return self.tx("five-trend-note", period=period_text(self.source, self.tx),
                       months=CHURN_MONTHS)
