"""Past one machine, end to end: the real bot and workers on PostgreSQL, over HTTP.

A bot instance that works its own jobs runs the whole journey (audit, export, /delete) with
everything in PostgreSQL. Then one polling instance with WORKERS=0 and two workers: the
worker that took the audit is killed with -9 mid-audit, the other one takes it over, and the
user gets the audit exactly once. Two webhook instances answer Telegram after handling and
handle a repeated update_id once, whichever of them gets it.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from pathlib import Path
from typing import Any

import aiohttp
import psycopg
import pytest

from bench.bot_process import ROOT, BotProcess, running_bot, running_worker
from bench.fake_bot_api import FakeBotApi
from bot.queue.runner import WORK_STARTED
from tests.e2e.chat import agree, has_buttons, press, saying
from tests.e2e.test_operations import free_port
from tests.postgres import database_url, truncate_all

SHOP = ROOT / "samples" / "shop_orders.csv"
AUDIT_TIMEOUT = 90


@pytest.fixture
def pg_url() -> str:
    """The test database, emptied."""
    url = database_url()
    truncate_all(url)
    return url


def _rows_about(url: str, user_id: int) -> dict[str, int]:
    with psycopg.connect(url, autocommit=True) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.columns WHERE column_name = 'user_id'"
            " AND table_schema = current_schema()")]
        counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t} WHERE user_id = %s",  # type: ignore[call-overload]
                                  (user_id,)).fetchone()[0] for t in tables}
        counts["jobs"] = conn.execute(
            "SELECT COUNT(*) FROM procrastinate_jobs WHERE lock = %s AND status IN"
            " ('todo', 'doing')", (f"user:{user_id}",)).fetchone()[0]  # type: ignore[index]
    return counts


async def test_journey_with_everything_in_postgres(fake_api: FakeBotApi, tmp_path: Path,
                                                   pg_url: str) -> None:
    async with running_bot(fake_api, tmp_path / "data", DATABASE_URL=pg_url, WORKERS="1"):
        user = fake_api.user(1901, "Вера")
        await agree(user)
        user.send_document("orders.csv", SHOP.read_bytes(), "text/csv")
        album = await user.wait_for("sendMediaGroup", timeout=AUDIT_TIMEOUT)
        menu = await user.wait_for("sendMessage", has_buttons, since=album.index)
        assert _rows_about(pg_url, user.id)["upload_files"] == 1
        press(user, menu, "a:xlsx")
        sent = await user.wait_for("sendDocument", timeout=AUDIT_TIMEOUT)
        assert [f.filename for f in sent.files.values()] == ["customers_orders_2025-06-30.xlsx"]
        user.send_command("delete")
        ask = await user.wait_for("sendMessage", has_buttons)
        press(user, ask, "ok:delete:1")
        await user.wait_for("sendMessage", saying("Удалено"))
    assert set(_rows_about(pg_url, user.id).values()) == {0}
    assert not (tmp_path / "data" / "users" / str(user.id)).exists()  # no scratch copy left


async def _doing_job(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    with psycopg.connect(url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            if conn.execute("SELECT 1 FROM procrastinate_jobs WHERE status = 'doing'").fetchone():
                return
            await asyncio.sleep(0.05)
    raise TimeoutError("no worker took the audit")


async def _the_one_working(workers: list[BotProcess], timeout: float = 10.0) -> BotProcess:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        busy = [w for w in workers if WORK_STARTED in w.log()]
        if busy:
            return busy[0]
        await asyncio.sleep(0.05)
    raise TimeoutError("no worker logged the job")


async def test_a_worker_killed_mid_audit_is_replaced_and_the_audit_arrives_once(
        fake_api: FakeBotApi, tmp_path: Path, pg_url: str) -> None:
    data = tmp_path / "data"
    async with contextlib.AsyncExitStack() as stack:
        _, first, second = await asyncio.gather(  # started side by side: faster
            stack.enter_async_context(running_bot(fake_api, data, DATABASE_URL=pg_url,
                                                  WORKERS="0")),
            stack.enter_async_context(running_worker(fake_api, data, DATABASE_URL=pg_url,
                                                     WORKERS="1")),
            stack.enter_async_context(running_worker(fake_api, data, DATABASE_URL=pg_url,
                                                     WORKERS="1")))
        user = fake_api.user(1902, "Глеб")
        await agree(user)
        user.send_document("orders.csv", SHOP.read_bytes(), "text/csv")
        await _doing_job(pg_url)
        victim = await _the_one_working([first, second])
        killed_at = time.monotonic()
        await victim.kill()
        assert not any(c.method == "sendMediaGroup" for c in user.messages())  # mid-audit
        await user.wait_for("sendMediaGroup", timeout=AUDIT_TIMEOUT)
        recovered = time.monotonic() - killed_at
        await user.wait_for("sendMessage", has_buttons, timeout=30)
        await asyncio.sleep(2)  # room for a duplicate to show up
        albums = [c for c in user.messages() if c.method == "sendMediaGroup"]
        survivor = second if victim is first else first
    assert len(albums) == 1
    assert recovered < 60
    assert WORK_STARTED in survivor.log()
    print(f"audit recovered {recovered:.1f} s after the worker was killed")


def _help_update(user: Any, update_id: int) -> dict[str, Any]:
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": 1_700_000_000,
        "chat": {"id": user.id, "type": "private"}, "from": user.info, "text": "/help",
        "entities": [{"type": "bot_command", "offset": 0, "length": 5}]}}


async def test_two_webhook_instances_answer_after_handling_and_once(
        fake_api: FakeBotApi, tmp_path: Path, pg_url: str) -> None:
    ports = [free_port(), free_port()]
    data = tmp_path / "data"
    settings = {"MODE": "webhook", "WEBHOOK_URL": "https://bot.example.org",
                "WEBHOOK_SECRET": "s3cret", "DATABASE_URL": pg_url, "WORKERS": "0"}
    headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret"}
    async with contextlib.AsyncExitStack() as stack:
        await asyncio.gather(*(
            stack.enter_async_context(running_bot(
                fake_api, data, ready_log=f"webhook listening on 127.0.0.1:{port}",
                WEBHOOK_PORT=str(port), **settings))
            for port in ports))
        http = await stack.enter_async_context(aiohttp.ClientSession())
        user = fake_api.user(1903, "Дина")
        update = _help_update(user, 777)
        async with http.post(f"http://127.0.0.1:{ports[0]}/webhook", json=update,
                             headers=headers) as first:
            assert first.status == 200
            # answered only after handling: the reply is already out
            assert len([c for c in user.messages() if c.method == "sendMessage"]) == 1
        for port in ports:  # Telegram delivers it again, to either instance
            async with http.post(f"http://127.0.0.1:{port}/webhook", json=update,
                                 headers=headers) as again:
                assert again.status == 200
        async with http.post(f"http://127.0.0.1:{ports[1]}/webhook",
                             json=_help_update(user, 778), headers=headers) as other:
            assert other.status == 200
        await asyncio.sleep(0.5)
        assert len([c for c in user.messages() if c.method == "sendMessage"]) == 2
