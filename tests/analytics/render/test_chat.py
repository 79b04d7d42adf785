"""Documents as Telegram messages: escaped, split under the limit at block boundaries."""

from analytics.render.chat import pack, render_chat
from analytics.render.document import BulletList, Document, Heading, Paragraph, Table


def test_escaped_and_formatted() -> None:
    doc = Document("Бриф <ООО>", [Heading("Итог"), Paragraph("a < b & c", lead="Вывод:"),
                                    BulletList(("one", "two"), ordered=True),
                                    Table(("k", "v"), (("C1", "2%"), ("<b>", "x")))])
    (message,) = render_chat(doc)
    assert message.startswith("<b>Бриф &lt;ООО&gt;</b>")
    assert "<b>Вывод:</b> a &lt; b &amp; c" in message
    assert "1. one\n2. two" in message
    assert "• &lt;b&gt;: x" in message


def test_split_under_the_limit_without_losing_text() -> None:
    parts = [f"block {i} " + "x" * 300 for i in range(40)]
    messages = pack(parts, limit=1000)
    assert all(len(m) <= 1000 for m in messages)
    assert "".join(messages).count("block") == 40
    long_line = pack(["y" * 2500], limit=1000)
    assert [len(m) for m in long_line] == [1000, 1000, 500]
