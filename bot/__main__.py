"""``python -m bot``: start the Telegram bot."""

from __future__ import annotations

import asyncio
import contextlib
import sys

from pydantic import ValidationError


def main() -> int:
    """Start the bot; bad or missing settings are explained in one line (exit code 2), and
    any failure is logged with every secret redacted."""
    from bot.startup import begin, refuse, settings_problem

    env = begin()
    from bot.config import Settings

    try:
        settings = Settings()  # filled from the environment
    except ValidationError as exc:
        return refuse(env, settings_problem(exc))
    if settings.mode == "webhook" and (settings.webhook_secret is None
                                       or settings.webhook_url is None):
        return refuse(env, "Webhook mode needs WEBHOOK_URL and WEBHOOK_SECRET (a random string "
                      "Telegram sends back with every update); refusing to start without them.")
    from bot.app import run

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run(settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
