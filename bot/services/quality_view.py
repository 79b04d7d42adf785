"""An audit's data-quality view in chat: what was read, used and assumed, with buttons to
change a column or an ingest choice and audit the stored file again.

The text is the CLI's quality summary (:func:`analytics.render.text.quality.quality_lines`)
in its chat wordings; the buttons carry the audit id, so a later audit's buttons and another
user's ids find nothing.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from analytics.advice.facts import section
from analytics.render.chat import pack
from analytics.render.text.quality import quality_lines
from bot.callbacks import NO_COLUMN_INDEX, FixColumn, Redo

CHANGEABLE = ("order_date", "amount", "customer_id", "email", "phone", "name", "status",
              "order_id", "quantity", "unit_price")
"""Roles whose column the view offers to change (those that move the numbers)."""
OPTIONAL = frozenset({"status", "order_id", "quantity", "unit_price", "email", "phone", "name",
                      "customer_id"})
"""Roles a file may lack: their question offers "no such column"."""
MAX_HEADERS = 30


def quality_texts(report: Mapping[str, Any], lang: str) -> list[str]:
    """The view's messages (Telegram HTML, each under 4 096 characters)."""
    lines = [html.escape(line) for line in quality_lines(report, lang, chat=True)]
    lines[0] = f"<b>{lines[0]}</b>"
    return pack(["\n".join(lines)])  # cut at line ends when over Telegram's limit


def headers(report: Mapping[str, Any]) -> list[str]:
    """The file's column headers, as read."""
    source = section(report, "quality").get("source")
    columns = source.get("columns") if isinstance(source, Mapping) else None
    return [str(c) for c in columns or []][:MAX_HEADERS]


def quality_keyboard(i18n: I18nContext, audit_id: int,
                     report: Mapping[str, Any]) -> InlineKeyboardMarkup:
    """A button per changeable column (its role and current column) and per alternative of
    each ingest decision."""
    kb = InlineKeyboardBuilder()
    columns = section(report, "quality").get("columns") or {}
    for role in CHANGEABLE:
        match = columns.get(role)
        if isinstance(match, Mapping):
            label = i18n.get("quality-fix-column", role=i18n.get(f"role-{role}"),
                             column=str(match.get("column")))
            kb.button(text=label[:60], callback_data=FixColumn(audit_id=audit_id, role=role))
    for decision in section(report, "quality").get("decisions") or []:
        topic = str(decision.get("topic"))
        detail = {k: str(v) for k, v in (decision.get("evidence") or {}).items()
                  if k in ("column", "rows")}
        detail.setdefault("column", str((columns.get("amount") or {}).get("column", "")))
        detail.setdefault("rows", "")
        for option in decision.get("alternatives") or []:
            label = i18n.get("quality-redo", choice=i18n.get(f"choice-{topic}-{option}",
                                                              **detail))
            kb.button(text=label[:60],
                      callback_data=Redo(audit_id=audit_id, topic=topic, option=str(option)))
    kb.adjust(1)
    return kb.as_markup()


def column_keyboard(i18n: I18nContext, audit_id: int, role: str,
                    report: Mapping[str, Any]) -> InlineKeyboardMarkup:
    """The file's headers to choose the column of ``role`` from (the current one marked)."""
    current = (section(report, "quality").get("columns") or {}).get(role) or {}
    kb = InlineKeyboardBuilder()
    for index, header in enumerate(headers(report)):
        mark = "✓ " if header == current.get("column") else ""
        kb.button(text=f"{mark}{header}"[:60],
                  callback_data=FixColumn(audit_id=audit_id, role=role, index=index))
    if role in OPTIONAL:
        kb.button(text=i18n.get("quality-no-column"),
                  callback_data=FixColumn(audit_id=audit_id, role=role, index=NO_COLUMN_INDEX))
    kb.adjust(2)
    return kb.as_markup()


def rerun_request(report: Mapping[str, Any], *, role: str | None = None,
                  column: str | None = None, topic: str | None = None,
                  option: str | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """(mapping, choices) for auditing the stored file again: what the user set before
    (explicit columns and choices) plus the one change."""
    quality = section(report, "quality")
    mapping = {str(r): str(m.get("column")) for r, m in (quality.get("columns") or {}).items()
               if isinstance(m, Mapping) and m.get("explicit")}
    choices = {str(d.get("topic")): str(d.get("chosen"))
               for d in quality.get("decisions") or [] if d.get("explicit")}
    if role is not None and column is not None:
        mapping[role] = column
    if topic is not None and option is not None:
        choices[topic] = option
    return mapping, choices
