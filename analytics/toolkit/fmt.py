"""Number formatting for the brief and the bot: Russian uses a non-breaking space between
thousands and a decimal comma ("1 234 567,5"), English a comma and a point ("1,234,567.5")."""

from __future__ import annotations

import math

NBSP = "\u00a0"
CURRENCY_SIGNS = {"RUB": "₽", "USD": "$", "EUR": "€", "KZT": "₸", "UAH": "₴", "BYN": "Br",
                  "GBP": "£", "UZS": "сум", "AMD": "֏", "GEL": "₾"}


def number(lang: str, value: float | None, decimals: int = 0) -> str:
    """``value`` with ``decimals`` digits and the language's separators; "—" for None/NaN."""
    if value is None or not math.isfinite(value):
        return "—"
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".") if "." in text else text
    if text in {"-0", ""}:
        text = "0"
    if lang == "ru":
        text = text.replace(",", NBSP).replace(".", ",").replace("-", "−")
    return text


def smart(lang: str, value: float | None) -> str:
    """A number with as many decimals as its size needs (0 above 100, up to 2 below)."""
    if value is None or not math.isfinite(value):
        return "—"
    size = abs(value)
    decimals = 0 if size >= 100 or value == int(value) else (1 if size >= 10 else 2)
    return number(lang, value, decimals)


def money(lang: str, value: float | None, currency: str = "RUB") -> str:
    """An amount with the currency sign after it ("1 234 ₽", "1,234 $")."""
    if value is None or not math.isfinite(value):
        return "—"
    sign = CURRENCY_SIGNS.get(currency.upper(), currency.upper())
    return f"{smart(lang, value)}{NBSP}{sign}"


def percent(lang: str, share: float | None, decimals: int | None = None) -> str:
    """A share (0.021) as a percentage ("2,1 %" / "2.1%")."""
    if share is None or not math.isfinite(share):
        return "—"
    return pct(lang, share * 100, decimals)


def pct(lang: str, value: float | None, decimals: int | None = None) -> str:
    """A value already in percent (35.0) as "35 %" in Russian, "35%" in English (as the
    audit report writes shares)."""
    if value is None or not math.isfinite(value):
        return "—"
    if decimals is None:
        size = abs(value)
        decimals = 0 if size >= 100 else (1 if size >= 1 else 2)
    return number(lang, value, decimals) + (f"{NBSP}%" if lang == "ru" else "%")


def signed(text: str, value: float) -> str:
    """Prefix a formatted number with + when positive."""
    return ("+" + text) if value > 0 else text


def ratio(lang: str, value: float | None) -> str:
    """A ratio such as CLTV/CAC ("1,35")."""
    if value is None or not math.isfinite(value):
        return "∞" if value is None else "—"
    return number(lang, value, 2)
