"""No user can reach another user's rows: every repository method is tried with a foreign id.

Alice owns an upload, an audit, its customer rows (the export), answers, a brief and FSM
state, all carrying a secret marker. Mallory calls every method with Alice's ids. Each call
must come back empty or refused, never show the marker, and Alice's rows must not change.
"""

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest
from aiogram.fsm.storage.base import StorageKey

from storage import (
    AnswerRepository,
    AnswerSection,
    AuditRepository,
    BriefRepository,
    CustomerHashRepository,
    CustomerResult,
    CustomerResultRepository,
    FileStore,
    NotFoundError,
    SQLiteStorage,
    Storage,
    UploadRepository,
    UploadStatus,
    UserRepository,
)
from storage.postgres import PostgresStorage

ALICE, MALLORY = 111, 666
SECRET = "alice-secret-7f3e"
ALICE_SHA = "a1" * 32
VP = AnswerSection.VALUE_PROPOSITION
REPOSITORIES: dict[str, type[Any]] = {
    "users": UserRepository,
    "uploads": UploadRepository,
    "audits": AuditRepository,
    "customer_results": CustomerResultRepository,
    "customer_hashes": CustomerHashRepository,
    "answers": AnswerRepository,
    "briefs": BriefRepository,
    "files": FileStore,
}


async def _local_file(store: Storage, user_id: int, upload_id: int) -> object:
    async with store.files.local_file(user_id, upload_id) as path:
        return path


@dataclass(frozen=True)
class Alice:
    upload: int
    audit: int
    brief: int


Attempt = Callable[[Storage, Alice], Awaitable[object]]
M = MALLORY
ATTEMPTS: dict[str, Attempt] = {
    "users.get": lambda s, a: s.users.get(M),
    "users.ensure": lambda s, a: s.users.ensure(M, language="en"),
    "users.set_language": lambda s, a: s.users.set_language(M, "en"),
    "users.set_consent": lambda s, a: s.users.set_consent(M, True),
    "users.set_role": lambda s, a: s.users.set_role(M, "consultant"),  # type: ignore[arg-type]
    "uploads.add": lambda s, a: s.uploads.add(M, file_name="m", size_bytes=1, sha256=ALICE_SHA),
    "uploads.get": lambda s, a: s.uploads.get(M, a.upload),
    "files.put": lambda s, a: s.files.put(M, a.upload, "m.csv", b"m"),
    "files.get": lambda s, a: s.files.get(M, a.upload),
    "files.local_file": lambda s, a: _local_file(s, M, a.upload),
    "uploads.find_by_hash": lambda s, a: s.uploads.find_by_hash(M, ALICE_SHA),
    "uploads.recent": lambda s, a: s.uploads.recent(M),
    "uploads.record_ingest": lambda s, a: s.uploads.record_ingest(
        M, a.upload, rows=1, columns=1, column_mapping={}
    ),
    "uploads.set_status": lambda s, a: s.uploads.set_status(M, a.upload, UploadStatus.DONE),
    "uploads.delete": lambda s, a: s.uploads.delete(M, a.upload),
    "audits.add": lambda s, a: s.audits.add(M, {}, upload_id=a.upload),
    "audits.get": lambda s, a: s.audits.get(M, a.audit),
    "audits.history": lambda s, a: s.audits.history(M),
    "audits.of_upload": lambda s, a: s.audits.of_upload(M, a.upload),
    "audits.delete": lambda s, a: s.audits.delete(M, a.audit),
    "audits.delete_all": lambda s, a: s.audits.delete_all(M),
    "customer_results.replace": lambda s, a: s.customer_results.replace(
        M, a.audit, [CustomerResult("m")]
    ),
    "customer_results.for_audit": lambda s, a: s.customer_results.for_audit(M, a.audit),
    "customer_results.count": lambda s, a: s.customer_results.count(M, a.audit),
    "customer_results.delete": lambda s, a: s.customer_results.delete(M, a.audit),
    "customer_hashes.salt": lambda s, a: s.customer_hashes.salt(M),
    "customer_hashes.put": lambda s, a: s.customer_hashes.put(M, a.audit, b"m" * 8),
    "customer_hashes.get": lambda s, a: s.customer_hashes.get(M, a.audit),
    "answers.put": lambda s, a: s.answers.put(M, VP, "champions", "mallory"),
    "answers.put_many": lambda s, a: s.answers.put_many(M, VP, {"champions": "mallory"}),
    "answers.get": lambda s, a: s.answers.get(M, VP, "champions"),
    "answers.get_section": lambda s, a: s.answers.get_section(M, VP),
    "answers.get_all": lambda s, a: s.answers.get_all(M),
    "answers.clear": lambda s, a: s.answers.clear(M),
    "briefs.add": lambda s, a: s.briefs.add(M, {"stage": "m"}),
    "briefs.get": lambda s, a: s.briefs.get(M, a.brief),
    "briefs.recent": lambda s, a: s.briefs.recent(M),
}


