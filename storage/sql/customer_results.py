"""Per-customer rows of an audit, the source of exports (purged after RETENTION_DAYS)."""

import asyncio
from collections.abc import Iterable, Sequence

from storage.codec import dump_json, load_json
from storage.errors import NotFoundError
from storage.interfaces import CustomerResultRepository
from storage.models import CustomerResult
from storage.sql.base import Repository
from storage.sql.connection import Row


class SQLCustomerResultRepository(Repository, CustomerResultRepository):
    """`CustomerResultRepository` in SQL.

    Encoding and decoding run off the event loop (an audit can have 100,000 customers).
    """

    async def replace(self, user_id: int, audit_id: int, results: Iterable[CustomerResult]) -> int:
        # Encode before taking the write lock: other users' writes wait only for the INSERTs.
        encoded = await asyncio.to_thread(_encode, results)
        now = self._now()
        async with self._db.transaction() as tx:
            audit = await tx.fetch_one(
                "SELECT upload_id FROM audits WHERE user_id = ? AND id = ?", (user_id, audit_id)
            )
            if audit is None:
                raise NotFoundError(f"user {user_id} has no audit {audit_id}")
            await tx.execute(
                "DELETE FROM customer_results WHERE user_id = ? AND audit_id = ?",
                (user_id, audit_id),
            )
            upload_id = audit["upload_id"]
            return await tx.execute_many(
                "INSERT INTO customer_results (audit_id, position, user_id, upload_id,"
                " customer_key, segment, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (audit_id, position, user_id, upload_id, key, segment, data, now)
                    for position, (key, segment, data) in enumerate(encoded)
                ),
            )

    async def for_audit(
        self, user_id: int, audit_id: int, *, segment: str | None = None
    ) -> list[CustomerResult]:
        sql = (
            "SELECT customer_key, segment, data FROM customer_results"
            " WHERE user_id = ? AND audit_id = ?"
        )
        params: tuple[object, ...] = (user_id, audit_id)
        if segment is not None:
            sql += " AND segment = ?"
            params += (segment,)
        rows = await self._db.fetch_all(sql + " ORDER BY position", params)
        return await asyncio.to_thread(_decode, rows)

    async def count(self, user_id: int, audit_id: int) -> int:
        row = await self._db.fetch_one(
            "SELECT COUNT(*) FROM customer_results WHERE user_id = ? AND audit_id = ?",
            (user_id, audit_id),
        )
        return 0 if row is None else int(row[0])

    async def delete(self, user_id: int, audit_id: int) -> int:
        async with self._db.transaction() as tx:
            return await tx.execute(
                "DELETE FROM customer_results WHERE user_id = ? AND audit_id = ?",
                (user_id, audit_id),
            )


def _encode(results: Iterable[CustomerResult]) -> list[tuple[str, str | None, str]]:
    return [(r.customer_key, r.segment, dump_json(r.data)) for r in results]


def _decode(rows: Sequence[Row]) -> list[CustomerResult]:
    return [
        CustomerResult(
            customer_key=r["customer_key"], segment=r["segment"], data=load_json(r["data"])
        )
        for r in rows
    ]
