"""Runs any questionnaire of :mod:`bot.dialogs`: ask, check, follow up, navigate, finish.

The position and the answers so far live in the FSM data (SQLite), so after a restart the
next message simply continues the dialog; /start offers to repeat the current question.
"""

from __future__ import annotations

import asyncio
import html
from typing import Any

from aiogram import F, Router
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from analytics.render.formatting import typed_number
from analytics.toolkit.value_prop import combine_answers
from bot.callbacks import Choice, Nav
from bot.context import Ctx
from bot.dialogs import FLOWS, Flow, Question, Verdict
from bot.handlers.audit import audit_document
from bot.keyboards import choices, menu
from bot.services.audit_run import bot_text
from bot.services.work import resolve_work
from bot.states import Dialog

MAX_ANSWER_CHARS = 2500
"""Longer answers are refused with the limit (they would swamp the results and the brief,
and a message quoting one would pass Telegram's 4 096 characters)."""


def router() -> Router:
    """The questionnaire router (answers typed or pressed, navigation)."""
    r = Router(name="dialogs")
    r.message.register(on_text, Dialog.active, F.text)
    r.message.register(on_not_text, Dialog.active)  # a sticker, a voice: ask again
    r.callback_query.register(on_choice, Dialog.active, Choice.filter())
    r.callback_query.register(on_nav, Dialog.active, Nav.filter())
    return r


async def start_flow(ctx: Ctx, name: str, extras: dict[str, Any] | None = None) -> None:
    """Begin the questionnaire ``name`` from its first question."""
    flow = FLOWS[name]
    await ctx.state.set_state(Dialog.active)
    await ctx.state.set_data({"flow": name, "index": 0, "answers": {}, "pending": None,
                              "extras": extras or {}})
    if flow.intro:
        await ctx.say(flow.intro, count=len(flow.questions))
    await ask(ctx)


async def ask(ctx: Ctx, note: str = "") -> None:
    """Send the current question (with ``note`` above it, e.g. why an answer was refused)."""
    data = await ctx.state.get_data()
    flow = FLOWS[data["flow"]]
    index: int = data["index"]
    question = flow.questions[index]
    lines = [note] if note else []
    lines.append(f"<b>{index + 1}/{len(flow.questions)}.</b> {html.escape(ctx.t(question.prompt))}")
    if question.hint:
        lines.append(f"<i>{html.escape(ctx.t(question.hint))}</i>")
    await ctx.retire_keyboard(data.get("asked"))  # the last question's buttons are spent
    sent = await ctx.send("\n\n".join(lines), _keyboard(ctx, flow, question, index, data))
    await ctx.state.update_data(asked=sent.message_id)


def _keyboard(ctx: Ctx, flow: Flow, question: Question, index: int,
              data: dict[str, Any]) -> InlineKeyboardMarkup:
    options = [(value, ctx.t(label)) for value, label in question.options]
    if question.suggest is not None:
        options += question.suggest(data.get("extras") or {}, ctx.lang)
    nav = [a for a, show in (("back", index > 0), ("skip", question.optional),
                             ("cancel", True)) if show]
    return choices(ctx.i18n, index, options, nav)


async def on_text(message: Message, ctx: Ctx) -> None:
    """A typed answer."""
    data = await ctx.state.get_data()
    question = FLOWS[data["flow"]].questions[data["index"]]
    if not question.typed and not data.get("pending"):
        await ask(ctx, note=ctx.t("dlg-use-buttons"))
        return
    await _answer(ctx, message.text or "")


async def on_not_text(message: Message, ctx: Ctx) -> None:
    """A sticker, a voice message or a photo in the middle of a questionnaire: the current
    question again, not the main menu."""
    await ask(ctx, note=ctx.t("dlg-answer-in-words"))


async def current(ctx: Ctx, pressed: int) -> bool:
    """True when a button of question ``pressed`` belongs to the question now asked;
    otherwise says the button is outdated and repeats the question."""
    data = await ctx.state.get_data()
    if data.get("index") == pressed:
        return True
    await ctx.toast("toast-button-outdated")  # the current question stands below
    return False


