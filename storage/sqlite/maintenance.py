"""Retention purge and deletion on request: SQL plus the matching files under DATA_DIR."""

import asyncio
from datetime import datetime, timedelta

from storage.codec import to_timestamp
from storage.layout import DataLayout
from storage.models import DeletionReport, PurgeReport
from storage.sql.erasure import count_rows, user_tables
from storage.sqlite.database import Database

TMP_MAX_AGE = timedelta(days=1)

# Every table with a user_id column; found at run time so a table added by a future migration
# is covered without anyone remembering to list it here.
_USER_TABLES = """
SELECT m.name FROM sqlite_master AS m, pragma_table_info(m.name) AS c
WHERE m.type = 'table' AND c.name = 'user_id' AND m.name != 'users'
"""
_FOREIGN_KEYS = """
SELECT m.name, f."table" FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f
WHERE m.type = 'table'
"""


async def delete_user(db: Database, layout: DataLayout, user_id: int) -> DeletionReport:
    """Delete every row and file about the user, then truncate the WAL.

    ``secure_delete`` zeroes the freed bytes in the pages; the checkpoint copies those pages
    into the database file and empties the WAL, which still held the old page images.
    """
    async with db.transaction() as tx:
        rows = 0
        for table in await user_tables(tx, _USER_TABLES, _FOREIGN_KEYS):
            rows += await tx.execute(f'DELETE FROM "{table}" WHERE user_id = ?', (user_id,))
        # A private chat's id equals the user's id; group chats have negative ids.
        rows += await tx.execute("DELETE FROM fsm_state WHERE chat_id = ?", (user_id,))
        rows += await tx.execute("DELETE FROM users WHERE user_id = ?", (user_id,))
    files = await asyncio.to_thread(layout.remove_user, user_id)
    checkpointed = await db.checkpoint()
    return DeletionReport(rows=rows, files=files, scrubbed=checkpointed)


async def purge_expired(
    db: Database, layout: DataLayout, *, now: datetime, retention_days: int
) -> PurgeReport:
    """Delete uploads, customer-level results and customer hashes created before
    ``now - retention_days``.

    Audits stay (their ``upload_id`` becomes NULL). Also removes the purged uploads' folders,
    folders left behind by an interrupted deletion, and scratch files older than a day.
    """
    if retention_days < 0:
        raise ValueError("retention_days must be >= 0")
    cutoff = now - timedelta(days=retention_days)
    # List folders before reading the database: the bot inserts a row before creating its
    # folder, so any folder listed here whose row is missing really is orphaned.
    on_disk = await asyncio.to_thread(_folders_on_disk, layout)
    async with db.transaction() as tx:
        expired = await tx.fetch_all(
            "SELECT user_id, id FROM uploads WHERE created_at < ?", (to_timestamp(cutoff),)
        )
        before = await count_rows(tx, "customer_results")
        uploads = await tx.execute(
            "DELETE FROM uploads WHERE created_at < ?", (to_timestamp(cutoff),)
        )
        await tx.execute(
            "DELETE FROM customer_results WHERE created_at < ?", (to_timestamp(cutoff),)
        )
        results = before - await count_rows(tx, "customer_results")
        hashes = await tx.execute(
            "DELETE FROM customer_hashes WHERE created_at < ?", (to_timestamp(cutoff),)
        )
        users = {int(r[0]) for r in await tx.fetch_all("SELECT user_id FROM users")}
        remaining = await tx.fetch_all("SELECT user_id, id FROM uploads")
        kept = {(int(r[0]), int(r[1])) for r in remaining}
    tmp_cutoff = max(cutoff, now - TMP_MAX_AGE).timestamp()
    files = await asyncio.to_thread(
        lambda: _remove_files(
            layout,
            expired=[(int(r[0]), int(r[1])) for r in expired],
            on_disk=on_disk,
            users=users,
            kept=kept,
            tmp_cutoff=tmp_cutoff,
        )
    )
    if uploads or results or hashes:
        await db.checkpoint()
    return PurgeReport(uploads=uploads, customer_results=results, files=files,
                       customer_hashes=hashes)


def _folders_on_disk(layout: DataLayout) -> dict[int, list[int]]:
    return {uid: layout.upload_ids_on_disk(uid) for uid in layout.user_ids_on_disk()}


def _remove_files(
    layout: DataLayout,
    *,
    expired: list[tuple[int, int]],
    on_disk: dict[int, list[int]],
    users: set[int],
    kept: set[tuple[int, int]],
    tmp_cutoff: float,
) -> int:
    removed = sum(layout.remove_upload(uid, upload_id) for uid, upload_id in expired)
    for uid, upload_ids in on_disk.items():
        if uid not in users:
            removed += layout.remove_user(uid)
            continue
        for upload_id in upload_ids:
            if (uid, upload_id) not in kept:
                removed += layout.remove_upload(uid, upload_id)
    return removed + layout.remove_stale_tmp(tmp_cutoff)
