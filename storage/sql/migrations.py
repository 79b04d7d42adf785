"""Forward-only migrations shared by the backends: numbered ``NNNN_name.sql`` files in a
package, and the check that the applied history matches the code.

Each backend runs its files its own way (`storage.sqlite.migrator`,
`storage.postgres.migrator`); both record every applied file with a checksum of its text in
``schema_version`` and refuse a database that is newer than the code or whose applied
migrations were edited afterwards: both mean the code and the data disagree about the schema.
"""

import hashlib
import re
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TypeVar

from storage.errors import MigrationError
from storage.sql.connection import Database, Row, Transaction

_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class MigrationFile:
    """One ``NNNN_name.sql`` file."""

    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        """sha256 of the text, recorded when applied."""
        return hashlib.sha256(self.sql.encode()).hexdigest()


M = TypeVar("M", bound=MigrationFile)


def load_files(package: str) -> list[MigrationFile]:
    """The migrations packaged in ``package``, checked to be numbered 1, 2, 3, ... without gaps."""
    found: list[MigrationFile] = []
    for entry in resources.files(package).iterdir():
        match = _FILE_NAME.match(entry.name)
        if match:
            found.append(MigrationFile(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
        elif entry.name.endswith(".sql"):
            raise MigrationError(f"badly named migration file {entry.name!r} (want NNNN_name.sql)")
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise MigrationError(f"migration numbers must be 1..N without gaps, got {versions}")
    return found


def verify_history(applied: Iterable[Row], known: Iterable[MigrationFile]) -> None:
    """Refuse ``schema_version`` rows (version, name, checksum) that the code does not know
    or whose file was edited after it was applied."""
    by_version = {m.version: m for m in known}
    for row in applied:
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


Run = Callable[[Transaction, M], Awaitable[None]]
"""Executes one migration's SQL inside the runner's transaction (backend-specific)."""

LOCK = "kratno schema migrations"


async def apply_files(
    db: Database,
    bootstrap: str,
    *,
    known: Sequence[M],
    wanted: Sequence[M],
    run: Run[M],
    errors: type[Exception] | tuple[type[Exception], ...],
) -> list[int]:
    """Create ``schema_version`` (``bootstrap``), check the applied history against
    ``known``, then apply each of ``wanted`` not applied yet, each in its own transaction
    holding the migration lock and re-checking the version (another instance starting at the
    same time may have applied it). ``errors`` raised by ``run`` become `MigrationError`.
    Returns the versions applied here."""
    async with db.transaction() as tx:
        await tx.lock(LOCK)
        await tx.execute(bootstrap)
        verify_history(await tx.fetch_all("SELECT version, name, checksum FROM schema_version"),
                       known)
    applied: list[int] = []
    for migration in wanted:
        async with db.transaction() as tx:
            await tx.lock(LOCK)
            row = await tx.fetch_one("SELECT COALESCE(MAX(version), 0) FROM schema_version")
            if row is not None and int(row[0]) >= migration.version:
                continue  # another process got there first
            try:
                await run(tx, migration)
            except errors as error:
                raise MigrationError(
                    f"migration {migration.version}_{migration.name} failed: {error}"
                ) from error
            await tx.execute(
                "INSERT INTO schema_version (version, name, checksum) VALUES (?, ?, ?)",
                (migration.version, migration.name, migration.checksum),
            )
        applied.append(migration.version)
    return applied
