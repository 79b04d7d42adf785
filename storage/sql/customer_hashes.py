"""Salted hashes of each audit's customer keys and the user's salt (kept RETENTION_DAYS)."""

from secrets import token_bytes

from storage.errors import NotFoundError
from storage.interfaces import CustomerHashRepository
from storage.sql.base import Repository, write_under_owner

SALT_BYTES = 16


class SQLCustomerHashRepository(Repository, CustomerHashRepository):
    """`CustomerHashRepository` in SQL."""

    async def salt(self, user_id: int) -> bytes:
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO customer_hash_salts (user_id, salt, created_at)"
                " SELECT user_id, ?, ? FROM users WHERE user_id = ?"
                " ON CONFLICT (user_id) DO NOTHING",
                (token_bytes(SALT_BYTES), self._now(), user_id),
            )
            row = await tx.fetch_one(
                "SELECT salt FROM customer_hash_salts WHERE user_id = ?", (user_id,)
            )
        if row is None:
            raise NotFoundError(f"no user {user_id}")
        return bytes(row["salt"])

    async def put(self, user_id: int, audit_id: int, hashes: bytes) -> None:
        await write_under_owner(
            self._db,
            "INSERT INTO customer_hashes (audit_id, user_id, hashes, created_at)"
            " SELECT id, user_id, ?, ? FROM audits WHERE user_id = ? AND id = ?"
            " ON CONFLICT (audit_id) DO UPDATE SET hashes = excluded.hashes,"
            " created_at = excluded.created_at",
            (hashes, self._now(), user_id, audit_id),
            f"user {user_id} has no audit {audit_id}",
        )

    async def get(self, user_id: int, audit_id: int) -> bytes | None:
        row = await self._db.fetch_one(
            "SELECT hashes FROM customer_hashes WHERE user_id = ? AND audit_id = ?",
            (user_id, audit_id),
        )
        return None if row is None else bytes(row["hashes"])
