"""Kratno Telegram bot: thin aiogram 3 glue over ``analytics`` and ``storage``."""
