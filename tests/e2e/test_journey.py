"""The audit journey over HTTP with the real bot process: consent, real exports, summary,
charts, views, exports, comparison, column confirmation, refusals, isolation, /delete."""

from __future__ import annotations

import asyncio
import io
import sqlite3
import zipfile
from pathlib import Path

from bench.bot_process import ROOT, running_bot
from bench.fake_bot_api import FakeBotApi
from tests.e2e.chat import agree, buttons, has_buttons, press, saying, text_of

SHOP = ROOT / "samples" / "shop_orders.csv"
SCHOOL = ROOT / "samples" / "school_orders.xlsx"
SHOP_REVENUE = "10 632 096"
SCHOOL_REVENUE = "5 800 213"
AUDIT_TIMEOUT = 90


def later_shop() -> bytes:
    """The shop's export without its first 500 order lines: the same business, another file."""
    lines = SHOP.read_bytes().split(b"\n")
    return b"\n".join(lines[:2] + lines[502:])


def unsure_csv() -> tuple[bytes, float]:
    """Two amount columns detection cannot tell apart; returns the file and the second
    column's total (what the audit must report when the user picks it)."""
    lines = ["Клиент;Дата;Сумма по заказу в рублях;Сумма по заказу в долларах"]
    dollars = 0.0
    for i in range(60):
        usd = 10 + i
        dollars += usd
        lines.append(f"Клиент {i % 9};{i % 28 + 1:02d}.{i % 9 + 1:02d}.2024;{usd * 90};{usd}")
    return "\n".join(lines).encode(), dollars


def value_csv() -> tuple[bytes, float]:
    """A "Value" that is not quantity x price; returns the file and the quantity x price
    total (what the audit must report when the user says so)."""
    lines = ["Date;Email;Value;Price;Qty"]
    product = 0.0
    for i in range(50):
        price, qty = 1000 + i, 5 + i % 3
        product += price * qty
        lines.append(f"{i % 28 + 1:02d}.{i % 9 + 1:02d}.2024;c{i % 8}@x.ru;{500 + i};{price};{qty}")
    return "\n".join(lines).encode(), product


async def answered_by_button(fake_api: FakeBotApi, who: tuple[int, str],
                             upload: tuple[str, bytes], *, asked: str, button: str,
                             revenue: float) -> None:
    """A user uploads a file, is asked (the question quotes ``asked``), presses the button
    whose label contains ``button`` and gets the audit with ``revenue`` in it."""
    user = fake_api.user(*who)
    await agree(user)
    user.send_document(upload[0], upload[1], "text/csv")
    question = await user.wait_for("sendMessage", has_buttons, timeout=AUDIT_TIMEOUT)
    assert asked in text_of(question)
    user.press(next(v for k, v in buttons(question).items() if button in k), question)
    await user.wait_for("sendMediaGroup", timeout=AUDIT_TIMEOUT)
    assert any(f"{revenue:,.0f}".replace(",", " ") in text_of(c)
               for c in user.messages() if c.method == "sendMessage")


async def test_audit_journey_views_exports_and_compare(fake_api: FakeBotApi,
                                                        tmp_path: Path) -> None:
    async with running_bot(fake_api, tmp_path / "data"):
        user = fake_api.user(1001, "Анна")
        await agree(user)
        user.send_document("orders.csv", SHOP.read_bytes(), "text/csv")
        status = await user.wait_for("sendMessage", saying("📥"))
        album = await user.wait_for("sendMediaGroup", timeout=AUDIT_TIMEOUT)
        assert len(album.files) >= 4
        summary = next(c for c in user.messages()
                       if c.method == "sendMessage" and c.index < album.index
                       and SHOP_REVENUE in text_of(c))
        assert "469" in text_of(summary)  # customers in the base
        edits = [text_of(c) for c in user.messages() if c.method == "editMessageText"
                 and c.params.get("message_id") == status.result["message_id"]]
        assert edits and edits[-1].startswith("✅")
        menu = await user.wait_for("sendMessage", has_buttons, since=album.index)
        codes = set(buttons(menu).values())
        assert {c.split(":")[1] for c in codes} >= {"rec", "seg", "coh", "xlsx", "pdf"}
        assert not any(c.startswith("a:cmp") for c in codes)  # nothing to compare yet

        press(user, menu, "a:rec")
        steps = await user.wait_for("sendMessage")
        assert "₽" in text_of(steps)
        press(user, menu, "a:seg")
        await user.wait_for("sendMessage", lambda c: len(text_of(c)) > 200)

        press(user, menu, "a:xlsx")
        sent = await user.wait_for("sendDocument", timeout=AUDIT_TIMEOUT)
        (xlsx,) = sent.files.values()
        assert xlsx.filename == "customers_orders_2025-06-30.xlsx"
        with zipfile.ZipFile(io.BytesIO(xlsx.data)) as book:
            sheet = book.read("xl/worksheets/sheet1.xml").decode()
        assert sheet.count("<row ") == 469 + 1  # a header and one row per customer
        press(user, menu, "a:pdf")
        pdf = await user.wait_for("sendDocument", timeout=AUDIT_TIMEOUT)
        assert next(iter(pdf.files.values())).data.startswith(b"%PDF")

        user.send_document("orders-june.csv", later_shop(), "text/csv")
        album2 = await user.wait_for("sendMediaGroup", timeout=AUDIT_TIMEOUT)
        menu2 = await user.wait_for("sendMessage", has_buttons, since=album2.index)
        press(user, menu2, "a:cmp")
        comparison = await user.wait_for("sendMessage")
        assert len(text_of(comparison)) > 50
        assert "разных бизнесов" not in text_of(comparison)  # the same shop's customers


