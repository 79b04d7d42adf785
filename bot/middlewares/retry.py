"""Retries Bot API calls politely: waits out 429 (retry_after) and brief network errors."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter, TelegramServerError
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType

if TYPE_CHECKING:
    from aiogram import Bot

log = logging.getLogger(__name__)


class RetryMiddleware(BaseRequestMiddleware):
    """Up to ``attempts`` tries; 429 waits ``retry_after`` (capped), network and 5xx errors
    back off exponentially from ``backoff`` seconds."""

    def __init__(self, attempts: int = 4, backoff: float = 0.5, max_wait: float = 60.0) -> None:
        self.attempts = attempts
        self.backoff = backoff
        self.max_wait = max_wait

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        """Call ``method``, retrying what is worth retrying."""
        for attempt in range(1, self.attempts + 1):
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as exc:
                if attempt == self.attempts or exc.retry_after > self.max_wait:
                    raise
                wait: float = exc.retry_after
            except (TelegramNetworkError, TelegramServerError):
                if attempt == self.attempts:
                    raise
                wait = self.backoff * 2 ** (attempt - 1)
            log.warning("retrying %s in %.1f s (attempt %d)", _name(method), wait, attempt + 1)
            await asyncio.sleep(wait)
        raise AssertionError("unreachable")


def _name(method: Any) -> str:
    return type(method).__name__
