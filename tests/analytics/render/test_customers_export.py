"""Customers exports: columns, localisation, one row per customer, formula injection."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from analytics.locales import t
from analytics.render.customers_export import (
    customers_csv,
    customers_table,
    customers_xlsx,
    customers_xlsx_cells,
    export_order,
    neutralise,
)
from tests.analytics.render.conftest import HOSTILE


def read_xlsx(data: bytes) -> list[list[Any]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    rows: list[list[Any]] = book.get_sheet_by_index(0).to_python()
    return rows


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    delimiter = ";" if text.split("\r\n", 1)[0].count(";") else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


# ------------------------------------------------------------------ neutralise


@pytest.mark.parametrize("value", HOSTILE[:7])
def test_neutralise_prefixes_formula_starts(value: str) -> None:
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["+7 (999) 123-45-67", "-5", "79991234567", "Иван", "a=b"])
def test_neutralise_leaves_plain_values(value: str) -> None:
    assert neutralise(value) == value


# ------------------------------------------------------------------ table


def test_table_columns_order_and_headers(sample_frame: pd.DataFrame) -> None:
    table = customers_table(sample_frame, "ru")
    expected = [
        "customer_key", "name", "email", "phone", "city", "channel", "main_category",
        "rfm_segment", "r", "f", "m", "recency_days", "frequency", "monetary", "avg_check",
        "first_purchase", "last_purchase",
    ]
    assert list(table.columns) == [t("ru", f"export-col-{c}") for c in expected]
    assert list(table.columns)[:2] == ["Ключ клиента", "Имя"]
    assert list(customers_table(sample_frame, "en").columns)[:2] == ["Customer key", "Name"]
    assert len(table) == len(sample_frame)


def test_table_segments_and_dates(sample_frame: pd.DataFrame) -> None:
    table = customers_table(sample_frame, "en")
    segments = table["Segment"].tolist()
    assert set(segments) <= {t("en", f"export-segment-{c}") for c in
                             sample_frame["rfm_segment"].unique()}
    assert "Champions" in segments
    assert all(isinstance(d, date) for d in table["First purchase"])
    ordered = export_order(sample_frame).reset_index(drop=True)
    assert table["First purchase"][0] == ordered["first_purchase"][0].date()


def test_table_skips_missing_and_empty_columns(hostile_frame: pd.DataFrame) -> None:
    frame = hostile_frame.drop(columns=["r", "f", "m", "rfm_segment"])
    headers = list(customers_table(frame, "en").columns)
    assert "Email" not in headers  # all empty
    assert "Segment" not in headers and "R" not in headers  # list audit without scores
    assert headers[:4] == ["Customer key", "Name", "Phone", "City"]


# ------------------------------------------------------------------ CSV


def test_csv_bom_delimiter_and_every_customer(sample_frame: pd.DataFrame) -> None:
    data = customers_csv(sample_frame, "ru")
    assert data.startswith(b"\xef\xbb\xbf")
    first_line = data[3:].split(b"\r\n", 1)[0].decode("utf-8")
    assert first_line.startswith("Ключ клиента;Имя;")
    rows = read_csv(data)
    header, body = rows[0], rows[1:]
    assert len(body) == len(sample_frame)
    keys = [r[0] for r in body]
    assert sorted(keys) == sorted(sample_frame["customer_key"].astype(str))
    segment = header.index("Сегмент")
    by_key = dict(zip(sample_frame["customer_key"].astype(str), sample_frame["rfm_segment"],
                      strict=True))
    for row in body:
        assert row[segment] == t("ru", f"export-segment-{by_key[row[0]]}")


def test_csv_english_uses_comma(hostile_frame: pd.DataFrame) -> None:
    data = customers_csv(hostile_frame, "en")
    assert data[3:].startswith(b"Customer key,Name,")
    rows = read_csv(data)
    assert rows[1][rows[0].index("Revenue")] == "100.5"
    assert customers_csv(hostile_frame, "ru").decode("utf-8-sig").split("\r\n")[1].count(
        "100,5") == 2


def test_csv_neutralises_formula_injection(hostile_frame: pd.DataFrame) -> None:
    rows = read_csv(customers_csv(hostile_frame, "ru"))
    header, body = rows[0], rows[1:]
    names = [r[header.index("Имя")] for r in body]
    cities = [r[header.index("Город")] for r in body]
    for value in HOSTILE[:7]:
        assert "'" + value in names
        assert "'" + value in cities
    assert "<script>alert(1)</script>" in names
    for row in body:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r", "\n")) or re.fullmatch(
                r"\+[\d\s()\-]+", cell)
    assert body[0][header.index("Телефон")] == "+7 (999) 123-45-67"
    assert body[-1][header.index("Сегмент")] == ""  # unscored
    assert body[-1][header.index("Последняя покупка")] == ""


# ------------------------------------------------------------------ XLSX

Writer = Callable[[pd.DataFrame, str], bytes]
WRITERS = pytest.mark.parametrize("writer", [customers_xlsx, customers_xlsx_cells])


@WRITERS
def test_xlsx_strings_stay_strings(hostile_frame: pd.DataFrame, writer: Writer) -> None:
    data = writer(hostile_frame, "ru")
    rows = read_xlsx(data)
    header = rows[0]
    assert header[:2] == ["Ключ клиента", "Имя"]
    names = [r[header.index("Имя")] for r in rows[1:]]
    assert names == export_order(hostile_frame)["name"].tolist()  # the literal strings
    assert sorted(names) == sorted(HOSTILE)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets
        for name in sheets:
            xml = archive.read(name).decode("utf-8")
            assert "<f>" not in xml and "<f " not in xml
            assert '<pane ySplit="1"' in xml  # frozen header
            assert "<autoFilter" in xml


@WRITERS
def test_xlsx_every_customer_with_typed_values(
    sample_frame: pd.DataFrame, writer: Writer
) -> None:
    rows = read_xlsx(writer(sample_frame, "en"))
    header, body = rows[0], rows[1:]
    assert header[0] == "Customer key" and "Segment" in header
    assert len(body) == len(sample_frame)
    ordered = export_order(sample_frame).reset_index(drop=True)
    assert [str(r[0]) for r in body] == ordered["customer_key"].astype(str).tolist()
    seg, first, revenue = (header.index(h) for h in ("Segment", "First purchase", "Revenue"))
    expected = [t("en", f"export-segment-{c}") for c in ordered["rfm_segment"]]
    assert [r[seg] for r in body] == expected
    assert body[0][first] == ordered["first_purchase"][0].date()
    assert body[0][revenue] == pytest.approx(ordered["monetary"][0])


@WRITERS
def test_xlsx_empty_frame(hostile_frame: pd.DataFrame, writer: Writer) -> None:
    rows = read_xlsx(writer(hostile_frame.iloc[:0], "ru"))
    assert rows[0][0] == "Ключ клиента"
    assert len([r for r in rows if any(c != "" for c in r)]) == 1


def test_xlsx_control_characters_and_markup_round_trip() -> None:
    names = ["x\x01y", "_x0041_ literal", "<b>&amp;</b>", "  padded  ", "\r\n=1"]
    frame = pd.DataFrame({
        "customer_key": pd.array([f"k{i}" for i in range(5)], dtype="string"),
        "name": pd.array(names, dtype="string"),
        "monetary": [1.25, None, 3.0, 0.126, 1e12],
    })
    rows = read_xlsx(customers_xlsx(frame, "en"))
    by_revenue = [4, 2, 0, 3, 1]  # largest first, the empty one last
    assert [r[1] for r in rows[1:]] == [names[i] for i in by_revenue]
    assert [r[2] for r in rows[1:]] == [1e12, 3.0, 1.25, 0.13, ""]


def test_xlsx_writers_agree(sample_frame: pd.DataFrame) -> None:
    fast = read_xlsx(customers_xlsx(sample_frame, "ru"))
    cells = read_xlsx(customers_xlsx_cells(sample_frame, "ru"))
    assert fast == cells


def test_exports_at_once_and_in_small_chunks_are_the_same(sample_frame: pd.DataFrame) -> None:
    from analytics.render.customers_export import _csv, _Table, _xlsx, customers_exports

    csv_bytes, xlsx_bytes = customers_exports(sample_frame, "ru")
    assert csv_bytes == customers_csv(sample_frame, "ru")
    expected = read_xlsx(customers_xlsx(sample_frame, "ru"))
    assert read_xlsx(xlsx_bytes) == expected
    table = _Table.of(sample_frame, "ru")
    assert _csv(table, chunk_rows=7) == csv_bytes
    assert read_xlsx(_xlsx(table, chunk_rows=7)) == expected


@WRITERS
def test_xlsx_in_reading_order_and_printable(writer: Writer) -> None:
    """Best segments first, the largest customers first within one; landscape A4 fitted
    to the width with the header on every page; whole roubles without ",00"."""
    frame = pd.DataFrame({
        "customer_key": pd.array(["lost-big", "champ-small", "champ-big", "none", "loyal"],
                                 dtype="string"),
        "rfm_segment": ["lost", "champions", "champions", None, "loyal"],
        "monetary": [90_000.0, 1_000.0, 50_000.0, 99_999.0, 7_000.0],
    })
    data = writer(frame, "ru")
    keys = [r[0] for r in read_xlsx(data)[1:]]
    assert keys == ["champ-big", "champ-small", "loyal", "lost-big", "none"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
        book = archive.read("xl/workbook.xml").decode("utf-8")
        styles = archive.read("xl/styles.xml").decode("utf-8")
    assert 'orientation="landscape"' in sheet and 'paperSize="9"' in sheet
    assert '<pageSetUpPr fitToPage="1"/>' in sheet and 'fitToHeight="0"' in sheet
    assert "_xlnm.Print_Titles" in book and "$1:$1" in book
    assert 'formatCode="#,##0"' in styles and "#,##0.00" not in styles
    kopecks = frame.assign(monetary=[90_000.5, 1_000.0, 50_000.0, 99_999.0, 7_000.0])
    with zipfile.ZipFile(io.BytesIO(writer(kopecks, "ru"))) as archive:
        assert "#,##0.00" in archive.read("xl/styles.xml").decode("utf-8")
