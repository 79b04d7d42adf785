"""Start the real bot as the README says (``python -m bot``) against the fake server."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bench.fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parents[1]


class BotProcess:
    """A running ``python -m bot``; ``log()`` is what it printed."""

    def __init__(self, process: asyncio.subprocess.Process, log_path: Path) -> None:
        self.process = process
        self.log_path = log_path

    def log(self) -> str:
        """Everything the bot wrote to stdout and stderr so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    async def kill(self) -> None:
        """SIGKILL: the process dies at once, as in a crash or an OOM kill."""
        if self.process.returncode is None:
            self.process.kill()
        await self.process.wait()

    async def stop(self, timeout: float = 15.0) -> int:
        """SIGINT (a clean shutdown), then SIGKILL if it hangs; the exit code."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(self.process.wait(), timeout)
            except TimeoutError:
                self.process.kill()
        return await self.process.wait()


def bot_env(server: FakeBotApi, data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of the bot process: token, fake API URL, data dir, small pool."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_"))}
    env.update({
        "BOT_TOKEN": server.token,
        "TELEGRAM_API_URL": server.url,
        "DATA_DIR": str(data_dir),
        "WORKERS": "2",
        "THROTTLE_SECONDS": "0",
        "PYTHONUNBUFFERED": "1",
    })
    env.update(extra)
    return env


@asynccontextmanager
async def running_bot(server: FakeBotApi, data_dir: Path, *, ready: str = "deleteWebhook",
                      ready_log: str | None = None, **extra: str) -> AsyncIterator[BotProcess]:
    """Run the bot until the block ends; waits until it is about to poll the fake server
    (updates queued from then on are delivered), or until its log says ``ready_log``
    (several bots starting at once)."""
    before = len(server.calls_of(ready))
    async with _running(server, data_dir, (), extra) as bot:
        if ready_log is None:
            await _wait_ready(server, ready, before, bot)
        else:
            await _wait_logged(bot, ready_log)
        yield bot


@asynccontextmanager
async def running_worker(server: FakeBotApi, data_dir: Path,
                         **extra: str) -> AsyncIterator[BotProcess]:
    """Run ``python -m bot worker`` (needs DATABASE_URL in ``extra``) until the block ends;
    waits until its process pool is warm."""
    async with _running(server, data_dir, ("worker",), extra) as worker:
        await _wait_logged(worker, WORKER_READY)
        yield worker


WORKER_READY = "worker ready"


@asynccontextmanager
async def _running(server: FakeBotApi, data_dir: Path, args: tuple[str, ...],
                   extra: dict[str, str]) -> AsyncIterator[BotProcess]:
    log_path = data_dir.parent / f"bot-{len(server.calls)}-{'-'.join(args) or 'bot'}.log"
    while log_path.exists():
        log_path = log_path.with_name(log_path.stem + "+.log")
    log_file = log_path.open("ab")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=str(data_dir.parent),
        env=bot_env(server, data_dir, **extra), stdout=log_file,
        stderr=asyncio.subprocess.STDOUT,
    )
    bot = BotProcess(process, log_path)
    try:
        yield bot
    finally:
        await bot.stop()
        log_file.close()


async def _wait_logged(bot: BotProcess, text: str, timeout: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while text not in bot.log():
        if bot.process.returncode is not None:
            raise RuntimeError(f"the process exited with {bot.process.returncode}:\n{bot.log()}")
        if loop.time() > deadline:
            raise TimeoutError(f"no {text!r} in the log:\n{bot.log()}")
        await asyncio.sleep(0.05)


async def _wait_ready(server: FakeBotApi, method: str, before: int, bot: BotProcess,
                      timeout: float = 60.0) -> None:
    """Wait for the call the bot makes just before serving (deleteWebhook before polling,
    setWebhook in webhook mode)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while len(server.calls_of(method)) <= before:
        if bot.process.returncode is not None:
            raise RuntimeError(f"the bot exited with {bot.process.returncode}:\n{bot.log()}")
        if loop.time() > deadline:
            raise TimeoutError(f"the bot did not start polling:\n{bot.log()}")
        await asyncio.sleep(0.05)
