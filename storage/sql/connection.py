"""What the shared SQL repositories need from a backend's database: the two protocols.

Statements are written once, in the SQL both SQLite and PostgreSQL accept (``?`` placeholders,
``INSERT ... ON CONFLICT``, ``RETURNING``); a backend translates placeholders if its driver
wants others. Rows are read by column name or position. Timestamps go in as ISO 8601 text
(`storage.codec.to_timestamp`) and come back as text or as aware datetimes, JSON goes in and
comes back as text: `storage.codec` decodes both.
"""

from collections.abc import Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any, Protocol

Params = Sequence[Any]


class Row(Protocol):
    """One result row: ``row["column"]`` or ``row[0]``."""

    def __getitem__(self, key: int | str, /) -> Any: ...


class Transaction(Protocol):
    """Statements inside one write transaction."""

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; the number of rows it changed."""
        ...

    async def execute_many(self, sql: str, rows: Iterable[Params]) -> int:
        """Run one statement per parameter row; the number of rows changed."""
        ...

    async def fetch_one(self, sql: str, params: Params = ()) -> Row | None: ...

    async def fetch_all(self, sql: str, params: Params = ()) -> Sequence[Row]: ...

    async def lock(self, name: str) -> None:
        """Wait for, then hold until this transaction ends, the lock called ``name``: a
        read-modify-write of one key then never interleaves with another."""
        ...


class Database(Protocol):
    """A backend's database: write transactions and reads of the last committed state."""

    def transaction(self) -> AbstractAsyncContextManager[Transaction]:
        """Committed on exit, rolled back on error."""
        ...

    async def fetch_one(self, sql: str, params: Params = ()) -> Row | None: ...

    async def fetch_all(self, sql: str, params: Params = ()) -> Sequence[Row]: ...

    async def close(self) -> None: ...
