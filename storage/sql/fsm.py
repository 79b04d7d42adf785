"""aiogram FSM storage on the bot's database (SQLite or PostgreSQL): dialogs survive restarts.

One row per storage key. The key is built by aiogram's `DefaultKeyBuilder` including bot id,
business connection, thread and destiny, so two bots, chats, threads or destinies never share
a row. The key parts are also kept in columns so a user's rows can be found and deleted.
"""

import json
from collections.abc import Callable, Mapping
from typing import Any

from aiogram.exceptions import DataNotDictLikeError
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import (
    BaseStorage,
    DefaultKeyBuilder,
    KeyBuilder,
    StateType,
    StorageKey,
)

from storage.codec import Clock, to_timestamp, utc_now
from storage.sql.connection import Database, Transaction

_UPSERT = (
    "INSERT INTO fsm_state (key, bot_id, chat_id, user_id, thread_id, business_connection_id,"
    " destiny, state, data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (key) DO UPDATE SET {column} = excluded.{column},"
    " updated_at = excluded.updated_at"
)
# A row whose state is None and data is empty holds nothing: drop it instead of keeping it.
_DROP_EMPTY = "DELETE FROM fsm_state WHERE key = ? AND state IS NULL AND data = '{}'"


class SQLFSMStorage(BaseStorage):
    """`BaseStorage` on a shared `Database`; ``json_dumps``/``json_loads`` as in RedisStorage."""

    def __init__(
        self,
        db: Database,
        *,
        key_builder: KeyBuilder | None = None,
        json_dumps: Callable[[Any], str] = json.dumps,
        json_loads: Callable[[str], Any] = json.loads,
        clock: Clock = utc_now,
        owns_database: bool = False,
    ) -> None:
        """``owns_database=False`` (the default when the bot's storage facade made ``db``)
        makes `close` a no-op: aiogram closes FSM storage first at shutdown, while other
        shutdown handlers may still need the database."""
        self._db = db
        self.key_builder = key_builder or DefaultKeyBuilder(
            with_bot_id=True, with_business_connection_id=True, with_destiny=True
        )
        self._dumps = json_dumps
        self._loads = json_loads
        self._clock = clock
        self._owns_database = owns_database

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        async with self._db.transaction() as tx:
            await self._upsert(tx, key, "state", value)

    async def get_state(self, key: StorageKey) -> str | None:
        row = await self._db.fetch_one(
            "SELECT state FROM fsm_state WHERE key = ?", (self._key(key),)
        )
        return None if row is None else row["state"]

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        encoded = self._encode(data)
        async with self._db.transaction() as tx:
            await self._upsert(tx, key, "data", encoded)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        row = await self._db.fetch_one(
            "SELECT data FROM fsm_state WHERE key = ?", (self._key(key),)
        )
        return {} if row is None else self._decode(row["data"])

    async def update_data(self, key: StorageKey, data: Mapping[str, Any]) -> dict[str, Any]:
        """Read, merge and write in one transaction, so concurrent updates never lose a field."""
        patch = dict(data)
        async with self._db.transaction() as tx:
            await tx.lock(f"fsm:{self._key(key)}")
            row = await tx.fetch_one("SELECT data FROM fsm_state WHERE key = ?", (self._key(key),))
            merged = {} if row is None else self._decode(row["data"])
            merged.update(patch)
            await self._upsert(tx, key, "data", self._encode(merged))
        return merged.copy()

    async def close(self) -> None:
        if self._owns_database:
            await self._db.close()

    async def _upsert(self, tx: Transaction, key: StorageKey, column: str, value: Any) -> None:
        db_key = self._key(key)
        state, data = (value, "{}") if column == "state" else (None, value)
        await tx.execute(
            _UPSERT.format(column=column),
            (
                db_key,
                key.bot_id,
                key.chat_id,
                key.user_id,
                key.thread_id,
                key.business_connection_id,
                key.destiny,
                state,
                data,
                to_timestamp(self._clock()),
            ),
        )
        await tx.execute(_DROP_EMPTY, (db_key,))

    def _key(self, key: StorageKey) -> str:
        return self.key_builder.build(key)

    def _encode(self, data: Mapping[str, Any]) -> str:
        if not isinstance(data, dict):
            raise DataNotDictLikeError(
                f"Data must be a dict or dict-like object, got {type(data).__name__}"
            )
        return self._dumps(data)

    def _decode(self, text: str) -> dict[str, Any]:
        value = self._loads(text)
        if not isinstance(value, dict):
            raise DataNotDictLikeError(f"stored FSM data is {type(value).__name__}, not a dict")
        return value
