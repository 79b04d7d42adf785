"""From a raw table with detected roles to the clean orders or customers table.

Text columns come out categorical (codes and distinct values); ``ingest`` hands them on as
plain ``string`` columns (see ``IngestResult.plain``).

Every row that does not become part of a valid order is counted under a reason; nothing is
dropped silently. See ``analytics.ingest.model`` for the output columns.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analytics.ingest import values as v
from analytics.ingest.amounts import SOURCES, line_amounts
from analytics.ingest.documents import RETURN_FLAG
from analytics.ingest.errors import IngestError
from analytics.ingest.groups import Groups
from analytics.ingest.model import Choices, Decision, QualityReport, Role, RoleMatch

TOTALS = re.compile(r"^\s*(итого|итог|всего|total|totals|grand total|сумма итого)\b", re.I)
KEY_CHAIN = (Role.CUSTOMER_ID, Role.EMAIL, Role.PHONE, Role.COMPANY, Role.NAME)
ORDER_LEVEL = (
    Role.ORDER_DATE,
    Role.PAID_DATE,
    Role.CUSTOMER_ID,
    Role.EMAIL,
    Role.PHONE,
    Role.NAME,
    Role.COMPANY,
    Role.STATUS,
    Role.CHANNEL,
    Role.CITY,
    Role.CURRENCY,
)
ATTRIBUTES = (Role.PRODUCT, Role.CATEGORY, Role.CHANNEL, Role.CITY, Role.NAME, Role.RATING)
DATE_ROLES = (Role.ORDER_DATE, Role.PAID_DATE)
STALE_MONTHS = 12
MAX_AMOUNT = 1e12
"""A line amount beyond this (or not finite: 1e308, a 40-digit number) is not money: the
row is excluded and counted as ``implausible_amount``."""
EARLIEST_ORDER = date(1990, 1, 1)
"""Orders dated before this, or more than a day after the run date, are not plausible: the
row is excluded and counted as ``implausible_date`` (the file is read all the same)."""
OUTLIER_FACTOR = 10_000
"""Orders above this many times the median order are flagged (kept, but named in the
quality report): a phone number or an account number in the amount column looks so."""
TOTALS_WINDOW = 50
STATUSES = pd.Index(
    ["valid", "cancelled", "refunded", "open", "adjustment", "lead"], dtype="string"
)
"""Status classes of order lines; ``adjustment`` is UCI's bad-debt line, dropped later;
``lead`` is a valid order of zero amount (a free lesson, a registration, a trial)."""


def _col(frame: pd.DataFrame, mapping: dict[Role, RoleMatch], role: Role) -> pd.Series | None:
    match = mapping.get(role)
    return frame[match.column] if match is not None else None


def _drop(quality: QualityReport, reason: str, count: int) -> None:
    if count:
        quality.rows_dropped[reason] = quality.rows_dropped.get(reason, 0) + int(count)


def strip_layout_rows(frame: pd.DataFrame, quality: QualityReport) -> pd.DataFrame:
    """Remove blank rows, count totals rows ("Итого", "Всего", "Total"), and turn empty
    or whitespace-only cells into missing values, so later steps test ``isna`` only."""
    blank = v.is_blank_frame(frame)
    filled = ~blank.all(axis=1).to_numpy()
    rows = np.flatnonzero(filled)
    quality.rows_read = len(rows) + quality.rows_dropped.get("document_subtotal", 0)
    tail = rows[-TOTALS_WINDOW:]  # totals close a table: look at its end
    first = first_filled(frame.iloc[tail], blank.iloc[tail])
    keep = filled.copy()
    keep[tail] = ~first.str.match(TOTALS).fillna(False).astype(bool).to_numpy()
    quality.totals_rows = len(rows) - int(keep.sum())
    _drop(quality, "totals_row", quality.totals_rows)
    frame = frame.copy(deep=False)
    for i in range(frame.shape[1]):
        empty = blank.iloc[:, i].to_numpy()
        if empty.any():  # columns without blanks are left as they are
            frame.isetitem(i, _blanked(frame.iloc[:, i], empty))
    kept = int(keep.sum())
    if keep[:kept].all():  # only trailing rows go (a totals row): a slice, not a copy
        return frame.iloc[:kept]
    return frame[keep]


def _blanked(column: pd.Series, empty: npt.NDArray[np.bool_]) -> pd.api.extensions.ExtensionArray:
    """``column``'s values with the ``empty`` cells missing (a categorical's codes set to -1)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = np.where(empty, -1, column.cat.codes.to_numpy())
        return v.categorical(codes, column.cat.categories)
    masked: pd.api.extensions.ExtensionArray = column.mask(empty).array
    return masked


