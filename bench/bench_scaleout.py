"""Load test past one machine (not a test): PostgreSQL, two webhook bot instances behind
haproxy, two workers, and the fake Bot API posting updates to haproxy as Telegram does.

Run as root (haproxy is installed from the OS packages when missing; otherwise
``apt-get install haproxy`` first): ``python -m bench.bench_scaleout [--users 10,25]``
(``--users 10,25,50`` adds 50 users). Loopback only, about 6 minutes on 2 cores. The
instances throttle as by default (``THROTTLE_SECONDS=0.3``): first one user sends 24 /help
at once. Then, while 100 light users send /help (a pause of 1-3 s after each reply), the phases are:

1. audits per minute: ``--burst`` users upload a 10,000-row export at once, with one worker,
   then with two (each worker ``WORKERS=1``);
2. for each ``--users`` count: every user does /start, consent, an upload, the XLSX export
   and the unit-economics questionnaire at once;
3. fairness: one user uploads five files, each as soon as the last one's results came,
   while ten others upload once;
4. a bot instance and a worker killed with -9 mid-run.

The table at the end: /help p50/p99 per phase, upload-to-charts p50/p95, audits per minute,
the light users' longest wait, the killed job's recovery, whether every update was handled
exactly once and in order per chat, and peak memory per process. Times are taken by the
fake server (update queued -> API call received).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

import psycopg

from bench.bench_bot import consent, export_file, has_buttons, quantile
from bench.bot_process import ROOT, BotProcess, running_bot, running_worker
from bench.fake_bot_api import ApiCall, FakeBotApi, FakeUser, RecordedUpdate
from bot.i18n import text

ROWS = 10_000
SECRET = "bench-webhook-secret"
LIGHT_PAUSE = (1.0, 3.0)
THROTTLE = "0.3"
"""The instances' THROTTLE_SECONDS: the default."""
AUDIT_TIMEOUT = 300.0
UE_ANSWERS = ("4000", "3%", "2500", "1200", "2", "15")
"""Unit economics, questions 2-7: leads, C1, average check, cost, purchases, CPA."""
STALLED = re.compile(r"job (\d+) was left by a stopped worker")
HAPROXY = """\
global
    maxconn 2000
defaults
    mode http
    timeout connect 1s
    timeout client 75s
    timeout server 75s
    retries 2
    option redispatch
    retry-on conn-failure empty-response
frontend telegram
    bind 127.0.0.1:{port}
    default_backend bots
backend bots
    balance roundrobin
{servers}
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _spread(values: list[float], low: float, high: float, unit: str = "s") -> str:
    """``p<low> / p<high>`` of ``values`` in seconds (or ms)."""
    if not values:
        return "no data"
    if unit == "ms":
        return f"{_ms(quantile(values, low))} / {_ms(quantile(values, high))}"
    return f"{quantile(values, low):.1f} s / {quantile(values, high):.1f} s"


# ------------------------------------------------------------------ the cluster


@contextlib.contextmanager
def postgres() -> Iterator[str]:
    """A throwaway PostgreSQL cluster started by ``.ci/services``; its URL."""
    services = str(ROOT / ".ci" / "services")
    started = subprocess.run([services, "start"], capture_output=True, text=True, check=False)
    if started.returncode:
        raise SystemExit(f".ci/services start failed:\n{started.stderr}")
    exports = dict(line.removeprefix("export ").split("=", 1)
                   for line in started.stdout.splitlines() if line.startswith("export "))
    try:
        yield exports["TEST_DATABASE_URL"]
    finally:
        subprocess.run([services, "stop"], env={**os.environ, **exports}, check=False)


def _haproxy() -> str:
    """The haproxy binary; installed from the OS packages when missing (as root)."""
    found = shutil.which("haproxy")
    if found is None and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "haproxy"], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
                       stdout=subprocess.DEVNULL)
        found = shutil.which("haproxy")
    if found is None:
        raise SystemExit("haproxy is missing: apt-get install haproxy")
    return found


@contextlib.asynccontextmanager
async def load_balancer(ports: list[int], folder: Path) -> AsyncIterator[str]:
    """haproxy spreading webhook posts over the instances (TCP health checks every second,
    a failed connection or an empty answer tried on the other one); its webhook URL."""
    port = _free_port()
    servers = "\n".join(f"    server bot{n} 127.0.0.1:{p} check inter 1s fall 2 rise 2"
                        for n, p in enumerate(ports))
    config = folder / "haproxy.cfg"
    config.write_text(HAPROXY.format(port=port, servers=servers), encoding="utf-8")
    with (folder / "haproxy.log").open("ab") as log:
        process = await asyncio.create_subprocess_exec(
            _haproxy(), "-f", str(config), "-db", stdout=log, stderr=log)
        try:
            for _ in range(100):
                with contextlib.suppress(OSError):
                    _, writer = await asyncio.open_connection("127.0.0.1", port)
                    writer.close()
                    break
                await asyncio.sleep(0.05)
            yield f"http://127.0.0.1:{port}/webhook"
        finally:
            process.terminate()
            await process.wait()


@dataclass
class Cluster:
    """The running processes and the fake Telegram."""

    server: FakeBotApi
    url: str
    folder: Path
    stack: contextlib.AsyncExitStack
    instances: list[BotProcess] = field(default_factory=list)
    workers: list[BotProcess] = field(default_factory=list)

    async def add_worker(self) -> BotProcess:
        """Start one more ``python -m bot worker`` and wait until it is warm."""
        worker = await self.stack.enter_async_context(running_worker(
            self.server, self.folder / "data", DATABASE_URL=self.url, WORKERS="1"))
        self.workers.append(worker)
        return worker


@contextlib.asynccontextmanager
async def cluster(folder: Path) -> AsyncIterator[Cluster]:
    """PostgreSQL, the fake server, two webhook instances behind haproxy and one worker."""
    async with contextlib.AsyncExitStack() as stack:
        url = stack.enter_context(postgres())
        server = await stack.enter_async_context(FakeBotApi(download_limit=None))
        ports = [_free_port(), _free_port()]
        settings = {"MODE": "webhook", "WEBHOOK_URL": "https://bot.example.org",
                    "WEBHOOK_SECRET": SECRET, "DATABASE_URL": url, "WORKERS": "0",
                    "THROTTLE_SECONDS": THROTTLE}
        instances = await asyncio.gather(*(stack.enter_async_context(running_bot(
            server, folder / "data", ready_log=f"webhook listening on 127.0.0.1:{port}",
            WEBHOOK_PORT=str(port), **settings)) for port in ports))
        server.deliver_webhooks(await stack.enter_async_context(load_balancer(ports, folder)))
        running = Cluster(server, url, folder, stack, list(instances))
        await running.add_worker()
        yield running


class Memory:
    """Peak resident memory of processes with their children, sampled every 0.5 s."""

    def __init__(self) -> None:
        self.pids: dict[str, int] = {}
        self.own: dict[str, int] = defaultdict(int)
        self.tree: dict[str, int] = defaultdict(int)

    @staticmethod
    def _kib(path: str, key: str) -> int:
        with contextlib.suppress(OSError), open(path, encoding="ascii") as lines:
            for line in lines:
                if line.startswith(key):
                    return int(line.split()[1])
        return 0

    @staticmethod
    def _family(pid: int) -> list[int]:
        found, todo = [], [pid]
        while todo:
            current = todo.pop()
            found.append(current)
            with contextlib.suppress(OSError):
                for task in os.listdir(f"/proc/{current}/task"):
                    children = Path(f"/proc/{current}/task/{task}/children").read_text()
                    todo.extend(int(child) for child in children.split())
        return found

    def sample(self) -> None:
        """Record the current RSS of each process and of its process tree."""
        for name, pid in self.pids.items():
            own = self._kib(f"/proc/{pid}/status", "VmRSS:")
            tree = sum(self._kib(f"/proc/{p}/status", "VmRSS:") for p in self._family(pid))
            self.own[name] = max(self.own[name], own)
            self.tree[name] = max(self.tree[name], tree)

    async def run(self) -> None:
        """Sample until cancelled."""
        while True:
            self.sample()
            await asyncio.sleep(0.5)


# ------------------------------------------------------------------ the users


class LightUsers:
    """Users sending /help again and again, a pause of 1-3 s after each reply."""

    def __init__(self, server: FakeBotApi, count: int, first_id: int = 900_000) -> None:
        self.users = [server.user(first_id + n, "Light") for n in range(count)]
        self.samples: list[tuple[float, float]] = []
        self.unanswered = 0
        self._random = random.Random(19)
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        """Start every user's loop."""
        self._tasks = [asyncio.create_task(self._loop(user)) for user in self.users]

    async def _loop(self, user: FakeUser) -> None:
        await asyncio.sleep(self._random.uniform(0, LIGHT_PAUSE[1]))
        while True:
            update = user.send_command("help")
            try:
                reply = await user.wait_for("sendMessage", timeout=120)
                self.samples.append((update.time, reply.time - update.time))
            except TimeoutError:
                self.unanswered += 1
            await asyncio.sleep(self._random.uniform(*LIGHT_PAUSE))

    def latencies(self, start: float, end: float) -> list[float]:
        """Update-to-reply seconds of the /help sent between ``start`` and ``end``."""
        return [latency for sent, latency in self.samples if start <= sent < end]

    async def stop(self) -> None:
        """Stop sending (updates already sent are still delivered)."""
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)


