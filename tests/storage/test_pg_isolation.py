"""Event isolation across instances: one user's updates one at a time, others unaffected."""

import asyncio

from aiogram.fsm.storage.base import StorageKey

from storage.postgres.isolation import PgEventIsolation
from tests.postgres import database_url

ALICE = StorageKey(bot_id=1, chat_id=10, user_id=10)
BOB = StorageKey(bot_id=1, chat_id=20, user_id=20)


async def test_a_users_lock_holds_across_instances_only_for_that_user() -> None:
    url = database_url()
    first, second = PgEventIsolation(url, size=2), PgEventIsolation(url, size=2)
    await first.open()
    await second.open()
    order: list[str] = []
    try:
        async with first.lock(ALICE):
            waiting = asyncio.create_task(_enter(second, ALICE, order, "alice on second"))
            await asyncio.sleep(0.3)
            assert not waiting.done()  # Alice's next update waits on the other instance
            await asyncio.wait_for(_enter(second, BOB, order, "bob on second"), 2)
            order.append("alice on first done")
        await asyncio.wait_for(waiting, 2)
    finally:
        await first.close()
        await second.close()
    assert order == ["bob on second", "alice on first done", "alice on second"]


async def _enter(isolation: PgEventIsolation, key: StorageKey, order: list[str],
                 name: str) -> None:
    async with isolation.lock(key):
        order.append(name)
