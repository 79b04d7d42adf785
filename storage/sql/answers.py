"""Questionnaire answers: value proposition per segment, unit economics, traction quiz."""

from collections.abc import Mapping
from typing import Any

from storage.codec import dump_json, from_timestamp, load_json
from storage.interfaces import AnswerRepository
from storage.models import Answer, AnswerSection
from storage.sql.base import Repository

_UPSERT = (
    "INSERT INTO answers (user_id, section, item, value, updated_at) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (user_id, section, item)"
    " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"
)


class SQLAnswerRepository(Repository, AnswerRepository):
    """`AnswerRepository` on SQLite; each write is an UPSERT, so re-answering is safe."""

    async def put(self, user_id: int, section: AnswerSection, item: str, value: Any) -> None:
        await self.put_many(user_id, section, {item: value})

    async def put_many(
        self, user_id: int, section: AnswerSection, values: Mapping[str, Any]
    ) -> None:
        now = self._now()
        name = AnswerSection(section).value
        rows = [(user_id, name, item, dump_json(value), now) for item, value in values.items()]
        async with self._db.transaction() as tx:
            await tx.execute_many(_UPSERT, rows)

    async def get(self, user_id: int, section: AnswerSection, item: str) -> Answer | None:
        row = await self._db.fetch_one(
            "SELECT value, updated_at FROM answers WHERE user_id = ? AND section = ? AND item = ?",
            (user_id, AnswerSection(section).value, item),
        )
        if row is None:
            return None
        return Answer(
            section=AnswerSection(section),
            item=item,
            value=load_json(row["value"]),
            updated_at=from_timestamp(row["updated_at"]),
        )

    async def get_section(self, user_id: int, section: AnswerSection) -> dict[str, Any]:
        rows = await self._db.fetch_all(
            "SELECT item, value FROM answers WHERE user_id = ? AND section = ? ORDER BY item",
            (user_id, AnswerSection(section).value),
        )
        return {row["item"]: load_json(row["value"]) for row in rows}

    async def get_all(self, user_id: int) -> dict[AnswerSection, dict[str, Any]]:
        rows = await self._db.fetch_all(
            "SELECT section, item, value FROM answers WHERE user_id = ? ORDER BY section, item",
            (user_id,),
        )
        result: dict[AnswerSection, dict[str, Any]] = {}
        for row in rows:
            section = AnswerSection(row["section"])
            result.setdefault(section, {})[row["item"]] = load_json(row["value"])
        return result

    async def clear(self, user_id: int, section: AnswerSection | None = None) -> int:
        async with self._db.transaction() as tx:
            if section is None:
                return await tx.execute("DELETE FROM answers WHERE user_id = ?", (user_id,))
            return await tx.execute(
                "DELETE FROM answers WHERE user_id = ? AND section = ?",
                (user_id, AnswerSection(section).value),
            )
