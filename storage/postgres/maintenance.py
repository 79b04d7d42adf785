"""Retention purge and deletion on request in PostgreSQL, leaving no bytes in the tables' files.

A deleted row's bytes stay in its heap or TOAST page until the space is reused: a plain
VACUUM marks the space free without overwriting it (measured: 285 of 300 deleted rows still
readable in the table's file after VACUUM and CHECKPOINT). ``VACUUM FULL`` writes the live
rows into new files and removes the old ones, so after a deletion the tables that held the
user's rows are rewritten. It locks each table for the rewrite (a fraction of a second at
the sizes retention keeps); deletions are rare, the daily purge runs once a day. WAL segments
keep the rows until they are recycled after later checkpoints (docs/storage.md).
"""

import asyncio
import logging
from datetime import datetime, timedelta

from psycopg import Error as PgError

from storage.codec import to_timestamp
from storage.layout import DataLayout
from storage.models import DeletionReport, PurgeReport
from storage.postgres.database import PgDatabase
from storage.sql.erasure import count_rows, user_tables

log = logging.getLogger(__name__)

TMP_MAX_AGE = timedelta(days=1)
UPDATES_KEPT = timedelta(days=1)  # handled update ids (Telegram keeps an update a day)
SCRUB_LOCK_TIMEOUT = "30s"

_USER_TABLES = """
SELECT table_name FROM information_schema.columns
WHERE table_schema = current_schema() AND column_name = 'user_id' AND table_name <> 'users'
"""
_FOREIGN_KEYS = """
SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint
WHERE contype = 'f' AND connamespace = current_schema()::regnamespace
"""
_RETAINED = ("uploads", "upload_files", "customer_results", "customer_hashes")


async def delete_user(db: PgDatabase, layout: DataLayout, user_id: int) -> DeletionReport:
    """Delete every row about the user in one transaction (files included), remove their
    scratch files, then rewrite the tables that held their rows."""
    touched: list[str] = []
    rows = 0
    async with db.transaction() as tx:
        # A private chat's id equals the user's id; group chats have negative ids.
        targets = [(t, "user_id") for t in await user_tables(tx, _USER_TABLES, _FOREIGN_KEYS)]
        for table, column in [*targets, ("fsm_state", "chat_id"), ("users", "user_id")]:
            deleted = await tx.execute(f'DELETE FROM "{table}" WHERE {column} = ?', (user_id,))
            if deleted:
                touched.append(table)
            rows += deleted
    files = await asyncio.to_thread(layout.remove_user, user_id)
    return DeletionReport(rows=rows, files=files, scrubbed=await scrub(db, touched))


async def purge_expired(
    db: PgDatabase, layout: DataLayout, *, now: datetime, retention_days: int
) -> PurgeReport:
    """Delete uploads (with their files), customer-level results and customer hashes created
    before ``now - retention_days``; audits stay with ``upload_id`` NULL. Also removes scratch
    files and handled update ids older than a day."""
    if retention_days < 0:
        raise ValueError("retention_days must be >= 0")
    cutoff = to_timestamp(now - timedelta(days=retention_days))
    cutoff_updates = to_timestamp(now - UPDATES_KEPT)
    async with db.transaction() as tx:
        before = [await count_rows(tx, table) for table in ("customer_results", "upload_files")]
        uploads = await tx.execute("DELETE FROM uploads WHERE created_at < ?", (cutoff,))
        await tx.execute("DELETE FROM customer_results WHERE created_at < ?", (cutoff,))
        results = before[0] - await count_rows(tx, "customer_results")
        stored = before[1] - await count_rows(tx, "upload_files")
        hashes = await tx.execute("DELETE FROM customer_hashes WHERE created_at < ?", (cutoff,))
        await tx.execute("DELETE FROM handled_updates WHERE handled_at < ?", (cutoff_updates,))
    tmp_cutoff = max(now - timedelta(days=retention_days), now - TMP_MAX_AGE).timestamp()
    files = await asyncio.to_thread(layout.remove_stale_tmp, tmp_cutoff)
    if uploads or results or hashes:
        await scrub(db, list(_RETAINED))
    return PurgeReport(uploads=uploads, customer_results=results, files=stored + files,
                       customer_hashes=hashes)


async def scrub(db: PgDatabase, tables: list[str]) -> bool:
    """Rewrite ``tables`` (``VACUUM FULL``) so deleted rows leave their files; False when a
    table stayed locked by others past the timeout (the next purge rewrites it again)."""
    done = True
    async with db.connection() as conn:
        await conn.execute(f"SET lock_timeout = '{SCRUB_LOCK_TIMEOUT}'")
        for table in dict.fromkeys(tables):
            try:
                await conn.execute(f'VACUUM FULL "{table}"')
            except PgError as error:
                log.warning("could not rewrite %s after a deletion: %s", table, error)
                done = False
        await conn.execute("RESET lock_timeout")
    return done
