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

    assert tasks.spawn(1, long_job(), tell)
    await started.wait()
    second = long_job()
    assert not tasks.spawn(1, second, tell) and tasks.busy(1)  # refused (and closed)
    assert tasks.spawn(2, failing_job(), tell)
    await asyncio.sleep(0.05)
    assert told == ["sorry"] and not tasks.busy(2)
    await tasks.cancel(1)
    assert not tasks.busy(1)


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