async def on_choice(query: CallbackQuery, callback_data: Choice, ctx: Ctx) -> None:
    """A pressed answer button (of the current question only)."""
    if await current(ctx, callback_data.q):
        await _answer(ctx, callback_data.value)


async def _answer(ctx: Ctx, text: str) -> None:
    data = await ctx.state.get_data()
    question = FLOWS[data["flow"]].questions[data["index"]]
    answers: dict[str, Any] = data["answers"]
    pending = data.get("pending")
    if not pending and not question.typed and text not in {v for v, _ in question.options}:
        await ask(ctx, note=ctx.t("dlg-use-buttons"))
        return
    if len(combine_answers(pending, text) if pending else text) > MAX_ANSWER_CHARS:
        await ask(ctx, note="⚠️ " + ctx.t("dlg-too-long", chars=len(text),
                                          limit=MAX_ANSWER_CHARS))
        return
    verdict = (Verdict(value=combine_answers(pending, text)) if pending
               else question.check(text, answers))
    if verdict.reask is not None:
        key, args = verdict.reask
        hint = typed_number(str(args.get("hint", "")), ctx.lang)  # "0,025" in Russian
        await ask(ctx, note=f"⚠️ {bot_text(ctx, key, {**args, 'hint': hint})}")
        return
    answers[question.code] = verdict.value
    if verdict.follow_up is not None and not pending:
        key, args = verdict.follow_up
        await ctx.state.update_data(answers=answers, pending=str(verdict.value))
        await ctx.send("🤔 " + html.escape(ctx.t(key, **args)),
                       choices(ctx.i18n, data["index"], [], ("skip", "cancel")))
        return
    await _advance(ctx, answers, data["index"] + 1)


async def _advance(ctx: Ctx, answers: dict[str, Any], index: int) -> None:
    data = await ctx.state.get_data()
    flow = FLOWS[data["flow"]]
    if index < len(flow.questions):
        await ctx.state.update_data(answers=answers, index=index, pending=None)
        await ask(ctx)
        return
    await ctx.retire_keyboard(data.get("asked"))
    await ctx.state.clear()
    stored = await ctx.storage.answers.get_section(ctx.user_id, flow.section)
    await ctx.storage.answers.put_many(ctx.user_id, flow.section, flow.store(answers, stored))
    await ctx.say("dlg-saved")
    messages = await asyncio.to_thread(flow.result, answers, data.get("extras") or {}, ctx.lang)
    for text in messages:
        await ctx.send(text)
    if flow.then:
        await ctx.spawn(resolve_work(flow.then))
    elif not await audit_held(ctx, data):
        await ctx.say("menu-next", menu(ctx.i18n))


async def audit_held(ctx: Ctx, data: dict[str, Any]) -> bool:
    """Audit a file the user sent during the questionnaire that just ended; False when
    there was none."""
    held = data.get("held_document")
    if held is None:
        return False
    await ctx.say("dlg-file-now")
    await ctx.spawn(audit_document, document=held)
    return True


async def on_nav(query: CallbackQuery, callback_data: Nav, ctx: Ctx) -> None:
    """Back, skip or cancel (cancel works from any question's buttons)."""
    if callback_data.action != "cancel" and not await current(ctx, callback_data.q):
        return
    data = await ctx.state.get_data()
    answers: dict[str, Any] = data["answers"]
    question = FLOWS[data["flow"]].questions[data["index"]]
    index: int = data["index"]
    if callback_data.action == "cancel":
        await ctx.retire_keyboard(data.get("asked"))
        await ctx.state.clear()
        await ctx.say("dlg-cancelled", menu(ctx.i18n))
        await audit_held(ctx, data)
    elif callback_data.action == "back":
        await ctx.state.update_data(index=max(index - 1, 0), pending=None)
        await ask(ctx)
    elif data.get("pending"):  # skipping the clarification keeps the first answer
        await _advance(ctx, answers, index + 1)
    elif question.optional:
        answers.pop(question.code, None)
        await _advance(ctx, answers, index + 1)
    else:
        await ask(ctx, note=ctx.t("dlg-cannot-skip"))
