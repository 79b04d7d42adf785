"""Heavy work off the event loop: a bounded pool of worker processes with a queue.

Each job runs in its own process forked from a *forkserver* that has already imported
the analytics stack, so a job starts in milliseconds, can be killed on timeout without
disturbing other jobs, and a crash (or a hostile file) only takes that process down.
At most ``workers`` jobs run at once; the rest wait in FIFO order and are told their
position whenever it changes. One user has at most one job at a time.

A job is named ``"module:function"`` and called as ``function(progress, *args)`` in the
worker; ``progress(stage)`` sends a stage code to the bot, which edits the user's status
message. Naming jobs by string keeps the analytics stack (pandas, scikit-learn,
matplotlib: seconds to import) out of the bot's own process.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import multiprocessing
import threading
import traceback
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

Notify = Callable[[str, int], Awaitable[None]]
"""Progress callback: ``("queued", position)`` or ``(stage, 0)``."""

log = logging.getLogger(__name__)

PRELOAD = ["bot.jobs"]


class JobError(Exception):
    """A job could not finish: ``code`` is ``busy``, ``timeout``, ``crashed`` or ``failed``."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


class JobFailed(Exception):
    """Raised inside a job to end it with an expected, user-facing error code."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class JobUserError(JobError):
    """An expected failure of the job's input (``code`` and ``params`` for the message)."""

    def __init__(self, code: str, params: dict[str, Any]) -> None:
        super().__init__("failed", code)
        self.error_code = code
        self.params = params


def resolve(job: str) -> Callable[..., Any]:
    """The function named ``"module:function"``."""
    module, _, name = job.partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function


def _entry(conn: Connection, job: str, args: tuple[Any, ...]) -> None:
    def progress(stage: str) -> None:
        conn.send(("stage", stage))

    try:
        conn.send(("ok", resolve(job)(progress, *args)))
    except JobFailed as exc:
        conn.send(("user-error", (exc.code, exc.params)))
    except BaseException:  # report, never raise across the process boundary
        conn.send(("crash", traceback.format_exc(limit=8)))
    finally:
        conn.close()


@dataclass
class _Waiter:
    ready: asyncio.Future[None]
    notify: Notify | None


@dataclass
class JobPool:
    """Runs jobs in worker processes; ``workers`` at a time, ``timeout`` seconds each."""

    workers: int
    timeout: float
    _free: int = field(init=False)
    _waiting: deque[_Waiter] = field(init=False, default_factory=deque)
    _users: set[int] = field(init=False, default_factory=set)
    _context: Any = field(init=False)

    def __post_init__(self) -> None:
        self._free = self.workers
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(PRELOAD)

    @property
    def queued(self) -> int:
        """Jobs waiting for a free worker."""
        return len(self._waiting)

    def busy(self, user_id: int) -> bool:
        """True while the user has a job queued or running."""
        return user_id in self._users

    async def warm_up(self) -> None:
        """Start the forkserver (imports the analytics stack once) before the first user."""
        await self.run(None, "bot.worker:noop")

    async def run(
        self, user_id: int | None, job: str, *args: Any, notify: Notify | None = None
    ) -> Any:
        """Run the job named ``"module:function"`` in a worker process; its result.

        Raises :class:`JobError` (``busy`` when the user already has a job, ``timeout``,
        ``crashed``) or :class:`JobUserError` for an expected input problem.
        """
        if user_id is not None:
            if user_id in self._users:
                raise JobError("busy")
            self._users.add(user_id)
        try:
            await self._acquire(notify)
            try:
                return await self._execute(job, args, notify)
            finally:
                self._release()
        finally:
            if user_id is not None:
                self._users.discard(user_id)

    async def _acquire(self, notify: Notify | None) -> None:
        if self._free > 0 and not self._waiting:
            self._free -= 1
            return
        waiter = _Waiter(asyncio.get_running_loop().create_future(), notify)
        self._waiting.append(waiter)
        if notify is not None:
            await notify("queued", len(self._waiting))
        try:
            await waiter.ready
        except asyncio.CancelledError:
            if waiter in self._waiting:
                self._waiting.remove(waiter)
            elif waiter.ready.done() and not waiter.ready.cancelled():
                self._release()  # the slot was handed over just before the cancel
            raise

    def _release(self) -> None:
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.ready.done():
                waiter.ready.set_result(None)
                self._tell_positions()
                return
        self._free += 1

    def _tell_positions(self) -> None:
        for position, waiter in enumerate(self._waiting, start=1):
            if waiter.notify is not None:
                task = asyncio.ensure_future(waiter.notify("queued", position))
                task.add_done_callback(_log_failure)

    async def _execute(self, job: str, args: tuple[Any, ...], notify: Notify | None) -> Any:
        loop = asyncio.get_running_loop()
        parent, child = self._context.Pipe(duplex=False)
        process = self._context.Process(target=_entry, args=(child, job, args))
        await loop.run_in_executor(None, process.start)
        child.close()
        result: asyncio.Future[tuple[str, Any]] = loop.create_future()

        def stage(name: str) -> None:
            if notify is not None:
                asyncio.ensure_future(notify(name, 0)).add_done_callback(_log_failure)

        def settle(outcome: tuple[str, Any]) -> None:
            if not result.done():
                result.set_result(outcome)

        def read() -> None:
            outcome: tuple[str, Any] = ("crash", "the worker exited without an answer")
            try:
                while True:
                    kind, payload = parent.recv()
                    if kind != "stage":
                        outcome = (kind, payload)
                        break
                    loop.call_soon_threadsafe(stage, payload)
            except (EOFError, OSError):
                pass
            loop.call_soon_threadsafe(settle, outcome)

        reader = threading.Thread(target=read, name="job-reader", daemon=True)
        reader.start()
        try:
            kind, payload = await asyncio.wait_for(asyncio.shield(result), self.timeout)
        except TimeoutError:
            raise JobError("timeout", f"{self.timeout:.0f} s") from None
        finally:
            if process.is_alive():
                process.kill()
            await loop.run_in_executor(None, _reap, process, parent, reader)
        if kind == "ok":
            return payload
        if kind == "user-error":
            code, params = payload
            raise JobUserError(code, params)
        raise JobError("crashed", str(payload)[-2000:])


def _reap(process: Any, parent: Connection, reader: threading.Thread) -> None:
    process.join(10)
    reader.join(10)
    parent.close()


def _log_failure(task: asyncio.Future[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("progress notification failed: %r", task.exception())


def noop(progress: Callable[[str], None]) -> None:
    """A job that does nothing (warms the forkserver up)."""
