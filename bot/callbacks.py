"""Callback data of the inline buttons (each fits Telegram's 64-byte limit)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class Menu(CallbackData, prefix="m"):
    """A main-menu item: audit, vp, ue, tr, brief, history, help, privacy."""

    item: str


class Consent(CallbackData, prefix="c"):
    """The answer to the consent question; ``then`` is what to open afterwards (a deep
    link or menu item), carried in the button so that asking writes nothing."""

    given: bool
    then: str = ""


class AuditView(CallbackData, prefix="a"):
    """A view of one stored audit: seg, coh, clu, clv, rec, xlsx, pdf, cmp."""

    view: str
    audit_id: int


class ColumnPick(CallbackData, prefix="col"):
    """The column chosen for the role being asked (index into the offered options)."""

    index: int


class Nav(CallbackData, prefix="n"):
    """Questionnaire navigation: back, skip, cancel."""

    action: str


class Choice(CallbackData, prefix="ch"):
    """A fixed answer of a questionnaire (yes/partly/no, a period, a prefilled value)."""

    value: str


class Language(CallbackData, prefix="lang"):
    """A language chosen with /language."""

    code: str


class Confirm(CallbackData, prefix="ok"):
    """Confirmation of an irreversible step: delete, send_brief."""

    what: str
    yes: bool
