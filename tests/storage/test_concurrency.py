"""Concurrent writers lose nothing; a kill -9 mid-write leaves a consistent database."""

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from aiogram.fsm.storage.base import StorageKey

from storage import AnswerSection, Storage, open_sqlite_storage
from tests.storage import _crash_writer

REPO = Path(__file__).resolve().parents[2]


async def test_200_concurrent_writes_from_50_users(store: Storage) -> None:
    users = range(1, 51)
    await asyncio.gather(*(store.users.ensure(uid) for uid in users))

    async def user_session(uid: int) -> None:
        await asyncio.gather(
            store.answers.put(uid, AnswerSection.UNIT_ECONOMICS, "cac", uid),
            store.uploads.add(uid, file_name=f"{uid}.csv", size_bytes=uid, sha256="e" * 64),
            store.audits.add(uid, {"uid": uid}),
            store.fsm.update_data(StorageKey(bot_id=1, chat_id=uid, user_id=uid), {"uid": uid}),
        )

    await asyncio.gather(*(user_session(uid) for uid in users))  # 200 writes at once

    for uid in users:
        assert await store.answers.get_section(uid, AnswerSection.UNIT_ECONOMICS) == {"cac": uid}
        assert [u.size_bytes for u in await store.uploads.recent(uid)] == [uid]
        assert [a.report for a in await store.audits.history(uid)] == [{"uid": uid}]
        key = StorageKey(bot_id=1, chat_id=uid, user_id=uid)
        assert await store.fsm.get_data(key) == {"uid": uid}


async def test_two_instances_on_one_file_wait_instead_of_failing(data_dir: Path) -> None:
    """Like an old and a new bot process overlapping during a deploy."""
    first = await open_sqlite_storage(data_dir)
    second = await open_sqlite_storage(data_dir)
    try:
        await first.users.ensure(1)
        writes = [
            (first if i % 2 else second).answers.put(1, AnswerSection.TRACTION, f"q{i}", i)
            for i in range(100)
        ]
        await asyncio.gather(*writes)
        answers = await first.answers.get_section(1, AnswerSection.TRACTION)
        assert answers == {f"q{i}": i for i in range(100)}
    finally:
        await first.close()
        await second.close()


def _kill_mid_write(data_dir: Path, mode: str) -> tuple[list[int], int]:
    """Run the writer until its fourth transaction is open, SIGKILL it there.

    Returns the audit ids it reported committed and the id of the transaction it was in.
    """
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.storage._crash_writer", str(data_dir), mode],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    committed: list[int] = []
    try:
        for line in child.stdout:
            event, audit_id = line.split()
            if event == "commit":
                committed.append(int(audit_id))
            elif len(committed) == 3:
                os.kill(child.pid, signal.SIGKILL)
                break
    finally:
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return committed, int(audit_id)


def _consistency(db_path: Path) -> dict[int, int]:
    """Integrity checks after a crash; returns the number of customer rows per audit."""
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        return dict(
            conn.execute(
                "SELECT a.id, COUNT(c.position) FROM audits a"
                " LEFT JOIN customer_results c ON c.audit_id = a.id GROUP BY a.id"
            ).fetchall()
        )


def test_kill_9_mid_write_leaves_a_consistent_database(data_dir: Path) -> None:
    survivors: set[int] = set()
    for mode in ("pause", "pause", "race"):  # each round reopens what the last kill left
        committed, killed_in = _kill_mid_write(data_dir, mode)
        rows_per_audit = _consistency(data_dir / "kratno.sqlite3")
        survivors |= set(committed)
        assert survivors <= set(rows_per_audit)  # every acknowledged commit survived
        assert set(rows_per_audit.values()) == {_crash_writer.ROWS}  # no half-written audit
        if mode == "pause":
            assert killed_in not in rows_per_audit  # the open transaction was rolled back
