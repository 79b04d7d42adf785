"""SQLite migrations (see `storage.sql.migrations`), each applied in its own transaction.

Applying is safe when two processes start at once: each migration re-checks the version
inside its ``BEGIN IMMEDIATE`` transaction.
"""

import re
import sqlite3
from dataclasses import dataclass

from storage.errors import MigrationError
from storage.sql.connection import Transaction
from storage.sql.migrations import MigrationFile, apply_files, load_files
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
    return await apply_files(db, _BOOTSTRAP, known=known, wanted=wanted, run=_run,
                             errors=sqlite3.Error)


async def _run(tx: Transaction, migration: Migration) -> None:
    for statement in migration.statements:
        await tx.execute(statement)


def _strip_comments(sql: str) -> str:
    lines = (line.split("--", 1)[0] for line in sql.splitlines())
    return " ".join(line for line in lines if line.strip()).strip()
