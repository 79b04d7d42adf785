"""report.html and the brief's HTML in a real browser (headless Chromium via Playwright),
on a phone (390 x 844) and a desktop (1 280 x 800): nothing wider than the screen, chart
text legible, the diagnosis at the top. Screenshots are kept as test artefacts
(``$KRATNO_ARTIFACTS``, else the test's temporary folder).

Needs Debian's ``chromium``; without it the tests skip, unless ``KRATNO_REQUIRE_BROWSER=1``
(CI sets it) makes them fail.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from analytics.render.charts import render_charts
from analytics.render.charts import style as chart_style
from analytics.render.report_pdf import audit_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
MIN_CSS_PX = 10.0
MAX_PRINTED_PAGES = 9
"""report.html of the shipped sample printed on A4 by Chromium."""
ROOT = Path(__file__).resolve().parents[3]

if CHROMIUM is None and os.environ.get("KRATNO_REQUIRE_BROWSER") != "1":
    pytest.skip("no chromium on this machine (apt-get install chromium)",
                allow_module_level=True)


CHART_PX = round(chart_style.WIDTH_IN * chart_style.DPI)
"""Every chart's pixel width, the audit's and the brief's."""
SMALLEST_TEXT_PX = chart_style.SMALLEST_FONT_PT * chart_style.DPI / 72
"""A chart's smallest text in its PNG's pixels."""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM is not None, "KRATNO_REQUIRE_BROWSER=1 but no chromium installed"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM,
                                              args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def report_html(sample_report: dict[str, Any]) -> str:
    return audit_html(sample_report, render_charts(sample_report, "ru"), "ru")


@pytest.fixture(scope="module")
def brief_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    from analytics.cli.toolkit import run

    out = tmp_path_factory.mktemp("brief")
    assert run(ROOT / "samples" / "toolkit_answers.yaml", out=out, lang="ru",
               as_json=False) == 0
    return (out / "brief.html").read_text(encoding="utf-8")


def artefacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("KRATNO_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_page(browser: Any, html: str, viewport: dict[str, int]) -> Any:
    page = browser.new_page(viewport=viewport)
    page.set_content(html, wait_until="load")
    return page


def png_width(data: bytes) -> int:
    """The pixel width of a PNG from its IHDR chunk."""
    return int(struct.unpack(">I", data[16:20])[0])


@pytest.fixture(scope="module")
def pages(report_html: str, brief_html: str) -> dict[str, str]:
    return {"report": report_html, "brief": brief_html}


@pytest.mark.parametrize("name", ["report", "brief"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_nothing_is_wider_than_the_screen_and_chart_text_is_legible(
    browser: Any, pages: dict[str, str], name: str, viewport: dict[str, int], tmp_path: Path,
) -> None:
    """No sideways scrolling, of the page or of a chart's box; on a phone every chart is
    shown whole at the screen's width with its smallest text at 10 CSS px or more; on a
    desktop no chart is taller than the screen."""
    page = open_page(browser, pages[name], viewport)
    try:
        page.screenshot(path=str(artefacts(tmp_path) / f"{name}-{viewport['width']}.png"),
                        full_page=True)
        scroll, inner = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner, f"{name} is {scroll} px wide on a {inner} px screen"
        images = page.evaluate("""Array.from(document.images).map(i => {
            const box = i.getBoundingClientRect();
            let scrolls = false;
            for (let e = i.parentElement; e !== document.body; e = e.parentElement) {
                const overflow = getComputedStyle(e).overflowX;
                scrolls = scrolls || (["auto", "scroll"].includes(overflow)
                                      && e.scrollWidth > e.clientWidth);
            }
            return {alt: i.alt, natural: i.naturalWidth, shown: box.width, left: box.left,
                    right: box.right, height: box.height, scrolls: scrolls};
        })""")
        assert images, "the page shows its charts"
        for image in images:
            assert image["natural"] == CHART_PX, image
            assert not image["scrolls"], f"a box scrolls sideways around {image['alt']}"
            assert image["left"] >= 0 and image["right"] <= inner, image
            if viewport is PHONE:
                text_px = SMALLEST_TEXT_PX * image["shown"] / image["natural"]
                assert text_px >= MIN_CSS_PX, (name, image["alt"], text_px)
                print(f"{name} {image['alt']!r}: smallest text {text_px:.1f} CSS px, "
                      f"shown {image['shown']:.0f} px wide")
            else:
                assert image["height"] <= viewport["height"], "a chart fits on the screen"
    finally:
        page.close()


def test_the_diagnosis_head_is_on_the_first_phone_screen(browser: Any, report_html: str) -> None:
    page = open_page(browser, report_html, PHONE)
    try:
        top = page.evaluate("""(() => {
            const head = Array.from(document.querySelectorAll('h2'))
                .find(h => h.textContent === 'Главное');
            const first = head.nextElementSibling;
            return [head.getBoundingClientRect().top, first.getBoundingClientRect().bottom,
                    first.textContent];
        })()""")
        assert top[0] < PHONE["height"] and top[1] < PHONE["height"]
        assert "меньше новых клиентов" in top[2]
    finally:
        page.close()


def test_the_five_numbers_open_the_report_and_charts_pair_up_on_a_desktop(
        browser: Any, report_html: str, sample_report: dict[str, Any], tmp_path: Path) -> None:
    """The head's five numbers with their trend come before the evidence; on a desktop the
    charts stand two to a row and fit the screen; printed on A4 the report is short."""
    from pypdf import PdfReader

    from analytics.render.text.head import five_numbers
    from analytics.render.text.kit import Tx

    page = open_page(browser, report_html, DESKTOP)
    try:
        items, data_top, five_top = page.evaluate("""(() => {
            const five = Array.from(document.querySelectorAll('h4'))
                .find(h => h.textContent === 'Пять цифр, которые важны');
            const data = Array.from(document.querySelectorAll('h2'))
                .find(h => h.textContent === 'Данные');
            return [Array.from(five.nextElementSibling.querySelectorAll('li'))
                        .map(li => li.textContent),
                    data.getBoundingClientRect().top, five.getBoundingClientRect().top];
        })()""")
        assert items == five_numbers(sample_report, Tx.of(sample_report, "ru"))
        assert five_top < data_top
        rows = page.evaluate("""Array.from(document.querySelectorAll('.figs')).map(
            row => Array.from(row.querySelectorAll('img')).map(
                i => Math.round(i.getBoundingClientRect().top)))""")
        assert len(rows) == 3 and all(len(set(tops)) == 1 for tops in rows), rows
        printed = page.pdf(format="A4")
        (artefacts(tmp_path) / "report-print.pdf").write_bytes(printed)
        assert len(PdfReader(io.BytesIO(printed)).pages) <= MAX_PRINTED_PAGES
    finally:
        page.close()


def test_a_wide_table_scrolls_in_its_own_box(browser: Any) -> None:
    """A table wider than the phone (a long header row) keeps the page itself narrow."""
    from analytics.render.document import Document, Table, render_html

    wide = Table(header=tuple(f"Очень длинный заголовок {i}" for i in range(8)),
                 rows=(tuple("1 234 567 ₽" for _ in range(8)),), numeric=frozenset(range(8)))
    page = open_page(browser, render_html(Document("Таблица", [wide])), PHONE)
    try:
        page_width, box = page.evaluate("""[document.documentElement.scrollWidth,
            document.querySelector('.scroll').scrollWidth]""")
        assert page_width <= PHONE["width"] < box
    finally:
        page.close()
