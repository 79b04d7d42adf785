"""The storage contract the bot codes against; a backend implements these protocols.

Every method that touches user data takes ``user_id`` first and only ever sees that user's
rows: another user's id behaves exactly like a missing id (reads return ``None`` or nothing,
updates raise `NotFoundError`, deletes return 0/False).
"""

from collections.abc import Iterable, Mapping
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from storage.layout import DataLayout
from storage.models import (
    Answer,
    AnswerSection,
    Audit,
    Brief,
    CustomerResult,
    DeletionReport,
    PurgeReport,
    Role,
    Upload,
    UploadStatus,
    User,
)

if TYPE_CHECKING:  # importing aiogram takes seconds; storage itself does not need it
    from aiogram.fsm.storage.base import BaseStorage


class UserRepository(Protocol):
    """Telegram users: language, consent and role."""

    async def get(self, user_id: int) -> User | None: ...

    async def ensure(
        self, user_id: int, *, language: str | None = None, role: Role = Role.OWNER
    ) -> User:
        """Return the user, creating them (with these values) on first contact."""
        ...

    async def set_language(self, user_id: int, language: str) -> User: ...

    async def set_consent(self, user_id: int, consent: bool) -> User:
        """Record the decision and its time."""
        ...

    async def set_role(self, user_id: int, role: Role) -> User: ...


class UploadRepository(Protocol):
    """Uploaded files' metadata (the bytes are in `FileStore`).

    Insert the row first and store the file after: the purge treats a stored file without a
    row as left over from a deletion and removes it.
    """

    async def add(
        self, user_id: int, *, file_name: str, size_bytes: int, sha256: str
    ) -> Upload: ...

    async def get(self, user_id: int, upload_id: int) -> Upload | None: ...

    async def find_by_hash(self, user_id: int, sha256: str) -> Upload | None:
        """The user's newest upload with this content hash."""
        ...

    async def recent(self, user_id: int, *, limit: int = 10) -> list[Upload]:
        """Newest first."""
        ...

    async def record_ingest(
        self,
        user_id: int,
        upload_id: int,
        *,
        rows: int,
        columns: int,
        column_mapping: Mapping[str, str],
    ) -> Upload:
        """Store the table's shape and the column mapping used."""
        ...

    async def set_status(
        self, user_id: int, upload_id: int, status: UploadStatus, *, error_code: str | None = None
    ) -> Upload: ...

    async def delete(self, user_id: int, upload_id: int) -> bool:
        """Also deletes its customer-level results; audits stay with ``upload_id=None``."""
        ...


class FileStore(Protocol):
    """The bytes of each upload: on disk under `DataLayout.upload_dir` (SQLite) or in the
    database (PostgreSQL), where they go with the upload's row in the same transaction."""

    async def put(self, user_id: int, upload_id: int, name: str, content: bytes) -> None:
        """Store the file of the user's upload (``name`` is a safe file name)."""
        ...

    async def get(self, user_id: int, upload_id: int) -> tuple[str, bytes] | None:
        """The file's name and bytes; None when the upload or its file is gone."""
        ...

    def local_file(
        self, user_id: int, upload_id: int
    ) -> AbstractAsyncContextManager[Path | None]:
        """For the block: a file on this machine holding the bytes, named as uploaded (None
        when gone): the stored file itself, or a copy in the user's scratch folder that is
        removed when the block ends."""
        ...


class AuditRepository(Protocol):
    """Audit reports (report.json), the user's history for comparison."""

    async def add(
        self, user_id: int, report: Mapping[str, Any], *, upload_id: int | None = None
    ) -> Audit: ...

    async def get(self, user_id: int, audit_id: int) -> Audit | None: ...

    async def history(self, user_id: int, *, limit: int = 10) -> list[Audit]:
        """Newest first; ``history(uid, limit=2)`` gives the latest and the one to compare."""
        ...

    async def of_upload(self, user_id: int, upload_id: int) -> Audit | None:
        """The newest audit of the upload."""
        ...

    async def delete(self, user_id: int, audit_id: int) -> bool: ...

    async def delete_all(self, user_id: int) -> int: ...


