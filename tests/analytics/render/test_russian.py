"""Russian an editor would pass: the genitive after "из", "по" not "на" for what a figure
is computed on."""

from __future__ import annotations

import pytest

from analytics.locales import t
from analytics.render.charts.style import Title, title_text


@pytest.mark.parametrize(("total", "noun"), [(21, "клиента"), (32, "клиентов"),
                                              (1, "клиента"), (11, "клиентов"),
                                              (24, "клиентов")])
def test_after_iz_the_genitive(total: int, noun: str) -> None:
    finding = t("ru", "advice-finding-one-time-buyers-dominate", one_time=13,
                customers=str(total), customers_n=total, share="40 %")
    assert f"13 из {total} {noun} (40 %)" in finding
    title = title_text(Title("chart-active-title-share",
                             {"active": 5, "total": total, "share_pct": 0.2}), "ru")
    assert f"из {total} {noun}" in title.replace("\n", " ")


def test_computed_on_reads_po() -> None:
    assert t("ru", "advice-computed-on-rfm-segments") == "Посчитано по RFM-сегментам"
    assert t("ru", "advice-computed-on-valid-orders-monthly").startswith("Посчитано по ")


@pytest.mark.parametrize("shape", ["b2b", "courses"])
def test_steps_speak_the_business_shape(sample_report: dict, shape: str) -> None:  # type: ignore[type-arg]
    """No basket or delivery advice to a B2B supplier, no "regular delivery" to a school."""
    from analytics.render.text.advice import hadi
    from analytics.render.text.kit import Tx

    rec = next(r for r in sample_report["recommendations"] if r["code"] == "raise_frequency")
    tx = Tx.of(sample_report, "ru")
    retail = dict(hadi(rec, sample_report, tx))
    assert "доставк" in retail["Действие"]
    shaped = {**sample_report, "diagnosis": {**sample_report["diagnosis"],
                                             "shape": {"kind": shape}}}
    text = dict(hadi(rec, shaped, tx))
    assert text["Действие"] == t("ru", f"advice-rec-raise-frequency-action-{shape}")
    assert "доставк" not in text["Действие"]
    assert "корзин" not in " ".join(text.values())


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_brief_and_the_report_write_shares_and_dates_alike(lang: str) -> None:
    from analytics.render import formatting
    from analytics.toolkit import fmt

    assert fmt.percent(lang, 0.025, 1) == formatting.share(0.025, lang, 1)
    assert fmt.percent(lang, 0.35, 0) == formatting.share(0.35, lang, 0)
    expected = "05.12.2026" if lang == "ru" else "2026-12-05"
    assert formatting.iso_date("2026-12-05", lang) == expected


def test_a_typed_number_hint_reads_russian() -> None:
    """A conversion given as 2.5 is told back as 0,025 in Russian, 0.025 in English."""
    from analytics.cli.toolkit import input_error_line
    from analytics.render.formatting import typed_number
    from analytics.toolkit.unit_economics import InputError, check_value

    _, problem = check_value("c1", "2.5")
    assert problem is not None and problem.hint == "0.025"
    assert "0,025" in input_error_line(InputError([problem]), "ru")
    assert "0.025" in input_error_line(InputError([problem]), "en")
    assert typed_number("12.5", "ru") == "12,5" and typed_number("abc.def", "ru") == "abc.def"
