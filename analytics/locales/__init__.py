"""Locale texts for the CLI and the bot: Fluent (.ftl) files under ``analytics/locales``.

Analytics code returns codes and numbers; this module turns them into sentences. Every
``*.ftl`` file in ``locales/<lang>/`` is loaded, so each feature keeps its own file.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from fluent.runtime import FluentLocalization, FluentResourceLoader

LANGUAGES = ("ru", "en")
DEFAULT_LANGUAGE = "ru"
LOCALES_DIR = Path(__file__).parent


def normalise_language(lang: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """Map a language tag such as ``en-US`` to a supported language, else ``default``."""
    if lang:
        short = lang.split("-")[0].split("_")[0].lower()
        if short in LANGUAGES:
            return short
    return default


def ftl_files(directory: Path = LOCALES_DIR) -> list[str]:
    """Names of every Fluent file in the Russian (reference) locale folder."""
    return sorted(p.name for p in (directory / DEFAULT_LANGUAGE).glob("*.ftl"))


@cache
def localization(lang: str) -> FluentLocalization:
    """A Fluent localisation for ``lang`` falling back to Russian for missing keys."""
    lang = normalise_language(lang)
    loader = FluentResourceLoader(str(LOCALES_DIR / "{locale}"))
    chain = [lang] if lang == DEFAULT_LANGUAGE else [lang, DEFAULT_LANGUAGE]
    return FluentLocalization(chain, ftl_files(), loader)


@cache
def message_ids(lang: str) -> frozenset[str]:
    """The message ids of ``lang``'s own files (no fallback)."""
    from fluent.syntax import FluentParser, ast

    parser = FluentParser()
    ids: set[str] = set()
    for path in (LOCALES_DIR / normalise_language(lang)).glob("*.ftl"):
        resource = parser.parse(path.read_text(encoding="utf-8"))
        ids.update(e.id.name for e in resource.body if isinstance(e, ast.Message))
    return frozenset(ids)


def format_message(texts: FluentLocalization, key: str, args: dict[str, Any]) -> str:
    """``key`` formatted by ``texts`` (the key itself when no file has it)."""
    text: str = texts.format_value(key, args)
    # Fluent wraps placeables in Unicode isolation marks; plain terminals show them as noise.
    return text.replace("\u2068", "").replace("\u2069", "")


def t(lang: str, key: str, **args: Any) -> str:
    """The text for ``key`` in ``lang`` with Fluent arguments substituted."""
    return format_message(localization(lang), key, args)
