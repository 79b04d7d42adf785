"""Assembling and running the bot: polling by default, webhook when configured."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import sys
from collections.abc import Coroutine
from typing import Any

from aiogram import Bot, Dispatcher, F
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ChatType, ParseMode
from aiogram.fsm.storage.base import BaseEventIsolation
from aiogram.fsm.storage.memory import SimpleEventIsolation
from aiogram.types import BotCommand
from aiogram.utils.callback_answer import CallbackAnswerMiddleware
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiogram_i18n import I18nMiddleware
from aiohttp import web

from bot.config import Settings
from bot.context import CtxMiddleware
from bot.handlers import get_routers
from bot.i18n import FluentCore, UserLanguageManager, text
from bot.middlewares import (
    AccountMiddleware,
    LogContextMiddleware,
    OnceMiddleware,
    RetryMiddleware,
    ThrottlingMiddleware,
)
from bot.services.work import Jobs, LocalJobs
from bot.worker import JobPool
from storage import Storage, open_storage, run_retention
from storage.postgres import PostgresStorage
from storage.postgres.isolation import PgEventIsolation

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhook"
SWITCH_INTERVAL = 0.0005
COMMANDS = ("start", "help", "language", "history", "brief", "privacy", "delete", "cancel")


def build_bot(settings: Settings) -> Bot:
    """A Bot on the configured API server, HTML parse mode, polite retries."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    session.middleware(RetryMiddleware())
    return Bot(settings.bot_token.get_secret_value(), session=session,
               default=DefaultBotProperties(parse_mode=ParseMode.HTML))


def build_dispatcher(settings: Settings, storage: Storage, pool: JobPool, jobs: Jobs,
                     isolation: BaseEventIsolation | None = None) -> Dispatcher:
    """The dispatcher with FSM in the storage, middlewares, i18n and every router.

    ``isolation`` orders a user's updates (default: within this process); with PostgreSQL,
    across instances, and each update is handled once (`OnceMiddleware`)."""
    dp = Dispatcher(storage=storage.fsm, events_isolation=isolation or SimpleEventIsolation())
    dp["storage"] = storage
    dp["pool"] = pool
    dp["settings"] = settings
    dp["jobs"] = jobs
    dp.update.outer_middleware(LogContextMiddleware())
    if isinstance(storage, PostgresStorage):
        dp.update.outer_middleware(OnceMiddleware(storage.updates))
    dp.update.outer_middleware(AccountMiddleware(storage))
    I18nMiddleware(
        core=FluentCore(settings.default_language or "ru"),
        manager=UserLanguageManager(storage, settings.default_language),
        default_locale=settings.default_language or "ru",
    ).setup(dp)
    throttle = ThrottlingMiddleware(settings.throttle_seconds)
    dp.message.outer_middleware(throttle)
    dp.callback_query.outer_middleware(throttle)
    dp.message.middleware(CtxMiddleware())
    # answered after the handler (which only starts long work), so it can say a toast
    dp.callback_query.middleware(CallbackAnswerMiddleware(pre=False))
    dp.callback_query.middleware(CtxMiddleware())
    # Private chats only: audits and briefs are personal, never shown to a group.
    dp.message.filter(F.chat.type == ChatType.PRIVATE)
    dp.callback_query.filter(F.message.chat.type == ChatType.PRIVATE)
    dp.include_routers(*get_routers())
    return dp


async def set_commands(bot: Bot) -> None:
    """The command menu in both languages."""
    for lang in ("ru", "en"):
        await bot.set_my_commands(
            [BotCommand(command=c, description=text(lang, f"cmd-{c}")) for c in COMMANDS],
            language_code=lang,
        )


async def run(settings: Settings) -> None:
    """Run until stopped: open storage, warm the workers, poll or serve the webhook."""
    # Threads of this process (storage encoding 100,000 customers, job readers) hand the
    # GIL back to the event loop every 0.5 ms instead of 5 ms: other users' replies
    # do not queue behind a bulk write.
    sys.setswitchinterval(SWITCH_INTERVAL)
    storage = await open_storage(settings.data_dir, settings.database)
    pool = JobPool(settings.workers, settings.job_timeout_seconds)
    bot = build_bot(settings)
    async with contextlib.AsyncExitStack() as stack:
        jobs: Jobs = LocalJobs()
        isolation: BaseEventIsolation | None = None
        serving: list[Coroutine[Any, Any, None]] = []
        if settings.database is not None:  # the queue in PostgreSQL; work it here too?
            from bot.queue.runner import Runner, opened_queue, serve_jobs
            from bot.queue.tasks import QueueJobs

            queue = await stack.enter_async_context(opened_queue(settings.database))
            jobs = QueueJobs(queue)
            isolation = PgEventIsolation(settings.database)
            await isolation.open()
            stack.push_async_callback(isolation.close)
            if settings.workers > 0:
                runner = await Runner.create(bot, storage, pool, settings, jobs)
                serving.append(serve_jobs(queue, runner, settings.workers))
        await _run_bot(settings, storage, pool, bot, jobs=jobs, serving=serving,
                       isolation=isolation)


async def _run_bot(settings: Settings, storage: Storage, pool: JobPool, bot: Bot, *,
                   jobs: Jobs, serving: list[Coroutine[Any, Any, None]],
                   isolation: BaseEventIsolation | None) -> None:
    dp = build_dispatcher(settings, storage, pool, jobs, isolation)
    # The ~300,000 objects of the libraries and the set-up live as long as the process:
    # kept out of the garbage collector's full passes, which otherwise stop the event loop
    # for 0.25-0.35 s each (measured while four audits' results were being stored).
    gc.freeze()
    background = [
        asyncio.create_task(run_retention(storage, retention_days=settings.retention_days)),
        *(asyncio.create_task(work) for work in serving),
    ]
    if settings.workers > 0:
        background.append(asyncio.create_task(pool.warm_up()))
    try:
        await set_commands(bot)
        if settings.mode == "webhook":
            await _serve_webhook(bot, dp, settings)
        else:
            await bot.delete_webhook(drop_pending_updates=False)
            await dp.start_polling(bot, handle_signals=True,
                                   tasks_concurrency_limit=200)
    finally:
        for task in background:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await jobs.close()
        await bot.session.close()
        await storage.close()


async def _serve_webhook(bot: Bot, dp: Dispatcher, settings: Settings) -> None:
    """aiohttp webhook server; requests without the secret token get 401. Telegram gets
    its answer after the update is handled (aiogram's default answers first and handles in
    the background: an instance stopping then loses updates Telegram thinks delivered)."""
    assert settings.webhook_secret is not None and settings.webhook_url is not None
    secret = settings.webhook_secret.get_secret_value()
    app = web.Application()
    SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=secret,
                         handle_in_background=False).register(app, path=WEBHOOK_PATH)
    setup_application(app, dp, bot=bot)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, settings.webhook_host, settings.webhook_port).start()
    # listening first: Telegram may post the first update as soon as the webhook is set
    await bot.set_webhook(settings.webhook_url.rstrip("/") + WEBHOOK_PATH, secret_token=secret)
    log.info("webhook listening on %s:%s", settings.webhook_host, settings.webhook_port)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
