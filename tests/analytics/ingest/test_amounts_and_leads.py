"""Which column is the money (amount or quantity x price), and zero-amount rows as leads.

Each file is built like the real layout; the expected revenue is computed here from the
rows themselves, independently of ingest.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from analytics.ingest import Choices, IngestError, ingest
from analytics.ingest.amounts import decide_source
from tests.analytics.ingest.helpers import csv_bytes


def _rows(seed: int, n: int = 120) -> list[tuple[str, str, int, int]]:
    """(date, contact, price, quantity) lines of a small shop."""
    rng = random.Random(seed)
    return [(f"{1 + i % 27:02d}.{1 + i % 12:02d}.2024", f"c{i % 30}@x.ru",
             rng.choice([120, 450, 990]), rng.randint(1, 4)) for i in range(n)]


def _quality(rows: list[list[str]], **kwargs: object):  # type: ignore[no-untyped-def]
    return ingest(csv_bytes(rows), "orders.csv", isolate=False, **kwargs).quality  # type: ignore[arg-type]


def test_line_amount_that_equals_quantity_times_price_is_the_money() -> None:
    lines = _rows(1)
    rows = [["Дата", "Email", "Цена", "Кол-во", "Сумма"]]
    rows += [[d, c, str(p), str(q), str(p * q)] for d, c, p, q in lines]
    q = _quality(rows)
    assert q.amount_source == "amount" and q.revenue == sum(p * n for _, _, p, n in lines)
    (decision,) = q.decisions
    assert (decision.topic, decision.chosen, decision.sure) == ("amount_source", "amount", True)
    assert decision.alternatives == ("quantity_x_price",)
    assert decision.evidence == {"agree_share": 1.0, "basis": "agrees"}


def test_an_amount_that_repeats_the_unit_price_is_a_price() -> None:
    """A shop's "Amount" that is really the unit price: quantity x price is the money."""
    lines = _rows(2)
    rows = [["Date", "Customer", "Amount", "Price", "Quantity"]]
    rows += [[d, c, str(p), str(p), str(q)] for d, c, p, q in lines]
    q = _quality(rows)
    assert q.amount_source == "quantity_x_price"
    assert q.revenue == sum(p * n for _, _, p, n in lines)
    assert q.revenue > sum(p for _, _, p, _ in lines)  # not the sum of unit prices
    assert q.decisions[0].sure


def test_a_value_unrelated_to_price_times_quantity_is_kept_and_the_user_asked() -> None:
    """``Date;Contact;Value;Price;Qty``: Value is the deal's money (500-9 000); Price x Qty
    is something else (a list price times a seat count) and would inflate the check."""
    rng = random.Random(3)
    rows = [["Date", "Contact", "Value", "Price", "Qty"]]
    values = []
    for i in range(150):
        value = rng.randint(500, 9000)
        values.append(value)
        rows.append([f"{1 + i % 27:02d}.{1 + i % 12:02d}.2024", f"c{i % 40}@x.ru", str(value),
                     str(rng.randint(1000, 9000)), str(rng.randint(5, 20))])
    q = _quality(rows)
    assert q.amount_source == "amount" and q.revenue == sum(values)
    (decision,) = q.decisions
    assert not decision.sure and decision.evidence["agree_share"] < 0.1
    chosen = _quality(rows, choices=Choices(amount_source="quantity_x_price"))
    expected = sum(float(r[3]) * float(r[4]) for r in rows[1:])
    assert chosen.amount_source == "quantity_x_price" and chosen.revenue == expected
    assert chosen.decisions[0].explicit and chosen.decisions[0].sure


def test_an_order_total_repeated_on_its_lines_is_counted_once() -> None:
    rng = random.Random(4)
    rows = [["Order", "Date", "Customer", "Product", "Total", "Price", "Qty"]]
    expected = 0
    for order in range(80):
        lines = [(rng.choice([100, 250]), rng.randint(1, 3)) for _ in range(rng.randint(1, 3))]
        total = sum(p * n for p, n in lines)
        expected += total
        rows += [[str(order), f"2024-{1 + order % 12:02d}-{1 + order % 27:02d}",
                  f"c{order % 25}", f"P{k}", str(total), str(p), str(n)]
                 for k, (p, n) in enumerate(lines)]
    q = _quality(rows)
    assert q.revenue == expected and q.orders == 80
    assert q.amount_source == "amount" and q.decisions[0].sure


def test_an_amount_beside_a_quantity_is_a_line_total() -> None:
    lines = _rows(5)
    rows = [["Дата", "Email", "Кол-во", "Сумма"]]
    rows += [[d, c, str(q), str(p * q)] for d, c, p, q in lines]
    q = _quality(rows)
    assert q.amount_source == "amount" and q.revenue == sum(p * n for _, _, p, n in lines)


def test_a_price_alone_is_one_item_a_line() -> None:
    lines = _rows(6)
    rows = [["Дата", "Email", "Цена"]] + [[d, c, str(p)] for d, c, p, _ in lines]
    q = _quality(rows)
    assert q.amount_source == "unit_price" and q.revenue == sum(p for _, _, p, _ in lines)


