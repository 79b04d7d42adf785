"""What every SQL repository shares: the database and the clock."""

from storage.codec import Clock, to_timestamp, utc_now
from storage.errors import NotFoundError
from storage.sql.connection import Database, Params


class Repository:
    """Base of the SQL repositories (SQLite and PostgreSQL run the same statements)."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self._db = db
        self._clock = clock

    def _now(self) -> str:
        return to_timestamp(self._clock())


def check_limit(limit: int) -> int:
    """Reject a non-positive page size early (SQLite reads LIMIT -1 as "no limit")."""
    if limit <= 0:
        raise ValueError(f"limit must be positive, got {limit}")
    return limit


async def write_under_owner(db: Database, statement: str, params: Params, missing: str) -> None:
    """Run an ``INSERT ... SELECT ... FROM <parent> WHERE user_id = ? AND id = ?`` that writes
    only under the user's own parent row; `NotFoundError` (``missing``) when it wrote nothing."""
    async with db.transaction() as tx:
        if not await tx.execute(statement, params):
            raise NotFoundError(missing)
