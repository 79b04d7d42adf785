"""The readable data-quality summary, in the user's language."""

from __future__ import annotations

from analytics.ingest.model import IngestResult, Role
from analytics.locales import t
from analytics.render import formatting as fmt


def quality_lines(result: IngestResult, lang: str) -> list[str]:
    """Lines of the data-quality summary: what was read, used, dropped and doubted."""
    q, s = result.quality, result.source
    details = ", ".join(x for x in (s.encoding, _delimiter_name(s.delimiter, lang), s.sheet) if x)
    lines = [
        t(lang, "quality-title", file=s.file_name),
        t(lang, f"quality-shape-{result.shape}"),
        t(
            lang,
            "quality-source",
            format=s.format.upper(),
            details=f" ({details})" if details else "",
        ),
        t(
            lang,
            "quality-rows",
            read=fmt.number(q.rows_read, lang),
            used=fmt.number(q.rows_used, lang),
        ),
    ]
    if q.rows_dropped:
        lines.append(t(lang, "quality-dropped"))
        for reason, count in sorted(q.rows_dropped.items(), key=lambda kv: -kv[1]):
            lines.append(
                t(
                    lang,
                    "quality-dropped-reason",
                    reason=t(lang, f"reason-{reason}"),
                    count=fmt.number(count, lang),
                )
            )
    key = "quality-orders" if result.shape == "transactions" else "quality-customers"
    lines.append(
        t(lang, key, orders=fmt.number(q.orders, lang), customers=fmt.number(q.customers, lang))
    )
    if q.lead_rows:
        lines.append(
            t(
                lang,
                "quality-leads",
                rows=fmt.number(q.lead_rows, lang),
                people=fmt.number(q.leads, lang),
            )
        )
    lines.append(t(lang, "quality-revenue", revenue=fmt.money(q.revenue, q.currency, lang, 2)))
    lines.append(
        t(
            lang,
            "quality-period",
            **{"from": fmt.iso_date(q.date_from, lang), "to": fmt.iso_date(q.date_to, lang)},
        )
    )
    if q.customer_key_source:
        lines.append(t(lang, "quality-key", source=t(lang, f"role-{q.customer_key_source}")))
    if result.shape == "transactions":
        if q.status_column_present:
            counts = ", ".join(
                f"{t(lang, 'reason-' + k)}: {fmt.number(n, lang)}"
                for k, n in sorted(q.status_counts.items())
            )
            lines.append(t(lang, "quality-statuses", counts=counts))
        else:
            lines.append(t(lang, "quality-no-status"))
    lines.extend(_amount_source(result, lang))
    lines.append(
        t(
            lang,
            "quality-contacts",
            emails=q.invalid_emails,
            phones=q.invalid_phones,
            missing=q.missing_contacts,
        )
    )
    lines.append(
        t(
            lang,
            "quality-stale",
            months=q.stale_months,
            count=fmt.number(q.stale_customers, lang),
            share=fmt.share(q.stale_share, lang),
        )
    )
    lines.append(
        t(lang, "quality-duplicates", rows=q.duplicate_rows, customers=q.duplicate_customers)
    )
    if q.duplicate_rows:
        key = "quality-duplicates-kept" if q.duplicates_kept else "quality-duplicates-dropped"
        amount = fmt.money(q.duplicate_amount, q.currency, lang, 2)
        lines.append(t(lang, key, rows=fmt.number(q.duplicate_rows, lang), amount=amount))
    for warning in q.warnings:
        code, _, detail = warning.partition(":")
        lines.append(t(lang, f"quality-warning-{code}", detail=detail))
    lines.append(t(lang, "quality-mapping"))
    for role, match in result.mapping.items():
        lines.append(
            t(
                lang,
                "quality-mapping-row",
                role=t(lang, f"role-{role.value}"),
                column=match.column,
                confidence=fmt.share(match.confidence, lang, 0),
            )
        )
    if result.unsure_roles:
        roles = ", ".join(t(lang, f"role-{r.value}") for r in result.unsure_roles)
        lines.append(t(lang, "quality-unsure", roles=roles))
    return lines


def _amount_source(result: IngestResult, lang: str) -> list[str]:
    """Where the line amounts came from, and how sure the data made it."""
    q, mapping = result.quality, result.mapping
    columns = {r.value: m.column for r, m in mapping.items() if r in (Role.AMOUNT, Role.UNIT_PRICE)}
    amount, price = columns.get("amount", ""), columns.get("unit_price", "")
    decision = next((d for d in q.decisions if d.topic == "amount_source"), None)
    if decision is None:
        if q.amount_source in ("quantity_x_price", "unit_price"):
            return [t(lang, f"quality-amount-{q.amount_source}", price=price)]
        return []
    if decision.explicit:
        source = t(lang, f"amount-source-{decision.chosen}", amount=amount)
        return [t(lang, "quality-amount-explicit", source=source)]
    agree = decision.evidence.get("agree_share")
    share = fmt.share(float(agree), lang, 0) if isinstance(agree, float) else "—"
    basis = decision.evidence.get("basis")
    key = f"quality-amount-{basis}" if decision.sure else "quality-amount-unsure"
    return [t(lang, key, amount=amount, share=share)]


def _delimiter_name(delimiter: str | None, lang: str) -> str | None:
    if delimiter == " ":
        return t(lang, "quality-delimiter-spaces")  # a whitespace-aligned table
    return {"\t": "TAB", None: None}.get(delimiter, f"'{delimiter}'") if delimiter else None
