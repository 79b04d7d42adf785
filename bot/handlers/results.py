"""The views of a stored audit (segments, cohorts, ..., exports, comparison) and history."""

from __future__ import annotations

import html

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message

from analytics.advice.overlap import common_share
from analytics.render.formatting import iso_date as local_date
from analytics.render.formatting import number
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
    source_name,
)
from bot.worker import JobError
from storage import Audit

HISTORY_SHOWN = 10
"""/history shows the newest audits, each with its buttons."""
COMPARE_WINDOW = 50
"""The previous audit to compare with is looked for among the user's newest audits."""


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
        texts = await comparison(ctx, audit)
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
    """The newest audits, one message each with its buttons, the newest last (next to
    where the user types)."""
    audits = await ctx.storage.audits.history(ctx.user_id, limit=HISTORY_SHOWN + 1)
    if not audits:
        await ctx.say("history-empty")
        return
    shown = audits[:HISTORY_SHOWN]
    await ctx.say("history-more" if len(audits) > len(shown) else "history-title",
                  count=len(shown))
    for index in reversed(range(len(shown))):
        audit = shown[index]
        views = available_views(audit.report, has_previous=index + 1 < len(audits))
        await ctx.send(history_entry(ctx, audit), audit_views(ctx.i18n, audit.id, views))


def history_entry(ctx: Ctx, audit: Audit) -> str:
    """The file's name, its period (first and last order), customers and the audit's date."""
    data = audit.report.get("data") or {}
    first, last = data.get("date_from"), data.get("date_to")
    period = (ctx.t("history-period", first=local_date(str(first), ctx.lang),
                    last=local_date(str(last), ctx.lang))
              if first and last else ctx.t("history-no-period"))
    return ctx.t("history-entry", name=html.escape(source_name(audit.report) or "—"),
                 period=period, customers=number(float(data.get("customers") or 0), ctx.lang),
                 date=local_date(audit.created_at.date().isoformat(), ctx.lang))


async def buttons_of(ctx: Ctx, audit: Audit) -> InlineKeyboardMarkup:
    """The buttons of a stored audit (compare when the user has an older one)."""
    has_previous = await previous_audit(ctx, audit) is not None
    return audit_views(ctx.i18n, audit.id, available_views(audit.report,
                                                           has_previous=has_previous))


async def previous_audit(ctx: Ctx, audit: Audit) -> Audit | None:
    """The user's audit made just before ``audit``."""
    history = await ctx.storage.audits.history(ctx.user_id, limit=COMPARE_WINDOW)
    return next((a for a in history if a.id < audit.id), None)


async def comparison(ctx: Ctx, audit: Audit) -> list[str]:
    """``audit`` against the previous one: a warning first when both come from the same
    file; the comparison warns itself when they look like two businesses (by the customers
    in common while both audits' hashes are kept)."""
    previous = await previous_audit(ctx, audit)
    if previous is None:
        return [ctx.t("compare-none")]
    hashes = [await ctx.storage.customer_hashes.get(ctx.user_id, a.id) for a in (previous, audit)]
    common = common_share(hashes[0], hashes[1]) if hashes[0] and hashes[1] else None
    texts = render_comparison(previous.report, audit.report, ctx.lang, common=common)
    if await same_file(ctx, previous, audit):
        texts.insert(0, ctx.t("compare-same-file"))
    return texts


async def same_file(ctx: Ctx, first: Audit, second: Audit) -> bool:
    """Both audits come from uploads with the same content (both still stored)."""
    contents = set()
    for audit in (first, second):
        upload = (None if audit.upload_id is None
                  else await ctx.storage.uploads.get(ctx.user_id, audit.upload_id))
        if upload is None:
            return False
        contents.add(upload.sha256)
    return len(contents) == 1
