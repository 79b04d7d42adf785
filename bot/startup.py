"""Start-up of ``python -m bot``: logging and redaction come first, before the settings are
checked, so every failure from the first line on (bad settings, a crash at start, any
uncaught exception later) is one redacted record, a JSON line with ``LOG_FORMAT=json``."""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType
from urllib.parse import unquote, urlsplit

from pydantic import ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.logs import setup_logging

log = logging.getLogger("bot")


class StartupEnv(BaseSettings):
    """What logging needs before the settings are validated: plain strings, read from the
    environment and ``.env`` as the settings are, so reading them cannot fail."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    log_format: str = "console"
    bot_token: str = ""
    webhook_secret: str = ""
    database_url: str = ""

    def secrets(self) -> tuple[str, ...]:
        """Every secret a log line must not show: the token, the webhook secret and the
        password of DATABASE_URL (as written and decoded)."""
        password = _password(self.database_url)
        found = (self.bot_token, self.webhook_secret, password, unquote(password))
        return tuple(dict.fromkeys(s for s in found if s))


def _password(url: str) -> str:
    try:
        return urlsplit(url).password or ""
    except ValueError:  # not a URL: the whole value may be a secret
        return url


def begin() -> StartupEnv:
    """Configure logging with every secret redacted and send uncaught exceptions (of the
    main thread and of others) through it."""
    try:
        env = StartupEnv()
    except Exception:  # an unreadable .env: the environment alone
        env = StartupEnv(_env_file=None)
    setup_logging("json" if env.log_format.strip().lower() == "json" else "console",
                  env.secrets())
    sys.excepthook = _log_uncaught
    threading.excepthook = lambda args: _log_uncaught(
        args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback
    )
    return env


def _log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Python's last word on an uncaught exception, through the redacting handler."""
    log.critical("stopped by an uncaught %s", kind.__name__, exc_info=(kind, error, trace))


def refuse(env: StartupEnv, line: str) -> int:
    """Say why the bot cannot start (one line: plain, or a JSON record); exit code 2."""
    if env.log_format.strip().lower() == "json":
        log.error(line)
    else:
        print(line, file=sys.stderr)
    return 2


def settings_problem(exc: ValidationError) -> str:
    """One line naming every bad setting and what is wrong with it (never its value)."""
    problems = []
    for error in exc.errors():
        name = ".".join(str(p) for p in error["loc"]).upper()
        if name == "BOT_TOKEN" and error["type"] == "missing":
            return ("BOT_TOKEN is not set: put the token from @BotFather into .env or the "
                    "environment (see .env.example).")
        problems.append(f"{name}: {error['msg'].removeprefix('Value error, ')}")
    return f"Bad settings: {'; '.join(problems)} (see .env.example)."
