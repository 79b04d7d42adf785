"""Delimited text (CSV, TSV, TXT): charset and delimiter detection on the head, then a fast
Arrow read of the raw bytes into categorical columns."""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
from charset_normalizer import from_bytes

from analytics.ingest.errors import IngestError
from analytics.ingest.limits import Limits
from analytics.ingest.sniff import VISIBLE
from analytics.ingest.values import categorical

DELIMITERS = (";", ",", "\t", "|")
WHITESPACE = " "
"""The delimiter of a whitespace-aligned table (CDNOW's master file, fixed-width reports):
runs of spaces and tabs between cells."""
SAMPLE_CHARS = 256 * 1024
SAMPLE_ROWS = 60
HEAD_BYTES = 1024 * 1024
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
ARROW_STR = pd.StringDtype("pyarrow", na_value=np.nan)
"""pandas' default ``str`` dtype with Arrow storage: the fast reader's categories."""


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
    if data.startswith(UTF16_BOMS):  # a cut-off last character becomes U+FFFD
        return DecodedText(data.decode("utf-16", errors="replace"), "utf-16")
    try:
        encoding = "utf-8-sig" if data.startswith(UTF8_BOM) else "utf-8"
        return DecodedText(data.decode("utf-8-sig"), encoding)
    except UnicodeDecodeError:
        pass
    sample = data[:200_000]
    try:
        points = np.frombuffer(sample.decode("cp1251").encode("utf-32-le"), dtype=np.uint32)
        high = int((points > 127).sum())
        cyrillic = int(((points >= 0x400) & (points <= 0x4FF)).sum())
        if high and cyrillic / high > 0.6:
            return DecodedText(data.decode("cp1251", errors="replace"), "cp1251")
    except UnicodeDecodeError:
        pass
    best = from_bytes(sample).best()
    encoding = best.encoding if best is not None else "latin-1"
    try:
        return DecodedText(data.decode(encoding, errors="replace"), encoding)
    except LookupError:
        return DecodedText(data.decode("latin-1"), "latin-1")


def decode_head(data: bytes) -> DecodedText:
    """The file's first ``HEAD_BYTES`` (cut at a line end) decoded, and the file's encoding
    as its head shows it (UTF-16 files are decoded whole)."""
    if data.startswith(UTF16_BOMS) or len(data) <= HEAD_BYTES:
        return decode(data)
    head = data[:HEAD_BYTES]
    cut = head.rfind(b"\n")
    return decode(head[: cut + 1] if cut > 0 else head)


def check_lines(data: bytes, limits: Limits) -> None:
    """Refuse one enormous line (or a header of millions of columns) before any reader."""
    head = data[: limits.max_line_bytes + 1]
    if len(data) > limits.max_line_bytes and b"\n" not in head and b"\r" not in head:
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
    if best_score < 1000 and _whitespace_table(sample):
        return WHITESPACE
    return best


def _whitespace_table(sample: str) -> bool:
    """Do nearly all lines split on runs of whitespace into the same number (>1) of cells?"""
    counts = [len(line.split()) for line in sample.splitlines()[:SAMPLE_ROWS] if line.strip()]
    if len(counts) < 2:
        return False
    mode, freq = Counter(counts).most_common(1)[0]
    return mode >= 2 and freq / len(counts) >= 0.9


def tabbed(data: bytes) -> bytes:
    """A whitespace-aligned table as tab-separated text: each line's runs of spaces and
    tabs become one tab, leading and trailing ones go (bytes level: an ASCII-compatible
    encoding, which ``sniff_delimiter`` saw decoded)."""
    data = re.sub(rb"(?m)^[ \t]+|[ \t]+(?=\r?$)", b"", data)
    return re.sub(rb"[ \t]+", b"\t", data)


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


def read_body(
    data: bytes,
    encoding: str,
    delimiter: str,
    skip_lines: int,
    width: int,
    *,
    max_columns: int = Limits.max_columns,
) -> pd.DataFrame:
    """Rows after the header (empty cells as ""), columns numbered 0..width-1 (more when
    a row is longer, up to ``max_columns``: beyond, ``too-many-columns``).

    The fast path reads the raw bytes with pyarrow's multi-threaded reader into
    categorical columns (cell codes plus distinct values, each decoded once); other
    encodings are converted to UTF-8 first. Bytes that are not UTF-8 past the sampled
    head become U+FFFD. Ragged rows go to pandas' C reader, then the ragged reader.
    """
    if not (single_byte(encoding) or encoding in {"utf-8", "utf-8-sig"}):
        data, encoding = data.decode(encoding, errors="replace").encode("utf-8"), "utf-8"
    start = _body_start(data, skip_lines)
    try:
        frame = _read_coded(memoryview(data)[start:], delimiter, width, encoding)
    except UnicodeError:
        data = data.decode("utf-8", errors="replace").encode("utf-8")
        start = _body_start(data, skip_lines)
        frame = _read_coded(memoryview(data)[start:], delimiter, width, encoding)
    if frame is not None:
        return frame
    return _fallback(data[start:], encoding, delimiter, width, max_columns)


