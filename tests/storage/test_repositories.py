"""Each repository's behaviour for its owner (isolation between users: test_isolation.py)."""

from datetime import UTC, datetime

import pytest

from storage import (
    AnswerSection,
    CustomerResult,
    NotFoundError,
    Role,
    SQLiteStorage,
    Storage,
    UploadStatus,
)
from tests.storage.conftest import FakeClock

UID = 1001
SHA = "ab" * 32


async def test_user_is_created_once_and_keeps_consent_with_its_time(
    store: Storage, clock: FakeClock
) -> None:
    assert await store.users.get(UID) is None
    user = await store.users.ensure(UID, language="en")
    assert (user.language, user.role, user.consent, user.consent_at) == (
        "en",
        Role.OWNER,
        False,
        None,
    )
    again = await store.users.ensure(UID, language="ru", role=Role.CONSULTANT)
    assert again == user  # existing users are not overwritten
    clock.advance(minutes=5)
    consented = await store.users.set_consent(UID, True)
    assert consented.consent and consented.consent_at == clock.now
    assert consented.created_at == user.created_at and consented.updated_at == clock.now
    withdrawn = await store.users.set_consent(UID, False)
    assert not withdrawn.consent and withdrawn.consent_at == clock.now
    assert (await store.users.set_language(UID, "ru")).language == "ru"
    assert (await store.users.set_role(UID, Role.CONSULTANT)).role is Role.CONSULTANT
    assert await store.users.get(UID) == await store.users.set_role(UID, Role.CONSULTANT)


async def test_updating_an_unknown_user_raises(store: Storage) -> None:
    with pytest.raises(NotFoundError):
        await store.users.set_language(404, "en")


async def test_upload_lifecycle(store: Storage, clock: FakeClock) -> None:
    await store.users.ensure(UID)
    upload = await store.uploads.add(UID, file_name="orders.xlsx", size_bytes=2048, sha256=SHA)
    assert upload.status is UploadStatus.RECEIVED and upload.rows is None
    assert upload.created_at == clock.now
    ingested = await store.uploads.record_ingest(
        UID, upload.id, rows=120, columns=7, column_mapping={"customer_id": "Клиент"}
    )
    assert (ingested.rows, ingested.columns) == (120, 7)
    assert ingested.column_mapping == {"customer_id": "Клиент"}
    failed = await store.uploads.set_status(
        UID, upload.id, UploadStatus.FAILED, error_code="no_date_column"
    )
    assert (failed.status, failed.error_code) == (UploadStatus.FAILED, "no_date_column")
    assert await store.uploads.get(UID, upload.id) == failed
    assert await store.uploads.find_by_hash(UID, SHA) == failed
    assert await store.uploads.find_by_hash(UID, "cd" * 32) is None
    second = await store.uploads.add(UID, file_name="b.csv", size_bytes=1, sha256=SHA)
    assert [u.id for u in await store.uploads.recent(UID)] == [second.id, upload.id]
    assert [u.id for u in await store.uploads.recent(UID, limit=1)] == [second.id]
    assert await store.uploads.delete(UID, upload.id)
    assert not await store.uploads.delete(UID, upload.id)
    assert await store.uploads.get(UID, upload.id) is None


async def test_upload_needs_a_known_user(store: Storage) -> None:
    with pytest.raises(Exception, match=r"(?i)foreign key"):
        await store.uploads.add(404, file_name="x.csv", size_bytes=1, sha256=SHA)


async def test_limit_must_be_positive(store: Storage) -> None:
    with pytest.raises(ValueError):
        await store.audits.history(UID, limit=0)


async def test_audit_history_for_comparison(store: Storage, clock: FakeClock) -> None:
    await store.users.ensure(UID)
    upload = await store.uploads.add(UID, file_name="a.csv", size_bytes=1, sha256=SHA)
    first = await store.audits.add(UID, {"data": {"customers": 10}}, upload_id=upload.id)
    clock.advance(days=30)
    second = await store.audits.add(UID, {"data": {"customers": 12}, "note": "Привет"})
    latest, previous = await store.audits.history(UID, limit=2)
    assert (latest, previous) == (second, first)
    assert latest.report == {"data": {"customers": 12}, "note": "Привет"}
    assert latest.created_at == clock.now and first.upload_id == upload.id
    assert await store.audits.get(UID, first.id) == first
    await store.uploads.delete(UID, upload.id)  # the aggregated history stays
    kept = await store.audits.get(UID, first.id)
    assert kept is not None and kept.upload_id is None
    assert await store.audits.delete(UID, first.id)
    assert await store.audits.delete_all(UID) == 1
    assert await store.audits.history(UID) == []


async def test_the_audit_of_an_upload_is_its_newest(store: Storage) -> None:
    await store.users.ensure(UID)
    upload = await store.uploads.add(UID, file_name="a.csv", size_bytes=1, sha256=SHA)
    assert await store.audits.of_upload(UID, upload.id) is None
    await store.audits.add(UID, {"n": 1}, upload_id=upload.id)
    rerun = await store.audits.add(UID, {"n": 2}, upload_id=upload.id)
    await store.audits.add(UID, {"n": 3})
    assert await store.audits.of_upload(UID, upload.id) == rerun


