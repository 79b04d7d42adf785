"""The one-file audit report: sections, PDF pages, HTML escaping, partial reports."""

from __future__ import annotations

import re
from typing import Any

from analytics.render.document import Heading, Image, Table, render_markdown
from analytics.render.report_pdf import audit_document, audit_html, audit_pdf


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_document_sections_ru(built_report: dict[str, Any], png: bytes) -> None:
    doc = audit_document(built_report, {"revenue_monthly": png, "rfm": png}, "ru")
    headings = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
    # every finding is some step's "why", so no separate list of findings
    assert {f["code"] for f in built_report["findings"]} <= {
        r["finding"] for r in built_report["recommendations"]}
    assert headings == ["Главное", "Данные", "Графики", "Ключевые показатели",
                        "Следующие шаги роста", "RFM-сегменты"]
    steps = [b for b in doc.blocks if isinstance(b, Heading) and b.level == 2]
    assert len(steps) >= len(built_report["recommendations"])
    assert len(doc.images()) == 2
    text = render_markdown(doc)
    assert "Строк прочитано: 5\u00a0001, использовано: 4\u00a0483" in text
    assert "Клиентов: 469" in text
    assert "отменённые 364" in text
    assert "Средний чек" in text and "5\u00a0683\u00a0₽" in text
    assert "Окно оттока" in text
    rfm = [b for b in doc.blocks if isinstance(b, Table)][-1]
    assert rfm.header == ("Сегмент", "Клиентов", "Доля базы", "Выручка", "Доля выручки")
    segments = built_report["rfm"]["segments"]
    assert len(rfm.rows) == len(segments) + 1  # plus the total row
    assert rfm.rows[0][0] == "Чемпионы"
    assert rfm.rows[-1][1] == "469"


def test_document_english(built_report: dict[str, Any]) -> None:
    text = render_markdown(audit_document(built_report, {}, "en"))
    assert "Customer base audit" in text and "Key numbers" in text
    assert "Average order value | 5,683\u00a0₽" in text
    assert "Charts" not in text  # no charts given


def test_pdf_pages(built_report: dict[str, Any], png: bytes) -> None:
    charts = {f"chart_{i}": png for i in range(4)}
    pdf = audit_pdf(built_report, charts, "ru")
    assert pdf.startswith(b"%PDF")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert page_count(pdf) >= 2
    assert len(pdf) > 20_000
    assert page_count(audit_pdf(built_report, {}, "en")) >= 1


def test_partial_report_renders() -> None:
    """A customer-list audit without RFM or lifecycle months still gives a report."""
    report = {"shape": "customers", "as_of": "2025-01-01",
              "metrics": {"customers": 10, "revenue": 1000.0}, "rfm": None}
    html_text = audit_html(report, {}, "en")
    assert "RFM segments were not computed" in html_text
    assert "customer list" in html_text
    assert audit_pdf(report, {}, "ru").startswith(b"%PDF")
    assert audit_pdf({}, {}, "ru").startswith(b"%PDF")


def test_html_escapes_user_strings(built_report: dict[str, Any], png: bytes) -> None:
    report = dict(built_report)
    report["quality"] = {"source": {"file_name": "<script>alert(1)</script>.csv"}}
    html_text = audit_html(report, {"<img src=x onerror=alert(1)>": png}, "ru")
    assert "<script>alert" not in html_text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.csv" in html_text
    assert "<img src=x" not in html_text
    assert html_text.count("data:image/png;base64,") == 1
    doc = audit_document(report, {"x": png}, "ru")
    assert isinstance(doc.images()[0], Image)


def test_pdf_embeds_rgb_png_data_as_it_is(built_report: dict[str, Any], png: bytes) -> None:
    """An 8-bit RGB PNG (what the charts are) goes into the PDF without re-encoding; other
    PNGs (here RGBA) are converted by fpdf2."""
    import io
    import zlib

    from PIL import Image as PILImage

    from analytics.render.document import _png_passthrough

    buffer = io.BytesIO()
    PILImage.open(io.BytesIO(png)).convert("RGB").save(buffer, format="png")
    rgb = buffer.getvalue()
    info = _png_passthrough(rgb)
    assert info is not None and info["cs"] == "DeviceRGB" and info["dpn"] == 3
    width, height = PILImage.open(io.BytesIO(rgb)).size
    assert (info["w"], info["h"]) == (width, height)
    assert len(zlib.decompress(info["data"])) == height * (1 + 3 * width)  # filter byte a row
    assert _png_passthrough(png) is None  # RGBA
    assert _png_passthrough(b"not a png") is None
    pdf = audit_pdf(built_report, {"a": rgb, "b": rgb, "c": png}, "ru")
    assert pdf.count(info["data"]) == 1  # the same chart twice is stored once
    assert b"/Predictor 15 /Colors 3" in pdf


