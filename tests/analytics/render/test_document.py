"""The reusable document model: Markdown, HTML (escaped) and PDF renderings."""

from __future__ import annotations

import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from analytics.render.document import (
    BulletList,
    Document,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Table,
    render_html,
    render_markdown,
    render_pdf,
)


def png() -> bytes:
    fig = Figure(figsize=(1, 1), dpi=20)
    FigureCanvasAgg(fig)
    fig.add_subplot(1, 1, 1).plot([0, 1], [0, 1])
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def sample() -> Document:
    return Document(
        title="Бриф <script>alert(1)</script>",
        subtitle="для консультанта",
        lang="ru",
        blocks=[
            Heading("Раздел & итог"),
            Paragraph("Текст с *звёздочкой* и | чертой", lead="Итог:"),
            Paragraph("заметка", muted=True),
            BulletList(("первый", "- второй")),
            BulletList(("шаг",), ordered=True),
            Table(("Метрика", "Значение"), (("C1", "2,5%"), ("a|b", "+10%")),
                  numeric=frozenset({1}), highlight=frozenset({0}), caption="Таблица"),
            Image(png(), caption="График", name="chart"),
            PageBreak(),
            Heading("Второй уровень", 2),
        ],
    )


def test_markdown() -> None:
    md = render_markdown(sample(), lambda i, image: f"files/{i}-{image.name}.png")
    assert md.startswith("# Бриф \\<script\\>alert(1)\\</script\\>\n")
    assert "## Раздел & итог" in md
    assert "**Итог:** Текст с \\*звёздочкой\\* и \\| чертой" in md
    assert "*заметка*" in md
    assert "- \\- второй" in md  # a leading dash in user text is not a nested list
    assert "1. шаг" in md
    assert "| Метрика | Значение |\n| --- | ---: |" in md
    assert "| **C1** | **2,5%** |" in md
    assert "| a\\|b | +10% |" in md  # pipes escaped, a leading + kept in cells
    assert "![График](files/1-chart.png)" in md
    assert "\n---\n" in md and "### Второй уровень" in md


def test_markdown_embeds_images_without_a_link_function() -> None:
    assert "](data:image/png;base64,iVBOR" in render_markdown(sample())


def test_html_escapes_everything() -> None:
    html = render_html(sample())
    assert "<script>" not in html
    assert "<title>Бриф &lt;script&gt;alert(1)&lt;/script&gt;</title>" in html
    assert '<html lang="ru">' in html
    assert "<h2>Раздел &amp; итог</h2>" in html
    assert "<strong>Итог:</strong> Текст с *звёздочкой* и | чертой" in html
    assert '<tr class="hl"><td>C1</td><td class=num>2,5%</td></tr>' in html
    assert 'src="data:image/png;base64,' in html and "<figcaption>График</figcaption>" in html
    assert "<ol><li>шаг</li></ol>" in html


def test_pdf_has_cyrillic_font_and_is_deterministic() -> None:
    doc = sample()
    pdf = render_pdf(doc)
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert b"DejaVu" in pdf
    assert render_pdf(doc) == pdf
    # two pages: a page break in the middle
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") >= 2 or b"/Count 2" in pdf


def test_pdf_text_contains_the_words() -> None:
    raw = render_pdf(Document(title="Проверка", blocks=[Paragraph("Ёжик")]))
    # the text is drawn as glyph ids; the embedded font's ToUnicode map lists the letters
    for code in (b"<0401>", b"<0436>", b"<0438>", b"<043A>"):  # Ё ж и к
        assert code in raw
