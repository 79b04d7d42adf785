"""Routers, one per feature, built fresh for each dispatcher (a Router attaches once)."""

from aiogram import Router

from bot.handlers import audit, brief, common, dialogs, errors, results, start


def get_routers() -> list[Router]:
    """In priority order: commands that work anywhere first, the catch-all last."""
    return [
        errors.router(),
        common.router(),
        start.router(),
        results.router(),
        brief.router(),
        audit.router(),
        dialogs.router(),
        common.fallback_router(),
    ]
