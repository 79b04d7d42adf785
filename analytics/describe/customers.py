"""The per-customer table, computed once and shared by RFM, cohorts, lifecycle, clusters, CLV
and the customers export; plus the small date/number helpers the audit modules share.

Input: the clean *orders* table of :mod:`analytics.ingest.model` (one row per order).

Definitions (the same as ARCHITECTURE.md):

* A *sale row* is a row with ``status == "valid"``, a date and an amount, dated before
  ``as_of``. Cancelled, refunded and open orders are counted, never sold.
* A *purchase* (an order) is a sale row with ``amount >= 0``; a *return* is a sale row with
  ``amount < 0``: it reduces revenue but is not an order and does not make anyone active.
* *Revenue* is the sum of ``amount`` over sale rows (returns included, so it is net).
* A *customer* is a ``customer_key`` with at least one purchase. Returns of a key that has no
  purchase in the data ("orphan returns") count in revenue but belong to no customer.
* ``as_of`` is the reference day, exclusive: the analysis sees orders dated before it. By
  default it is the day after the last order date in the data (any status), so that the most
  recent buyer has recency 1 day.

Per customer (one row each, columns in :data:`CUSTOMER_COLUMNS` plus optional ones):

==================  ========================================================================
customer_key        the key from ingest
first_purchase      date of the first purchase (datetime64, midnight)
last_purchase       date of the last purchase
frequency           number of purchases (orders)
purchase_days       distinct days with a purchase (BG/NBD uses ``purchase_days - 1``)
monetary            net revenue of the customer: purchases minus returns
returns             money returned (a positive number; 0 when none)
avg_check           ``monetary / frequency``
recency_days        ``as_of - last_purchase`` in days (>= 1)
tenure_days         ``as_of - first_purchase`` in days (>= 1)
median_gap_days     median gap between distinct purchase days (NaN under 3 of them)
first_day_value     what the purchases of the first purchase day came to
items               sum of ``quantity`` over purchases (only when quantity exists)
main_category       category with the most purchase revenue (ties: more orders, then name)
city                city of the last purchase that names one
channel             channel of the first purchase that names one (acquisition channel)
email, phone, name  last known value
rating              last rating given on a purchase
==================  ========================================================================
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from analytics.describe.rhythm import median_gaps

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
ObjArray = npt.NDArray[np.object_]

EPOCH = date(1970, 1, 1)

CUSTOMER_COLUMNS: tuple[str, ...] = (
    "customer_key",
    "first_purchase",
    "last_purchase",
    "frequency",
    "purchase_days",
    "monetary",
    "returns",
    "avg_check",
    "recency_days",
    "tenure_days",
    "median_gap_days",
    "first_day_value",
)
OPTIONAL_LAST = ("city", "email", "phone", "name", "rating")
OPTIONAL_FIRST = ("channel",)

# ---------------------------------------------------------------------------------------------
# small shared helpers


def to_day(d: date) -> int:
    """Days since 1970-01-01."""
    return (d - EPOCH).days


def from_day(day: int) -> date:
    """Inverse of :func:`to_day`."""
    return EPOCH + timedelta(days=int(day))


def days_to_months(days: IntArray) -> IntArray:
    """Month index (months since 1970-01) of each day index."""
    return (
        np.asarray(days, dtype="int64")
        .astype("datetime64[D]")
        .astype("datetime64[M]")
        .astype(np.int64)
    )


def month_start_day(months: IntArray) -> IntArray:
    """Day index of the first day of each month index."""
    return (
        np.asarray(months, dtype="int64")
        .astype("datetime64[M]")
        .astype("datetime64[D]")
        .astype(np.int64)
    )


def month_label(month: int) -> str:
    """``YYYY-MM`` of a month index."""
    m = int(month)
    return f"{1970 + m // 12:04d}-{m % 12 + 1:02d}"


def rnd(value: float | int | None, digits: int = 2) -> float | None:
    """A JSON-ready float: rounded, ``None`` for missing, NaN or infinite values."""
    if value is None:
        return None
    v = float(value)
    if not math.isfinite(v):
        return None
    r = round(v, digits)
    return 0.0 if r == 0 else r


def ratio(num: float, den: float) -> float | None:
    """``num / den`` or ``None`` when the denominator is zero."""
    return None if den == 0 else float(num) / float(den)


def default_as_of(dates: pd.Series) -> date | None:
    """The day after the latest date in ``dates`` (``None`` when there is none)."""
    values = pd.to_datetime(dates, errors="coerce").dropna()
    if values.empty:
        return None
    last = pd.Timestamp(values.max()).date()
    return last + timedelta(days=1)


def _as_day_array(series: pd.Series) -> tuple[IntArray, BoolArray]:
    """Day indexes of a datetime column and the mask of present values."""
    values = pd.to_datetime(series, errors="coerce").to_numpy()
    ok = ~np.isnat(values)
    days = np.zeros(len(values), dtype=np.int64)
    days[ok] = values[ok].astype("datetime64[D]").astype(np.int64)
    return days, ok


def _days_to_datetime(days: IntArray) -> pd.Series:
    return pd.Series(
        np.asarray(days, dtype="int64").astype("datetime64[D]").astype("datetime64[ns]")
    )


def factorize_sorted(values: pd.Series) -> tuple[IntArray, ObjArray]:
    """Codes (int64, -1 for missing) and distinct values in sorted order (by their text)."""
    codes, uniques = pd.factorize(values, sort=False)
    u = np.asarray(uniques, dtype=object)
    if u.size == 0:
        return codes.astype(np.int64), u
    order = np.argsort(u.astype(str), kind="stable")
    rank = np.empty(u.size, dtype=np.int64)
    rank[order] = np.arange(u.size, dtype=np.int64)
    out = np.where(codes < 0, -1, rank[np.maximum(codes, 0)])
    return out.astype(np.int64), u[order]


def group_starts(*keys: IntArray) -> BoolArray:
    """True where a run of equal key tuples starts (rows sorted by the keys); empty-safe."""
    size = keys[0].size
    out = np.ones(size, dtype=bool)
    if size:
        change = np.zeros(size - 1, dtype=bool)
        for k in keys:
            change |= k[1:] != k[:-1]
        out[1:] = change
    return out


def group_first_last(
    cust: IntArray, present: BoolArray, which: Literal["first", "last"]
) -> tuple[IntArray, IntArray]:
    """Customers and row positions of their first or last row where ``present`` is true.

    Rows are sorted by customer (and date within a customer).
    """
    idx = np.flatnonzero(present)
    c = cust[idx]
    change = c[1:] != c[:-1]
    keep = np.r_[True, change] if which == "first" else np.r_[change, True]
    if idx.size == 0:
        keep = np.zeros(0, dtype=bool)
    return c[keep], idx[keep]


def pair_counts(
    cust: IntArray, codes: IntArray, k: int, weights: FloatArray | None = None
) -> tuple[IntArray, IntArray, FloatArray, IntArray]:
    """Distinct (customer, code) pairs with their row count and weight sum.

    Returns pair customers, pair codes, weight sums and row counts. Uses a dense bincount when
    customers x codes is small, else a sort.
    """
    pair = cust * k + codes
    n_cust = int(cust.max()) + 1 if cust.size else 0
    if n_cust * k <= 20_000_000:
        size = n_cust * k
        rows = np.bincount(pair, minlength=size)
        nz = np.flatnonzero(rows)
        money = (
            np.bincount(pair, weights=weights, minlength=size)[nz]
            if weights is not None
            else np.zeros(nz.size)
        )
        return (
            (nz // k).astype(np.int64),
            (nz % k).astype(np.int64),
            np.asarray(money, dtype=np.float64),
            rows[nz].astype(np.int64),
        )
    upair, inv, cnt = np.unique(pair, return_inverse=True, return_counts=True)
    sums = np.bincount(inv, weights=weights) if weights is not None else np.zeros(upair.size)
    return (
        (upair // k).astype(np.int64),
        (upair % k).astype(np.int64),
        np.asarray(sums, dtype=np.float64),
        cnt.astype(np.int64),
    )


# ---------------------------------------------------------------------------------------------
# results


@dataclass(frozen=True, eq=False)
class CustomerTable:
    """One row per customer (``frame``, index = customer code 0..n-1) and how it was built.

    ``source`` is ``transactions`` (computed from orders) or ``customers`` (a customer-list
    file's aggregates, where ``frequency``/``monetary``/dates may be missing: NaN/NaT).
    """

    frame: pd.DataFrame
    as_of: date
    source: Literal["transactions", "customers"]
    orphan_returns: int = 0
    orphan_returns_amount: float = 0.0

    @property
    def n(self) -> int:
        """Number of customers."""
        return len(self.frame)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (the full table is exported elsewhere)."""
        f = self.frame
        freq = f["frequency"] if "frequency" in f else pd.Series(dtype=float)
        known = freq.dropna()
        return {
            "source": self.source,
            "as_of": self.as_of.isoformat(),
            "customers": len(f),
            "one_time_buyers": int((known == 1).sum()),
            "repeat_buyers": int((known >= 2).sum()),
            "columns": [str(c) for c in f.columns],
            "orphan_returns": int(self.orphan_returns),
            "orphan_returns_amount": rnd(self.orphan_returns_amount),
        }


@dataclass(frozen=True, eq=False)
class PreparedOrders:
    """Sale rows as sorted numpy arrays plus the customer table, computed once per audit.

    Arrays describe sale rows of customers (orphan returns are kept apart), sorted by
    (customer code, day, original position). ``row`` is the position in ``orders``.
    """

    orders: pd.DataFrame
    as_of: date
    as_of_day: int
    cust: IntArray
    day: IntArray
    month: IntArray
    amount: FloatArray
    is_purchase: BoolArray
    row: IntArray
    orphan_month: IntArray
    orphan_amount: FloatArray
    first_month: IntArray  # per customer code
    customers: CustomerTable
    counts: Mapping[str, int] = field(default_factory=dict)
    code_cache: dict[str, tuple[IntArray, ObjArray]] = field(default_factory=dict)

    @property
    def n_customers(self) -> int:
        """Number of customers."""
        return self.customers.n

    @property
    def month_range(self) -> tuple[int, int]:
        """First and last month index of the analysis (last = the month of ``as_of - 1``)."""
        last = int(days_to_months(np.array([self.as_of_day - 1]))[0])
        months = [int(self.month.min())] if self.month.size else []
        if self.orphan_month.size:
            months.append(int(self.orphan_month.min()))
        first = min(months) if months else last
        return first, max(first, last)

    @property
    def last_month_partial(self) -> bool:
        """True when ``as_of`` is not the first day of a month (the last month is cut)."""
        return bool(self.as_of.day != 1)

    def column_codes(self, name: str) -> tuple[IntArray, ObjArray] | None:
        """Codes (-1 = missing) of an optional column aligned with the sorted sale rows, and
        the sorted distinct values; ``None`` without the column. Computed once per column.
        """
        if name not in self.orders.columns:
            return None
        if name not in self.code_cache:
            self.code_cache[name] = factorize_sorted(self.orders[name])
        codes, uniques = self.code_cache[name]
        return codes[self.row], uniques

    def column(self, name: str) -> npt.NDArray[Any] | None:
        """An optional orders column aligned with the sorted sale rows, or ``None``."""
        if name not in self.orders.columns:
            return None
        return self.orders[name].to_numpy()[self.row]


def prepare_orders(orders: pd.DataFrame, as_of: date | None = None) -> PreparedOrders:
    """Select sale rows, assign customer codes, sort, and build the customer table.

    ``as_of`` defaults to the day after the last ``order_date`` of any status.
    """
    n_rows = len(orders)
    if as_of is None:
        as_of = default_as_of(orders["order_date"]) if n_rows else None
        if as_of is None:
            as_of = date.today()
    as_of_day = to_day(as_of)

    days_all, has_date = _as_day_array(orders["order_date"])
    amount_all = pd.to_numeric(orders["amount"], errors="coerce").to_numpy(
        dtype=np.float64, na_value=np.nan
    )
    has_amount = np.isfinite(amount_all)
    status = orders["status"]
    valid = (status == "valid").to_numpy(dtype=bool, na_value=False)
    in_window = has_date & (days_all < as_of_day)
    sale = valid & has_date & has_amount & in_window
    counts: dict[str, int] = {
        "rows": int(n_rows),
        "valid_rows": int(valid.sum()),
        "not_valid_rows": int((~valid).sum()),
        "valid_without_date": int((valid & ~has_date).sum()),
        "valid_without_amount": int((valid & has_date & ~has_amount).sum()),
        "valid_after_as_of": int((valid & has_date & has_amount & ~in_window).sum()),
    }
    others = status[~valid].value_counts()
    for st in ("cancelled", "refunded", "open"):
        counts[st] = int(others.get(st, 0))

    rows = np.flatnonzero(sale).astype(np.int64)
    key_codes, uniques = factorize_sorted(orders["customer_key"])
    codes = key_codes[rows]
    amount = amount_all[rows]
    day = days_all[rows]
    missing_key = codes < 0
    counts["valid_without_customer"] = int(missing_key.sum())
    purchase = amount >= 0
    n_keys = len(uniques)
    is_buyer = np.bincount(codes[purchase & ~missing_key], minlength=n_keys) > 0
    new_code = np.cumsum(is_buyer) - 1
    cust_all = np.where(missing_key, -1, new_code[np.maximum(codes, 0)])
    belongs = (~missing_key) & is_buyer[np.maximum(codes, 0)]
    orphan = ~belongs & ~missing_key
    orphan_day = day[orphan]
    orphan_amount = amount[orphan]
    # rows without a customer key are sales with no customer: keep them as orphans of revenue
    orphan_day = np.concatenate([orphan_day, day[missing_key]])
    orphan_amount = np.concatenate([orphan_amount, amount[missing_key]])

    cust = cust_all[belongs]
    day = day[belongs]
    amount = amount[belongs]
    rows = rows[belongs]
    keys = uniques[is_buyer]
    n = len(keys)
    if cust.size:
        dmin = int(day.min())
        span = int(day.max()) - dmin + 1
        order = np.argsort(cust * span + (day - dmin), kind="stable")
        cust, day, amount, rows = cust[order], day[order], amount[order], rows[order]
    month = days_to_months(day)
    is_purchase = amount >= 0

    cache: dict[str, tuple[IntArray, ObjArray]] = {}
    frame, first_day = _customer_frame(
        cache=cache,
        orders=orders,
        keys=keys,
        cust=cust,
        day=day,
        amount=amount,
        is_purchase=is_purchase,
        rows=rows,
        as_of_day=as_of_day,
    )
    table = CustomerTable(
        frame=frame,
        as_of=as_of,
        source="transactions",
        orphan_returns=int(orphan_amount.size),
        orphan_returns_amount=float(orphan_amount.sum()),
    )
    return PreparedOrders(
        orders=orders,
        as_of=as_of,
        as_of_day=as_of_day,
        cust=cust,
        day=day,
        month=month,
        amount=amount,
        is_purchase=is_purchase,
        row=rows,
        orphan_month=days_to_months(orphan_day),
        orphan_amount=orphan_amount,
        first_month=days_to_months(first_day) if n else np.zeros(0, dtype=np.int64),
        customers=table,
        counts=counts,
        code_cache=cache,
    )


def _customer_frame(
    *,
    cache: dict[str, tuple[IntArray, ObjArray]],
    orders: pd.DataFrame,
    keys: ObjArray,
    cust: IntArray,
    day: IntArray,
    amount: FloatArray,
    is_purchase: BoolArray,
    rows: IntArray,
    as_of_day: int,
) -> tuple[pd.DataFrame, IntArray]:
    n = len(keys)
    p_cust = cust[is_purchase]
    p_day = day[is_purchase]
    p_rows = rows[is_purchase]
    if n:
        last_pos = np.flatnonzero(np.r_[p_cust[1:] != p_cust[:-1], True])
        first_pos = np.r_[0, last_pos[:-1] + 1]
        first_day = p_day[first_pos]
        last_day = p_day[last_pos]
        new_day = np.r_[True, (p_cust[1:] != p_cust[:-1]) | (p_day[1:] != p_day[:-1])]
        purchase_days = np.bincount(p_cust[new_day], minlength=n)
        on_first_day = p_day == first_day[p_cust]
        first_day_value: FloatArray = np.bincount(
            p_cust[on_first_day], weights=amount[is_purchase][on_first_day], minlength=n
        ).astype(np.float64)
    else:
        first_day = last_day = np.zeros(0, dtype=np.int64)
        purchase_days = np.zeros(0, dtype=np.int64)
        first_day_value = np.zeros(0)
    frequency = np.bincount(p_cust, minlength=n).astype(np.int64)
    monetary = np.bincount(cust, weights=amount, minlength=n)
    returns = -np.bincount(cust[~is_purchase], weights=amount[~is_purchase], minlength=n)
    data: dict[str, Any] = {
        "customer_key": pd.array(keys, dtype="string") if n else pd.array([], dtype="string"),
        "first_purchase": _days_to_datetime(first_day),
        "last_purchase": _days_to_datetime(last_day),
        "frequency": frequency,
        "purchase_days": purchase_days.astype(np.int64),
        "monetary": monetary,
        "returns": returns + 0.0,
        "avg_check": monetary / np.maximum(frequency, 1),
        "recency_days": (as_of_day - last_day).astype(np.int64),
        "tenure_days": (as_of_day - first_day).astype(np.int64),
        "median_gap_days": median_gaps(p_cust, p_day, n),
        "first_day_value": first_day_value,
    }
    if "quantity" in orders.columns:
        q = pd.to_numeric(orders["quantity"], errors="coerce").to_numpy(
            dtype=np.float64, na_value=np.nan
        )[p_rows]
        ok = np.isfinite(q)
        data["items"] = np.bincount(p_cust[ok], weights=q[ok], minlength=n)
    if "category" in orders.columns:
        cache["category"] = factorize_sorted(orders["category"])
        codes, uniques = cache["category"]
        data["main_category"] = main_value(p_cust, codes[p_rows], uniques, amount[is_purchase], n)
    for col in (*OPTIONAL_LAST, *OPTIONAL_FIRST):
        if col not in orders.columns:
            continue
        series = orders[col]
        present = series.notna().to_numpy(dtype=bool)[p_rows]
        which: Literal["first", "last"] = "first" if col in OPTIONAL_FIRST else "last"
        who, pos = group_first_last(p_cust, present, which)
        if col == "rating":
            values = pd.to_numeric(series, errors="coerce").to_numpy(
                dtype=np.float64, na_value=np.nan
            )
            out = np.full(n, np.nan)
            out[who] = values[p_rows[pos]]
            data[col] = out
        else:
            obj: ObjArray = np.full(n, None, dtype=object)
            obj[who] = series.take(p_rows[pos]).to_numpy(dtype=object)
            data[col] = pd.array(obj, dtype="string")
    frame = pd.DataFrame(data)
    return frame, first_day


def main_value(
    cust: IntArray, codes: IntArray, uniques: ObjArray, amount: FloatArray, n: int
) -> npt.NDArray[Any]:
    """Per customer, the value with the largest amount (ties: more rows, then smaller value).

    ``codes`` index ``uniques`` (sorted), -1 for missing rows, which are ignored; customers
    with no value get ``None``. Returns a string array.
    """
    out: ObjArray = np.full(n, None, dtype=object)
    present = codes >= 0
    k = len(uniques)
    if present.any():
        pc, pv, money, rows = pair_counts(cust[present], codes[present], k, amount[present])
        # pairs are sorted by (customer, code): pick the max money, then max rows, then the
        # first (smallest) code within each customer's block, all vectorised
        starts = np.flatnonzero(np.r_[True, pc[1:] != pc[:-1]])
        block = np.cumsum(np.r_[True, pc[1:] != pc[:-1]]) - 1
        best = money == np.maximum.reduceat(money, starts)[block]
        rows_best = np.where(best, rows, -1)
        best &= rows == np.maximum.reduceat(rows_best, starts)[block]
        idx = np.flatnonzero(best)
        first = idx[np.r_[True, pc[idx][1:] != pc[idx][:-1]]]
        out[pc[first]] = uniques[pv[first]]
    result: npt.NDArray[Any] = pd.array(out, dtype="string").to_numpy(dtype=object)
    return result


# ---------------------------------------------------------------------------------------------
# customer-list files (no transactions)

LIST_DATE_COLUMNS = ("first_purchase", "last_purchase", "registration_date", "last_activity")


def customer_table_from_list(customers: pd.DataFrame, as_of: date | None = None) -> CustomerTable:
    """The per-customer table from a customer-list file's aggregates.

    ``frequency`` = ``orders_count``, ``monetary`` = ``total_spent``, dates as given; what the
    file lacks stays NaN/NaT (nothing is invented). ``as_of`` defaults to the day after the
    latest of the file's date columns (``date.today()`` when it has none).
    """
    df = customers
    if as_of is None:
        candidates = [default_as_of(df[c]) for c in LIST_DATE_COLUMNS if c in df.columns]
        found = [d for d in candidates if d is not None]
        as_of = max(found) if found else date.today()
    as_of_day = to_day(as_of)
    n = len(df)
    data: dict[str, Any] = {"customer_key": df["customer_key"].astype("string").to_numpy()}
    for col in ("first_purchase", "last_purchase"):
        if col in df.columns:
            data[col] = pd.to_datetime(df[col], errors="coerce").dt.normalize().to_numpy()
        else:
            data[col] = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    freq = (
        pd.to_numeric(df["orders_count"], errors="coerce").to_numpy(
            dtype=np.float64, na_value=np.nan
        )
        if "orders_count" in df.columns
        else np.full(n, np.nan)
    )
    money = (
        pd.to_numeric(df["total_spent"], errors="coerce").to_numpy(
            dtype=np.float64, na_value=np.nan
        )
        if "total_spent" in df.columns
        else np.full(n, np.nan)
    )
    data["frequency"] = freq
    data["monetary"] = money
    data["avg_check"] = np.where(freq > 0, money / np.where(freq > 0, freq, 1), np.nan)
    last_days, last_ok = _as_day_array(pd.Series(data["last_purchase"]))
    first_days, first_ok = _as_day_array(pd.Series(data["first_purchase"]))
    data["recency_days"] = np.where(last_ok, as_of_day - last_days, np.nan)
    data["tenure_days"] = np.where(first_ok, as_of_day - first_days, np.nan)
    for col in ("registration_date", "last_activity"):
        if col in df.columns:
            data[col] = pd.to_datetime(df[col], errors="coerce").dt.normalize().to_numpy()
    for col in ("city", "channel", "email", "phone", "name", "category"):
        if col in df.columns:
            data["main_category" if col == "category" else col] = (
                df[col].astype("string").to_numpy()
            )
    if "rating" in df.columns:
        data["rating"] = pd.to_numeric(df["rating"], errors="coerce").to_numpy(
            dtype=np.float64, na_value=np.nan
        )
    frame = pd.DataFrame(data)
    for col in ("customer_key", "city", "channel", "email", "phone", "name", "main_category"):
        if col in frame:
            frame[col] = frame[col].astype("string")
    return CustomerTable(frame=frame.reset_index(drop=True), as_of=as_of, source="customers")
