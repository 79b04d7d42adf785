"""The PostgreSQL database: a psycopg 3 connection pool behind the `storage.sql.connection`
protocols, so the shared SQL repositories run on it unchanged.

Statements use ``?`` placeholders (the SQLite style the repositories are written in); they are
translated to psycopg's ``%s`` once per statement text. Rows answer ``row["column"]`` and
``row[0]``. Every connection runs in UTC, so timestamps come back as aware UTC datetimes.
"""

from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any

from psycopg import AsyncConnection, AsyncCursor
from psycopg.rows import RowMaker
from psycopg_pool import AsyncConnectionPool

from storage.errors import StorageError
from storage.sql.connection import Params

DEFAULT_POOL_SIZE = 10


class PgRow(tuple[Any, ...]):
    """A result row: a tuple that also answers ``row["column"]`` (like `sqlite3.Row`)."""

    names: dict[str, int]

    def __getitem__(self, key: Any, /) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names[key])
        return tuple.__getitem__(self, key)


def _pg_row(cursor: AsyncCursor[Any]) -> RowMaker[PgRow]:
    names = {column.name: i for i, column in enumerate(cursor.description or ())}

    def make(values: Sequence[Any]) -> PgRow:
        row = PgRow(values)
        row.names = names
        return row

    return make


@lru_cache(maxsize=512)
def _translate(sql: str) -> str:
    """``?`` placeholders to ``%s`` (a literal ``%`` doubled); our SQL has no ``?`` operators."""
    return sql.replace("%", "%%").replace("?", "%s")


def _query(sql: str, params: Params) -> tuple[str, Params | None]:
    # Without parameters psycopg sends the text as it is (several statements allowed).
    return (_translate(sql), params) if params else (sql, None)


class PgTransaction:
    """Statements inside one transaction on one pooled connection."""

    def __init__(self, conn: AsyncConnection[Any]) -> None:
        self.conn = conn

    async def execute(self, sql: str, params: Params = ()) -> int:
        cursor = await self.conn.execute(*_query(sql, params))
        return max(cursor.rowcount, 0)

    async def execute_many(self, sql: str, rows: Iterable[Params]) -> int:
        cursor = self.conn.cursor()
        batch = list(rows)
        if not batch:
            return 0
        await cursor.executemany(_translate(sql), batch)
        return max(cursor.rowcount, 0)

    async def lock(self, name: str) -> None:
        """A transaction-level advisory lock on the name's 64-bit hash."""
        await self.conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (name,))

    async def fetch_one(self, sql: str, params: Params = ()) -> PgRow | None:
        cursor = self.conn.cursor(row_factory=_pg_row)
        await cursor.execute(*_query(sql, params))
        return await cursor.fetchone()

    async def fetch_all(self, sql: str, params: Params = ()) -> list[PgRow]:
        cursor = self.conn.cursor(row_factory=_pg_row)
        await cursor.execute(*_query(sql, params))
        return await cursor.fetchall()


class PgDatabase:
    """A pool of connections to one PostgreSQL database. Create with `PgDatabase.open`."""

    def __init__(self, url: str, pool: AsyncConnectionPool[AsyncConnection[Any]]) -> None:
        self.url = url
        self.pool = pool

    @classmethod
    async def open(cls, url: str, *, pool_size: int = DEFAULT_POOL_SIZE) -> "PgDatabase":
        """Connect (waiting until the first connection works); does not migrate."""

        async def configure(conn: AsyncConnection[Any]) -> None:
            await conn.set_autocommit(True)
            await conn.execute("SET TIME ZONE 'UTC'")

        pool: AsyncConnectionPool[AsyncConnection[Any]] = AsyncConnectionPool(
            url, min_size=1, max_size=pool_size, configure=configure, open=False,
            name="kratno",
        )
        try:
            await pool.open(wait=True, timeout=30)
        except Exception as error:
            await pool.close()
            raise StorageError(f"cannot connect to PostgreSQL: {error}") from error
        return cls(url, pool)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[PgTransaction]:
        """A transaction: committed on exit, rolled back on error."""
        async with self.pool.connection() as conn, conn.transaction():
            yield PgTransaction(conn)

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[PgTransaction]:
        """Statements in autocommit mode on one connection (VACUUM, session locks)."""
        async with self.pool.connection() as conn:
            yield PgTransaction(conn)

    async def fetch_one(self, sql: str, params: Params = ()) -> PgRow | None:
        """One row of the last committed state."""
        async with self.connection() as conn:
            return await conn.fetch_one(sql, params)

    async def fetch_all(self, sql: str, params: Params = ()) -> Sequence[PgRow]:
        async with self.connection() as conn:
            return await conn.fetch_all(sql, params)

    async def close(self) -> None:
        """Close every connection (idempotent)."""
        await self.pool.close()
