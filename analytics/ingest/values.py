"""Vectorised parsers for the values real exports hold: money, dates, statuses, contacts.

Each parser takes a pandas Series of raw cells (strings, or native numbers and datetimes
from workbooks) and works on the column's distinct values, so repeated values cost once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analytics.ingest.model import StatusClass

WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
"""Python's whitespace written out: Arrow's regex engine (RE2) reads ``\\s`` as ASCII only,
so patterns meant for Arrow-backed text name these characters instead."""
_SPACES = re.compile(f"[{WHITESPACE}']")
_SCI = re.compile(r"^[-+]?[0-9]+(?:[.,][0-9]+)?[eE][-+]?[0-9]+$")
_NOT_NUMBER = re.compile(r"[^0-9,.\-+()]")
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
_SERIAL_MIN, _SERIAL_MAX = 18_264, 73_051  # 1950-01-01 .. 2099-12-31 as Excel serials


def distinct(series: pd.Series) -> tuple[npt.NDArray[np.intp], pd.Series]:
    """Codes (-1 for missing cells) and the distinct values of ``series``: a categorical's
    own codes and categories; Arrow-backed text stays so, other values become objects."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        return series.cat.codes.to_numpy().astype(np.intp), pd.Series(series.cat.categories)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes, pd.Series(uniques, dtype=series.dtype if arrow_backed(series) else object)


def categorical(codes: npt.NDArray[np.integer[Any]], categories: pd.Index) -> pd.Categorical:
    """A categorical from row codes (-1: missing) into ``categories``, which the caller
    guarantees distinct (dictionary encoding, factorize). pandas' own check hashes every
    category, as Python objects for Arrow text: for a column of 400,000 distinct values
    it costs 0.1 s, more than the step that built them."""
    unchecked = getattr(pd.CategoricalDtype, "_from_fastpath", None)  # pandas 2.2-3.x
    dtype = unchecked(categories, ordered=False) if unchecked else pd.CategoricalDtype(categories)
    return pd.Categorical.from_codes(codes, dtype=dtype, validate=False)


def per_row(
    per_value: npt.NDArray[Any], codes: npt.NDArray[np.integer[Any]], missing: object
) -> npt.NDArray[Any]:
    """Each row's entry of ``per_value`` by its code, ``missing`` where the code is -1
    (one take: -1 picks ``missing`` appended at the end)."""
    table = np.append(per_value, np.array([missing], dtype=per_value.dtype))
    rows: npt.NDArray[Any] = table[codes]
    return rows


def flagged_rows(
    flags: npt.NDArray[np.bool_], codes: npt.NDArray[np.integer[Any]], missing: bool
) -> npt.NDArray[np.bool_]:
    """``per_row`` for flags of distinct values: when few values are flagged (blank
    cells, a totals label), a comparison per flagged value beats a gather per row."""
    flagged = np.flatnonzero(flags)
    if len(flagged) > 4:
        return per_row(flags, codes, missing)
    rows = codes < 0 if missing else np.zeros(len(codes), dtype=bool)
    for value in flagged:
        rows |= codes == value
    return rows