async def _alice(store: Storage) -> Alice:
    await store.users.ensure(ALICE, language=SECRET)
    upload = await store.uploads.add(
        ALICE, file_name=f"{SECRET}.xlsx", size_bytes=10, sha256=ALICE_SHA
    )
    await store.uploads.record_ingest(
        ALICE, upload.id, rows=5, columns=3, column_mapping={"email": SECRET}
    )
    audit = await store.audits.add(ALICE, {"note": SECRET}, upload_id=upload.id)
    await store.customer_results.replace(
        ALICE, audit.id, [CustomerResult(f"{SECRET}@example.com", "lost", {"x": SECRET})]
    )
    await store.customer_hashes.salt(ALICE)
    await store.customer_hashes.put(ALICE, audit.id, SECRET.encode())
    await store.answers.put(ALICE, VP, "champions", SECRET)
    await store.files.put(ALICE, upload.id, "alice.csv", SECRET.encode())
    brief = await store.briefs.add(ALICE, {"text": SECRET})
    await store.fsm.set_data(StorageKey(bot_id=1, chat_id=ALICE, user_id=ALICE), {"e": SECRET})
    return Alice(upload=upload.id, audit=audit.id, brief=brief.id)


USER_TABLES = {
    SQLiteStorage: "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c"
    " WHERE m.type = 'table' AND c.name = 'user_id' ORDER BY m.name",
    PostgresStorage: "SELECT table_name FROM information_schema.columns WHERE column_name ="
    " 'user_id' AND table_schema = current_schema() ORDER BY table_name",
}


async def _snapshot(
    store: SQLiteStorage | PostgresStorage, user_id: int
) -> dict[str, list[tuple[Any, ...]]]:
    tables = [r[0] for r in await store.db.fetch_all(USER_TABLES[type(store)])]
    return {
        t: [
            tuple(r)
            for r in await store.db.fetch_all(
                f"SELECT * FROM {t} WHERE user_id = ? ORDER BY 1, 2", (user_id,)
            )
        ]
        for t in tables
    }


def test_every_repository_method_is_attempted() -> None:
    methods = {
        f"{prefix}.{name}"
        for prefix, protocol in REPOSITORIES.items()
        for name, member in inspect.getmembers(protocol, inspect.isfunction)
        if not name.startswith("_")
    }
    assert methods == set(ATTEMPTS)


@pytest.mark.parametrize("protocol", REPOSITORIES.values(), ids=REPOSITORIES.keys())
def test_every_method_takes_user_id_first(protocol: type[Any]) -> None:
    for name, member in inspect.getmembers(protocol, inspect.isfunction):
        if not name.startswith("_"):
            assert list(inspect.signature(member).parameters)[1] == "user_id", name


async def test_another_users_rows_are_unreachable(
    store: SQLiteStorage | PostgresStorage,
) -> None:
    alice = await _alice(store)
    before = await _snapshot(store, ALICE)
    assert all(before.values())  # Alice has rows in every user table
    await store.users.ensure(MALLORY)
    refused = set()
    for name, attempt in ATTEMPTS.items():
        try:
            result = await attempt(store, alice)
        except NotFoundError:
            refused.add(name)
            continue
        assert SECRET not in repr(result), name
        owner = getattr(result, "user_id", MALLORY)
        assert owner == MALLORY, name
        assert result in (None, [], {}, 0, False) or owner == MALLORY, name
    assert refused == {  # writes aimed at Alice's rows; the rest came back empty
        "uploads.record_ingest",
        "uploads.set_status",
        "audits.add",
        "customer_results.replace",
        "customer_hashes.put",
        "files.put",
    }
    assert await _snapshot(store, ALICE) == before
    await store.delete_user(MALLORY)
    assert await _snapshot(store, ALICE) == before


async def test_fsm_state_is_keyed_by_user_and_chat(store: Storage) -> None:
    alice_key = StorageKey(bot_id=1, chat_id=ALICE, user_id=ALICE)
    await store.fsm.set_state(alice_key, "Questionnaire:cac")
    await store.fsm.set_data(alice_key, {"email": SECRET})
    mallory_key = StorageKey(bot_id=1, chat_id=MALLORY, user_id=MALLORY)
    assert await store.fsm.get_state(mallory_key) is None
    assert await store.fsm.get_data(mallory_key) == {}
    await store.delete_user(MALLORY)
    assert await store.fsm.get_data(alice_key) == {"email": SECRET}
