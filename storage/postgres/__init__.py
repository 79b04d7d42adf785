"""The PostgreSQL (psycopg 3) backend: every piece of state, files included, in one database
named by DATABASE_URL, for several bot instances and workers."""

from storage.postgres.database import PgDatabase
from storage.postgres.migrator import apply_migrations, load_migrations, schema_version
from storage.postgres.storage import PostgresStorage, open_postgres_storage

__all__ = [
    "PgDatabase",
    "PostgresStorage",
    "apply_migrations",
    "load_migrations",
    "open_postgres_storage",
    "schema_version",
]