def take_rows(
    column: pd.Series, rows: npt.NDArray[np.integer[Any]]
) -> pd.api.extensions.ExtensionArray:
    """``column``'s values at ``rows`` (-1: missing); a categorical's by its codes."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return categorical(per_row(column.cat.codes.to_numpy(), rows, -1), column.cat.categories)
    taken: pd.api.extensions.ExtensionArray = column.array.take(rows, allow_fill=True)
    return taken


def spread(parsed: pd.Series, codes: npt.NDArray[np.intp], index: pd.Index) -> pd.Series:
    """Per-distinct-value results back onto the rows; missing cells get the dtype's NA.
    Text results come back categorical (``coded_text``)."""
    if not len(parsed):  # every cell missing
        empty = pd.Series(np.full(len(codes), None), index=index)
        if pd.api.types.is_datetime64_any_dtype(parsed.dtype):
            return pd.to_datetime(empty)
        if pd.api.types.is_float_dtype(parsed.dtype):
            return empty.astype("float64")
        return coded_text(pd.Series([], dtype="string"), codes, index)
    if parsed.dtype == object or isinstance(parsed.dtype, pd.StringDtype):
        return coded_text(parsed, codes, index)
    return pd.Series(parsed.array.take(codes, allow_fill=True), index=index)


def coded_text(values: pd.Series, codes: npt.NDArray[np.intp], index: pd.Index) -> pd.Series:
    """A categorical text column from per-distinct-value texts (equal texts merged, missing
    ones dropped) and the row codes into ``values``."""
    text = values if isinstance(values.dtype, pd.StringDtype) else values.astype("string")
    inner, texts = pd.factorize(text, use_na_sentinel=True)
    rows = per_row(inner.astype(np.intp), codes, -1)
    return pd.Series(categorical(rows, pd.Index(texts)), index=index)


def via_uniques(series: pd.Series, parse: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Apply ``parse`` to the distinct values of ``series`` and spread the results back."""
    codes, uniques = distinct(series)
    parsed = parse(uniques).reset_index(drop=True)
    if _unchanged_text(series, uniques, parsed, codes):
        return series  # e.g. ids that were already trimmed: no new categorical
    return spread(parsed, codes, series.index)


def _unchanged_text(
    series: pd.Series, uniques: pd.Series, parsed: pd.Series, codes: npt.NDArray[np.intp]
) -> bool:
    """Did ``parse`` return every distinct value in use as it was (categorical text)?"""
    if not (
        isinstance(series.dtype, pd.CategoricalDtype)
        and isinstance(parsed.dtype, pd.StringDtype)
        and isinstance(uniques.dtype, pd.StringDtype)
        and len(parsed) == len(uniques)
    ):
        return False
    equal = parsed.reset_index(drop=True) == uniques.reset_index(drop=True)
    same = equal.fillna(False).to_numpy(dtype=bool)
    used = codes[codes >= 0]
    return bool(same[used].all())


def arrow_backed(series: pd.Series) -> bool:
    """Is ``series`` text with Arrow storage (so Arrow's kernels can read it)?"""
    return isinstance(series.dtype, pd.StringDtype) and series.dtype.storage == "pyarrow"


def is_blank(series: pd.Series) -> pd.Series:
    """True where a cell is missing or only whitespace (decided once per distinct value;
    Arrow-backed text is tested directly, which is faster than finding distinct values)."""
    if arrow_backed(series):
        return pd.Series(_blank_texts(series), index=series.index)
    if isinstance(series.dtype, pd.CategoricalDtype):  # its own codes, without a copy
        codes, values = series.cat.codes.to_numpy(), pd.Series(series.cat.categories)
    else:
        codes, values = distinct(series)
    if arrow_backed(values):
        blank_unique = _blank_texts(values)
    elif isinstance(values.dtype, pd.StringDtype):
        blank_unique = values.str.strip().eq("").fillna(True).to_numpy(dtype=bool)
    else:
        strings = values.map(lambda u: isinstance(u, str)).to_numpy(dtype=bool)
        blank_unique = np.zeros(len(values), dtype=bool)
        if strings.any():
            blank_unique[strings] = values[strings].str.strip().eq("").to_numpy()
    return pd.Series(flagged_rows(blank_unique, codes, True), index=series.index)


def _blank_texts(texts: pd.Series) -> npt.NDArray[np.bool_]:
    """Missing or whitespace-only, for Arrow-backed text (Arrow's kernels, no pandas
    layer per step)."""
    trimmed = pc.utf8_trim_whitespace(pa.array(texts.array))
    blank: npt.NDArray[np.bool_] = pc.fill_null(pc.equal(trimmed, ""), True).to_numpy(
        zero_copy_only=False
    )
    return blank


def coalesce(first: pd.Series, then: pd.Series) -> pd.Series:
    """``first`` where present, else ``then``; two categoricals give a categorical."""
    if not (
        isinstance(first.dtype, pd.CategoricalDtype) and isinstance(then.dtype, pd.CategoricalDtype)
    ):
        return first.fillna(then)
    ahead = first.cat.codes.to_numpy().astype(np.intp)
    gaps = np.flatnonzero(ahead < 0)
    fill = then.cat.codes.to_numpy()[gaps]
    used = np.unique(fill[fill >= 0])
    fresh = then.cat.categories.take(used)
    categories = first.cat.categories
    where = categories.get_indexer(fresh)
    new = where < 0
    where[new] = len(categories) + np.arange(int(new.sum()))
    categories = categories.append(fresh[new])
    lookup = np.full(len(then.cat.categories), -1, dtype=np.intp)
    lookup[used] = where
    codes = ahead.copy()
    codes[gaps] = per_row(lookup, fill, -1)
    return pd.Series(categorical(codes, categories), index=first.index)


