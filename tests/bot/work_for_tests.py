"""Work functions for the job tests: they leave marks in storage so a test can see them."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from storage import AnswerSection

SECTION = AnswerSection.TRACTION


async def mark(ctx: Any, item: str, seconds: float = 0.0) -> None:
    """Record ``item`` as started, sleep, then record it as done (each with the time)."""
    await ctx.storage.answers.put(ctx.user_id, SECTION, f"{item}:started", time.time())
    await asyncio.sleep(seconds)
    await ctx.storage.answers.put(ctx.user_id, SECTION, f"{item}:done", time.time())
