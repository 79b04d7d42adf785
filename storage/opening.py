"""Opening the configured backend: PostgreSQL when DATABASE_URL is set, else SQLite."""

from pathlib import Path

from storage.codec import Clock, utc_now
from storage.interfaces import Storage


async def open_storage(
    data_dir: Path | str, database_url: str | None = None, *, clock: Clock = utc_now
) -> Storage:
    """The storage with migrations applied: PostgreSQL at ``database_url`` (scratch files in
    ``data_dir``), or SQLite in ``data_dir``."""
    if database_url:
        from storage.postgres import open_postgres_storage

        return await open_postgres_storage(database_url, data_dir, clock=clock)
    from storage.sqlite import open_sqlite_storage

    return await open_sqlite_storage(data_dir, clock=clock)


async def migrate(data_dir: Path | str, database_url: str | None = None) -> list[int]:
    """Apply pending migrations and return their versions (``python -m bot migrate``)."""
    if database_url:
        from storage.postgres import PgDatabase
        from storage.postgres import apply_migrations as apply_pg

        pg = await PgDatabase.open(database_url, pool_size=1)
        try:
            return await apply_pg(pg)
        finally:
            await pg.close()
    from storage.layout import DataLayout
    from storage.sqlite import Database, apply_migrations

    db = await Database.open(DataLayout(Path(data_dir)).database)
    try:
        return await apply_migrations(db)
    finally:
        await db.close()
