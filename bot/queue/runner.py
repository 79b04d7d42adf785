"""The worker's side of the queue: run a user's work with a ``ctx`` rebuilt from the job.

A worker holds what a handler's ``ctx`` needs (a Bot, the storage, its own preloaded
process pool, the texts) and builds the user's ``ctx`` per job, so the work functions are
the ones the bot runs locally with SQLite. `serve_jobs` runs the procrastinate worker plus
the stalled-job check: a job whose worker stopped sending heartbeats (killed with -9, the
machine gone) goes back to the queue and another worker takes it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator
from dataclasses import dataclass

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.base import StorageKey
from aiogram_i18n import I18nContext
from procrastinate import App

from bot.config import Settings
from bot.context import Ctx
from bot.i18n import FluentCore, UserLanguageManager
from bot.queue.schema import install_queue_schema
from bot.queue.tasks import QueueJobs, queue_app
from bot.services.work import Jobs, resolve_work
from bot.worker import JobPool
from storage import Storage, open_storage

log = logging.getLogger(__name__)

WORK_STARTED = "work started:"
HEARTBEAT_SECONDS = 1.0
POLL_SECONDS = 1.0
STALLED_AFTER_SECONDS = 6.0
STALLED_CHECK_SECONDS = 2.0


@dataclass
class Runner:
    """What a worker needs to run users' work."""

    bot: Bot
    storage: Storage
    pool: JobPool
    settings: Settings
    jobs: Jobs
    core: FluentCore

    @classmethod
    async def create(cls, bot: Bot, storage: Storage, pool: JobPool, settings: Settings,
                     jobs: Jobs) -> Runner:
        """A runner with its texts loaded."""
        core = FluentCore(settings.default_language or "ru")
        await core.startup()
        return cls(bot, storage, pool, settings, jobs, core)

    async def run(self, name: str, *, user_id: int, chat_id: int, lang: str,
                  args: dict[str, object]) -> None:
        """Run ``name(ctx, **args)`` for the user; a failure is logged and told to the user,
        as for work run locally. Work of a user deleted meanwhile is dropped."""
        account = await self.storage.users.get(user_id)
        if account is None:
            log.info("dropping %s: the user is gone", name)
            return
        manager = UserLanguageManager(self.storage, self.settings.default_language)
        ctx = Ctx(
            bot=self.bot, chat_id=chat_id, user_id=user_id, account=account,
            i18n=I18nContext(locale=lang, core=self.core, manager=manager, data={}),
            state=FSMContext(self.storage.fsm, StorageKey(self.bot.id, chat_id, user_id)),
            storage=self.storage, pool=self.pool, settings=self.settings, jobs=self.jobs,
        )
        log.info("%s %s", WORK_STARTED, name)
        try:
            await resolve_work(name)(ctx, **args)
        except Exception as exc:
            log.error("queued work %s failed: %s", name, type(exc).__name__, exc_info=exc)
            with contextlib.suppress(Exception):
                await ctx.say("error-generic")


async def retry_stalled_jobs(app: App, *, every: float = STALLED_CHECK_SECONDS) -> None:
    """Forever: put jobs of workers silent for `STALLED_AFTER_SECONDS` back in the queue."""
    manager = app.job_manager
    while True:
        try:
            for job in await manager.get_stalled_jobs(
                    seconds_since_heartbeat=STALLED_AFTER_SECONDS):
                log.warning("job %s was left by a stopped worker: retrying it", job.id)
                with contextlib.suppress(Exception):  # another worker may retry it first
                    await manager.retry_job(job)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("stalled-job check failed; will try again")
        await asyncio.sleep(every)


async def serve_jobs(app: App, runner: Runner, concurrency: int) -> None:
    """Work jobs until cancelled (then finish or hand back the running ones).

    procrastinate's own INFO lines carry the jobs' arguments (file names, a user's name):
    they are kept out of the logs, which say which work started instead."""
    logging.getLogger("procrastinate").setLevel(logging.WARNING)
    stalled = asyncio.create_task(retry_stalled_jobs(app))
    try:
        await app.run_worker_async(
            concurrency=concurrency, wait=True, install_signal_handlers=False,
            additional_context={"runner": runner},
            update_heartbeat_interval=HEARTBEAT_SECONDS,
            stalled_worker_timeout=STALLED_AFTER_SECONDS,
            abort_job_polling_interval=POLL_SECONDS,
            fetch_job_polling_interval=POLL_SECONDS,  # a retried job is not notified
            shutdown_graceful_timeout=5.0,
            delete_jobs="successful",
        )
    finally:
        stalled.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await stalled


@contextlib.asynccontextmanager
async def opened_queue(url: str) -> AsyncIterator[App]:
    """The queue's app on DATABASE_URL (schema installed), open for the block."""
    await install_queue_schema(url)
    app = queue_app(url)
    await app.open_async()
    try:
        yield app
    finally:
        await app.close_async()


async def run_worker(settings: Settings) -> None:
    """``python -m bot worker``: work jobs with ``WORKERS`` processes until SIGINT/SIGTERM."""
    from bot.app import build_bot

    assert settings.database is not None
    main = asyncio.current_task()
    assert main is not None
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, main.cancel)
    storage = await open_storage(settings.data_dir, settings.database)
    pool = JobPool(settings.workers, settings.job_timeout_seconds)
    bot = build_bot(settings)
    try:
        async with opened_queue(settings.database) as app:
            runner = await Runner.create(bot, storage, pool, settings, QueueJobs(app))
            await pool.warm_up()
            log.info("worker ready: %d processes", settings.workers)
            with contextlib.suppress(asyncio.CancelledError):
                await serve_jobs(app, runner, settings.workers)
    finally:
        await bot.session.close()
        await storage.close()