# ---------------------------------------------------------------- money and numbers


@dataclass(frozen=True)
class NumberStyle:
    """How a column writes numbers: the decimal separator."""

    decimal: str = "."


def number_style(values: pd.Series) -> NumberStyle:
    """Decide the decimal separator of a text column from its values (each distinct value
    tested once, weighted by its count)."""
    counts = values.value_counts(dropna=True)
    counts = counts[counts > 0]
    strings = [(_SPACES.sub("", v), n) for v, n in counts.items() if isinstance(v, str)]
    with_digits = [(v, n) for v, n in strings if re.search(r"\d", v)]
    if not with_digits:
        return NumberStyle()
    text = pd.Series([v for v, _ in with_digits], dtype=object)
    weight = np.array([n for _, n in with_digits], dtype=np.int64)

    def rows(pattern: str) -> int:
        return int(weight[text.str.contains(pattern, regex=True).to_numpy(dtype=bool)].sum())

    dot_decimal = rows(r"\.\d{1,2}\D*$|,\d{3}\.")
    if rows(r",\d{1,2}\D*$|,\d{4,}\D*$|\.\d{3},") > dot_decimal:
        return NumberStyle(",")
    if dot_decimal:
        return NumberStyle(".")
    thousands = text.str.fullmatch(r"[^,]*\d{1,3}(,\d{3})+\D*", case=False)
    if text.str.contains(",", regex=False).any() and not thousands.all():
        return NumberStyle(",")
    return NumberStyle(".")


def parse_numbers(series: pd.Series, style: NumberStyle | None = None) -> pd.Series:
    """Numbers from cells like ``1 234,50 ₽``, ``12 500 руб.``, ``$1,234.50``, ``(120,00)``."""
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series):
        return series.astype("float64")
    style = style or number_style(series.head(5000))
    return via_uniques(series, lambda u: _parse_number_values(u, style))


def _parse_number_values(values: pd.Series, style: NumberStyle) -> pd.Series:
    """Numbers of distinct cells; text goes through pattern strings Arrow can run."""
    if arrow_backed(values):  # all text: nothing native
        native = pd.Series(np.nan, index=values.index, dtype="float64")
        text = values.fillna("")
    else:
        native = pd.Series(
            [
                float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else np.nan
                for v in values
            ],
            index=values.index,
            dtype="float64",
        )
        text = values.where(native.isna()).astype("string").fillna("")
    text = text.str.replace(_SPACES.pattern, "", regex=True)
    sci = text.str.fullmatch(_SCI.pattern)
    negative = text.str.contains(r"^\(.*\)$|^-|^−|-$", regex=True)
    digits = text.str.replace(_NOT_NUMBER.pattern, "", regex=True)
    digits = digits.str.replace(r"[()+]", "", regex=True)
    digits = digits.str.replace("-", "", regex=False)
    if style.decimal == ",":
        digits = digits.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        digits = digits.str.replace(",", "", regex=False)
    digits = digits.str.replace(r"\.$", "", regex=True)
    digits = digits.where(~sci.fillna(False), text.str.replace(",", ".", regex=False))
    number = pd.to_numeric(digits.replace("", None), errors="coerce").astype("float64")
    number = number.where(~(negative.fillna(False) & ~sci.fillna(False)), -number.abs())
    return native.fillna(number)


_CURRENCY_MARKS: tuple[tuple[str, str], ...] = (
    (r"₽|\bруб|\bр\.|\brub\b|\brur\b", "RUB"),
    (r"\$|\busd\b", "USD"),
    (r"€|\beur\b", "EUR"),
    (r"£|\bgbp\b", "GBP"),
    (r"₸|\bkzt\b|\bтенге\b", "KZT"),
    (r"\bbyn\b|\bбел\.? ?руб", "BYN"),
    (r"₴|\buah\b|\bгрн\b", "UAH"),
    (r"\bcny\b|¥", "CNY"),
)


