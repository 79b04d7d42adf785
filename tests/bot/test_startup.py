"""Start-up failures: one clear line for bad settings, every secret redacted in any
uncaught exception (JSON lines with LOG_FORMAT=json), download errors told by ids."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from aiogram.types import Document

from bot.services import uploads
from bot.services.background import Background
from bot.services.uploads import DownloadFailed, download
from bot.startup import begin
from storage import open_sqlite_storage

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "918273645:CANARYcanaryCANARYcanaryCANARY_0123456789"
WEBHOOK_SECRET = "hook-secret-5150"
DB_PASSWORD = "pg-pass-7781"
SECRETS = (TOKEN, TOKEN.split(":")[1], WEBHOOK_SECRET, DB_PASSWORD)


def run_bot(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    unset = {"LOG_FORMAT", "TELEGRAM_API_URL", "DATABASE_URL", "WEBHOOK_SECRET"}
    base = {k: v for k, v in os.environ.items() if k not in unset}
    base.update({"BOT_TOKEN": TOKEN, "DATA_DIR": str(tmp_path / "data"),
                 "PYTHONPATH": str(ROOT), **env})
    return subprocess.run([sys.executable, "-m", "bot"], env=base, cwd=tmp_path, text=True,
                          capture_output=True, timeout=60, check=False)


def assert_no_secret(*texts: str) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text


@pytest.mark.parametrize("url", ["not a url", "ftp://files.example.org", "http://[::1"])
def test_a_bad_api_url_is_one_line_and_exit_2(tmp_path: Path, url: str) -> None:
    done = run_bot(tmp_path, TELEGRAM_API_URL=url)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "TELEGRAM_API_URL" in done.stderr and "Traceback" not in done.stderr
    assert_no_secret(done.stdout, done.stderr)


def test_a_bad_api_url_with_json_logs_is_one_json_line(tmp_path: Path) -> None:
    done = run_bot(tmp_path, TELEGRAM_API_URL="not a url", LOG_FORMAT="json")
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert "TELEGRAM_API_URL" in json.loads(line)["message"]
    assert_no_secret(done.stdout, done.stderr)


def test_a_crash_at_start_is_logged_redacted(tmp_path: Path) -> None:
    """DATA_DIR is a file whose path holds the secrets: the start-up crash (before any
    handler runs) prints the path, and so the secrets, in its traceback. (The password of
    DATABASE_URL is checked in-process below: with it set, the bot opens PostgreSQL.)"""
    trap = tmp_path / f"{TOKEN}-{WEBHOOK_SECRET}"
    trap.write_text("")
    done = run_bot(tmp_path, DATA_DIR=str(trap), LOG_FORMAT="json",
                   WEBHOOK_SECRET=WEBHOOK_SECRET)
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stderr.strip().splitlines()]
    assert records[-1]["level"] == "CRITICAL" and "Traceback" in records[-1]["exception"]
    assert "<token>" in records[-1]["exception"]
    assert_no_secret(done.stdout, done.stderr)


def test_uncaught_exceptions_in_threads_are_redacted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setenv("LOG_FORMAT", "json")
    monkeypatch.setenv("DATABASE_URL", f"postgresql://u:{DB_PASSWORD}@h/db")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr("threading.excepthook", sys.excepthook)
    begin()
    try:
        raise RuntimeError(f"connect {DB_PASSWORD} with {TOKEN}")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    worker = threading.Thread(target=lambda: (_ for _ in ()).throw(ValueError(TOKEN)))
    worker.start()
    worker.join()
    logging.getLogger().handlers.clear()
    err = capsys.readouterr().err
    records = [json.loads(line) for line in err.strip().splitlines()]
    assert [r["level"] for r in records] == ["CRITICAL", "CRITICAL"]
    assert_no_secret(err)


class FakeFile:
    file_path = "documents/file_7.xlsx"


class FakeBot:
    async def get_file(self, file_id: str) -> FakeFile:
        return FakeFile()

    async def download_file(self, file_path: str) -> io.BytesIO:
        return io.BytesIO(b"a;b\n1;2\n")


async def test_a_failed_download_is_logged_by_ids_not_the_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    name = "Клиенты ООО Ромашка Иванов.csv"
    doc = Document(file_id="f", file_unique_id="uniq42", file_size=8, file_name=name)

    def no_space(self: Path, data: bytes) -> int:
        raise OSError(28, "No space left on device", str(self))

    monkeypatch.setattr(Path, "write_bytes", no_space)
    storage = await open_sqlite_storage(tmp_path / "data")
    told: list[int] = []

    async def tell() -> None:
        told.append(1)

    try:
        await storage.users.ensure(7)
        with pytest.raises(DownloadFailed) as failed:
            await download(FakeBot(), storage, 7, doc)  # type: ignore[arg-type]
        background = Background()  # as the bot runs it: the failure is logged there
        assert background.spawn(7, download(FakeBot(), storage, 7, doc), tell)  # type: ignore[arg-type]
        while background.busy(7):
            await asyncio.sleep(0.01)
    finally:
        await storage.close()
    assert "upload 1 of user 7" in str(failed.value)
    logged = caplog.text + "".join(
        logging.Formatter().formatException(r.exc_info) for r in caplog.records if r.exc_info)
    assert "background job failed" in logged and "DownloadFailed" in logged and told == [1]
    for part in ("Клиенты", "Ромашка", "Иванов", uploads.safe_name(name)):
        assert part not in logged and part not in str(failed.value)