@dataclass
class Tally:
    """Heavy users' outcomes: refusals seen and uploads and exports made."""

    busy: int = 0
    uploads: list[RecordedUpdate] = field(default_factory=list)
    exports: list[RecordedUpdate] = field(default_factory=list)


BUSY = text("ru", "job-busy")


def _button(message: ApiCall, test: Callable[[str], bool]) -> str:
    rows = message.params["reply_markup"]["inline_keyboard"]
    return next(str(b["callback_data"]) for row in rows for b in row
                if test(str(b.get("callback_data", ""))))


def _is_results(call: ApiCall) -> bool:
    return has_buttons(call) and "a:rec:" in str(call.params)


def _busy_or(method: str) -> Callable[[ApiCall], bool]:
    return lambda call: call.method == method or call.params.get("text") == BUSY


async def upload(user: FakeUser, content: bytes, tally: Tally) -> tuple[float, ApiCall]:
    """Send the export (again a second after a "still working" refusal); seconds from its
    update to the charts album, and the buttons message under the audit."""
    while True:
        update = user.send_document("orders.csv", content, "text/csv")
        tally.uploads.append(update)
        album = await user.wait_for(predicate=_busy_or("sendMediaGroup"), timeout=AUDIT_TIMEOUT)
        if album.method == "sendMediaGroup":
            break
        tally.busy += 1
        await asyncio.sleep(1.0)
    done = await user.wait_for("sendMessage", _is_results, since=album.index, timeout=60)
    return album.time - update.time, done


