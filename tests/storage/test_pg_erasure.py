"""Deletion on PostgreSQL leaves no byte of the user in the cluster's data files.

The victim's e-mail goes into every table: short rows (inline in heap pages), a report large
enough for TOAST, and an uploaded file of incompressible bytes (stored uncompressed in TOAST
chunks, so a scan can see it). After a CHECKPOINT the canary is in the data files; after
`delete_user` and another CHECKPOINT it is in none of them, while the bystander's still is.
"""

import os
from datetime import timedelta
from pathlib import Path

import psycopg
from aiogram.fsm.storage.base import StorageKey

from storage import AnswerSection, CustomerResult, Storage
from storage.postgres import PostgresStorage
from tests.postgres import data_directory
from tests.storage.conftest import FakeClock

VICTIM, BYSTANDER = 7001, 7002
CANARY = b"victim.canary.91ab@example.com"
BYSTANDER_CANARY = b"bystander.c0d3@example.com"


def _file_bytes(canary: bytes) -> bytes:
    """~40 KB of random bytes with the canary every 512 bytes (some never straddle a chunk)."""
    return b"".join(os.urandom(512) + canary + b"#file" for _ in range(80))


async def _fill(store: Storage, user_id: int, canary: bytes) -> None:
    email = canary.decode()
    await store.users.ensure(user_id, language="ru")
    upload = await store.uploads.add(user_id, file_name=f"{email}.csv", size_bytes=1, sha256="0" * 64)
    await store.files.put(user_id, upload.id, "orders.csv", _file_bytes(canary))
    report = {"owner": email, "filler": [f"{email}:{i}" for i in range(300)]}
    audit = await store.audits.add(user_id, report, upload_id=upload.id)
    rows = [CustomerResult(f"{i}.{email}#row", "lost", {"email": email}) for i in range(300)]
    await store.customer_results.replace(user_id, audit.id, rows)
    await store.customer_hashes.salt(user_id)
    await store.customer_hashes.put(user_id, audit.id, canary + b"#hash")
    await store.answers.put(user_id, AnswerSection.TRACTION, "contact", email)
    await store.briefs.add(user_id, {"contact": email})
    key = StorageKey(bot_id=1, chat_id=user_id, user_id=user_id)
    await store.fsm.set_data(key, {"email": email})


def _files_containing(root: Path, needle: bytes) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and needle in path.read_bytes():
            found.append(str(path.relative_to(root)))
    return sorted(found)


def _data_files_containing(url: str, needle: bytes) -> list[str]:
    """Relation files (base/, global/) holding ``needle`` after a CHECKPOINT wrote them."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CHECKPOINT")
    root = Path(data_directory(url))
    return [name for part in ("base", "global") for name in _files_containing(root / part, needle)]


async def test_delete_user_leaves_no_bytes_in_the_data_files(
    pg_store: PostgresStorage, data_dir: Path
) -> None:
    url = pg_store.db.url
    await _fill(pg_store, VICTIM, CANARY)
    await _fill(pg_store, BYSTANDER, BYSTANDER_CANARY)
    before = _data_files_containing(url, CANARY)
    assert len(before) >= 3  # heap rows of several tables and the file's TOAST chunks
    salt = await pg_store.customer_hashes.salt(VICTIM)
    assert _data_files_containing(url, salt) and _data_files_containing(url, CANARY + b"#hash")

    report = await pg_store.delete_user(VICTIM)

    assert report.scrubbed and report.rows > 300
    assert _data_files_containing(url, CANARY) == []
    assert _data_files_containing(url, salt) == []
    assert _files_containing(data_dir, CANARY) == []
    assert _data_files_containing(url, BYSTANDER_CANARY) != []
    assert await pg_store.files.get(BYSTANDER, 2) is not None
    assert await pg_store.users.get(VICTIM) is None


async def test_retention_purge_leaves_no_file_or_customer_bytes(
    pg_store: PostgresStorage, clock: FakeClock
) -> None:
    url = pg_store.db.url
    await _fill(pg_store, VICTIM, CANARY)
    assert _data_files_containing(url, CANARY + b"#file")
    assert _data_files_containing(url, CANARY + b"#row")
    assert _data_files_containing(url, CANARY + b"#hash")

    report = await pg_store.purge_expired(retention_days=1, now=clock.now + timedelta(days=2))

    assert (report.uploads, report.customer_results, report.customer_hashes) == (1, 300, 1)
    assert _data_files_containing(url, CANARY + b"#hash") == []
    assert _data_files_containing(url, CANARY + b"#file") == []
    assert _data_files_containing(url, CANARY + b"#row") == []
    assert _data_files_containing(url, CANARY) != []  # the audit and answers are kept
