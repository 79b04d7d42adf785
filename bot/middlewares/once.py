"""Each Telegram update handled once across bot instances (with DATABASE_URL).

A webhook delivery that timed out is sent again, possibly to another instance. Inside the
user's isolation lock (aiogram takes it before outer middlewares registered after it), this
checks whether any instance has handled the update and records it after handling: a
repeat is skipped, while an update whose handling failed is handled when Telegram retries.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.types import TelegramObject, Update

from storage.postgres.updates import UpdateLog

log = logging.getLogger(__name__)


class OnceMiddleware(BaseMiddleware):
    """Outer middleware of updates: skip an ``update_id`` some instance handled already."""

    def __init__(self, updates: UpdateLog) -> None:
        self.updates = updates

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        """Handle the update unless it was handled; then record it."""
        assert isinstance(event, Update)
        bot: Bot = data["bot"]
        if await self.updates.seen(bot.id, event.update_id):
            log.info("update %s was handled already: skipped", event.update_id)
            return None
        result = await handler(event, data)
        await self.updates.record(bot.id, event.update_id)
        return result
