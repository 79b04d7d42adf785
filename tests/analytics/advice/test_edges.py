"""Each rule at its edge and each money figure against a hand computation (issue 15).

Reports are hand-built dicts holding only what a rule reads, so every number below is
written out: a threshold moved, a factor dropped or a comparison flipped fails here.
"""

from __future__ import annotations

from typing import Any

import pytest

from analytics.advice.findings import (
    Finding,
    acquisition_falling,
    active_base_shrinking,
    average_check_falling,
    constraint_finding,
    duplicate_contacts,
    early_cohort_churn,
    frequency_falling,
    key_accounts_silent,
    one_time_buyers_dominate,
    outperforming_group,
    revenue_concentrated,
    seasonality,
    stale_contacts,
    win_back_segments_large,
)
from analytics.advice.money import flow_discount
from analytics.advice.recommendations import Effect, recommend

Row = dict[str, Any]


def label(index: int) -> str:
    """``YYYY-MM`` of month ``index`` counted from January 2023."""
    year, month = divmod(index, 12)
    return f"{2023 + year}-{month + 1:02d}"


def months(key: str, **columns: list[float]) -> dict[str, Any]:
    """A ``{key: {"monthly": [...]}}`` section from equal-length columns, with a partial
    last month full of nonsense that every rule must ignore."""
    n = len(next(iter(columns.values())))
    rows: list[Row] = [{"month": label(i), **{k: v[i] for k, v in columns.items()}}
                       for i in range(n)]
    rows.append({"month": label(n), "partial": True, **dict.fromkeys(columns, 10_000.0)})
    return {key: {"monthly": rows}}


# ------------------------------------------------------------------- findings at edges


def shrinking(active_to: float, total_to: float = 570) -> dict[str, Any]:
    # Lookback: 6 complete months, from month -7 (active 100) to month -1.
    return months("lifecycle", active_base=[120, 100, 99, 98, 97, 96, 95, active_to],
                  total_base=[500, 500, 510, 520, 530, 540, 550, total_to],
                  churned=[0, 0, 5, 5, 5, 5, 5, 5], new=[0, 0, 15, 15, 15, 15, 15, 15],
                  churn_rate=[0, 0, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05])


def test_active_base_falls_fifteen_per_cent_from_six_months_ago() -> None:
    found = active_base_shrinking(shrinking(85))  # 100 -> 85: exactly -15 %
    assert found is not None and found.severity == "medium"
    assert (found.evidence["active_from"], found.evidence["active_to"]) == (100, 85)
    assert found.evidence["churned"] == 30 and found.evidence["new"] == 90
    assert active_base_shrinking(shrinking(86)) is None  # -14 %
    assert active_base_shrinking(shrinking(85, total_to=500)) is None  # the base did not grow


def test_active_base_fall_is_high_from_one_and_a_half_times_the_threshold() -> None:
    # 15 % x 1.5 = 22.5 %: 100 -> 77 is -23 %, 100 -> 78 is -22 %.
    assert active_base_shrinking(shrinking(77)).severity == "high"  # type: ignore[union-attr]
    assert active_base_shrinking(shrinking(78)).severity == "medium"  # type: ignore[union-attr]


def metrics(customers: int = 1000, **values: float) -> dict[str, Any]:
    return {"metrics": {"customers": customers, **values}}


def test_one_time_buyers_from_forty_per_cent() -> None:
    assert one_time_buyers_dominate(metrics(one_time_customers=399)) is None
    found = one_time_buyers_dominate(metrics(one_time_customers=400))
    assert found is not None and found.severity == "medium"
    # 40 % x 1.5 = 60 %
    assert one_time_buyers_dominate(
        metrics(one_time_customers=600)).severity == "high"  # type: ignore[union-attr]
    assert one_time_buyers_dominate(
        metrics(one_time_customers=599)).severity == "medium"  # type: ignore[union-attr]


