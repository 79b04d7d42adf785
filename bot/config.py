"""Settings of the bot from the environment and ``.env`` (see ``.env.example``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PUBLIC_API_URL = "https://api.telegram.org"
PUBLIC_DOWNLOAD_MB = 20


class StorageSettings(BaseSettings):
    """Where state lives: all that ``python -m bot migrate`` needs."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    data_dir: Path = Path("./data")
    database_url: SecretStr | None = None

    @field_validator("database_url", mode="before")
    @classmethod
    def _no_url(cls, value: object) -> object:
        return None if value == "" else value

    @property
    def database(self) -> str | None:
        """DATABASE_URL (PostgreSQL for state, files and jobs), None for SQLite in DATA_DIR."""
        return None if self.database_url is None else self.database_url.get_secret_value()


class Settings(StorageSettings):
    """Every knob of the bot; names are the environment variables (case-insensitive)."""

    bot_token: SecretStr
    telegram_api_url: str = PUBLIC_API_URL
    default_language: Literal["ru", "en"] | None = None
    """Forced for users whose Telegram language is neither ru nor en; unset: Russian for the
    languages of the former USSR, English for the others (see ``bot.i18n``)."""
    max_upload_mb: float = Field(20.0, gt=0)
    retention_days: int = Field(30, ge=1)
    consultant_chat_id: int | None = None

    mode: Literal["polling", "webhook"] = "polling"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "127.0.0.1"
    webhook_port: int = 8080

    workers: int = Field(default_factory=lambda: max(1, os.cpu_count() or 1), ge=0)
    job_timeout_seconds: float = Field(300.0, gt=0)
    throttle_seconds: float = Field(0.3, ge=0)
    log_format: Literal["console", "json"] = "console"

    @field_validator("telegram_api_url", mode="before")
    @classmethod
    def _default_api(cls, value: object) -> object:
        return value or PUBLIC_API_URL

    @field_validator("telegram_api_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        try:
            parts = urlsplit(value)
            _ = parts.port  # a port that is no number raises here
        except ValueError:
            parts = None
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be the http:// or https:// address of a Bot API server, "
                             "e.g. http://127.0.0.1:8081, or empty for Telegram's public API")
        return value

    @field_validator("consultant_chat_id", "webhook_url", "webhook_secret", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @property
    def max_upload_bytes(self) -> int:
        """MAX_UPLOAD_MB in bytes, capped at the public Bot API's 20 MB download limit
        unless a local Bot API server is configured."""
        limit = self.max_upload_mb if self.local_api else min(self.max_upload_mb,
                                                              PUBLIC_DOWNLOAD_MB)
        return int(limit * 1024 * 1024)

    @property
    def local_api(self) -> bool:
        """True when a self-hosted Bot API server is used (no 20 MB download limit)."""
        return self.telegram_api_url.rstrip("/") != PUBLIC_API_URL
