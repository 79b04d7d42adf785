"""The procrastinate app and the bot's side of the queue (`QueueJobs`).

One task, ``kratno:work``, carries the name of a work function (`bot.services.work`), the
user, the chat, the language and the work's arguments. Each job has the lock ``user:<id>``:
a user's jobs run one after another, never at the same time; one may wait behind the running
(or still queued) one, a third is refused, and the same work again is a duplicate (a repeated
tap).
A job interrupted by a worker's shutdown is retried; one left by a killed worker is found by
the stalled-job check (`bot.queue.runner`) and retried.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Any

from procrastinate import App, JobContext, PsycopgConnector
from procrastinate.exceptions import JobAborted
from procrastinate.job_context import AbortReason
from procrastinate.jobs import Job
from procrastinate.retry import BaseRetryStrategy, RetryDecision

from bot.services.background import Started
from bot.services.work import Jobs, Work, work_name

if TYPE_CHECKING:
    from bot.context import Ctx

TASK = "kratno:work"
QUEUE = "work"
CANCEL_WAIT_SECONDS = 15.0
_AHEAD = """
SELECT COUNT(*) AS jobs FROM procrastinate_jobs
WHERE queue_name = %(queue)s AND status = 'todo' AND id < %(id)s
"""
INTERRUPTED_ATTEMPTS = 3

class RetryInterrupted(BaseRetryStrategy):
    """Retry a job only when it was interrupted (a worker shutting down), never when it
    failed on its own: the work has told the user about its failure already."""

    def get_retry_decision(self, *, exception: BaseException, job: Job) -> RetryDecision | None:
        """Again in a second, at most `INTERRUPTED_ATTEMPTS` times."""
        interrupted = isinstance(exception, asyncio.CancelledError | JobAborted)
        if interrupted and job.attempts < INTERRUPTED_ATTEMPTS:
            return RetryDecision(retry_in={"seconds": 1})
        return None


async def work(context: JobContext, *, name: str, user_id: int, chat_id: int, lang: str,
               args: dict[str, Any]) -> None:
    """Run the named work for the user on this worker (see `bot.queue.runner.Runner`)."""
    from bot.queue.runner import Runner

    runner: Runner = context.additional_context["runner"]
    try:
        await runner.run(name, user_id=user_id, chat_id=chat_id, lang=lang, args=args)
    except asyncio.CancelledError:
        if context.abort_reason() == AbortReason.USER_REQUEST:  # /delete: not to be retried
            raise JobAborted from None
        raise


def queue_app(url: str) -> App:
    """A procrastinate app on DATABASE_URL with the bot's task (open it before use)."""
    app = App(connector=PsycopgConnector(conninfo=url, min_size=1, max_size=10))
    app.task(name=TASK, queue=QUEUE, pass_context=True, retry=RetryInterrupted())(work)
    return app


def user_lock(user_id: int) -> str:
    """The lock of a user's jobs."""
    return f"user:{user_id}"


class QueueJobs(Jobs):
    """`Jobs` through the queue: the work runs on whichever worker takes it."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def start(self, ctx: Ctx, work: Work, args: dict[str, Any]) -> Started:
        lock = user_lock(ctx.user_id)
        unfinished = await self._unfinished(lock)
        if any(job.task_kwargs.get("name") == work_name(work)
               and job.task_kwargs.get("args") == args for job in unfinished):
            return "duplicate"  # a repeated tap
        if len(unfinished) > 1:
            return "refused"  # one runs (or waits for a worker) and one waits already
        # the user's updates are handled one at a time (the per-user advisory lock), so the
        # count above cannot change before this job is queued; the procrastinate lock runs
        # the user's jobs one after another
        job_id = await self.app.configure_task(TASK, lock=lock).defer_async(
            name=work_name(work), user_id=ctx.user_id, chat_id=ctx.chat_id, lang=ctx.lang,
            args=args)
        if unfinished:
            return "queued"
        ahead = await self.app.connector.execute_query_one_async(_AHEAD, queue=QUEUE, id=job_id)
        if ahead["jobs"]:  # every worker is busy: say where the user stands
            await ctx.say("progress-queued", position=ahead["jobs"] + 1)
        return "started"

    async def cancel(self, user_id: int) -> None:
        """Cancel queued jobs, ask workers to abort running ones and wait (a while) until
        they have stopped, so nothing is written back after a deletion."""
        lock = user_lock(user_id)
        manager = self.app.job_manager
        deadline = time.monotonic() + CANCEL_WAIT_SECONDS
        while time.monotonic() < deadline:
            jobs = await self._unfinished(lock)
            if not jobs:
                return
            for job in jobs:
                assert job.id is not None
                await manager.cancel_job_by_id_async(job.id, abort=True)
            await asyncio.sleep(0.2)

    async def close(self) -> None:
        """Nothing to stop here: queued jobs stay for the workers."""

    async def _unfinished(self, lock: str) -> list[Job]:
        """The lock's jobs running or waiting, running first."""
        manager = self.app.job_manager
        return [job for status in ("doing", "todo")
                for job in await manager.list_jobs_async(lock=lock, status=status)]