def test_revenue_concentrated_from_sixty_per_cent() -> None:
    assert revenue_concentrated(metrics(top20_customers=200, top20_revenue_share=0.59)) is None
    found = revenue_concentrated(metrics(top20_customers=200, top20_revenue_share=0.6))
    assert found is not None and found.severity == "medium"
    assert revenue_concentrated(metrics(top20_customers=200, top20_revenue_share=0.9)
                                ).severity == "high"  # type: ignore[union-attr]


def win_back(share: float, recency: float, window: float = 90) -> dict[str, Any]:
    segs = [{"code": "at_risk", "customers": 100, "share": share, "revenue": 50_000.0,
             "revenue_share": 0.05, "avg_recency_days": recency},
            {"code": "cant_lose", "customers": 0, "share": 0.0, "revenue": 0.0,
             "revenue_share": 0.0, "avg_recency_days": 0.0}]
    return {"rfm": {"segments": segs}, "lifecycle": {"churn_window": {"days": window}}}


def test_win_back_from_ten_per_cent_and_only_past_the_churn_window() -> None:
    assert win_back_segments_large(win_back(0.0999, 91)) is None
    found = win_back_segments_large(win_back(0.1, 91))
    assert found is not None and found.severity == "medium"
    assert found.evidence["recency_days"] == 91
    assert win_back_segments_large(win_back(0.1, 90)) is None  # not past the window
    assert win_back_segments_large(win_back(0.15, 91)).severity == "high"  # type: ignore[union-attr]
    assert win_back_segments_large(win_back(0.14, 91)).severity == "medium"  # type: ignore[union-attr]


def cohorts(month1: float, gap: float) -> dict[str, Any]:
    return {"cohorts": {"average_retention": [1.0, month1, 0.2, 0.1], "cohorts": []},
            "lifecycle": {"churn_window": {"median_interval_days": gap}}}


def test_early_churn_under_a_quarter_with_a_gap_up_to_sixty_days() -> None:
    assert early_cohort_churn(cohorts(0.25, 30)) is None
    assert early_cohort_churn(cohorts(0.24, 30)).severity == "medium"  # type: ignore[union-attr]
    assert early_cohort_churn(cohorts(0.24, 60)) is not None
    assert early_cohort_churn(cohorts(0.24, 60.5)) is None  # a slow buying cycle


def test_early_churn_is_high_at_two_thirds_of_the_threshold() -> None:
    # "at most" thresholds: high when month 1 x 1.5 <= 25 %, i.e. month 1 <= 1/6.
    assert early_cohort_churn(cohorts(0.25 / 1.5, 30)).severity == "high"  # type: ignore[union-attr]
    assert early_cohort_churn(cohorts(0.17, 30)).severity == "medium"  # type: ignore[union-attr]


def checks(recent_revenue: list[float], recent_orders: list[float] | None = None,
           ) -> dict[str, Any]:
    """12 complete months: 5 orders at 1 000 a month, then the lookback as given."""
    orders = [5.0] * 6 + (recent_orders or [5.0] * 6)
    return months("metrics", orders=orders, revenue=[5000.0] * 6 + recent_revenue)


def test_average_check_falling_from_ten_per_cent_on_thirty_orders() -> None:
    found = average_check_falling(checks([4500.0] * 6))  # 1 000 -> 900: exactly -10 %
    assert found is not None and found.evidence["aov_recent"] == 900.0
    assert found.severity == "medium" and found.evidence["orders_recent"] == 30
    assert average_check_falling(checks([4505.0] * 6)) is None  # 1 000 -> 901: -9.9 %
    # 29 orders in the lookback (900 each): too few to trust an average check
    assert average_check_falling(checks([4500.0] * 5 + [3600.0], [5.0] * 5 + [4.0])) is None
    assert average_check_falling(checks([4250.0] * 6)).severity == "high"  # type: ignore[union-attr]


