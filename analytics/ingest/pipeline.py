"""The ingest pipeline: bytes in, one clean typed table and its quality report out."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from analytics.ingest import text as textio
from analytics.ingest.clean import clean_customers, clean_transactions
from analytics.ingest.documents import RETURN_FLAG, expand_documents
from analytics.ingest.errors import IngestError
from analytics.ingest.layout import Header, find_header
from analytics.ingest.limits import Limits
from analytics.ingest.model import (
    Choices,
    IngestResult,
    QualityReport,
    Role,
    RoleMatch,
    Shape,
    SourceInfo,
)
from analytics.ingest.precheck import check_size, check_workbook
from analytics.ingest.roles import UNSURE_BELOW, detect_roles
from analytics.ingest.sandbox import run_isolated
from analytics.ingest.sniff import detect_kind
from analytics.ingest.values import categorical, is_blank
from analytics.ingest.workbook import pick_sheets, read_html_table, read_workbook

AGGREGATE_ROLES = (
    Role.ORDERS_COUNT,
    Role.TOTAL_SPENT,
    Role.FIRST_PURCHASE,
    Role.LAST_PURCHASE,
    Role.LAST_ACTIVITY,
    Role.REGISTRATION_DATE,
)
KEY_ROLES = (Role.CUSTOMER_ID, Role.EMAIL, Role.PHONE, Role.COMPANY, Role.NAME)


def ingest_file(path: Path, **kwargs: Any) -> IngestResult:
    """Ingest a file from disk (see ``ingest``); the size limit is checked before reading."""
    limits: Limits = kwargs.get("limits") or Limits()
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise IngestError(
            "too-big",
            size_mb=round(size / 1024 / 1024, 1),
            limit_mb=round(limits.max_bytes / 1024 / 1024, 1),
        )
    return ingest(path.read_bytes(), path.name, **kwargs)


def ingest(
    data: bytes,
    file_name: str,
    *,
    mapping: Mapping[Role, str] | None = None,
    limits: Limits | None = None,
    isolate: bool = True,
    while_waiting: Callable[[], object] | None = None,
    today: date | None = None,
    choices: Choices | None = None,
) -> IngestResult:
    """Read any supported export and return the clean table (see ``ingest.model``).

    Cheap checks run here; parsing runs in a child process with a memory cap and a time
    limit unless ``isolate`` is false (the child's categorical text columns arrive as
    codes and distinct values); ``while_waiting`` runs here meanwhile. ``today`` is the
    run date (default: the day it runs): orders dated more than a day after it are not
    plausible. ``choices`` are the user's decisions where ingest has a default (see
    ``Choices``). Raises ``IngestError`` with a code for bad input.
    """
    limits = limits or Limits()
    check_size(data, limits)
    kind = detect_kind(data)
    check_workbook(data, kind, limits)
    explicit = dict(mapping or {})
    if not isolate:
        return _parse(
            data, file_name, kind, explicit, limits, today=today, choices=choices
        ).plain()
    try:
        return run_isolated(
            partial(_parse, today=today, choices=choices),
            data,
            file_name,
            kind,
            explicit,
            limits,
            memory_bytes=limits.memory_bytes,
            seconds=limits.seconds,
            while_waiting=while_waiting,
        )
    except IngestError as exc:
        if exc.code == "parser-crashed" and kind == "text":  # "save it as CSV" would mock
            raise IngestError("text-parser-crashed", **exc.params) from exc
        raise


def _parse(
    data: bytes,
    file_name: str,
    kind: str,
    explicit: dict[Role, str],
    limits: Limits,
    *,
    today: date | None,
    choices: Choices | None,
) -> IngestResult:
    frame, source = read_table(data, file_name, kind, limits)
    return build_result(frame, source, explicit, today, choices)


def read_table(
    data: bytes, file_name: str, kind: str, limits: Limits
) -> tuple[pd.DataFrame, SourceInfo]:
    """The raw table under its header, with named columns, and how it was read."""
    encoding = delimiter = sheet = None
    if kind == "text":
        textio.check_lines(data, limits)
        head = textio.decode_head(data)
        delimiter = textio.sniff_delimiter(head.text[: textio.SAMPLE_CHARS // 4])
        aligned = delimiter == textio.WHITESPACE and not head.encoding.startswith("utf-16")
        if aligned:
            data = textio.tabbed(data)  # cells aligned with spaces: one tab between them
            head, delimiter = textio.decode_head(data), "\t"
        rows, starts = textio.sample_rows(head.text, delimiter)
        header = find_header(rows)
        _check_width(len(header.names), limits)
        first_data = header.row + header.rows
        skip = starts[first_data] if first_data < len(starts) else len(data)
        encoding = head.encoding
        body = textio.read_body(
            data, encoding, delimiter, skip, len(header.names), max_columns=limits.max_columns
        )
        frame = _named(body, header)
        if aligned:
            delimiter = textio.WHITESPACE
    else:
        if kind == "html":
            decoded = textio.decode(data)
            encoding = decoded.encoding
            rows = read_html_table(decoded.text)
        else:
            chosen = pick_sheets(read_workbook(data))[0]
            rows, sheet = chosen.rows, chosen.name
        header = find_header(rows)
        _check_width(len(header.names), limits)
        width = max(len(header.names), *(len(r) for r in rows)) if rows else 0
        _check_width(width, limits)
        body_rows = rows[header.row + header.rows :]
        body = pd.DataFrame(
            [list(r) + [None] * (width - len(r)) for r in body_rows],
            columns=list(range(width)),
            dtype=object,
        )
        frame = _named(_coded(body), header)
    if len(frame) > limits.max_rows:
        raise IngestError("too-many-rows", rows=len(frame), limit=limits.max_rows)
    source = SourceInfo(
        file_name=file_name,
        format=_format_name(kind, file_name),
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        header_row=header.row + 1,
        header_rows=header.rows,
        columns=tuple(str(c) for c in frame.columns),
    )
    return frame, source


def _coded(body: pd.DataFrame) -> pd.DataFrame:
    """Each column as a categorical, distinct values in order of appearance: factorized
    once here instead of by every cleaning step. A column of text only gets Arrow-backed
    categories, as a CSV's do, so the parsers take Arrow's kernels."""
    columns = {}
    for name, column in body.items():
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        text = len(uniques) > 0 and all(isinstance(u, str) for u in uniques)
        dtype = textio.ARROW_STR if text else None
        columns[name] = categorical(codes, pd.Index(uniques, dtype=dtype))
    return pd.DataFrame(columns, index=body.index)


def _check_width(columns: int, limits: Limits) -> None:
    if columns > limits.max_columns:
        raise IngestError("too-many-columns", columns=columns, limit=limits.max_columns)


def _format_name(kind: str, file_name: str) -> str:
    if kind == "xlsx":
        return "xlsm" if file_name.lower().endswith(".xlsm") else "xlsx"
    if kind == "text":
        return "csv"
    return kind


def _named(body: pd.DataFrame, header: Header) -> pd.DataFrame:
    """Name the columns and drop empty trailing columns (no name and no values)."""
    names = list(header.names)
    names += [f"column_{i + 1}" for i in range(len(names), body.shape[1])]
    body = body.iloc[:, : len(names)]
    body.columns = pd.Index(names[: body.shape[1]])
    generated = {f"column_{i + 1}" for i in range(len(names))}
    keep = [c for c in body.columns if not (c in generated and is_blank(body[c]).all())]
    return body[keep].reset_index(drop=True)


def decide_shape(mapping: dict[Role, RoleMatch], frame: pd.DataFrame) -> Shape:
    """Transactions (orders or order lines) or a customer list (one row per customer)."""
    has_date = Role.ORDER_DATE in mapping or Role.PAID_DATE in mapping
    has_money = Role.AMOUNT in mapping or Role.UNIT_PRICE in mapping
    aggregates = [r for r in AGGREGATE_ROLES if r in mapping]
    if aggregates:
        key_role = next((r for r in KEY_ROLES if r in mapping), None)
        unique_keys = key_role is not None and (
            frame[mapping[key_role].column].dropna().astype(str).is_unique
        )
        if not (has_date and has_money) or (unique_keys and Role.ORDER_ID not in mapping):
            return "customers"
    if not has_date:
        raise IngestError("no-date-column", headers=_headers(frame))
    if not has_money:
        raise IngestError("no-amount-column", headers=_headers(frame))
    return "transactions"


def _headers(frame: pd.DataFrame) -> list[str]:
    """The file's columns a user may pick from (the internal return flag left out)."""
    return [str(c) for c in frame.columns if c != RETURN_FLAG]


