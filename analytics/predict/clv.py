"""Customer lifetime value: BG/NBD (purchases, P(alive)) and Gamma-Gamma (spend per purchase).

Both models are fitted by maximum likelihood with the likelihoods written here (``lifetimes``
is unmaintained): the parameters are optimised in log space with
:func:`scipy.optimize.minimize` (L-BFGS-B with analytic gradients; Nelder-Mead then an
L-BFGS-B polish as a fallback), everything vectorised over customers and evaluated with
``gammaln``/``betaln``/``log1p``/``logaddexp`` so that large or skewed bases neither overflow
nor underflow.

Data per customer (the "RFM summary", see :func:`rfm_summary`):

* ``x``   number of *repeat* purchases (purchase days after the first one),
* ``t_x`` recency: time of the last purchase, measured from the first one,
* ``T``   age: time from the first purchase to the end of observation (``as_of``),
* ``monetary_value`` mean value of a repeat purchase.

The fitting and prediction functions are unit-agnostic (``alpha`` is in the unit of ``t_x``
and ``T``; the CDNOW reference values are in weeks). :func:`rfm_summary` and
:func:`run_clv` use **days**.

BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way: an alternative to
the Pareto/NBD model", Marketing Science 24(2)):
while alive a customer buys as a Poisson process with rate ``lambda ~ Gamma(r, alpha)``;
after every purchase she drops out with probability ``p ~ Beta(a, b)``. The likelihood of
one customer is::

    L = B(a, b+x)/B(a, b) * G(r+x) alpha^r / (G(r) (alpha+T)^(r+x))
      + [x>0] B(a+1, b+x-1)/B(a, b) * G(r+x) alpha^r / (G(r) (alpha+t_x)^(r+x))

so ``log L = gammaln(r+x) - gammaln(r) + r log(alpha) + betaln(a, b+x) - betaln(a, b)
+ logaddexp(-(r+x) log(alpha+T), [x>0] (log a - log(b+x-1) - (r+x) log(alpha+t_x)))``.

Probability of being alive at ``T``::

    P(alive | x, t_x, T) = 1 / (1 + [x>0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))

Expected purchases in ``(T, T+t]`` (FHL 2005, eq. 10)::

    E[Y(t) | x, t_x, T] = (a+b+x-1)/(a-1)
        * [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)] * P(alive),
    z = t / (alpha+T+t)

evaluated after Euler's transformation ``2F1(A, B; C; z) = (1-z)^(C-A-B) 2F1(C-A, C-B; C; z)``,
which turns the bracket into ``1 - (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z)``: no large
powers, no divergent hypergeometric series (``scipy.special.hyp2f1``).

Gamma-Gamma (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves for customer
base analysis", JMR 42(4); Fader & Hardie 2013, "The Gamma-Gamma model of monetary value"):
the value of each purchase is ``Gamma(p, nu)``, ``nu ~ Gamma(q, gamma)``. For the mean
``zbar`` of ``x`` purchases::

    log f = gammaln(px+q) - gammaln(px) - gammaln(q) + q log(gamma) + (px-1) log(zbar)
            + px log(x) - (px+q) log(gamma + x zbar)

    E[Z | x, zbar] = p (gamma + x zbar) / (px + q - 1)       (requires q > 1)

Customer value over a horizon ``H`` (days), discounted at a monthly rate ``d``: the horizon
is cut into months of ``365.25/12`` days (the last one partial), the expected purchases of
each step (the increment of ``E[Y(t)]``) are multiplied by the expected spend and discounted
by ``(1+d)^(t_k / month)`` where ``t_k`` is the end of the step (end-of-period convention)::

    CLV(H) = sum_k (E[Y(t_k)] - E[Y(t_{k-1})]) * E[Z] / (1+d)^(t_k/month)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy.optimize import minimize
from scipy.special import betaln, digamma, gammaln, hyp2f1
from threadpoolctl import ThreadpoolController

from analytics.describe.customers import CustomerTable, rnd

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IndexArray = npt.NDArray[np.intp]

Status = Literal["ok", "too_few_repeat_buyers", "too_short_period", "did_not_converge"]

MONTH_DAYS = 365.25 / 12
HORIZONS_DAYS: tuple[int, int] = (90, 365)
UNSCORED = "unscored"  # segment code of customers without an RFM segment
MIN_REPEAT_BUYERS = 30
MIN_PERIOD_DAYS = 90
_LOG_BOUND = 18.0  # parameters are kept within exp(+-18) ~ [1.5e-8, 6.6e7]
_CAP = math.exp(_LOG_BOUND)
#: The BLAS pools numpy and scipy loaded, found once. Fits and predictions run them on one
#: thread (``with THREADS.limit(limits=1)``, ~30 us): audits run in a process pool, and on a
#: busy 2-core machine spin-waiting BLAS threads doubled the time of a 100k-customer fit.
THREADS = ThreadpoolController()

# ---------------------------------------------------------------------------------------------
# fits


@dataclass(frozen=True)
class BgNbdFit:
    """A fitted BG/NBD model. ``alpha`` is in the time unit of the data it was fitted on."""

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float
    converged: bool
    n: int
    message: str = ""

    @property
    def params(self) -> dict[str, float]:
        """The parameters by name."""
        return {"r": self.r, "alpha": self.alpha, "a": self.a, "b": self.b}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary."""
        return _fit_summary("BG/NBD", self.params, self.log_likelihood, self.converged, self.n)


