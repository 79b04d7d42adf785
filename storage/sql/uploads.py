"""Uploads: file name, size, hash, shape, column mapping and status."""


from collections.abc import Mapping

from storage.codec import dump_json, from_timestamp, load_json
from storage.errors import NotFoundError
from storage.interfaces import UploadRepository
from storage.models import Upload, UploadStatus
from storage.sql.base import Repository, check_limit
from storage.sql.connection import Row

_COLUMNS = (
    "id, user_id, file_name, size_bytes, sha256, row_count, column_count, column_mapping,"
    " status, error_code, created_at, updated_at"
)


class SQLUploadRepository(Repository, UploadRepository):
    """`UploadRepository` in SQL."""

    async def add(self, user_id: int, *, file_name: str, size_bytes: int, sha256: str) -> Upload:
        now = self._now()
        async with self._db.transaction() as tx:
            row = await tx.fetch_one(
                "INSERT INTO uploads (user_id, file_name, size_bytes, sha256, status,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                f" RETURNING {_COLUMNS}",
                (user_id, file_name, size_bytes, sha256, UploadStatus.RECEIVED.value, now, now),
            )
        assert row is not None
        return _upload(row)

    async def get(self, user_id: int, upload_id: int) -> Upload | None:
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM uploads WHERE user_id = ? AND id = ?", (user_id, upload_id)
        )
        return None if row is None else _upload(row)

    async def find_by_hash(self, user_id: int, sha256: str) -> Upload | None:
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM uploads WHERE user_id = ? AND sha256 = ?"
            " ORDER BY id DESC LIMIT 1",
            (user_id, sha256),
        )
        return None if row is None else _upload(row)

    async def recent(self, user_id: int, *, limit: int = 10) -> list[Upload]:
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM uploads WHERE user_id = ? ORDER BY id DESC LIMIT ?",
            (user_id, check_limit(limit)),
        )
        return [_upload(row) for row in rows]

    async def record_ingest(
        self,
        user_id: int,
        upload_id: int,
        *,
        rows: int,
        columns: int,
        column_mapping: Mapping[str, str],
    ) -> Upload:
        return await self._update(
            user_id,
            upload_id,
            "row_count = ?, column_count = ?, column_mapping = ?",
            (rows, columns, dump_json(dict(column_mapping))),
        )

    async def set_status(
        self, user_id: int, upload_id: int, status: UploadStatus, *, error_code: str | None = None
    ) -> Upload:
        return await self._update(
            user_id,
            upload_id,
            "status = ?, error_code = ?",
            (UploadStatus(status).value, error_code),
        )

    async def delete(self, user_id: int, upload_id: int) -> bool:
        async with self._db.transaction() as tx:
            deleted = await tx.execute(
                "DELETE FROM uploads WHERE user_id = ? AND id = ?", (user_id, upload_id)
            )
        return deleted > 0

    async def _update(
        self, user_id: int, upload_id: int, assignments: str, values: tuple[object, ...]
    ) -> Upload:
        async with self._db.transaction() as tx:
            row = await tx.fetch_one(
                f"UPDATE uploads SET {assignments}, updated_at = ?"
                f" WHERE user_id = ? AND id = ? RETURNING {_COLUMNS}",
                (*values, self._now(), user_id, upload_id),
            )
        if row is None:
            raise NotFoundError(f"user {user_id} has no upload {upload_id}")
        return _upload(row)


def _upload(row: Row) -> Upload:
    mapping = row["column_mapping"]
    return Upload(
        id=row["id"],
        user_id=row["user_id"],
        file_name=row["file_name"],
        size_bytes=row["size_bytes"],
        sha256=row["sha256"],
        rows=row["row_count"],
        columns=row["column_count"],
        column_mapping=None if mapping is None else load_json(mapping),
        status=UploadStatus(row["status"]),
        error_code=row["error_code"],
        created_at=from_timestamp(row["created_at"]),
        updated_at=from_timestamp(row["updated_at"]),
    )
