"""Makes sure the user exists in storage and hands the record to handlers as ``account``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User

from storage import Storage


class AccountMiddleware(BaseMiddleware):
    """Outer update middleware (before i18n): ``data["account"]`` is the stored user."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        """Load (or create on first contact) the user behind the update."""
        user: User | None = data.get("event_from_user")
        if user is not None and not user.is_bot:
            account = await self.storage.users.get(user.id)
            if account is None:
                account = await self.storage.users.ensure(user.id)
            data["account"] = account
        return await handler(event, data)