def test_average_check_must_also_fall_ten_per_cent_in_the_diagnosis_windows() -> None:
    def with_bridge(new_check: float) -> dict[str, Any]:
        bridge = {"before": {"new_check": 10.0, "returning_check": 10.0},
                  "after": {"new_check": new_check, "returning_check": 10.0}}
        return {**checks([4500.0] * 6), "diagnosis": {"bridge": bridge}}

    assert average_check_falling(with_bridge(9.0)) is not None  # 10 -> 9: exactly -10 %
    assert average_check_falling(with_bridge(9.01)) is None


def frequencies(recent_orders: float) -> dict[str, Any]:
    """Active base 5 every month; 10 orders a month, then ``recent_orders`` a month."""
    rep = months("metrics", orders=[10.0] * 6 + [recent_orders] * 6)
    rep.update(months("lifecycle", active_base=[5.0] * 12))
    return rep


def test_frequency_falling_from_ten_per_cent() -> None:
    found = frequency_falling(frequencies(9.0))  # 60 / 30 = 2.0 -> 54 / 30 = 1.8: -10 %
    assert found is not None and found.evidence["frequency_recent"] == 1.8
    assert found.evidence["active_base"] == 5 and found.severity == "medium"
    assert frequency_falling(frequencies(9.1)) is None  # -9 %
    assert frequency_falling(frequencies(9.2)) is None  # -8 %
    assert frequency_falling(frequencies(8.5)).severity == "high"  # type: ignore[union-attr]


def acquisition(n1: float, share: float = 0.3, status: str = "acquiring") -> dict[str, Any]:
    bridge = {"before": {"new_customers": 100.0}, "after": {"new_customers": n1},
              "contributions": [{"factor": "new_customers", "value": -1.0, "share": share}]}
    return {"diagnosis": {"bridge": bridge, "acquisition": {"status": status},
                          "periods": {"after": {"months": 3}}}}


def test_acquisition_falling_from_ten_per_cent_high_from_half_the_fall() -> None:
    assert acquisition_falling(acquisition(91)) is None
    found = acquisition_falling(acquisition(90))  # 100 -> 90: exactly -10 %
    assert found is not None and found.severity == "medium"
    assert found.evidence["change"] == 0.1 and found.evidence["months"] == 3
    assert acquisition_falling(acquisition(90, share=0.5)).severity == "high"  # type: ignore[union-attr]
    assert acquisition_falling(acquisition(90, share=0.49)).severity == "medium"  # type: ignore[union-attr]
    assert acquisition_falling(acquisition(85)).severity == "high"  # type: ignore[union-attr]
    assert acquisition_falling(acquisition(86)).severity == "medium"  # type: ignore[union-attr]
    stopped = acquisition_falling(acquisition(95, status="stopped"))
    assert stopped is not None and stopped.severity == "high"


def accounts(share: float, kind: str = "b2b") -> dict[str, Any]:
    silent = [{"key": "k1", "name": "ООО Альфа", "revenue_12m": 200_000.0,
               "revenue_share_12m": share}]
    return {"diagnosis": {"concentrated": True, "silent_accounts": silent,
                          "shape": {"kind": kind}, "constraint": {"factor": "new_check"}}}


def test_key_accounts_are_high_and_lead_from_twenty_per_cent() -> None:
    assert key_accounts_silent(accounts(0.2)).severity == "high"  # type: ignore[union-attr]
    assert key_accounts_silent(accounts(0.1999)).severity == "medium"  # type: ignore[union-attr]
    assert constraint_finding(accounts(0.2)) == "key_accounts_silent"
    assert constraint_finding(accounts(0.1999)) == "average_check_falling"
    assert constraint_finding(accounts(0.5, kind="retail")) == "average_check_falling"


def quality(customers: int = 1000, **values: float) -> dict[str, Any]:
    return {"data": {"customers": customers}, "quality": values}


def test_stale_and_duplicate_contacts_at_their_edges() -> None:
    assert stale_contacts(quality(stale_share=0.45)).severity == "high"  # type: ignore[union-attr]
    assert stale_contacts(quality(stale_share=0.44)).severity == "medium"  # type: ignore[union-attr]
    assert duplicate_contacts(quality(duplicate_customers=9)) is None
    found = duplicate_contacts(quality(duplicate_customers=10))  # 1 % of 1 000
    assert found is not None and found.evidence["share"] == 0.01


