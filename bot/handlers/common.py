"""/help, /privacy, /language, /cancel, /delete, and a reply to anything unexpected."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import Confirm, Language, Menu
from bot.context import Ctx
from bot.handlers.dialogs import audit_held
from bot.keyboards import confirm, languages, menu

DELETE_PROMPT_MINUTES = 10
"""A /delete confirmation counts only on a prompt this recent."""


def router() -> Router:
    """Commands that work anywhere, in any state."""
    r = Router(name="common")
    r.message.register(on_help, Command("help"))
    r.callback_query.register(on_help, Menu.filter(F.item == "help"))
    r.message.register(on_privacy, Command("privacy"))
    r.callback_query.register(on_privacy, Menu.filter(F.item == "privacy"))
    r.message.register(on_language, Command("language"))
    r.callback_query.register(on_language_chosen, Language.filter())
    r.message.register(on_cancel, Command("cancel"))
    r.message.register(on_delete, Command("delete"))
    r.callback_query.register(on_delete_confirmed, Confirm.filter(F.what == "delete"))
    return r


def fallback_router() -> Router:
    """Last in the chain: messages nobody else handled."""
    r = Router(name="fallback")
    r.message.register(on_other)
    r.callback_query.register(on_stale_button)
    return r


async def on_help(event: Message | CallbackQuery, ctx: Ctx) -> None:
    """/help or the help button."""
    await ctx.say("help", menu(ctx.i18n))


async def on_privacy(event: Message | CallbackQuery, ctx: Ctx) -> None:
    """/privacy or the button under the consent question: what is stored, how long."""
    await ctx.say("privacy", days=ctx.settings.retention_days,
                  limit_mb=round(ctx.settings.max_upload_mb))


async def on_language(message: Message, ctx: Ctx) -> None:
    """/language."""
    await ctx.say("language-choose", languages())


async def on_language_chosen(query: CallbackQuery, callback_data: Language, ctx: Ctx) -> None:
    """Remember the language and confirm in it."""
    if callback_data.code in ("ru", "en"):
        await ctx.i18n.set_locale(callback_data.code)
        await ctx.say("language-set", menu(ctx.i18n))


async def on_cancel(message: Message, ctx: Ctx) -> None:
    """/cancel: leave whatever dialog is open (answers saved earlier stay)."""
    had_state = await ctx.state.get_state() is not None
    data = await ctx.state.get_data()
    await ctx.state.clear()
    await ctx.say("cancelled" if had_state else "nothing-to-cancel", menu(ctx.i18n))
    await audit_held(ctx, data)  # a file sent during the questionnaire


async def on_delete(message: Message, ctx: Ctx) -> None:
    """/delete: ask for confirmation first."""
    await ctx.say("delete-confirm", confirm(ctx.i18n, "delete"))


async def on_delete_confirmed(query: CallbackQuery, callback_data: Confirm, ctx: Ctx) -> None:
    """Delete every row, file and dialog state about the user, on a confirmation pressed
    within :data:`DELETE_PROMPT_MINUTES` of its prompt (an old prompt's button is refused)."""
    prompt = query.message
    if prompt is not None:
        await ctx.retire_keyboard(prompt.message_id)
    sent = prompt.date if isinstance(prompt, Message) else None  # else too old to see
    if sent is None or datetime.now(UTC) - sent > timedelta(minutes=DELETE_PROMPT_MINUTES):
        await ctx.say("delete-expired", minutes=DELETE_PROMPT_MINUTES)
        return
    if not callback_data.yes:
        await ctx.say("delete-kept")
        return
    await ctx.jobs.cancel(ctx.user_id)  # a running audit must not write back afterwards
    await ctx.state.clear()
    report = await ctx.storage.delete_user(ctx.user_id)
    await ctx.say("delete-done", rows=report.rows, files=report.files)


async def on_stale_button(query: CallbackQuery, ctx: Ctx) -> None:
    """A button of a dialog that is over (after /cancel, a restart, a finished flow): a
    toast, and the button's keyboard removed."""
    if query.message is not None:
        await ctx.retire_keyboard(query.message.message_id)
    await ctx.toast("toast-button-outdated")


async def on_other(message: Message, ctx: Ctx) -> None:
    """Anything else: say what the bot takes."""
    await ctx.say("unknown-input", menu(ctx.i18n))
