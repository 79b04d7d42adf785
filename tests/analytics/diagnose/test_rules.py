"""Each rule of the diagnosis at its edge: a moved threshold must fail here."""

from __future__ import annotations

import numpy as np
import pytest

from analytics.diagnose.breaks import Break, find_break, linked
from analytics.diagnose.periods import choose_periods
from analytics.diagnose.trend import centred_moving_average


def level(before: float, after: float, split: int = 8, n: int = 16) -> np.ndarray:
    """A step series with a small alternating wiggle (noise 2 per month)."""
    wiggle = np.where(np.arange(n) % 2, 1.0, -1.0)
    return np.where(np.arange(n) < split, before, after) + wiggle


def test_a_step_of_twenty_per_cent_is_a_break_and_just_under_is_not() -> None:
    found = find_break("new", level(100, 80), first=600)
    assert found is not None and found.month == 608 and found.change == pytest.approx(-0.2)
    assert find_break("new", level(100, 80.5), first=600) is None


def test_a_shift_within_twice_the_noise_is_not_a_break() -> None:
    assert find_break("check", level(10, 5.9), first=600) is not None  # noise 2, shift 4.1
    assert find_break("check", level(10, 6.1), first=600) is None  # shift 3.9 < 2 x noise
    noisy = level(10, 5.9) + np.where(np.arange(16) % 2, 2.5, -2.5)  # noise 7
    assert find_break("check", noisy, first=600) is None


def test_each_side_needs_three_months() -> None:
    assert find_break("new", level(100, 50, split=3, n=9), first=0) is not None
    assert find_break("new", level(100, 50, split=2, n=9), first=0).month != 2  # type: ignore[union-attr]
    assert find_break("new", level(100, 50, split=3, n=5), first=0) is None  # too short


def test_a_steady_trend_is_not_a_break() -> None:
    assert find_break("new", 100 * 1.07 ** np.arange(24), first=0) is None


def test_check_up_and_frequency_down_together_is_a_price_change() -> None:
    up, down = Break("check", 610, 100, 140), Break("frequency", 611, 2.0, 1.0)
    assert linked([up, down]) == ["price_change"]
    assert linked([up, Break("frequency", 613, 2.0, 1.0)]) == []  # two months apart
    assert linked([Break("new", 610, 100, 30)]) == ["acquisition"]
    assert linked([Break("new", 610, 100, 30), Break("returning", 610, 50, 20)]) == []


@pytest.mark.parametrize(("months", "mode", "width", "burn_in"), [
    (42, "year_on_year", 12, 12), (30, "year_on_year", 12, 6), (29, "same_months_last_year", 3, 6),
    (21, "same_months_last_year", 3, 6), (20, "consecutive", 3, 6), (8, "consecutive", 1, 6),
])
def test_periods_by_length(months: int, mode: str, width: int, burn_in: int) -> None:
    found = choose_periods(0, months - 1, np.full(months, 100.0))
    assert found is not None
    assert (found.mode, found.after.months, found.burn_in) == (mode, width, burn_in)
    assert found.after.last == months - 1
    if mode != "consecutive":
        assert found.before.first == found.after.first - 12
    else:
        assert found.before.last == found.after.first - 1


def test_a_file_that_starts_with_the_business_needs_no_burn_in() -> None:
    revenue = np.r_[[5.0, 10.0, 20.0], np.full(21, 100.0)]
    found = choose_periods(0, 23, revenue)
    assert found is not None and found.startup and found.burn_in == 0
    assert found.mode == "year_on_year"
    tiny_but_not_enough = np.r_[[30.0, 30.0, 30.0], np.full(21, 100.0)]
    assert not choose_periods(0, 23, tiny_but_not_enough).startup  # type: ignore[union-attr]


def test_centred_moving_average_of_a_constant_is_the_constant() -> None:
    out = centred_moving_average(np.full(30, 4.0))
    assert np.isnan(out[:6]).all() and np.isnan(out[-6:]).all()
    assert out[6:-6] == pytest.approx(4.0)
