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


class FixColumn(CallbackData, prefix="fx"):
    """From an audit's data-quality view: change the column of ``role`` (``index`` -1 asks
    which; otherwise the index into the file's headers, or :data:`NO_COLUMN_INDEX`)."""

    audit_id: int
    role: str
    index: int = -1


class Redo(CallbackData, prefix="rd"):
    """From an audit's data-quality view: audit again with ``option`` for the ingest
    decision ``topic`` (amount_source, duplicates, status)."""

    audit_id: int
    topic: str
    option: str


NO_COLUMN_INDEX = 999
"""The "no such column" answer of a `FixColumn` question."""
NO_COLUMN = "-"
"""``analytics.ingest.NO_COLUMN`` (a role left without a column), spelt out so that the bot
process imports no pandas."""


class ColumnPick(CallbackData, prefix="col"):
    """The column chosen for question ``q`` (index into the offered options); a button of
    an earlier question no longer matches and is refused."""

    q: int
    index: int


class Nav(CallbackData, prefix="n"):
    """Questionnaire navigation (back, skip, cancel) at question ``q``."""

    q: int
    action: str


class Choice(CallbackData, prefix="ch"):
    """A fixed answer to question ``q`` (yes/partly/no, a period, a prefilled value); a
    double tap or an old button reaches a later question with the wrong ``q``."""

    q: int
    value: str


class Language(CallbackData, prefix="lang"):
    """A language chosen with /language."""

    code: str


class Confirm(CallbackData, prefix="ok"):
    """Confirmation of an irreversible step: delete, send_brief."""

    what: str
    yes: bool
