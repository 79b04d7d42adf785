"""Deletion on request: no row, no file and no stray byte about the user is left behind."""

from pathlib import Path

from aiogram.fsm.storage.base import StorageKey

from storage import (
    AnswerSection,
    CustomerResult,
    SQLiteStorage,
    Storage,
    UploadStatus,
    open_sqlite_storage,
)

VICTIM, BYSTANDER = 5001, 5002
CANARY = b"victim.canary.5d2c@example.com"
BYSTANDER_CANARY = b"bystander.8e1f@example.com"


async def _fill(store: SQLiteStorage, user_id: int, email: str) -> None:
    """Everything the bot can hold about a user, with the e-mail in every place."""
    await store.users.ensure(user_id, language="ru")
    await store.users.set_consent(user_id, True)
    upload = await store.uploads.add(
        user_id, file_name=f"{email}.xlsx", size_bytes=100, sha256="0" * 64
    )
    await store.uploads.record_ingest(
        user_id, upload.id, rows=300, columns=4, column_mapping={"email": email}
    )
    await store.uploads.set_status(user_id, upload.id, UploadStatus.DONE)
    big_report = {"owner": email, "filler": [f"{email}:{i}" for i in range(300)]}  # overflow
    audit = await store.audits.add(user_id, big_report, upload_id=upload.id)
    rows = [CustomerResult(f"{i}.{email}", "lost", {"email": email}) for i in range(300)]
    await store.customer_results.replace(user_id, audit.id, rows)
    await store.db.checkpoint()  # some copies now sit in the main file ...
    await store.customer_results.replace(user_id, audit.id, rows[:100])  # ... some in the WAL
    await store.customer_hashes.salt(user_id)
    await store.customer_hashes.put(user_id, audit.id, email.encode())
    await store.answers.put(user_id, AnswerSection.TRACTION, "contact", email)
    await store.briefs.add(user_id, {"contact": email}, recipient_chat_id=-1)
    for key in (
        StorageKey(bot_id=1, chat_id=user_id, user_id=user_id),
        StorageKey(bot_id=1, chat_id=user_id, user_id=user_id, destiny="toolkit"),
    ):
        await store.fsm.set_state(key, "Intake:contact")
        await store.fsm.set_data(key, {"email": email})
    store.layout.ensure_upload_dir(user_id, upload.id).joinpath("orders.csv").write_text(email)
    store.layout.ensure_tmp_dir(user_id).joinpath("export.csv").write_text(email)


def _files_containing(root: Path, needle: bytes) -> list[str]:
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and needle in p.read_bytes()
    )


async def _rows_about(store: SQLiteStorage, user_id: int) -> dict[str, int]:
    tables = await store.db.fetch_all(
        "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c"
        " WHERE m.type = 'table' AND c.name IN ('user_id', 'chat_id') GROUP BY m.name"
    )
    counts: dict[str, int] = {}
    for (table,) in tables:
        columns = {r[1] for r in await store.db.fetch_all(f"PRAGMA table_info({table})")}
        where = " OR ".join(f"{c} = ?" for c in ("user_id", "chat_id") if c in columns)
        row = await store.db.fetch_one(
            f"SELECT COUNT(*) FROM {table} WHERE {where}", (user_id,) * where.count("?")
        )
        counts[table] = row[0] if row else 0
    return counts


async def test_delete_user_leaves_no_trace(data_dir: Path) -> None:
    store = await open_sqlite_storage(data_dir)
    try:
        await _fill(store, VICTIM, CANARY.decode())
        await _fill(store, BYSTANDER, BYSTANDER_CANARY.decode())
        assert {"kratno.sqlite3", "kratno.sqlite3-wal"} <= set(_files_containing(data_dir, CANARY))
        assert any((await _rows_about(store, VICTIM)).values())

        report = await store.delete_user(VICTIM)

        assert report.scrubbed and report.files == 2 and report.rows > 100
        assert set((await _rows_about(store, VICTIM)).values()) == {0}
        assert _files_containing(data_dir, CANARY) == []
        assert not store.layout.user_dir(VICTIM).exists()
        # The bystander is untouched (and the byte scan does find what is there).
        assert "kratno.sqlite3" in _files_containing(data_dir, BYSTANDER_CANARY)
        assert await store.answers.get_section(BYSTANDER, AnswerSection.TRACTION) == {
            "contact": BYSTANDER_CANARY.decode()
        }
        assert len(await store.customer_results.for_audit(BYSTANDER, 2)) == 100
        assert await store.users.get(VICTIM) is None
    finally:
        await store.close()
    assert _files_containing(data_dir, CANARY) == []


async def test_deleting_an_unknown_user_is_harmless(store: Storage) -> None:
    report = await store.delete_user(123456)
    assert (report.rows, report.files, report.scrubbed) == (0, 0, True)
