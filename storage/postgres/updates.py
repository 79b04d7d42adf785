"""Which Telegram updates were handled already, across bot instances (``handled_updates``)."""

from storage.postgres.database import PgDatabase


class UpdateLog:
    """Check before handling an update, record after: a retried delivery is then skipped,
    while an update whose handling failed (nothing recorded) is handled again. The daily
    purge forgets ids older than a day (Telegram keeps an update for 24 hours)."""

    def __init__(self, db: PgDatabase) -> None:
        self._db = db

    async def seen(self, bot_id: int, update_id: int) -> bool:
        """True when some instance has handled this update."""
        row = await self._db.fetch_one(
            "SELECT 1 FROM handled_updates WHERE bot_id = ? AND update_id = ?",
            (bot_id, update_id),
        )
        return row is not None

    async def record(self, bot_id: int, update_id: int) -> None:
        """Mark the update handled."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO handled_updates (bot_id, update_id) VALUES (?, ?)"
                " ON CONFLICT DO NOTHING",
                (bot_id, update_id),
            )
