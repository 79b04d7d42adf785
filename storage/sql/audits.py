"""Audit reports: the report JSON and when it was made, the user's history."""


from collections.abc import Mapping
from typing import Any

from storage.codec import dump_json, from_timestamp, load_json
from storage.errors import NotFoundError
from storage.interfaces import AuditRepository
from storage.models import Audit
from storage.sql.base import Repository, check_limit
from storage.sql.connection import Row

_COLUMNS = "id, user_id, upload_id, report, created_at"


class SQLAuditRepository(Repository, AuditRepository):
    """`AuditRepository` in SQL."""

    async def add(
        self, user_id: int, report: Mapping[str, Any], *, upload_id: int | None = None
    ) -> Audit:
        payload = dump_json(dict(report))
        async with self._db.transaction() as tx:
            if upload_id is not None and not await tx.fetch_one(
                "SELECT 1 FROM uploads WHERE user_id = ? AND id = ?", (user_id, upload_id)
            ):
                raise NotFoundError(f"user {user_id} has no upload {upload_id}")
            row = await tx.fetch_one(
                "INSERT INTO audits (user_id, upload_id, report, created_at)"
                f" VALUES (?, ?, ?, ?) RETURNING {_COLUMNS}",
                (user_id, upload_id, payload, self._now()),
            )
        assert row is not None
        return _audit(row)

    async def get(self, user_id: int, audit_id: int) -> Audit | None:
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM audits WHERE user_id = ? AND id = ?", (user_id, audit_id)
        )
        return None if row is None else _audit(row)

    async def history(self, user_id: int, *, limit: int = 10) -> list[Audit]:
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM audits WHERE user_id = ? ORDER BY id DESC LIMIT ?",
            (user_id, check_limit(limit)),
        )
        return [_audit(row) for row in rows]

    async def of_upload(self, user_id: int, upload_id: int) -> Audit | None:
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM audits WHERE user_id = ? AND upload_id = ?"
            " ORDER BY id DESC LIMIT 1",
            (user_id, upload_id),
        )
        return None if row is None else _audit(row)

    async def delete(self, user_id: int, audit_id: int) -> bool:
        async with self._db.transaction() as tx:
            deleted = await tx.execute(
                "DELETE FROM audits WHERE user_id = ? AND id = ?", (user_id, audit_id)
            )
        return deleted > 0

    async def delete_all(self, user_id: int) -> int:
        async with self._db.transaction() as tx:
            return await tx.execute("DELETE FROM audits WHERE user_id = ?", (user_id,))


def _audit(row: Row) -> Audit:
    return Audit(
        id=row["id"],
        user_id=row["user_id"],
        upload_id=row["upload_id"],
        report=load_json(row["report"]),
        created_at=from_timestamp(row["created_at"]),
    )