def currency_from_text(text: str) -> str | None:
    """An ISO currency code named or symbolised in ``text``, if any."""
    lowered = text.lower()
    for pattern, code in _CURRENCY_MARKS:
        if re.search(pattern, lowered):
            return code
    if re.fullmatch(r"[a-z]{3}", lowered.strip()):
        return lowered.strip().upper()
    return None


def currencies_in(values: pd.Series) -> dict[str, int]:
    """How many cells of a column name each currency (symbols, words or ISO codes)."""
    counts: dict[str, int] = {}
    for value, count in values.dropna().astype(str).value_counts().head(200).items():
        code = currency_from_text(str(value))
        if code:
            counts[code] = counts.get(code, 0) + int(count)
    return counts


# ---------------------------------------------------------------- dates

_DMY = re.compile(r"^\s*(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})\b")
_ISO_START = r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
_DATE_SHAPE = re.compile(r"^[0-9]{1,4}[./-][0-9]{1,2}[./-][0-9]{1,4}")
_COMPACT = r"^(?:19|2[0-2])[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])$"
"""``YYYYMMDD`` (CDNOW, many SQL exports), as text or as a number."""
_COMPACT_MIN, _COMPACT_MAX = 19_000_101, 22_001_231
FIRST_YEAR, LAST_YEAR = 1900, 2200
"""Dates outside these years are placeholders (01.01.0001, 31.12.9999), not dates."""
_TIMEZONE = re.compile(f"[{WHITESPACE}]*(?:[+-][0-9]{{2}}:?[0-9]{{2}}|UTC|GMT|Z)[{WHITESPACE}]*$")


@dataclass(frozen=True)
class DateStyle:
    """How a column writes dates: day before month or not, and whether that was a guess."""

    day_first: bool = True
    ambiguous: bool = False


def date_style(values: pd.Series) -> DateStyle:
    """Decide day/month order from the column's content (a first part above 12 is a day)."""
    text = values.dropna().astype(str).head(20_000)
    if (_day_month_parts(text.iloc[::20])[1] > 12).any():  # most columns tell at a glance
        return DateStyle(True)
    found, first, separators, second = _day_month_parts(text)
    if not found:
        return DateStyle()
    if (first > 12).any():
        return DateStyle(True)
    if (second > 12).any():
        return DateStyle(False)
    separator = separators.dropna().mode()
    slash = not separator.empty and separator.iloc[0] == "/"
    return DateStyle(day_first=not slash, ambiguous=True)


def _day_month_parts(text: pd.Series) -> tuple[bool, pd.Series, pd.Series, pd.Series]:
    r"""Whether any cell looks like a day-month date, and per cell the first number, the
    separator and the second number (NaN where not ASCII digits: ``\d`` takes others)."""
    parts = text.str.extract(_DMY)
    if parts.empty:
        empty = pd.Series([], dtype="float64")
        return False, empty, pd.Series([], dtype=object), empty
    first = pd.to_numeric(parts[0], errors="coerce")
    return bool(parts[0].notna().any()), first, parts[1], pd.to_numeric(parts[2], errors="coerce")


def _formats(style: DateStyle) -> list[str]:
    orders = (
        ["%d{s}%m{s}%Y", "%d{s}%m{s}%y"] if style.day_first else ["%m{s}%d{s}%Y", "%m{s}%d{s}%y"]
    )
    times = [" %H:%M:%S", " %H:%M", "", "T%H:%M:%S", " %H:%M:%S.%f", ", %H:%M", " %I:%M %p"]
    return [o.format(s=s) + t for s in "./-" for o in orders for t in times]


def _formats_by_fit(text: pd.Series, style: DateStyle) -> list[str]:
    """Candidate formats, those that parse most of a small sample first."""
    sample = text.head(200).astype(object)
    if sample.empty:
        return []
    fits = {
        fmt: int(pd.to_datetime(sample, format=fmt, errors="coerce").notna().sum())
        for fmt in _formats(style)
    }
    return sorted(fits, key=lambda fmt: -fits[fmt])


