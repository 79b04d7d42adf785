"""Audit: a document in, the summary, charts and view buttons out."""

from __future__ import annotations

import html
from typing import Any

from aiogram import F, Router
from aiogram.types import CallbackQuery, Document, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from analytics.render.formatting import iso_date
from bot.callbacks import ColumnPick, Confirm
from bot.context import Ctx
from bot.handlers.results import buttons_of
from bot.job_types import NeedsColumns
from bot.keyboards import confirm, consent
from bot.services.audit_run import run_audit
from bot.services.uploads import DownloadRefused, download, precheck
from bot.states import AuditFlow, Dialog

MAX_COLUMN_BUTTONS = 24


def router() -> Router:
    """Document uploads and the column-confirmation dialog."""
    r = Router(name="audit")
    r.message.register(on_document, F.document)
    r.message.register(on_photo, F.photo)
    r.callback_query.register(on_column, AuditFlow.columns, ColumnPick.filter())
    r.callback_query.register(on_held, Confirm.filter(F.what == "held"))
    return r


async def on_document(message: Message, ctx: Ctx) -> None:
    """Check the file from the update, then (after consent) download and audit it."""
    document = message.document
    assert document is not None
    refusal = precheck(document, ctx.settings.max_upload_bytes)
    if refusal is not None:
        await ctx.send(ctx.t(refusal.key, **refusal.args))
        return
    if await ctx.state.get_state() == Dialog.active.state:  # kept for after the questionnaire
        await ctx.state.update_data(held_document=document.model_dump(mode="json"))
        await ctx.say("dlg-file-held", confirm(ctx.i18n, "held"),
                      name=html.escape(document.file_name or ""))
        return
    if not ctx.account.consent:
        await ctx.state.set_state(AuditFlow.consent)
        await ctx.state.update_data(pending_document=document.model_dump(mode="json"))
        await ctx.say("consent-needed", consent(ctx.i18n))
        return
    await ctx.spawn(audit_document, document=document.model_dump(mode="json"))


async def on_held(query: CallbackQuery, callback_data: Confirm, ctx: Ctx) -> None:
    """A file sent mid-questionnaire: audit it now (leaving the questionnaire) or keep it
    for when the questionnaire ends."""
    if query.message is not None:
        await ctx.retire_keyboard(query.message.message_id)
    held = (await ctx.state.get_data()).get("held_document")
    if not callback_data.yes or held is None:
        if held is not None:
            await ctx.toast("toast-file-kept")
        return
    await ctx.state.clear()
    await ctx.say("dlg-cancelled")
    await ctx.spawn(audit_document, document=held)


async def on_photo(message: Message, ctx: Ctx) -> None:
    """A screenshot instead of the file."""
    await ctx.say("upload-photo")


async def audit_document(ctx: Ctx, document: dict[str, Any]) -> None:
    """Work: download and audit the document (its Bot API JSON); ask about unsure columns
    when needed."""
    file = Document.model_validate(document)
    if await ctx.state.get_state() == AuditFlow.columns.state:
        await ctx.state.clear()  # a new file replaces the question about the old one
    try:
        upload = await download(ctx.bot, ctx.storage, ctx.user_id, file)
    except DownloadRefused:
        limit = round(ctx.settings.max_upload_bytes / 2**20)
        await ctx.say("upload-too-big", size_mb=round((file.file_size or 0) / 2**20, 1),
                      limit_mb=limit)
        return
    earlier = await ctx.storage.audits.of_upload(ctx.user_id, upload.id)
    if earlier is not None:  # the same bytes were sent and audited before
        await ctx.say("upload-same-file", await buttons_of(ctx, earlier),
                      date=iso_date(earlier.created_at.date().isoformat(), ctx.lang))
        return
    needs = await run_audit(ctx, upload.id, {})
    if needs is not None:
        await _start_columns(ctx, upload.id, needs)


async def audit_upload(ctx: Ctx, upload_id: int, mapping: dict[str, str],
                       choices: dict[str, str]) -> None:
    """Work: audit a stored upload with the columns and choices the user confirmed (and
    ask for a column detection still cannot find)."""
    needs = await run_audit(ctx, upload_id, mapping, choices=choices, ask_unsure=False)
    if needs is not None:
        await _start_columns(ctx, upload_id, needs, mapping, choices)


async def _start_columns(ctx: Ctx, upload_id: int, needs: NeedsColumns,
                         mapping: dict[str, str] | None = None,
                         choices: dict[str, str] | None = None) -> None:
    await ctx.state.set_state(AuditFlow.columns)
    await ctx.state.set_data({
        "upload_id": upload_id, "mapping": dict(mapping or {}),
        "choices": dict(choices or {}), "current": 0,
        "questions": [{"role": q.role, "chosen": q.chosen, "kind": q.kind, "detail": q.detail,
                       "options": list(q.options[:MAX_COLUMN_BUTTONS])}
                      for q in needs.questions],
    })
    await ctx.say("columns-intro")
    await ask_column(ctx)


async def ask_column(ctx: Ctx) -> None:
    """Ask the current question, a column or a choice (also after /start while it is
    pending)."""
    data = await ctx.state.get_data()
    question: dict[str, Any] = data["questions"][data["current"]]
    topic, detail = question["role"], question.get("detail", {})
    choice = question.get("kind") == "choice"
    kb = InlineKeyboardBuilder()
    for index, option in enumerate(question["options"]):
        mark = "✓ " if option == question["chosen"] else ""
        label = ctx.t(f"choice-{topic}-{option}", **detail) if choice else option
        kb.button(text=f"{mark}{label}"[:60],
                  callback_data=ColumnPick(q=data["current"], index=index))
    kb.adjust(1 if len(question["options"]) <= 8 else 2)
    if choice:
        safe = {k: html.escape(v) for k, v in detail.items()}
        await ctx.say(f"choice-question-{topic}", kb.as_markup(), **safe)
        return
    role = ctx.t(f"role-{topic}")
    key = "columns-question" if question["chosen"] else "columns-question-missing"
    await ctx.say(key, kb.as_markup(), role=html.escape(role),
                  guess=html.escape(question["chosen"]))


async def on_column(query: CallbackQuery, callback_data: ColumnPick, ctx: Ctx) -> None:
    """An answer chosen; ask the next question or run the audit with the confirmed columns
    and choices."""
    data: dict[str, Any] = await ctx.state.get_data()
    question = data["questions"][data["current"]]
    options: list[str] = question["options"]
    if callback_data.q != data["current"] or not 0 <= callback_data.index < len(options):
        await ctx.toast("toast-button-outdated")  # the current question stands below
        return
    if query.message is not None:
        await ctx.retire_keyboard(query.message.message_id)
    answer = {question["role"]: options[callback_data.index]}
    choice = question.get("kind") == "choice"
    mapping = data["mapping"] if choice else {**data["mapping"], **answer}
    choices = {**data.get("choices", {}), **answer} if choice else data.get("choices", {})
    if data["current"] + 1 < len(data["questions"]):
        await ctx.state.update_data(mapping=mapping, choices=choices,
                                    current=data["current"] + 1)
        await ask_column(ctx)
        return
    await ctx.state.clear()
    await ctx.spawn(audit_upload, upload_id=data["upload_id"], mapping=mapping,
                    choices=choices)
