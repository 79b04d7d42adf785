"""The customers table for CRM and mailing-tool import: DataFrame, CSV and XLSX.

Input is the per-customer frame of an audit (``BaseAudit.customers_frame()`` or
``CustomerListAudit.customers_frame()``): one row per customer, RFM scores and segment codes
when computed. Only columns that exist and hold at least one value are exported, in this
order (see :data:`COLUMNS`)::

    key, name, email, phone, city, channel, main category, segment, R, F, M,
    days since last purchase, orders, revenue, average check, first purchase, last purchase

Headers and segment names come from ``locales/<lang>/export.ftl``.

Formula injection (OWASP "CSV injection"): a text cell starting with ``= + - @``, tab, CR
or LF would be run as a formula by Excel or LibreOffice. In the CSV such cells get a
leading apostrophe. Plain numbers and phone numbers such as ``+7 (999) 123-45-67`` or
``-5`` are left alone: without letters or ``| ! ( ...)`` calls they cannot execute anything,
and an apostrophe would break a phone column in the CRM. In the XLSX every text cell is
written with ``write_string`` (``strings_to_formulas`` off), so it is a literal string
whatever it starts with and needs no apostrophe: the value stays exact.

Speed (``bench/bench_export.py``): both writers work on distinct values. Each column
becomes codes into its distinct values; every distinct value is formatted once (neutralised,
quoted, XML-escaped: Python only touches the few values Arrow's RE2 flags), and Arrow joins
the cells into rows. XlsxWriter writes the workbook (styles, header, frozen pane,
autofilter, widths) and the rows are streamed into its sheet, the next rows built while
zlib deflates the last. :func:`customers_exports` codes the columns once for both files.
For 92,000 customers (17 columns): about 0.3 s coding the columns, 0.15-0.2 s the CSV and
0.55 s the XLSX (81 MB of XML, 0.4 s of it deflating), against 1.2 s and 3 s when cells were
formatted one by one in Python. :func:`customers_xlsx_cells` (XlsxWriter cell by cell,
about 14 s) is kept as the reference.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, Literal, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import xlsxwriter

from analytics.describe.rfm import SEGMENTS
from analytics.locales import normalise_language, t

__all__ = [
    "COLUMNS",
    "ExportColumn",
    "customers_csv",
    "customers_exports",
    "customers_table",
    "customers_xlsx",
    "customers_xlsx_cells",
    "export_columns",
    "neutralise",
    "segment_name",
]

Kind = Literal["text", "int", "money", "date", "segment"]
T = TypeVar("T")


@dataclass(frozen=True)
class ExportColumn:
    """One exported column: the source column in the customers frame and its kind."""

    source: str
    kind: Kind
    width: float = 14.0

    def header(self, lang: str) -> str:
        """The localised header."""
        return t(lang, f"export-col-{self.source}")


#: Exported columns in order; those missing from (or empty in) the frame are skipped.
COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("customer_key", "text", 22),
    ExportColumn("name", "text", 28),
    ExportColumn("email", "text", 28),
    ExportColumn("phone", "text", 16),
    ExportColumn("city", "text", 16),
    ExportColumn("channel", "text", 14),
    ExportColumn("main_category", "text", 18),
    ExportColumn("rfm_segment", "segment", 20),
    ExportColumn("r", "int", 5),
    ExportColumn("f", "int", 5),
    ExportColumn("m", "int", 5),
    ExportColumn("recency_days", "int", 12),
    ExportColumn("frequency", "int", 10),
    ExportColumn("monetary", "money", 14),
    ExportColumn("avg_check", "money", 14),
    ExportColumn("first_purchase", "date", 13),
    ExportColumn("last_purchase", "date", 13),
)

_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# digits with the punctuation of phone numbers and plain numbers: cannot call anything
_HARMLESS = re.compile(r"[+\-]?[\d\s().\-,]*\d[\d\s().\-,]*")


def neutralise(value: str) -> str:
    """``value`` with an apostrophe in front when a spreadsheet would read it as a formula.

    >>> neutralise("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise("+7 (999) 123-45-67")
    '+7 (999) 123-45-67'
    """
    if value.startswith(_DANGEROUS_START) and not _HARMLESS.fullmatch(value):
        return "'" + value
    return value


def segment_name(code: str | None, lang: str) -> str:
    """The display name of an RFM segment code (``""`` for unscored customers)."""
    if not code:
        return ""
    return t(lang, f"export-segment-{code}")


def export_order(frame: pd.DataFrame) -> pd.DataFrame:
    """The customers in reading order: by RFM segment (best first, unscored last), then
    by revenue, largest first."""
    by: list[pd.Series] = []
    if "rfm_segment" in frame:
        rank = {code: index for index, code in enumerate(SEGMENTS)}
        by.append(frame["rfm_segment"].map(rank).astype("float64").fillna(len(SEGMENTS)))
    if "monetary" in frame:
        by.append(-pd.to_numeric(frame["monetary"], errors="coerce").fillna(0.0))
    if not by or frame.empty:
        return frame
    order = np.lexsort([s.to_numpy(dtype=np.float64) for s in reversed(by)])
    return frame.iloc[order]


def whole_money(frame: pd.DataFrame) -> bool:
    """Whether every money cell is whole (no kopecks in practice: shown without ",00")."""
    columns = [c.source for c in export_columns(frame) if c.kind == "money"]
    values = frame[columns].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=np.float64)
    values = values[~np.isnan(values)]
    return bool(np.all(np.round(values, 2) == np.round(values)))


def export_columns(frame: pd.DataFrame) -> list[ExportColumn]:
    """The columns of :data:`COLUMNS` present in ``frame`` with at least one value."""
    out = []
    for column in COLUMNS:
        if column.source not in frame.columns:
            continue
        if column.source != "customer_key" and not frame[column.source].notna().any():
            continue
        out.append(column)
    return out


def _day_numbers(series: pd.Series) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Days since 1970-01-01 as floats, NaN for missing dates."""
    stamps = pd.to_datetime(series, errors="coerce")
    days = stamps.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    out = days.astype(np.int64).astype(np.float64)
    out[np.isnat(days)] = np.nan
    return out


# --------------------------------------------------------------------------- column values
#
# The writers work on distinct values: each column becomes codes into its distinct values,
# every distinct value is formatted once (Python only where Arrow's RE2 finds something to
# fix), and the rows are joined by Arrow, never cell by cell in Python.

_STR = pa.large_string()
_EPOCH = date(1970, 1, 1).toordinal()


@dataclass(frozen=True)
class _Coded:
    """A column as codes into its distinct values (code -1: empty cell).

    ``values`` are strings for text and segments (segment names), ints for ``int``, floats
    rounded to cents for ``money`` and day numbers since 1970-01-01 for dates.
    """

    codes: np.ndarray[Any, np.dtype[np.int64]]
    values: pa.Array

    def take(self, start: int, stop: int, formatted: pa.Array) -> pa.Array:
        """``formatted`` (one item per distinct value) for rows ``start:stop``, null when
        the cell is empty."""
        codes = self.codes[start:stop]
        return formatted.take(pa.array(codes, mask=codes < 0))


def _arrow_text(series: pd.Series) -> pa.Array:
    """The column as Arrow strings (``str(value)``), null where the value is missing."""
    try:
        return pa.array(series, type=_STR, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # not all str: numbers, mixed objects
        values = series.astype(object).where(series.notna(), None).tolist()
        return pa.array([None if v is None else str(v) for v in values], _STR)


def _coded_numbers(array: np.ndarray[Any, np.dtype[np.float64]], integer: bool) -> _Coded:
    ok = ~np.isnan(array)
    distinct, inverse = np.unique(array[ok], return_inverse=True)
    codes = np.full(len(array), -1, dtype=np.int64)
    codes[ok] = inverse
    values = distinct.astype(np.int64) if integer else np.round(distinct, 2)
    return _Coded(codes, pa.array(values))


def _coded(frame: pd.DataFrame, column: ExportColumn, lang: str) -> _Coded:
    """The exported values of ``column`` as codes into its distinct values."""
    series = frame[column.source]
    if column.kind == "date":
        return _coded_numbers(_day_numbers(series), integer=True)
    if column.kind in ("int", "money"):
        array = pd.to_numeric(series, errors="coerce").to_numpy(
            dtype=np.float64, na_value=np.nan
        )
        return _coded_numbers(array, integer=column.kind == "int")
    encoded = pc.dictionary_encode(_arrow_text(series))
    codes = pc.fill_null(encoded.indices, -1).to_numpy().astype(np.int64)
    values = encoded.dictionary
    if column.kind == "segment":
        names = [segment_name(code, lang) for code in values.to_pylist()]
        # an empty name (unscored customer) is an empty cell; the last item serves code -1
        keep = np.array([i if name else -1 for i, name in enumerate(names)] + [-1])
        codes = keep[codes]
        values = pa.array(names, _STR)
    return _Coded(codes, values)


def _column_values(frame: pd.DataFrame, column: ExportColumn, lang: str) -> list[Any]:
    """The column's cells as Python values (``date`` for dates), ``None`` when empty."""
    coded = _coded(frame, column, lang)
    values: list[Any] = coded.values.to_pylist()
    if column.kind == "date":
        values = [date.fromordinal(_EPOCH + day) for day in values]
    values.append(None)  # code -1
    return [values[code] for code in coded.codes.tolist()]


@dataclass(frozen=True)
class _Table:
    """The exported columns of a customers frame, each coded once (for both writers)."""

    lang: str
    columns: list[ExportColumn]
    coded: list[_Coded]
    rows: int
    whole_money: bool

    @classmethod
    def of(cls, frame: pd.DataFrame, lang: str) -> _Table:
        lang = normalise_language(lang)
        frame = export_order(frame)
        columns = export_columns(frame)
        return cls(lang, columns, [_coded(frame, c, lang) for c in columns], len(frame),
                   whole_money(frame))

    def chunks(self, size: int) -> Iterator[tuple[int, int]]:
        """``(start, stop)`` row ranges of at most ``size`` rows (none without columns)."""
        for start in range(0, self.rows if self.columns else 0, size):
            yield start, min(start + size, self.rows)


def _patch(values: pa.Array, pattern: str, fix: Callable[[str], str]) -> pa.Array:
    """``values`` with ``fix`` applied to those matching ``pattern`` (RE2, a superset of
    the values ``fix`` changes), so Python only sees the few candidates."""
    hits = pc.match_substring_regex(values, pattern)
    if not pc.any(hits).as_py():
        return values
    fixed = [fix(v) for v in values.filter(hits).to_pylist()]
    return pc.replace_with_mask(values, hits, pa.array(fixed, _STR))


def _join(*parts: pa.Array | str, sep: str = "", nulls: str = "emit_null") -> pa.Array:
    """Element-wise concatenation of string arrays and constants (``nulls``: Arrow's
    ``null_handling``: a null part makes a null result, is skipped or replaced by "")."""
    args = [pa.scalar(p, _STR) if isinstance(p, str) else p for p in parts]
    return pc.binary_join_element_wise(*args, pa.scalar(sep, _STR), null_handling=nulls)


def _concatenated(array: pa.Array) -> memoryview:
    """All strings of a null-free string array, back to back (no copy)."""
    assert array.type == _STR and not array.null_count
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int64)
    first, last = offsets[array.offset], offsets[array.offset + len(array)]
    return memoryview(array.buffers()[2])[first:last]


def customers_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The export table: localised headers, localised segment names, dates as ``date``.

    One row per row of ``frame``, in :func:`export_order`; missing values are ``None``.
    Text is not neutralised here (the CSV and XLSX writers take care of that).
    """
    lang = normalise_language(lang)
    frame = export_order(frame)
    columns = export_columns(frame)
    data = {c.header(lang): _column_values(frame, c, lang) for c in columns}
    table = pd.DataFrame(data, columns=[c.header(lang) for c in columns], dtype=object)
    return table.reset_index(drop=True)


# --------------------------------------------------------------------------- CSV

_FORMULA_START = r"^[=+\-@\t\r\n]"  # RE2: candidates for neutralise()


def _number_text(value: float | int) -> str:
    """``12`` for 12.0, ``12.5``, ``-3``: a whole float as an int, else Python's repr."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _number_texts(values: pa.Array) -> pa.Array:
    """:func:`_number_text` of each number. Arrow writes the same shortest round-trip digits
    for floats between 1e-4 and 1e15 unless it picks an exponent; Python does zeros (no
    ``-0``), exponents and the rest."""
    texts = values.cast(_STR)
    if not pa.types.is_floating(values.type) or not len(values):
        return texts
    size = np.abs(values.to_numpy())
    exponent = pc.match_substring(texts, "e").to_numpy(zero_copy_only=False)
    python = (size < 1e-4) | (size >= 1e15) | exponent
    if not python.any():
        return texts
    fixed = [_number_text(v) for v in values.filter(pa.array(python)).to_pylist()]
    return pc.replace_with_mask(texts, pa.array(python), pa.array(fixed, _STR))


def _csv_quoted(value: str, sep: str) -> str:
    """The field as Python's ``csv`` writes it (``QUOTE_MINIMAL``, ``\\r\\n`` rows)."""
    if any(c in value for c in (sep, '"', "\r", "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value


def _csv_fields(coded: _Coded, kind: Kind, sep: str, decimal_comma: bool) -> pa.Array:
    """Each distinct value of a column as its CSV field."""
    if kind in ("text", "segment"):
        fields = _patch(coded.values, _FORMULA_START, neutralise)
    elif kind == "date":
        fields = pa.array([date.fromordinal(_EPOCH + d).isoformat()
                           for d in coded.values.to_pylist()], _STR)
    else:
        fields = _number_texts(coded.values)
        if decimal_comma:
            fields = pc.replace_substring(fields, ".", ",")
    special = "".join(f"\\x{{{ord(c):x}}}" for c in (sep, '"', "\r", "\n"))
    return _patch(fields, f"[{special}]", partial(_csv_quoted, sep=sep))


def customers_csv(frame: pd.DataFrame, lang: str, delimiter: str | None = None) -> bytes:
    """The table as CSV bytes: UTF-8 with a BOM so that Excel detects the encoding.

    Russian uses ``;`` between fields and a decimal comma (what Russian Excel expects);
    English uses ``,`` and a decimal point. Dates are ISO (``2024-12-31``). Text cells that a
    spreadsheet would run as formulas are prefixed with an apostrophe (see :func:`neutralise`).
    The bytes are those of Python's ``csv`` writer (``QUOTE_MINIMAL``, ``\\r\\n`` rows).
    """
    return _csv(_Table.of(frame, lang), delimiter)


def _csv(table: _Table, delimiter: str | None = None, chunk_rows: int = 100_000) -> bytes:
    lang, columns = table.lang, table.columns
    sep = delimiter or (";" if lang == "ru" else ",")
    decimal_comma = lang == "ru" and sep != ","
    header = sep.join(_csv_quoted(neutralise(c.header(lang)), sep) for c in columns)
    parts: list[bytes | memoryview] = [b"\xef\xbb\xbf", (header + "\r\n").encode("utf-8")]
    fields = [_csv_fields(d, c.kind, sep, decimal_comma)
              for d, c in zip(table.coded, columns, strict=True)]
    for start, stop in table.chunks(chunk_rows):
        cells = [d.take(start, stop, f) for d, f in zip(table.coded, fields, strict=True)]
        rows = _join(*cells, sep=sep, nulls="replace")
        if len(columns) == 1:  # csv writes a lone empty field as "" (not a blank line)
            rows = pc.if_else(pc.equal(pc.binary_length(rows), 0), '""', rows)
        parts.append(_concatenated(_join(rows, "\r\n")))
    return b"".join(parts)


# --------------------------------------------------------------------------- XLSX

# Excel's serial date: days since 1899-12-30
_EXCEL_EPOCH_OFFSET = 25569.0


def _number_writer(
    write_number: Callable[..., Any], fmt: Any
) -> Callable[[int, int, Any], Any]:
    def write(row: int, col: int, value: Any) -> Any:
        return write_number(row, col, value, fmt)

    return write


def _workbook(
    target: io.BytesIO, lang: str, whole: bool = False, **options: bool
) -> tuple[Any, Any, Any, dict[str, Any]]:
    """An XlsxWriter workbook that never turns text into formulas, URLs or numbers, with
    its customers sheet (printed landscape on A4, fitted to the page width, the header
    row on every page), the header format and the number formats by column kind (money
    without decimals when ``whole``)."""
    book = xlsxwriter.Workbook(target, {"strings_to_formulas": False, "strings_to_urls": False,
                                        "strings_to_numbers": False, "in_memory": True,
                                        **options})
    sheet = book.add_worksheet(t(lang, "export-sheet-customers")[:31])
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    header_format = book.add_format(
        {"bold": True, "bg_color": "#EEF1F6", "bottom": 1, "text_wrap": True, "valign": "top"}
    )
    formats = {
        "int": book.add_format({"num_format": "0"}),
        "money": book.add_format({"num_format": "#,##0" if whole else "#,##0.00"}),
        "date": book.add_format({"num_format": "yyyy-mm-dd" if lang == "en" else "dd.mm.yyyy"}),
    }
    return book, sheet, header_format, formats


def _width(column: ExportColumn, lang: str) -> float:
    """The column's width: its own, or wide enough for the header (at most 30)."""
    return max(column.width, min(len(column.header(lang)) + 2, 30))


def customers_xlsx_cells(frame: pd.DataFrame, lang: str) -> bytes:
    """:func:`customers_xlsx` written cell by cell through XlsxWriter (slower reference).

    Every text cell is written with ``write_string``: a value starting with ``=`` stays the
    literal string, never a formula. Numbers are numbers, dates are Excel dates.
    """
    lang = normalise_language(lang)
    frame = export_order(frame)
    columns = export_columns(frame)
    output = io.BytesIO()
    book, sheet, header_format, formats = _workbook(output, lang, whole_money(frame),
                                                    constant_memory=True)
    write_string = sheet.write_string
    write_number = sheet.write_number
    writers: list[Callable[[int, int, Any], Any]] = []
    data: list[Sequence[Any]] = []
    for index, column in enumerate(columns):
        sheet.set_column(index, index, _width(column, lang))
        if column.kind in ("text", "segment"):
            data.append(_column_values(frame, column, lang))
            writers.append(write_string)
        elif column.kind == "date":
            days = _day_numbers(frame[column.source]) + _EXCEL_EPOCH_OFFSET
            data.append([None if math.isnan(d) else d for d in days.tolist()])
            writers.append(_number_writer(write_number, formats["date"]))
        else:
            data.append(_column_values(frame, column, lang))
            writers.append(_number_writer(write_number, formats[column.kind]))
    for index, column in enumerate(columns):
        write_string(0, index, column.header(lang), header_format)
    rows = len(frame)
    if columns:
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(rows, 1), len(columns) - 1)
    pairs = list(enumerate(writers))
    for row_index, row in enumerate(zip(*data, strict=True), start=1):
        for (col_index, write), value in zip(pairs, row, strict=True):
            if value is not None:
                write(row_index, col_index, value)
    book.close()
    return output.getvalue()


_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_EXISTING_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_NEEDS_WORK = re.compile(r"[&<>\x00-\x08\x0b-\x1f]|_x[0-9a-fA-F]{4}_")  # also valid RE2
# XlsxWriter's rule for xml:space="preserve"; the RE2 class is a superset of Python's \s
_EDGE_SPACE = re.compile(r"^\s|\s$")
_EDGE_SPACE_RE2 = r"^[\t-\r\x1c-\x1f\x{85}\p{Z}]|[\t-\r\x1c-\x1f\x{85}\p{Z}]$"


def _xml_text(value: str) -> str:
    """Text for an inline string, escaped the way XlsxWriter does (control chars as _xHHHH_)."""
    if not _NEEDS_WORK.search(value):
        return value
    value = _EXISTING_ESCAPE.sub(r"_x005F\1", value)
    value = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
    return value.translate(_XML_ESCAPES)


def _column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _xlsx_cells(coded: _Coded, kind: Kind, style: int) -> pa.Array:
    """Each distinct value of a column as the end of its ``<c>`` element (after the row
    number of ``r="A2"``): text as an inline string, numbers and dates with their style."""
    if kind in ("text", "segment"):
        values = coded.values
        candidates = pc.match_substring_regex(values, _EDGE_SPACE_RE2)
        preserve = np.zeros(len(values), dtype=bool)
        hits = np.flatnonzero(candidates.to_numpy(zero_copy_only=False))
        preserve[hits] = [bool(_EDGE_SPACE.search(values[int(i)].as_py())) for i in hits]
        opening = pc.if_else(pa.array(preserve), '" t="inlineStr"><is><t xml:space="preserve">',
                             '" t="inlineStr"><is><t>').cast(_STR)
        return _join(opening, _patch(values, _NEEDS_WORK.pattern, _xml_text), "</t></is></c>")
    numbers = coded.values
    if kind == "date":
        numbers = pc.add(numbers, int(_EXCEL_EPOCH_OFFSET))
    return _join(f'" s="{style}"><v>', _number_texts(numbers), "</v></c>")


def customers_xlsx(frame: pd.DataFrame, lang: str) -> bytes:
    """The table as an XLSX workbook (one sheet, bold frozen header, autofilter, widths).

    XlsxWriter writes the workbook (styles, header, frozen pane, autofilter, widths) with
    ``strings_to_formulas`` off; the data rows are then streamed into the sheet's
    ``<sheetData>`` as typed cells: text as inline strings (so a value starting with ``=``
    is the literal string, never a formula: the sheet holds no ``<f>`` element), numbers
    as numbers, dates as Excel serial days with a date format. Each distinct value is
    formatted once and the rows are joined by Arrow, skipping XlsxWriter's per-cell
    overhead (see ``bench/bench_export.py``); :func:`customers_xlsx_cells` gives the same
    workbook cell by cell.
    """
    return _xlsx(_Table.of(frame, lang))


def customers_exports(frame: pd.DataFrame, lang: str) -> tuple[bytes, bytes]:
    """:func:`customers_csv` and :func:`customers_xlsx` at once, reading the frame once."""
    table = _Table.of(frame, lang)
    return _csv(table), _xlsx(table)


def _xlsx(table: _Table, chunk_rows: int = 10_000) -> bytes:
    lang, columns, rows = table.lang, table.columns, table.rows
    skeleton = io.BytesIO()
    book, sheet, header_format, formats = _workbook(skeleton, lang, table.whole_money)
    for index, column in enumerate(columns):
        sheet.set_column(index, index, _width(column, lang), formats.get(column.kind))
        sheet.write_string(0, index, column.header(lang), header_format)
    if columns:
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(rows, 1), len(columns) - 1)
    book.close()

    cells = []
    for column, values in zip(columns, table.coded, strict=True):
        fmt = formats.get(column.kind)
        style = fmt.xf_index if fmt is not None and fmt.xf_index is not None else 0
        cells.append(_xlsx_cells(values, column.kind, style))
    starts = [f'<c r="{_column_letters(i)}' for i in range(len(columns))]

    def row_xml(start: int, stop: int) -> memoryview:
        number = pa.array(np.arange(start + 2, stop + 2)).cast(_STR)
        row = [_join(s, number, d.take(start, stop, c))
               for s, d, c in zip(starts, table.coded, cells, strict=True)]
        return _concatenated(_join('<row r="', number, '">', *row, "</row>", nulls="skip"))

    last_cell = f"{_column_letters(max(len(columns) - 1, 0))}{rows + 1}"
    chunks = (row_xml(start, stop) for start, stop in table.chunks(chunk_rows))
    return _splice_sheet_data(skeleton.getvalue(), _ahead(chunks), last_cell)


def _ahead(items: Iterator[T]) -> Iterator[T]:
    """The items, each next one made in a thread while the caller handles the current:
    Arrow builds the next rows while zlib deflates these (both without the GIL)."""
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(next, items, None)
        while (item := pending.result()) is not None:
            pending = pool.submit(next, items, None)
            yield item


_SHEET = "xl/worksheets/sheet1.xml"
# zlib level: 2 deflates the ~900 bytes a customer three times faster than
# the default 6 for a file about a fifth larger (81 MB of XML: 0.4 s, 11.7 MB vs 1.3 s,
# 9.6 MB for 92,000 customers)
_ZIP_LEVEL = 2
_DIMENSION = re.compile(r'<dimension ref="[^"]*"/>')


def _splice_sheet_data(workbook: bytes, chunks: Iterator[memoryview], last_cell: str) -> bytes:
    """``workbook`` with ``chunks`` (``<row>`` elements) appended to the sheet's data."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(
        output, "w", zipfile.ZIP_DEFLATED, compresslevel=_ZIP_LEVEL
    ) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename != _SHEET:
                target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
                continue
            xml = _DIMENSION.sub(f'<dimension ref="A1:{last_cell}"/>', data.decode("utf-8"), 1)
            if "<sheetData/>" in xml:
                xml = xml.replace("<sheetData/>", "<sheetData></sheetData>", 1)
            head, tail = xml.split("</sheetData>", 1)
            with target.open(info.filename, "w", force_zip64=True) as stream:
                stream.write(head.encode("utf-8"))
                for chunk in chunks:
                    stream.write(chunk)
                stream.write(("</sheetData>" + tail).encode("utf-8"))
    return output.getvalue()
