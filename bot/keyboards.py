"""Inline keyboards; every label is a locale key rendered in the user's language."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.callbacks import AuditView, Choice, Confirm, Consent, Language, Menu, Nav

MENU_ITEMS = ("audit", "vp", "ue", "tr", "brief", "history", "help")


def menu(i18n: I18nContext) -> InlineKeyboardMarkup:
    """The main menu, two buttons a row."""
    kb = InlineKeyboardBuilder()
    for item in MENU_ITEMS:
        kb.button(text=i18n.get(f"menu-{item}"), callback_data=Menu(item=item))
    kb.adjust(1, 2, 2, 2)
    return kb.as_markup()


def consent(i18n: I18nContext, then: str | None = None) -> InlineKeyboardMarkup:
    """Agree (then open ``then``) / read what is stored."""
    kb = InlineKeyboardBuilder()
    kb.button(text=i18n.get("consent-yes"), callback_data=Consent(given=True, then=then or ""))
    kb.button(text=i18n.get("consent-privacy"), callback_data=Menu(item="privacy"))
    kb.adjust(1)
    return kb.as_markup()


def audit_views(i18n: I18nContext, audit_id: int, views: Sequence[str]) -> InlineKeyboardMarkup:
    """The buttons under a finished audit (only views the report supports)."""
    kb = InlineKeyboardBuilder()
    for view in views:
        kb.button(text=i18n.get(f"view-{view}"), callback_data=AuditView(view=view,
                                                                          audit_id=audit_id))
    kb.adjust(2)
    return kb.as_markup()


def choices(
    i18n: I18nContext,
    question: int,
    options: Sequence[tuple[str, str]],
    nav: Sequence[str] = ("back", "skip", "cancel"),
    width: int = 3,
) -> InlineKeyboardMarkup:
    """Fixed answers (value, label) to question number ``question`` and the navigation
    buttons below them."""
    kb = InlineKeyboardBuilder()
    for value, label in options:
        kb.button(text=label, callback_data=Choice(q=question, value=value))
    for action in nav:
        kb.button(text=i18n.get(f"nav-{action}"), callback_data=Nav(q=question, action=action))
    sizes = [width] * ((len(options) + width - 1) // width) + [len(nav)] if nav else []
    kb.adjust(*(sizes or [width]))
    return kb.as_markup()


def confirm(i18n: I18nContext, what: str) -> InlineKeyboardMarkup:
    """Yes / no for an irreversible step."""
    kb = InlineKeyboardBuilder()
    kb.button(text=i18n.get(f"confirm-{what}-yes"), callback_data=Confirm(what=what, yes=True))
    kb.button(text=i18n.get("confirm-no"), callback_data=Confirm(what=what, yes=False))
    kb.adjust(1)
    return kb.as_markup()


def languages() -> InlineKeyboardMarkup:
    """Русский / English (each label in its own language)."""
    kb = InlineKeyboardBuilder()
    kb.button(text="Русский", callback_data=Language(code="ru"))
    kb.button(text="English", callback_data=Language(code="en"))
    return kb.as_markup()
