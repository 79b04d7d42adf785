"""Per-user rate limit (aiogram 3 ships none): a token bucket per user."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, TelegramObject, User

log = logging.getLogger(__name__)


class ThrottlingMiddleware(BaseMiddleware):
    """Lets a user send ``burst`` events at once and one more every ``interval`` seconds;
    the excess is dropped (a pressed button still gets its spinner stopped)."""

    def __init__(self, interval: float, burst: int = 8, max_users: int = 100_000) -> None:
        self.interval = interval
        self.burst = burst
        self.max_users = max_users
        self._buckets: dict[int, tuple[float, float]] = {}

    def allow(self, user_id: int, now: float | None = None) -> bool:
        """Take a token from the user's bucket; False when it is empty."""
        if self.interval <= 0:
            return True
        now = time.monotonic() if now is None else now
        tokens, last = self._buckets.get(user_id, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) / self.interval)
        if tokens < 1:
            self._buckets[user_id] = (tokens, now)
            return False
        if len(self._buckets) >= self.max_users and user_id not in self._buckets:
            self._buckets.clear()  # bounded memory; a reset only forgives a little
        self._buckets[user_id] = (tokens - 1, now)
        return True

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        """Drop the event when the user is over the limit."""
        user: User | None = data.get("event_from_user")
        if user is None or self.allow(user.id):
            return await handler(event, data)
        log.info("throttled an event of user %s", user.id)
        if isinstance(event, CallbackQuery):
            await event.answer()
        return None