def seasons(year1: list[float], year2: list[float]) -> dict[str, Any]:
    return months("metrics", revenue=year1 + year2)


FLAT_YEAR = [100.0] * 12
"""Mean 100 a month: a month's revenue is its index in per cent."""


def test_season_peak_from_one_point_three_times_the_mean_in_both_years() -> None:
    def year(peak: float) -> list[float]:
        return [100.0] * 10 + [200.0 - peak, peak]  # November gives what December takes

    found = seasonality(seasons(year(130.0), year(150.0)))
    assert found is not None and found.evidence["peak_month"] == 12
    assert found.evidence["peak_index"] == 1.4 and found.evidence["peak_revenue"] == 140.0
    assert seasonality(seasons(year(129.0), year(150.0))) is None  # 1.29 in the first year


def test_season_peak_must_be_among_the_three_best_months_of_each_year() -> None:
    # Year 1: January 140, February 135, December 130 (third), March 50, April 45: mean 100.
    third = [140.0, 135.0, 50.0, 45.0] + [100.0] * 7 + [130.0]
    # Year 2: December 200, the other months 1 000 / 11.
    peak = [1000.0 / 11] * 11 + [200.0]
    found = seasonality(seasons(third, peak))
    assert found is not None and found.evidence["peak_month"] == 12
    fourth = [140.0, 135.0, 131.0] + [100.0] * 3 + [50.0, 14.0] + [100.0] * 3 + [130.0]
    assert sum(fourth) == 1200.0 and seasonality(seasons(fourth, peak)) is None


def groups(customers: int, revenue_per_customer: float) -> dict[str, Any]:
    group = {"kind": "value", "value": "vk", "customers": customers,
             "revenue_per_customer": revenue_per_customer, "repeat_rate": 0.5}
    return {"data": {"customers": 1000, "revenue": 1_000_000.0},
            "breakdowns": {"by": {"channel": {"groups": [group]}}}}


def test_outperforming_group_from_thirty_per_cent_more_and_thirty_customers() -> None:
    found = outperforming_group(groups(30, 1300.0))  # base 1 000 per customer
    assert found is not None and found.evidence["multiple"] == 1.3
    assert outperforming_group(groups(30, 1299.0)) is None
    assert outperforming_group(groups(29, 2000.0)) is None


# ------------------------------------------------------------------ money by hand

LIFECYCLE = months(
    "lifecycle",
    # 14 complete months: two old months that no 12-month mean may count, then 20 new
    # customers a month for 6 months and 40 for the last 6: a mean of 30 a month.
    new=[500.0, 500.0] + [20.0] * 6 + [40.0] * 6,
    # Customers who left the active base: the last 3 complete months 11 + 13 + 17 = 41.
    churned=[100.0] * 11 + [11.0, 13.0, 17.0],
)["lifecycle"]
NEW_PER_YEAR = 360
"""30 new customers a month x 12 months."""
DISCOUNT = 0.94
"""Money spread evenly over 12 months at 1 % a month: mean(1.01^-m, m = 1..12) = 0.9379,
printed (and multiplied) as 0.94."""


def money(code: str, evidence: dict[str, Any], **sections: Any) -> Effect:
    """The effect of the step answering finding ``code`` with ``evidence``, in a shop with
    an average check of 2 000 and :data:`LIFECYCLE`."""
    report = {"metrics": {"aov": 2000.0}, "lifecycle": LIFECYCLE, **sections}
    (rec,) = recommend(report, [Finding(code, "medium", "test", evidence)])
    assert rec.effect is not None
    return rec.effect


def test_the_discount_is_the_mean_of_twelve_monthly_factors() -> None:
    by_hand = sum(1.01 ** -m for m in range(1, 13)) / 12
    assert flow_discount(0.01) == pytest.approx(by_hand) == pytest.approx(0.93793, abs=1e-5)
    assert flow_discount(0.0) == 1.0 and round(flow_discount(0.01), 2) == DISCOUNT


