"""Retention: uploads, customer-level results and customer hashes go after RETENTION_DAYS,
audits stay."""

import asyncio
import os
from datetime import timedelta

import pytest

from storage import CustomerResult, PurgeReport, SQLiteStorage, Storage, run_retention
from tests.storage.conftest import FakeClock

UID = 77
SHA = "f" * 64


async def _upload_with_results(store: Storage, name: str) -> tuple[int, int]:
    upload = await store.uploads.add(UID, file_name=name, size_bytes=1, sha256=SHA)
    audit = await store.audits.add(UID, {"name": name}, upload_id=upload.id)
    await store.customer_results.replace(UID, audit.id, [CustomerResult("a"), CustomerResult("b")])
    await store.customer_hashes.put(UID, audit.id, b"\x07" * 16)
    await store.files.put(UID, upload.id, name, b"x")
    return upload.id, audit.id


async def test_purge_removes_only_what_is_older_than_retention(
    store: Storage, clock: FakeClock
) -> None:
    await store.users.ensure(UID)
    old_upload, old_audit = await _upload_with_results(store, "old.csv")
    clock.advance(days=20)
    new_upload, new_audit = await _upload_with_results(store, "new.csv")
    clock.advance(days=11)  # old is 31 days old, new is 11

    report = await store.purge_expired(retention_days=30)

    assert report == PurgeReport(uploads=1, customer_results=2, files=1, customer_hashes=1)
    assert await store.uploads.get(UID, old_upload) is None
    assert await store.uploads.get(UID, new_upload) is not None
    assert await store.customer_results.count(UID, old_audit) == 0
    assert await store.customer_results.count(UID, new_audit) == 2
    assert await store.customer_hashes.get(UID, old_audit) is None
    assert await store.customer_hashes.get(UID, new_audit) == b"\x07" * 16
    assert await store.customer_hashes.salt(UID)  # the salt stays with the user
    kept = await store.audits.get(UID, old_audit)  # aggregated history stays
    assert kept is not None and kept.upload_id is None and kept.report == {"name": "old.csv"}
    assert await store.files.get(UID, old_upload) is None
    assert await store.files.get(UID, new_upload) == ("new.csv", b"x")
    assert await store.purge_expired(retention_days=30) == PurgeReport(0, 0, 0)


async def test_results_written_later_expire_on_their_own_age(
    store: Storage, clock: FakeClock
) -> None:
    await store.users.ensure(UID)
    audit = await store.audits.add(UID, {})  # no upload attached
    await store.customer_results.replace(UID, audit.id, [CustomerResult("a")])
    clock.advance(days=30, seconds=1)
    assert (await store.purge_expired(retention_days=30)).customer_results == 1


async def test_purge_sweeps_orphaned_folders_and_stale_tmp_files(
    sqlite_store: SQLiteStorage, clock: FakeClock
) -> None:
    store = sqlite_store
    await store.users.ensure(UID)
    upload = await store.uploads.add(UID, file_name="a.csv", size_bytes=1, sha256=SHA)
    kept = store.layout.ensure_upload_dir(UID, upload.id) / "a.csv"
    kept.write_text("x")
    orphan_upload = store.layout.ensure_upload_dir(UID, 999) / "gone.csv"  # row deleted
    orphan_upload.write_text("x")
    orphan_user = store.layout.ensure_tmp_dir(4242) / "left.csv"  # user deleted mid-way
    orphan_user.write_text("x")
    tmp = store.layout.ensure_tmp_dir(UID)
    stale, fresh = tmp / "stale.xlsx", tmp / "fresh.xlsx"
    stale.write_text("x")
    fresh.write_text("x")
    two_days_ago = (clock.now - timedelta(days=2)).timestamp()
    os.utime(stale, (two_days_ago, two_days_ago))
    os.utime(fresh, (clock.now.timestamp(), clock.now.timestamp()))

    report = await store.purge_expired(retention_days=30)

    assert report.files == 3
    assert kept.exists() and fresh.exists()
    assert not orphan_upload.exists() and not orphan_user.exists() and not stale.exists()


async def test_negative_retention_is_rejected(store: Storage) -> None:
    with pytest.raises(ValueError):
        await store.purge_expired(retention_days=-1)


async def test_retention_job_runs_at_start_and_then_periodically(
    store: Storage, clock: FakeClock
) -> None:
    await store.users.ensure(UID)
    await _upload_with_results(store, "a.csv")
    clock.advance(days=31)
    task = asyncio.create_task(
        run_retention(store, retention_days=30, interval=timedelta(milliseconds=10))
    )
    try:
        for _ in range(200):
            if not await store.uploads.recent(UID):
                break
            await asyncio.sleep(0.01)
        assert await store.uploads.recent(UID) == []  # purged at start-up
        await _upload_with_results(store, "b.csv")
        clock.advance(days=31)
        for _ in range(200):
            if not await store.uploads.recent(UID):
                break
            await asyncio.sleep(0.01)
        assert await store.uploads.recent(UID) == []  # and again on a later tick
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task


async def test_retention_job_survives_a_failing_run(
    store: Storage, caplog: pytest.LogCaptureFixture
) -> None:
    calls = 0
    real = store.purge_expired

    async def flaky(**kwargs: object) -> PurgeReport:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("disk hiccup")
        return await real(retention_days=30)

    store.purge_expired = flaky  # type: ignore[method-assign]
    task = asyncio.create_task(
        run_retention(store, retention_days=30, interval=timedelta(milliseconds=5))
    )
    try:
        for _ in range(200):
            if calls >= 2:
                break
            await asyncio.sleep(0.01)
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert calls >= 2
    assert "retention purge failed" in caplog.text