def parse_dates(series: pd.Series, style: DateStyle | None = None) -> pd.Series:
    """Datetimes from native dates, Excel serial numbers and text in the usual formats.

    Time zones are dropped, keeping the local wall time the export shows.
    """
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        return _naive(series)
    style = style or date_style(series)
    return via_uniques(series, lambda u: _parse_date_values(u, style))


def _naive(series: pd.Series) -> pd.Series:
    """Local wall times as nanosecond datetimes; years outside ``FIRST_YEAR..LAST_YEAR`` are
    missing (placeholders, which nanoseconds cannot even hold)."""
    if getattr(series.dt, "tz", None) is not None:
        series = series.dt.tz_localize(None)
    if series.dtype != "datetime64[ns]":
        series = series.where(series.dt.year.between(FIRST_YEAR, LAST_YEAR))
    return series.astype("datetime64[ns]")


def _parse_date_values(values: pd.Series, style: DateStyle) -> pd.Series:
    if arrow_backed(values):
        return _parse_date_texts(values, style)
    result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    natives = values.map(
        lambda v: isinstance(v, (datetime, date)) and FIRST_YEAR <= v.year <= LAST_YEAR
    )
    if natives.any():
        stamps = pd.to_datetime(values[natives].map(pd.Timestamp), errors="coerce", utc=False)
        result[natives] = _naive(pd.Series(stamps))
    numeric = pd.to_numeric(values.where(~natives), errors="coerce")
    serial = numeric.between(_SERIAL_MIN, _SERIAL_MAX)
    if serial.any():
        result[serial] = EXCEL_EPOCH + pd.to_timedelta(numeric[serial], unit="D")
    compact = numeric.between(_COMPACT_MIN, _COMPACT_MAX) & (numeric % 1 == 0)
    if compact.any():
        result[compact] = _compact(numeric[compact].astype("int64").astype(str))
    rest = ~natives & ~serial & ~compact & values.map(lambda v: isinstance(v, str))
    if not rest.any():
        return result
    text = values[rest].astype(str).str.strip()
    text = text[text.str.contains(_DATE_SHAPE)]  # nothing else can parse: skip the formats
    if text.empty:
        return result
    text = text.str.replace(_TIMEZONE, "", regex=True)
    parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    iso = text.str.match(_ISO_START).fillna(False).to_numpy(dtype=bool)
    if iso.any():
        parsed[iso] = _iso(text[iso])
    parsed[~iso] = _by_formats(text[~iso], style)
    result[parsed.index] = parsed
    return result


def _compact(text: pd.Series) -> pd.Series:
    """``YYYYMMDD`` dates (NaT where such a day does not exist)."""
    return _naive(pd.Series(pd.to_datetime(text.astype(object), format="%Y%m%d",
                                           errors="coerce")))


def _iso(text: pd.Series) -> pd.Series:
    """ISO 8601 dates and times, time zones dropped (NaT where unreadable)."""
    return _naive(pd.Series(pd.to_datetime(text, format="ISO8601", errors="coerce")))


def _by_formats(text: pd.Series, style: DateStyle) -> pd.Series:
    """Each cell read with the first format (best fitting first) that takes it; NaT if none."""
    parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    for fmt in _formats_by_fit(text, style):
        todo = parsed.isna()
        if not todo.any():
            break
        parsed[todo] = _naive(
            pd.Series(pd.to_datetime(text[todo].astype(object), format=fmt, errors="coerce"))
        )
    return parsed


_SERIAL_TEXT = r"^[0-9]{5}(?:\.[0-9]+)?$"
_DATE_PARTS = r"^(?P<first>[0-9]{1,2})[./-](?P<second>[0-9]{1,2})[./-](?P<year>[0-9]+)"


def _may_end_in_zone(text: pa.Array | pa.ChunkedArray) -> npt.NDArray[np.bool_]:
    """Texts (trimmed) that could end in a ``_TIMEZONE``: a sign among the last six
    characters, or UTC, GMT or Z at the end. Literal tests are cheaper than the pattern."""
    tail = pc.utf8_slice_codeunits(text, -6)
    zoned = pc.or_(pc.match_substring(tail, "+"), pc.match_substring(tail, "-"))
    for mark in ("UTC", "GMT", "Z"):
        zoned = pc.or_(zoned, pc.ends_with(text, mark))
    found: npt.NDArray[np.bool_] = pc.fill_null(zoned, False).to_numpy(zero_copy_only=False)
    return found


