"""Users' work on both backends: here (LocalJobs, SQLite) and through the PostgreSQL queue
(QueueJobs, a real procrastinate worker in this process). One job per user at a time, work
of several users side by side, and cancelling stops queued and running work."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from aiogram import Bot

from bot.config import Settings
from bot.services.work import Jobs, LocalJobs
from bot.worker import JobPool
from storage import Storage, open_sqlite_storage
from storage.postgres import open_postgres_storage
from tests.bot.work_for_tests import SECTION, mark
from tests.postgres import database_url, truncate_all

TOKEN = "42:TEST_token_never_used_for_a_request"


@pytest.fixture(params=["local", "queue"])
async def backend(request: pytest.FixtureRequest,
                  tmp_path: Path) -> AsyncIterator[tuple[Jobs, Storage]]:
    """The jobs and the storage the work writes to, on each backend."""
    if request.param == "local":
        storage: Storage = await open_sqlite_storage(tmp_path)
        jobs = LocalJobs()
        try:
            yield jobs, storage
        finally:
            await jobs.close()
            await storage.close()
        return
    from bot.queue.runner import Runner, opened_queue, serve_jobs
    from bot.queue.tasks import QueueJobs

    url = database_url()
    storage = await open_postgres_storage(url, tmp_path, pool_size=4)
    truncate_all(url)
    settings = Settings(bot_token=TOKEN, data_dir=tmp_path, workers=2)
    bot = Bot(TOKEN)
    async with opened_queue(url) as app:
        queue = QueueJobs(app)
        runner = await Runner.create(bot, storage, JobPool(1, 60), settings, queue)
        worker = asyncio.create_task(serve_jobs(app, runner, concurrency=2))
        try:
            yield queue, storage
        finally:
            worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await worker
            await bot.session.close()
            await storage.close()


def ctx_of(storage: Storage, user_id: int, said: list[tuple[str, dict[str, Any]]] | None = None,
           ) -> Any:
    """What starting work reads from a handler's ctx; what it says goes to ``said``."""
    async def say(key: str, **args: Any) -> None:
        if said is not None:
            said.append((key, args))

    return SimpleNamespace(user_id=user_id, chat_id=user_id, lang="en", storage=storage,
                           say=say)


async def marks(storage: Storage, user_id: int, want: set[str], timeout: float = 20) -> set[str]:
    """The user's marks once ``want`` are all there (or whatever there is at the timeout)."""
    deadline = time.monotonic() + timeout
    while True:
        found = set(await storage.answers.get_section(user_id, SECTION))
        if want <= found or time.monotonic() > deadline:
            return found
        await asyncio.sleep(0.05)


async def test_one_job_per_user_one_waiting_and_users_side_by_side(
        backend: tuple[Jobs, Storage]) -> None:
    jobs, storage = backend
    for uid in (1, 2):
        await storage.users.ensure(uid)
    assert await jobs.start(ctx_of(storage, 1), mark, {"item": "a", "seconds": 1.0}) == \
        "started"
    assert await marks(storage, 1, {"a:started"}) == {"a:started"}  # taken by a worker
    # the same work again (a double tap on an export) starts nothing
    assert await jobs.start(ctx_of(storage, 1), mark, {"item": "a", "seconds": 1.0}) == \
        "duplicate"
    # a second waits behind the running one (a file sent meanwhile is not lost) ...
    assert await jobs.start(ctx_of(storage, 1), mark, {"item": "b"}) == "queued"
    # ... a third is refused
    assert await jobs.start(ctx_of(storage, 1), mark, {"item": "x"}) == "refused"
    assert await jobs.start(ctx_of(storage, 2), mark, {"item": "c"}) == "started"
    assert await marks(storage, 2, {"c:done"}) == {"c:started", "c:done"}
    assert await marks(storage, 1, {"b:done"}) == {"a:started", "a:done", "b:started",
                                                   "b:done"}
    times = await storage.answers.get_section(1, SECTION)
    assert times["b:started"] >= times["a:done"]  # one at a time, in order
    await asyncio.sleep(0.3)
    assert await jobs.start(ctx_of(storage, 1), mark, {"item": "d"}) == "started"  # free
    assert "d:done" in await marks(storage, 1, {"d:done"})


async def test_cancel_stops_running_work(backend: tuple[Jobs, Storage]) -> None:
    jobs, storage = backend
    await storage.users.ensure(3)
    assert await jobs.start(ctx_of(storage, 3), mark, {"item": "slow", "seconds": 30}) == \
        "started"
    assert await marks(storage, 3, {"slow:started"}) == {"slow:started"}
    assert await jobs.start(ctx_of(storage, 3), mark, {"item": "after"}) == "queued"
    started = time.monotonic()
    await jobs.cancel(3)
    assert time.monotonic() - started < 10
    await asyncio.sleep(1.5)
    assert await marks(storage, 3, set()) == {"slow:started"}  # never finished, nor "after"
    assert await jobs.start(ctx_of(storage, 3), mark, {"item": "next"}) == "started"
    assert "next:done" in await marks(storage, 3, {"next:done"})


async def test_a_queued_job_tells_its_position_when_no_worker_is_free(tmp_path: Path) -> None:
    from bot.queue.runner import opened_queue
    from bot.queue.tasks import QueueJobs

    url = database_url()
    truncate_all(url)
    storage = await open_postgres_storage(url, tmp_path, pool_size=2)
    said: list[tuple[str, dict[str, Any]]] = []
    try:
        async with opened_queue(url) as app:  # and no worker at all
            jobs = QueueJobs(app)
            assert await jobs.start(ctx_of(storage, 5, said), mark, {"item": "a"}) == "started"
            assert said == []  # first in line
            # a second waits behind it even before a worker takes the first; a third cannot
            assert await jobs.start(ctx_of(storage, 5, said), mark, {"item": "a2"}) == "queued"
            assert await jobs.start(ctx_of(storage, 5, said), mark, {"item": "a3"}) == "refused"
            assert await jobs.start(ctx_of(storage, 6, said), mark, {"item": "b"})
            assert said == [("progress-queued", {"position": 3})]  # a and a2 ahead
            await jobs.cancel(5)
            await jobs.cancel(6)
    finally:
        await storage.close()


async def test_a_worker_stopping_hands_its_running_job_back(tmp_path: Path) -> None:
    from bot.queue.runner import Runner, opened_queue, serve_jobs
    from bot.queue.tasks import QueueJobs

    url = database_url()
    truncate_all(url)
    storage = await open_postgres_storage(url, tmp_path, pool_size=2)
    bot = Bot(TOKEN)
    try:
        async with opened_queue(url) as app:
            queue = QueueJobs(app)
            settings = Settings(bot_token=TOKEN, data_dir=tmp_path, workers=1)
            runner = await Runner.create(bot, storage, JobPool(1, 60), settings, queue)
            worker = asyncio.create_task(serve_jobs(app, runner, concurrency=1))
            await storage.users.ensure(7)
            assert await queue.start(ctx_of(storage, 7), mark, {"item": "long", "seconds": 60})
            assert await marks(storage, 7, {"long:started"}) == {"long:started"}
            worker.cancel()  # SIGTERM: 5 s of grace, then the job is handed back
            with contextlib.suppress(asyncio.CancelledError):
                await worker
            (job,) = await app.job_manager.list_jobs_async(lock="user:7")
            assert (job.status, job.attempts) == ("todo", 1)
            await queue.cancel(7)
    finally:
        await bot.session.close()
        await storage.close()
