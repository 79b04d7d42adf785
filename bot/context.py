"""``ctx``: everything a handler needs to answer in one object, built per event.

Handlers of messages and button presses take ``ctx: Ctx`` instead of half a dozen
injected arguments, and services take it instead of (bot, chat id, user id, texts, ...).
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, TelegramObject
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.services.work import Jobs, Work
from bot.worker import JobPool
from storage import Storage, User


@dataclass
class Ctx:
    """The chat, the user, their texts and dialog state, and the bot's services."""

    bot: Bot
    chat_id: int
    user_id: int
    account: User
    i18n: I18nContext
    state: FSMContext
    storage: Storage
    pool: JobPool
    settings: Settings
    jobs: Jobs
    callback_answer: CallbackAnswer | None = None
    """The answer to the pressed button (sent after the handler), when one was pressed."""

    @property
    def lang(self) -> str:
        """The user's language code."""
        return self.i18n.locale

    def t(self, key: str, **args: Any) -> str:
        """A text in the user's language."""
        return self.i18n.get(key, **args)

    async def send(self, text: str, markup: InlineKeyboardMarkup | None = None) -> Message:
        """Send a message (Telegram HTML) to the chat."""
        return await self.bot.send_message(self.chat_id, text, reply_markup=markup)

    async def spawn(self, work: Work, **args: Any) -> None:
        """Run ``work(ctx, **args)`` after the handler returns, here or on a worker (see
        :mod:`bot.services.work`); tell the user when it waits behind their unfinished work,
        or when it cannot (one piece of work waits already)."""
        started = await self.jobs.start(self, work, args)
        if started == "duplicate":
            await self.toast("toast-already-working")
        elif started != "started":
            await self.say("job-queued" if started == "queued" else "job-busy")

    async def retire_keyboard(self, message_id: int | None) -> None:
        """Remove the buttons of a message whose question is answered or whose
        confirmation is done (a message gone or unchanged is fine)."""
        if message_id is None:
            return
        with contextlib.suppress(TelegramBadRequest):
            await self.bot.edit_message_reply_markup(chat_id=self.chat_id,
                                                     message_id=message_id, reply_markup=None)

    async def toast(self, key: str, **args: Any) -> None:
        """A short notice on the pressed button (a toast), or a message when the update was
        not a button press."""
        if self.callback_answer is not None:
            self.callback_answer.text = self.t(key, **args)
        else:
            await self.say(key, **args)

    async def say(self, key: str, markup: InlineKeyboardMarkup | None = None,
                  **args: Any) -> Message:
        """Send the text of ``key``."""
        return await self.send(self.t(key, **args), markup)


class CtxMiddleware(BaseMiddleware):
    """Inner middleware of messages and callback queries: builds ``data["ctx"]``."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        """Add ``ctx`` when the event has a user and a chat."""
        user = data.get("event_from_user")
        chat_id: int | None = None
        if isinstance(event, Message):
            chat_id = event.chat.id
        elif isinstance(event, CallbackQuery):
            chat_id = event.message.chat.id if event.message is not None else None
            if user is not None and chat_id is None:
                chat_id = user.id  # a private chat's id is the user's id
        if user is not None and chat_id is not None and "account" in data:
            data["ctx"] = Ctx(
                bot=data["bot"], chat_id=chat_id, user_id=user.id, account=data["account"],
                i18n=data["i18n"], state=data["state"], storage=data["storage"],
                pool=data["pool"], settings=data["settings"], jobs=data["jobs"],
                callback_answer=data.get("callback_answer"),
            )
        return await handler(event, data)
