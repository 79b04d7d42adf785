"""BG/NBD and Gamma-Gamma: published CDNOW values, sanity, simulation recovery, statuses."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import check_grad

from analytics.describe.customers import CustomerTable
from analytics.predict import clv

from .conftest import simulate_bgnbd

# Fader, Hardie & Lee (2005), CDNOW sample, weeks
FHL = {"r": 0.2426, "alpha": 4.414, "a": 0.7929, "b": 2.426}
FHL_LL = -9582.4
# lifetimes' documentation, CDNOW repeat buyers
GG = {"p": 6.249, "q": 3.745, "v": 15.45}


def rel(a: float, b: float) -> float:
    return abs(a - b) / abs(b)


# --- published values -------------------------------------------------------------------------


def test_bgnbd_matches_fader_hardie_lee(cdnow_summary: pd.DataFrame) -> None:
    d = cdnow_summary
    assert len(d) == 2357
    fit = clv.fit_bgnbd(d["frequency"], d["recency"], d["T"])
    assert fit.converged
    for name, expected in FHL.items():
        assert rel(fit.params[name], expected) < 0.005, (name, fit.params[name])
    assert rel(fit.log_likelihood, FHL_LL) < 0.005
    assert abs(fit.log_likelihood - FHL_LL) < 0.1


def test_bgnbd_paper_example_prediction(cdnow_summary: pd.DataFrame) -> None:
    # FHL 2005: x=2, t_x=30.43, T=38.86 -> 1.226 expected purchases in the next 39 weeks
    fit = clv.BgNbdFit(**FHL, log_likelihood=FHL_LL, converged=True, n=2357)
    e = clv.expected_purchases(fit, 39.0, [2], [30.43], [38.86])
    assert e[0] == pytest.approx(1.226, abs=0.002)


def test_gamma_gamma_matches_lifetimes(cdnow_transactions: pd.DataFrame) -> None:
    d = cdnow_transactions[cdnow_transactions["x"] > 0]
    assert len(d) == 946
    fit = clv.fit_gamma_gamma(d["x"], d["zbar"])
    assert fit.converged
    for name, expected in GG.items():
        assert rel(fit.params[name], expected) < 0.005, (name, fit.params[name])
    # one-time buyers are ignored by the fit
    all_rows = clv.fit_gamma_gamma(cdnow_transactions["x"], cdnow_transactions["zbar"])
    assert all_rows.n == 946
    assert all_rows.p == pytest.approx(fit.p, rel=1e-6)


def test_hyp2f1_euler_form_equals_textbook_form() -> None:
    from scipy.special import hyp2f1

    fit = clv.BgNbdFit(**FHL, log_likelihood=FHL_LL, converged=True, n=1)
    r, al, a, b = FHL["r"], FHL["alpha"], FHL["a"], FHL["b"]
    x = np.array([0.0, 1, 3, 10])
    T = np.array([38.0, 20, 30, 38])
    t = 52.0
    z = t / (al + T + t)
    raw = (
        (a + b + x - 1)
        / (a - 1)
        * (1 - ((al + T) / (al + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z))
    )
    np.testing.assert_allclose(clv._purchases_given_alive(fit, x, T, t), raw, rtol=1e-9)


def test_analytic_gradients() -> None:
    rng = np.random.default_rng(3)
    x, t_x, T = simulate_bgnbd(500, (0.5, 10.0, 0.8, 2.5), rng.uniform(20, 60, 500), seed=3)
    args = (clv._bg_data(x, t_x, T),)
    theta = np.log([0.4, 8.0, 0.9, 2.0])
    err = check_grad(
        lambda th: clv._bgnbd_objective(th, *args)[0],
        lambda th: clv._bgnbd_objective(th, *args)[1],
        theta,
    )
    assert err < 1e-5
    # the compressed objective equals the plain per-customer likelihood (with duplicates)
    xi, ti, Ti = np.floor(x), np.floor(t_x), np.ceil(T)
    ti = np.where(xi > 0, ti, 0.0)
    value = clv._bgnbd_objective(theta, clv._bg_data(xi, ti, Ti))[0]
    plain = clv.bgnbd_loglik(tuple(np.exp(theta)), xi, ti, Ti).sum()
    assert -value * 500 == pytest.approx(plain, rel=1e-12)
    z = rng.gamma(5.0, 4.0, 500)
    xs = np.maximum(x, 1)
    gargs = (clv._gg_data(xs, z),)
    gth = np.log([3.0, 4.0, 10.0])
    err = check_grad(
        lambda th: clv._gg_objective(th, *gargs)[0],
        lambda th: clv._gg_objective(th, *gargs)[1],
        gth,
    )
    assert err < 1e-5


# --- sanity ------------------------------------------------------------------------------------


def test_p_alive_is_one_without_repeat_purchases() -> None:
    fit = clv.BgNbdFit(**FHL, log_likelihood=FHL_LL, converged=True, n=1)
    pa = clv.p_alive(fit, [0, 0, 0], [0, 0, 0], [1.0, 20.0, 300.0])
    np.testing.assert_array_equal(pa, 1.0)


def test_more_recent_buyer_is_more_alive() -> None:
    fit = clv.BgNbdFit(**FHL, log_likelihood=FHL_LL, converged=True, n=1)
    t_x = np.linspace(1.0, 38.0, 20)
    pa = clv.p_alive(fit, np.full(20, 3.0), t_x, np.full(20, 38.0))
    assert np.all(np.diff(pa) > 0)
    assert np.all((pa > 0) & (pa <= 1))
    e = clv.expected_purchases(fit, 52.0, np.full(20, 3.0), t_x, np.full(20, 38.0))
    assert np.all(np.diff(e) > 0)
    # more purchases (same recency) -> more expected purchases
    e2 = clv.expected_purchases(
        fit, 52.0, [1.0, 2.0, 5.0, 10.0], np.full(4, 35.0), np.full(4, 38.0)
    )
    assert np.all(np.diff(e2) > 0)
    # expected purchases grow with the horizon
    hs = [clv.expected_purchases(fit, h, [2], [30], [38])[0] for h in (1, 10, 50, 200)]
    assert np.all(np.diff(hs) > 0)


def test_extreme_values_stay_finite() -> None:
    fit = clv.BgNbdFit(r=0.05, alpha=0.5, a=20.0, b=400.0, log_likelihood=0.0, converged=True, n=1)
    x = np.array([0.0, 1, 50, 500, 2000])
    T = np.array([1.0, 700, 700, 700, 700])
    t_x = np.array([0.0, 1, 10, 699, 700])
    pa = clv.p_alive(fit, x, t_x, T)
    e = clv.expected_purchases(fit, 365.0, x, t_x, T)
    assert np.all(np.isfinite(pa)) and np.all(np.isfinite(e)) and np.all(e >= 0)
    ll = clv.bgnbd_loglik((0.05, 0.5, 20.0, 400.0), x, t_x, T)
    assert np.all(np.isfinite(ll))


def test_clv_discounting() -> None:
    bg = clv.BgNbdFit(**FHL, log_likelihood=FHL_LL, converged=True, n=1)
    gg = clv.GammaGammaFit(**GG, log_likelihood=0.0, converged=True, n=1)
    args = ([2.0, 0.0], [30.0, 0.0], [38.0, 38.0], [20.0, np.nan])
    n0, v0 = clv.clv(
        bg,
        gg,
        *args[:3],
        mean_value=args[3],
        horizon_days=365,
        discount_monthly=0.0,
        time_unit_days=7,
    )
    n1, v1 = clv.clv(
        bg,
        gg,
        *args[:3],
        mean_value=args[3],
        horizon_days=365,
        discount_monthly=0.01,
        time_unit_days=7,
    )
    np.testing.assert_allclose(n0, n1)
    spend = clv.expected_spend(gg, [2.0, 0.0], [20.0, np.nan])
    np.testing.assert_allclose(v0, n0 * spend)  # no discount: purchases x spend
    assert np.all(v1 < v0) and np.all(v1 > 0.9 * v0)
    assert spend[1] == pytest.approx(gg.mean_spend)
    np.testing.assert_allclose(clv.step_ends(90), [365.25 / 12, 2 * 365.25 / 12, 90])
    assert clv.step_ends(365).size == 12


# --- simulation --------------------------------------------------------------------------------


def test_simulated_population_recovers_parameters() -> None:
    n = 20_000
    true = {"r": 0.5, "alpha": 20.0, "a": 0.7, "b": 3.0}
    rng = np.random.default_rng(11)
    T = rng.uniform(100, 700, n)
    x, t_x, T = simulate_bgnbd(n, (true["r"], true["alpha"], true["a"], true["b"]), T, seed=11)
    fit = clv.fit_bgnbd(x, t_x, T)
    assert fit.converged
    assert fit.r == pytest.approx(true["r"], rel=0.15)
    assert fit.alpha == pytest.approx(true["alpha"], rel=0.2)
    assert fit.a == pytest.approx(true["a"], rel=0.3)
    assert fit.b == pytest.approx(true["b"], rel=0.4)


def test_large_skewed_base_converges() -> None:
    n = 200_000
    rng = np.random.default_rng(5)
    T = rng.exponential(250, n) + 1.0  # skewed ages: many new customers
    x, t_x, T = simulate_bgnbd(n, (0.1, 30.0, 0.4, 5.0), T, seed=5)  # heavy-tailed rates
    fit = clv.fit_bgnbd(x, t_x, T)
    assert fit.converged, fit.message
    assert fit.r == pytest.approx(0.1, rel=0.2)


def test_100k_fit_and_predictions_are_finite() -> None:
    """Timing lives in bench/bench_clv.py; here: both fits converge, predictions finite."""
    n = 100_000
    rng = np.random.default_rng(9)
    T = np.floor(rng.uniform(1, 730, n))
    x, t_x, T = simulate_bgnbd(n, (0.3, 15.0, 0.8, 3.0), T, seed=9)
    t_x = np.floor(t_x)
    m = rng.gamma(4.0, 10.0, n)
    bg = clv.fit_bgnbd(x, t_x, T)
    gg = clv.fit_gamma_gamma(x, m)
    assert bg.converged and gg.converged
    for h in clv.HORIZONS_DAYS:
        values = clv.clv(bg, gg, x, t_x, T, mean_value=m, horizon_days=h)
        assert np.isfinite(np.asarray(values, dtype=float)).all()


# --- run_clv on a customer table ---------------------------------------------------------------


def _table(
    x: np.ndarray, t_x: np.ndarray, T: np.ndarray, as_of: date, seed: int = 0
) -> CustomerTable:
    rng = np.random.default_rng(seed)
    ref = pd.Timestamp(as_of)
    first = ref - pd.to_timedelta(np.round(T).astype(int), unit="D")
    last = first + pd.to_timedelta(np.round(t_x).astype(int), unit="D")
    freq = x.astype(int) + 1
    monetary = rng.gamma(5.0, 8.0, x.size) * freq
    frame = pd.DataFrame(
        {
            "customer_key": [f"c{i}" for i in range(x.size)],
            "first_purchase": first,
            "last_purchase": last,
            "frequency": freq,
            "purchase_days": freq,
            "monetary": monetary,
        }
    )
    return CustomerTable(frame=frame, as_of=as_of, source="transactions")


def test_run_clv_ok() -> None:
    n = 5000
    as_of = date(2024, 1, 1)
    rng = np.random.default_rng(21)
    T = rng.uniform(30, 700, n).round()
    x, t_x, T = simulate_bgnbd(n, (0.4, 20.0, 0.8, 3.0), T, seed=21)
    table = _table(x, np.minimum(t_x, T), T, as_of)
    rfm = clv.rfm_summary(table)
    assert list(rfm.columns) == ["x", "t_x", "T", "monetary_value"]
    np.testing.assert_allclose(rfm["x"], x)
    res = clv.run_clv(table, discount_monthly=0.01)
    assert res.status == "ok" and res.ok
    d = res.to_dict()
    assert d["status"] == "ok" and d["horizons_days"] == [90, 365]
    assert d["bgnbd"]["converged"] and d["gamma_gamma"]["converged"]
    assert res.total_purchases is not None and res.total_value is not None
    assert 0 < res.total_purchases[90] < res.total_purchases[365]
    assert 0 < res.total_value[90] < res.total_value[365]
    f = res.frame()
    assert len(f) == n
    assert list(f.columns) == [
        "p_alive",
        "expected_spend",
        "purchases_90d",
        "value_90d",
        "purchases_365d",
        "value_365d",
    ]
    assert f["value_365d"].sum() == pytest.approx(res.total_value[365])
    assert (f.loc[rfm["x"] == 0, "p_alive"] == 1).all()
    import json

    json.dumps(d)


def test_run_clv_skips_rows_with_missing_dates() -> None:
    n = 2000
    as_of = date(2024, 1, 1)
    T = np.random.default_rng(1).uniform(100, 700, n).round()
    x, t_x, T = simulate_bgnbd(n, (0.4, 20.0, 0.8, 3.0), T, seed=1)
    table = _table(x, t_x, T, as_of)
    table.frame.loc[[0, 5], "first_purchase"] = pd.NaT
    res = clv.run_clv(table)
    assert res.status == "ok"
    assert res.n_customers == n - 2
    assert 0 not in set(res.frame().index)


def test_status_too_short_period() -> None:
    n = 2000
    T = np.random.default_rng(2).uniform(1, 40, n).round() + 1
    x, t_x, T = simulate_bgnbd(n, (2.0, 5.0, 0.8, 3.0), T, seed=2)
    res = clv.run_clv(_table(x, t_x, T, date(2024, 1, 1)))
    assert res.status == "too_short_period"
    assert res.total_value is None and res.frame().empty
    assert res.to_dict()["total_value"] is None


def test_status_too_few_repeat_buyers() -> None:
    n = 500
    T = np.full(n, 400.0)
    x = np.zeros(n)
    x[:10] = 1
    t_x = np.where(x > 0, 100.0, 0.0)
    res = clv.run_clv(_table(x, t_x, T, date(2024, 1, 1)))
    assert res.status == "too_few_repeat_buyers"
    assert res.bgnbd is None and res.p_alive is None
    empty = _table(np.zeros(0), np.zeros(0), np.zeros(0), date(2024, 1, 1))
    assert clv.run_clv(empty).status == "too_short_period"


def test_status_did_not_converge_on_unidentified_data() -> None:
    # everyone buys at a perfectly regular rate and nobody ever stops: a, b are not identified
    n = 400
    T = np.full(n, 365.0)
    x = np.full(n, 12.0)
    t_x = np.full(n, 364.0)
    res = clv.run_clv(_table(x, t_x, T, date(2024, 1, 1)))
    assert res.status == "did_not_converge"
    assert res.total_value is None


def test_time_unit_invariance(cdnow_summary: pd.DataFrame) -> None:
    d = cdnow_summary
    weeks = clv.fit_bgnbd(d["frequency"], d["recency"], d["T"])
    days = clv.fit_bgnbd(d["frequency"], d["recency"] * 7, d["T"] * 7)
    assert days.alpha == pytest.approx(weeks.alpha * 7, rel=1e-4)
    for name in ("r", "a", "b"):
        assert days.params[name] == pytest.approx(weeks.params[name], rel=1e-4)
    gg = clv.GammaGammaFit(**GG, log_likelihood=0.0, converged=True, n=1)
    args = ([2.0, 5.0], [30.43, 20.0], [38.86, 38.86])
    n_w, v_w = clv.clv(
        weeks, gg, *args, mean_value=[20.0, 30.0], horizon_days=365, time_unit_days=7
    )
    days_args = ([2.0, 5.0], [30.43 * 7, 140.0], [38.86 * 7, 38.86 * 7])
    n_d, v_d = clv.clv(days, gg, *days_args, mean_value=[20.0, 30.0], horizon_days=365)
    np.testing.assert_allclose(n_w, n_d, rtol=1e-3)
    np.testing.assert_allclose(v_w, v_d, rtol=1e-3)


def test_p_alive_of_repeat_and_one_time_buyers_apart() -> None:
    """One-time buyers are alive by the model's construction; their mean is reported apart
    from the repeat buyers' so that the average of both does not mislead."""
    rng = np.random.default_rng(5)
    n = 2000
    # FHL's CDNOW parameters are per week: the same base in days
    days = (FHL["r"], FHL["alpha"] * 7, FHL["a"], FHL["b"])
    x, t_x, T = simulate_bgnbd(n, days, rng.uniform(200, 700, n), seed=5)
    frame = pd.DataFrame({
        "first_purchase": pd.Timestamp("2024-01-01") + pd.to_timedelta(700 - T, unit="D"),
        "purchase_days": x + 1,
        "frequency": x + 1,
        "monetary": (x + 1) * rng.uniform(50, 150, n),
    })
    frame["last_purchase"] = frame["first_purchase"] + pd.to_timedelta(t_x, unit="D")
    result = clv.run_clv(frame, as_of=date(2025, 12, 1))
    assert result.ok and result.p_alive is not None
    out = result.to_dict()
    repeat = x > 0
    assert out["p_alive_mean_one_time"] == 1.0
    assert out["p_alive_mean_repeat"] == pytest.approx(result.p_alive[repeat].mean(), abs=1e-4)
    assert out["p_alive_mean_repeat"] < out["p_alive_mean"]


