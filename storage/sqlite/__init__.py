"""The SQLite (aiosqlite) backend: the embedded default, a file under DATA_DIR."""

from typing import TYPE_CHECKING, Any

from storage.sqlite.database import Database, Transaction
from storage.sqlite.migrator import apply_migrations, load_migrations, schema_version
from storage.sqlite.storage import SQLiteStorage, open_sqlite_storage

if TYPE_CHECKING:
    from storage.sql.fsm import SQLFSMStorage


def __getattr__(name: str) -> Any:
    """Import the FSM storage (and with it aiogram, slow to import) only when asked for."""
    if name == "SQLFSMStorage":
        from storage.sql.fsm import SQLFSMStorage

        return SQLFSMStorage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Database",
    "SQLFSMStorage",
    "SQLiteStorage",
    "Transaction",
    "apply_migrations",
    "load_migrations",
    "open_sqlite_storage",
    "schema_version",
]
