"""`SQLiteStorage`: the SQLite implementation of the `storage.Storage` contract."""

from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self

from storage.codec import Clock, utc_now
from storage.interfaces import Storage
from storage.layout import DataLayout
from storage.models import DeletionReport, PurgeReport
from storage.sql.answers import SQLAnswerRepository
from storage.sql.audits import SQLAuditRepository
from storage.sql.briefs import SQLBriefRepository
from storage.sql.customer_results import SQLCustomerResultRepository
from storage.sql.uploads import SQLUploadRepository
from storage.sql.users import SQLUserRepository
from storage.sqlite import maintenance
from storage.sqlite.database import DEFAULT_BUSY_TIMEOUT_MS, Database, Synchronous
from storage.sqlite.migrator import apply_migrations

if TYPE_CHECKING:
    from storage.sql.fsm import SQLFSMStorage


class SQLiteStorage(Storage):
    """Repositories, FSM storage, retention and deletion over one SQLite file in DATA_DIR."""

    def __init__(self, db: Database, layout: DataLayout, *, clock: Clock = utc_now) -> None:
        self.db = db
        self._layout = layout
        self._clock = clock
        self._users = SQLUserRepository(db, clock)
        self._uploads = SQLUploadRepository(db, clock)
        self._audits = SQLAuditRepository(db, clock)
        self._customer_results = SQLCustomerResultRepository(db, clock)
        self._answers = SQLAnswerRepository(db, clock)
        self._briefs = SQLBriefRepository(db, clock)
        self._fsm: SQLFSMStorage | None = None

    @property
    def users(self) -> SQLUserRepository:
        return self._users

    @property
    def uploads(self) -> SQLUploadRepository:
        return self._uploads

    @property
    def audits(self) -> SQLAuditRepository:
        return self._audits

    @property
    def customer_results(self) -> SQLCustomerResultRepository:
        return self._customer_results

    @property
    def answers(self) -> SQLAnswerRepository:
        return self._answers

    @property
    def briefs(self) -> SQLBriefRepository:
        return self._briefs

    @property
    def fsm(self) -> "SQLFSMStorage":
        """Created on first use, so processes that never touch FSM never import aiogram."""
        if self._fsm is None:
            from storage.sql.fsm import SQLFSMStorage

            self._fsm = SQLFSMStorage(self.db, clock=self._clock)
        return self._fsm

    @property
    def layout(self) -> DataLayout:
        return self._layout

    async def purge_expired(
        self, *, retention_days: int, now: datetime | None = None
    ) -> PurgeReport:
        return await maintenance.purge_expired(
            self.db, self._layout, now=now or self._clock(), retention_days=retention_days
        )

    async def delete_user(self, user_id: int) -> DeletionReport:
        return await maintenance.delete_user(self.db, self._layout, user_id)

    async def close(self) -> None:
        await self.db.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()


async def open_sqlite_storage(
    data_dir: Path | str,
    *,
    clock: Clock = utc_now,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    synchronous: Synchronous = "FULL",
) -> SQLiteStorage:
    """Open DATA_DIR/kratno.sqlite3 (creating it), apply pending migrations, return the storage."""
    layout = DataLayout(Path(data_dir))
    db = await Database.open(
        layout.database, busy_timeout_ms=busy_timeout_ms, synchronous=synchronous
    )
    try:
        await apply_migrations(db)
    except BaseException:
        await db.close()
        raise
    return SQLiteStorage(db, layout, clock=clock)
