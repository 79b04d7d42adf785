"""``python -m analytics toolkit``: the sample answers file gives the brief; bad input gives
exit code 2 and one clear line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from analytics.cli.toolkit import run
from analytics.render.document import render_markdown
from analytics.toolkit.answers import load_file, parse_answers
from analytics.toolkit.brief import build_brief
from analytics.toolkit.report import run_toolkit

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "toolkit_answers.yaml"


@pytest.fixture(scope="module")
def sample_result() -> object:
    return run_toolkit(parse_answers(load_file(SAMPLE), SAMPLE.parent))


def test_cli_writes_the_brief_from_the_sample(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert run(SAMPLE, out=tmp_path, lang="ru", as_json=False) == 0
    pdf = (tmp_path / "brief.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and len(pdf) > 20_000
    md = (tmp_path / "brief.md").read_text("utf-8")
    html = (tmp_path / "brief.html").read_text("utf-8")
    results = json.loads((tmp_path / "results.json").read_text("utf-8"))
    assert md.startswith("# Бриф перед стратегической сессией: Обжарочная «Зерно и пар»")
    assert "(brief_files/01-sensitivity.png)" in md
    assert (tmp_path / "brief_files" / "01-sensitivity.png").read_bytes()[:4] == b"\x89PNG"
    assert "<h2>Юнит-экономика и ограничение</h2>" in html
    assert "tk-" not in md and "tk-" not in html
    # realistic moves by hand: UA +20 % adds 20 % of the contribution 396 000 = 79 200;
    # C1 +15 % adds 15 % of the gross margin 504 000 = 75 600; price +5 % adds
    # 150 x 95 x 3.2 = 45 600; COGS -3 % 150 x 25.5 x 3.2 = 12 240; CPA -10 % 6 000 x 1.8
    # = 10 800; APC unknown, not ranked
    assert [(e["lever"], round(e["delta"])) for e in results["constraint"]["effects"]] == [
        ("ua", 79_200), ("c1", 75_600), ("avg_price", 45_600), ("cogs", 12_240),
        ("cpa", 10_800)]
    assert results["constraint"]["unknown"] == ["apc"]
    assert results["prefilled_from_audit"] == {"apc": "audit"}
    assert "Записано 4 файла" in capsys.readouterr().out


def test_cli_json_prints_the_computed_results(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(SAMPLE, out=None, lang="en", as_json=True) == 0
    data = json.loads(capsys.readouterr().out)
    ue = data["unit_economics"]
    # by hand: 6 000 x 2.5% = 150 buyers; APC 3.2 from the audit
    assert ue["buyers"] == pytest.approx(150)
    assert ue["revenue"] == pytest.approx(150 * 1900 * 3.2)
    assert ue["gross_margin"] == pytest.approx(150 * 1050 * 3.2)
    assert ue["marketing_cost"] == pytest.approx(6000 * 18)
    assert ue["contribution_profit"] == pytest.approx(504_000 - 108_000)
    assert ue["cac"] == pytest.approx(18 / 0.025)
    assert ue["cltv"] == pytest.approx(1050 * 3.2)
    assert ue["romi"] == pytest.approx(396_000 / 108_000)
    assert set(ue["inputs"]) >= {"ua", "c1", "avg_price", "cogs", "apc", "cpa", "fixed_costs"}
    assert data["constraint"]["lever"] == "ua"
    assert data["traction"]["stuck"] == "channels"
    assert data["growth_metric"]["metric"] == "operating_profit"
    assert data["x2_plan"]["metric"] == "operating_profit"
    props = data["value_propositions"]
    assert [p["score"] for p in props] == [100, 40]  # 10 + 10 + 0 + 10 + 10
    assert props[1]["assessments"]["segment"]["vague_words"] == ["все"]


def test_cli_without_out_prints_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(SAMPLE, out=None, lang="en", as_json=False) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Strategy-session brief")
    assert "data:image" not in out and "tk-" not in out


def test_brief_sections_in_both_languages(sample_result: object) -> None:
    from analytics.toolkit.report import ToolkitResult

    assert isinstance(sample_result, ToolkitResult)
    for lang, headings in {
        "ru": ["Бизнес в одном абзаце", "Ценностные предложения", "Юнит-экономика",
               "Стадия и метрика роста", "Аудит клиентской базы", "Приложение"],
        "en": ["The business in one paragraph", "Value propositions", "Unit economics",
               "Stage and growth metric", "Customer-base audit", "Appendix"],
    }.items():
        doc = build_brief(sample_result, lang, today=date(2026, 1, 2), with_chart=False)
        md = render_markdown(doc)
        for heading in headings:
            assert f"## {heading}" in md
        day = "02.01.2026" if lang == "ru" else "2026-01-02"  # as the audit writes dates
        assert day in md and "tk-" not in md and "{" not in md


def test_brief_of_a_loss_making_business_without_propositions(tmp_path: Path) -> None:
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({
        "business": {"name": "Loss Ltd", "currency": "USD"},
        "unit_economics": {"ua": 1000, "c1": 0.01, "avg_price": 2000, "cogs": 1500, "apc": 1,
                           "cpa": 10},
        "growth_metric": {"age": "over_3"},
    }), encoding="utf-8")
    result = run_toolkit(parse_answers(load_file(answers), tmp_path))
    assert result.growth is not None and result.growth.metric == "margin"
    assert result.plan is not None and result.plan.goal == "multiply"  # margin is positive
    md = render_markdown(build_brief(result, "en", with_chart=False))
    assert "every new sale loses money" in md and "More UA lowers profit" in md
    assert "tk-" not in md
    explicit = run_toolkit(parse_answers({"unit_economics": {
        "ua": 1000, "c1": 0.01, "avg_price": 2000, "cogs": 1500, "apc": 1, "cpa": 10},
        "growth_metric": {"metric": "operating_profit"}}))
    assert explicit.plan is not None and explicit.plan.goal == "breakeven"
    md = render_markdown(build_brief(explicit, "ru", with_chart=False))
    assert "удваивать убыток бессмысленно" in md and "tk-" not in md


def test_audit_report_json_is_read_for_prefill_and_facts(tmp_path: Path) -> None:
    report = {
        "data": {"customers": 400, "orders": 1000, "revenue": 2_000_000, "currency": "RUB",
                 "date_from": "2026-01-01", "date_to": "2026-06-30"},
        "lifecycle": {"monthly": [{"active": 90, "new": 40}, {"active": 110, "new": 60}]},
        "findings": [{"code": "no_such_finding_text", "evidence": {}}],
    }
    (tmp_path / "report.json").write_text(json.dumps(report), encoding="utf-8")
    answers = {"audit": {"report": "report.json"},
               "unit_economics": {"ua": 5000, "cogs": 900, "cpa": 30}}
    parsed = parse_answers(answers, tmp_path)
    assert parsed.audit is not None
    # buyers are the *new* customers a month (40 and 60), not the active ones
    assert parsed.audit.prefill == {"aov": 2000, "apc": 2.5, "buyers_per_month": 50}
    result = run_toolkit(parsed)
    assert result.economics is not None
    assert result.economics.inputs.c1 == pytest.approx(0.01)  # 50 / 5 000
    assert result.sources == {"avg_price": "audit", "apc": "audit", "c1": "derived"}
    md = render_markdown(build_brief(result, "ru", with_chart=False,
                                     findings=["Активная база падает третий месяц"]))
    assert "| Клиентов | 400 |" in md and "01.01.2026 — 30.06.2026" in md
    assert "- Активная база падает третий месяц" in md
    assert "вычислено из аудита" in md


# --------------------------------------------------------------------------- bad input


def run_bad(tmp_path: Path, content: str | None, capsys: pytest.CaptureFixture[str],
            lang: str = "ru", name: str = "answers.yaml") -> str:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert run(path, out=tmp_path / "out", lang=lang, as_json=False) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    line = captured.err
    assert line.endswith("\n") and line.count("\n") == 1, line
    assert "Traceback" not in line and "tk-" not in line
    assert not (tmp_path / "out").exists()
    return line


GOOD_UE = {"ua": 1000, "c1": 0.02, "avg_price": 1000, "cogs": 400, "apc": 2, "cpa": 5}


@pytest.mark.parametrize(
    ("content", "lang", "expected"),
    [
        (None, "ru", "Файл не найден"),
        (None, "en", "File not found"),
        ("business: [1, 2\n", "ru", "ошибка разметки около строки"),
        ("- just\n- a list\n", "en", 'The section "/" must be'),
        ("busines:\n  name: x\n", "ru", "Неизвестный ключ «busines»"),
        ("business:\n  name: x\n", "en", "no section to compute"),
        (yaml.safe_dump({"unit_economics": {**GOOD_UE, "c1": 3}}), "ru",
         "c1 = 3 больше 1 — похоже на проценты: напишите 0,03 или «3%»"),
        (yaml.safe_dump({"unit_economics": {**GOOD_UE, "c1": 3}}), "en",
         "looks like a percentage"),
        (yaml.safe_dump({"unit_economics": {**GOOD_UE, "cogs": 1200}}), "ru",
         "себестоимость 1200 не меньше среднего чека 1000"),
        (yaml.safe_dump({"unit_economics": {**GOOD_UE, "ua": "много"}}), "en",
         'ua = "много" is not a number'),
        (yaml.safe_dump({"unit_economics": {**GOOD_UE, "realistic_change": {"c1": 600}}}), "ru",
         "Реалистичное изменение для «c1»"),
        (yaml.safe_dump({"unit_economics": GOOD_UE, "growth_metric": {"metric": "ebitda"}}),
         "en", 'unknown growth metric "ebitda"'),
        (yaml.safe_dump({"value_propositions": "text"}), "ru", "должен быть списком"),
        (yaml.safe_dump({"traction": {"step_11": "yes"}}), "en", 'Unknown key "step_11"'),
        (yaml.safe_dump({"audit": {"aov": -5}}), "ru", "должно быть положительным числом"),
    ],
)
def test_bad_input_gives_exit_2_and_one_line(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str],
                                             content: str | None, lang: str,
                                             expected: str) -> None:
    assert expected in run_bad(tmp_path, content, capsys, lang)


def test_several_unit_economics_problems_in_one_line(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    content = yaml.safe_dump({"unit_economics": {"ua": -1, "c1": 0.1, "avg_price": 100,
                                                 "cogs": 50, "apc": 0.5, "cpa": 1}})
    line = run_bad(tmp_path, content, capsys, "en")
    assert line.startswith("Unit economics: ua cannot be negative (-1); apc = 0.5")


def test_bad_json_reports_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = run_bad(tmp_path, '{\n "business": {,\n}', capsys, "en", name="a.json")
    assert "near line 2" in line


def test_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "answers.yaml"
    path.write_bytes("business:\n  name: Кофе\n".encode("cp1251"))
    assert run(path, out=None, lang="ru", as_json=False) == 2
    assert "UTF-8" in capsys.readouterr().err


def test_main_entry_point_dispatches_to_the_toolkit(capsys: pytest.CaptureFixture[str]) -> None:
    from analytics.cli.main import main

    assert main(["toolkit", str(SAMPLE), "--json", "--lang", "en"]) == 0
    assert json.loads(capsys.readouterr().out)["business"]["currency"] == "RUB"
