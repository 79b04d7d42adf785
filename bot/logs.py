"""Logging: one line per event with the update's context, and never the bot token."""

from __future__ import annotations

import json
import logging
import re
from contextvars import ContextVar
from typing import Any

#: Anything shaped like a Telegram bot token (``123456789:AA...``), wherever it appears
#: (URLs of the Bot API contain it).
TOKEN_PATTERN = re.compile(r"\d{5,}:[A-Za-z0-9_-]{30,}")
REDACTED = "<token>"

#: Per-update context (update id, user id, chat id) bound by the context middleware.
log_context: ContextVar[dict[str, Any] | None] = ContextVar("log_context", default=None)


def redact(text: str, secrets: tuple[str, ...] = ()) -> str:
    """``text`` with token-shaped strings and the given secrets replaced."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return TOKEN_PATTERN.sub(REDACTED, text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message and traceback so no token reaches a handler."""

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        """Render the message now, redact it and any exception text, add the context."""
        record.msg = redact(record.getMessage(), self.secrets)
        record.args = None
        if record.exc_info:
            record.exc_text = redact(
                logging.Formatter().formatException(record.exc_info), self.secrets
            )
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self.secrets)
        context = log_context.get()
        record.context = " ".join(f"{k}={v}" for k, v in context.items()) if context else ""
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line (for log collectors in production)."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as JSON with level, logger, message, context and traceback."""
        payload: dict[str, Any] = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **(log_context.get() or {}),
        }
        if record.exc_text:
            payload["exception"] = record.exc_text
        return json.dumps(payload, ensure_ascii=False)


def setup_logging(fmt: str = "console", secrets: tuple[str, ...] = ()) -> None:
    """Configure the root logger; the redacting filter sits on the handler, so records of
    every library (aiogram, aiohttp) pass through it."""
    handler = logging.StreamHandler()
    handler.addFilter(RedactingFilter(secrets))
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s %(context)s")
        )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
