"""`SQLiteStorage`: the SQLite implementation of the `storage.Storage` contract."""

from functools import partial
from pathlib import Path

from storage.codec import Clock, utc_now
from storage.interfaces import Storage
from storage.layout import DataLayout
from storage.sql.facade import SQLStorage
from storage.sqlite import maintenance
from storage.sqlite.database import DEFAULT_BUSY_TIMEOUT_MS, Database, Synchronous
from storage.sqlite.files import DiskFileStore
from storage.sqlite.migrator import apply_migrations


class SQLiteStorage(SQLStorage, Storage):
    """Everything in one SQLite file, uploaded files in the user folders of DATA_DIR."""

    def __init__(self, db: Database, layout: DataLayout, *, clock: Clock = utc_now) -> None:
        super().__init__(db, layout, clock=clock, files=DiskFileStore(db, layout),
                         purge=partial(maintenance.purge_expired, db, layout),
                         erase=partial(maintenance.delete_user, db, layout))
        self.db = db


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
