"""What every SQL repository shares: the database and the clock."""

from storage.codec import Clock, to_timestamp, utc_now
from storage.sql.connection import Database


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