def build_result(
    frame: pd.DataFrame,
    source: SourceInfo,
    explicit: dict[Role, str] | None = None,
    today: date | None = None,
    choices: Choices | None = None,
) -> IngestResult:
    """Detect roles and shape, clean, and assemble the result (``today``: the run date)."""
    if frame.empty:
        raise IngestError("no-rows")
    frame, document_rows = expand_documents(frame)
    mapping = detect_roles(frame.drop(columns=[RETURN_FLAG], errors="ignore"), explicit)
    shape = decide_shape(mapping, frame)
    if shape == "customers" and Role.ORDER_ID in mapping and Role.CUSTOMER_ID not in mapping:
        match = mapping.pop(Role.ORDER_ID)  # a plain "ID" in a customer list is the customer's
        mapping[Role.CUSTOMER_ID] = RoleMatch(
            Role.CUSTOMER_ID, match.column, match.confidence, match.alternatives, match.explicit
        )
    if not any(r in mapping for r in KEY_ROLES):
        raise IngestError("no-customer-column", headers=_headers(frame))
    quality = QualityReport()
    if document_rows:
        quality.rows_dropped["document_subtotal"] = document_rows
    if shape == "transactions":
        table = clean_transactions(
            frame, mapping, source.columns, quality, today=today, choices=choices
        )
        required = [
            Role.AMOUNT if Role.AMOUNT in mapping else Role.UNIT_PRICE,
            Role.PAID_DATE if Role.PAID_DATE in mapping else Role.ORDER_DATE,
        ]
    else:
        table = clean_customers(frame, mapping, source.columns, quality)
        required = []
    key_role = next(r for r in KEY_ROLES if r in mapping)
    required.append(key_role)
    unsure = tuple(r for r in required if r in mapping and mapping[r].confidence < UNSURE_BELOW)
    return IngestResult(
        shape=shape,
        table=table,
        mapping=mapping,
        quality=quality,
        source=source,
        unsure_roles=unsure,
    )