def test_a_source_the_file_cannot_give_is_a_clear_error() -> None:
    rows = [["Дата", "Email", "Сумма"], ["01.03.2024", "a@x.ru", "100"]]
    with pytest.raises(IngestError) as caught:
        _quality(rows, choices=Choices(amount_source="quantity_x_price"))
    assert caught.value.code == "amount-source-unavailable"


def test_decide_source_edges() -> None:
    nan = np.nan
    empty = np.array([nan, nan])
    assert decide_source(empty, np.array([1.0, 2.0]), np.array([1.0, 2.0])) == (
        "amount", True, None, "no_rows")
    # 9 of 10 rows agree: exactly the 90 % bar, sure; 8 of 10: unsure
    amount = np.array([10.0] * 9 + [99.0])
    product = np.array([10.0] * 10)
    assert decide_source(amount, product, product / 2) == ("amount", True, 0.9, "agrees")
    amount[0] = 55.0
    assert decide_source(amount, product, product / 2) == ("amount", False, 0.8, "unsure")


def test_zero_amount_rows_are_leads_beside_the_base() -> None:
    """An online school: free lessons (zero amount) before a first payment, and people
    who only ever took the free lesson."""
    rows = [["ID заказа", "Дата создания", "Email", "Оплачено", "Статус"],
            ["1", "01.02.2024", "a@x.ru", "0", "Завершен"],     # a's free lesson
            ["2", "10.02.2024", "a@x.ru", "15000", "Завершен"],  # a pays
            ["3", "05.02.2024", "b@x.ru", "0", "Завершен"],     # b only a lead
            ["4", "06.03.2024", "c@x.ru", "0", "Завершен"],     # c only a lead
            ["5", "07.03.2024", "c@x.ru", "0", "Завершен"],     # c again, still free
            ["6", "08.03.2024", "d@x.ru", "9000", "Завершен"],   # d pays without a lead
            ["7", "09.03.2024", "e@x.ru", "0", "Отменен"]]       # a cancelled sign-up
    result = ingest(csv_bytes(rows), "school.csv", isolate=False)
    q, table = result.quality, result.table
    assert (q.customers, q.orders, q.revenue) == (2, 2, 24000)
    assert (q.lead_rows, q.leads) == (4, 2)  # b and c never paid; a converted
    assert q.rows_dropped == {"cancelled": 1}
    assert q.rows_used + sum(q.rows_dropped.values()) == q.rows_read == 7
    leads = table[table["status"] == "lead"]
    assert sorted(leads["customer_key"]) == ["a@x.ru", "b@x.ru", "c@x.ru", "c@x.ru"]
    assert (leads["amount"] == 0).all() and leads["order_date"].notna().all()


def test_a_file_of_leads_only_says_so() -> None:
    rows = [["Дата", "Email", "Сумма"], ["01.03.2024", "a@x.ru", "0"],
            ["02.03.2024", "b@x.ru", "0,00"]]
    with pytest.raises(IngestError) as caught:
        _quality(rows)
    assert caught.value.code == "only-leads"


def test_a_stage_column_can_be_left_out_and_its_reading_is_a_decision() -> None:
    rows = [["Дата", "Email", "Сумма", "Stage"]]
    rows += [[f"0{d}.03.2024", f"c{d}@x.ru", f"{d}00", "Входящие"] for d in range(1, 8)]
    rows.append(["09.03.2024", "c9@x.ru", "900", "Отменен"])
    staged = _quality(rows)
    assert staged.orders == 7
    (decision,) = staged.decisions
    assert (decision.topic, decision.chosen, decision.alternatives) == ("status", "stage", ("ignore",))
    ignored = ingest(csv_bytes(rows), "tilda.csv", isolate=False, mapping={"status": "-"})  # type: ignore[dict-item]
    assert ignored.quality.orders == 8 and ignored.quality.decisions == []
    assert "status" not in {r.value for r in ignored.mapping}


def test_repeated_rows_are_a_sure_drop_only_with_order_ids() -> None:
    base = [["01.03.2024", "a@x.ru", "100"], ["01.03.2024", "a@x.ru", "100"],
            ["02.03.2024", "b@x.ru", "70"]]
    without_ids = _quality([["Дата", "Email", "Сумма"], *base]).decisions
    with_ids = _quality([["Заказ", "Дата", "Email", "Сумма"],
                         *[[str(i), *r] for i, r in enumerate(base[:1] * 2 + base[2:])]]).decisions
    assert [(d.topic, d.chosen, d.sure) for d in without_ids] == [("duplicates", "drop", False)]
    assert without_ids[0].evidence == {"rows": 1, "amount": 100.0}
    assert with_ids == []  # order ids differ: no repeated rows at all


def test_shopify_total_on_the_first_line_is_an_order_total() -> None:
    """Shopify's ``Total`` (shipping and tax included) sits on an order's first line and
    never equals a line's quantity x price: still the money, and surely so."""
    from pathlib import Path

    path = Path(__file__).parents[2] / "fixtures" / "exports" / "shopify_orders.csv"
    q = ingest(path.read_bytes(), path.name, isolate=False).quality
    (decision,) = q.decisions
    assert (decision.chosen, decision.sure, decision.evidence["basis"]) == (
        "amount", True, "order_total")
