"""Uploaded files in PostgreSQL (``upload_files``), deleted with their upload's row."""

import asyncio
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from secrets import token_hex

from storage.interfaces import FileStore
from storage.layout import DataLayout
from storage.postgres.database import PgDatabase
from storage.sql.base import write_under_owner


class PgFileStore(FileStore):
    """`FileStore` in the database; local copies live in the user's scratch folder."""

    def __init__(self, db: PgDatabase, layout: DataLayout) -> None:
        self._db = db
        self._layout = layout

    async def put(self, user_id: int, upload_id: int, name: str, content: bytes) -> None:
        await write_under_owner(
            self._db,
            "INSERT INTO upload_files (upload_id, user_id, name, content)"
            " SELECT id, user_id, ?, ? FROM uploads WHERE user_id = ? AND id = ?"
            " ON CONFLICT (upload_id) DO UPDATE SET name = excluded.name,"
            " content = excluded.content",
            (Path(name).name, content, user_id, upload_id),
            f"user {user_id} has no upload {upload_id}",
        )

    async def get(self, user_id: int, upload_id: int) -> tuple[str, bytes] | None:
        row = await self._db.fetch_one(
            "SELECT name, content FROM upload_files WHERE user_id = ? AND upload_id = ?",
            (user_id, upload_id),
        )
        return None if row is None else (str(row["name"]), bytes(row["content"]))

    @asynccontextmanager
    async def local_file(self, user_id: int, upload_id: int) -> AsyncIterator[Path | None]:
        """A private scratch copy for the block (a worker may be on another machine)."""
        stored = await self.get(user_id, upload_id)
        if stored is None:
            yield None
            return
        name, content = stored
        folder = self._layout.ensure_tmp_dir(user_id) / f"upload-{upload_id}-{token_hex(4)}"
        path = folder / name
        await asyncio.to_thread(_write_private, path, content)
        try:
            yield path
        finally:
            await asyncio.to_thread(shutil.rmtree, folder, True)


def _write_private(path: Path, content: bytes) -> None:
    path.parent.mkdir(mode=0o700)
    path.write_bytes(content)
