"""PostgreSQL migrations (see `storage.sql.migrations`): each file in its own transaction
under a transaction-level advisory lock, so instances starting at once apply each file once.
"""

from psycopg import Error as PgError

from storage.postgres.database import PgDatabase
from storage.sql.connection import Transaction
from storage.sql.migrations import MigrationFile, apply_files, load_files

_BOOTSTRAP = """
CREATE TABLE IF NOT EXISTS schema_version (
    version     integer     PRIMARY KEY,
    name        text        NOT NULL,
    checksum    text        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
)
"""


def load_migrations() -> list[MigrationFile]:
    """The packaged PostgreSQL migrations, numbered 1, 2, 3, ... without gaps."""
    return load_files("storage.postgres.migrations")


async def schema_version(db: PgDatabase) -> int:
    """The highest applied migration, 0 for an empty database."""
    row = await db.fetch_one("SELECT to_regclass('schema_version') IS NOT NULL")
    if row is None or not row[0]:
        return 0
    row = await db.fetch_one("SELECT COALESCE(MAX(version), 0) FROM schema_version")
    return 0 if row is None else int(row[0])


async def apply_migrations(
    db: PgDatabase, *, migrations: list[MigrationFile] | None = None
) -> list[int]:
    """Bring the schema up to the latest version; returns the versions applied here."""
    known = load_migrations() if migrations is None else migrations
    return await apply_files(db, _BOOTSTRAP, known=known, wanted=known, run=_run,
                             errors=PgError)


async def _run(tx: Transaction, migration: MigrationFile) -> None:
    await tx.execute(migration.sql)  # the whole file: PostgreSQL runs several statements