def drop_duplicate_rows(
    frame: pd.DataFrame, quality: QualityReport, keep: bool = False
) -> tuple[pd.DataFrame, npt.NDArray[np.bool_]]:
    """Count exact duplicate rows (the first of each stays) and remove them unless ``keep``;
    returns the frame and the mask of the repeated rows."""
    repeated = repeated_rows(frame)
    quality.duplicate_rows = int(repeated.sum())
    quality.duplicates_kept = keep
    if keep or not quality.duplicate_rows:
        return frame, repeated
    _drop(quality, "duplicate", quality.duplicate_rows)
    return frame[~repeated], repeated


def repeated_rows(frame: pd.DataFrame) -> npt.NDArray[np.bool_]:
    """Rows equal in every column to an earlier row (``DataFrame.duplicated``).

    For categorical frames each row's codes are first mixed into one 64-bit number; equal
    rows give equal numbers, so whole rows are compared only where numbers repeat. Rows
    whose number falls in a bucket of its own (by its top bits) repeat nothing: the
    numbers themselves are compared only for the rest.
    """
    if not all(isinstance(dtype, pd.CategoricalDtype) for dtype in frame.dtypes):
        return frame.duplicated(keep="first").to_numpy()
    mixed = np.zeros(len(frame), dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrapping multiplication is the point
        for i, column in enumerate(frame.columns):
            np.multiply(mixed, np.uint64(0x9E3779B97F4A7C15), out=mixed)
            codes = frame[column].cat.codes.to_numpy().astype(np.int64).view(np.uint64)
            np.add(mixed, codes, out=mixed)
            np.add(mixed, np.uint64(i), out=mixed)
        np.multiply(mixed, np.uint64(0x9E3779B97F4A7C15), out=mixed)  # mix the top bits
    bits = len(frame).bit_length() + 1  # about two buckets per row
    buckets = (mixed >> np.uint64(64 - bits)).astype(np.intp)
    shared = np.flatnonzero(np.bincount(buckets, minlength=1 << bits)[buckets] > 1)
    same = pd.Series(mixed[shared]).duplicated(keep=False).to_numpy()
    candidates = shared[same]
    repeated = np.zeros(len(frame), dtype=bool)
    if len(candidates):
        repeated[candidates] = frame.iloc[candidates].duplicated(keep="first").to_numpy()
    return repeated


def first_filled(frame: pd.DataFrame, blank: pd.DataFrame) -> pd.Series:
    """The first non-empty cell among each row's first four columns, as text."""
    first = pd.Series("", index=frame.index, dtype="string")
    for column in reversed(frame.columns[:4]):
        cell = frame[column].astype("string").str.strip()
        first = cell.where(~blank[column], first)
    return first


def fill_continuation_rows(frame: pd.DataFrame, mapping: dict[Role, RoleMatch]) -> pd.DataFrame:
    """Order lines after the first often repeat only the order id (and maybe the date):
    blank order-level cells (customer, contacts, status, date...) take the order's values."""
    order_id = _col(frame, mapping, Role.ORDER_ID)
    if order_id is None:
        return frame
    codes = _codes(order_id)
    has_id = codes >= 0
    # A group is a run of equal ids when each id forms one run, else all lines of the id.
    new_run = np.r_[True, codes[1:] != codes[:-1]] | ~has_id
    ids = int(np.count_nonzero(np.bincount(codes[has_id]))) if has_id.any() else 0
    contiguous = int((new_run & has_id).sum()) == ids  # one run per id
    repeated = ~new_run if contiguous else has_id & pd.Series(codes).duplicated().to_numpy()
    if not repeated.any():
        return frame
    columns = [m.column for r, m in mapping.items() if r in ORDER_LEVEL]
    columns += [c for r in (Role.EMAIL, Role.PHONE) if r in mapping for c in mapping[r].extra]
    missing = {c: frame[c].isna().to_numpy() for c in dict.fromkeys(columns)}
    gaps = {c: m & repeated for c, m in missing.items() if (m & repeated).any()}
    if not gaps:
        return frame
    order = None if contiguous else np.argsort(codes, kind="stable")
    starts = new_run if order is None else np.r_[True, np.diff(codes[order]) != 0]
    positions = np.arange(len(codes), dtype=np.int32)
    group_start = np.maximum.accumulate(np.where(starts, positions, 0))

    def last_filled(blank: npt.NDArray[np.bool_]) -> npt.NDArray[np.int32]:
        """Per row, the last row of its group at or before it with a value (-1: none)."""
        filled = ~blank if order is None else ~blank[order]
        last = np.maximum.accumulate(np.where(filled, positions, -1))
        source = np.where(last >= group_start, last, -1)
        if order is not None:  # back from sorted positions to rows
            taken = np.empty_like(source)
            taken[order] = v.per_row(order, source, -1)
            source = taken
        return source

    sources: dict[bytes, npt.NDArray[np.int32]] = {}  # columns blank on the same lines share
    frame = frame.copy(deep=False)
    for column, gap in gaps.items():
        pattern = missing[column].tobytes()
        if pattern not in sources:
            sources[pattern] = last_filled(missing[column])
        rows = np.where(gap, sources[pattern], positions)
        frame[column] = pd.Series(v.take_rows(frame[column], rows), index=frame.index)
    return frame


def customer_keys(
    frame: pd.DataFrame, mapping: dict[Role, RoleMatch], quality: QualityReport
) -> pd.DataFrame:
    """Normalised contacts and the customer key: id, else email, else phone, else company,
    else name (per row, falling back along that chain when a cell is empty)."""
    out = pd.DataFrame(index=frame.index)
    emails = _coalesce(frame, mapping, Role.EMAIL)
    if emails is not None:
        out["email"], invalid = v.normalise_emails(emails)
        quality.invalid_emails = int(invalid.sum())
    phones = _coalesce(frame, mapping, Role.PHONE)
    if phones is not None:
        out["phone"], invalid = v.normalise_phones(phones)
        quality.invalid_phones = int(invalid.sum())
    key: pd.Series | None = None
    for role in KEY_CHAIN:
        if role == Role.EMAIL and "email" in out:
            candidate = out["email"]
        elif role == Role.PHONE and "phone" in out:
            candidate = out["phone"]
        elif role in (Role.CUSTOMER_ID, Role.COMPANY, Role.NAME) and role in mapping:
            column = frame[mapping[role].column]
            candidate = v.normalise_ids(column, collapse_spaces=role != Role.CUSTOMER_ID)
        else:
            continue
        if key is None:
            if not candidate.notna().any():
                continue  # a column that exists but is empty identifies nobody
            quality.customer_key_source = role.value
            key = candidate
        else:
            key = v.coalesce(key, candidate)  # a fallback only fills the gaps
        if not key.isna().any():
            break
    if key is None:
        key = pd.Series(pd.NA, index=frame.index, dtype="string")
    out["customer_key"] = key
    if Role.NAME in mapping:
        out["name"] = _text(frame[mapping[Role.NAME].column])
    contacts = [c for c in ("email", "phone") if c in out]
    if contacts:
        quality.missing_contacts = int(out[contacts].isna().all(axis=1).sum())
    return out


def _coalesce(frame: pd.DataFrame, mapping: dict[Role, RoleMatch], role: Role) -> pd.Series | None:
    match = mapping.get(role)
    if match is None:
        return None
    series = frame[match.column]
    for extra in match.extra:
        series = v.coalesce(series, frame[extra])
    return series


def detect_currency(
    frame: pd.DataFrame,
    mapping: dict[Role, RoleMatch],
    headers: tuple[str, ...],
    quality: QualityReport,
) -> pd.Series | None:
    """The file's currency (a currency column, the amount header, the values), and per row
    the currency where a column gives it."""
    per_row = None
    counts: dict[str, int] = {}
    if Role.CURRENCY in mapping:
        per_row = v.via_uniques(
            frame[mapping[Role.CURRENCY].column],
            lambda u: u.astype("string").str.strip().map(
                lambda s: v.currency_from_text(s) if isinstance(s, str) and s else None
            ),
        )
        counts = {str(k): int(n) for k, n in per_row.value_counts().items() if n}
    if not counts:
        for role in (Role.AMOUNT, Role.UNIT_PRICE, Role.TOTAL_SPENT):
            if role in mapping:
                code = v.currency_from_text(mapping[role].column)
                if code:
                    counts = {code: len(frame)}
                    break
                counts = v.currencies_in(frame[mapping[role].column].head(2000))
                if counts:
                    break
    if not counts and any(re.search("[А-Яа-я]", h) for h in headers):
        counts = {"RUB": len(frame)}
        quality.warnings.append("currency_assumed_rub")
    quality.currencies = counts
    quality.currency = max(counts, key=lambda c: counts[c]) if counts else None
    if len(counts) > 1:
        quality.warnings.append("mixed_currencies")
    return per_row


def clean_transactions(
    frame: pd.DataFrame,
    mapping: dict[Role, RoleMatch],
    headers: tuple[str, ...],
    quality: QualityReport,
    *,
    today: date | None = None,
    choices: Choices | None = None,
) -> pd.DataFrame:
    """The orders table: one row per order, all statuses kept, reasons counted; ``today``
    (the run date, default the day it runs) bounds plausible order dates. Exact duplicate
    rows are dropped unless ``choices`` keep them; either way their rows and money are
    counted."""
    choices = choices or Choices()
    frame = strip_layout_rows(frame, quality)
    returns = frame.pop(RETURN_FLAG) if RETURN_FLAG in frame else None
    frame = fill_continuation_rows(frame, mapping)
    unique, repeated = drop_duplicate_rows(frame, quality, choices.keep_duplicates)
    if returns is not None and not choices.keep_duplicates:
        returns = returns[~repeated]
    rows = _parse_lines(
        unique, mapping, headers, quality, returns, today=today or date.today(), choices=choices
    )
    if quality.duplicate_rows:
        source = quality.amount_source if quality.amount_source in SOURCES else None
        amounts, _ = line_amounts(frame[repeated], mapping, QualityReport(), source)
        money = amounts.to_numpy(dtype=np.float64, na_value=np.nan)
        quality.duplicate_amount = round(float(money[_money_like(money)].sum()), 2)
        _duplicates_decision(quality, mapping, choices)
    return _to_orders(rows, mapping, quality)


def _duplicates_decision(
    quality: QualityReport, mapping: dict[Role, RoleMatch], choices: Choices
) -> None:
    """Repeated rows are surely copies when the file has order ids; without them they may
    be real repeat purchases on one day, so the user is asked."""
    kept = choices.keep_duplicates
    quality.decisions.append(
        Decision(
            "duplicates",
            "keep" if kept else "drop",
            ("drop" if kept else "keep",),
            sure=kept or Role.ORDER_ID in mapping,
            explicit=kept,
            evidence={"rows": quality.duplicate_rows, "amount": quality.duplicate_amount},
        )
    )


def _parse_lines(
    frame: pd.DataFrame,
    mapping: dict[Role, RoleMatch],
    headers: tuple[str, ...],
    quality: QualityReport,
    returns: pd.Series | None,
    *,
    today: date,
    choices: Choices,
) -> pd.DataFrame:
    styles = {role: _date_style(frame, mapping, role, quality) for role in DATE_ROLES}
    with ThreadPoolExecutor(1) as pool:  # Arrow's date kernels run beside customer_keys
        parsing = {
            role: pool.submit(v.parse_dates, frame[mapping[role].column], style)
            for role, style in styles.items()
            if style is not None
        }
        lines = customer_keys(frame, mapping, quality)
        order_date, paid_date = (
            parsing[role].result() if role in parsing else None for role in DATE_ROLES
        )
    if order_date is None and paid_date is None:
        raise IngestError("no-date-column")
    lines["order_date"] = (
        paid_date.fillna(order_date)
        if (paid_date is not None and order_date is not None)
        else (paid_date if paid_date is not None else order_date)
    )
    raw_date_blank = pd.Series(True, index=frame.index)
    for role in (Role.PAID_DATE, Role.ORDER_DATE):
        if role in mapping:
            raw_date_blank &= frame[mapping[role].column].isna()
    lines["amount"], raw_amount_blank = line_amounts(
        frame, mapping, quality, choices.amount_source
    )
    if returns is not None:
        lines["amount"] = lines["amount"].where(~returns.to_numpy(), -lines["amount"].abs())
    lines["status"] = _statuses(frame, mapping, quality)
    per_row_currency = detect_currency(frame, mapping, headers, quality)
    lines["order_id"] = _order_ids(frame, mapping)
    if Role.ORDER_ID in mapping:
        _uci_prefixes(lines)
    for role in ATTRIBUTES:
        if role in mapping and role != Role.NAME:
            column = frame[mapping[role].column]
            lines[role.value] = (
                v.parse_numbers(column)
                if role == Role.RATING
                else _text(column)
            )
    if Role.QUANTITY in mapping:
        lines["quantity"] = v.parse_numbers(frame[mapping[Role.QUANTITY].column])
    reasons = np.full(len(lines), None, dtype=object)
    no_date = lines["order_date"].isna().to_numpy()
    reasons[no_date] = np.where(raw_date_blank.to_numpy()[no_date], "no_date", "bad_date")
    amount = lines["amount"].to_numpy(dtype=np.float64, na_value=np.nan)
    absurd = ~np.isnan(amount) & ~_money_like(amount)
    when = lines["order_date"]
    latest = pd.Timestamp(today) + pd.Timedelta(days=2)  # the run date and the day after
    conditions = [
        ("implausible_date", ((when < pd.Timestamp(EARLIEST_ORDER)) | (when >= latest)).to_numpy()),
        ("implausible_amount", absurd),
        ("no_customer", lines["customer_key"].isna().to_numpy()),
    ]
    if per_row_currency is not None and quality.currency is not None:
        other = per_row_currency.notna() & (per_row_currency != quality.currency)
        conditions.append(("other_currency", other.to_numpy(dtype=bool)))
    for reason, applies in conditions:
        reasons[applies & pd.isna(reasons)] = reason
    lines["_reason"] = reasons
    lines["_amount_blank"] = raw_amount_blank
    return lines


def _money_like(amounts: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
    """Amounts that can be money: finite and within ``MAX_AMOUNT`` (missing ones are not)."""
    with np.errstate(invalid="ignore"):
        return np.abs(amounts) <= MAX_AMOUNT


def _order_ids(frame: pd.DataFrame, mapping: dict[Role, RoleMatch]) -> pd.Series:
    """The source's order ids (categorical), ``row-N`` where a row has none."""
    if Role.ORDER_ID in mapping:
        ids = v.normalise_ids(frame[mapping[Role.ORDER_ID].column])
        missing = ids.isna().to_numpy()
    else:
        ids, missing = None, np.ones(len(frame), dtype=bool)
    if ids is not None and not missing.any():
        return ids
    rows = np.flatnonzero(missing)
    labels = np.char.add("row-", (rows + 1).astype(str)).astype(object)
    codes = np.full(len(frame), -1, dtype=np.intp)
    codes[rows] = np.arange(len(rows))
    numbered = pd.Series(
        v.categorical(codes, pd.Index(labels, dtype="string")), index=frame.index
    )
    return numbered if ids is None else v.coalesce(ids, numbered)


def _text(column: pd.Series) -> pd.Series:
    """Trimmed text with empty cells as missing (categorical)."""

    def strip(values: pd.Series) -> pd.Series:
        text = (values if v.arrow_backed(values) else values.astype("string")).str.strip()
        return text.mask(text == "")

    return v.via_uniques(column, strip)


def _uci_prefixes(lines: pd.DataFrame) -> None:
    """UCI Online Retail: invoices "C…" are cancellations, "A…" bad-debt adjustments."""
    ids = lines["order_id"]
    if not _matches(ids, "^[CA]").any():  # a quick look before the full pattern
        return
    prefixed = _matches(ids, r"^[CA][0-9]+$")
    if not prefixed.any() or _matches(ids, r"^[0-9]+$").mean() < 0.5:
        return
    cancelled = prefixed & _matches(ids, r"^C")
    lines.loc[cancelled, "status"] = "cancelled"
    lines.loc[prefixed & ~cancelled, "status"] = "adjustment"


def _matches(column: pd.Series, pattern: str) -> npt.NDArray[np.bool_]:
    """Cells matching ``pattern``, tested once per distinct value."""
    codes, values = v.distinct(column)
    if not len(values):
        return np.zeros(len(codes), dtype=bool)
    if v.arrow_backed(values):
        found = pc.match_substring_regex(pa.array(values.array), pattern)  # no pandas layers
        hit = found.to_numpy(zero_copy_only=False).astype(bool)
    else:
        hit = values.astype("str").str.match(pattern).to_numpy(dtype=bool, na_value=False)
    return v.flagged_rows(hit, codes, False)


def _date_style(
    frame: pd.DataFrame, mapping: dict[Role, RoleMatch], role: Role, quality: QualityReport
) -> v.DateStyle | None:
    """How the column of ``role`` writes dates (noted in ``quality``); None without one."""
    if role not in mapping:
        return None
    style = v.date_style(frame[mapping[role].column].head(20_000))
    if role == Role.ORDER_DATE or quality.day_first is None:
        quality.day_first = style.day_first
    if style.ambiguous:
        quality.warnings.append(f"ambiguous_day_month:{mapping[role].column}")
    return style


def _statuses(
    frame: pd.DataFrame, mapping: dict[Role, RoleMatch], quality: QualityReport
) -> pd.Series:
    if Role.STATUS not in mapping:
        codes = np.zeros(len(frame), dtype=np.int8)
        return pd.Series(pd.Categorical.from_codes(codes, STATUSES), index=frame.index)
    quality.status_column_present = True
    column = mapping[Role.STATUS].column
    classes, unknown = v.classify_statuses(frame[column])
    classes = classes.cat.set_categories(STATUSES)
    if unknown:
        top = sorted(unknown.items(), key=lambda kv: -kv[1])[:5]
        listed = "; ".join(f"{k} ({n})" for k, n in top)
        if not (classes == "valid").any():
            # No row says "paid" in words the audit knows: the column is a pipeline stage
            # or a form's folder, not a payment status. Its unknown values are ordinary
            # orders; only the cancellations and refunds it does name are excluded.
            classes = classes.where(~frame[column].isin(list(unknown)), "valid")
            quality.warnings.append(f"status_not_payment:{column}")
            # the user may rather have the column ignored (--map status=-, a bot button)
            quality.decisions.append(
                Decision("status", "stage", ("ignore",), sure=False, evidence={"column": column})
            )
        else:
            quality.warnings.append("unknown_statuses:" + listed)
    return classes.fillna("valid")


def _line_level_amount(lines: pd.DataFrame, order: Groups) -> bool:
    """Is the amount per line (sum over the order) or the order total on its first line?"""
    several = np.bincount(order.of_row, minlength=order.size) > 1  # orders of several lines
    if not several.any():
        return True
    multi = several[order.of_row]
    later = np.ones(len(lines), dtype=bool)
    later[order.first_rows] = False
    blank = lines["_amount_blank"].to_numpy(dtype=bool)
    if blank[multi & later].mean() > 0.5 and not blank[multi & ~later].any():
        return False  # the total sits on the first line only
    one_amount = order.single_valued(lines["amount"].to_numpy(dtype=np.float64))[several]
    return not (len(one_amount) >= 2 and one_amount.mean() >= 0.9)  # total repeated


def _to_orders(
    lines: pd.DataFrame, mapping: dict[Role, RoleMatch], quality: QualityReport
) -> pd.DataFrame:
    usable = lines["_reason"].isna()
    anonymous = (lines["_reason"] == "no_customer") & (lines["status"] == "valid")
    quality.orders_without_customer = int(lines.loc[anonymous, "order_id"].nunique())
    quality.revenue_without_customer = round(float(lines.loc[anonymous, "amount"].sum()), 2)
    for reason, count in lines.loc[~usable, "_reason"].value_counts().items():
        _drop(quality, str(reason), int(count))
    lines = lines[usable]
    if lines.empty:
        raise IngestError("no-valid-rows")
    order = Groups(_codes(lines["order_id"]))  # every line has an id (row-N if none)
    line_level = _line_level_amount(lines, order)
    if order.size < len(lines):
        orders = _aggregate(lines, order, line_level)
    else:
        orders = lines.drop(columns=["_reason", "_amount_blank"])
    valid = orders["status"] == "valid"
    no_amount = valid & orders["amount"].isna()
    zero = valid & orders["amount"].eq(0)
    orders["status"] = orders["status"].where(~zero, "lead")
    quality.status_counts = {
        str(k): int(n) for k, n in orders["status"].value_counts().items() if n
    }
    line_counts = np.bincount(_codes(lines["order_id"])) if line_level else None
    for status in ("cancelled", "refunded", "open", "adjustment"):
        mask = orders["status"] == status
        _drop(quality, status, _rows_of(orders, mask, line_counts))
    _drop(quality, "no_amount", _rows_of(orders, no_amount, line_counts))
    quality.lead_rows = _rows_of(orders, zero, line_counts)
    orders = orders[~no_amount & (orders["status"] != "adjustment")]
    orders = orders.reset_index(drop=True)
    sales = orders[orders["status"] == "valid"]
    if sales.empty:
        raise IngestError("only-leads" if quality.lead_rows else "no-valid-rows")
    purchases = sales["amount"].to_numpy(dtype=np.float64)
    purchases = purchases[purchases > 0]
    if not len(purchases):
        raise IngestError("only-returns", rows=len(sales))
    outliers = int((purchases > OUTLIER_FACTOR * np.median(purchases)).sum())
    if outliers:
        quality.warnings.append(f"outlier_amounts:{outliers}")
    quality.rows_used = quality.rows_read - sum(quality.rows_dropped.values())
    quality.orders = int((sales["amount"] > 0).sum())
    quality.revenue = round(float(sales["amount"].sum()), 2)
    quality.customers = int(sales["customer_key"].nunique())
    leads = orders.loc[orders["status"] == "lead", "customer_key"].dropna().unique()
    quality.leads = int((~pd.Index(leads).isin(sales["customer_key"].unique())).sum())
    quality.date_from = sales["order_date"].min().date().isoformat()
    quality.date_to = sales["order_date"].max().date().isoformat()
    _stale(quality, sales)
    _duplicate_customers(quality, sales)
    return orders


def _rows_of(
    orders: pd.DataFrame, mask: pd.Series, line_counts: npt.NDArray[np.intp] | None
) -> int:
    """Source lines behind the orders in ``mask`` (order ids share the lines' codes)."""
    if line_counts is None:
        return int(mask.sum())
    return int(line_counts[_codes(orders.loc[mask, "order_id"])].sum())


def _codes(series: pd.Series) -> npt.NDArray[np.intp]:
    """Integer codes of a column's values (-1 for missing): a categorical's own codes."""
    codes, _ = v.distinct(series)
    return codes


def _aggregate(lines: pd.DataFrame, group: Groups, line_level: bool) -> pd.DataFrame:
    """Merge the lines of one order id into one order (orders in order of appearance):
    the earliest date, summed quantities (and amounts kept per line), the product and
    category of the largest line, the first value of everything else."""
    lines = lines.drop(columns=["_reason", "_amount_blank"])
    top = group.row_of_max(lines["amount"].to_numpy(dtype=np.float64)) if line_level else None

    def merged(column: str) -> object:
        if column == "order_date":
            return group.min(lines[column].to_numpy())
        if column == "quantity" or (column == "amount" and line_level):
            return group.sum(lines[column].to_numpy(dtype=np.float64))
        if top is not None and column in ("product", "category"):
            return v.take_rows(lines[column], top)
        return group.first(lines[column])

    ordered = ["order_id", *(c for c in lines.columns if c != "order_id")]
    return pd.DataFrame({c: merged(c) for c in ordered})


def _stale(quality: QualityReport, sales: pd.DataFrame) -> None:
    as_of = sales["order_date"].max()
    last = sales["order_date"].groupby(_codes(sales["customer_key"])).max()
    stale = last < as_of - pd.DateOffset(months=STALE_MONTHS)
    quality.stale_customers = int(stale.sum())
    quality.stale_share = round(float(stale.mean()), 4) if len(stale) else 0.0


def _duplicate_customers(quality: QualityReport, sales: pd.DataFrame) -> None:
    """Customers who share an email or phone with another customer key."""
    duplicates = 0
    for contact in ("email", "phone"):
        if contact in sales and quality.customer_key_source != contact:
            pairs = pd.DataFrame(
                {"key": _codes(sales["customer_key"]), "contact": _codes(sales[contact])}
            )
            pairs = pairs[(pairs >= 0).all(axis=1)].drop_duplicates()
            keys_per_contact = np.bincount(pairs["contact"].to_numpy())
            duplicates = max(duplicates, int((keys_per_contact[keys_per_contact > 1] - 1).sum()))
    quality.duplicate_customers = duplicates


def clean_customers(
    frame: pd.DataFrame,
    mapping: dict[Role, RoleMatch],
    headers: tuple[str, ...],
    quality: QualityReport,
) -> pd.DataFrame:
    """The customers table of a customer-list file: one row per customer key."""
    frame, _ = drop_duplicate_rows(strip_layout_rows(frame, quality), quality)
    table = customer_keys(frame, mapping, quality)
    for role in (
        Role.FIRST_PURCHASE,
        Role.LAST_PURCHASE,
        Role.REGISTRATION_DATE,
        Role.LAST_ACTIVITY,
    ):
        if role in mapping:
            table[role.value] = v.parse_dates(frame[mapping[role].column])
    for role in (Role.ORDERS_COUNT, Role.TOTAL_SPENT):
        if role in mapping:  # 1e308 orders or roubles is no figure: left empty
            numbers = v.parse_numbers(frame[mapping[role].column])
            table[role.value] = numbers.where(_money_like(numbers.to_numpy(dtype=float)))
    for role in (Role.CITY, Role.CHANNEL):
        if role in mapping:
            table[role.value] = _text(frame[mapping[role].column])
    detect_currency(frame, mapping, headers, quality)
    no_key = table["customer_key"].isna()
    _drop(quality, "no_customer", int(no_key.sum()))
    table = table[~no_key]
    repeated = table["customer_key"].duplicated()
    quality.duplicate_customers = int(repeated.sum())
    _drop(quality, "duplicate_customer", quality.duplicate_customers)
    table = table[~repeated].reset_index(drop=True)
    if table.empty:
        raise IngestError("no-valid-rows")
    quality.rows_used = len(table)
    quality.customers = len(table)
    if "orders_count" in table:
        quality.orders = int(table["orders_count"].fillna(0).sum())
    if "total_spent" in table:
        quality.revenue = round(float(table["total_spent"].fillna(0).sum()), 2)
    dates = [
        table[c]
        for c in ("first_purchase", "last_purchase", "registration_date", "last_activity")
        if c in table
    ]
    if dates:
        stacked = pd.concat(dates).dropna()
        if not stacked.empty:
            quality.date_from = stacked.min().date().isoformat()
            quality.date_to = stacked.max().date().isoformat()
    seen = [table[c] for c in ("last_activity", "last_purchase") if c in table]
    if seen:
        last = pd.concat(seen, axis=1).max(axis=1)
        as_of = last.max()
        stale = last < as_of - pd.DateOffset(months=STALE_MONTHS)
        quality.stale_customers = int(stale.sum())
        quality.stale_share = round(float(stale.mean()), 4)
    return table
