"""Binds the update's ids to every log line written while it is handled."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update

from bot.logs import log_context

log = logging.getLogger("bot.updates")


class LogContextMiddleware(BaseMiddleware):
    """Outer update middleware: update/user/chat ids in the log context, handling time."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        """Run the handler inside the update's log context."""
        user = data.get("event_from_user")
        chat = data.get("event_chat")
        context = {
            "update_id": event.update_id if isinstance(event, Update) else None,
            "user_id": user.id if user else None,
            "chat_id": chat.id if chat else None,
        }
        token = log_context.set(context)
        start = time.perf_counter()
        try:
            return await handler(event, data)
        finally:
            log.debug("handled in %.3f s", time.perf_counter() - start)
            log_context.reset(token)