def test_reactivate_the_churned_of_the_last_three_months() -> None:
    made = money("active_base_shrinking", {})
    # 41 churned x 10 % (no history: the default) x check 2 000 x 1 order x 0.94
    assert made.factors == {"customers": 41, "rate": 0.1, "check": 2000, "orders": 1,
                            "discount": DISCOUNT}
    assert made.value == pytest.approx(7708) and made.horizon_months == 12
    assert (made.low, made.high, made.rate_source) == (3854, 11562, "default")
    assert made.basis == "revenue" and made.cap == 41 * 2000 * DISCOUNT


def test_a_rate_observed_in_the_base_replaces_the_default() -> None:
    observed = {"rates": {"return": {"rate": 0.2456, "usable": True}}}
    made = money("active_base_shrinking", {}, history=observed)
    # 41 x 24.6 % (printed to a tenth of a per cent) x 2 000 x 1 x 0.94
    assert made.factors["rate"] == 0.246 and made.rate_source == "history"
    assert made.value == pytest.approx(41 * 0.246 * 2000 * DISCOUNT)
    thin = {"rates": {"return": {"rate": 0.2456, "usable": False}}}
    assert money("active_base_shrinking", {}, history=thin).rate_source == "default"


def test_onboarding_lifts_new_customers_of_a_year() -> None:
    made = money("early_cohort_churn", {})
    # 360 new customers a year x 5 points x check 2 000 x 1 order x 0.94
    assert made.factors["customers"] == NEW_PER_YEAR and made.factors["rate"] == 0.05
    assert made.value == pytest.approx(33_840) and made.rate_source == "assumption"


def test_raise_frequency_by_hand() -> None:
    ev = {"frequency_before": 2.0, "frequency_recent": 1.6, "active_base": 500}
    made = money("frequency_falling", ev)
    # 500 active x 0.4 orders a month lost x 12 months x half recovered x 2 000 x 0.94
    assert made.factors == {"customers": 500, "frequency_drop": 0.4, "months": 12,
                            "recovery": 0.5, "check": 2000, "discount": DISCOUNT}
    assert made.value == pytest.approx(2_256_000) and not made.capped


def test_a_step_on_active_customers_is_capped_at_half_their_year() -> None:
    ev = {"frequency_before": 2.0, "frequency_recent": 1.6, "active_base": 500}
    year = {"revenue_12m": {"champions": 2_000_000.0, "new": 1_000_000.0}}
    made = money("frequency_falling", ev, history=year)
    # half of the 3 000 000 they brought in 12 months, discounted alike: 1 410 000
    assert made.product == pytest.approx(2_256_000) and made.capped
    assert made.value == made.cap == made.high == 1_410_000
    assert made.low == 705_000 and made.cap_basis == "active_revenue_12m"


def test_raise_check_by_hand() -> None:
    ev = {"orders_recent": 600, "months": 6, "aov_before": 2000.0, "aov_recent": 1700.0}
    made = money("average_check_falling", ev)
    # 600 orders in 6 months = 1 200 a year x 300 lost x half recovered x 0.94
    assert made.factors == {"orders": 1200, "check_drop": 300, "recovery": 0.5,
                            "discount": DISCOUNT}
    assert made.value == pytest.approx(169_200)


@pytest.mark.parametrize(("peak", "ahead", "factor"), [(12, 6, 0.94), (7, 1, 0.99),
                                                       (6, 12, 0.89)])
def test_prepare_peak_is_discounted_to_the_next_peak_month(peak: int, ahead: int,
                                                           factor: float) -> None:
    # data to June 2025: December is 6 months ahead, July 1, June itself 12
    made = money("seasonality", {"peak_month": peak, "peak_revenue": 120_000.0},
                 data={"date_to": "2025-06-30"})
    assert round(1.01 ** -ahead, 2) == factor
    assert made.factors == {"revenue": 120_000, "lift": 0.1, "discount": factor}
    assert made.value == pytest.approx(120_000 * 0.1 * factor)


