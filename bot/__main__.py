"""``python -m bot``: start the Telegram bot."""

from __future__ import annotations

import os
import sys


def main() -> int:
    """Start the bot; without BOT_TOKEN explain in one line and exit with code 2."""
    if not os.environ.get("BOT_TOKEN"):
        print(
            "BOT_TOKEN is not set: put the token from @BotFather into .env or the environment "
            "(see .env.example).",
            file=sys.stderr,
        )
        return 2
    print("The Telegram bot is not built yet (issue 7); try the offline audit: "
          "python -m analytics audit FILE", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