def _fallback(
    body: bytes, encoding: str, delimiter: str, width: int, max_columns: int
) -> pd.DataFrame:
    """pandas' C reader, then the ragged reader: strings, for bodies Arrow refuses."""
    text = body.decode(encoding, errors="replace")
    try:
        with warnings.catch_warnings():  # rows longer than the header: cut, as intended
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            return pd.read_csv(
                io.StringIO(text),
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
        return _read_ragged(text, delimiter, width, max_columns)
    except pd.errors.EmptyDataError:
        return pd.DataFrame(columns=list(range(width)), dtype=str)


def _read_coded(
    body: bytes | memoryview, delimiter: str, width: int, encoding: str
) -> pd.DataFrame | None:
    """pyarrow's reader over raw bytes, each column dictionary-encoded into a categorical;
    ``None`` when a row's field count differs from ``width`` (or the body is empty).
    Raises ``UnicodeError`` when a UTF-8 body holds invalid bytes."""
    if VISIBLE.search(body) is None:
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
                column_types=dict.fromkeys(names, pa.binary()), strings_can_be_null=False
            ),
        )
    except pa.ArrowInvalid:
        return None
    with ThreadPoolExecutor(max_workers=min(width, os.cpu_count() or 1)) as pool:
        # Arrow's hashing runs without the GIL: the columns encode side by side.
        coded = list(pool.map(lambda i: _categorical(table.column(i), encoding), range(width)))
    return pd.DataFrame(dict(enumerate(coded)), index=pd.RangeIndex(table.num_rows))


def _categorical(column: pa.ChunkedArray, encoding: str) -> pd.Categorical:
    """Codes of each cell and its distinct values, decoded to text once each."""
    encoded = column.combine_chunks().dictionary_encode()
    values = _to_text(encoded.dictionary, encoding)
    categories = pd.Index(pd.array(values, dtype=ARROW_STR))
    codes = encoded.indices.to_numpy(zero_copy_only=False)
    if _lossy(encoding) and not categories.is_unique:  # two byte strings, one text
        recode, categories = pd.factorize(categories)
        codes = recode[codes]
    return categorical(codes, categories)


def _to_text(values: pa.Array, encoding: str) -> pa.StringArray:
    """Binary values as UTF-8 text: as they are when all ASCII, validated when UTF-8, else
    transcoded from a single-byte code page in one pass (byte offsets map to character
    offsets one to one)."""
    buffer = values.buffers()[2]
    if buffer is None or buffer.to_pybytes().isascii():
        return values.view(pa.string())  # ASCII is the same bytes in every code page here
    if not single_byte(encoding):
        try:
            return values.cast(pa.string())
        except pa.ArrowInvalid as exc:
            raise UnicodeError(str(exc)) from exc
    sizes = _utf8_sizes(encoding)
    offsets = np.frombuffer(values.buffers()[1], dtype=np.int32)[
        values.offset : values.offset + len(values) + 1
    ]
    raw = np.frombuffer(buffer, dtype=np.uint8)[offsets[0] : offsets[-1]]
    utf8 = raw.tobytes().decode(encoding, errors="replace").encode("utf-8")
    ends = np.concatenate(([0], np.cumsum(sizes[raw], dtype=np.int64)))
    new_offsets = ends[offsets - offsets[0]]
    if new_offsets[-1] >= 2**31:
        return pa.array(values.to_pylist(), pa.binary()).cast(pa.large_string()).cast(pa.string())
    return pa.StringArray.from_buffers(
        len(values), pa.py_buffer(new_offsets.astype(np.int32)), pa.py_buffer(utf8)
    )


@cache
def single_byte(encoding: str) -> bool:
    """Is ``encoding`` an ASCII-compatible code page of one byte per character (cp1251,
    koi8-r, latin-1...)? Then delimiters, quotes and line breaks can be found in bytes."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    ascii_part = bytes(range(128))
    return (
        not name.startswith("utf")
        and ascii_part.decode(encoding, errors="replace") == ascii_part.decode("ascii")
        and len(bytes(range(256)).decode(encoding, errors="replace")) == 256
    )


@cache
def _lossy(encoding: str) -> bool:
    """Can two byte strings decode to one text (several bytes become U+FFFD)?"""
    if not single_byte(encoding):
        return False
    return bytes(range(256)).decode(encoding, errors="replace").count("\ufffd") > 1


@cache
def _utf8_sizes(encoding: str) -> npt.NDArray[np.int64]:
    """UTF-8 length of each byte's character in a single-byte code page."""
    return np.array(
        [len(bytes([b]).decode(encoding, errors="replace").encode("utf-8")) for b in range(256)],
        dtype=np.int64,
    )


def _body_start(data: bytes, skip_lines: int) -> int:
    """Where the body starts: after a UTF-8 BOM and ``skip_lines`` physical lines."""
    return _skip_physical_lines(data, skip_lines, len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0)


def _skip_physical_lines(data: bytes, count: int, start: int = 0) -> int:
    """Where the line after ``count`` physical lines from ``start`` begins (the end if none)."""
    position = start
    for _ in range(count):
        nl = data.find(b"\n", position)
        if nl < 0:
            return len(data)
        position = nl + 1
    return position


def _read_ragged(body: str, delimiter: str, width: int, max_columns: int) -> pd.DataFrame:
    """Slow path for rows wider than the header: keep every row, widen the table.

    A cell may be as long as the body (the readers before this one take any length):
    ``csv``'s own 128 KB field limit is lifted for the read."""
    limit = csv.field_size_limit(max(csv.field_size_limit(), len(body)))
    try:
        reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
        rows = [row for row in reader if row]
    finally:
        csv.field_size_limit(limit)
    full = max([width, *(len(r) for r in rows)])
    if full > max_columns:
        raise IngestError("too-many-columns", columns=full, limit=max_columns)
    return pd.DataFrame([r + [""] * (full - len(r)) for r in rows], columns=list(range(full)))
