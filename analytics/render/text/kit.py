"""Building blocks of the text renderings: localised formatting and size-limited output.

:class:`Tx` binds a language and currency (texts from the locale files, numbers through
:mod:`analytics.render.formatting`); :class:`Lines` collects titles, lines, items and notes in
blocks and renders them as plain text or Telegram-safe HTML (every text is escaped with
``html.escape`` before tags are added, so city or segment names from the data cannot
inject markup), dropping whole trailing blocks when the result would exceed ``limit``.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any, Literal

from analytics.advice.facts import MONEY_KEYS, SHARE_KEYS
from analytics.advice.facts import currency as report_currency
from analytics.describe.rfm import SEGMENTS
from analytics.locales import message_ids, normalise_language, t
from analytics.render import formatting as fmt

Markup = Literal["plain", "html"]
Style = Literal["title", "text", "item", "sub", "note"]
TELEGRAM_LIMIT = 4096
"""Telegram's message-text limit in characters; every section fits in it."""



def kebab(code: str) -> str:
    """A code as it appears in a locale key (``at_risk`` -> ``at-risk``)."""
    return code.replace("_", "-")


class Tx:
    """Texts and numbers for one language and currency."""

    def __init__(self, lang: str, currency: str | None) -> None:
        self.lang = normalise_language(lang)
        self.currency = currency

    @classmethod
    def of(cls, report: Mapping[str, Any], lang: str) -> Tx:
        """Bound to ``lang`` and the report's currency."""
        return cls(lang, report_currency(report))

    def __call__(self, key: str, **args: Any) -> str:
        return t(self.lang, key, **args)

    def variant(self, key: str, suffix: str | None) -> str:
        """``key-suffix`` when this language has a text for it (a chat wording, a business
        shape's wording), else ``key``."""
        special = f"{key}-{suffix}"
        return special if suffix and special in message_ids(self.lang) else key

    def money(self, value: float | None) -> str:
        """Money without kopecks (``—`` when unknown)."""
        return "—" if value is None else fmt.money(value, self.currency, self.lang)

    def share(self, value: float | None, decimals: int | None = None) -> str:
        """A 0..1 share as a percentage (``—`` when unknown); whole percentages without
        decimals, others with one unless told."""
        if value is None:
            return "—"
        if decimals is None:
            decimals = 0 if round(value * 100, 1).is_integer() else 1
        return fmt.share(value, self.lang, decimals)

    def number(self, value: float | None, decimals: int | None = None) -> str:
        """A number; whole numbers without decimals, others with 2 unless told."""
        if value is None:
            return "—"
        if decimals is None:
            decimals = 0 if float(value).is_integer() or abs(value) >= 100 else 2
        return fmt.number(value, self.lang, decimals)

    def date(self, value: Any) -> str:
        """An ISO date in the locale's form."""
        return fmt.iso_date(str(value) if value else None, self.lang)

    def segment(self, code: str) -> str:
        """The display name of an RFM segment or another advice target."""
        if code in SEGMENTS:
            return self(f"export-segment-{code}")
        return self(f"advice-target-{kebab(code)}")

    def value(self, key: str, value: Any) -> str:
        """An evidence value formatted by its key's name: money, share or number."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            return str(value)
        if any(part in key for part in MONEY_KEYS) and "share" not in key:
            return self.money(value)
        if any(part in key for part in SHARE_KEYS):
            return self.share(abs(value) if "change" in key else value)
        return self.number(value)

    def args(self, values: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
        """Fluent arguments: each value formatted (``key``) and raw (``key_n``, for plural
        and other selectors); a calendar month also as ``key_in`` ("в декабре")."""
        out: dict[str, Any] = {}
        for key, value in values.items():
            out[prefix + key] = self.value(key, value)
            out[prefix + key + "_n"] = value
            if key.endswith("_month") and isinstance(value, int) and 1 <= value <= 12:
                out[prefix + key + "_in"] = self(f"advice-month-in-{value}")
        return out


class Lines:
    """Titles, lines and bullet items grouped in blocks; rendered within a size limit."""

    def __init__(self) -> None:
        self.blocks: list[list[tuple[Style, str]]] = [[]]

    def add(self, style: Style, text: str) -> Lines:
        """Append ``text`` with ``style`` to the current block."""
        self.blocks[-1].append((style, text))
        return self

    def title(self, text: str) -> Lines:
        """A bold heading line."""
        return self.add("title", text)

    def text(self, text: str) -> Lines:
        """A plain line."""
        return self.add("text", text)

    def item(self, text: str) -> Lines:
        """A bullet item."""
        return self.add("item", text)

    def sub(self, text: str) -> Lines:
        """An indented line under an item."""
        return self.add("sub", text)

    def note(self, text: str) -> Lines:
        """A muted note (italic in HTML)."""
        return self.add("note", text)

    def block(self) -> Lines:
        """Start a new block: the unit dropped when the text is too long."""
        if self.blocks[-1]:
            self.blocks.append([])
        return self

    def render(self, markup: Markup = "plain", limit: int = TELEGRAM_LIMIT,
               more: Callable[[int], str] | None = None) -> str:
        """The text; trailing blocks that do not fit in ``limit`` are replaced by
        ``more(count_dropped)``."""
        blocks = [b for b in self.blocks if b]
        rendered = ["\n".join(_line(style, text, markup) for style, text in b) for b in blocks]
        for keep in range(len(rendered), 0, -1):
            dropped = len(rendered) - keep
            tail = [_line("note", more(dropped), markup)] if dropped and more else []
            text = "\n\n".join(rendered[:keep] + tail)
            if len(text) <= limit:
                return text
        return "\n\n".join(rendered)[: limit - 1] + "…"


def _line(style: Style, text: str, markup: Markup) -> str:
    body = html.escape(text, quote=False) if markup == "html" else text
    if style == "item":
        return f"• {body}"
    if style == "sub":
        return f"   {body}"
    if markup == "html":
        if style == "title":
            return f"<b>{body}</b>"
        if style == "note":
            return f"<i>{body}</i>"
    return body


def chart_caption(name: str, lang: str) -> str:
    """The caption of chart ``name`` in ``lang`` (the chat's album, the PDF and HTML)."""
    return t(lang, f"chart-caption-{name.replace('_', '-')}")