async def export(user: FakeUser, results: ApiCall, tally: Tally) -> None:
    """Press the XLSX button until the file arrives (counting "still working" refusals)."""
    data = _button(results, lambda d: d.startswith("a:xlsx"))
    while True:
        tally.exports.append(user.press(data, results))
        reply = await user.wait_for(predicate=_busy_or("sendDocument"), timeout=AUDIT_TIMEOUT)
        if reply.method == "sendDocument":
            return
        tally.busy += 1
        await asyncio.sleep(1.0)


def _asks(number: int) -> Callable[[ApiCall], bool]:
    pattern = re.compile(rf"(^|\n)(<[^>]+>)*{number}/\d")
    return lambda call: bool(pattern.search(str(call.params.get("text", ""))))


async def questionnaire(user: FakeUser) -> None:
    """The unit-economics questionnaire, 8 questions, to its result."""
    user.send_command("start", "ue")
    period = await user.wait_for("sendMessage", _asks(1), timeout=60)
    user.press(_button(period, lambda d: d.endswith(":month")), period)
    for number, answer in enumerate(UE_ANSWERS, start=2):
        await user.wait_for("sendMessage", _asks(number), timeout=60)
        user.send_text(answer)
    optional = await user.wait_for("sendMessage", _asks(8), timeout=60)
    user.press(_button(optional, lambda d: d.endswith(":skip")), optional)
    await user.wait_for("sendMessage", lambda c: "C1" in str(c.params.get("text")),
                        timeout=60)


