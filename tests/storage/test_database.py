"""The connection layer: pragmas, transactions, rollback on error and cancellation."""

import asyncio
from pathlib import Path

import pytest

from storage import StorageError
from storage.sqlite import Database


async def test_pragmas_make_sqlite_durable_and_strict(db: Database) -> None:
    async with db.transaction() as tx:
        pragmas = {
            name: (await tx.fetch_one(f"PRAGMA {name}") or [None])[0]
            for name in ("journal_mode", "foreign_keys", "busy_timeout", "secure_delete")
        }
        synchronous = (await tx.fetch_one("PRAGMA synchronous") or [None])[0]
    assert pragmas == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "busy_timeout": 10_000,
        "secure_delete": 1,
    }
    assert synchronous == 2  # FULL
    assert (await db.fetch_one("PRAGMA foreign_keys") or [None])[0] == 1
    assert (await db.fetch_one("PRAGMA query_only") or [None])[0] == 1  # reader cannot write


async def test_database_file_is_private(db: Database) -> None:
    assert db.path.stat().st_mode & 0o077 == 0


async def test_error_rolls_the_transaction_back(db: Database) -> None:
    async with db.transaction() as tx:
        await tx.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(RuntimeError):
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO t VALUES (1)")
            raise RuntimeError("boom")
    assert await db.fetch_all("SELECT x FROM t") == []
    async with db.transaction() as tx:  # the writer is usable again
        await tx.execute("INSERT INTO t VALUES (2)")
    assert [r[0] for r in await db.fetch_all("SELECT x FROM t")] == [2]


async def test_cancelled_writer_rolls_back_and_frees_the_lock(db: Database) -> None:
    async with db.transaction() as tx:
        await tx.execute("CREATE TABLE t (x INTEGER)")
    inside = asyncio.Event()

    async def slow_writer() -> None:
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO t VALUES (1)")
            inside.set()
            await asyncio.sleep(10)

    task = asyncio.create_task(slow_writer())
    await inside.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    async with db.transaction() as tx:
        await tx.execute("INSERT INTO t VALUES (2)")
    assert [r[0] for r in await db.fetch_all("SELECT x FROM t")] == [2]


async def test_reader_sees_only_committed_data(db: Database) -> None:
    async with db.transaction() as tx:
        await tx.execute("CREATE TABLE t (x INTEGER)")
    async with db.transaction() as tx:
        await tx.execute("INSERT INTO t VALUES (1)")
        assert await db.fetch_all("SELECT x FROM t") == []  # not committed yet
        assert [r[0] for r in await tx.fetch_all("SELECT x FROM t")] == [1]
    assert [r[0] for r in await db.fetch_all("SELECT x FROM t")] == [1]


async def test_closed_database_refuses_work_and_close_is_idempotent(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "x.sqlite3")
    await database.close()
    await database.close()
    with pytest.raises(StorageError):
        await database.fetch_one("SELECT 1")
    with pytest.raises(StorageError):
        async with database.transaction():
            pass


async def test_checkpoint_empties_the_wal(db: Database) -> None:
    async with db.transaction() as tx:
        await tx.execute("CREATE TABLE t (x TEXT)")
        await tx.execute("INSERT INTO t VALUES ('hello')")
    wal = db.path.with_name(db.path.name + "-wal")
    assert wal.stat().st_size > 0
    assert await db.checkpoint()
    assert wal.stat().st_size == 0
