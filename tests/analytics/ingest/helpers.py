"""Small builders of export-like files for ingest tests."""

from __future__ import annotations

import io
from typing import Any

import xlsxwriter


def csv_bytes(rows: list[list[str]], sep: str = ";", encoding: str = "utf-8",
              trailing: str = "") -> bytes:
    """Rows joined with ``sep`` (cells quoted when needed) and encoded."""
    def cell(value: str) -> str:
        if any(ch in value for ch in (sep, '"', "\n")):
            return '"' + value.replace('"', '""') + '"'
        return value
    text = "\r\n".join(sep.join(cell(c) for c in row) + trailing for row in rows) + "\r\n"
    return text.encode(encoding)


def xlsx_bytes(sheets: dict[str, list[list[Any]]]) -> bytes:
    """A workbook with one sheet per entry; datetimes become true Excel dates."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False})
    date_format = book.add_format({"num_format": "dd.mm.yyyy hh:mm"})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if hasattr(value, "year"):
                    sheet.write_datetime(r, c, value, date_format)
                else:
                    sheet.write(r, c, value)
    book.close()
    return buffer.getvalue()