async def journey(user: FakeUser, content: bytes, tally: Tally) -> float:
    """/start, consent, upload, export, questionnaire; the upload-to-charts seconds."""
    await consent(user)
    charts, results = await upload(user, content, tally)
    await export(user, results, tally)
    await questionnaire(user)
    return charts


# ------------------------------------------------------------------ the phases


@dataclass
class Report:
    """Figures in the order they are printed."""

    rows: list[tuple[str, str]] = field(default_factory=list)

    def add(self, what: str, figure: str) -> None:
        """Add a row and print it at once (a long run shows progress)."""
        self.rows.append((what, figure))
        print(f"  {what}: {figure}", flush=True)

    def print(self) -> None:
        """The whole table."""
        width = max(len(what) for what, _ in self.rows)
        print("\n" + "-" * (width + 40))
        for what, figure in self.rows:
            print(f"{what:<{width}}  {figure}")


class Bench:
    """The phases, sharing the cluster, the light users and the report."""

    def __init__(self, running: Cluster, light: LightUsers, content: bytes,
                 report: Report) -> None:
        self.cluster = running
        self.light = light
        self.content = content
        self.report = report
        self.tally = Tally()
        self._next_id = 100_000

    def users(self, count: int, name: str) -> list[FakeUser]:
        """``count`` new users."""
        first, self._next_id = self._next_id, self._next_id + count
        return [self.cluster.server.user(first + n, name) for n in range(count)]

    async def phase(self, name: str, work: Awaitable[Any]) -> Any:
        """Run ``work``; report /help latency meanwhile and the phase's wall time."""
        print(f"{name} ...", flush=True)
        start = time.monotonic()
        result = await work
        end = time.monotonic()
        self.report.add(f"/help p50 / p99 during {name} ({end - start:.0f} s)",
                        _spread(self.light.latencies(start, end), 0.5, 0.99, "ms"))
        return result

    async def throttling(self, count: int = 24) -> int:
        """One user sends ``count`` /help at once (delivered one after another); how many
        were answered."""
        user = self.users(1, "Eager")[0]
        await _delivered([user.send_command("help") for _ in range(count)])
        return sum(c.method == "sendMessage" and c.ok for c in user.messages())

    async def throughput(self, count: int) -> float:
        """Audits per minute of ``count`` uploads sent at once."""
        users = self.users(count, "Burst")
        await asyncio.gather(*(consent(user) for user in users))
        start = time.monotonic()
        results = await asyncio.gather(*(upload(u, self.content, self.tally) for u in users))
        return count / (max(done.time for _, done in results) - start) * 60

    async def journeys(self, count: int) -> list[float]:
        """``count`` users' whole journeys at once; their upload-to-charts seconds."""
        users = self.users(count, "Heavy")
        return list(await asyncio.gather(*(journey(u, self.content, self.tally)
                                           for u in users)))

    async def fairness(self, files: list[bytes], others: int) -> tuple[list[float], float]:
        """One user uploads ``files`` in turn while ``others`` upload once; their
        upload-to-charts seconds and the first user's total seconds."""
        keen, *rest = self.users(1 + others, "Fair")
        await asyncio.gather(*(consent(user) for user in (keen, *rest)))

        async def one_after_another() -> float:
            start = time.monotonic()
            for content in files:
                await upload(keen, content, self.tally)
            return time.monotonic() - start

        keen_task = asyncio.create_task(one_after_another())
        await asyncio.sleep(0.2)  # the first file is in the queue
        waits = await asyncio.gather(*(upload(u, self.content, self.tally) for u in rest))
        return [charts for charts, _ in waits], await keen_task

    async def kill(self, count: int) -> tuple[float | None, float]:
        """``count`` users upload; mid-run the first instance and the last worker get -9.
        The seconds from the kill to the killed job's results, and the moment of the kill."""
        users = self.users(count, "Crash")
        await asyncio.gather(*(consent(user) for user in users))
        uploads = [asyncio.create_task(upload(u, self.content, self.tally)) for u in users]
        doing = await _running_jobs(self.cluster.url, want=len(self.cluster.workers))
        await asyncio.sleep(0.5)  # mid-audit
        instance, worker = self.cluster.instances[0], self.cluster.workers[-1]
        killed_at = time.monotonic()
        await asyncio.gather(instance.kill(), worker.kill())
        await asyncio.gather(*uploads)
        found = STALLED.search(self.cluster.workers[0].log())
        if found is None or int(found.group(1)) not in doing:
            return None, killed_at
        user = self.cluster.server.user(doing[int(found.group(1))])
        album = next(c for c in user.messages()
                     if c.method == "sendMediaGroup" and c.time > killed_at)
        return album.time - killed_at, killed_at


