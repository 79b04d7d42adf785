"""Forward-only schema migrations: numbered SQL files, each applied in its own transaction.

The ``schema_version`` table records every applied migration with a checksum of its text.
Start-up refuses a database that is newer than the code or whose recorded migrations were
edited after being applied: both mean the code and the data disagree about the schema.
Applying is safe when two processes start at once: each migration re-checks the version
inside its ``BEGIN IMMEDIATE`` transaction.
"""

import hashlib
import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

from storage.errors import MigrationError
from storage.sqlite.database import Database, Transaction

_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
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
class Migration:
    """One ``NNNN_name.sql`` file."""

    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()

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
    """The packaged migrations, checked to be numbered 1, 2, 3, ... without gaps."""
    found: list[Migration] = []
    for entry in resources.files("storage.sqlite.migrations").iterdir():
        match = _FILE_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
        elif entry.name.endswith(".sql"):
            raise MigrationError(f"badly named migration file {entry.name!r} (want NNNN_name.sql)")
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise MigrationError(f"migration numbers must be 1..N without gaps, got {versions}")
    return found


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
        await _verify_history(tx, known)
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


async def _verify_history(tx: Transaction, known: list[Migration]) -> None:
    by_version = {m.version: m for m in known}
    for row in await tx.fetch_all("SELECT version, name, checksum FROM schema_version"):
        migration = by_version.get(int(row["version"]))
        if migration is None:
            raise MigrationError(
                f"database has migration {row['version']} ({row['name']}) that this code does "
                "not know: it was written by a newer version; upgrade the code"
            )
        if migration.checksum != row["checksum"]:
            raise MigrationError(
                f"migration {migration.version}_{migration.name} was edited after it was "
                "applied; add a new migration instead of changing an applied one"
            )


def _strip_comments(sql: str) -> str:
    lines = (line.split("--", 1)[0] for line in sql.splitlines())
    return " ".join(line for line in lines if line.strip()).strip()
