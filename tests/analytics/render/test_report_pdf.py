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
    assert headings == ["Главное", "Данные", "Ключевые показатели", "Графики", "Находки",
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


def test_the_pdf_opens_with_the_head_and_never_splits_a_step(
        sample_report: dict, tmp_path: Any) -> None:  # type: ignore[type-arg]
    """Read back from the PDF itself: the diagnosis on page 1, charts two to a page, and
    every step (from its numbered heading to its "Почему:") on one page."""
    import io
    import re

    from pypdf import PdfReader

    from analytics.render.charts import render_charts
    from analytics.render.report_pdf import audit_pdf

    charts = render_charts(sample_report, "ru")
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(
        audit_pdf(sample_report, charts, "ru"))).pages]
    assert "Главное" in pages[0] and "меньше новых клиентов" in pages[0]
    first = sample_report["recommendations"][0]
    assert first["code"] == "restart_acquisition"
    assert "Вернуть приток новых клиентов: +" in pages[0].replace("\n", " ")  # top steps
    assert len(pages) <= 10
    chart_pages = [i for i, text in enumerate(pages)
                   if "Выручка по месяцам" in text or "Удержание когорт" in text]
    assert len(chart_pages) == 2  # the revenue chart and the cohorts chart, each with a partner
    steps = len(sample_report["recommendations"])
    started = ended = 0
    for text in pages:
        begins = len(re.findall(r"(?m)^\d+\. \S", text))
        ends = text.count("Почему:")
        assert begins == ends, text[:200]  # whatever step starts on a page ends there
        started, ended = started + begins, ended + ends
    assert started == ended == steps
