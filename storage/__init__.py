"""Kratno storage: the bot's memory.

The bot codes against the `Storage` protocol and the records in `storage.models`; the SQLite
backend (`open_sqlite_storage`) is the embedded default, PostgreSQL (`storage.postgres`) is
for several instances and workers; `open_storage` picks one. See docs/storage.md.
"""

from typing import TYPE_CHECKING, Any

from storage.errors import MigrationError, NotFoundError, StorageError
from storage.interfaces import (
    AnswerRepository,
    AuditRepository,
    BriefRepository,
    CustomerHashRepository,
    CustomerResultRepository,
    FileStore,
    Storage,
    UploadRepository,
    UserRepository,
)
from storage.layout import DataLayout
from storage.models import (
    Answer,
    AnswerSection,
    Audit,
    Brief,
    CustomerResult,
    DeletionReport,
    PurgeReport,
    Role,
    Upload,
    UploadStatus,
    User,
)
from storage.opening import migrate, open_storage
from storage.retention import run_retention
from storage.sqlite import SQLiteStorage, open_sqlite_storage

if TYPE_CHECKING:
    from storage.sql.fsm import SQLFSMStorage


def __getattr__(name: str) -> Any:
    """Import the FSM storage (and with it aiogram, slow to import) only when asked for."""
    if name == "SQLFSMStorage":
        from storage.sql.fsm import SQLFSMStorage

        return SQLFSMStorage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Answer",
    "AnswerRepository",
    "AnswerSection",
    "Audit",
    "AuditRepository",
    "Brief",
    "BriefRepository",
    "CustomerHashRepository",
    "CustomerResult",
    "CustomerResultRepository",
    "DataLayout",
    "DeletionReport",
    "FileStore",
    "MigrationError",
    "NotFoundError",
    "PurgeReport",
    "Role",
    "SQLFSMStorage",
    "SQLiteStorage",
    "Storage",
    "StorageError",
    "Upload",
    "UploadRepository",
    "UploadStatus",
    "User",
    "UserRepository",
    "migrate",
    "open_sqlite_storage",
    "open_storage",
    "run_retention",
]
