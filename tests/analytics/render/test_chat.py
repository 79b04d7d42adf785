"""Documents as Telegram messages: escaped, split under the limit at block boundaries."""

import pytest

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


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_no_command_line_flags_in_the_chat(lang: str) -> None:
    """The chat (Telegram HTML) never tells a user to type a flag; the CLI still does."""
    from analytics.render.text.sections import SECTIONS

    empty = {"data": {"revenue": 1.0}, "metrics": {"computed_on": "valid_orders"}}
    chat = " ".join(SECTIONS[name](empty, lang, "html") for name in SECTIONS)
    assert "--" not in chat
    assert "--compare" in SECTIONS["comparison"](empty, lang, "plain")
