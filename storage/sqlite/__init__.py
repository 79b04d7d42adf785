"""The SQLite (aiosqlite) backend: the embedded default, a file under DATA_DIR."""

from typing import TYPE_CHECKING, Any

from storage.sqlite.database import Database, Transaction
from storage.sqlite.migrator import apply_migrations, load_migrations, schema_version
from storage.sqlite.storage import SQLiteStorage, open_sqlite_storage

if TYPE_CHECKING:
    from storage.sqlite.fsm import SQLiteFSMStorage


def __getattr__(name: str) -> Any:
    """Import the FSM storage (and with it aiogram, slow to import) only when asked for."""
    if name == "SQLiteFSMStorage":
        from storage.sqlite.fsm import SQLiteFSMStorage

        return SQLiteFSMStorage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Database",
    "SQLiteFSMStorage",
    "SQLiteStorage",
    "Transaction",
    "apply_migrations",
    "load_migrations",
    "open_sqlite_storage",
    "schema_version",
]
