"""`SQLStorage`: the `storage.Storage` contract over one backend's database: the shared
repositories and FSM storage, plus the backend's file store, purge and erasure."""

from collections.abc import Awaitable, Callable
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Self

from storage.codec import Clock, utc_now
from storage.interfaces import FileStore
from storage.layout import DataLayout
from storage.models import DeletionReport, PurgeReport
from storage.sql.answers import SQLAnswerRepository
from storage.sql.audits import SQLAuditRepository
from storage.sql.briefs import SQLBriefRepository
from storage.sql.connection import Database
from storage.sql.customer_hashes import SQLCustomerHashRepository
from storage.sql.customer_results import SQLCustomerResultRepository
from storage.sql.uploads import SQLUploadRepository
from storage.sql.users import SQLUserRepository

if TYPE_CHECKING:
    from storage.sql.fsm import SQLFSMStorage


Purge = Callable[..., Awaitable[PurgeReport]]
"""``purge(now=..., retention_days=...)``: the backend's retention purge."""
Erase = Callable[[int], Awaitable[DeletionReport]]
"""``erase(user_id)``: the backend's deletion of everything about a user."""


class SQLStorage:
    """Repositories and FSM storage on ``db``; ``layout`` is DATA_DIR."""

    def __init__(self, db: Database, layout: DataLayout, *, clock: Clock = utc_now,
                 files: FileStore, purge: Purge, erase: Erase) -> None:
        self._database = db
        self._layout = layout
        self._clock = clock
        self._files = files
        self._purge = purge
        self._erase = erase
        self._users = SQLUserRepository(db, clock)
        self._uploads = SQLUploadRepository(db, clock)
        self._audits = SQLAuditRepository(db, clock)
        self._customer_results = SQLCustomerResultRepository(db, clock)
        self._customer_hashes = SQLCustomerHashRepository(db, clock)
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
    def files(self) -> FileStore:
        return self._files

    @property
    def audits(self) -> SQLAuditRepository:
        return self._audits

    @property
    def customer_results(self) -> SQLCustomerResultRepository:
        return self._customer_results

    @property
    def customer_hashes(self) -> SQLCustomerHashRepository:
        return self._customer_hashes

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

            self._fsm = SQLFSMStorage(self._database, clock=self._clock)
        return self._fsm

    @property
    def layout(self) -> DataLayout:
        return self._layout

    async def purge_expired(
        self, *, retention_days: int, now: datetime | None = None
    ) -> PurgeReport:
        return await self._purge(now=now or self._clock(), retention_days=retention_days)

    async def delete_user(self, user_id: int) -> DeletionReport:
        return await self._erase(user_id)

    async def close(self) -> None:
        """Close the database (idempotent)."""
        await self._database.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()
