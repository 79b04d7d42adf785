"""/start with deep links, consent and the main menu."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import CommandObject, CommandStart
from aiogram.types import CallbackQuery, Message

from analytics.toolkit.answers import audit_from_report
from bot.callbacks import Confirm, Consent, Menu
from bot.context import Ctx
from bot.handlers.audit import ask_column, audit_document
from bot.handlers.dialogs import ask, start_flow
from bot.keyboards import confirm, consent, menu
from bot.states import AuditFlow, Dialog

DEEP_LINKS = {"audit": "audit", "vp": "vp", "ue": "ue", "tr": "tr", "traction": "tr"}
FLOW_ITEMS = ("vp", "ue", "tr")


def router() -> Router:
    """Start, consent and the menu items that open a flow."""
    r = Router(name="start")
    r.message.register(on_start, CommandStart())
    r.callback_query.register(on_consent, Consent.filter())
    r.callback_query.register(on_menu, Menu.filter(F.item.in_({"audit", *FLOW_ITEMS})))
    r.callback_query.register(on_switch, Confirm.filter(F.what.startswith("switch-")))
    return r


async def ask_consent(ctx: Ctx, key: str, after: str | None) -> None:
    """Ask for consent; the button itself says what to open afterwards."""
    await ctx.say(key, consent(ctx.i18n, after))


async def on_start(message: Message, command: CommandObject, ctx: Ctx) -> None:
    """Welcome; ask for consent first; open the deep-linked flow; offer to resume."""
    link = DEEP_LINKS.get((command.args or "").strip().lower())
    if not ctx.account.consent:
        await ask_consent(ctx, "welcome", link)
        return
    state = await ctx.state.get_state()
    if link is None and state == Dialog.active.state:
        await ctx.say("dlg-resume")
        await ask(ctx)
        return
    if link is None and state == AuditFlow.columns.state:
        await ask_column(ctx)
        return
    await open_item(ctx, link)


async def open_item(ctx: Ctx, item: str | None, *, confirmed: bool = False) -> None:
    """Open a menu item (a questionnaire or the audit prompt), or show the menu; in the
    middle of a questionnaire with answers given, ask before dropping them."""
    if item in FLOW_ITEMS and not confirmed and await ctx.state.get_state() == Dialog.active.state:
        data = await ctx.state.get_data()
        if data.get("answers"):
            await ctx.say("dlg-switch-ask", confirm(ctx.i18n, f"switch-{item}"),
                          current=ctx.t(f"menu-{data['flow']}"), new=ctx.t(f"menu-{item}"),
                          answers=len(data["answers"]))
            return
    if item in FLOW_ITEMS:
        extras: dict[str, object] = {}
        if item == "ue":
            audits = await ctx.storage.audits.history(ctx.user_id, limit=1)
            if audits:
                audit = audit_from_report(audits[0].report)
                extras["prefill"], extras["levers"] = audit.prefill, audit.levers
        await start_flow(ctx, item, extras)
    elif item == "audit":
        await ctx.state.clear()
        await ctx.say("audit-prompt")
    else:
        await ctx.say("menu-title", menu(ctx.i18n))


async def on_switch(query: CallbackQuery, callback_data: Confirm, ctx: Ctx) -> None:
    """The answer to "drop the questionnaire's answers and start another?"."""
    if query.message is not None:
        await ctx.retire_keyboard(query.message.message_id)
    item = callback_data.what.removeprefix("switch-")
    if await ctx.state.get_state() != Dialog.active.state:
        await open_item(ctx, item)  # the questionnaire ended meanwhile
    elif callback_data.yes:
        await open_item(ctx, item, confirmed=True)
    else:
        await ask(ctx)  # carry on where the user was


async def on_consent(query: CallbackQuery, callback_data: Consent, ctx: Ctx) -> None:
    """Record consent; continue with what the user came for (a pending file, a link)."""
    if not callback_data.given:
        return
    await ctx.storage.users.ensure(ctx.user_id)
    await ctx.storage.users.set_consent(ctx.user_id, True)
    pending = None
    if await ctx.state.get_state() == AuditFlow.consent.state:  # an old button leaves
        pending = (await ctx.state.get_data()).get("pending_document")  # dialogs alone
        await ctx.state.clear()
    await ctx.say("consent-thanks")
    if pending:
        await ctx.spawn(audit_document, document=pending)
        return
    await open_item(ctx, callback_data.then or None)


async def on_menu(query: CallbackQuery, callback_data: Menu, ctx: Ctx) -> None:
    """A menu item that opens a questionnaire or the audit."""
    if not ctx.account.consent:
        await ask_consent(ctx, "consent-needed", callback_data.item)
        return
    await open_item(ctx, callback_data.item)
