"""Every chart renders a PNG about 1080 px wide; missing data skips charts, never crashes."""

from __future__ import annotations

import io
import time
from typing import Any

import pytest
from PIL import Image

from analytics.render.charts import RENDERERS, cohorts, render_charts, revenue, style
from analytics.render.charts.style import chart_style
from tests.analytics.render.charts.conftest import (
    cohorts_section,
    full_report_dict,
    lifecycle_monthly,
    revenue_monthly,
)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
CHARTS = {"revenue", "active_base", "rfm", "cohorts", "breakdown"}


def size(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as image:
        image.load()
        return image.size


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[dict[str, bytes], float]]:
    """The full report's charts per language, with the seconds each language took."""
    out = {}
    report = full_report_dict()
    for lang in ("ru", "en"):  # Russian first also warms the font cache for English
        start = time.perf_counter()
        if lang == "en":  # English is cheaper to check on two charts; titles are tested apart
            report = {
                k: v for k, v in report.items() if k not in ("metrics", "lifecycle", "cohorts")
            }
        charts = render_charts(report, lang)
        out[lang] = (charts, time.perf_counter() - start)
    return out


@pytest.mark.parametrize(("lang", "expected"), [("ru", CHARTS), ("en", {"rfm", "breakdown"})])
def test_all_charts_render_valid_png(
    rendered: dict[str, tuple[dict[str, bytes], float]], lang: str, expected: set[str]
) -> None:
    charts, _seconds = rendered[lang]
    assert set(charts) == expected
    for name, png in charts.items():
        assert png.startswith(PNG_MAGIC), name
        width, height = size(png)
        assert width == 1080, name
        assert 700 <= height <= 1400, name


def test_languages_differ(rendered: dict[str, tuple[dict[str, bytes], float]]) -> None:
    assert rendered["ru"][0]["rfm"] != rendered["en"][0]["rfm"]


def test_customer_list_keeps_only_breakdown(customer_list_report: dict[str, Any]) -> None:
    charts = render_charts(customer_list_report, "ru")
    assert set(charts) == {"breakdown"}
    assert charts["breakdown"].startswith(PNG_MAGIC)


@pytest.mark.parametrize(
    "report",
    [
        {},
        {"metrics": None, "lifecycle": None, "rfm": None, "cohorts": None, "breakdowns": None},
        {"metrics": {"monthly": "oops"}, "lifecycle": {"monthly": [None, 3]}},
        {"rfm": {"segments": [{"code": "lost", "customers": 0}]}},
        {"cohorts": {"retention": {"2024-01": [1.0]}, "cohorts": []}},
        {"breakdowns": {"by": {"city": {"groups": [{"value": "A", "kind": "value"}]}}}},
        {"lifecycle": {"monthly": [{"month": "2024-01", "total_base": 1, "active_base": 1}]}},
    ],
)
def test_missing_or_empty_sections_skip_charts(report: dict[str, Any]) -> None:
    assert render_charts(report, "ru") == {}


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_each_renderer_returns_none_without_data(name: str) -> None:
    assert RENDERERS[name]({}, "en") is None


@pytest.fixture
def low_dpi(monkeypatch: pytest.MonkeyPatch) -> None:
    """Draw at a third of the resolution: the layout code runs the same, faster."""
    monkeypatch.setattr(style, "DPI", 40)


@pytest.mark.usefixtures("low_dpi")
def test_zero_revenue_and_missing_values_do_not_crash(full_report: dict[str, Any]) -> None:
    for row in full_report["metrics"]["monthly"]:
        row["revenue"] = row["new_revenue"] = row["returning_revenue"] = 0.0
    full_report["metrics"]["monthly"][-1]["returning_revenue"] = None
    full_report["cohorts"]["retention"]["2023-01"][3] = None
    with chart_style():
        for name in ("revenue", "cohorts"):
            png = RENDERERS[name](full_report, "en")
            assert png is not None and png.startswith(PNG_MAGIC), name


@pytest.mark.usefixtures("low_dpi")
def test_partial_month_and_unknown_language(full_report: dict[str, Any]) -> None:
    full_report["metrics"]["monthly"][-1]["partial"] = True
    full_report["lifecycle"]["monthly"][-1]["partial"] = True
    full_report["cohorts"]["last_month_partial"] = True
    report = {k: full_report[k] for k in ("data", "metrics", "lifecycle")}
    charts = render_charts(report, "de")  # falls back to Russian
    assert set(charts) == {"revenue", "active_base"}


@pytest.mark.usefixtures("low_dpi")
def test_long_history_is_capped(full_report: dict[str, Any]) -> None:
    n = 120
    full_report["lifecycle"]["monthly"] = lifecycle_monthly(
        list(range(10, 10 + n)), [5 + i % 7 for i in range(n)]
    )
    full_report["cohorts"] = cohorts_section(n)
    with chart_style():
        assert len(revenue.usable_months(revenue_monthly([1.0] * n, 0.5))) == 36
        assert len(cohorts.cohort_rows(full_report)) == 24
        start = time.perf_counter()
        assert RENDERERS["cohorts"](full_report, "ru") is not None
        assert RENDERERS["active_base"](full_report, "ru") is not None
        assert time.perf_counter() - start < 2.0


def test_only_the_named_charts(full_report: dict[str, Any]) -> None:
    charts = render_charts(full_report, "en", names={"rfm", "revenue", "nonexistent"})
    assert list(charts) == ["revenue", "rfm"]
