"""Operating the bot: settings errors, webhook mode and its secret, the token never in
the logs, retries after flood control."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import aiohttp

from bench.bot_process import bot_env, running_bot
from bench.fake_bot_api import FakeBotApi
from tests.e2e.chat import agree

CANARY = "918273645:CANARYcanaryCANARYcanaryCANARY_0123456789"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_bot_briefly(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot"], env=env, cwd=cwd, text=True,
                          capture_output=True, timeout=60, check=False)


def test_without_token_one_line_and_exit_2(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "BOT_TOKEN"}
    done = run_bot_briefly(env, tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "BOT_TOKEN" in done.stderr
    assert "Traceback" not in done.stderr


async def test_webhook_needs_a_secret_and_checks_it(fake_api: FakeBotApi, tmp_path: Path) -> None:
    env = bot_env(fake_api, tmp_path / "data", MODE="webhook",
                  WEBHOOK_URL="https://bot.example.org")
    refused = run_bot_briefly(env, tmp_path)
    assert refused.returncode == 2 and "WEBHOOK_SECRET" in refused.stderr

    port = free_port()
    async with running_bot(fake_api, tmp_path / "data", ready="setWebhook", MODE="webhook",
                           WEBHOOK_URL="https://bot.example.org", WEBHOOK_SECRET="s3cret-42",
                           WEBHOOK_PORT=str(port)):
        assert fake_api.webhook == {"url": "https://bot.example.org/webhook",
                                    "secret_token": "s3cret-42"}
        user = fake_api.user(4001, "Web")
        update = {"update_id": 1, "message": {
            "message_id": 1, "date": 1_700_000_000, "chat": {"id": user.id, "type": "private"},
            "from": user.info, "text": "/help",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}]}}
        url = f"http://127.0.0.1:{port}/webhook"
        async with aiohttp.ClientSession() as http:
            for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
                async with http.post(url, json=update, headers=headers) as response:
                    assert response.status == 401
            assert not [c for c in fake_api.calls if c.chat_id == user.id]
            async with http.post(url, json=update,
                                 headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-42"}) as ok:
                assert ok.status == 200
        await fake_api.wait_for("sendMessage", chat_id=user.id, timeout=15)


async def test_token_never_logged_and_flood_control_retried(tmp_path: Path) -> None:
    async with FakeBotApi(token=CANARY) as server, \
            running_bot(server, tmp_path / "data", LOG_FORMAT="json") as bot:
        user = server.user(4100, "Canary")
        server.inject_error(method="sendMessage", chat_id=user.id, retry_after=1)
        await agree(user)  # the first reply hits 429 and is sent again after 1 s
        assert [c.status for c in server.calls_of("sendMessage")][:2] == [429, 200]
        server.inject_error(method="sendMessage", chat_id=user.id, error_code=400,
                            description="Bad Request: chat not found", times=None)
        user.send_command("help")  # fails for good: the error handler logs it
        await user.wait_for("sendMessage", include_errors=True)
        await asyncio.sleep(1.0)
        log = bot.log()
    assert "TelegramBadRequest" in log
    assert CANARY not in log and CANARY.split(":")[1] not in log
    for line in log.splitlines():
        if line.startswith("{"):
            json.loads(line)  # JSON logs stay one object per line
