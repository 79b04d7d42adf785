"""One status message per job, edited through the stages (never spamming the chat)."""

from __future__ import annotations

import logging
import time

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.context import Ctx

log = logging.getLogger(__name__)

EXPECTED_EDIT_ERRORS = ("message is not modified", "message to edit not found")
"""Edits that fail harmlessly (the user deleted the status message, the same text)."""


class StatusMessage:
    """Edits ``message`` to the text of each stage; identical texts are skipped and
    intermediate stages arriving faster than ``min_interval`` are dropped (the final one
    is always shown)."""

    def __init__(self, bot: Bot, message: Message, i18n: I18nContext,
                 min_interval: float = 0.7) -> None:
        self.bot = bot
        self.message = message
        self.i18n = i18n
        self.min_interval = min_interval
        self._text = message.text or ""
        self._last = 0.0

    @classmethod
    async def start(cls, ctx: Ctx, key: str) -> StatusMessage:
        """Send the first status text and return the editor of that message."""
        return cls(ctx.bot, await ctx.say(key), ctx.i18n)

    async def stage(self, stage: str, position: int = 0) -> None:
        """Show a stage of the job (``queued`` with the queue position)."""
        await self.show(self.i18n.get(f"progress-{stage}", position=position),
                        final=stage == "queued")

    async def show(self, text: str, *, final: bool = True) -> None:
        """Replace the status text."""
        now = time.monotonic()
        if text == self._text or (not final and now - self._last < self.min_interval):
            return
        self._text, self._last = text, now
        try:
            await self.bot.edit_message_text(text=text, chat_id=self.message.chat.id,
                                             message_id=self.message.message_id)
        except TelegramBadRequest as exc:
            if not any(reason in exc.message for reason in EXPECTED_EDIT_ERRORS):
                raise
            log.info("status message not edited: %s", exc.message)
