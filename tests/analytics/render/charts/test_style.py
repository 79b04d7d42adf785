"""Locale number formats on axes and month labels."""

from __future__ import annotations

import math

import pytest

from analytics.render.charts import style

NBSP = "\u00a0"


def test_money_tick_russian_and_english() -> None:
    assert style.money_tick(1_234_567, "RUB", "ru") == f"1{NBSP}234{NBSP}567{NBSP}₽"
    assert style.money_tick(1_234_567.4, "RUB", "en") == f"1,234,567{NBSP}₽"
    assert style.money_tick(2500, "USD", "en") == "$2,500"
    assert style.money_tick(0, None, "ru") == "0"
    assert style.money_tick(math.nan, "RUB", "ru") == ""


def test_tick_formatter_object_uses_the_locale() -> None:
    fmt = style.formatter(lambda v: style.money_tick(v, "RUB", "ru"))
    assert fmt(800_000, 0) == f"800{NBSP}000{NBSP}₽"
    assert style.formatter(lambda v: style.count_tick(v, "ru"))(12500, 0) == f"12{NBSP}500"
    assert style.formatter(lambda v: style.share_tick(v, "ru"))(0.15, 0) == f"15{NBSP}%"
    assert style.share_tick(0.15, "en") == "15%"


def test_month_labels_and_ticks() -> None:
    assert style.month_label("2024-05", "ru") == "май 24"
    assert style.month_label("2024-12", "en") == "Dec 24"
    assert style.month_label("bad", "ru") == "bad"
    months = [f"2024-{m:02d}" for m in range(1, 13)] + [f"2025-{m:02d}" for m in range(1, 13)]
    positions, labels = style.month_ticks(months, "ru")
    assert len(positions) <= 7
    assert positions[-1] == 23 and labels[-1] == "дек 25"
    assert style.month_ticks([], "ru") == ([], [])


def test_title_arguments_format_per_locale() -> None:
    title = style.Title(
        "chart-active-title-share", {"active": 1234, "total": 56789, "share_pct": 0.02}
    )
    assert style.title_text(title, "ru").replace("\n", " ") == (
        f"Активны только 2{NBSP}% базы: 1{NBSP}234 из 56{NBSP}789 клиентов"
    )
    assert "1,234 of 56,789" in style.title_text(title, "en").replace("\n", " ")


def test_section_and_as_float_tolerate_junk() -> None:
    assert style.section({"a": {"b": 1}}, "a", "b") == 1
    assert style.section({"a": None}, "a", "b") is None
    assert math.isnan(style.as_float("x")) and math.isnan(style.as_float(None))
    assert math.isnan(style.as_float(True))


def test_png_is_opaque_rgb_with_the_pixels_savefig_draws() -> None:
    import io

    import numpy as np
    from PIL import Image

    fig = style.new_figure(3.0)
    fig.add_subplot().bar([0, 1, 2], [3, 1, 2], color=style.MAIN)
    reference = io.BytesIO()
    fig.savefig(reference, format="png", dpi=style.DPI, facecolor="white")
    png = Image.open(io.BytesIO(style.to_png(fig)))
    assert png.mode == "RGB" and png.size == (1080, round(3.0 * style.DPI))
    assert png.info["dpi"] == pytest.approx((style.DPI, style.DPI), abs=0.1)
    expected = Image.open(reference).convert("RGB")
    assert np.array_equal(np.asarray(png), np.asarray(expected))
