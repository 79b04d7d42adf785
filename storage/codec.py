"""Conversions shared by backends: UTC timestamps and strict JSON."""

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


def to_timestamp(moment: datetime) -> str:
    """Encode an aware datetime as fixed-width ISO 8601 UTC text (sorts chronologically)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: pass a timezone-aware value")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_timestamp(value: str | datetime) -> datetime:
    """Decode text written by `to_timestamp` (SQLite) or a timestamptz (PostgreSQL), in UTC."""
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime.fromisoformat(value)


def optional_timestamp(value: str | datetime | None) -> datetime | None:
    """Decode a nullable timestamp column."""
    return None if value is None else from_timestamp(value)


def dump_json(value: Any) -> str:
    """Strict JSON (no NaN/Infinity, so PostgreSQL jsonb would accept it too), UTF-8 text."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def load_json(text: str) -> Any:
    """Inverse of `dump_json`."""
    return json.loads(text)
