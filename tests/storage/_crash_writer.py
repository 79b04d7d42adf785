"""Child process for the kill -9 test: writes audits with their customer rows until killed.

Each transaction writes one audit and ROWS customer rows (more than SQLite's page cache holds,
so uncommitted pages spill into the WAL). It prints ``open <id>`` inside the transaction and
``commit <id>`` after the commit. With ``pause`` it stops inside its fourth transaction and
waits to be killed there; with ``race`` it keeps writing, so the kill lands wherever it lands.
"""

import asyncio
import sys
from pathlib import Path

from storage import open_sqlite_storage

USER_ID = 9
ROWS = 1000
PAYLOAD = "x" * 3000
_NOW = "2026-01-01T00:00:00.000000+00:00"


async def main(data_dir: Path, mode: str) -> None:
    store = await open_sqlite_storage(data_dir)
    await store.users.ensure(USER_ID)
    written = 0
    while True:
        async with store.db.transaction() as tx:
            audit_id = await tx.insert(
                "INSERT INTO audits (user_id, report, created_at) VALUES (?, '{}', ?)",
                (USER_ID, _NOW),
            )
            await tx.execute_many(
                "INSERT INTO customer_results (audit_id, position, user_id, customer_key, data,"
                " created_at) VALUES (?, ?, ?, ?, json_object('p', ?), ?)",
                ((audit_id, i, USER_ID, f"customer-{i}", PAYLOAD, _NOW) for i in range(ROWS)),
            )
            print("open", audit_id, flush=True)
            if mode == "pause" and written == 3:
                await asyncio.sleep(3600)
        print("commit", audit_id, flush=True)
        written += 1


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), sys.argv[2]))
