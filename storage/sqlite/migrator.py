"""SQLite migrations (see `storage.sql.migrations`), each applied in its own transaction.

Applying is safe when two processes start at once: each migration re-checks the version
inside its ``BEGIN IMMEDIATE`` transaction.
"""

import re
import sqlite3
from dataclasses import dataclass

from storage.errors import MigrationError
from storage.sql.migrations import MigrationFile, load_files, verify_history
from storage.sqlite.database import Database

_FORBIDDEN = re.compile(
    r"^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA|VACUUM|ATTACH|DETACH)\b",
    re.IGNORECASE,
)
_BOOTSTRAP = """
CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    checksum    TEXT NOT NULL,
    applied_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT
"""


@dataclass(frozen=True, slots=True)
class Migration(MigrationFile):
    """One ``NNNN_name.sql`` file, split into SQLite statements."""

    @property
    def statements(self) -> list[str]:
        """The file split into complete statements (comments kept, blanks dropped)."""
        statements: list[str] = []
        pending = ""
        for line in self.sql.splitlines(keepends=True):
            pending += line
            if sqlite3.complete_statement(pending):
                statements.append(pending.strip())
                pending = ""
        if _strip_comments(pending):
            raise MigrationError(f"migration {self.version}: unterminated statement")
        for statement in statements:
            if _FORBIDDEN.match(_strip_comments(statement)):
                raise MigrationError(
                    f"migration {self.version}: transaction control, PRAGMA and VACUUM "
                    "are not allowed (the runner owns the transaction)"
                )
        return statements


def load_migrations() -> list[Migration]:
    """The packaged SQLite migrations, numbered 1, 2, 3, ... without gaps."""
    return [Migration(m.version, m.name, m.sql) for m in load_files("storage.sqlite.migrations")]


async def schema_version(db: Database) -> int:
    """The highest applied migration, 0 for an empty database."""
    exists = await db.fetch_one(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    )
    if exists is None:
        return 0
    row = await db.fetch_one("SELECT COALESCE(MAX(version), 0) FROM schema_version")
    return 0 if row is None else int(row[0])


async def apply_migrations(
    db: Database, *, migrations: list[Migration] | None = None, target: int | None = None
) -> list[int]:
    """Bring the schema up to ``target`` (default: the latest); returns the versions applied."""
    known = load_migrations() if migrations is None else migrations
    wanted = [m for m in known if target is None or m.version <= target]
    async with db.transaction() as tx:
        await tx.execute(_BOOTSTRAP)
        verify_history(await tx.fetch_all("SELECT version, name, checksum FROM schema_version"),
                       known)
    applied: list[int] = []
    for migration in wanted:
        statements = migration.statements
        async with db.transaction() as tx:
            row = await tx.fetch_one("SELECT COALESCE(MAX(version), 0) FROM schema_version")
            if row is not None and int(row[0]) >= migration.version:
                continue  # another process got there first
            for statement in statements:
                try:
                    await tx.execute(statement)
                except sqlite3.Error as error:
                    raise MigrationError(
                        f"migration {migration.version}_{migration.name} failed: {error}"
                    ) from error
            await tx.execute(
                "INSERT INTO schema_version (version, name, checksum) VALUES (?, ?, ?)",
                (migration.version, migration.name, migration.checksum),
            )
        applied.append(migration.version)
    return applied


def _strip_comments(sql: str) -> str:
    lines = (line.split("--", 1)[0] for line in sql.splitlines())
    return " ".join(line for line in lines if line.strip()).strip()
