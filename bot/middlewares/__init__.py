"""Middlewares: log context, the user's account, throttling, polite retries."""

from bot.middlewares.account import AccountMiddleware
from bot.middlewares.log_context import LogContextMiddleware
from bot.middlewares.retry import RetryMiddleware
from bot.middlewares.throttling import ThrottlingMiddleware

__all__ = ["AccountMiddleware", "LogContextMiddleware", "RetryMiddleware", "ThrottlingMiddleware"]
