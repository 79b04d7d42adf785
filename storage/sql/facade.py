"""`SQLStorage`: the repositories and the FSM storage over one backend's database, the part of
the `storage.Storage` contract both backends share (each adds its files, purge and erasure)."""

from types import TracebackType
from typing import TYPE_CHECKING, Self

from storage.codec import Clock, utc_now
from storage.layout import DataLayout
from storage.sql.answers import SQLAnswerRepository
from storage.sql.audits import SQLAuditRepository
from storage.sql.briefs import SQLBriefRepository
from storage.sql.connection import Database
from storage.sql.customer_results import SQLCustomerResultRepository
from storage.sql.uploads import SQLUploadRepository
from storage.sql.users import SQLUserRepository

if TYPE_CHECKING:
    from storage.sql.fsm import SQLFSMStorage


class SQLStorage:
    """Repositories and FSM storage on ``db``; ``layout`` is DATA_DIR (scratch files)."""

    def __init__(self, db: Database, layout: DataLayout, *, clock: Clock = utc_now) -> None:
        self._database = db
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

            self._fsm = SQLFSMStorage(self._database, clock=self._clock)
        return self._fsm

    @property
    def layout(self) -> DataLayout:
        return self._layout

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
