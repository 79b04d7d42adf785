"""Uploaded files on disk: ``DATA_DIR/users/<user_id>/uploads/<upload_id>/<name>``."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from storage.errors import NotFoundError
from storage.interfaces import FileStore
from storage.layout import DataLayout
from storage.sql.connection import Database


class DiskFileStore(FileStore):
    """`FileStore` in the upload's private folder; only for uploads with a row in ``db``."""

    def __init__(self, db: Database, layout: DataLayout) -> None:
        self._db = db
        self._layout = layout

    async def put(self, user_id: int, upload_id: int, name: str, content: bytes) -> None:
        if not await self._known(user_id, upload_id):
            raise NotFoundError(f"user {user_id} has no upload {upload_id}")
        path = self._layout.ensure_upload_dir(user_id, upload_id) / Path(name).name
        await asyncio.to_thread(path.write_bytes, content)

    async def get(self, user_id: int, upload_id: int) -> tuple[str, bytes] | None:
        path = await self._stored(user_id, upload_id)
        if path is None:
            return None
        return path.name, await asyncio.to_thread(path.read_bytes)

    @asynccontextmanager
    async def local_file(self, user_id: int, upload_id: int) -> AsyncIterator[Path | None]:
        """The stored file itself."""
        yield await self._stored(user_id, upload_id)

    async def _known(self, user_id: int, upload_id: int) -> bool:
        row = await self._db.fetch_one(
            "SELECT 1 FROM uploads WHERE user_id = ? AND id = ?", (user_id, upload_id)
        )
        return row is not None

    async def _stored(self, user_id: int, upload_id: int) -> Path | None:
        """The upload's file; none once its row is deleted (the purge removes the folder)."""
        if not await self._known(user_id, upload_id):
            return None
        folder = self._layout.upload_dir(user_id, upload_id)
        files = sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
        return files[0] if files else None
