"""`PostgresStorage`: the PostgreSQL implementation of the `storage.Storage` contract."""

from functools import partial
from pathlib import Path

from storage.codec import Clock, utc_now
from storage.interfaces import Storage
from storage.layout import DataLayout
from storage.postgres import maintenance
from storage.postgres.database import DEFAULT_POOL_SIZE, PgDatabase
from storage.postgres.files import PgFileStore
from storage.postgres.migrator import apply_migrations
from storage.postgres.updates import UpdateLog
from storage.sql.facade import SQLStorage


class PostgresStorage(SQLStorage, Storage):
    """Everything in one PostgreSQL database (files too); DATA_DIR holds only scratch files."""

    def __init__(self, db: PgDatabase, layout: DataLayout, *, clock: Clock = utc_now) -> None:
        super().__init__(db, layout, clock=clock, files=PgFileStore(db, layout),
                         purge=partial(maintenance.purge_expired, db, layout),
                         erase=partial(maintenance.delete_user, db, layout))
        self.db = db
        self.updates = UpdateLog(db)


async def open_postgres_storage(
    url: str,
    data_dir: Path | str,
    *,
    clock: Clock = utc_now,
    pool_size: int = DEFAULT_POOL_SIZE,
    migrate: bool = True,
) -> PostgresStorage:
    """Connect to DATABASE_URL, apply pending migrations (under an advisory lock, so
    instances starting together are safe), return the storage."""
    db = await PgDatabase.open(url, pool_size=pool_size)
    try:
        if migrate:
            await apply_migrations(db)
    except BaseException:
        await db.close()
        raise
    return PostgresStorage(db, DataLayout(Path(data_dir)), clock=clock)
