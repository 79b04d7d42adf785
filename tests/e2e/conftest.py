"""Shared e2e fixtures: a running fake Bot API server and an aiogram Bot pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from bench.fake_bot_api import DEFAULT_TOKEN, FakeBotApi


class PlainHttpSession(AiohttpSession):
    """aiogram's session minus the 250 ms pause its ``close`` spends on SSL connections,
    which plain-HTTP localhost has none of (it would add a quarter second per test)."""

    async def close(self) -> None:
        """Close the aiohttp session at once."""
        if self._session is not None and not self._session.closed:
            await self._session.close()


def make_bot(server: FakeBotApi, token: str = DEFAULT_TOKEN) -> Bot:
    """An aiogram Bot that talks to ``server``; close it with ``await bot.session.close()``."""
    return Bot(token, session=PlainHttpSession(api=TelegramAPIServer.from_base(server.url)))


@pytest.fixture
async def fake_api() -> AsyncIterator[FakeBotApi]:
    """A fake Bot API server on a free 127.0.0.1 port, token ``DEFAULT_TOKEN``."""
    async with FakeBotApi() as server:
        yield server


@pytest.fixture
async def fake_bot(fake_api: FakeBotApi) -> AsyncIterator[Bot]:
    """A real aiogram Bot connected to ``fake_api``; its HTTP session is closed afterwards."""
    bot = make_bot(fake_api)
    try:
        yield bot
    finally:
        await bot.session.close()
