"""The job pool: results, stages, queue positions, one job per user, timeouts, crashes."""

from __future__ import annotations

import asyncio

import pytest

from bot.worker import JobError, JobPool, JobUserError

JOBS = "tests.bot.jobs_for_tests"


async def test_result_and_stages_cross_the_process_boundary() -> None:
    pool = JobPool(workers=1, timeout=30)
    seen: list[tuple[str, int]] = []

    async def notify(stage: str, position: int) -> None:
        seen.append((stage, position))

    assert await pool.run(1, f"{JOBS}:echo", {"a": [1, 2]}, notify=notify) == {"a": [1, 2]}
    await asyncio.sleep(0.05)
    assert [s for s, _ in seen] == ["one", "two"]


async def test_queue_positions_and_one_job_per_user() -> None:
    pool = JobPool(workers=1, timeout=30)
    positions: dict[int, list[int]] = {2: [], 3: []}

    def tracker(user: int):
        async def notify(stage: str, position: int) -> None:
            if stage == "queued":
                positions[user].append(position)
        return notify

    first = asyncio.create_task(pool.run(1, f"{JOBS}:sleep", 0.6))
    await asyncio.sleep(0.05)
    second = asyncio.create_task(pool.run(2, f"{JOBS}:sleep", 0.1, notify=tracker(2)))
    third = asyncio.create_task(pool.run(3, f"{JOBS}:sleep", 0.1, notify=tracker(3)))
    await asyncio.sleep(0.05)
    assert pool.queued == 2 and pool.busy(1) and pool.busy(3)
    with pytest.raises(JobError) as busy:
        await pool.run(1, f"{JOBS}:sleep", 0.1)
    assert busy.value.code == "busy"
    assert await asyncio.gather(first, second, third) == [0.6, 0.1, 0.1]
    assert positions[2] == [1]
    assert positions[3] == [2, 1]  # told again when the queue moved
    assert not pool.busy(1) and pool.queued == 0


async def test_timeout_kills_only_that_job() -> None:
    pool = JobPool(workers=2, timeout=0.5)
    slow = asyncio.create_task(pool.run(1, f"{JOBS}:sleep", 30))
    assert await pool.run(2, f"{JOBS}:sleep", 0.1) == 0.1
    with pytest.raises(JobError) as timeout:
        await slow
    assert timeout.value.code == "timeout"
    assert await pool.run(1, f"{JOBS}:echo", "again") == "again"  # the slot came back


async def test_expected_errors_and_crashes() -> None:
    pool = JobPool(workers=1, timeout=30)
    with pytest.raises(JobUserError) as refused:
        await pool.run(1, f"{JOBS}:refuse")
    assert refused.value.error_code == "ingest-error-empty"
    assert refused.value.params == {"hint": "x"}
    with pytest.raises(JobError) as crashed:
        await pool.run(1, f"{JOBS}:die")
    assert crashed.value.code == "crashed"
    assert await pool.run(1, f"{JOBS}:echo", 5) == 5