def _parse_date_texts(values: pd.Series, style: DateStyle) -> pd.Series:
    """``_parse_date_values`` for Arrow-backed text, with Arrow's kernels: Excel serials
    written as text, ISO dates, then each format by fit. Arrow's strptime rolls impossible
    days over (31.02 -> 03.03) and takes any count of year digits, so a parse stands only
    when its day equals the written day, its year is 1900..2200 and written with four
    digits for ``%Y`` and two for ``%y`` (as Python's ``strptime``); what no format takes
    goes to pandas (e.g. fractions of a second)."""
    text = values.str.strip()
    serial = text.str.match(_SERIAL_TEXT).to_numpy(dtype=bool)  # before zones, as in Python
    zoned = _may_end_in_zone(pa.array(text.array))
    if zoned.any():
        text[zoned] = text[zoned].str.replace(_TIMEZONE.pattern, "", regex=True)
    result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    if serial.any():
        days = pd.to_numeric(text[serial], errors="coerce")
        days = days.where(days.between(_SERIAL_MIN, _SERIAL_MAX))
        result[serial] = EXCEL_EPOCH + pd.to_timedelta(days, unit="D")
    iso = text.str.match(_ISO_START).to_numpy(dtype=bool)
    if iso.any():
        result[iso] = _iso(text[iso])
    compact = text.str.match(_COMPACT).to_numpy(dtype=bool)
    if compact.any():
        result[compact] = _compact(text[compact]).to_numpy()
    todo = ~serial & ~iso & text.str.contains(_DATE_SHAPE.pattern).to_numpy(dtype=bool)
    if not todo.any():
        return result
    arrow = pa.array(text[todo].array).cast(pa.string())
    parts = pc.extract_regex(arrow, _DATE_PARTS)
    written_day = pc.cast(pc.struct_field(parts, "first" if style.day_first else "second"), "int64")
    year_digits = pc.utf8_length(pc.struct_field(parts, "year"))
    parsed = pa.nulls(len(arrow), pa.timestamp("us"))
    sample = arrow.slice(0, 200)
    fits = {
        fmt: len(sample) - pc.strptime(sample, format=fmt, unit="us", error_is_null=True).null_count
        for fmt in _formats(style)
    }  # a value fits one format at most: the order only saves time
    for fmt in sorted(fits, key=lambda f: -fits[f]):
        missing = pc.is_null(parsed)
        if not pc.any(missing).as_py():
            break
        attempt = pc.strptime(arrow, format=fmt, unit="us", error_is_null=True)
        year = pc.year(attempt)
        good = pc.and_(
            pc.and_(pc.equal(pc.day(attempt), written_day), pc.greater_equal(year, FIRST_YEAR)),
            pc.and_(
                pc.less_equal(year, LAST_YEAR),
                pc.equal(year_digits, 4 if "%Y" in fmt else 2),  # as Python's %Y and %y
            ),
        )
        take = pc.and_(missing, pc.fill_null(good, False))
        parsed = pc.if_else(take, attempt, parsed)
    stamps = pd.Series(parsed.to_numpy(zero_copy_only=False), dtype="datetime64[ns]")
    left = stamps.isna().to_numpy()
    if left.any():  # formats Arrow cannot read
        stamps[left] = _by_formats(text[todo][left], style).to_numpy()
    result[todo] = stamps.to_numpy()
    return result


# ---------------------------------------------------------------- statuses

