"""``python -m bot``: start the Telegram bot."""

from __future__ import annotations

import asyncio
import contextlib
import sys

from pydantic import ValidationError


def main() -> int:
    """Start the bot; bad or missing settings are explained in one line (exit code 2)."""
    from bot.config import Settings

    try:
        settings = Settings()  # filled from the environment
    except ValidationError as exc:
        missing = [".".join(str(p) for p in e["loc"]).upper() for e in exc.errors()]
        if "BOT_TOKEN" in missing:
            print("BOT_TOKEN is not set: put the token from @BotFather into .env or the "
                  "environment (see .env.example).", file=sys.stderr)
        else:
            print(f"Bad settings: {', '.join(missing)} (see .env.example).", file=sys.stderr)
        return 2
    if settings.mode == "webhook" and (settings.webhook_secret is None
                                       or settings.webhook_url is None):
        print("Webhook mode needs WEBHOOK_URL and WEBHOOK_SECRET (a random string Telegram "
              "sends back with every update); refusing to start without them.", file=sys.stderr)
        return 2
    from bot.app import run
    from bot.logs import setup_logging

    setup_logging(settings.log_format, (settings.bot_token.get_secret_value(),))
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run(settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
