"""Workbooks (XLSX, XLSM, XLS, ODS) through python-calamine, and HTML tables saved as .xls."""

from __future__ import annotations

import io
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from python_calamine import CalamineWorkbook

from analytics.ingest.errors import IngestError
from analytics.ingest.layout import cell_text


@dataclass(frozen=True)
class Sheet:
    """One sheet's name and rows of native cell values."""

    name: str
    rows: list[list[Any]]


def read_workbook(data: bytes) -> list[Sheet]:
    """Every visible worksheet of a workbook, as rows of Python values."""
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises its own errors and bare ones
        message = str(exc).lower()
        if "password" in message or "encrypt" in message:
            raise IngestError("encrypted") from exc
        raise IngestError("corrupt-workbook") from exc
    sheets: list[Sheet] = []
    try:
        hidden = {m.name for m in book.sheets_metadata if str(m.visible).lower().endswith("hidden")}
        for name in book.sheet_names:
            if name in hidden:
                continue
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=True)
            sheets.append(Sheet(name, rows))
    except Exception as exc:
        raise IngestError("corrupt-workbook") from exc
    finally:
        book.close()
    return sheets


def data_score(sheet: Sheet) -> int:
    """How much a sheet looks like a data table: rows with at least three filled cells."""
    return sum(1 for row in sheet.rows if _table_row(row))


def _table_row(row: list[Any]) -> bool:
    return sum(1 for c in row if cell_text(c)) >= 3


def pick_sheets(sheets: list[Sheet]) -> list[Sheet]:
    """The sheet that looks most like data (a single sheet only needs one table row)."""
    if len(sheets) == 1:
        if not any(_table_row(row) for row in sheets[0].rows):
            raise IngestError("no-table")
        return sheets
    scored = [(data_score(s), i) for i, s in enumerate(sheets)]
    if not scored or max(scored)[0] == 0:
        raise IngestError("no-table")
    best = max(scored, key=lambda si: (si[0], -si[1]))[1]
    return [sheets[best]]


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split(" ")).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None and self.tables:
            self.tables[-1].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def read_html_table(text: str) -> list[list[Any]]:
    """The largest ``<table>`` of an HTML document (Bitrix24's "Excel" export) as rows."""
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    tables = [t for t in parser.tables if t]
    if not tables:
        raise IngestError("no-table")
    return max(tables, key=len)
