"""Benchmark: the bot's latency over HTTP against the fake Bot API server (not a test).

Run: ``.venv/bin/python -m bench.bench_bot [--runs 7] [--big-rows 100000]``.

1. From the update carrying a 10,000-row export to the bot's last reply (the buttons under
   the audit), median and max over ``--runs`` uploads by different users (aim: median
   under 3 s).
2. While 4 users' 100,000-row audits run (two in the workers, two queued), other users
   send /start and press menu buttons; the time from each update to the bot's first reply
   (p50, p99, max; aim: p99 under 300 ms: the event loop is never blocked).

Times are measured by the fake server: update queued -> API call received.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bench.bot_process import running_bot
from bench.fake_bot_api import ApiCall, FakeBotApi, FakeUser
from bench.generate import generate_shop, write_csv

CONSENT = "c:1"


def has_buttons(call: ApiCall) -> bool:
    """True for a message with an inline keyboard."""
    markup = call.params.get("reply_markup")
    return isinstance(markup, dict) and bool(markup.get("inline_keyboard"))


async def consent(user: FakeUser) -> None:
    """/start, the consent button, then wait for the menu."""
    user.send_command("start")
    welcome = await user.wait_for("sendMessage", has_buttons, timeout=60)
    rows = welcome.params["reply_markup"]["inline_keyboard"]
    user.press(next(b["callback_data"] for row in rows for b in row
                    if b.get("callback_data", "").startswith(CONSENT)), welcome)
    await user.wait_for("sendMessage", has_buttons, timeout=30)  # the menu


def export_file(rows: int, folder: Path, seed: int) -> bytes:
    """A generated shop export of ``rows`` rows, as CSV bytes."""
    path = folder / f"shop-{rows}-{seed}.csv"
    write_csv(generate_shop(rows, seed=seed), path)
    return path.read_bytes()


async def _audit(user: FakeUser, content: bytes, timeout: float) -> float:
    """Seconds from the document update to the buttons under the audit."""
    update = user.send_document("orders.csv", content, "text/csv")
    done = await user.wait_for(
        "sendMessage", lambda c: has_buttons(c) and "a:rec:" in str(c.params),
        timeout=timeout)
    return done.time - update.time


async def small_files(server: FakeBotApi, content: bytes, runs: int) -> list[float]:
    """Sequential uploads of the 10,000-row file by different users."""
    seconds = []
    for number in range(runs):
        user = server.user(10_000 + number, "Small")
        await consent(user)
        seconds.append(await _audit(user, content, timeout=120))
    return seconds


async def responsiveness(server: FakeBotApi, content: bytes, pings: int) -> list[float]:
    """Reply latency of light updates while four big audits run."""
    heavy = [server.user(20_000 + n, "Heavy") for n in range(4)]
    for user in heavy:
        await consent(user)
    audits = [asyncio.create_task(_audit(user, content, timeout=600)) for user in heavy]
    await asyncio.sleep(1.0)  # the big files are downloaded and the workers are busy
    latencies: list[float] = []
    for number in range(pings):
        user = server.user(30_000 + number, "Light")
        update = user.send_command("start") if number % 2 == 0 else user.send_command("help")
        reply = await user.wait_for(timeout=30)
        latencies.append(reply.time - update.time)
        await asyncio.sleep(0.1)
    if not all(task.done() for task in audits):
        busy = "all 4 big audits were still running or queued at the end"
    else:
        busy = "some big audits finished before the pings ended"
    print(f"  ({busy})")
    await asyncio.gather(*audits)
    return latencies


def quantile(values: list[float], q: float) -> float:
    """The ``q`` quantile of ``values`` (the nearest rank at or above it)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def main(runs: int, big_rows: int, pings: int) -> None:
    """Run both measurements and print the figures."""
    with tempfile.TemporaryDirectory() as folder:
        small = export_file(10_000, Path(folder), seed=7)
        big = export_file(big_rows, Path(folder), seed=8)
        async with FakeBotApi(download_limit=None) as server, \
                running_bot(server, Path(folder) / "data", MAX_UPLOAD_MB="200"):
            start = time.perf_counter()
            seconds = await small_files(server, small, runs)
            print(f"10,000-row file, update -> last reply over {runs} uploads: "
                  f"median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s")
            latencies = await responsiveness(server, big, pings)
            print(f"/start and /help during 4 audits of {big_rows:,} rows ({pings} pings): "
                  f"p50 {quantile(latencies, 0.5) * 1000:.0f} ms, "
                  f"p99 {quantile(latencies, 0.99) * 1000:.0f} ms, "
                  f"max {max(latencies) * 1000:.0f} ms")
            print(f"total {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--big-rows", type=int, default=100_000)
    parser.add_argument("--pings", type=int, default=100)
    options = parser.parse_args()
    asyncio.run(main(options.runs, options.big_rows, options.pings))
