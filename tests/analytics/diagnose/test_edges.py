"""Each rule of the diagnosis just at and just past its threshold (issue 15): the lever that
counts as fallen, key accounts and whose rhythm, stopped acquisition and lead conversion,
the burn-in, the shape of the business, sufficiency, growth and the season."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from analytics.describe.customers import PreparedOrders, prepare_orders
from analytics.describe.rfm import SEGMENTS, by_own_rhythm
from analytics.describe.rhythm import lapsed
from analytics.diagnose.accounts import silent_accounts
from analytics.diagnose.acquisition import acquisition, lead_months
from analytics.diagnose.bridge import FACTORS, Bridge, Side
from analytics.diagnose.periods import choose_periods
from analytics.diagnose.series import Monthly, monthly
from analytics.diagnose.shape import business_shape
from analytics.diagnose.sufficiency import sufficiency
from analytics.diagnose.trend import trend

Row = tuple[str, str, float]


def table(rows: list[Row], status: list[str] | None = None, **extra: list[str]) -> pd.DataFrame:
    """An orders table of (customer, day, amount) rows."""
    frame = pd.DataFrame({
        "customer_key": pd.array([r[0] for r in rows], dtype="string"),
        "order_id": pd.array([f"o{i}" for i in range(len(rows))], dtype="string"),
        "order_date": pd.to_datetime([r[1] for r in rows]).astype("datetime64[ns]"),
        "amount": [r[2] for r in rows],
        "status": pd.array(status or ["valid"] * len(rows), dtype="string"),
    })
    for name, values in extra.items():
        frame[name] = pd.array(values, dtype="string")
    return frame


# --------------------------------------------------------------------- the bridge


def fell(retention_after: float, contribution: float) -> str | None:
    """Retention 0.5 -> ``retention_after`` taking ``contribution`` of revenue 1 000."""
    x0 = dict.fromkeys(FACTORS, 1.0) | {"retention": 0.5}
    x1 = dict.fromkeys(FACTORS, 1.0) | {"retention": retention_after}
    before, after = Side(x0, 0.0, 1000.0, 50), Side(x1, 0.0, 970.0, 45)
    return Bridge(before, after, {"retention": contribution}).largest_fall()


def test_a_lever_falls_with_three_per_cent_of_revenue_and_ten_per_cent_of_itself() -> None:
    assert fell(0.45, -30.0) == "retention"  # 3 % of 1 000, 0.5 -> 0.45 is -10 %
    assert fell(0.45, -29.9) is None  # under 3 % of revenue: noise
    assert fell(0.4501, -30.0) is None  # the lever itself fell under 10 %


# ------------------------------------------------- key accounts and whose rhythm


def test_lapsed_is_more_than_two_and_a_half_own_gaps() -> None:
    out = lapsed(np.array([75.0, 76.0, 1000.0]), np.array([30.0, 30.0, np.nan]))
    assert out.tolist() == [False, True, False]  # no rhythm under 3 purchase days


def test_own_rhythm_segments_at_their_edges() -> None:
    new, champions = SEGMENTS.index("new"), SEGMENTS.index("champions")
    segment = np.array([new, new, champions, champions, champions])
    f, m = np.array([1, 1, 4, 4, 5]), np.array([1, 1, 4, 3, 1])
    gone = np.array([False, False, True, True, True])
    recency = np.array([90.0, 91.0, 200.0, 200.0, 200.0])
    out = [SEGMENTS[s] for s in by_own_rhythm(segment, f, m, gone, recency)]
    # New for 90 days; a lapsed champion with F4 and M4 (or F5) is Can't lose, else At risk
    assert out == ["new", "about_to_sleep", "cant_lose", "at_risk", "cant_lose"]


AS_OF = date(2025, 1, 1)
STEADY = ("2024-12-01", "2024-12-11", "2024-12-21")
"""Every 10 days, last 11 days ago: not lapsed."""
GONE = ("2024-08-01", "2024-08-31", "2024-09-30")
"""Every 30 days, last 93 days ago (more than 2.5 x 30): lapsed."""


def base(n: int, gone: set[int]) -> PreparedOrders:
    """``n`` customers, customer i spending (n - i) x 1 000 per order (i = 0 the largest);
    those in ``gone`` buy on :data:`GONE` days, the others on :data:`STEADY` days."""
    rows = [(f"c{i:03d}", day, (n - i) * 1000.0)
            for i in range(n) for day in (GONE if i in gone else STEADY)]
    return prepare_orders(table(rows), as_of=AS_OF)


def silent_keys(prepared: PreparedOrders) -> list[str]:
    return [a.key for a in silent_accounts(prepared, None)[1]]


def test_the_largest_five_of_a_small_base_are_watched() -> None:
    # 10 customers: the top 20 % is 2, so the top 5 are watched; the 6th is not.
    assert silent_keys(base(10, {4, 5})) == ["c004"]


def test_the_top_twenty_per_cent_are_watched() -> None:
    # 30 customers: the top 20 % is 6 (more than 5); the 6th is watched, the 7th not.
    assert silent_keys(base(30, {5, 6})) == ["c005"]
    found = silent_accounts(base(30, {5}), None)[1][0]
    assert (found.revenue_12m, found.median_gap_days, found.silent_days) == (75_000, 30, 93)


def test_a_base_is_concentrated_under_300_customers_or_from_sixty_per_cent() -> None:
    rows = [(f"c{i:03d}", "2024-06-01", 100.0) for i in range(300)]
    full = prepare_orders(table(rows), as_of=AS_OF)
    assert silent_accounts(full, 0.6)[0] and not silent_accounts(full, 0.5999)[0]
    small = prepare_orders(table(rows[:299]), as_of=AS_OF)
    assert silent_accounts(small, 0.0)[0]


# ----------------------------------------------------------------- acquisition


def acquiring(new_in_last_6: int) -> str:
    """200 customers in January 2024, ``new_in_last_6`` more in February to July."""
    rows = [(f"b{i:03d}", "2024-01-10", 100.0) for i in range(200)]
    rows += [(f"n{i}", f"2024-0{3 + i}-10", 100.0) for i in range(new_in_last_6)]
    prepared = prepare_orders(table(rows), as_of=date(2024, 8, 1))
    series = monthly(prepared)
    assert series is not None and series.months == 7
    return acquisition(prepared, series).status


def test_acquisition_stops_under_one_per_cent_of_the_base_in_six_months() -> None:
    assert acquiring(2) == "acquiring"  # 2 of a base of 200 is 1 %
    assert acquiring(1) == "stopped"


def test_a_lead_converts_within_ninety_days() -> None:
    rows = [("l1", "2024-01-10", 0.0), ("l2", "2024-01-10", 0.0),
            ("l1", "2024-04-09", 500.0), ("l2", "2024-04-10", 500.0)]  # 90 and 91 days
    prepared = prepare_orders(table(rows, ["lead", "lead", "valid", "valid"]),
                              as_of=date(2024, 8, 1))
    (january,) = lead_months(prepared)
    assert (january.leads, january.converted, january.open) == (2, 1, False)


# --------------------------------------------------------------------- periods


def test_a_file_starts_with_the_business_under_a_quarter_of_its_next_months() -> None:
    later = np.full(21, 100.0)
    assert choose_periods(0, 23, np.r_[np.full(3, 24.0), later]).startup  # type: ignore[union-attr]
    assert not choose_periods(0, 23, np.r_[np.full(3, 25.0), later]).startup  # type: ignore[union-attr]


def test_the_burn_in_is_a_year_from_36_months() -> None:
    assert choose_periods(0, 35, np.full(36, 100.0)).burn_in == 12  # type: ignore[union-attr]
    assert choose_periods(0, 34, np.full(35, 100.0)).burn_in == 6  # type: ignore[union-attr]


# ----------------------------------------------------------------------- shape


def shape(amounts: list[float], names: list[str] | None = None,
          products: list[str] | None = None) -> str:
    rows = [(f"c{i}", "2024-05-10", a) for i, a in enumerate(amounts)]
    extra = {k: v for k, v in (("name", names), ("product", products)) if v is not None}
    return business_shape(prepare_orders(table(rows, **extra), as_of=AS_OF)).kind


DISTINCT = [float(100 + 7 * i) for i in range(10)]
"""10 orders at 10 prices: the 5 most common hold half of them."""
ONE_PAIR = [*DISTINCT[:9], DISTINCT[0]]
"""One price twice: the 5 most common hold 6 of 10 orders (60 %)."""


def test_b2b_from_thirty_per_cent_of_legal_names() -> None:
    def named(legal: int) -> list[str]:
        return [f"ООО Компания {i}" if i < legal else f"Иван {i}" for i in range(10)]

    assert shape(DISTINCT, named(3)) == "b2b"
    assert shape(DISTINCT, named(2)) == "retail"


def test_fixed_prices_from_sixty_per_cent_of_orders_at_five_prices() -> None:
    assert shape(ONE_PAIR) == "courses"  # no product column: fixed prices are enough
    assert shape(DISTINCT) == "retail"


def products(courses: int) -> list[str]:
    return ["Курс Python" if i < courses else "Кружка" for i in range(10)]


def test_courses_with_fixed_prices_from_thirty_per_cent_of_programmes() -> None:
    assert shape(ONE_PAIR, products=products(3)) == "courses"
    assert shape(ONE_PAIR, products=products(2)) == "retail"


def test_courses_without_fixed_prices_from_half_the_orders() -> None:
    assert shape(DISTINCT, products=products(5)) == "courses"
    assert shape(DISTINCT, products=products(4)) == "retail"


# ------------------------------------------------------------------ sufficiency


@pytest.mark.parametrize(("customers", "months", "level"), [
    (99, 24, "too_little"), (100, 5, "too_little"), (100, 6, "thin"), (299, 24, "thin"),
    (300, 11, "thin"), (300, 12, "enough"),
])
def test_sufficiency_levels_at_their_edges(customers: int, months: int, level: str) -> None:
    found = sufficiency(customers, months, 30, True)
    assert found.level == level
    assert ("money_estimates" in found.cannot) == (level == "too_little")


def test_what_cannot_be_concluded_at_the_edges() -> None:
    assert sufficiency(500, 36, 30, True).cannot == ("costs_and_margin",)
    assert sufficiency(500, 35, 29, False).cannot == (
        "season", "cohort_comparison", "costs_and_margin", "traffic")
    assert "year_on_year" in sufficiency(500, 23, 30, True).cannot
    assert "year_on_year" not in sufficiency(500, 24, 30, True).cannot


# ------------------------------------------------------------------- trend


JANUARY_2021 = (2021 - 1970) * 12


def series(revenue: list[float]) -> Monthly:
    """Monthly revenue from January 2021 (trend reads nothing else)."""
    values = np.array(revenue, dtype=np.float64)
    zero = np.zeros(len(values))
    return Monthly(JANUARY_2021, JANUARY_2021 + len(values) - 1, values, zero, zero, zero,
                   zero, zero, zero)


@pytest.mark.parametrize(("after", "direction"), [
    (105.5, "growing"), (104.5, "flat"), (95.5, "flat"), (94.5, "declining")])
def test_growth_is_flat_within_five_per_cent(after: float, direction: str) -> None:
    found = trend(series([100.0] * 12 + [after] * 12))
    assert found.basis == "last_12_vs_previous_12" and found.direction == direction


def december(times: float, months: int) -> list[float]:
    """100 a month, December ``times`` that."""
    return [100.0 * times if m % 12 == 11 else 100.0 for m in range(months)]


def test_a_peak_stands_fifteen_per_cent_over_the_trend() -> None:
    # The centred moving average counts December once in 12: a December 1.17x stands
    # 1.17 ** (11 / 12) = 1.155x over the trend (a peak), 1.16x stands 1.146x (none).
    found = trend(series(december(1.17, 48)))
    assert (found.season, found.peaks, found.troughs) == ("confirmed", (12,), ())
    assert trend(series(december(1.16, 48))).season == "none"


def test_a_season_is_confirmed_from_36_months() -> None:
    confirmed = trend(series(december(1.3, 36)))
    assert confirmed.season == "confirmed" and confirmed.factors[12] > 1.2
    possible = trend(series(december(1.3, 35)))
    assert (possible.season, possible.peaks, possible.factors) == ("possible", (12,), {})
    assert trend(series(december(1.3, 23))).season == "too_short"


# ----------------------------------------------------- the constraint when nothing fell


def test_a_lever_that_did_not_fall_is_measured_against_four_earlier_windows() -> None:
    """21 full months from January 2022, 10 new customers a month buying once at 100, at
    109 in July-September 2022. The last 3 months are compared with the same 3 a year
    earlier: the first check fell 8 % (under 10 %), so nothing fell. Back at its pooled
    level of the 4 earlier 3-month windows, (109 + 100 + 100 + 100) / 4 = 102.25, the
    first check would add 2.25 % of the window's 3 000: 67.50."""
    from analytics.diagnose import diagnose

    rows = [(f"c{m:02d}-{n}", f"{2022 + m // 12}-{m % 12 + 1:02d}-10",
             109.0 if 6 <= m <= 8 else 100.0) for m in range(21) for n in range(10)]
    found = diagnose(prepare_orders(table(rows), as_of=date(2023, 10, 1)))
    assert found.periods is not None and found.periods.mode == "same_months_last_year"
    assert found.bridge is not None and found.bridge.largest_fall() is None
    assert found.constraint is not None
    assert (found.constraint.factor, found.constraint.kind) == ("new_check", "potential")
    assert found.constraint.value == pytest.approx(3000 * (102.25 / 100 - 1))
