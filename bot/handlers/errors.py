"""The global error handler: log with context, tell the user, keep their state."""

from __future__ import annotations

import logging

from aiogram import Bot, Router
from aiogram.types import ErrorEvent

from bot.i18n import text
from storage import Storage

log = logging.getLogger("bot.errors")


def router() -> Router:
    """Errors of every handler end here."""
    r = Router(name="errors")
    r.errors.register(on_error)
    return r


async def on_error(event: ErrorEvent, bot: Bot, storage: Storage) -> None:
    """Log the exception (the logging filter redacts tokens; file contents are never in
    the message) and apologise in the user's language; the FSM state is left as it was."""
    update = event.update
    log.error("unhandled %s while handling update %s", type(event.exception).__name__,
              update.update_id, exc_info=event.exception)
    user = chat_id = None
    if update.message is not None:
        user, chat_id = update.message.from_user, update.message.chat.id
    elif update.callback_query is not None and update.callback_query.message is not None:
        user, chat_id = update.callback_query.from_user, update.callback_query.message.chat.id
    if chat_id is None:
        return
    lang = user.language_code if user is not None else None
    try:
        account = await storage.users.get(user.id) if user is not None else None
        lang = account.language if account is not None and account.language else lang
        await bot.send_message(chat_id, text(lang or "ru", "error-generic"))
    except Exception:
        log.warning("could not tell the user about the error")