def test_double_down_by_hand() -> None:
    ev = {"dimension": "channel", "revenue_per_customer": 3000.0,
          "base_revenue_per_customer": 2000.0}
    made = money("outperforming_group", ev)
    # 360 new customers a year x 10 % steered x (3 000 - 2 000) more per customer x 0.94
    assert made.factors == {"customers": NEW_PER_YEAR, "rate": 0.1, "value": 1000,
                            "discount": DISCOUNT}
    assert made.value == pytest.approx(33_840)


@pytest.mark.parametrize(("months_in_window", "lost_per_year"), [(3, 108), (12, 27)])
def test_restart_acquisition_by_hand(months_in_window: int, lost_per_year: int) -> None:
    # 36 -> 9 new customers: 27 lost in the window, x 12 / months a year
    ev = {"new_before": 36, "new_recent": 9, "months": months_in_window}
    after = {"new_check": 1500.0, "orders_per_new": 1.2}
    made = money("acquisition_falling", ev, diagnosis={"bridge": {"after": after}})
    assert made.factors == {"customers": lost_per_year, "rate": 0.5, "check": 1500,
                            "orders": 1.2, "discount": DISCOUNT}
    assert made.value == pytest.approx(lost_per_year * 0.5 * 1500 * 1.2 * DISCOUNT)
    assert made.cap == round(lost_per_year * 1500 * 1.2 * DISCOUNT)  # the whole loss


def test_call_key_accounts_by_hand() -> None:
    made = money("key_accounts_silent", {"accounts": 2, "revenue_12m": 730_000.0})
    # 730 000 a year / 2 accounts = 365 000 each; half of 2 back for a year, x 0.94
    assert made.factors == {"customers": 2, "rate": 0.5, "revenue": 365_000,
                            "discount": DISCOUNT}
    assert made.value == pytest.approx(343_100) and made.cap == 686_200


CHAMPIONS = {"code": "champions", "customers": 40, "avg_frequency": 3.0, "revenue": 240_000.0}
"""40 Champions with 3 orders each, a check of 2 000."""


def test_protect_core_counts_the_period_with_both_ends() -> None:
    # 2024-01-01 .. 2024-03-30 is 31 + 29 + 30 = 90 days: 3 orders each in 90 days are
    # 3 x 365 / 90 = 12.17 a year; 40 x 25 % lapsing (default) x 10 % kept = 1 customer
    made = money("revenue_concentrated", {}, rfm={"segments": [CHAMPIONS]},
                 data={"date_from": "2024-01-01", "date_to": "2024-03-30"})
    assert made.factors == {"customers": 40, "leave_rate": 0.25, "kept": 0.1, "check": 2000,
                            "orders": 12.17, "discount": DISCOUNT}
    assert made.value == pytest.approx(40 * 0.25 * 0.1 * 2000 * 12.17 * DISCOUNT)


def test_protect_core_at_the_forecast_pace_and_the_observed_lapse_rate() -> None:
    clv = {"status": "ok", "segments": [{"code": "champions", "customers": 40,
                                         "purchases_365": 200.0}, {"code": "lost",
                                         "customers": 900, "purchases_365": 90.0}]}
    lapse = {"rates": {"lapse": {"rate": 0.5, "usable": True}}}
    made = money("revenue_concentrated", {}, rfm={"segments": [CHAMPIONS]}, clv=clv,
                 history=lapse, data={"date_from": "2024-01-01", "date_to": "2024-03-30"})
    # the forecast's 200 purchases of the 40 Champions: 5 a year, not their past 12.17
    assert made.factors["orders"] == 5 and made.factors["leave_rate"] == 0.5
    assert made.value == pytest.approx(40 * 0.5 * 0.1 * 2000 * 5 * DISCOUNT)
    assert made.rate_source == "history"
