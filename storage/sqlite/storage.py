"""`SQLiteStorage`: the SQLite implementation of the `storage.Storage` contract."""

from datetime import datetime
from pathlib import Path

from storage.codec import Clock, utc_now
from storage.interfaces import Storage
from storage.layout import DataLayout
from storage.models import DeletionReport, PurgeReport
from storage.sql.facade import SQLStorage
from storage.sqlite import maintenance
from storage.sqlite.database import DEFAULT_BUSY_TIMEOUT_MS, Database, Synchronous
from storage.sqlite.files import DiskFileStore
from storage.sqlite.migrator import apply_migrations


class SQLiteStorage(SQLStorage, Storage):
    """Repositories, FSM storage, files, retention and deletion over one SQLite file and the
    user folders in DATA_DIR."""

    def __init__(self, db: Database, layout: DataLayout, *, clock: Clock = utc_now) -> None:
        super().__init__(db, layout, clock=clock)
        self.db = db
        self._files = DiskFileStore(db, layout)

    @property
    def files(self) -> DiskFileStore:
        return self._files

    async def purge_expired(
        self, *, retention_days: int, now: datetime | None = None
    ) -> PurgeReport:
        return await maintenance.purge_expired(
            self.db, self._layout, now=now or self._clock(), retention_days=retention_days
        )

    async def delete_user(self, user_id: int) -> DeletionReport:
        return await maintenance.delete_user(self.db, self._layout, user_id)


async def open_sqlite_storage(
    data_dir: Path | str,
    *,
    clock: Clock = utc_now,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    synchronous: Synchronous = "FULL",
) -> SQLiteStorage:
    """Open DATA_DIR/kratno.sqlite3 (creating it), apply pending migrations, return the storage."""
    layout = DataLayout(Path(data_dir))
    db = await Database.open(
        layout.database, busy_timeout_ms=busy_timeout_ms, synchronous=synchronous
    )
    try:
        await apply_migrations(db)
    except BaseException:
        await db.close()
        raise
    return SQLiteStorage(db, layout, clock=clock)
