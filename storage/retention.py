"""The retention job: purge at start-up, then once a day, for as long as the bot runs."""

import asyncio
import logging
from datetime import timedelta

from storage.interfaces import Storage

log = logging.getLogger(__name__)


async def run_retention(
    storage: Storage, *, retention_days: int, interval: timedelta = timedelta(days=1)
) -> None:
    """Run `Storage.purge_expired` now and then every ``interval`` until cancelled.

    Start it as a task at bot start-up and cancel it at shutdown. A failed run is logged and
    retried at the next interval; it never stops the loop.
    """
    while True:
        try:
            report = await storage.purge_expired(retention_days=retention_days)
            log.info(
                "retention purge: %d uploads, %d customer results, %d customer hash sets,"
                " %d files",
                report.uploads,
                report.customer_results,
                report.customer_hashes,
                report.files,
            )
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("retention purge failed; will retry")
        await asyncio.sleep(interval.total_seconds())