class CustomerResultRepository(Protocol):
    """Per-customer rows of an audit, the source of exports (kept RETENTION_DAYS)."""

    async def replace(self, user_id: int, audit_id: int, results: Iterable[CustomerResult]) -> int:
        """Atomically replace the audit's rows; returns how many were written."""
        ...

    async def for_audit(
        self, user_id: int, audit_id: int, *, segment: str | None = None
    ) -> list[CustomerResult]:
        """In insertion order, optionally only one segment."""
        ...

    async def count(self, user_id: int, audit_id: int) -> int: ...

    async def delete(self, user_id: int, audit_id: int) -> int: ...


class CustomerHashRepository(Protocol):
    """Salted hashes of an audit's customer keys (never the keys), to tell whether two audits
    share customers; kept RETENTION_DAYS, the salt until the user is deleted."""

    async def salt(self, user_id: int) -> bytes:
        """The user's salt, made on first use (`NotFoundError` for an unknown user)."""
        ...

    async def put(self, user_id: int, audit_id: int, hashes: bytes) -> None:
        """Store (or replace) the audit's hashes."""
        ...

    async def get(self, user_id: int, audit_id: int) -> bytes | None:
        """The audit's hashes; None when never stored or purged."""
        ...


class AnswerRepository(Protocol):
    """Questionnaire answers: one JSON value per (section, item)."""

    async def put(self, user_id: int, section: AnswerSection, item: str, value: Any) -> None: ...

    async def put_many(
        self, user_id: int, section: AnswerSection, values: Mapping[str, Any]
    ) -> None: ...

    async def get(self, user_id: int, section: AnswerSection, item: str) -> Answer | None: ...

    async def get_section(self, user_id: int, section: AnswerSection) -> dict[str, Any]:
        """item -> value."""
        ...

    async def get_all(self, user_id: int) -> dict[AnswerSection, dict[str, Any]]: ...

    async def clear(self, user_id: int, section: AnswerSection | None = None) -> int: ...


class BriefRepository(Protocol):
    """Intake briefs the user sent to a consultant."""

    async def add(
        self, user_id: int, content: Mapping[str, Any], *, recipient_chat_id: int | None = None
    ) -> Brief: ...

    async def get(self, user_id: int, brief_id: int) -> Brief | None: ...

    async def recent(self, user_id: int, *, limit: int = 10) -> list[Brief]:
        """Newest first."""
        ...


class Storage(Protocol):
    """Everything the bot persists. Obtain one from a backend (`open_sqlite_storage`)."""

    @property
    def users(self) -> UserRepository: ...

    @property
    def uploads(self) -> UploadRepository: ...

    @property
    def files(self) -> FileStore: ...

    @property
    def audits(self) -> AuditRepository: ...

    @property
    def customer_results(self) -> CustomerResultRepository: ...

    @property
    def customer_hashes(self) -> CustomerHashRepository: ...

    @property
    def answers(self) -> AnswerRepository: ...

    @property
    def briefs(self) -> BriefRepository: ...

    @property
    def fsm(self) -> "BaseStorage":
        """aiogram FSM storage on the same database (pass to ``Dispatcher(storage=...)``)."""
        ...

    @property
    def layout(self) -> DataLayout:
        """Where the user's files live under DATA_DIR (uploads, exports, scratch)."""
        ...

    async def purge_expired(
        self, *, retention_days: int, now: datetime | None = None
    ) -> PurgeReport:
        """Delete uploads, customer-level results and hashes, and files older than the
        retention period."""
        ...

    async def delete_user(self, user_id: int) -> DeletionReport:
        """Remove every row, file and FSM record about the user, leaving no bytes behind."""
        ...

    async def close(self) -> None: ...
