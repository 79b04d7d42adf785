"""Texts for the bot: aiogram-i18n over the project's Fluent files.

Why aiogram-i18n: it is aiogram's maintained i18n middleware (an ``I18nContext`` injected
into every handler as ``i18n``) and works with Fluent, whose plural rules cover Russian
one/few/many without a compile step. Its bundled cores read one folder; this core reads two,
``analytics/locales`` (the audit and toolkit texts the CLI also uses, so both say the same
thing) and ``bot/locales`` (chat-only texts), with Russian as the fallback for missing keys.
The manager takes the user's language from storage and falls back to Telegram's
``language_code``, then to DEFAULT_LANGUAGE.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from aiogram.types import TelegramObject, User
from aiogram_i18n.cores.base import BaseCore
from aiogram_i18n.managers.base import BaseManager
from fluent.runtime import FluentLocalization, FluentResourceLoader

from analytics.locales import LANGUAGES, LOCALES_DIR, format_message, ftl_files, normalise_language
from analytics.locales import localization as analytics_localization
from storage import Storage

BOT_LOCALES_DIR = Path(__file__).parent / "locales"


@cache
def localization(lang: str) -> FluentLocalization:
    """Analytics and bot texts for ``lang`` with Russian as the fallback."""
    loader = FluentResourceLoader(
        [str(LOCALES_DIR / "{locale}"), str(BOT_LOCALES_DIR / "{locale}")]
    )
    files = sorted({*ftl_files(LOCALES_DIR), *ftl_files(BOT_LOCALES_DIR)})
    chain = [lang] if lang == "ru" else [lang, "ru"]
    return FluentLocalization(chain, files, loader)


def text(lang: str, key: str, **args: Any) -> str:
    """The text for ``key`` (outside a handler, e.g. in the error handler or a job)."""
    return format_message(localization(normalise_language(lang)), key, args)


WARM_UP_KEY = "-warm-up-no-such-message"


def warm_up() -> None:
    """Parse every Fluent file of both languages (and their fallbacks) at startup.

    Fluent parses a language's files on first use; on the event loop that would stall
    every user for a few hundred milliseconds the first time a language (or the report
    texts of ``analytics.locales``) is used. Asking for a key no bundle has walks them all.
    """
    for lang in LANGUAGES:
        localization(lang).format_value(WARM_UP_KEY)
        analytics_localization(lang).format_value(WARM_UP_KEY)


class FluentCore(BaseCore[FluentLocalization]):
    """An aiogram-i18n core over :func:`localization`."""

    def __init__(self, default_locale: str = "ru") -> None:
        super().__init__(path=BOT_LOCALES_DIR / "{locale}", default_locale=default_locale)

    def find_locales(self) -> dict[str, FluentLocalization]:
        """One localisation per supported language, parsed now (see :func:`warm_up`)."""
        warm_up()
        return {lang: localization(lang) for lang in LANGUAGES}

    def get(self, message: str, locale: str | None = None, /, **kwargs: Any) -> str:
        """Format ``message`` in ``locale``."""
        return text(self.get_locale(locale), message, **kwargs)


RUSSIAN_READERS = frozenset({"ru", "uk", "be", "kk", "uz", "ky", "tg", "az", "hy", "ka"})
"""Telegram languages of the former USSR whose users are served in Russian (with ro-MD)."""


def telegram_language(code: str | None, forced: str | None = None) -> str:
    """ru or en for a Telegram ``language_code``: ru and en as they are; any other language
    gets ``forced`` (DEFAULT_LANGUAGE) when set, else Russian for the languages of the
    former USSR and English for the rest."""
    tag = (code or "").replace("_", "-").lower()
    primary = tag.split("-")[0]
    if primary in ("ru", "en"):
        return primary
    if forced:
        return forced
    return "ru" if primary in RUSSIAN_READERS or tag == "ro-md" else "en"


class UserLanguageManager(BaseManager):
    """The chosen language from storage, else Telegram's language_code, else the default."""

    def __init__(self, storage: Storage, forced: str | None = None) -> None:
        super().__init__(default_locale=forced or "ru")
        self.storage = storage
        self.forced = forced

    async def get_locale(self, event: TelegramObject, **data: Any) -> str:
        """Language for the user behind ``event``."""
        user: User | None = data.get("event_from_user")
        default = self.default_locale or "ru"
        if user is None:
            return default
        stored = data.get("account") or await self.storage.users.get(user.id)
        if stored is not None and stored.language:
            return stored.language
        return telegram_language(user.language_code, self.forced)

    async def set_locale(self, locale: str, **data: Any) -> None:
        """Remember the user's choice (``/language``)."""
        user: User | None = data.get("event_from_user")
        if user is not None:
            await self.storage.users.ensure(user.id)
            await self.storage.users.set_language(user.id, locale)
