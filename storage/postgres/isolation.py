"""aiogram event isolation across bot instances: a PostgreSQL advisory lock per storage key.

Messages and button presses of one user can reach different instances (Telegram's webhook
queues are separate); aiogram's `SimpleEventIsolation` only orders them inside one process.
This one holds a session-level advisory lock on a hash of the FSM key for as long as the
update is handled, on a connection of its own pool (``size`` updates at once per instance;
more wait for a connection).
"""

from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import Any

from aiogram.fsm.storage.base import BaseEventIsolation, DefaultKeyBuilder, KeyBuilder, StorageKey
from psycopg import AsyncConnection
from psycopg_pool import AsyncConnectionPool

DEFAULT_SIZE = 50


class PgEventIsolation(BaseEventIsolation):
    """One user's updates one at a time, whichever instance handles them."""

    def __init__(self, url: str, *, size: int = DEFAULT_SIZE,
                 key_builder: KeyBuilder | None = None) -> None:
        self.key_builder = key_builder or DefaultKeyBuilder(
            with_bot_id=True, with_business_connection_id=True, with_destiny=True
        )
        self._pool: AsyncConnectionPool[AsyncConnection[Any]] = AsyncConnectionPool(
            url, min_size=1, max_size=size, kwargs={"autocommit": True}, open=False,
            name="kratno-isolation",
        )

    async def open(self) -> None:
        """Connect (before the first update)."""
        await self._pool.open(wait=True, timeout=30)

    @asynccontextmanager
    async def lock(self, key: StorageKey) -> AsyncGenerator[None, None]:
        """Hold the key's lock while the update is handled."""
        name = self.key_builder.build(key)
        async with self._pool.connection() as conn:
            await conn.execute("SELECT pg_advisory_lock(hashtextextended(%s, 1))", (name,))
            try:
                yield
            finally:
                await conn.execute("SELECT pg_advisory_unlock(hashtextextended(%s, 1))",
                                   (name,))

    async def close(self) -> None:
        """Close the pool."""
        await self._pool.close()
