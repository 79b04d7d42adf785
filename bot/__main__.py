"""``python -m bot [worker|migrate]``: run the bot, a job worker, or the schema migrations."""

from __future__ import annotations

import asyncio
import contextlib
import sys

from pydantic import ValidationError

USAGE = ("usage: python -m bot            run the bot (and work jobs unless WORKERS=0)\n"
         "       python -m bot worker     work jobs only (needs DATABASE_URL)\n"
         "       python -m bot migrate    apply schema migrations and exit")


def main(argv: list[str] | None = None) -> int:
    """Start what was asked; bad or missing settings are explained in one line (exit code 2),
    and any failure is logged with every secret redacted."""
    from bot.startup import begin, refuse, settings_problem

    env = begin()
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else "bot"
    if command not in ("bot", "worker", "migrate") or len(args) > 1:
        print(USAGE, file=sys.stderr)
        return 2
    if command == "migrate":
        return migrate()
    from bot.config import Settings

    try:
        settings = Settings()  # filled from the environment
    except ValidationError as exc:
        return refuse(env, settings_problem(exc))
    if settings.database is None and (command == "worker" or settings.workers == 0):
        return refuse(env, "Workers apart from the bot share jobs through PostgreSQL: set "
                      "DATABASE_URL (with SQLite the bot works its jobs itself, WORKERS >= 1).")
    if command == "worker" and settings.workers == 0:
        return refuse(env, "A worker needs WORKERS >= 1 (processes working jobs at once).")
    if command == "bot" and settings.mode == "webhook" and (
            settings.webhook_secret is None or settings.webhook_url is None):
        return refuse(env, "Webhook mode needs WEBHOOK_URL and WEBHOOK_SECRET (a random string "
                      "Telegram sends back with every update); refusing to start without them.")
    if command == "worker":
        from bot.queue.runner import run_worker

        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(run_worker(settings))
        return 0
    from bot.app import run

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run(settings))
    return 0


def migrate() -> int:
    """Apply pending migrations of the configured storage (and the job queue's schema)."""
    from bot.config import StorageSettings
    from storage import StorageError
    from storage import migrate as apply

    settings = StorageSettings()
    try:
        applied = asyncio.run(apply(settings.data_dir, settings.database))
        if settings.database is not None:
            from bot.queue.schema import install_queue_schema

            if asyncio.run(install_queue_schema(settings.database)):
                print("job queue schema installed")
    except StorageError as exc:
        print(f"Migration failed: {exc}", file=sys.stderr)
        return 1
    print(f"migrations applied: {applied or 'none (up to date)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