async def test_customer_hashes_with_a_salt_per_user(store: Storage) -> None:
    await store.users.ensure(UID)
    await store.users.ensure(UID + 1)
    salt = await store.customer_hashes.salt(UID)
    assert len(salt) == 16 and await store.customer_hashes.salt(UID) == salt
    assert await store.customer_hashes.salt(UID + 1) != salt
    with pytest.raises(NotFoundError):
        await store.customer_hashes.salt(UID + 2)  # no such user
    audit = await store.audits.add(UID, {})
    assert await store.customer_hashes.get(UID, audit.id) is None
    await store.customer_hashes.put(UID, audit.id, bytes(range(16)))
    await store.customer_hashes.put(UID, audit.id, b"\x00" * 8 + b"\xff" * 8)  # replaced
    assert await store.customer_hashes.get(UID, audit.id) == b"\x00" * 8 + b"\xff" * 8
    with pytest.raises(NotFoundError):
        await store.customer_hashes.put(UID, audit.id + 1, b"\x01" * 8)
    assert await store.audits.delete(UID, audit.id)  # the hashes go with their audit
    assert await store.customer_hashes.get(UID, audit.id) is None


async def test_reports_must_be_strict_json(store: Storage) -> None:
    await store.users.ensure(UID)
    with pytest.raises(ValueError):
        await store.audits.add(UID, {"share": float("nan")})


async def test_customer_results_replace_filter_and_cascade(store: Storage) -> None:
    await store.users.ensure(UID)
    upload = await store.uploads.add(UID, file_name="a.csv", size_bytes=1, sha256=SHA)
    audit = await store.audits.add(UID, {}, upload_id=upload.id)
    rows = [
        CustomerResult(f"c{i}", "champions" if i % 3 == 0 else "lost", {"revenue": i * 1.5})
        for i in range(10)
    ]
    assert await store.customer_results.replace(UID, audit.id, iter(rows)) == 10
    assert await store.customer_results.for_audit(UID, audit.id) == rows
    champions = await store.customer_results.for_audit(UID, audit.id, segment="champions")
    assert [r.customer_key for r in champions] == ["c0", "c3", "c6", "c9"]
    assert await store.customer_results.replace(UID, audit.id, rows[:2]) == 2
    assert await store.customer_results.count(UID, audit.id) == 2
    await store.uploads.delete(UID, upload.id)  # results go with the upload they came from
    assert await store.customer_results.count(UID, audit.id) == 0
    await store.customer_results.replace(UID, audit.id, rows)
    assert await store.customer_results.delete(UID, audit.id) == 10


async def test_answers_survive_partial_questionnaires(store: Storage) -> None:
    await store.users.ensure(UID)
    vp, ue = AnswerSection.VALUE_PROPOSITION, AnswerSection.UNIT_ECONOMICS
    await store.answers.put(UID, vp, "champions", {"jobs": ["быстро"], "pains": []})
    await store.answers.put_many(UID, ue, {"cac": 1200, "margin": 0.35})
    await store.answers.put(UID, ue, "cac", 1500)  # re-answering replaces
    assert await store.answers.get_section(UID, ue) == {"cac": 1500, "margin": 0.35}
    answer = await store.answers.get(UID, vp, "champions")
    assert answer is not None and answer.value == {"jobs": ["быстро"], "pains": []}
    assert await store.answers.get(UID, vp, "lost") is None
    assert await store.answers.get_all(UID) == {
        vp: {"champions": {"jobs": ["быстро"], "pains": []}},
        ue: {"cac": 1500, "margin": 0.35},
    }
    assert await store.answers.clear(UID, ue) == 2
    assert await store.answers.clear(UID) == 1
    assert await store.answers.get_all(UID) == {}


async def test_briefs(store: Storage, clock: FakeClock) -> None:
    await store.users.ensure(UID)
    first = await store.briefs.add(UID, {"stage": "seed"}, recipient_chat_id=-100500)
    second = await store.briefs.add(UID, {"stage": "growth"})
    assert await store.briefs.recent(UID) == [second, first]
    assert await store.briefs.get(UID, first.id) == first
    assert first.recipient_chat_id == -100500 and first.created_at == clock.now


async def test_naive_datetimes_are_rejected(store: Storage, clock: FakeClock) -> None:
    clock.now = datetime(2026, 1, 1)  # deliberately naive
    with pytest.raises(ValueError, match="naive"):
        await store.users.ensure(UID)
    clock.now = datetime(2026, 1, 1, tzinfo=UTC)
    await store.users.ensure(UID)


async def test_files_are_kept_per_upload_and_read_back(store: Storage) -> None:
    await store.users.ensure(9)
    upload = await store.uploads.add(9, file_name="a.csv", size_bytes=3, sha256=SHA)
    await store.files.put(9, upload.id, "a.csv", b"a;b")
    assert await store.files.get(9, upload.id) == ("a.csv", b"a;b")
    async with store.files.local_file(9, upload.id) as path:
        assert path is not None and path.name == "a.csv" and path.read_bytes() == b"a;b"
    # the stored file itself on SQLite, a scratch copy (gone now) on PostgreSQL
    assert path.exists() == isinstance(store, SQLiteStorage)
    with pytest.raises(NotFoundError):
        await store.files.put(9, upload.id + 1, "b.csv", b"x")
    assert await store.uploads.delete(9, upload.id)
    assert await store.files.get(9, upload.id) is None
