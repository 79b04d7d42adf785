"""The SQLite database: one writer connection behind an asyncio lock, one reader connection.

SQLite allows one writer at a time. Funnelling every write through a single connection and an
`asyncio.Lock` means coroutines queue in the process instead of racing for the file lock, so
"database is locked" cannot happen between coroutines; ``BEGIN IMMEDIATE`` plus ``busy_timeout``
covers a second process (for instance an old instance still shutting down during a deploy).
WAL mode lets the reader connection read the last committed state while a write is running.
"""

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Literal

import aiosqlite

from storage.errors import StorageError

Params = Sequence[Any] | dict[str, Any]
Synchronous = Literal["NORMAL", "FULL"]

DEFAULT_BUSY_TIMEOUT_MS = 10_000
_CHECKPOINT_ATTEMPTS = 20


class Transaction:
    """Statements inside one write transaction (obtained from `Database.transaction`)."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; returns the number of rows it changed."""
        async with self._conn.execute(sql, params) as cursor:
            return cursor.rowcount

    async def insert(self, sql: str, params: Params = ()) -> int:
        """Run an INSERT; returns the new row's id."""
        async with self._conn.execute(sql, params) as cursor:
            if cursor.lastrowid is None:  # pragma: no cover - sqlite always sets it
                raise StorageError("INSERT did not produce a row id")
            return cursor.lastrowid

    async def execute_many(self, sql: str, rows: Iterable[Params]) -> int:
        async with self._conn.executemany(sql, rows) as cursor:
            return cursor.rowcount

    async def fetch_one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        async with self._conn.execute(sql, params) as cursor:
            row: sqlite3.Row | None = await cursor.fetchone()
            return row

    async def fetch_all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return list(await self._conn.execute_fetchall(sql, params))

    async def lock(self, name: str) -> None:
        """Nothing to do: one write transaction runs at a time (``BEGIN IMMEDIATE``)."""


class Database:
    """An open SQLite database file. Create with `Database.open`, finish with `close`."""

    def __init__(
        self, path: Path, writer: aiosqlite.Connection, reader: aiosqlite.Connection
    ) -> None:
        self.path = path
        self._writer = writer
        self._reader = reader
        self._write_lock = asyncio.Lock()
        self._closed = False

    @classmethod
    async def open(
        cls,
        path: Path,
        *,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
        synchronous: Synchronous = "FULL",
    ) -> "Database":
        """Open (creating if needed) the file and set the pragmas; does not migrate."""
        path.parent.mkdir(parents=True, exist_ok=True)
        writer = await _connect(path, busy_timeout_ms)
        try:
            mode = await _pragma(writer, "journal_mode=WAL")
            if str(mode).lower() != "wal":
                raise StorageError(f"cannot enable WAL on {path} (journal_mode={mode})")
            await _pragma(writer, f"synchronous={synchronous}")
            path.chmod(0o600)
            reader = await _connect(path, busy_timeout_ms)
        except BaseException:
            await writer.close()
            raise
        await _pragma(reader, "query_only=ON")
        return cls(path, writer, reader)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        """A write transaction (``BEGIN IMMEDIATE``): committed on exit, rolled back on error.

        Writers queue on the lock; a cancelled or failing block is rolled back before the
        next writer starts.
        """
        async with self._write_lock:
            self._check_open()
            await _run(self._writer, "BEGIN IMMEDIATE")
            try:
                yield Transaction(self._writer)
            except BaseException:
                await asyncio.shield(_rollback(self._writer))
                raise
            try:
                await _run(self._writer, "COMMIT")
            except BaseException:
                await asyncio.shield(_rollback(self._writer))
                raise

    async def fetch_one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        """One row from the last committed state (never blocks behind writers)."""
        self._check_open()
        async with self._reader.execute(sql, params) as cursor:
            row: sqlite3.Row | None = await cursor.fetchone()
            return row

    async def fetch_all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        self._check_open()
        return list(await self._reader.execute_fetchall(sql, params))

    async def checkpoint(self) -> bool:
        """Copy the WAL into the database and truncate it to zero bytes.

        Afterwards no deleted content survives in the WAL. Returns False if readers kept
        the checkpoint from completing after several attempts.
        """
        for attempt in range(_CHECKPOINT_ATTEMPTS):
            async with self._write_lock:
                self._check_open()
                row = await _fetch(self._writer, "PRAGMA wal_checkpoint(TRUNCATE)")
            if row is not None and row[0] == 0:
                return True
            await asyncio.sleep(0.01 * (attempt + 1))
        return False

    async def close(self) -> None:
        """Wait for the running write, then close both connections (idempotent)."""
        if self._closed:
            return
        async with self._write_lock:
            self._closed = True
            try:
                await self._reader.close()
            finally:
                await self._writer.close()

    def _check_open(self) -> None:
        if self._closed:
            raise StorageError("database is closed")


async def _connect(path: Path, busy_timeout_ms: int) -> aiosqlite.Connection:
    conn = await aiosqlite.connect(path, isolation_level=None)  # we issue BEGIN/COMMIT
    try:
        conn.row_factory = sqlite3.Row
        await _pragma(conn, f"busy_timeout={int(busy_timeout_ms)}")
        await _pragma(conn, "foreign_keys=ON")
        await _pragma(conn, "secure_delete=ON")
    except BaseException:
        await conn.close()
        raise
    return conn


async def _pragma(conn: aiosqlite.Connection, pragma: str) -> Any:
    row = await _fetch(conn, f"PRAGMA {pragma}")
    return None if row is None else row[0]


async def _fetch(conn: aiosqlite.Connection, sql: str) -> sqlite3.Row | None:
    async with conn.execute(sql) as cursor:
        row: sqlite3.Row | None = await cursor.fetchone()
        return row


async def _run(conn: aiosqlite.Connection, sql: str) -> None:
    async with conn.execute(sql):
        pass


async def _rollback(conn: aiosqlite.Connection) -> None:
    # "no transaction is active" means SQLite already rolled back (or the COMMIT went through).
    with contextlib.suppress(sqlite3.OperationalError):
        await _run(conn, "ROLLBACK")
