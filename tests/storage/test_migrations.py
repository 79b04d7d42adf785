"""Schema migrations: from an empty database, from every earlier version, and refusals."""

import asyncio
from pathlib import Path

import pytest

from storage import MigrationError
from storage.sqlite import Database, apply_migrations, load_migrations, schema_version
from storage.sqlite.migrator import Migration

LATEST = len(load_migrations())


async def _schema(db: Database) -> list[tuple[str, str, str]]:
    rows = await db.fetch_all(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [(r["type"], r["name"], r["sql"]) for r in rows]


async def _fresh_schema(path: Path) -> list[tuple[str, str, str]]:
    db = await Database.open(path)
    try:
        await apply_migrations(db)
        return await _schema(db)
    finally:
        await db.close()


def test_packaged_migrations_are_numbered_and_parse() -> None:
    migrations = load_migrations()
    assert [m.version for m in migrations] == list(range(1, LATEST + 1))
    assert LATEST >= 3
    for migration in migrations:
        assert migration.statements, migration.name


async def test_empty_database_reaches_the_latest_version(db: Database) -> None:
    assert await schema_version(db) == 0
    assert await apply_migrations(db) == list(range(1, LATEST + 1))
    assert await schema_version(db) == LATEST
    assert await apply_migrations(db) == []  # second start-up: nothing to do
    tables = {name for kind, name, _ in await _schema(db) if kind == "table"}
    assert {"users", "uploads", "audits", "customer_results", "answers", "briefs"} <= tables
    assert {"fsm_state", "schema_version"} <= tables
    assert await db.fetch_all("PRAGMA foreign_key_check") == []


@pytest.mark.parametrize("start", range(LATEST))
async def test_every_earlier_version_upgrades_to_the_same_schema(
    tmp_path: Path, start: int
) -> None:
    expected = await _fresh_schema(tmp_path / "fresh.sqlite3")
    db = await Database.open(tmp_path / "old.sqlite3")
    try:
        await apply_migrations(db, target=start)
        assert await schema_version(db) == start
        if start >= 1:  # data written by the older version survives the upgrade
            async with db.transaction() as tx:
                await tx.execute(
                    "INSERT INTO users (user_id, language, created_at, updated_at)"
                    " VALUES (7, 'ru', '2026-01-01T00:00:00.000000+00:00',"
                    " '2026-01-01T00:00:00.000000+00:00')"
                )
        assert await apply_migrations(db) == list(range(start + 1, LATEST + 1))
        assert await _schema(db) == expected
        if start >= 1:
            row = await db.fetch_one("SELECT language FROM users WHERE user_id = 7")
            assert row is not None and row[0] == "ru"
    finally:
        await db.close()


async def test_failing_migration_leaves_no_trace(db: Database) -> None:
    good = Migration(1, "good", "CREATE TABLE a (x INTEGER);")
    bad = Migration(2, "bad", "CREATE TABLE b (x INTEGER);\nINSERT INTO nowhere VALUES (1);")
    with pytest.raises(MigrationError, match="2_bad"):
        await apply_migrations(db, migrations=[good, bad])
    assert await schema_version(db) == 1
    names = {name for _, name, _ in await _schema(db)}
    assert "a" in names and "b" not in names  # migration 2 rolled back as a whole


async def test_database_newer_than_the_code_is_refused(db: Database) -> None:
    await apply_migrations(db)
    with pytest.raises(MigrationError, match="newer"):
        await apply_migrations(db, migrations=load_migrations()[:-1])


async def test_edited_migration_is_refused(db: Database) -> None:
    first = Migration(1, "first", "CREATE TABLE a (x INTEGER);")
    await apply_migrations(db, migrations=[first])
    edited = Migration(1, "first", "CREATE TABLE a (x INTEGER, y TEXT);")
    with pytest.raises(MigrationError, match="edited"):
        await apply_migrations(db, migrations=[edited])


@pytest.mark.parametrize(
    "sql",
    ["BEGIN;\nCREATE TABLE a (x);\nCOMMIT;", "PRAGMA foreign_keys = OFF;", "CREATE TABLE a (x"],
)
def test_migration_may_not_control_transactions_or_be_truncated(sql: str) -> None:
    with pytest.raises(MigrationError):
        _ = Migration(1, "x", sql).statements


def test_trigger_bodies_are_kept_whole() -> None:
    sql = (
        "CREATE TABLE a (x INTEGER);\n"
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE a SET x = 1;\nEND;\n"
    )
    assert len(Migration(1, "x", sql).statements) == 2


async def test_two_processes_migrating_at_once_both_succeed(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    first, second = await Database.open(path), await Database.open(path)
    try:
        results = await asyncio.gather(apply_migrations(first), apply_migrations(second))
        assert sorted(results[0] + results[1]) == list(range(1, LATEST + 1))
        assert await schema_version(first) == LATEST
    finally:
        await first.close()
        await second.close()
