"""Long work (audits, exports, the brief) runs as tasks outside the update's handler.

The handler returns at once, so the user's event-isolation lock is free: their /help,
/cancel and /delete are answered during an audit, and a user flooding the bot while their
job runs cannot hold the dispatcher's slots. One task per user runs, and one more may wait
behind it (a file sent while the previous one is audited is not lost); /delete cancels both
(which kills the worker process).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Literal

log = logging.getLogger(__name__)

Started = Literal["started", "queued", "refused", "duplicate"]
"""What became of new work: running, waiting behind the user's running work, refused (one
piece of work already waits), or a duplicate of the running or waiting work (a repeated
tap: nothing new is started)."""
OnError = Callable[[], Coroutine[Any, Any, Any]]
"""Tells the user that their work failed unexpectedly."""


@dataclass(frozen=True)
class _Work:
    """A piece of work not started yet: the coroutine, who to tell of a failure, its key."""

    coro: Coroutine[Any, Any, object]
    on_error: OnError
    key: str


class Background:
    """The running per-user tasks (with their keys) and the work waiting behind them."""

    def __init__(self) -> None:
        self._tasks: dict[int, tuple[asyncio.Task[None], str]] = {}
        self._waiting: dict[int, _Work] = {}

    def busy(self, user_id: int) -> bool:
        """True while the user has a task running."""
        return user_id in self._tasks

    def spawn(self, user_id: int, work: Coroutine[Any, Any, object],
              on_error: OnError, key: str = "") -> Started:
        """Start ``work`` for the user, or keep it to start when the running task ends;
        ``refused`` (and ``work`` closed) when one already waits, ``duplicate`` when work
        with the same ``key`` runs or waits.

        ``on_error`` tells the user when ``work`` fails unexpectedly (it is logged too).
        """
        running, waiting = self._tasks.get(user_id), self._waiting.get(user_id)
        if key and key in (running and running[1], waiting and waiting.key):
            work.close()
            return "duplicate"
        if running is None:
            self._run(user_id, _Work(work, on_error, key))
            return "started"
        if waiting is None:
            self._waiting[user_id] = _Work(work, on_error, key)
            return "queued"
        work.close()
        return "refused"

    def _run(self, user_id: int, work: _Work) -> None:
        task = asyncio.create_task(self._guard(work.coro, work.on_error))
        self._tasks[user_id] = (task, work.key)
        task.add_done_callback(lambda _: self._next(user_id))

    def _next(self, user_id: int) -> None:
        """The user's task ended: start the waiting one, if any."""
        self._tasks.pop(user_id, None)
        waiting = self._waiting.pop(user_id, None)
        if waiting is not None:
            self._run(user_id, waiting)

    async def cancel(self, user_id: int) -> None:
        """Drop the user's waiting work, stop the running task (if any) and wait until it
        has stopped."""
        waiting = self._waiting.pop(user_id, None)
        if waiting is not None:
            waiting.coro.close()
        running = self._tasks.get(user_id)
        if running is not None:
            running[0].cancel()
            await asyncio.gather(running[0], return_exceptions=True)

    async def close(self) -> None:
        """Cancel every task (at shutdown)."""
        for user_id in list(self._tasks):
            await self.cancel(user_id)

    @staticmethod
    async def _guard(work: Coroutine[Any, Any, object], on_error: OnError) -> None:
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
