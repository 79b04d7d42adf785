"""The readable data-quality summary, in the user's language, from report.json's ``data``
and ``quality`` sections: what was read, used, dropped, assumed and doubted.

The CLI prints it before the summary (where a choice can be changed it names the flag); the
chat shows it as a view under each audit (``chat=True``: the ``-chat`` wordings, which point
to the view's buttons instead of flags).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analytics.advice.facts import section
from analytics.locales import t
from analytics.render import formatting as fmt

Section = Mapping[str, Any]


def quality_lines(report: Section, lang: str, *, chat: bool = False) -> list[str]:
    """Lines of the data-quality summary of ``report``."""
    data, q = section(report, "data"), section(report, "quality")
    s = section(q, "source")

    def say(key: str, **args: Any) -> str:
        """``key``'s chat wording when ``chat`` and one exists, else ``key``."""
        if chat and t(lang, f"{key}-chat", **args) != f"{key}-chat":
            return t(lang, f"{key}-chat", **args)
        return t(lang, key, **args)

    details = ", ".join(x for x in (s.get("encoding"), _delimiter_name(s.get("delimiter"), lang),
                                    s.get("sheet")) if x)
    shape = str(data.get("shape") or "transactions")
    lines = [
        t(lang, "quality-title", file=str(s.get("file_name") or "")),
        t(lang, f"quality-shape-{shape}"),
        t(lang, "quality-source", format=str(s.get("format") or "").upper(),
          details=f" ({details})" if details else ""),
        t(lang, "quality-rows", read=fmt.number(data.get("rows_read", 0), lang),
          used=fmt.number(data.get("rows_used", 0), lang)),
    ]
    dropped = section(data, "rows_dropped")
    if dropped:
        lines.append(t(lang, "quality-dropped"))
        for reason, count in sorted(dropped.items(), key=lambda kv: -kv[1]):
            lines.append(t(lang, "quality-dropped-reason", reason=t(lang, f"reason-{reason}"),
                           count=fmt.number(count, lang)))
    key = "quality-orders" if shape == "transactions" else "quality-customers"
    lines.append(t(lang, key, orders=fmt.number(data.get("orders", 0), lang),
                   customers=fmt.number(data.get("customers", 0), lang)))
    if data.get("lead_rows"):
        lines.append(t(lang, "quality-leads", rows=fmt.number(data.get("lead_rows", 0), lang),
                       people=fmt.number(data.get("leads", 0), lang)))
    currency = data.get("currency") if isinstance(data.get("currency"), str) else None
    lines.append(t(lang, "quality-revenue",
                   revenue=fmt.money(data.get("revenue", 0), currency, lang, 2)))
    lines.append(t(lang, "quality-period", **{"from": fmt.iso_date(data.get("date_from"), lang),
                                              "to": fmt.iso_date(data.get("date_to"), lang)}))
    if data.get("customer_key"):
        lines.append(t(lang, "quality-key", source=t(lang, f"role-{data['customer_key']}")))
    if shape == "transactions":
        if q.get("status_column_present"):
            counts = ", ".join(f"{t(lang, 'reason-' + k)}: {fmt.number(n, lang)}"
                               for k, n in sorted(section(q, "status_counts").items()))
            lines.append(t(lang, "quality-statuses", counts=counts))
        else:
            lines.append(t(lang, "quality-no-status"))
    lines.extend(_amount_source(q, lang, say))
    lines.append(t(lang, "quality-contacts", emails=q.get("invalid_emails", 0),
                   phones=q.get("invalid_phones", 0), missing=q.get("missing_contacts", 0)))
    lines.append(t(lang, "quality-stale", months=q.get("stale_months", 12),
                   count=fmt.number(q.get("stale_customers", 0), lang),
                   share=fmt.share(q.get("stale_share", 0.0), lang)))
    rows = q.get("duplicate_rows") or 0
    lines.append(t(lang, "quality-duplicates", rows=rows,
                   customers=q.get("duplicate_customers", 0)))
    if rows:
        kept = "quality-duplicates-kept" if q.get("duplicates_kept") else \
            "quality-duplicates-dropped"
        lines.append(say(kept, rows=fmt.number(rows, lang),
                         amount=fmt.money(q.get("duplicate_amount", 0.0), currency, lang, 2)))
    for warning in q.get("warnings") or []:
        code, _, detail = str(warning).partition(":")
        lines.append(say(f"quality-warning-{code}", detail=detail))
    lines.append(t(lang, "quality-mapping"))
    for role, match in section(q, "columns").items():
        lines.append(t(lang, "quality-mapping-row", role=t(lang, f"role-{role}"),
                       column=str(match.get("column")),
                       confidence=fmt.share(match.get("confidence", 0.0), lang, 0)))
    if q.get("unsure"):
        roles = ", ".join(t(lang, f"role-{r}") for r in q["unsure"])
        lines.append(say("quality-unsure", roles=roles))
    return lines


def _amount_source(q: Section, lang: str, say: Any) -> list[str]:
    """Where the line amounts came from, and how sure the data made it."""
    columns = section(q, "columns")
    amount = str(section(columns, "amount").get("column") or "")
    price = str(section(columns, "unit_price").get("column") or "")
    decision = next((d for d in q.get("decisions") or []
                     if isinstance(d, Mapping) and d.get("topic") == "amount_source"), None)
    if decision is None:
        if q.get("amount_source") in ("quantity_x_price", "unit_price"):
            return [t(lang, f"quality-amount-{q['amount_source']}", price=price)]
        return []
    evidence = section(decision, "evidence")
    if decision.get("explicit"):
        source = t(lang, f"amount-source-{decision.get('chosen')}", amount=amount)
        return [say("quality-amount-explicit", source=source)]
    agree = evidence.get("agree_share")
    share = fmt.share(float(agree), lang, 0) if isinstance(agree, float) else "—"
    key = f"quality-amount-{evidence.get('basis')}" if decision.get("sure") else \
        "quality-amount-unsure"
    return [say(key, amount=amount, share=share)]


def _delimiter_name(delimiter: str | None, lang: str) -> str | None:
    if delimiter == " ":
        return t(lang, "quality-delimiter-spaces")  # a whitespace-aligned table
    return {"\t": "TAB", None: None}.get(delimiter, f"'{delimiter}'") if delimiter else None
