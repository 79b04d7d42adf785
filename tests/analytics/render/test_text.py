"""Text sections: Telegram's size limit, HTML escaping, no missing keys or arguments."""

from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from fluent.runtime import FluentBundle, FluentResource

from analytics.advice import compare
from analytics.locales import LOCALES_DIR
from analytics.render.document import render_markdown
from analytics.render.report_pdf import audit_document
from analytics.render.text import kit as textkit
from analytics.render.text.kit import TELEGRAM_LIMIT, Lines
from analytics.render.text.sections import SECTIONS, cli_summary, render
from tests.analytics.conftest import SAMPLE, audit_json


@cache
def bundle(lang: str) -> FluentBundle:
    made = FluentBundle([lang], use_isolating=False)
    for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):
        made.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    return made


def strict_t(lang: str, key: str, **args: Any) -> str:
    """Like analytics.locales.t, but fails on a missing key (in this very language, no
    fallback) or a missing argument instead of printing the key or the argument's name."""
    assert bundle(lang).has_message(key), f"{lang}: no message {key}"
    message = bundle(lang).get_message(key)
    assert message.value is not None
    result, errors = bundle(lang).format_pattern(message.value, args)
    assert not errors, f"{lang}: {key}: {errors}"
    return str(result)


@pytest.fixture
def strict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textkit, "t", strict_t)


@pytest.fixture(scope="module")
def compared(sample_report: dict[str, Any]) -> dict[str, Any]:
    """The sample report with a comparison against a shrunk copy of itself."""
    old = copy.deepcopy(sample_report)
    old["lifecycle"]["active_base"] = 80
    old["data"]["date_to"] = "2025-03-31"
    for seg in old["rfm"]["segments"]:
        seg["customers"] += 7
    new = copy.deepcopy(sample_report)
    new["comparison"] = compare(old, new).to_dict()
    return new


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("markup", ["plain", "html"])
@pytest.mark.parametrize("name", sorted(SECTIONS))
def test_sections_fit_telegram_and_resolve_every_key(
    strict: None, compared: dict[str, Any], name: str, lang: str, markup: Any
) -> None:
    body = render(name, compared, lang, markup)
    assert 0 < len(body) <= TELEGRAM_LIMIT
    assert not re.search(r"\b(advice|report|export)-[a-z0-9-]+", body)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_sections_of_an_empty_report(strict: None, lang: str) -> None:
    for name in SECTIONS:
        body = render(name, {}, lang)
        assert body and len(body) <= TELEGRAM_LIMIT


def test_summary_says_what_matters(compared: dict[str, Any]) -> None:
    body = render("summary", compared, "ru")
    assert "активных 42" in body and "всего 469" in body
    assert "меньше новых клиентов, с января 2025" in body
    assert "Рычаг роста сейчас: привлечение (UA)" in body
    top = compared["recommendations"][:3]
    assert body.count("₽ за ") >= 3 and all(r["effect"] for r in top)
    assert "Рычаг роста сейчас" in body


def test_recommendations_show_the_arithmetic(compared: dict[str, Any]) -> None:
    body = cli_summary(compared, "en", ["quality line"])
    for label in ("Hypothesis:", "Action:", "First step:", "Watch:", "Growth metric:",
                  "Effect:", "Why:"):
        assert body.count(label) == len(compared["recommendations"])
    assert " × " in body and body.endswith("quality line")
    assert "What changed since the previous audit" in body


def test_html_escapes_names_from_the_data(sample_report: dict[str, Any]) -> None:
    report = copy.deepcopy(sample_report)
    recs = report["recommendations"]
    recs.sort(key=lambda r: r["code"] != "double_down")  # shown first, within the limit
    recs[0]["evidence"]["value"] = "<b>Москва</b> & Co"
    body = render("recommendations", report, "ru", "html")
    assert "&lt;b&gt;Москва&lt;/b&gt; &amp; Co" in body and "<b>Москва" not in body
    assert body.startswith("<b>") and "<i>" in body  # titles bold, the "more" note italic


