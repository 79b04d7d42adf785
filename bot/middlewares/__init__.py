"""Middlewares: log context, the user's account, throttling, polite retries, each update
once across instances."""

from bot.middlewares.account import AccountMiddleware
from bot.middlewares.log_context import LogContextMiddleware
from bot.middlewares.once import OnceMiddleware
from bot.middlewares.retry import RetryMiddleware
from bot.middlewares.throttling import ThrottlingMiddleware

__all__ = [
    "AccountMiddleware",
    "LogContextMiddleware",
    "OnceMiddleware",
    "RetryMiddleware",
    "ThrottlingMiddleware",
]
