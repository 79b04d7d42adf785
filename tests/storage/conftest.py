"""Fixtures: a storage with a controllable clock, on each backend.

``store`` runs a test on SQLite (a temporary DATA_DIR) and on PostgreSQL (TEST_DATABASE_URL,
emptied before each test); ``sqlite_store`` and ``pg_store`` pin one backend.
"""

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage import SQLiteStorage, Storage, open_sqlite_storage
from storage.postgres import PostgresStorage, open_postgres_storage
from storage.sqlite import Database
from tests.postgres import database_url, truncate_all


@dataclass
class FakeClock:
    """A clock the test moves by hand."""

    now: datetime = field(default_factory=lambda: datetime(2026, 1, 10, 12, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
async def sqlite_store(data_dir: Path, clock: FakeClock) -> AsyncIterator[SQLiteStorage]:
    storage = await open_sqlite_storage(data_dir, clock=clock)
    try:
        yield storage
    finally:
        await storage.close()


@pytest.fixture
async def pg_store(data_dir: Path, clock: FakeClock) -> AsyncIterator[PostgresStorage]:
    url = database_url()
    storage = await open_postgres_storage(url, data_dir, clock=clock, pool_size=4)
    truncate_all(url)
    try:
        yield storage
    finally:
        await storage.close()


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest) -> Storage:
    """The storage of each backend in turn."""
    backend: Storage = request.getfixturevalue(f"{'pg' if request.param == 'postgres' else 'sqlite'}_store")
    return backend


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "raw.sqlite3")
    try:
        yield database
    finally:
        await database.close()
