"""Fixtures: a storage in a temporary DATA_DIR with a controllable clock."""

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage import SQLiteStorage, open_sqlite_storage
from storage.sqlite import Database


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
async def store(data_dir: Path, clock: FakeClock) -> AsyncIterator[SQLiteStorage]:
    storage = await open_sqlite_storage(data_dir, clock=clock)
    try:
        yield storage
    finally:
        await storage.close()


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "raw.sqlite3")
    try:
        yield database
    finally:
        await database.close()