@dataclass(frozen=True)
class GammaGammaFit:
    """A fitted Gamma-Gamma spend model (``v`` is the scale ``gamma`` of the papers)."""

    p: float
    q: float
    v: float
    log_likelihood: float
    converged: bool
    n: int
    message: str = ""

    @property
    def params(self) -> dict[str, float]:
        """The parameters by name."""
        return {"p": self.p, "q": self.q, "v": self.v}

    @property
    def mean_spend(self) -> float:
        """Population mean spend per purchase ``p v / (q - 1)`` (``inf`` when ``q <= 1``)."""
        return self.p * self.v / (self.q - 1.0) if self.q > 1.0 else math.inf

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary."""
        return _fit_summary("Gamma-Gamma", self.params, self.log_likelihood, self.converged, self.n)


def _fit_summary(
    model: str, params: dict[str, float], log_likelihood: float, converged: bool, n: int
) -> dict[str, Any]:
    """The JSON summary shared by both fitted models."""
    return {
        "model": model,
        "params": {k: rnd(v, 6) for k, v in params.items()},
        "log_likelihood": rnd(log_likelihood, 4),
        "converged": converged,
        "n": n,
    }


def _f64(values: Any) -> FloatArray:
    return np.asarray(values, dtype=np.float64).reshape(-1)


def bgnbd_loglik(params: tuple[float, float, float, float], x: Any, t_x: Any, T: Any) -> FloatArray:
    """Per-customer BG/NBD log-likelihood at ``(r, alpha, a, b)`` (see the module docstring)."""
    r, alpha, a, b = params
    xa, ta, TT = _f64(x), _f64(t_x), _f64(T)
    rx = r + xa
    common = gammaln(rx) - gammaln(r) + r * math.log(alpha) + betaln(a, b + xa) - betaln(a, b)
    l3 = -rx * np.log(alpha + TT)
    pos = xa > 0
    l4 = np.full_like(l3, -np.inf)
    l4[pos] = math.log(a) - np.log(b + xa[pos] - 1.0) - rx[pos] * np.log(alpha + ta[pos])
    out: FloatArray = common + np.logaddexp(l3, l4)
    return out


def _dot(u: FloatArray, v: FloatArray) -> float:
    """1-D dot product without BLAS (whose thread pool stalls on busy machines)."""
    return float(np.einsum("i,i->", u, v))


def _unique(values: FloatArray) -> tuple[FloatArray, IndexArray]:
    """Distinct values and the inverse index (special functions are evaluated once each)."""
    u, inv = np.unique(values, return_inverse=True)
    return u, inv.reshape(-1)


@dataclass(frozen=True, eq=False)
class _BgData:
    """BG/NBD data compressed for the optimiser.

    Rows are the distinct ``(x, t_x, T)`` triples with their counts ``cnt``; each column is
    stored as distinct values plus an inverse index (``x = ux[ix]``, ...) so that the special
    functions run once per distinct value; ``cx`` is the number of customers per distinct x.
    """

    ux: FloatArray
    ix: IndexArray
    uT: FloatArray
    iT: IndexArray
    ut: FloatArray
    it: IndexArray
    cnt: FloatArray
    cx: FloatArray
    n: float


def _bg_data(x: FloatArray, t_x: FloatArray, T: FloatArray) -> _BgData:
    order = np.lexsort((T, t_x, x))
    xs, ts, Ts = x[order], t_x[order], T[order]
    start = np.ones(xs.size, dtype=bool)
    start[1:] = (xs[1:] != xs[:-1]) | (ts[1:] != ts[:-1]) | (Ts[1:] != Ts[:-1])
    first = np.flatnonzero(start)
    cnt = np.diff(np.append(first, xs.size)).astype(np.float64)
    ux, ix = _unique(xs[first])
    uT, iT = _unique(Ts[first])
    ut, it = _unique(ts[first])
    cx = np.bincount(ix, weights=cnt, minlength=ux.size).astype(np.float64)
    return _BgData(ux, ix, uT, iT, ut, it, cnt, cx, float(x.size))


@dataclass(frozen=True, eq=False)
class _GgData:
    """Gamma-Gamma data: distinct x with counts, per-row ``x``, ``zbar`` and fixed sums."""

    ux: FloatArray
    cx: FloatArray
    x: FloatArray
    z: FloatArray
    sum_log_z: float
    sum_x_log_xz: float
    n: float


def _gg_data(x: FloatArray, z: FloatArray) -> _GgData:
    ux, ix = _unique(x)
    cx = np.bincount(ix, minlength=ux.size).astype(np.float64)
    log_z = np.log(z)
    return _GgData(
        ux, cx, x, z, float(log_z.sum()), float((x * (log_z + np.log(x))).sum()), float(x.size)
    )


def _bgnbd_objective(theta: FloatArray, d: _BgData) -> tuple[float, FloatArray]:
    """Negative mean log-likelihood and its gradient in log-parameters."""
    ix, cnt, cx, n = d.ix, d.cnt, d.cx, d.n
    r, alpha, a, b = np.exp(np.clip(theta, -_LOG_BOUND - 5, _LOG_BOUND + 5))
    # terms of x only (per distinct x)
    ux = d.ux
    rx_u = r + ux
    pos_u = ux > 0
    log_bx1_u = np.full_like(ux, np.inf)
    log_bx1_u[pos_u] = np.log(b + ux[pos_u] - 1.0)
    inv_bx1_u = np.where(pos_u, np.exp(-log_bx1_u), 0.0)
    dg_abx_u = digamma(a + b + ux)
    ll_x = _dot(gammaln(rx_u) + betaln(a, b + ux), cx)
    dr_x = _dot(digamma(rx_u), cx)
    da_x = _dot(-dg_abx_u, cx)
    db_x = _dot(digamma(b + ux) - dg_abx_u, cx)
    # per distinct (x, t_x, T)
    rx = rx_u[ix]
    log_at = np.log(alpha + d.uT)[d.iT]
    log_ax = np.log(alpha + d.ut)[d.it]
    l3 = -rx * log_at
    l4 = math.log(a) - log_bx1_u[ix] - rx * log_ax  # -inf where x = 0
    lse = np.logaddexp(l3, l4)
    w4 = np.exp(l4 - lse)  # weight of the "dropped out right after t_x" branch
    w3 = 1.0 - w4
    cw4 = cnt * w4
    cw3 = cnt * w3
    value = ll_x + _dot(cnt, lse) + n * (r * math.log(alpha) - gammaln(r) - betaln(a, b))
    g_r = dr_x - _dot(cw3, log_at) - _dot(cw4, log_ax) + n * (math.log(alpha) - digamma(r))
    g_alpha = n * r / alpha - _dot(rx, cw3 * np.exp(-log_at) + cw4 * np.exp(-log_ax))
    dg_ab = digamma(a + b)
    g_a = da_x + float(cw4.sum()) / a + n * dg_ab
    g_b = db_x - _dot(cw4, inv_bx1_u[ix]) + n * (dg_ab - digamma(b))
    grad = np.array([r * g_r, alpha * g_alpha, a * g_a, b * g_b], dtype=np.float64)
    if not math.isfinite(value) or not np.all(np.isfinite(grad)):
        return 1e300, np.zeros(4)
    return -value / n, -grad / n


def _gg_objective(theta: FloatArray, d: _GgData) -> tuple[float, FloatArray]:
    """Negative mean Gamma-Gamma log-likelihood and its gradient in log-parameters."""
    x, z, n = d.x, d.z, d.n
    p, q, v = np.exp(np.clip(theta, -_LOG_BOUND - 5, _LOG_BOUND + 5))
    pxu = p * d.ux
    dg_u = digamma(pxu + q)
    vxz = v + x * z
    lvz = np.log(vxz)
    s_lvz = float(lvz.sum())
    s_xlvz = _dot(x, lvz)
    value = (
        _dot(gammaln(pxu + q) - gammaln(pxu), d.cx)
        + n * (q * math.log(v) - gammaln(q))
        + p * d.sum_x_log_xz
        - d.sum_log_z
        - p * s_xlvz
        - q * s_lvz
    )
    g_p = _dot(d.ux * (dg_u - digamma(pxu)), d.cx) + d.sum_x_log_xz - s_xlvz
    g_q = _dot(dg_u, d.cx) + n * (math.log(v) - digamma(q)) - s_lvz
    g_v = n * q / v - _dot(p * x + q, 1.0 / vxz)
    grad = np.array([p * g_p, q * g_q, v * g_v], dtype=np.float64)
    if not math.isfinite(value) or not np.all(np.isfinite(grad)):
        return 1e300, np.zeros(3)
    return -value / n, -grad / n


def _optimise(
    fun: Any, x0: FloatArray, args: tuple[Any, ...]
) -> tuple[FloatArray, float, bool, str]:
    """L-BFGS-B on log-parameters; Nelder-Mead then an L-BFGS-B polish when that fails."""
    with THREADS.limit(limits=1):
        return _optimise_now(fun, x0, args)


def _optimise_now(
    fun: Any, x0: FloatArray, args: tuple[Any, ...]
) -> tuple[FloatArray, float, bool, str]:
    bounds = [(-_LOG_BOUND, _LOG_BOUND)] * len(x0)
    opts = {"maxiter": 2000, "ftol": 1e-14, "gtol": 1e-9}
    res = minimize(fun, x0, args=args, jac=True, method="L-BFGS-B", bounds=bounds, options=opts)
    best = res
    if not res.success or not np.isfinite(res.fun):

        def value_only(th: FloatArray, *a: Any) -> float:
            return float(fun(th, *a)[0])

        nm = minimize(
            value_only,
            res.x if np.isfinite(res.fun) else x0,
            args=args,
            method="Nelder-Mead",
            bounds=bounds,
            options={"maxiter": 4000, "xatol": 1e-8, "fatol": 1e-12},
        )
        best = minimize(
            fun, nm.x, args=args, jac=True, method="L-BFGS-B", bounds=bounds, options=opts
        )
        if not (best.fun <= nm.fun):
            best = nm
    theta = np.asarray(best.x, dtype=np.float64)
    grad = fun(theta, *args)[1]
    at_bound = bool(np.any(np.abs(theta) >= _LOG_BOUND - 1e-6))
    converged = bool(
        np.isfinite(best.fun) and best.fun < 1e299 and not at_bound and np.max(np.abs(grad)) < 1e-4
    )
    msg = str(best.message)
    if at_bound:
        msg = "a parameter reached its bound (the data do not identify the model)"
    return theta, float(best.fun), converged, msg


def fit_bgnbd(x: Any, t_x: Any, T: Any) -> BgNbdFit:
    """Maximum-likelihood BG/NBD fit on repeat counts ``x``, recency ``t_x`` and age ``T``.

    Any time unit works (``alpha`` comes out in it). Reference: on the CDNOW sample (weeks)
    r = 0.2426, alpha = 4.414, a = 0.7929, b = 2.426, log-likelihood -9582.4 (FHL 2005).
    """
    xa, ta, TT = _f64(x), _f64(t_x), _f64(T)
    ok = np.isfinite(xa) & np.isfinite(ta) & np.isfinite(TT) & (xa >= 0) & (TT > 0)
    xa, ta, TT = xa[ok], ta[ok], TT[ok]
    n = int(xa.size)
    if n == 0:
        return BgNbdFit(math.nan, math.nan, math.nan, math.nan, math.nan, False, 0, "no data")
    ta = np.where(xa > 0, np.clip(ta, 0.0, TT), 0.0)
    rate = max(float(xa.sum()), 1.0) / float(TT.sum())
    x0 = np.log(np.array([1.0, 1.0 / rate, 1.0, 2.0]))
    args = (_bg_data(xa, ta, TT),)
    theta, fval, converged, msg = _optimise(_bgnbd_objective, x0, args)
    r, alpha, a, b = (float(v) for v in np.exp(theta))
    return BgNbdFit(r, alpha, a, b, -fval * n, converged, n, msg)


def fit_gamma_gamma(x: Any, mean_value: Any) -> GammaGammaFit:
    """Maximum-likelihood Gamma-Gamma fit on repeat buyers (``x > 0``, ``mean_value > 0``).

    Other customers are ignored. Reference (lifetimes' documentation, CDNOW repeat buyers):
    p = 6.249, q = 3.745, v = 15.45.
    """
    xa, za = _f64(x), _f64(mean_value)
    ok = np.isfinite(xa) & np.isfinite(za) & (xa > 0) & (za > 0)
    xa, za = xa[ok], za[ok]
    n = int(xa.size)
    if n == 0:
        return GammaGammaFit(math.nan, math.nan, math.nan, math.nan, False, 0, "no data")
    x0 = np.log(np.array([1.0, 2.0, float(np.mean(za))]))
    args = (_gg_data(xa, za),)
    theta, fval, converged, msg = _optimise(_gg_objective, x0, args)
    p, q, v = (float(t) for t in np.exp(theta))
    return GammaGammaFit(p, q, v, -fval * n, converged, n, msg)


# ---------------------------------------------------------------------------------------------
# predictions


def p_alive(fit: BgNbdFit, x: Any, t_x: Any, T: Any) -> FloatArray:
    """P(alive at T | x, t_x, T); exactly 1 for customers without repeat purchases."""
    xa, ta, TT = _f64(x), _f64(t_x), _f64(T)
    out = np.ones_like(xa)
    pos = xa > 0
    rx = fit.r + xa[pos]
    log_odds = (
        math.log(fit.a)
        - np.log(fit.b + xa[pos] - 1.0)
        + rx * (np.log(fit.alpha + TT[pos]) - np.log(fit.alpha + ta[pos]))
    )
    out[pos] = np.exp(-np.logaddexp(0.0, log_odds))
    return out


def _purchases_given_alive(fit: BgNbdFit, xa: FloatArray, TT: FloatArray, t: float) -> FloatArray:
    """``(a+b+x-1)/(a-1) * [1 - (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z)]``."""
    r, alpha, b = fit.r, fit.alpha, fit.b
    a = fit.a if abs(fit.a - 1.0) > 1e-7 else 1.0 + 1e-7  # removable singularity at a = 1
    if t <= 0:
        return np.zeros_like(xa)
    z = t / (alpha + TT + t)
    c = a + b + xa - 1.0
    bracket = 1.0 - np.exp((a - 1.0) * np.log1p(-z)) * hyp2f1(a + b - 1.0 - r, a - 1.0, c, z)
    out: FloatArray = np.maximum(c / (a - 1.0) * bracket, 0.0)
    return out


def expected_purchases(fit: BgNbdFit, t: float, x: Any, t_x: Any, T: Any) -> FloatArray:
    """Expected purchases in ``(T, T+t]`` per customer (FHL 2005 eq. 10, closed form)."""
    xa, ta, TT = _f64(x), _f64(t_x), _f64(T)
    return _purchases_given_alive(fit, xa, TT, float(t)) * p_alive(fit, xa, ta, TT)


def expected_spend(fit: GammaGammaFit, x: Any, mean_value: Any) -> FloatArray:
    """Gamma-Gamma conditional mean spend per purchase ``p (v + x zbar) / (p x + q - 1)``.

    Customers without a usable mean (``x == 0`` or ``mean_value <= 0``/missing) get the
    population mean ``p v / (q - 1)``. Needs ``q > 1`` (else the mean is infinite: NaN).
    """
    xa, za = _f64(x), _f64(mean_value)
    if not fit.q > 1.0:
        return np.full_like(xa, np.nan)
    use = (xa > 0) & np.isfinite(za) & (za > 0)
    xu = np.where(use, xa, 0.0)
    zu = np.where(use, za, 0.0)
    out: FloatArray = fit.p * (fit.v + xu * zu) / (fit.p * xu + fit.q - 1.0)
    return out


def step_ends(horizon_days: float) -> FloatArray:
    """Ends of the monthly steps of a horizon in days: month, 2 months, ..., horizon."""
    k = math.ceil(horizon_days / MONTH_DAYS - 1e-9)
    ends = np.minimum(np.arange(1, k + 1, dtype=np.float64) * MONTH_DAYS, float(horizon_days))
    return ends


def clv(
    bg: BgNbdFit,
    gg: GammaGammaFit,
    x: Any,
    t_x: Any,
    T: Any,
    *,
    mean_value: Any,
    horizon_days: float,
    discount_monthly: float = 0.01,
    time_unit_days: float = 1.0,
) -> tuple[FloatArray, FloatArray]:
    """Expected purchases (undiscounted) and discounted expected revenue over a horizon.

    ``time_unit_days`` is the length in days of the unit ``bg`` was fitted in (7 for weeks).
    The value is ``sum_k dE[Y]_k * E[Z] / (1+d)^(t_k/month)`` over monthly steps.
    """
    xa, ta, TT = _f64(x), _f64(t_x), _f64(T)
    alive = p_alive(bg, xa, ta, TT)
    spend = expected_spend(gg, xa, mean_value)
    # the curve depends on (x, T) only: evaluate hyp2f1 once per distinct pair
    pairs, inv = np.unique(xa + 1j * TT, return_inverse=True)
    inv = inv.reshape(-1)
    ux, uT = pairs.real.copy(), pairs.imag.copy()
    prev = np.zeros_like(ux)
    value = np.zeros_like(ux)
    for end in step_ends(horizon_days):
        cur = _purchases_given_alive(bg, ux, uT, end / time_unit_days)
        value += (cur - prev) / (1.0 + discount_monthly) ** (end / MONTH_DAYS)
        prev = cur
    return prev[inv] * alive, value[inv] * alive * spend


# ---------------------------------------------------------------------------------------------
# the audit entry points


def rfm_summary(table: CustomerTable | pd.DataFrame, as_of: date | None = None) -> pd.DataFrame:
    """``x, t_x, T, monetary_value`` per customer (index of the table), in **days**.

    ``x = purchase_days - 1``, ``t_x = last_purchase - first_purchase``,
    ``T = as_of - first_purchase`` (``as_of`` is exclusive; defaults to ``table.as_of``).
    ``monetary_value`` is Gamma-Gamma's standard input, the mean value of the *repeat*
    purchase days (the first day excluded: ``(monetary - first_day_value) / x``); a table
    without ``first_day_value`` (a customer list) falls back to ``monetary / frequency``.
    Rows with missing dates or counts get NaN.
    """
    if isinstance(table, CustomerTable):
        frame = table.frame
        as_of = as_of or table.as_of
    else:
        frame = table
    if as_of is None:
        raise ValueError("as_of is required for a plain DataFrame")
    first = pd.to_datetime(frame["first_purchase"], errors="coerce")
    last = pd.to_datetime(frame["last_purchase"], errors="coerce")
    ref = pd.Timestamp(as_of)
    days = pd.to_numeric(frame["purchase_days"], errors="coerce").astype("float64")
    freq = pd.to_numeric(frame["frequency"], errors="coerce").astype("float64")
    money = pd.to_numeric(frame["monetary"], errors="coerce").astype("float64")
    x = (days - 1.0).clip(lower=0.0)
    if "first_day_value" in frame:
        first_value = pd.to_numeric(frame["first_day_value"], errors="coerce")
        mean_value = (money - first_value) / x.where(x > 0)
    else:
        mean_value = money / freq.where(freq > 0)
    out = pd.DataFrame(
        {
            "x": x,
            "t_x": (last - first).dt.days.astype("float64"),
            "T": (ref - first).dt.days.astype("float64"),
            "monetary_value": mean_value,
        },
        index=frame.index,
    )
    out.loc[out["x"] == 0, "t_x"] = 0.0
    return out


def fit_models(
    x: FloatArray,
    t_x: FloatArray,
    T: FloatArray,
    mean_value: FloatArray,
    *,
    min_repeat_buyers: int = MIN_REPEAT_BUYERS,
) -> tuple[Status, BgNbdFit | None, GammaGammaFit | None]:
    """Both fits with the status rules of :func:`run_clv` (the period is checked there).

    ``too_few_repeat_buyers`` (no fit) when fewer than ``min_repeat_buyers`` customers have
    ``x > 0`` (and a positive mean value); ``did_not_converge`` when a fit fails, ends at a
    bound, Gamma-Gamma has ``q <= 1`` (infinite mean spend), or the fitted BG/NBD cannot
    give a finite forecast for these customers (degenerate ``a``, ``b``).
    """
    n_repeat = int((x > 0).sum())
    n_gg = int(((x > 0) & np.isfinite(mean_value) & (mean_value > 0)).sum())
    if n_repeat < min_repeat_buyers or n_gg < min_repeat_buyers:
        return "too_few_repeat_buyers", None, None
    bg = fit_bgnbd(x, t_x, T)
    gg = fit_gamma_gamma(x, mean_value)
    if not (bg.converged and gg.converged and gg.q > 1.0):
        return "did_not_converge", bg, gg
    if not np.isfinite(expected_purchases(bg, MONTH_DAYS, x, t_x, T)).all():
        return "did_not_converge", bg, gg
    return "ok", bg, gg


@dataclass(frozen=True, eq=False)
class ClvResult:
    """The CLV of a customer base. Per-customer arrays follow ``customers`` (table index).

    When ``status != "ok"`` the predictions are ``None``: the data do not support them.
    """

    status: Status
    discount_monthly: float
    horizons_days: tuple[int, ...]
    n_customers: int
    n_repeat_buyers: int
    period_days: float
    bgnbd: BgNbdFit | None = None
    gamma_gamma: GammaGammaFit | None = None
    total_purchases: dict[int, float] | None = None
    total_value: dict[int, float] | None = None
    customers: npt.NDArray[Any] | None = None
    p_alive: FloatArray | None = None
    repeat: npt.NDArray[np.bool_] | None = None
    """Customers with a repeat purchase (P(alive) of the others is 1 by construction)."""
    expected_spend: FloatArray | None = None
    purchases: dict[int, FloatArray] = field(default_factory=dict)
    value: dict[int, FloatArray] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when predictions are available."""
        return self.status == "ok"

    def _p_alive_by_kind(self) -> dict[str, float | None]:
        """Mean P(alive) of repeat buyers and of one-time buyers apart (the latter is 1 by
        the model's construction: an average over both would mislead)."""
        if self.p_alive is None or self.repeat is None:
            return {"p_alive_mean_repeat": None, "p_alive_mean_one_time": None}
        return {"p_alive_mean_repeat": _mean_or_none(self.p_alive[self.repeat]),
                "p_alive_mean_one_time": _mean_or_none(self.p_alive[~self.repeat])}

    def frame(self) -> pd.DataFrame:
        """Per-customer predictions for exports (empty when ``status != "ok"``)."""
        if self.customers is None or self.p_alive is None:
            return pd.DataFrame()
        cols: dict[str, Any] = {"p_alive": self.p_alive, "expected_spend": self.expected_spend}
        for h in self.horizons_days:
            cols[f"purchases_{h}d"] = self.purchases[h]
            cols[f"value_{h}d"] = self.value[h]
        return pd.DataFrame(cols, index=pd.Index(self.customers))

    def by_segment(self, labels: pd.Series, order: Sequence[str] = ()) -> list[dict[str, Any]]:
        """Expected purchases and value per horizon and mean P(alive), summed per segment.

        ``labels`` holds a segment code per customer, indexed like the customer table
        (missing codes become ``unscored``); customers without predictions are left out.
        Segments come in ``order`` (codes not listed follow by name); empty when not ok.
        Keys: ``code, customers, p_alive_mean, purchases_<h>, value_<h>`` per horizon.
        """
        if self.customers is None or self.p_alive is None:
            return []
        codes = labels.reindex(self.customers).astype(object).fillna(UNSCORED).to_numpy()
        cols: dict[str, Any] = {"code": codes, "p_alive": self.p_alive}
        for h in self.horizons_days:
            cols[f"purchases_{h}"] = self.purchases[h]
            cols[f"value_{h}"] = self.value[h]
        sums = (
            pd.DataFrame(cols)
            .groupby("code", sort=True)
            .agg(
                customers=("p_alive", "size"),
                p_alive_mean=("p_alive", "mean"),
                **{c: (c, "sum") for c in cols if c not in ("code", "p_alive")},
            )
        )
        rank = {code: i for i, code in enumerate(order)}
        ordered = sorted(sums.index, key=lambda c: (rank.get(c, len(rank)), str(c)))
        out: list[dict[str, Any]] = []
        for code in ordered:
            row = sums.loc[code]
            item: dict[str, Any] = {"code": str(code), "customers": int(row["customers"])}
            item["p_alive_mean"] = rnd(float(row["p_alive_mean"]), 4)
            for h in self.horizons_days:
                item[f"purchases_{h}"] = rnd(float(row[f"purchases_{h}"]))
                item[f"value_{h}"] = rnd(float(row[f"value_{h}"]))
            out.append(item)
        return out

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (the per-customer arrays are in :meth:`frame`)."""
        return {
            "status": self.status,
            "models": ["BG/NBD", "Gamma-Gamma"],
            "time_unit": "days",
            "discount_monthly": self.discount_monthly,
            "horizons_days": list(self.horizons_days),
            "customers": self.n_customers,
            "repeat_buyers": self.n_repeat_buyers,
            "period_days": rnd(self.period_days, 1),
            "bgnbd": None if self.bgnbd is None else self.bgnbd.to_dict(),
            "gamma_gamma": None if self.gamma_gamma is None else self.gamma_gamma.to_dict(),
            "total_purchases": None
            if self.total_purchases is None
            else {str(h): rnd(v) for h, v in self.total_purchases.items()},
            "total_value": None
            if self.total_value is None
            else {str(h): rnd(v) for h, v in self.total_value.items()},
            "p_alive_mean": None
            if self.p_alive is None or not self.p_alive.size
            else rnd(float(self.p_alive.mean()), 4),
            **self._p_alive_by_kind(),
            "notes": list(self.notes),
        }


def _mean_or_none(values: FloatArray) -> float | None:
    return rnd(float(values.mean()), 4) if values.size else None


def run_clv(
    table: CustomerTable | pd.DataFrame,
    as_of: date | None = None,
    discount_monthly: float = 0.01,
    *,
    horizons_days: tuple[int, ...] = HORIZONS_DAYS,
    min_repeat_buyers: int = MIN_REPEAT_BUYERS,
    min_period_days: float = MIN_PERIOD_DAYS,
) -> ClvResult:
    """Fit BG/NBD and Gamma-Gamma on the customer table and predict per customer, in days.

    Status: ``too_short_period`` when the oldest customer is younger than ``min_period_days``;
    ``too_few_repeat_buyers`` when fewer than ``min_repeat_buyers`` customers bought twice
    (or have a positive mean value for Gamma-Gamma); ``did_not_converge`` when either fit
    fails or ends at a parameter bound. Customers with missing data are left out (NaN).
    BLAS runs on one thread (see :data:`THREADS`).
    """
    with THREADS.limit(limits=1):
        return _run_clv(
            table,
            as_of,
            discount_monthly=discount_monthly,
            horizons_days=horizons_days,
            min_repeat_buyers=min_repeat_buyers,
            min_period_days=min_period_days,
        )


def _run_clv(
    table: CustomerTable | pd.DataFrame,
    as_of: date | None,
    *,
    discount_monthly: float,
    horizons_days: tuple[int, ...],
    min_repeat_buyers: int,
    min_period_days: float,
) -> ClvResult:
    rfm = rfm_summary(table, as_of)
    valid = (rfm["x"].notna() & rfm["t_x"].notna() & rfm["T"].notna() & (rfm["T"] > 0)).to_numpy()
    data = rfm[valid]
    x = data["x"].to_numpy(np.float64)
    t_x = data["t_x"].to_numpy(np.float64)
    T = data["T"].to_numpy(np.float64)
    m = data["monetary_value"].to_numpy(np.float64)
    n_repeat = int((x > 0).sum())
    period = float(T.max()) if T.size else 0.0
    base: dict[str, Any] = {
        "discount_monthly": float(discount_monthly),
        "horizons_days": tuple(horizons_days),
        "n_customers": int(x.size),
        "n_repeat_buyers": n_repeat,
        "period_days": period,
    }
    if period < min_period_days:
        return ClvResult(status="too_short_period", **base)
    status, bg, gg = fit_models(x, t_x, T, m, min_repeat_buyers=min_repeat_buyers)
    if status != "ok" or bg is None or gg is None:
        return ClvResult(status=status, bgnbd=bg, gamma_gamma=gg, **base)
    notes: list[str] = []
    if x.size >= 2 and np.std(x) > 0 and np.nanstd(m[x > 0]) > 0:
        corr = float(np.corrcoef(x[x > 0], np.nan_to_num(m[x > 0]))[0, 1])
        if abs(corr) > 0.3:
            notes.append("frequency_monetary_correlated")
    alive = p_alive(bg, x, t_x, T)
    spend = expected_spend(gg, x, m)
    purchases: dict[int, FloatArray] = {}
    value: dict[int, FloatArray] = {}
    for h in horizons_days:
        purchases[h], value[h] = clv(
            bg, gg, x, t_x, T, mean_value=m, horizon_days=h, discount_monthly=discount_monthly
        )
    return ClvResult(
        status="ok",
        bgnbd=bg,
        gamma_gamma=gg,
        total_purchases={h: float(v.sum()) for h, v in purchases.items()},
        total_value={h: float(v.sum()) for h, v in value.items()},
        customers=data.index.to_numpy(),
        p_alive=alive,
        repeat=np.asarray(x > 0),
        expected_spend=spend,
        purchases=purchases,
        value=value,
        notes=tuple(notes),
        **base,
    )
