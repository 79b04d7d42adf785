"""The PostgreSQL the tests use: TEST_DATABASE_URL, set by ``eval "$(.ci/services start)"``.

Without it the PostgreSQL tests skip, unless REQUIRE_POSTGRES=1 (CI), where they fail.
"""

import os

import psycopg
import pytest

SKIP_REASON = (
    "PostgreSQL tests need TEST_DATABASE_URL: run `eval \"$(.ci/services start)\"` first "
    "(CI sets REQUIRE_POSTGRES=1, which turns this skip into a failure)"
)


def database_url() -> str:
    """The test database's URL, or skip (fail under REQUIRE_POSTGRES) when there is none."""
    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail("REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set")
        pytest.skip(SKIP_REASON)
    return url


def truncate_all(url: str) -> None:
    """Empty every table but the schema version, identities restarted (fast, one statement)."""
    with psycopg.connect(url, autocommit=True) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT quote_ident(tablename) FROM pg_tables"
                " WHERE schemaname = current_schema() AND tablename <> 'schema_version'"
            )
        ]
        if tables:
            conn.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")


def data_directory(url: str) -> str:
    """The cluster's data folder (the tests connect as its superuser)."""
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute("SHOW data_directory").fetchone()
    assert row is not None
    return str(row[0])