def test_gamma_gamma_on_its_standard_input_matches_lifetimes_on_full_cdnow() -> None:
    """The whole CDNOW master file through the audit's own customer table: purchases counted
    as purchase days, the spend per repeat purchase day with the first day excluded. lifetimes'
    standard pipeline (summary_data_from_transaction_data, GammaGammaFitter) on the same
    file, observation end 1998-06-30, gives p 5.09, q 4.00, v 21.25."""
    from pathlib import Path

    from analytics.describe.customers import prepare_orders

    master = Path(__file__).parents[2] / "fixtures" / "cdnow" / "CDNOW_master.txt"
    raw = pd.read_csv(master, sep=r"\s+", dtype={"customer_id": str, "date": str})
    orders = pd.DataFrame({
        "customer_key": pd.array(raw["customer_id"], dtype="string"),
        "order_id": pd.array([f"o{i}" for i in range(len(raw))], dtype="string"),
        "order_date": pd.to_datetime(raw["date"], format="%Y%m%d"),
        "amount": raw["dollar_value"].astype(float),
        "status": pd.array(["valid"] * len(raw), dtype="string"),
    })
    summary = clv.rfm_summary(prepare_orders(orders, as_of=date(1998, 7, 1)).customers)
    fit = clv.fit_gamma_gamma(summary["x"].to_numpy(), summary["monetary_value"].to_numpy())
    for name, expected in {"p": 5.09, "q": 4.00, "v": 21.25}.items():
        assert rel(fit.params[name], expected) < 0.02, (name, fit.params[name])
    # the mean of all purchases (the first included) is not Gamma-Gamma's input: v drifts
    first_included = clv.fit_gamma_gamma(
        summary["x"].to_numpy(),
        (prepare_orders(orders, as_of=date(1998, 7, 1)).customers.frame["avg_check"]).to_numpy())
    assert rel(first_included.params["v"], 21.25) > 0.02