def test_long_names_are_cut_to_the_limit(sample_report: dict[str, Any]) -> None:
    report = copy.deepcopy(sample_report)
    for rec in report["recommendations"]:
        rec["evidence"]["value"] = "Город" * 2000
    for name in SECTIONS:
        for markup in ("plain", "html"):
            assert len(render(name, report, "en", markup)) <= TELEGRAM_LIMIT


def test_lines_drop_whole_blocks_and_say_so() -> None:
    lines = Lines().title("T")
    for n in range(50):
        lines.block().item(f"item {n} " + "x" * 100)
    body = lines.render("plain", 1000, lambda n: f"+{n} more")
    assert len(body) <= 1000 and body.endswith("more") and "item 0" in body
    dropped = int(body.rsplit("+", 1)[1].split()[0])
    assert body.count("• item") + dropped == 50


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_pdf_document_has_findings_and_steps(
    strict: None, compared: dict[str, Any], lang: str
) -> None:
    markdown = render_markdown(audit_document(compared, {}, lang))
    heading = {"ru": "## Следующие шаги роста", "en": "## Next growth steps"}[lang]
    assert heading in markdown and markdown.count("\n### ") >= len(compared["recommendations"])
    assert not re.search(r"\b(advice|report)-[a-z0-9-]+", markdown)


def test_the_cli_prints_these_sections(capsys: pytest.CaptureFixture[str]) -> None:
    from analytics.cli.main import main
    from analytics.render.text.quality import quality_lines

    assert main(["audit", str(SAMPLE), "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    report = audit_json(SAMPLE, "en")
    assert printed == cli_summary(report, "en", quality_lines(report, "en")) + "\n"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_list_without_purchases_has_no_revenue_and_no_verdict(strict: None, lang: str) -> None:
    users = audit_json(Path(__file__).parents[2] / "fixtures" / "exports" / "getcourse_users.csv",
                       lang)
    assert users["metrics"]["revenue"] is None
    body = render("summary", users, lang)
    assert strict_t(lang, "report-five-revenue-missing") in body
    assert strict_t(lang, "report-no-purchases") in body
    assert strict_t(lang, "report-no-findings") not in body
    assert not re.search(r"\b0 ₽", body.replace("\u00a0", " "))


def test_the_forecast_travels_with_its_holdout(sample_report: dict[str, Any]) -> None:
    """The summary, the chat's CLV view and the PDF say how far the model missed the holdout,
    beside the forecast itself; P(alive) is the repeat buyers' own."""
    from analytics.render.report_pdf import audit_html

    clv, holdout = sample_report["clv"], sample_report["clv"]["holdout"]
    assert holdout["status"] == "ok"
    missed = f"+{holdout['error'] * 100:.1f}".replace(".", ",")
    summary_text = render("summary", sample_report, "ru").replace("\xa0", " ")
    assert f"модель ошиблась на {missed} %" in summary_text
    alive = f"{clv['p_alive_mean_repeat'] * 100:.1f}".replace(".", ",")
    assert f"ещё покупают {alive} %" in summary_text
    assert f"ошиблась на {missed} %" in render("clv", sample_report, "ru").replace("\xa0", " ")
    html = audit_html(sample_report, {}, "ru").replace("\xa0", " ")
    assert f"ошиблась на {missed} %" in html and "Прогноз на 12 месяцев" in html


@pytest.mark.parametrize(("partial", "month6"), [(True, "—"), (False, "0%")])
def test_a_cohorts_half_observed_month_is_shown_as_unknown(partial: bool, month6: str) -> None:
    """December's month 6 is the last month of the data: cut short (June seen to the 2nd), its
    0 % so far is not a retention, so the line says it is unknown."""
    retention = {"2023-12": [1.0, 0.2, 0.2, 0.2, 0.2, 0.2, 0.0]}
    info = [{"cohort": "2023-12", "customers": 40, "young": False, "small": False}]
    report = {"cohorts": {"average_retention": [1.0, 0.2, 0.2, 0.2, 0.2, 0.2],
                          "retention": retention, "cohorts": info,
                          "last_month_partial": partial}}
    text = SECTIONS["cohorts"](report, "en")
    assert f"2023-12: 40 customers; 1 month: 20%, 3 months: 20%, 6 months: {month6}" in text
