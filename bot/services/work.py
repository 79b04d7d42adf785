"""Where a user's long work (an audit, an export, the brief) runs.

Work is a module-level coroutine function ``async def work(ctx, **args) -> None`` with
JSON-serialisable ``args``. Handlers start it with ``ctx.spawn(work, **args)`` and return at
once. `LocalJobs` runs it as a task of this process (SQLite, one machine); the queue
(`bot.queue`, with DATABASE_URL) stores it in PostgreSQL for any worker, which rebuilds the
user's ``ctx`` and runs the same function. One piece of work per user at a time either way,
and one more waiting behind it.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Protocol

from bot.services.background import Background, Started

if TYPE_CHECKING:
    from bot.context import Ctx

Work = Callable[..., Coroutine[Any, Any, None]]


def work_name(work: Work) -> str:
    """``"module:function"``, the name a queued job carries."""
    return f"{work.__module__}:{work.__qualname__}"


def work_key(work: Work, args: dict[str, Any]) -> str:
    """What makes two pieces of work the same (a repeated tap): the function and args."""
    return json.dumps([work_name(work), args], sort_keys=True, default=str)


def resolve_work(name: str) -> Work:
    """The function named by `work_name`."""
    module, _, attribute = name.partition(":")
    work: Work = getattr(importlib.import_module(module), attribute)
    return work


class Jobs(Protocol):
    """Starts, tracks and cancels users' work."""

    async def start(self, ctx: Ctx, work: Work, args: dict[str, Any]) -> Started:
        """Start ``work(ctx, **args)``, or queue it behind the user's unfinished work;
        ``refused`` when one piece of work already waits there, ``duplicate`` when the same
        work (function and args) is already running or waiting."""
        ...

    async def cancel(self, user_id: int) -> None:
        """Stop the user's queued and running work; returns once it has stopped."""
        ...

    async def close(self) -> None:
        """At shutdown."""
        ...


class LocalJobs(Jobs):
    """Work as tasks of this process (see `Background`)."""

    def __init__(self) -> None:
        self.tasks = Background()

    async def start(self, ctx: Ctx, work: Work, args: dict[str, Any]) -> Started:
        return self.tasks.spawn(ctx.user_id, work(ctx, **args), lambda: ctx.say("error-generic"),
                                work_key(work, args))

    async def cancel(self, user_id: int) -> None:
        await self.tasks.cancel(user_id)

    async def close(self) -> None:
        await self.tasks.close()
