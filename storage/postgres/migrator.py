"""PostgreSQL migrations (see `storage.sql.migrations`): each file in its own transaction
under a transaction-level advisory lock, so instances starting at once apply each file once.
"""

from psycopg import Error as PgError

from storage.errors import MigrationError
from storage.postgres.database import PgDatabase
from storage.sql.migrations import MigrationFile, load_files, verify_history

MIGRATION_LOCK = 0x6B7261746E6F  # "kratno": the advisory lock key of schema changes
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
    async with db.transaction() as tx:
        await tx.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
        await tx.execute(_BOOTSTRAP)
        verify_history(await tx.fetch_all("SELECT version, name, checksum FROM schema_version"),
                       known)
    applied: list[int] = []
    for migration in known:
        async with db.transaction() as tx:
            await tx.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
            row = await tx.fetch_one("SELECT COALESCE(MAX(version), 0) FROM schema_version")
            if row is not None and int(row[0]) >= migration.version:
                continue  # another instance got there first
            try:
                await tx.execute(migration.sql)
            except PgError as error:
                raise MigrationError(
                    f"migration {migration.version}_{migration.name} failed: {error}"
                ) from error
            await tx.execute(
                "INSERT INTO schema_version (version, name, checksum) VALUES (?, ?, ?)",
                (migration.version, migration.name, migration.checksum),
            )
        applied.append(migration.version)
    return applied
