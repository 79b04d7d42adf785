"""Small builders of export-like files for ingest tests."""

from __future__ import annotations

import io
from typing import Any

import xlsxwriter

GOOD = [["Дата", "Email", "Сумма", "Статус"], ["01.02.2024", "a@x.ru", "100", "Оплачен"],
        ["02.02.2024", "b@x.ru", "200", "Оплачен"]]
"""A header and two paid orders: the smallest file the audit reads."""
ODS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            '<office:body><office:spreadsheet><table:table table:name="S">')
ODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"
"""The frame of an ODS ``content.xml`` around one table's rows."""


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
