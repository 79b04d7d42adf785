"""/history and comparison over HTTP with the real bot process: each audit listed with its
buttons, the same file sent again, two businesses compared."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bench.bot_process import running_bot
from bench.fake_bot_api import FakeBotApi
from tests.e2e.chat import agree, buttons, has_buttons, press, saying, text_of
from tests.e2e.test_journey import AUDIT_TIMEOUT, SHOP


def other_shop() -> bytes:
    """Another business: 80 customers known by e-mail (as the shop's), none of them the
    shop's, over part of the shop's period."""
    lines = ["Дата заказа;Email;Сумма"]
    lines += [f"{i % 28 + 1:02d}.{i % 12 + 1:02d}.2024;buyer{i % 80}@other-shop.ru;{1500 + i}"
              for i in range(400)]
    return "\n".join(lines).encode()


def audit_ids(call: object) -> set[str]:
    """The audit ids the buttons of a message open."""
    return {data.rsplit(":", 1)[1] for data in buttons(call).values()  # type: ignore[arg-type]
            if data.startswith("a:")}


async def test_history_same_file_and_another_business(fake_api: FakeBotApi,
                                                       tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    async with running_bot(fake_api, data_dir):
        user = fake_api.user(3001, "Нина")
        await agree(user)
        user.send_document("shop.csv", SHOP.read_bytes(), "text/csv")
        first = await user.wait_for("sendMediaGroup", timeout=AUDIT_TIMEOUT)
        menu = await user.wait_for("sendMessage", has_buttons, since=first.index)
        (shop_audit,) = audit_ids(menu)

        # the same bytes again, under another name: no second audit, the first one's buttons
        user.send_document("shop-copy.csv", SHOP.read_bytes(), "text/csv")
        same = await user.wait_for("sendMessage", saying("тот же файл"), timeout=AUDIT_TIMEOUT)
        assert audit_ids(same) == {shop_audit}
        assert {"a:rec", "a:xlsx", "a:pdf"} <= {d.rsplit(":", 1)[0] for d in
                                                buttons(same).values()}

        # another business: the comparison warns
        user.send_document("other.csv", other_shop(), "text/csv")
        second = await user.wait_for("sendMediaGroup", timeout=AUDIT_TIMEOUT,
                                     since=same.index)
        menu2 = await user.wait_for("sendMessage", has_buttons, since=second.index)
        press(user, menu2, "a:cmp")
        comparison = await user.wait_for("sendMessage", since=menu2.index + 1)
        assert "почти нет общих клиентов" in text_of(comparison)

        # /history: each audit with its file, period, customers and buttons, the latest last
        user.send_command("history")
        title = await user.wait_for("sendMessage", saying("Ваши аудиты: 2"))
        await user.wait_for("sendMessage", saying("other.csv"), since=title.index)
        entries = [c for c in user.messages()
                   if c.method == "sendMessage" and c.index > title.index and has_buttons(c)]
        assert [text_of(e).split("\n")[0] for e in entries] == ["📊 shop.csv", "📊 other.csv"]
        shop_entry, other_entry = entries
        assert "заказы с 11.01.2023 по 30.06.2025, клиентов: 469" in text_of(shop_entry)
        assert "заказы с 01.01.2024 по 28.12.2024, клиентов: 80" in text_of(other_entry)
        assert audit_ids(shop_entry) == {shop_audit} and audit_ids(other_entry) != {shop_audit}
        assert not any(d.startswith("a:cmp") for d in buttons(shop_entry).values())
        assert any(d.startswith("a:cmp") for d in buttons(other_entry).values())
        press(user, shop_entry, "a:rec")  # an older audit's button still works
        steps = await user.wait_for("sendMessage", since=other_entry.index + 1)
        assert "₽" in text_of(steps)

    with sqlite3.connect(data_dir / "kratno.sqlite3") as db:
        uploads = db.execute("SELECT COUNT(*) FROM uploads WHERE user_id = ?",
                             (user.id,)).fetchone()[0]
        hashed = db.execute("SELECT COUNT(*) FROM customer_hashes WHERE user_id = ?",
                            (user.id,)).fetchone()[0]
    assert (uploads, hashed) == (2, 2)  # the copy stored nothing
