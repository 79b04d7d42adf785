"""Hands the stored user to handlers as ``account``.

Read-only: someone who has not agreed to anything yet gets a transient record (no
consent, no language) and nothing is written until they consent or choose a language.
So a first /start never waits for the database's write lock (held, for instance, while an
audit's 100,000 customer rows are being stored)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User

from storage import Role, Storage
from storage import User as Account


def newcomer(user_id: int) -> Account:
    """The record of a user the bot has stored nothing about."""
    now = datetime.now(UTC)
    return Account(user_id=user_id, language=None, role=Role.OWNER, consent=False,
                   consent_at=None, created_at=now, updated_at=now)


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
        """Load the user behind the update (a transient record for a newcomer)."""
        user: User | None = data.get("event_from_user")
        if user is not None and not user.is_bot:
            account = await self.storage.users.get(user.id)
            data["account"] = account if account is not None else newcomer(user.id)
        return await handler(event, data)