_STATUS_RULES: tuple[tuple[StatusClass, tuple[str, ...]], ...] = (
    (
        "refunded",
        (
            "возврат",
            "вернули",
            "refund",
            "returned",
            "chargeback",
            "возвращ",
            "ожидаем возврата",
            "credit note",
            "сторно",
        ),
    ),
    (
        "cancelled",
        (
            "отмен",
            "cancel",
            "void",
            "ложн",
            "failed",
            "fail",
            "declin",
            "отказ",
            "не реализовано",
            "провал",
            "lost",
            "проигр",
            "неуспеш",
            "не оплачен",
            "expired",
            "истек",
            "rejected",
            "отклон",
            "spam",
            "спам",
            "удален",
            "deleted",
            "trash",
            "брак",
        ),
    ),
    (
        "valid",
        (
            "оплач",
            "выполн",
            "заверш",
            "paid",
            "complet",
            "успешн",
            "won",
            "выигр",
            "доставлен",
            "delivered",
            "получен",
            "закрыт",
            "shipped",
            "fulfilled",
            "отгруж",
            "продан",
            "sold",
            "succeeded",
            "success",
            "done",
            "closed won",
            "captured",
            "реализовано",
            "исполн",
            "processing",
            "settled",
            "approved",
            "partially_refunded",
            "partially refunded",
            "выдан",
            "вручен",
        ),
    ),
    (
        "open",
        (
            "нов",
            "new",
            "в работе",
            "ожида",
            "pending",
            "progress",
            "обработ",
            "on-hold",
            "hold",
            "отлож",
            "draft",
            "черновик",
            "authorized",
            "частично",
            "partial",
            "согласован",
            "open",
            "открыт",
            "awaiting",
            "переговор",
            "квалификац",
            "собран",
            "принят",
            "подтвержден",
            "confirmed",
            "в пути",
            "доставляется",
            "в доставке",
            "не оплачен",
            "неоплачен",
            "unpaid",
            "не подтвержден",
        ),
    ),
)

# Checked before the rules: exact spellings whose substrings would mislead.
_STATUS_EXACT: dict[str, StatusClass] = {
    "закрыто и не реализовано": "cancelled",
    "успешно реализовано": "valid",
    "сделка провалена": "cancelled",
    "сделка успешна": "valid",
    "partially_refunded": "valid",
    "partially refunded": "valid",
    "partially_paid": "open",
    "частично оплачен": "open",
    "не оплачен": "open",
    "неоплачен": "open",
    "не подтвержден": "open",
    "won": "valid",
    "lost": "cancelled",
    "y": "valid",
    "да": "valid",
}


def normalise_status(text: str) -> str:
    """Lower-case, trim and unify ё and underscores so spellings compare equal."""
    return re.sub(r"\s+", " ", text.strip().lower().replace("ё", "е"))


def status_class(text: str) -> StatusClass | None:
    """Map one status or deal stage (ru/en) to valid, cancelled, refunded or open."""
    key = normalise_status(text)
    if not key:
        return None
    if key in _STATUS_EXACT:
        return _STATUS_EXACT[key]
    if "не реализовано" in key:
        return "cancelled"
    for cls, needles in _STATUS_RULES:
        if any(needle in key for needle in needles):
            return cls
    return None


def classify_statuses(series: pd.Series) -> tuple[pd.Series, dict[str, int]]:
    """Status classes per row (unknown statuses count as open) and the unknown spellings."""
    codes, uniques = distinct(series)
    text = uniques.astype("string")
    classes = [status_class(value) or ("open" if value.strip() else None) for value in text]
    rows = np.bincount(codes[codes >= 0], minlength=len(text))
    unknown: dict[str, int] = {}
    for value, cls, count in zip(text, classes, rows, strict=True):
        if status_class(value) is None and value.strip() and cls is not None:
            unknown[value] = unknown.get(value, 0) + int(count)
    return spread(pd.Series(classes, dtype=object), codes, series.index), unknown


def status_vocabulary_share(values: pd.Series) -> float:
    """Share of non-empty cells that are known statuses (confirms a status column)."""
    text = values.dropna().astype(str)
    text = text[text.str.strip() != ""]
    if text.empty:
        return 0.0
    counts = text.value_counts()
    if len(counts) > 60:
        return 0.0
    known = sum(int(n) for v, n in counts.items() if status_class(str(v)) is not None)
    return known / len(text)


# ---------------------------------------------------------------- contacts

EMAIL_RE = f"^[^@{WHITESPACE}]+@[^@{WHITESPACE}]+\\.[^@{WHITESPACE}.]{{2,}}$"


