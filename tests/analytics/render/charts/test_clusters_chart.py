"""The cluster map: PNG in both languages, legend groups, titles, graceful skips."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image

from analytics.predict.clusters import run_clusters
from analytics.render import formatting
from analytics.render.charts import clusters, render_charts, style
from analytics.render.charts.style import Title, chart_style, title_text
from bench.bench_clusters import synthetic_table

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def clusters_report(k: int | None = None) -> dict[str, Any]:
    """A report holding only the clusters of 900 synthetic customers from four groups."""
    result = run_clusters(synthetic_table(900, seed=2), k=k)
    return {
        "shape": "transactions",
        "data": {"currency": "RUB"},
        "clusters": result.to_dict(include_labels=False),
    }


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return clusters_report()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_renders_png_in_both_languages(report: dict[str, Any], lang: str) -> None:
    with chart_style():
        png = clusters.render(report, lang)
    assert png is not None and png.startswith(PNG_MAGIC)
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (1080, 1350)


def test_registered_in_render_charts(report: dict[str, Any]) -> None:
    charts = render_charts(report, "en")  # the other charts have no data here
    assert set(charts) == {"clusters"} and charts["clusters"].startswith(PNG_MAGIC)


def test_skipped_without_clusters(customer_list_report: dict[str, Any]) -> None:
    assert clusters.render(customer_list_report, "ru") is None
    assert "clusters" not in render_charts(customer_list_report, "ru")
    tiny = run_clusters(synthetic_table(10)).to_dict(include_labels=False)
    assert tiny["status"] == "too_few_customers"
    assert clusters.render({"clusters": tiny}, "ru") is None
    assert clusters.render({"clusters": None}, "ru") is None


def test_malformed_points_skip_or_drop(report: dict[str, Any]) -> None:
    section = dict(report["clusters"])
    for points in (None, {"x": [1.0], "y": [], "cluster": [0]}, {"x": "abc", "y": "d"}):
        assert clusters.render({"clusters": {**section, "points": points}}, "ru") is None
    pts = section["points"]
    holed = {"x": [None, *pts["x"][1:]], "y": pts["y"], "cluster": pts["cluster"]}
    with chart_style():
        assert clusters.render({"clusters": {**section, "points": holed}}, "en") is not None


def test_legend_colours_and_other_groups() -> None:
    six = clusters_report(k=6)["clusters"]
    assert six["k"] == 6
    items = clusters.usable_clusters({"clusters": six})
    groups = clusters._groups(items, "en")
    assert [g[1] for g in groups] == [style.MAIN, style.CONTRAST, style.ALERT, style.NEUTRAL]
    assert [g[2] for g in groups] == ["1", "2", "3", ""]
    assert groups[3][0] == [3, 4, 5]
    assert groups[3][3].startswith("4-6. Other groups")
    share = sum(c["share"] for c in items[3:])
    assert formatting.share(share, "en", 0) in groups[3][3]
    # up to four clusters each keep their own colour
    four = clusters._groups(items[:4], "ru")
    assert [g[2] for g in four] == ["1", "2", "3", "4"]
    assert four[0][3].splitlines()[-1].endswith("выручки")


def cluster(share: float, revenue_share: float | None, recency: str = "away") -> dict[str, Any]:
    return {
        "id": 0,
        "size": 10,
        "share": share,
        "revenue_share": revenue_share,
        "levels": {"recency": recency},
    }


def test_titles() -> None:
    valuable = [cluster(0.2, 0.6), cluster(0.8, 0.4, "long_gone")]
    assert clusters.clusters_title(valuable) == Title(
        "chart-clusters-title-valuable", {"customers_pct": 0.2, "revenue_pct": 0.6}
    )
    gone = [cluster(0.5, 0.6), cluster(0.5, 0.4, "long_gone")]
    assert clusters.clusters_title(gone).key == "chart-clusters-title-gone"
    plain = [cluster(0.6, 0.7), cluster(0.4, 0.3)]
    assert clusters.clusters_title(plain) == Title(
        "chart-clusters-title-largest", {"customers_pct": 0.6}
    )
    no_revenue = [cluster(0.3, None), cluster(0.7, None)]
    assert clusters.clusters_title(no_revenue).key == "chart-clusters-title-largest"
    assert clusters.clusters_title([]).key == "chart-clusters-title-plain"
    ru = title_text(clusters.clusters_title(valuable), "ru")
    assert "20" in ru and "60" in ru and "выручки" in ru
    en = title_text(clusters.clusters_title(gone), "en")
    assert en.startswith("50% of customers")
