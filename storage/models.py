"""Typed records returned by the repositories (backend-neutral, immutable)."""

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    """Who the user is to the bot."""

    OWNER = "owner"
    CONSULTANT = "consultant"


class UploadStatus(StrEnum):
    """Life cycle of an uploaded file."""

    RECEIVED = "received"
    PROCESSING = "processing"
    DONE = "done"
    FAILED = "failed"


class AnswerSection(StrEnum):
    """Questionnaire sections; each holds items keyed by a code."""

    VALUE_PROPOSITION = "value_proposition"  # item = RFM segment code
    UNIT_ECONOMICS = "unit_economics"  # item = input name (e.g. "cac", "margin")
    TRACTION = "traction"  # item = quiz question id
    BUSINESS = "business"  # item = name, description (the brief's head)


@dataclass(frozen=True, slots=True)
class User:
    """A Telegram user known to the bot."""

    user_id: int
    language: str | None
    role: Role
    consent: bool
    consent_at: datetime | None  # time of the last consent decision (given or withdrawn)
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded file and what ingest made of it."""

    id: int
    user_id: int
    file_name: str
    size_bytes: int
    sha256: str
    rows: int | None
    columns: int | None
    column_mapping: dict[str, str] | None  # role (e.g. "customer_id") -> source column
    status: UploadStatus
    error_code: str | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Audit:
    """One audit report (aggregated; kept until the user deletes it)."""

    id: int
    user_id: int
    upload_id: int | None  # None once the upload has been purged
    report: dict[str, Any]
    created_at: datetime


@dataclass(frozen=True, slots=True)
class CustomerResult:
    """One customer's row of an audit, used for exports (purged after RETENTION_DAYS)."""

    customer_key: str
    segment: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Answer:
    """One questionnaire answer."""

    section: AnswerSection
    item: str
    value: Any  # any JSON value
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Brief:
    """An intake brief the user chose to send to a consultant."""

    id: int
    user_id: int
    recipient_chat_id: int | None
    content: dict[str, Any]
    created_at: datetime


@dataclass(frozen=True, slots=True)
class PurgeReport:
    """What one retention run removed."""

    uploads: int
    customer_results: int
    files: int
    customer_hashes: int = 0


@dataclass(frozen=True, slots=True)
class DeletionReport:
    """What `delete_user` removed. ``scrubbed``: the deleted bytes are gone from the database's
    files too (SQLite: the WAL checkpointed; PostgreSQL: the tables rewritten); False only
    when other sessions kept that from finishing."""

    rows: int
    files: int
    scrubbed: bool
