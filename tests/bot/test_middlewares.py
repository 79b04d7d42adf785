"""Throttling: a burst is allowed, then one event per interval."""

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