def around(updates: list[RecordedUpdate], moment: float,
           seconds: float = 10.0) -> tuple[int, int, float]:
    """Updates being posted within ``seconds`` after ``moment``: how many, how many were
    posted more than once, the longest from queued to 2xx."""
    near = [u for u in updates if u.attempts and u.delivered is not None
            and u.attempts[0][0] < moment + seconds and u.delivered > moment]
    again = sum(len(u.attempts) > 1 for u in near)
    return len(near), again, max((u.delivered - u.time for u in near if u.delivered),
                                 default=0.0)


async def _running_jobs(url: str, want: int, timeout: float = 120.0) -> dict[int, int]:
    """Job id -> user id of the running jobs, once ``want`` of them run."""
    deadline = time.monotonic() + timeout
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            rows = await (await conn.execute(
                "SELECT id, (args->>'user_id')::bigint FROM procrastinate_jobs"
                " WHERE status = 'doing'")).fetchall()
            if len(rows) >= want:
                return {int(job): int(user) for job, user in rows}
            await asyncio.sleep(0.05)
    raise TimeoutError(f"{want} jobs never ran at once")


async def _delivered(updates: list[RecordedUpdate], timeout: float = 120.0) -> None:
    """Wait until every update got its 2xx, then 2 s more (room for a late duplicate)."""
    deadline = time.monotonic() + timeout
    while any(u.delivered is None for u in updates) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    await asyncio.sleep(2.0)


async def delivery_check(server: FakeBotApi, url: str,
                         light: LightUsers) -> tuple[dict[str, int], list[float]]:
    """Every update: posted until 2xx, recorded handled once, in order per chat; every /help
    answered by exactly one message while it was being delivered. The counts, and when the
    /help answered twice were queued."""
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        rows = await (await conn.execute(
            "SELECT update_id, handled_at FROM handled_updates")).fetchall()
    handled: dict[int, datetime] = {int(update): at for update, at in rows}
    counts = {"updates": len(server.updates), "undelivered": 0, "not recorded": 0,
              "out of order": 0, "/help": 0, "/help answered once": 0,
              "/help duplicated": 0, "/help unanswered": 0, "retried posts": 0}
    by_chat: dict[int, list[RecordedUpdate]] = defaultdict(list)
    for update in server.updates:
        by_chat[update.chat_id].append(update)
        counts["undelivered"] += update.delivered is None
        counts["not recorded"] += update.update_id not in handled
        counts["retried posts"] += len(update.attempts) > 1
    for updates in by_chat.values():
        times = [handled[u.update_id] for u in updates if u.update_id in handled]
        counts["out of order"] += sum(b < a for a, b in pairwise(times))
    twice: list[float] = []
    for chat_id in {user.id for user in light.users}:
        replies = sorted(c.time for c in server.calls
                         if c.chat_id == chat_id and c.method == "sendMessage" and c.ok)
        for update in by_chat[chat_id]:
            if update.delivered is None or not update.attempts:
                continue
            inside = (bisect_right(replies, update.delivered)
                      - bisect_left(replies, update.attempts[0][0]))
            counts["/help"] += 1
            key = {0: "/help unanswered", 1: "/help answered once"}.get(inside, "/help duplicated")
            counts[key] += 1
            if inside > 1:
                twice.append(update.time)
    return counts, twice


