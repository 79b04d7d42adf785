"""Middlewares: throttling (a burst is allowed, then one event per interval) and the user's
language."""

import pytest

from bot.middlewares.throttling import ThrottlingMiddleware


def test_token_bucket() -> None:
    throttle = ThrottlingMiddleware(interval=1.0, burst=3)
    assert [throttle.allow(1, now=0.0) for _ in range(4)] == [True, True, True, False]
    assert throttle.allow(2, now=0.0)  # other users are not affected
    assert not throttle.allow(1, now=0.5)
    assert throttle.allow(1, now=1.6)
    assert not throttle.allow(1, now=1.7)


def test_zero_interval_disables() -> None:
    throttle = ThrottlingMiddleware(interval=0)
    assert all(throttle.allow(1, now=0.0) for _ in range(100))


@pytest.mark.parametrize(("code", "forced", "lang"), [
    ("ru", None, "ru"), ("en-US", None, "en"), ("de", None, "en"), ("uk", None, "ru"),
    ("kk", None, "ru"), ("ro-MD", None, "ru"), ("ro", None, "en"), (None, None, "en"),
    ("de", "ru", "ru"), ("uk", "en", "en"), ("en", "ru", "en"), ("ru", "en", "ru"),
])
def test_a_users_language_from_telegram(code: str | None, forced: str | None,
                                        lang: str) -> None:
    """ru and en as they are; others get DEFAULT_LANGUAGE when set, else Russian for the
    languages of the former USSR and English for the rest."""
    from bot.i18n import telegram_language

    assert telegram_language(code, forced) == lang
