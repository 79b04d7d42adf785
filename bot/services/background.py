"""Long work (audits, exports, the brief) runs as tasks outside the update's handler.

The handler returns at once, so the user's event-isolation lock is free: their /help,
/cancel and /delete are answered during an audit, and a user flooding the bot while their
job runs cannot hold the dispatcher's slots. One task per user; /delete cancels it (which
kills its worker process).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)


class Background:
    """The running per-user tasks."""

    def __init__(self) -> None:
        self._tasks: dict[int, asyncio.Task[None]] = {}

    def busy(self, user_id: int) -> bool:
        """True while the user has a task running."""
        return user_id in self._tasks

    def spawn(self, user_id: int, work: Coroutine[Any, Any, object],
              on_error: Callable[[], Coroutine[Any, Any, Any]]) -> bool:
        """Start ``work`` for the user; False (and ``work`` closed) when one is running.

        ``on_error`` tells the user when ``work`` fails unexpectedly (it is logged too).
        """
        if user_id in self._tasks:
            work.close()
            return False
        task = asyncio.create_task(self._guard(work, on_error))
        self._tasks[user_id] = task
        task.add_done_callback(lambda _: self._tasks.pop(user_id, None))
        return True

    async def cancel(self, user_id: int) -> None:
        """Stop the user's task (if any) and wait until it has stopped."""
        task = self._tasks.get(user_id)
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def close(self) -> None:
        """Cancel every task (at shutdown)."""
        for user_id in list(self._tasks):
            await self.cancel(user_id)

    @staticmethod
    async def _guard(work: Coroutine[Any, Any, object],
                     on_error: Callable[[], Coroutine[Any, Any, Any]]) -> None:
        try:
            await work
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.error("background job failed: %s", type(exc).__name__, exc_info=exc)
            try:
                await on_error()
            except Exception:
                log.warning("could not tell the user about the failure")
