"""The views of a stored audit (segments, cohorts, ..., exports, comparison) and history."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from analytics.render.formatting import iso_date as local_date
from analytics.render.formatting import money, number
from bot.callbacks import NO_COLUMN, NO_COLUMN_INDEX, AuditView, FixColumn, Menu, Redo
from bot.context import Ctx
from bot.keyboards import audit_views
from bot.progress import StatusMessage
from bot.services.audit_run import job_error_text
from bot.services.quality_view import (
    column_keyboard,
    headers,
    quality_keyboard,
    quality_texts,
    rerun_request,
)
from bot.services.views import (
    TEXT_VIEWS,
    available_views,
    export_name,
    render_comparison,
    render_view,
)
from bot.worker import JobError
from storage import Audit


def router() -> Router:
    """Audit views, the data-quality view's changes and /history."""
    r = Router(name="results")
    r.callback_query.register(on_view, AuditView.filter())
    r.callback_query.register(on_fix_column, FixColumn.filter())
    r.callback_query.register(on_redo, Redo.filter())
    r.message.register(on_history, Command("history"))
    r.callback_query.register(on_history_button, Menu.filter(F.item == "history"))
    return r


async def on_view(query: CallbackQuery, callback_data: AuditView, ctx: Ctx) -> None:
    """Send one view of the user's own audit (another user's id finds nothing)."""
    audit = await ctx.storage.audits.get(ctx.user_id, callback_data.audit_id)
    if audit is None:
        await ctx.say("audit-gone")
        return
    view = callback_data.view
    if view == "qual":
        *texts, last = quality_texts(audit.report, ctx.lang)
        for text in texts:
            await ctx.send(text)
        await ctx.send(last, quality_keyboard(ctx.i18n, audit.id, audit.report))
        return
    if view in TEXT_VIEWS:
        texts = render_view(audit.report, view, ctx.lang)
    elif view == "cmp":
        history = await ctx.storage.audits.history(ctx.user_id, limit=50)
        older = [a for a in history if a.id < audit.id]
        texts = (render_comparison(older[0].report, audit.report, ctx.lang) if older
                 else [ctx.t("compare-none")])
    else:
        await ctx.spawn(send_file, view=view, audit_id=audit.id)
        return
    for text in texts:
        await ctx.send(text)


async def on_fix_column(query: CallbackQuery, callback_data: FixColumn, ctx: Ctx) -> None:
    """Ask which header holds the role's data, or audit the stored file again with the
    column chosen."""
    audit = await ctx.storage.audits.get(ctx.user_id, callback_data.audit_id)
    if audit is None:
        await ctx.say("audit-gone")
        return
    role, index = callback_data.role, callback_data.index
    if index < 0:
        await ctx.say("quality-which-column", column_keyboard(ctx.i18n, audit.id, role,
                                                               audit.report),
                      role=ctx.t(f"role-{role}"))
        return
    names = headers(audit.report)
    if index != NO_COLUMN_INDEX and index >= len(names):
        await ctx.say("audit-gone")
        return
    column = NO_COLUMN if index == NO_COLUMN_INDEX else names[index]
    await _rerun(ctx, audit, *rerun_request(audit.report, role=role, column=column))


async def on_redo(query: CallbackQuery, callback_data: Redo, ctx: Ctx) -> None:
    """Audit the stored file again with another option of an ingest decision."""
    audit = await ctx.storage.audits.get(ctx.user_id, callback_data.audit_id)
    if audit is None:
        await ctx.say("audit-gone")
        return
    await _rerun(ctx, audit, *rerun_request(audit.report, topic=callback_data.topic,
                                             option=callback_data.option))


async def _rerun(ctx: Ctx, audit: Audit, mapping: dict[str, str],
                 choices: dict[str, str]) -> None:
    if audit.upload_id is None:  # the file was purged by retention
        await ctx.say("audit-gone")
        return
    from bot.handlers.audit import audit_upload

    await ctx.spawn(audit_upload, upload_id=audit.upload_id, mapping=mapping, choices=choices)


async def send_file(ctx: Ctx, view: str, audit_id: int) -> None:
    """Work: the customers table or the PDF report of the user's audit, as a document."""
    audit = await ctx.storage.audits.get(ctx.user_id, audit_id)
    if audit is None:
        await ctx.say("audit-gone")
        return
    report = audit.report
    status = await StatusMessage.start(ctx, "progress-export")
    try:
        if view == "xlsx":
            results = await ctx.storage.customer_results.for_audit(ctx.user_id, audit_id)
            if not results:
                await status.show(ctx.t("export-expired"))
                return
            rows = [{**r.data, "customer_key": r.customer_key} for r in results]
            content = await ctx.pool.run(ctx.user_id, "bot.jobs:customers_xlsx_job", rows, ctx.lang)
            name = export_name("customers", report, ".xlsx")
        else:
            content = await ctx.pool.run(ctx.user_id, "bot.jobs:report_pdf_job", report, ctx.lang)
            name = export_name("report", report, ".pdf")
    except JobError as exc:
        await status.show(job_error_text(ctx, exc))
        return
    await ctx.bot.send_document(ctx.chat_id, BufferedInputFile(content, filename=name))
    await status.show(ctx.t("progress-sent"))


async def on_history(message: Message, ctx: Ctx) -> None:
    """/history."""
    await send_history(ctx)


async def on_history_button(query: CallbackQuery, ctx: Ctx) -> None:
    """The history menu item."""
    await send_history(ctx)


async def send_history(ctx: Ctx) -> None:
    """The last audits, newest first; the newest gets its view buttons."""
    audits = await ctx.storage.audits.history(ctx.user_id, limit=5)
    if not audits:
        await ctx.say("history-empty")
        return
    lines = [ctx.t("history-title")]
    for audit in audits:
        data = audit.report.get("data") or {}
        lines.append(ctx.t(
            "history-line", date=local_date(audit.created_at.date().isoformat(), ctx.lang),
            customers=number(float(data.get("customers") or 0), ctx.lang),
            revenue=money(float(data.get("revenue") or 0), str(data.get("currency") or "RUB"),
                          ctx.lang)))
    newest = audits[0]
    views = available_views(newest.report, has_previous=len(audits) > 1)
    await ctx.send("\n".join(lines), audit_views(ctx.i18n, newest.id, views))
