"""Delimited text (CSV, TSV, TXT): charset and delimiter detection, then a fast pandas read."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
from charset_normalizer import from_bytes

from analytics.ingest.errors import IngestError
from analytics.ingest.limits import Limits

DELIMITERS = (";", ",", "\t", "|")
SAMPLE_CHARS = 256 * 1024
SAMPLE_ROWS = 60
_VISIBLE = re.compile(rb"\S")
ARROW_STR = pd.StringDtype("pyarrow", na_value=np.nan)
"""pandas' default ``str`` dtype with Arrow storage: what the fast reader returns."""


@dataclass(frozen=True)
class DecodedText:
    """File text and the encoding it was decoded with."""

    text: str
    encoding: str


def decode(data: bytes) -> DecodedText:
    """Decode bytes: UTF-16 by BOM, strict UTF-8 (with or without BOM), cp1251, then a guess.

    Detectors misread short Windows-1251 text, so cp1251 is tried before any detector
    when most non-ASCII characters it yields are Cyrillic letters.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return DecodedText(data.decode("utf-16"), "utf-16")
    try:
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        return DecodedText(data.decode("utf-8-sig"), encoding)
    except UnicodeDecodeError:
        pass
    sample = data[:200_000]
    try:
        as_cp1251 = sample.decode("cp1251")
        high = [c for c in as_cp1251 if ord(c) > 127]
        cyrillic = sum(1 for c in high if "\u0400" <= c <= "\u04ff")
        if high and cyrillic / len(high) > 0.6:
            return DecodedText(data.decode("cp1251", errors="replace"), "cp1251")
    except UnicodeDecodeError:
        pass
    best = from_bytes(sample).best()
    encoding = best.encoding if best is not None else "latin-1"
    try:
        return DecodedText(data.decode(encoding, errors="replace"), encoding)
    except LookupError:
        return DecodedText(data.decode("latin-1"), "latin-1")


def check_lines(text: str, limits: Limits) -> None:
    """Refuse one enormous line (or a header of millions of columns) before pandas sees it."""
    head = text[: limits.max_line_bytes + 1]
    if len(text) > limits.max_line_bytes and "\n" not in head and "\r" not in head:
        raise IngestError("line-too-long", limit_kb=limits.max_line_bytes // 1024)


def sniff_delimiter(sample: str) -> str:
    """The delimiter giving the most rows with one consistent field count (>1).

    Rows are parsed with quoting, so a quoted cell with line breaks stays one row.
    """
    best, best_score = ",", -1.0
    for delim in DELIMITERS:
        rows = []
        try:
            for row in csv.reader(io.StringIO(sample, newline=""), delimiter=delim):
                if any(cell.strip() for cell in row):
                    rows.append(len(row))
                if len(rows) >= SAMPLE_ROWS:
                    break
        except csv.Error:
            continue
        counts = rows[-40:]
        if not counts:
            continue
        mode, freq = Counter(counts).most_common(1)[0]
        if mode < 2:
            continue
        # Consistent rows first (a quoted cell's commas or line breaks break a wrong
        # delimiter's count), then more columns.
        score = (freq / len(counts) >= 0.6) * 1000 + mode + freq / len(counts)
        if score > best_score:
            best, best_score = delim, score
    return best


def _counting_lines(text: str, counter: list[int]) -> Iterator[str]:
    for line in io.StringIO(text, newline=""):
        counter[0] += 1
        yield line


def sample_rows(
    text: str, delimiter: str, limit: int = SAMPLE_ROWS
) -> tuple[list[list[str]], list[int]]:
    """The first ``limit`` rows parsed with ``csv`` and the physical line where each starts."""
    counter = [0]
    reader = csv.reader(_counting_lines(text[:SAMPLE_CHARS], counter), delimiter=delimiter)
    rows: list[list[str]] = []
    starts: list[int] = []
    try:
        while len(rows) < limit:
            start = counter[0]
            row = next(reader)
            rows.append(row)
            starts.append(start)
    except (StopIteration, csv.Error):
        pass
    return rows, starts


def read_body(text: str, delimiter: str, skip_lines: int, width: int) -> pd.DataFrame:
    """Rows after the header as strings (empty cells as ""), columns numbered 0..width-1.

    Columns are Arrow-backed ``str`` when pyarrow's reader accepts the body (every row
    exactly ``width`` fields); otherwise pandas' C reader and the ragged reader decide.
    """
    encoded = text.encode("utf-8")  # bytes parse ~8x faster; "\n" is one byte in UTF-8
    body = memoryview(encoded)[_skip_physical_lines(encoded, skip_lines) :]  # no copy
    frame = _read_arrow(body, delimiter, width)
    if frame is not None:
        return frame
    try:
        frame = pd.read_csv(
            io.BytesIO(body),
            sep=delimiter,
            header=None,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=True,
            engine="c",
            quotechar='"',
            names=list(range(width)),
            index_col=False,
        )
    except pd.errors.ParserError:
        frame = _read_ragged(bytes(body).decode("utf-8"), delimiter, width)
    except pd.errors.EmptyDataError:
        frame = pd.DataFrame(columns=list(range(width)), dtype=str)
    return frame


def _read_arrow(body: bytes | memoryview, delimiter: str, width: int) -> pd.DataFrame | None:
    """pyarrow's multi-threaded reader with the C reader's dialect, or ``None`` when a row's
    field count differs from ``width`` (or the body is empty): the slower readers decide."""
    if _VISIBLE.search(body) is None:
        return None
    names = [str(i) for i in range(width)]
    try:
        table = pa_csv.read_csv(
            pa.BufferReader(body),
            read_options=pa_csv.ReadOptions(column_names=names),
            parse_options=pa_csv.ParseOptions(
                delimiter=delimiter, quote_char='"', double_quote=True, newlines_in_values=True
            ),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False
            ),
        )
    except pa.ArrowInvalid:
        return None
    frame: pd.DataFrame = table.to_pandas(types_mapper={pa.string(): ARROW_STR}.get)
    frame.columns = pd.RangeIndex(width)
    return frame


def _skip_physical_lines(encoded: bytes, count: int) -> int:
    """Where the line after the first ``count`` physical lines starts (the end if none)."""
    position = 0
    for _ in range(count):
        nl = encoded.find(b"\n", position)
        if nl < 0:
            return len(encoded)
        position = nl + 1
    return position


def _read_ragged(body: str, delimiter: str, width: int) -> pd.DataFrame:
    """Slow path for rows wider than the header: keep every row, widen the table."""
    rows = [row for row in csv.reader(io.StringIO(body, newline=""), delimiter=delimiter) if row]
    full = max([width, *(len(r) for r in rows)])
    return pd.DataFrame([r + [""] * (full - len(r)) for r in rows], columns=list(range(full)))
