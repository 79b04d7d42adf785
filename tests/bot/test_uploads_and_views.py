"""Refusing files from the update alone; the views a report offers and their sizes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from aiogram.types import Document

from bot.services.uploads import precheck, safe_name
from bot.services.views import TEXT_VIEWS, available_views, render_comparison, render_view

ROOT = Path(__file__).resolve().parents[2]


def document(size: int, mime: str | None = "text/csv", name: str = "orders.csv") -> Document:
    return Document(file_id="f", file_unique_id="u", file_size=size, mime_type=mime,
                    file_name=name)


def test_precheck() -> None:
    limit = 20 * 2**20
    assert precheck(document(1000), limit) is None
    too_big = precheck(document(limit + 1), limit)
    assert too_big is not None and too_big.key == "upload-too-big"
    assert too_big.args["limit_mb"] == 20.0
    assert precheck(document(10, "image/png", "photo.png"), limit).key == "upload-not-table"
    assert precheck(document(10, None, "export.xls"), limit) is None  # content decides later


def test_safe_name() -> None:
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("Заказы 2024 (1).xlsx") == "Заказы_2024_1_.xlsx"
    assert safe_name(None) == "upload"


def test_views_of_a_real_report_fit_telegram() -> None:
    done = subprocess.run([sys.executable, "-m", "analytics", "audit",
                           str(ROOT / "samples" / "shop_orders.csv"), "--json"],
                          check=True, capture_output=True, text=True)
    report = json.loads(done.stdout)
    views = available_views(report, has_previous=False)
    assert {"rec", "seg", "coh", "clu", "clv", "xlsx", "pdf"} <= set(views)
    assert "cmp" not in views and "cmp" in available_views(report, has_previous=True)
    for view in TEXT_VIEWS:
        messages = render_view(report, view, "ru")
        assert all(50 < len(text) <= 4096 for text in messages), view
    steps = render_view(report, "rec", "ru")
    assert len(steps) > 1  # every step is shown, over several messages
    assert "report.pdf" not in steps[-1]  # nothing was cut
    (changes,) = render_comparison(report, report, "en")
    assert len(changes) <= 4096


def test_exports_are_named_after_the_file_and_its_last_day() -> None:
    from bot.services.views import export_name

    report = {"quality": {"source": {"file_name": "Заказы магазина (июнь).csv"}},
              "data": {"date_to": "2025-06-30"}}
    assert export_name("customers", report, ".xlsx") == \
        "customers_Заказы_магазина_июнь_2025-06-30.xlsx"
    assert export_name("report", {}, ".pdf") == "report.pdf"
    odd = {"quality": {"source": {"file_name": "../../etc/passwd"}}, "data": {}}
    assert "/" not in export_name("report", odd, ".pdf")


def test_a_rerun_keeps_what_the_user_set_and_changes_one_thing() -> None:
    from analytics.ingest import NO_COLUMN
    from bot import callbacks
    from bot.services.quality_view import rerun_request

    assert callbacks.NO_COLUMN == NO_COLUMN  # spelt out in the bot, which imports no pandas
    report = {"quality": {
        "columns": {"amount": {"column": "Сумма", "explicit": True},
                    "order_date": {"column": "Дата", "explicit": False}},
        "decisions": [{"topic": "duplicates", "chosen": "keep", "explicit": True},
                      {"topic": "amount_source", "chosen": "amount", "explicit": False}],
    }}
    assert rerun_request(report, role="order_date", column="Оплачено") == (
        {"amount": "Сумма", "order_date": "Оплачено"}, {"duplicates": "keep"})
    assert rerun_request(report, topic="amount_source", option="quantity_x_price") == (
        {"amount": "Сумма"}, {"duplicates": "keep", "amount_source": "quantity_x_price"})