async def test_columns_refusals_isolation_and_delete(fake_api: FakeBotApi,
                                                     tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    async with running_bot(fake_api, data_dir):
        # a column-confirmation round trip: the user picks the dollar column
        content, dollars = unsure_csv()
        await answered_by_button(fake_api, (2001, "Ира"), ("deals.csv", content),
                                 asked="Сумма по заказу в рублях", button="доллар",
                                 revenue=dollars)
        # an unsure money column: asked with buttons, the answer changes the revenue
        content, product = value_csv()
        await answered_by_button(fake_api, (2007, "Вера"), ("value.csv", content),
                                 asked="«Value»", button="Количество × цена", revenue=product)

        # too big: refused from the update, never downloaded
        big = fake_api.user(2002, "Олег")
        await agree(big)
        update = big.send_document("huge.csv", mime_type="text/csv", file_size=60 * 2**20)
        refusal = await big.wait_for("sendMessage", saying("20"))
        assert "МБ" in text_of(refusal)
        file_id = update.payload["message"]["document"]["file_id"]
        assert not [c for c in fake_api.calls_of("getFile") if c.params.get("file_id") == file_id]

        # two users at once get only their own numbers; a broken file does not stop others
        shop, school, broken = (fake_api.user(uid, name) for uid, name in
                                ((2003, "Магазин"), (2004, "Школа"), (2005, "Сломано")))
        for u in (shop, school, broken):
            await agree(u)
        shop.send_document("shop.csv", SHOP.read_bytes(), "text/csv")
        school.send_document("school.xlsx", SCHOOL.read_bytes(),
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        broken.send_document("report.xlsx", b"PK\x03\x04 this is not really a workbook" * 20,
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        bystander = fake_api.user(2006, "Гость")
        bystander.send_command("language")
        choose = await bystander.wait_for("sendMessage", has_buttons, timeout=10)
        press(bystander, choose, "lang:en")
        await bystander.wait_for("sendMessage", saying("English"))
        bystander.send_command("help")  # the choice is remembered (storage, not the update)
        await bystander.wait_for("sendMessage", saying("I audit a customer base"))
        answer = await broken.wait_for("editMessageText", saying("Excel"), timeout=AUDIT_TIMEOUT)
        assert "Traceback" not in text_of(answer)
        await asyncio.gather(*(u.wait_for("sendMessage", saying("Откройте"),
                                          timeout=AUDIT_TIMEOUT) for u in (shop, school)))
        shop_texts = " ".join(text_of(c) for c in shop.messages())
        school_texts = " ".join(text_of(c) for c in school.messages())
        assert SHOP_REVENUE in shop_texts and SCHOOL_REVENUE not in shop_texts
        assert SCHOOL_REVENUE in school_texts and SHOP_REVENUE not in school_texts

        # /delete leaves nothing about the user behind
        shop.send_command("delete")
        ask = await shop.wait_for("sendMessage", has_buttons)
        press(shop, ask, "ok:delete:1")
        await shop.wait_for("sendMessage", saying("Удалено"))
    assert not (data_dir / "users" / str(shop.id)).exists()
    assert (data_dir / "users" / str(school.id)).exists()
    with sqlite3.connect(next(data_dir.glob("*.sqlite*"))) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
            if "user_id" in columns:
                rows = db.execute(f"SELECT COUNT(*) FROM {table} WHERE user_id = ?",
                                  (shop.id,)).fetchone()[0]
                assert rows == 0, table


async def test_a_file_sent_during_an_audit_waits_its_turn(fake_api: FakeBotApi,
                                                           tmp_path: Path) -> None:
    """Two files back to back: the second is kept and audited after the first (and the user
    is told so); a third while one waits is refused with a word on what to do."""
    async with running_bot(fake_api, tmp_path / "data"):
        user = fake_api.user(1004, "Ира")
        await agree(user)
        data = SHOP.read_bytes()
        user.send_document("january.csv", data, "text/csv")
        await user.wait_for("sendMessage", saying("📥"))
        user.send_document("february.csv", data + b"\n", "text/csv")  # not the same bytes
        await user.wait_for("sendMessage", saying("Принял", "потом сразу возьмусь"))
        user.send_document("march.csv", data, "text/csv")
        await user.wait_for("sendMessage", saying("уже ждёт одно ваше задание"))
        first = await user.wait_for("sendMediaGroup", timeout=AUDIT_TIMEOUT)
        second = await user.wait_for("sendMediaGroup", timeout=AUDIT_TIMEOUT,
                                     since=first.index + 1)
        assert second.index > first.index
        summaries = [c for c in user.messages()
                     if c.method == "sendMessage" and SHOP_REVENUE in text_of(c)]
        assert len(summaries) == 2  # january and february; march was refused


async def test_the_quality_view_tells_what_was_read_and_a_column_change_reruns(
        fake_api: FakeBotApi, tmp_path: Path) -> None:
    """After an audit the user opens "what was read": rows, exclusions in words, the column
    of each role; changing the money column to the price column audits the stored file
    again (8 432 997 instead of 10 632 096). A file with bare headers (col1, col2, col3)
    gets them as buttons for each column detection cannot find, instead of a refusal."""
    async with running_bot(fake_api, tmp_path / "data"):
        user = fake_api.user(1005, "Олег")
        await agree(user)
        user.send_document("orders.csv", SHOP.read_bytes(), "text/csv")
        album = await user.wait_for("sendMediaGroup", timeout=AUDIT_TIMEOUT)
        menu = await user.wait_for("sendMessage", has_buttons, since=album.index)
        press(user, menu, "a:qual")
        view = await user.wait_for("sendMessage", saying("Качество данных: orders.csv"))
        text = text_of(view)
        assert "Строк прочитано: 5 001" in text and "отменённые: 364" in text
        assert "--" not in text and "zero_amount" not in text  # no flags, no raw codes
        assert "• сумма: «Сумма»" in text
        press(user, view, "fx:*:amount:-1")
        which = await user.wait_for("sendMessage", saying("В каком столбце «сумма»"))
        user.press(next(v for k, v in buttons(which).items() if k == "Цена"), which)
        await user.wait_for("sendMessage", saying("8 432 997"), timeout=AUDIT_TIMEOUT)

        lines = ["col1;col2;col3"] + [f"{i % 28 + 1:02d}.{i % 12 + 1:02d}.2024;client{i % 15};"
                                      f"{100 + i * 7}" for i in range(80)]
        user.send_document("odd.csv", "\n".join(lines).encode(), "text/csv")
        ask = await user.wait_for("sendMessage", saying("Не нашёл, какой столбец — дата заказа"),
                                  timeout=AUDIT_TIMEOUT)
        assert set(buttons(ask)) >= {"col1", "col2", "col3"}
        user.press(buttons(ask)["col1"], ask)
        money = await user.wait_for("sendMessage", saying("Не нашёл, какой столбец — сумма"),
                                    timeout=AUDIT_TIMEOUT)  # the next one detection misses
        user.press(buttons(money)["col3"], money)
        who = await user.wait_for("sendMessage", saying("Не нашёл, какой столбец — ID клиента"),
                                  timeout=AUDIT_TIMEOUT)
        user.press(buttons(who)["col2"], who)
        revenue = sum(100 + i * 7 for i in range(80))
        await user.wait_for("sendMessage", saying(f"{revenue:,}".replace(",", " ")),
                            timeout=AUDIT_TIMEOUT)
