"""Per-user background jobs, and what of a worker's failure reaches the logs."""

from __future__ import annotations

import asyncio

from bot.services.audit_run import code_locations
from bot.services.background import Background


async def test_one_task_per_user_cancel_and_failure_reporting() -> None:
    tasks = Background()
    told: list[str] = []
    started = asyncio.Event()

    async def tell() -> None:
        told.append("sorry")

    async def long_job() -> None:
        started.set()
        await asyncio.sleep(30)

    async def failing_job() -> None:
        raise ValueError("boom")

    assert tasks.spawn(1, long_job(), tell) == "started"
    await started.wait()
    waiting = long_job()
    assert tasks.spawn(1, waiting, tell) == "queued"  # starts when the first ends
    third = long_job()
    assert tasks.spawn(1, third, tell) == "refused" and tasks.busy(1)
    assert third.cr_frame is None  # closed, never to run
    assert tasks.spawn(2, failing_job(), tell) == "started"
    await asyncio.sleep(0.05)
    assert told == ["sorry"] and not tasks.busy(2)
    await tasks.cancel(1)  # the running task and the waiting one
    assert not tasks.busy(1) and waiting.cr_frame is None


async def test_waiting_work_starts_when_the_running_one_ends() -> None:
    tasks = Background()
    order: list[str] = []

    async def job(name: str) -> None:
        order.append(f"{name} started")
        await asyncio.sleep(0.05)
        order.append(f"{name} done")

    async def tell() -> None:
        order.append("sorry")

    assert tasks.spawn(1, job("first"), tell) == "started"
    assert tasks.spawn(1, job("second"), tell) == "queued"
    while tasks.busy(1):
        await asyncio.sleep(0.01)
    assert order == ["first started", "first done", "second started", "second done"]


def test_worker_traceback_is_reduced_to_code_locations() -> None:
    trace = (
        "Traceback (most recent call last):\n"
        '  File "/work/analytics/ingest/values.py", line 10, in parse\n'
        "    value = float(cell)\n"
        "ValueError: could not convert string to float: 'Иванов Иван, +7 999 123-45-67'\n"
    )
    reduced = code_locations(trace)
    assert "values.py" in reduced and reduced.endswith("ValueError")
    assert "Иванов" not in reduced and "999" not in reduced