def normalise_emails(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Trimmed lower-case emails (invalid ones become missing) and a mask of invalid cells."""
    codes, uniques = distinct(series)
    text = _texts(uniques).str.strip().str.lower().str.strip("<>'\"")
    valid = text.str.match(EMAIL_RE).fillna(False).astype(bool)
    invalid = (text.fillna("").str.len() > 0) & ~valid
    return _spread_checked(text.where(valid), invalid, codes, series.index)


def normalise_phones(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Phones reduced to digits (Russian 8XXXXXXXXXX -> 7XXXXXXXXXX) and a mask of invalid."""
    codes, uniques = distinct(series)
    texts = _texts(uniques)
    if arrow_backed(texts):
        digits = pd.Series(_digits_only(pa.array(texts.array)), dtype=texts.dtype)
    else:
        digits = texts.str.replace(r"[^0-9]", "", regex=True)
    digits = digits.where(
        ~(digits.str.len().eq(11) & digits.str.startswith("8")), "7" + digits.str[1:]
    )
    digits = digits.where(~(digits.str.len().eq(10) & digits.str.startswith("9")), "7" + digits)
    filled = (digits.fillna("").str.len() > 0) | ~is_blank(uniques)
    valid = digits.str.len().between(10, 15).fillna(False).astype(bool)
    return _spread_checked(digits.where(valid), filled & ~valid, codes, series.index)


def _digits_only(texts: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Each text with every character but 0-9 removed, on the UTF-8 bytes at once (bytes of
    other characters are never ASCII digits): a regex replacement per value costs 3x."""
    if isinstance(texts, pa.ChunkedArray):
        texts = texts.combine_chunks()
    texts = texts.cast(pa.large_string())
    _, offsets_buffer, data_buffer = texts.buffers()
    offsets = np.frombuffer(offsets_buffer, dtype=np.int64)[
        texts.offset : texts.offset + len(texts) + 1
    ]
    data = np.frombuffer(data_buffer, dtype=np.uint8) if data_buffer else np.empty(0, np.uint8)
    data = data[offsets[0] : offsets[-1]]
    digit = (data >= ord("0")) & (data <= ord("9"))
    kept = np.concatenate(([0], np.cumsum(digit, dtype=np.int64)))[offsets - offsets[0]]
    digits = pa.Array.from_buffers(
        pa.large_string(), len(texts), [None, pa.py_buffer(kept), pa.py_buffer(data[digit])]
    )
    return pc.if_else(pc.is_valid(texts), digits, pa.scalar(None, pa.large_string()))


def _spread_checked(
    values: pd.Series, invalid: pd.Series, codes: npt.NDArray[np.intp], index: pd.Index
) -> tuple[pd.Series, pd.Series]:
    """Normalised contacts and the invalid-cell mask, from distinct values to rows."""
    rows = spread(values.reset_index(drop=True), codes, index)
    bad = invalid.to_numpy(dtype=bool)
    return rows, pd.Series(flagged_rows(bad, codes, False), index=index)


def _texts(values: pd.Series) -> pd.Series:
    """Distinct cell values as text: Arrow-backed text as it is, other cells through
    ``_phone_text`` (whole floats lose their ``.0``)."""
    if isinstance(values.dtype, pd.StringDtype):
        return values
    return values.map(_phone_text).astype("string")


def _phone_text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def normalise_ids(series: pd.Series, collapse_spaces: bool = False) -> pd.Series:
    """Identifiers as trimmed text (categorical); floats like 17850.0 (Excel, pandas) become
    ``17850``; ``collapse_spaces`` turns runs of whitespace into one space (names)."""

    def parse(values: pd.Series) -> pd.Series:
        text = _texts(values).str.strip()
        whole = text.str.match(r"^[0-9]+\.0+$").fillna(False).to_numpy(dtype=bool)
        if whole.any():
            text[whole] = text[whole].str.replace(r"\.0+$", "", regex=True)
        if collapse_spaces:
            text = text.str.replace(f"[{WHITESPACE}]+", " ", regex=True)
        return text.where(text.str.len() > 0)

    return via_uniques(series, parse)


def is_blank_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``is_blank`` for every column of a frame."""
    return frame.apply(is_blank)
