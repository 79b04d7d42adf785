"""The diagnosis in words: the head of the summary (the constraint, its size in money and
since when, then growth, season, acquisition, silent key accounts and what the data
allows). Pure ``report dict -> sentences``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analytics.advice.facts import num, rows, section
from analytics.render.text.kit import Tx

SHOWN_ACCOUNTS = 3


def signed_share(tx: Tx, value: float | None) -> str:
    """A change as a signed percentage: "+7 %", "−18 %"."""
    if value is None:
        return "—"
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return sign + tx.share(abs(value))


def signed_money(tx: Tx, value: float | None) -> str:
    """Money with its sign: "+96 668 ₽", "−2 558 159 ₽"."""
    if value is None:
        return "—"
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return sign + tx.money(abs(value))


def month_since(tx: Tx, label: str | None) -> str:
    """", с октября 2024" from ``YYYY-MM`` (empty without a month)."""
    if not label:
        return ""
    year, month = label.split("-")
    return tx("diag-since", month=tx(f"diag-month-gen-{int(month)}", year=year))


def diagnosis_lines(report: Mapping[str, Any], tx: Tx) -> list[str]:
    """Sentences of the diagnosis, the headline first; empty without a diagnosis."""
    diagnosis = section(report, "diagnosis")
    if not diagnosis:
        return []
    lines = [line for line in (_headline(diagnosis, tx), _growth(diagnosis, tx)) if line]
    lines += _acquisition(diagnosis, tx)
    lines += _silent(diagnosis, tx)
    enough = section(diagnosis, "sufficiency")
    if enough.get("level") in ("thin", "too_little"):
        key = "diag-thin" if enough["level"] == "thin" else "diag-too-little"
        customers = int(num(enough, "customers") or 0)
        lines.append(tx(key, customers=tx.number(customers), customers_n=customers,
                        months=tx.number(num(enough, "months"))))
    return lines


def _headline(diagnosis: Mapping[str, Any], tx: Tx) -> str | None:
    periods, bridge = section(diagnosis, "periods"), section(diagnosis, "bridge")
    if not periods or not bridge:
        return None
    period = period_text(periods, tx)
    change = signed_share(tx, num(bridge, "change_share"))
    constraint = section(diagnosis, "constraint")
    factor = str(constraint.get("factor", ""))
    if constraint.get("kind") == "fell":
        return tx("diag-head-fell", period=period, change=change,
                  share=tx.share(num(constraint, "share")),
                  value=signed_money(tx, num(constraint, "value")),
                  factor=tx(f"diag-factor-{factor}"),
                  since=month_since(tx, constraint.get("since")))
    if constraint.get("kind") == "potential":
        return tx("diag-head-potential", period=period, change=change,
                  lever=tx(f"diag-lever-{factor}"),
                  value=signed_money(tx, num(constraint, "value")))
    return tx("diag-head-steady", period=period, change=change)


def period_text(periods: Mapping[str, Any], tx: Tx) -> str:
    """The headline's comparison ("за последние 12 мес. к предыдущим 12") from
    ``diagnosis.periods``."""
    after = section(periods, "after")
    return tx(f"diag-period-{periods.get('mode')}", months=after.get("months"),
              **{"from": _month(tx, after.get("from")), "to": _month(tx, after.get("to"))})


def _growth(diagnosis: Mapping[str, Any], tx: Tx) -> str | None:
    trend = section(diagnosis, "trend")
    if trend.get("direction") in (None, "unknown"):
        return None
    said = (section(diagnosis, "periods").get("mode") == "year_on_year"
            and trend.get("basis") == "last_12_vs_previous_12")  # the headline gave it
    key = f"diag-growth-{trend['direction']}" + ("-said" if said else "")
    text = tx(key, growth=signed_share(tx, num(trend, "growth")),
              basis=tx(f"diag-basis-{trend.get('basis')}"))
    if trend.get("season") == "confirmed" and trend.get("peaks"):
        peaks = ", ".join(tx(f"advice-month-in-{m}") for m in trend["peaks"])
        text += " " + tx("diag-season-confirmed", peaks=peaks)
    elif trend.get("season") == "possible":
        text += " " + tx("diag-season-possible")
    return text


def _acquisition(diagnosis: Mapping[str, Any], tx: Tx) -> list[str]:
    found = section(diagnosis, "acquisition")
    if not found:
        return []
    lines = []
    if found.get("status") == "stopped":
        new = int(num(found, "new_last_6_months") or 0)
        lines.append(tx("diag-acquisition-stopped", new=tx.number(new), new_n=new,
                        base=tx.number(num(found, "base_before"))))
    if found.get("has_leads") and num(found, "lead_conversion") is not None:
        lines.append(tx("diag-leads", conversion=tx.share(num(found, "lead_conversion")),
                        days=found.get("conversion_days")))
    elif not found.get("has_leads"):
        lines.append(tx("diag-no-leads"))
    return lines


def _silent(diagnosis: Mapping[str, Any], tx: Tx) -> list[str]:
    accounts = rows(diagnosis.get("silent_accounts"))[:SHOWN_ACCOUNTS]
    if not accounts:
        return []
    named = "; ".join(
        tx("diag-silent-account", name=str(a.get("name") or a.get("key")),
           revenue=tx.money(num(a, "revenue_12m")), date=tx.date(a.get("last_order")))
        for a in accounts
    )
    return [tx("diag-silent", accounts=named)]


def _month(tx: Tx, label: Any) -> str:
    """``YYYY-MM`` as "10.2024"."""
    if not label:
        return "—"
    year, month = str(label).split("-")
    return f"{month}.{year}"
