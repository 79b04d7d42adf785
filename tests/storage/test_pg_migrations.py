"""PostgreSQL migrations: instances starting together apply each file once; refusals;
``python -m bot migrate``."""

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from storage import MigrationError, migrate
from storage.postgres import PgDatabase, apply_migrations, load_migrations, schema_version
from storage.sql.migrations import MigrationFile
from tests.postgres import database_url


@pytest.fixture
def empty_database() -> Iterator[str]:
    """A new, empty database in the test cluster (dropped afterwards)."""
    url = database_url()
    name = f"kratno_mig_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield make_conninfo(**{**conninfo_to_dict(url), "dbname": name})
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


async def test_instances_starting_at_once_apply_each_migration_once(empty_database: str) -> None:
    latest = len(load_migrations())
    dbs = [await PgDatabase.open(empty_database, pool_size=1) for _ in range(5)]
    try:
        applied = await asyncio.gather(*(apply_migrations(db) for db in dbs))
        assert sorted(v for versions in applied for v in versions) == list(range(1, latest + 1))
        assert await schema_version(dbs[0]) == latest
        assert await apply_migrations(dbs[0]) == []
    finally:
        for db in dbs:
            await db.close()


async def test_migrate_command_path_and_refusals(empty_database: str) -> None:
    assert await migrate("unused", empty_database) == list(range(1, len(load_migrations()) + 1))
    db = await PgDatabase.open(empty_database, pool_size=1)
    try:
        edited = [MigrationFile(1, "schema", "SELECT 1")]
        with pytest.raises(MigrationError, match="edited after"):
            await apply_migrations(db, migrations=edited)
        with pytest.raises(MigrationError, match="newer version"):
            await apply_migrations(db, migrations=[])
        latest = len(load_migrations())
        broken = [*load_migrations(),
                  MigrationFile(latest + 1, "broken", "CREATE TABLE b (x int); CREATE TABLE users (x int);")]
        with pytest.raises(MigrationError, match=f"{latest + 1}_broken failed"):
            await apply_migrations(db, migrations=broken)
        assert await schema_version(db) == latest  # the failed file left nothing behind
        assert await db.fetch_one("SELECT to_regclass('b')") == (None,)
    finally:
        await db.close()


def test_python_m_bot_migrate(empty_database: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("BOT_TOKEN", "DATABASE_URL")}
    on_postgres = _bot(["migrate"], {**env, "DATABASE_URL": empty_database}, tmp_path)
    assert on_postgres.returncode == 0, on_postgres.stderr
    assert "job queue schema installed" in on_postgres.stdout
    assert f"migrations applied: {list(range(1, len(load_migrations()) + 1))}" in on_postgres.stdout
    again = _bot(["migrate"], {**env, "DATABASE_URL": empty_database}, tmp_path)
    assert again.returncode == 0 and "up to date" in again.stdout
    on_sqlite = _bot(["migrate"], {**env, "DATA_DIR": str(tmp_path / "data")}, tmp_path)
    assert on_sqlite.returncode == 0 and (tmp_path / "data" / "kratno.sqlite3").exists()
    worker = _bot(["worker"], {**env, "BOT_TOKEN": "1:x"}, tmp_path)  # no DATABASE_URL
    assert worker.returncode == 2 and worker.stderr.count("\n") == 1
    assert "DATABASE_URL" in worker.stderr


def _bot(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args], env=env, cwd=cwd, text=True,
                          capture_output=True, timeout=120, check=False)
