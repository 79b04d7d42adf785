"""Ingest end to end on small files built to show each layout quirk."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.ingest import Choices, IngestError, Role, ingest
from tests.analytics.ingest.helpers import csv_bytes, xlsx_bytes

HEADER = ["Номер заказа", "Дата", "Клиент", "Email", "Телефон", "Сумма", "Статус"]
ROWS = [
    ["1", "05.02.2024 12:00", "Иван Петров", "Ivan@Mail.ru ", "8 (999) 123-45-67", "1 234,50 р.", "Выполнен"],
    ["2", "15.03.2024", "Анна Смирнова", "anna@x.ru", "", "12 500 руб.", "Отменён"],
    ["3", "16.03.2024", "Иван Петров", "ivan@mail.ru", "", "500,00", "Выполнен"],
    ["4", "17.03.2024", "Олег", "oleg@x.ru", "+7 912 000-00-00", "250", "Возврат"],
    ["5", "18.03.2024", "Мария", "maria@x.ru", "", "1 000", "Новый"],
]


def orders_of(data: bytes, name: str = "orders.csv", **kwargs: object) -> pd.DataFrame:
    return ingest(data, name, isolate=False, **kwargs).table  # type: ignore[arg-type]


def test_cp1251_semicolons_title_lines_and_totals_row() -> None:
    rows = [["Отчёт о заказах"], [], HEADER, *ROWS, ["Итого", "", "", "", "", "15 484,50", ""]]
    result = ingest(csv_bytes(rows, encoding="cp1251", trailing=";"), "orders.csv", isolate=False)
    q = result.quality
    assert result.source.encoding == "cp1251" and result.source.delimiter == ";"
    assert result.source.header_row == 3
    assert q.rows_read == 6 and q.totals_rows == 1
    assert q.rows_dropped == {"totals_row": 1, "cancelled": 1, "refunded": 1, "open": 1}
    assert q.rows_used == 2
    assert q.orders == 2 and q.customers == 1 and q.revenue == 1734.5
    assert q.currency == "RUB"
    assert (q.date_from, q.date_to) == ("2024-02-05", "2024-03-16")
    assert q.customer_key_source == "email"
    valid = result.table[result.table["status"] == "valid"]
    assert set(valid["customer_key"]) == {"ivan@mail.ru"}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "utf-16"])
@pytest.mark.parametrize("sep", [";", ",", "\t", "|"])
def test_encodings_and_delimiters(encoding: str, sep: str) -> None:
    rows = [[c.replace(",", ".") if sep == "," else c for c in r] for r in [HEADER, *ROWS]]
    result = ingest(csv_bytes(rows, sep=sep, encoding=encoding), "x.txt", isolate=False)
    assert result.source.delimiter == sep
    assert result.quality.revenue == 1734.5


def test_short_cp1251_text_is_not_mistaken_for_another_charset() -> None:
    rows = [["Дата", "Клиент", "Сумма", "Да"], ["01.01.2024", "Да", "1", "Да"],
            ["02.01.2024", "Нет", "2", "Да"]]
    result = ingest(csv_bytes(rows, encoding="cp1251"), "x.csv", isolate=False)
    assert result.source.encoding == "cp1251"
    assert set(result.table["customer_key"]) == {"Да", "Нет"}


def test_quoted_cell_with_line_break_and_empty_trailing_columns() -> None:
    rows = [[*HEADER, "", ""], *[[*r, "", ""] for r in ROWS]]
    rows[1][2] = "Иван\nПетров"
    result = ingest(csv_bytes(rows), "x.csv", isolate=False)
    assert list(result.source.columns) == HEADER
    assert result.quality.rows_read == 5


def test_multi_row_header_is_merged() -> None:
    rows = [["Заказ", "", "Клиент", "", "Оплата", ""],
            ["Номер", "Дата", "Имя", "Email", "Сумма", "Статус"],
            ["1", "01.02.2024", "Иван", "i@x.ru", "100", "Оплачен"],
            ["2", "03.02.2024", "Пётр", "p@x.ru", "200", "Оплачен"]]
    result = ingest(csv_bytes(rows), "x.csv", isolate=False)
    assert result.source.header_rows == 2
    assert result.mapping[Role.AMOUNT].column == "Оплата Сумма"
    assert result.mapping[Role.EMAIL].column == "Клиент Email"
    assert result.quality.revenue == 300


def test_continuation_rows_inherit_order_fields_and_lines_sum() -> None:
    header = ["Name", "Email", "Financial Status", "Created at", "Lineitem quantity",
              "Lineitem name", "Lineitem price", "Total", "Currency"]
    rows = [header,
            ["#1001", "a@x.com", "paid", "2024-05-01 10:00:00 +0000", "2", "Mug", "10.00", "25.00", "USD"],
            ["#1001", "", "", "", "1", "Tee", "5.00", "", ""],
            ["#1002", "b@x.com", "refunded", "2024-05-02 11:00:00 +0000", "1", "Mug", "10.00", "10.00", "USD"],
            ["#1003", "a@x.com", "paid", "2024-06-01 09:00:00 +0000", "1", "Cap", "7.50", "7.50", "USD"]]
    result = ingest(csv_bytes(rows, sep=","), "orders_export.csv", isolate=False)
    table = result.table.set_index("order_id")
    assert table.loc["#1001", "amount"] == 25.0  # the order total, not total + line prices
    assert table.loc["#1001", "quantity"] == 3
    assert table.loc["#1001", "customer_key"] == "a@x.com"
    assert result.quality.orders == 2 and result.quality.revenue == 32.5
    assert result.quality.currency == "USD"
    assert result.quality.rows_dropped == {"refunded": 1}


def test_amount_from_quantity_times_price_and_lines_summed() -> None:
    rows = [["InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"],
            ["536365", "A1", "6", "12/1/2010 8:26", "2.55", "17850.0"],
            ["536365", "A2", "2", "12/1/2010 8:26", "3.00", "17850.0"],
            ["C536379", "A1", "-1", "12/1/2010 9:41", "2.55", "17850.0"],
            ["536380", "A3", "1", "12/13/2010 9:41", "1.00", ""]]
    result = ingest(csv_bytes(rows, sep=","), "retail.csv", isolate=False)
    q = result.quality
    assert q.amount_source == "quantity_x_price" and q.decisions == []
    assert q.revenue == pytest.approx(21.3)
    assert q.orders == 1 and q.customers == 1
    assert q.rows_dropped == {"cancelled": 1, "no_customer": 1}
    assert result.table.loc[result.table["status"] == "valid", "customer_key"].tolist() == ["17850"]


def test_exact_duplicates_removed_and_counted() -> None:
    rows = [HEADER, ROWS[0], ROWS[0], ROWS[2]]
    result = ingest(csv_bytes(rows), "x.csv", isolate=False)
    assert result.quality.duplicate_rows == 1
    assert result.quality.rows_dropped["duplicate"] == 1
    assert result.quality.orders == 2


def test_every_dropped_row_has_a_reason() -> None:
    rows = [HEADER, *ROWS,
            ["6", "", "Без даты", "n@x.ru", "", "10", "Выполнен"],
            ["7", "32.13.2024", "Кривая дата", "k@x.ru", "", "10", "Выполнен"],
            ["8", "01.04.2024", "", "", "", "10", "Выполнен"],
            ["9", "01.04.2024", "Без суммы", "s@x.ru", "", "", "Выполнен"],
            ["10", "01.04.2024", "Бесплатно", "f@x.ru", "", "0", "Выполнен"]]
    q = ingest(csv_bytes(rows), "x.csv", isolate=False).quality
    assert q.rows_dropped == {"cancelled": 1, "refunded": 1, "open": 1, "no_date": 1,
                              "bad_date": 1, "no_customer": 1, "no_amount": 1}
    assert (q.lead_rows, q.leads) == (1, 1)  # the free order is a lead, used as such
    assert q.rows_used + sum(q.rows_dropped.values()) == q.rows_read


def test_customer_key_falls_back_from_email_to_phone() -> None:
    rows = [["Дата", "Email", "Телефон", "Сумма"],
            ["01.02.2024", "a@x.ru", "", "100"],
            ["02.02.2024", "", "8 999 111-22-33", "200"],
            ["03.02.2024", "", "+7 999 111 22 33", "300"]]
    result = ingest(csv_bytes(rows), "x.csv", isolate=False)
    assert result.quality.customer_key_source == "email"
    assert sorted(result.table["customer_key"].unique()) == ["79991112233", "a@x.ru"]
    assert result.quality.customers == 2


def test_duplicate_customers_sharing_an_email_are_counted() -> None:
    rows = [["ID клиента", "Email", "Дата", "Сумма"],
            ["1", "a@x.ru", "01.02.2024", "100"], ["2", "A@x.ru", "02.02.2024", "100"],
            ["3", "b@x.ru", "03.02.2024", "100"]]
    q = ingest(csv_bytes(rows), "x.csv", isolate=False).quality
    assert q.customer_key_source == "customer_id" and q.duplicate_customers == 1


def test_stale_customers_flagged_after_twelve_months() -> None:
    rows = [["Дата", "Email", "Сумма"], ["01.01.2023", "old@x.ru", "10"],
            ["01.06.2024", "new@x.ru", "10"], ["01.07.2024", "new@x.ru", "10"]]
    q = ingest(csv_bytes(rows), "x.csv", isolate=False).quality
    assert q.stale_customers == 1 and q.stale_share == 0.5


def test_several_money_columns_prefer_what_was_paid() -> None:
    rows = [["ID заказа", "Email", "Дата создания", "Дата оплаты", "Статус", "Стоимость, RUB",
             "Оплачено", "Комиссия платежной системы", "Получено"],
            ["1", "a@x.ru", "2024-01-01 10:00:00", "2024-01-02 11:00:00", "Завершен", "1000", "900", "30", "870"],
            ["2", "b@x.ru", "2024-01-03 10:00:00", "", "Ожидаем оплаты", "500", "0", "0", "0"]]
    result = ingest(csv_bytes(rows), "getcourse.csv", isolate=False)
    assert result.mapping[Role.AMOUNT].column == "Оплачено"
    assert result.mapping[Role.PAID_DATE].column == "Дата оплаты"
    assert result.quality.revenue == 900 and result.quality.currency == "RUB"
    first = result.table.set_index("order_id").loc["1", "order_date"]
    assert first == datetime(2024, 1, 2, 11)


def test_explicit_mapping_overrides_detection() -> None:
    rows = [["Когда", "Кто", "Сколько"], ["01.02.2024", "Иван", "100"], ["02.02.2024", "Пётр", "50"]]
    with pytest.raises(IngestError) as error:
        ingest(csv_bytes(rows), "x.csv", isolate=False)
    assert error.value.code in {"no-date-column", "no-amount-column", "no-customer-column"}
    mapping = {Role.ORDER_DATE: "Когда", Role.NAME: "Кто", Role.AMOUNT: "Сколько"}
    result = ingest(csv_bytes(rows), "x.csv", isolate=False, mapping=mapping)
    assert result.quality.revenue == 150 and result.mapping[Role.AMOUNT].explicit


def test_unknown_mapped_column_is_a_clear_error() -> None:
    with pytest.raises(IngestError) as error:
        ingest(csv_bytes([HEADER, *ROWS]), "x.csv", isolate=False, mapping={Role.AMOUNT: "Нет такого"})
    assert error.value.code == "unknown-column"


def test_customer_list_shape() -> None:
    rows = [["id", "Email", "Тип регистрации", "Создан", "Последняя активность", "Имя", "Город"],
            ["101", "a@x.ru", "Сам", "2023-01-05 10:00:00", "2024-06-01 12:00:00", "Анна", "Москва"],
            ["102", "b@x.ru", "Импорт", "2023-02-05 10:00:00", "2023-03-01 12:00:00", "Борис", "Казань"],
            ["103", "", "Сам", "2024-01-05 10:00:00", "2024-06-10 12:00:00", "Вера", "Москва"]]
    result = ingest(csv_bytes(rows), "users.csv", isolate=False)
    assert result.shape == "customers"
    assert result.quality.customers == 3
    assert result.mapping[Role.LAST_ACTIVITY].column == "Последняя активность"
    assert result.mapping[Role.REGISTRATION_DATE].column == "Создан"
    assert result.quality.stale_customers == 1


def test_xlsx_true_dates_serials_numbers_as_text_and_data_sheet_not_first() -> None:
    data_rows = [["Дата заказа", "Клиент", "Email", "Сумма"],
                 [datetime(2024, 1, 5, 10, 30), "Иван", "i@x.ru", 1500],
                 [45300, "Пётр", "p@x.ru", "2 500,00"],
                 ["07.01.2024", "Иван", "i@x.ru", "1 000"],
                 ["Итого", None, None, 5000]]
    notes = [["Выгрузка из CRM"], ["Сформирована автоматически"]]
    data = xlsx_bytes({"Notes": notes, "Orders": data_rows})
    result = ingest(data, "export.xlsx", isolate=False)
    assert result.source.sheet == "Orders"
    assert result.quality.revenue == 5000 and result.quality.totals_rows == 1
    dates = sorted(result.table["order_date"])
    assert dates[0] == datetime(2024, 1, 5, 10, 30) and dates[1] == datetime(2024, 1, 7)
    assert dates[2] == datetime(2024, 1, 9)  # serial 45300 (45292 is 2024-01-01)


def test_name_lies_csv_saved_as_xls_and_html_table_as_xls() -> None:
    csv_data = csv_bytes([HEADER, *ROWS])
    assert ingest(csv_data, "deals.xls", isolate=False).source.format == "csv"
    cells = "".join(f"<th>{h}</th>" for h in HEADER)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS)
    html = f"<html><head><meta charset='utf-8'></head><body><table><tr>{cells}</tr>{body}</table></body></html>"
    result = ingest(html.encode(), "deals.xls", isolate=False)
    assert result.source.format == "html" and result.quality.revenue == 1734.5


def test_isolated_parse_gives_the_same_result() -> None:
    data = csv_bytes([HEADER, *ROWS])
    inline = ingest(data, "x.csv", isolate=False)
    isolated = ingest(data, "x.csv", isolate=True)
    pd.testing.assert_frame_equal(inline.table, isolated.table)
    assert inline.quality == isolated.quality


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b", None]), st.sampled_from(["1", "2"]),
                  st.sampled_from(["x", "y", "z", None])),
        max_size=40,
    )
)
def test_repeated_rows_are_exactly_pandas_duplicates(rows: list[tuple[str | None, ...]]) -> None:
    from analytics.ingest.clean import repeated_rows

    plain = pd.DataFrame(rows, columns=["p", "q", "r"], dtype=object)
    expected = plain.duplicated(keep="first").to_numpy().tolist()
    assert repeated_rows(plain.astype("category")).tolist() == expected
    assert repeated_rows(plain).tolist() == expected


def test_a_stage_column_nobody_knows_is_not_a_payment_status() -> None:
    """A Tilda form export: its "Stage" holds only a CRM folder name. None of the orders
    is cancelled; all are audited, and the quality report says why."""
    rows = [["Дата", "Имя", "Email", "Сумма", "Stage"]]
    rows += [[f"0{d}.03.2024", f"Клиент {d}", f"c{d}@x.ru", f"{d}00", "Входящие"]
             for d in range(1, 8)]
    rows.append(["09.03.2024", "Клиент 9", "c9@x.ru", "900", "Отменен"])
    result = ingest(csv_bytes(rows), "tilda.csv", isolate=False)
    q = result.quality
    assert q.orders == 7 and q.revenue == sum(d * 100 for d in range(1, 8))
    assert q.rows_dropped == {"cancelled": 1}  # the one it names is still excluded
    assert "status_not_payment:Stage" in q.warnings
    assert not any(w.startswith("unknown_statuses") for w in q.warnings)


def test_unknown_statuses_beside_known_valid_ones_stay_open() -> None:
    rows = [["Дата", "Имя", "Email", "Сумма", "Статус"],
            ["01.03.2024", "А", "a@x.ru", "100", "Выполнен"],
            ["02.03.2024", "Б", "b@x.ru", "200", "Входящие"]]
    q = ingest(csv_bytes(rows), "orders.csv", isolate=False).quality
    assert q.orders == 1 and q.rows_dropped == {"open": 1}
    assert any(w.startswith("unknown_statuses:Входящие") for w in q.warnings)


def test_amounts_that_are_not_money_are_excluded_per_row() -> None:
    rows = [["Дата", "Email", "Сумма"],
            ["01.03.2024", "a@x.ru", "1e308"],
            ["02.03.2024", "b@x.ru", "1 200,50"],
            ["03.03.2024", "c@x.ru", "1234567890123456789012345678901234567890"],
            ["04.03.2024", "d@x.ru", "999999999999"],  # just under 10^12: money, if odd
            ["05.03.2024", "b@x.ru", "300"]]
    q = ingest(csv_bytes(rows), "orders.csv", isolate=False).quality
    assert q.rows_dropped == {"implausible_amount": 2}
    assert q.revenue == 1200.5 + 999_999_999_999 + 300 and q.orders == 3
    # 999 999 999 999 is 10^4+ times the median order (1 200,50): kept, but named.
    assert "outlier_amounts:1" in q.warnings


def test_a_returns_export_is_told_as_such() -> None:
    rows = [["Дата", "Email", "Сумма"], ["01.03.2024", "a@x.ru", "-100"],
            ["02.03.2024", "b@x.ru", "-250,00"]]
    with pytest.raises(IngestError) as caught:
        ingest(csv_bytes(rows), "returns.csv", isolate=False)
    assert caught.value.code == "only-returns" and caught.value.params == {"rows": 2}


def test_placeholder_and_implausible_dates_cost_rows_not_the_file() -> None:
    """1C writes 01.01.0001 for "not paid yet", CRMs 31.12.9999 for "never": in a second
    date column that is an empty value; an order date before 1990 or more than a day after
    the run date excludes its row, counted."""
    rows = [["Дата", "Дата оплаты", "Email", "Сумма"],
            ["01.03.2024", "01.01.0001", "a@x.ru", "100"],  # paid date empty: order date
            ["02.03.2024", "31.12.9999", "b@x.ru", "200"],
            ["03.03.2024", "", "c@x.ru", "300"],
            ["05.04.1985", "", "d@x.ru", "400"],  # before 1990
            ["11.03.2024", "", "e@x.ru", "500"],  # the day after the run date: kept
            ["12.03.2024", "", "f@x.ru", "600"],  # two days after: not plausible
            ["31.12.9999", "", "g@x.ru", "700"]]  # a placeholder as the order date
    result = ingest(csv_bytes(rows), "1c.csv", isolate=False, today=date(2024, 3, 10))
    q = result.quality
    assert q.rows_dropped == {"implausible_date": 2, "bad_date": 1}
    assert q.revenue == 100 + 200 + 300 + 500 and q.rows_used == 4
    assert (q.date_from, q.date_to) == ("2024-03-01", "2024-03-11")
    # In a workbook the same placeholders arrive as text or as true dates.
    book = xlsx_bytes({"Заказы": [rows[0], [datetime(2024, 3, 1), "01.01.0001", "a@x.ru", 100],
                                  [datetime(2024, 3, 2), datetime(9999, 12, 31), "b@x.ru", 200]]})
    assert ingest(book, "1c.xlsx", isolate=False, today=date(2024, 3, 10)).quality.revenue == 300


CDNOW = Path(__file__).resolve().parents[2] / "fixtures" / "cdnow" / "CDNOW_master.txt"


def test_the_cdnow_master_file_as_published() -> None:
    """Whitespace-aligned, dates as 19970101, no order ids: every row accounted for, and
    the figures of an independent reading (pandas, whitespace-separated)."""
    truth = pd.read_csv(CDNOW, sep=r"\s+", dtype={"customer_id": str, "date": str})
    assert len(truth) == 69_659
    kept = truth.drop_duplicates()  # the default: exact repeats are copy-paste duplicates
    paid = kept[kept["dollar_value"] > 0]
    result = ingest(CDNOW.read_bytes(), CDNOW.name, isolate=False)
    q = result.quality
    assert result.source.delimiter == " " and result.mapping[Role.ORDER_DATE].column == "date"
    assert q.rows_read == 69_659 and q.rows_used + sum(q.rows_dropped.values()) == q.rows_read
    assert q.rows_dropped == {"duplicate": len(truth) - len(kept)}
    assert q.lead_rows == len(kept) - len(paid)  # zero-amount rows: kept as leads
    assert q.rows_dropped["duplicate"] == 255
    assert q.orders == len(paid) and q.customers == paid["customer_id"].nunique()
    assert q.revenue == pytest.approx(paid["dollar_value"].sum(), abs=0.005)
    assert (q.date_from, q.date_to) == ("1997-01-01", "1998-06-30")


def test_compact_dates_as_text_and_as_numbers() -> None:
    rows = [["Date", "Email", "Amount"], ["20240131", "a@x.ru", "10"],
            ["20240229", "b@x.ru", "20"], ["20230229", "c@x.ru", "30"]]  # no 29 Feb 2023
    q = ingest(csv_bytes(rows, sep=","), "sql.csv", isolate=False).quality
    assert q.rows_dropped == {"bad_date": 1} and q.revenue == 30
    assert (q.date_from, q.date_to) == ("2024-01-31", "2024-02-29")
    book = xlsx_bytes({"s": [rows[0], [20240131, "a@x.ru", 10], [20240229, "b@x.ru", 20]]})
    q = ingest(book, "sql.xlsx", isolate=False).quality
    assert (q.date_from, q.date_to, q.revenue) == ("2024-01-31", "2024-02-29", 30)


def test_a_whitespace_aligned_report_is_a_table() -> None:
    text = ("  Date        Client              Sum\n"
            "  01.03.2024  ivan@x.ru          1200.50\n"
            "\t02.03.2024\tanna@x.ru\t 300\n"
            "  05.03.2024  ivan@x.ru            99\n")
    result = ingest(text.encode(), "report.txt", isolate=False)
    assert result.quality.revenue == 1599.5 and result.quality.customers == 2


def test_exact_repeats_are_dropped_with_their_money_told_or_kept_on_request() -> None:
    rows = [["Дата", "Email", "Сумма"], ["01.03.2024", "a@x.ru", "100"],
            ["01.03.2024", "a@x.ru", "100"], ["01.03.2024", "a@x.ru", "100"],
            ["02.03.2024", "b@x.ru", "250,50"], ["02.03.2024", "b@x.ru", "250,50"],
            ["03.03.2024", "c@x.ru", "70"]]
    dropped = ingest(csv_bytes(rows), "orders.csv", isolate=False).quality
    assert dropped.rows_dropped == {"duplicate": 3} and dropped.revenue == 420.5
    assert (dropped.duplicate_rows, dropped.duplicate_amount) == (3, 450.5)
    assert not dropped.duplicates_kept
    kept = ingest(csv_bytes(rows), "orders.csv", isolate=False,
                  choices=Choices(keep_duplicates=True)).quality
    assert kept.rows_dropped == {} and kept.revenue == 420.5 + 450.5 and kept.orders == 6
    assert (kept.duplicate_rows, kept.duplicate_amount, kept.duplicates_kept) == (3, 450.5, True)
