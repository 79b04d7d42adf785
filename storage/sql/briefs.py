"""Intake briefs the user chose to send to a consultant."""


from collections.abc import Mapping
from typing import Any

from storage.codec import dump_json, from_timestamp, load_json
from storage.interfaces import BriefRepository
from storage.models import Brief
from storage.sql.base import Repository, check_limit
from storage.sql.connection import Row

_COLUMNS = "id, user_id, recipient_chat_id, content, created_at"


class SQLBriefRepository(Repository, BriefRepository):
    """`BriefRepository` in SQL."""

    async def add(
        self, user_id: int, content: Mapping[str, Any], *, recipient_chat_id: int | None = None
    ) -> Brief:
        async with self._db.transaction() as tx:
            row = await tx.fetch_one(
                "INSERT INTO briefs (user_id, recipient_chat_id, content, created_at)"
                f" VALUES (?, ?, ?, ?) RETURNING {_COLUMNS}",
                (user_id, recipient_chat_id, dump_json(dict(content)), self._now()),
            )
        assert row is not None
        return _brief(row)

    async def get(self, user_id: int, brief_id: int) -> Brief | None:
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM briefs WHERE user_id = ? AND id = ?", (user_id, brief_id)
        )
        return None if row is None else _brief(row)

    async def recent(self, user_id: int, *, limit: int = 10) -> list[Brief]:
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM briefs WHERE user_id = ? ORDER BY id DESC LIMIT ?",
            (user_id, check_limit(limit)),
        )
        return [_brief(row) for row in rows]


def _brief(row: Row) -> Brief:
    return Brief(
        id=row["id"],
        user_id=row["user_id"],
        recipient_chat_id=row["recipient_chat_id"],
        content=load_json(row["content"]),
        created_at=from_timestamp(row["created_at"]),
    )