def test_the_document_opens_with_the_summarys_diagnosis(sample_report: dict) -> None:  # type: ignore[type-arg]
    """The same sentences, with the same numbers, as the summary's head."""
    from analytics.render.report_pdf import audit_html
    from analytics.render.text.diagnosis import diagnosis_lines
    from analytics.render.text.kit import Tx
    from analytics.render.text.sections import summary

    lines = diagnosis_lines(sample_report, Tx.of(sample_report, "ru"))
    assert lines and "меньше новых клиентов" in lines[0]
    html = audit_html(sample_report, {}, "ru")
    text = summary(sample_report, "ru")
    for line in lines:
        assert line in text
    first = html.index("Главное")
    assert first < html.index("меньше новых клиентов") < html.index("Ключевые показатели")


MAX_SAMPLE_PAGES = 7
"""The shipped sample's report.pdf: the head, six charts, eleven steps, the RFM table."""


def pdf_pages(report: dict[str, Any], lang: str = "ru") -> list[str]:
    """The text of each page of the report's PDF, its charts included (pypdf)."""
    import io

    from pypdf import PdfReader

    from analytics.render.charts import render_charts

    pdf = audit_pdf(report, render_charts(report, lang), lang)
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_pdf_opens_with_the_head_and_keeps_its_parts_whole(
        sample_report: dict[str, Any]) -> None:
    """Read back from the PDF itself: at most seven pages; page 1 holds the main finding,
    the five numbers with their trend and the top steps with their money; charts two to a
    row, a row never split from its captions; the key-numbers table on one page; every
    step (from its numbered heading to its "Почему:") on one page; no heading last on a
    page."""
    import re

    from analytics.render.text.advice import rec_title
    from analytics.render.text.head import five_numbers
    from analytics.render.text.kit import Tx

    pages = pdf_pages(sample_report)
    assert len(pages) <= MAX_SAMPLE_PAGES
    first = flat(pages[0])
    assert "Главное" in first and "меньше новых клиентов" in first
    five = five_numbers(sample_report, Tx.of(sample_report, "ru"))
    assert len(five) == 5 and "→" in five[0]  # revenue with its trend
    for line in five:
        assert flat(line) in first, line
    assert sample_report["recommendations"][0]["code"] == "restart_acquisition"
    assert "Вернуть приток новых клиентов: +" in first  # the top steps with their money

    captions = ("Выручка по месяцам", "Вся база и активная база", "RFM-сегменты: клиенты",
                "Удержание когорт", "Разрез базы", "Группы клиентов")
    for caption in captions:
        assert sum(flat(text).count(caption) for text in pages) == 1, caption
    chart_pages = [sum(caption in flat(text) for caption in captions) for text in pages]
    assert sorted(n for n in chart_pages if n) == [2, 4]  # two rows of two, then one

    table = [i for i, text in enumerate(pages) if "Ключевые показатели" in text]
    assert table and "Окно оттока" in pages[table[0]]  # its last row on the same page

    tx = Tx.of(sample_report, "ru")
    titles = [f"{rank}. {rec_title(rec, tx)}"
              for rank, rec in enumerate(sample_report["recommendations"], start=1)]
    started = ended = 0
    for text in pages:
        begins = sum(flat(text).count(title) for title in titles)
        ends = text.count("Почему:")
        assert begins == ends, text[:200]  # whatever step starts on a page ends there
        started, ended = started + begins, ended + ends
    assert started == ended == len(titles)

    headings = {"Главное", "Данные", "Графики", "Ключевые показатели", "Находки",
                "Следующие шаги роста", "RFM-сегменты", "Что делать с каждым сегментом",
                "Пять цифр, которые важны", "Прогноз на 12 месяцев"}
    for text in pages:
        lines = [line for line in text.splitlines() if line.strip()]
        body = lines[:-1] if re.fullmatch(r"\d+ / \d+", lines[-1].strip()) else lines
        assert body[-1].strip() not in headings, body[-3:]  # no heading left alone


def test_the_english_pdf_is_as_short(sample_report: dict[str, Any]) -> None:
    pages = pdf_pages(sample_report, "en")
    assert len(pages) <= MAX_SAMPLE_PAGES
    assert "Five numbers that matter" in pages[0]
