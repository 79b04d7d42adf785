"""Small helpers to play a user against the bot in e2e tests."""

from __future__ import annotations

import fnmatch
import html
import json
import re
from collections.abc import Callable

from bench.fake_bot_api import ApiCall, FakeUser


def buttons(call: ApiCall) -> dict[str, str]:
    """Button text -> callback data of a sent message."""
    markup = call.params.get("reply_markup") or {}
    if isinstance(markup, str):
        markup = json.loads(markup)
    return {b["text"]: b["callback_data"] for row in markup.get("inline_keyboard", [])
            for b in row if "callback_data" in b}


def has_buttons(call: ApiCall) -> bool:
    """True for a message with an inline keyboard."""
    return bool(buttons(call))


def text_of(call: ApiCall) -> str:
    """The visible text (or caption) of a sent or edited message: HTML tags removed,
    entities decoded, non-breaking spaces made plain."""
    text = str(call.params.get("text") or call.params.get("caption") or "")
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def saying(*parts: str) -> Callable[[ApiCall], bool]:
    """A predicate: the message text contains every part."""
    return lambda call: all(p in text_of(call) for p in parts)


def press(user: FakeUser, message: ApiCall, prefix: str) -> None:
    """Press the first button whose callback data starts with ``prefix`` (a glob such as
    ``ch:*:yes`` matches the whole callback data)."""
    data = next((v for v in buttons(message).values()
                 if v.startswith(prefix) or fnmatch.fnmatchcase(v, prefix)), None)
    if data is None:
        raise LookupError(f"no button {prefix!r} in {buttons(message)}")
    user.press(data, message)


async def agree(user: FakeUser) -> None:
    """/start and consent."""
    user.send_command("start")
    welcome = await user.wait_for("sendMessage", has_buttons, timeout=20)
    press(user, welcome, "c:1")
    await user.wait_for("sendMessage", saying("/delete"))
    await user.wait_for("sendMessage", has_buttons)  # the menu
