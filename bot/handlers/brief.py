"""My brief: the intake brief from the answers and the last audit; sending it to the
consultant only after the user's explicit confirmation."""

from __future__ import annotations

import html
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram.types import User as TelegramUser

from bot.callbacks import Confirm, Menu
from bot.context import Ctx
from bot.dialogs.toolkit_data import answers_data
from bot.handlers.dialogs import start_flow
from bot.keyboards import confirm
from bot.progress import StatusMessage
from bot.services.audit_run import job_error_text
from bot.worker import JobError
from storage import AnswerSection

BRIEF_FILE = "brief.pdf"


def router() -> Router:
    """/brief, the menu item and the send confirmation."""
    r = Router(name="brief")
    r.message.register(on_brief_command, Command("brief"))
    r.callback_query.register(on_brief_button, Menu.filter(F.item == "brief"))
    r.callback_query.register(on_send, Confirm.filter(F.what == "brief"))
    return r


async def on_brief_command(message: Message, ctx: Ctx) -> None:
    """/brief."""
    await _brief(ctx)


async def on_brief_button(query: CallbackQuery, ctx: Ctx) -> None:
    """The brief menu item."""
    await _brief(ctx)


async def _brief(ctx: Ctx) -> None:
    """The brief; the first time, the business's name and one-line description first."""
    business = await ctx.storage.answers.get_section(ctx.user_id, AnswerSection.BUSINESS)
    if not business.get("name"):
        await start_flow(ctx, "bz")
        return
    await ctx.spawn(send_brief)


async def _build(ctx: Ctx) -> tuple[bytes, list[str]] | str:
    """The brief (PDF and chat texts), or the one message saying why there is none."""
    data = answers_data(await ctx.storage.answers.get_all(ctx.user_id))
    if not set(data) - {"business"}:  # a name alone is no brief
        return ctx.t("brief-empty")
    audits = await ctx.storage.audits.history(ctx.user_id, limit=1)
    report = audits[0].report if audits else None
    status = await StatusMessage.start(ctx, "progress-export")
    try:
        built = await ctx.pool.run(ctx.user_id, "bot.jobs:brief_job", data, report, ctx.lang)
    except JobError as exc:
        await status.show(job_error_text(ctx, exc))
        return ""
    await status.show(ctx.t("progress-sent"))
    return built if isinstance(built, tuple) else "\n\n".join(built)


async def send_brief(ctx: Ctx) -> None:
    """Send the brief; offer to pass it to the consultant when one is configured."""
    built = await _build(ctx)
    if isinstance(built, str):
        if built:
            await ctx.send(built)
        return
    pdf, texts = built
    for text in texts:
        await ctx.send(text)
    await ctx.bot.send_document(ctx.chat_id, BufferedInputFile(pdf, filename=BRIEF_FILE))
    if ctx.settings.consultant_chat_id is not None:
        await ctx.say("brief-offer", confirm(ctx.i18n, "brief"))


async def on_send(query: CallbackQuery, callback_data: Confirm, ctx: Ctx) -> None:
    """Send the brief to the consultant, only on an explicit yes."""
    if not callback_data.yes or ctx.settings.consultant_chat_id is None:
        await ctx.say("brief-not-sent")
        return
    if query.message is not None:  # one press sends once: the buttons go away
        await ctx.retire_keyboard(query.message.message_id)
    await ctx.spawn(send_to_consultant, user=query.from_user.model_dump(mode="json"))


def consultant_caption(ctx: Ctx, sender: TelegramUser) -> str:
    """Who sent the brief: a link to the user (``tg://user?id=``), the username when there
    is one, and the consent to be contacted the send button asked for."""
    link = f'<a href="tg://user?id={sender.id}">{html.escape(sender.full_name)}</a>'
    username = f"@{html.escape(sender.username)}" if sender.username else ctx.t("brief-no-username")
    return ctx.t("brief-for-consultant", who=link, username=username, user_id=sender.id)


async def send_to_consultant(ctx: Ctx, user: dict[str, Any]) -> None:
    """Work: the brief to the consultant's chat, recorded as sent."""
    sender = TelegramUser.model_validate(user)
    consultant = ctx.settings.consultant_chat_id
    assert consultant is not None
    built = await _build(ctx)
    if isinstance(built, str):
        if built:
            await ctx.send(built)
        return
    await ctx.bot.send_document(consultant, BufferedInputFile(built[0], filename=BRIEF_FILE),
                                caption=consultant_caption(ctx, sender))
    await ctx.storage.briefs.add(ctx.user_id,
                                 answers_data(await ctx.storage.answers.get_all(ctx.user_id)),
                                 recipient_chat_id=consultant)
    await ctx.say("brief-sent")