@pytest.mark.parametrize("months", [1, 3, 12])
def test_discounting_follows_the_formula_month_by_month(months: int) -> None:
    """Each month's expected purchases are worth spend / (1 + d)^(month end / month): a
    discount factor of another form (per day, simple interest, the start of the month)
    fails here at 1, 3 or 12 months."""
    bg = clv.BgNbdFit(**FHL, log_likelihood=FHL_LL, converged=True, n=1)
    gg = clv.GammaGammaFit(**GG, log_likelihood=0.0, converged=True, n=1)
    x, t_x, T, value_seen = [3.0], [200.0], [300.0], [40.0]
    d, month = 0.01, 365.25 / 12
    horizon = months * month
    _, value = clv.clv(bg, gg, x, t_x, T, mean_value=value_seen, horizon_days=horizon,
                       discount_monthly=d)
    spend = float(clv.expected_spend(gg, x, value_seen)[0])
    expected, before = 0.0, 0.0
    for k in range(1, months + 1):
        so_far = float(clv.expected_purchases(bg, k * month, x, t_x, T)[0])
        expected += (so_far - before) * spend / (1 + d) ** k
        before = so_far
    assert value[0] == pytest.approx(expected, rel=1e-9)


def test_a_fit_that_cannot_forecast_is_not_ok() -> None:
    """A base where everyone keeps buying (no drop-out to speak of) drives BG/NBD's a and b
    to huge values whose forecast is not finite: that is no forecast, not a forecast of
    nothing (the summary would say "about 0 purchases")."""
    from analytics.describe.customers import prepare_orders
    from tests.analytics.diagnose.stories import Story, end_of, flat, simulate, step

    story = Story(months=30, new=flat(60), buy=flat(0.25), orders=step(2.4, 1.2, 18),
                  check=step(2000, 2800, 18))
    table = prepare_orders(simulate(story), as_of=end_of(story)).customers
    result = clv.run_clv(table)
    assert result.status == "did_not_converge" and result.total_purchases is None
    assert result.bgnbd is not None and result.bgnbd.a > 1e4  # the degenerate fit, kept