async def run(counts: list[int], light_count: int, burst: int) -> None:
    """Every phase, then the table."""
    began = time.monotonic()
    report = Report()
    report.add("machine at the start", machine())
    memory = Memory()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        content = export_file(ROWS, folder, seed=19)
        keen_files = [export_file(ROWS, folder, seed=20 + n) for n in range(5)]
        async with cluster(folder) as running:
            for n, process in enumerate(running.instances):
                memory.pids[f"bot instance {n + 1}"] = process.process.pid
            memory.pids["worker 1"] = running.workers[0].process.pid
            sampler = asyncio.create_task(memory.run())
            light = LightUsers(running.server, light_count)
            bench = Bench(running, light, content, report)
            answered = await bench.throttling()
            report.add(f"throttling ({THROTTLE} s): one user's 24 /help sent at once, answered",
                       f"{answered} (one instance alone: 8 and one per {THROTTLE} s)")
            light.start()
            one = await bench.phase("one worker, burst", bench.throughput(burst))
            memory.pids["worker 2"] = (await running.add_worker()).process.pid
            two = await bench.phase("two workers, burst", bench.throughput(burst))
            report.add(f"audits per minute, {burst} uploads at once, 10,000 rows",
                       f"one worker {one:.0f}, two workers {two:.0f}")
            for count in counts:
                charts = await bench.phase(f"{count} users' journeys", bench.journeys(count))
                report.add(f"upload to charts p50 / p95, {count} users", _spread(charts, 0.5, 0.95))
            waits, keen = await bench.phase("fairness", bench.fairness(keen_files, 10))
            report.add("fairness: ten users' longest wait while one uploads five",
                       f"{max(waits):.1f} s (median {statistics.median(waits):.1f} s); "
                       f"the five uploads took {keen:.1f} s")
            recovery, killed_at = await bench.phase("kill -9", bench.kill(10))
            report.add("killed worker's job: kill to its results",
                       "no job was running on it" if recovery is None else f"{recovery:.1f} s")
            await light.stop()
            await _delivered(running.server.updates)
            near, again, slowest = around(running.server.updates, killed_at)
            report.add("updates being posted in the 10 s after the instance's kill",
                       f"{near}, {again} posted more than once, the slowest 2xx after "
                       f"{slowest:.1f} s")
            checked, twice = await delivery_check(running.server, running.url, light)
            sampler.cancel()
            report.add("/help p50 / p99, whole run", _spread(
                light.latencies(0, time.monotonic()), 0.5, 0.99, "ms"))
            report.add("updates: delivered / recorded once / out of order",
                       f"{checked['updates'] - checked['undelivered']} of {checked['updates']}"
                       f" / {checked['updates'] - checked['not recorded']} / "
                       f"{checked['out of order']}")
            report.add("/help updates answered once / twice or more / not at all",
                       f"{checked['/help answered once']} / {checked['/help duplicated']} / "
                       f"{checked['/help unanswered']} of {checked['/help']}"
                       + "".join(f"; one queued {t - killed_at:+.1f} s from the kill"
                                 for t in twice))
            report.add("uploads / exports sent, 'still working' refusals",
                       f"{len(bench.tally.uploads)} / {len(bench.tally.exports)}, "
                       f"{bench.tally.busy}")
            for name_ in sorted(memory.pids):
                report.add(f"peak RSS, {name_} (itself / with its children)",
                           f"{memory.own[name_] / 1024:.0f} / {memory.tree[name_] / 1024:.0f} MiB")
    own = os.times()
    report.add("this process (fake Telegram, its users, the checks): CPU of one core",
               f"{(own.user + own.system) / (time.monotonic() - began):.0%}")
    report.add("machine at the end", machine())
    report.add("the whole bench", f"{(time.monotonic() - began) / 60:.1f} min")
    report.print()


def machine() -> str:
    """The reference loop of docs/performance.md (a fresh interpreter) and the load."""
    start = time.perf_counter()
    subprocess.run(["python3", "-c", "s=0\nfor i in range(10**7): s+=i"], check=True)
    load = os.getloadavg()[0]
    return f"reference loop {time.perf_counter() - start:.2f} s, load average {load:.1f}"


def main() -> None:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--users", default="10,25",
                        help="comma-separated numbers of users doing the whole journey")
    parser.add_argument("--light", type=int, default=100, help="users sending /help")
    parser.add_argument("--burst", type=int, default=12, help="uploads for audits per minute")
    options = parser.parse_args()
    counts = [int(n) for n in options.users.split(",") if n.strip()]
    asyncio.run(run(counts, options.light, options.burst))


if __name__ == "__main__":
    main()
