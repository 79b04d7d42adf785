"""1C-style reports: a document row heads its item rows.

A row such as ``Реализация товаров и услуг 00-000123 от 05.02.2024 12:34:56`` (with the
customer and a subtotal) is followed by item rows that name only the product. The
document's number, date and text fields pass down to its items; the document row itself,
a subtotal, is dropped and counted. Items of a return document ("Возврат ...") are marked.
"""

from __future__ import annotations

import re

import pandas as pd

from analytics.ingest.values import is_blank

DOCUMENT = re.compile(
    r"^(?P<kind>\D*?)\s*(?P<number>[\w-]*\d[\w-]*)\s+от\s+"
    r"(?P<date>\d{1,2}\.\d{1,2}\.\d{2,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)",
    re.I,
)
DOCUMENT_CHARS = 300
"""A document row's text is short: only this much of a cell is matched (a long cell would
cost time quadratic in its length)."""
NUMBER_COLUMN = "Номер документа"
DATE_COLUMN = "Дата документа"
RETURN_FLAG = "__document_return"


def expand_documents(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Pass document fields to item rows and drop document rows; returns (frame, dropped)."""
    if frame.empty:
        return frame, 0
    head = frame.iloc[:2000, 0].astype("string").fillna("").str.slice(0, DOCUMENT_CHARS)
    if head.str.extract(DOCUMENT)["number"].isna().all():
        return frame, 0  # reports put a document row within the first rows
    first_column = frame.iloc[:, 0].astype("string").fillna("").str.slice(0, DOCUMENT_CHARS)
    first_column = first_column.str.strip()
    found = first_column.str.extract(DOCUMENT)
    is_doc = found["number"].notna()
    if not is_doc.any() or is_doc.mean() > 0.7:
        return frame, 0
    document = is_doc.cumsum().where(is_doc.cumsum() > 0)
    out = frame.copy()
    blank = out.apply(is_blank)
    for column in out.columns[1:]:
        header_value = out[column].where(is_doc)
        text_like = header_value.dropna().map(lambda v: isinstance(v, str)).all()
        if text_like and blank.loc[~is_doc, column].all():
            out[column] = header_value.groupby(document).ffill().where(~is_doc, out[column])
    out[NUMBER_COLUMN] = found["number"].groupby(document).ffill()
    out[DATE_COLUMN] = found["date"].groupby(document).ffill()
    out[RETURN_FLAG] = (
        found["kind"].groupby(document).ffill().fillna("").str.contains("возврат", case=False)
    )
    items = ~is_doc & document.notna()
    keep = items | document.isna()
    return out[keep.to_numpy()].reset_index(drop=True), int(is_doc.sum())
