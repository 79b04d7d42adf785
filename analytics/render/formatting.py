"""Numbers, money, shares and dates written the way each locale reads them."""

from __future__ import annotations

import re

SYMBOLS = {"RUB": "₽", "USD": "$", "EUR": "€", "GBP": "£", "KZT": "₸", "UAH": "₴", "CNY": "¥"}
NBSP = "\u00a0"
_PLAIN_NUMBER = re.compile(r"-?\d+\.\d+")


def number(value: float, lang: str, decimals: int = 0) -> str:
    """``1 234 567`` in Russian (non-breaking spaces, decimal comma), ``1,234,567`` in English."""
    text = f"{value:,.{decimals}f}"
    if lang == "ru":
        text = text.replace(",", NBSP).replace(".", ",")
    return text


def money(value: float, currency: str | None, lang: str, decimals: int = 0) -> str:
    """``1 234 567 ₽`` in Russian; ``$1,234,567`` or ``1,234,567 ₽`` in English."""
    amount = number(abs(value), lang, decimals)
    sign = "-" if value < 0 else ""
    symbol = SYMBOLS.get(currency or "", currency or "")
    if not symbol:
        return sign + amount
    if lang == "en" and currency in ("USD", "GBP", "EUR", "CNY"):
        return f"{sign}{symbol}{amount}"
    return f"{sign}{amount}{NBSP}{symbol}"


def share(value: float, lang: str, decimals: int = 1) -> str:
    """A 0..1 share as a percentage: ``12,5 %`` in Russian, ``12.5%`` in English."""
    text = number(value * 100, lang, decimals)
    return f"{text}{NBSP}%" if lang == "ru" else f"{text}%"


def iso_date(value: str | None, lang: str) -> str:
    """An ISO date as ``31.12.2024`` in Russian and ``2024-12-31`` in English."""
    if not value:
        return "—"
    if lang == "ru":
        year, month, day = value[:10].split("-")
        return f"{day}.{month}.{year}"
    return value[:10]


def typed_number(text: str, lang: str) -> str:
    """A number as a program writes it ("0.025") in the language's form ("0,025" in
    Russian); any other text as it is."""
    if lang == "ru" and _PLAIN_NUMBER.fullmatch(text):
        return text.replace(".", ",")
    return text
