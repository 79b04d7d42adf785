"""Every key the toolkit generates exists in both languages; Russian plurals are right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast

from analytics.locales import LOCALES_DIR, t
from analytics.toolkit import traction, unit_economics, value_prop
from analytics.toolkit.traction import GROWTH_QUESTIONS, STEPS, step_key
from analytics.toolkit.unit_economics import GROWTH_METRICS, LEVERS, PERIODS, lever_key
from analytics.toolkit.value_prop import (
    FIELD_WEAKNESSES,
    FIELDS,
    INTERVIEW_QUESTIONS,
    INTERVIEW_RULES,
    STOP_QUESTIONS,
    WEAKNESSES,
    follow_up_key,
    hint_key,
    question_key,
    stop_question_key,
    weakness_key,
)

SOURCES = Path(value_prop.__file__).parent


def keys(lang: str) -> set[str]:
    resource = FluentParser().parse((LOCALES_DIR / lang / "toolkit.ftl").read_text("utf-8"))
    junk = [e for e in resource.body if isinstance(e, ast.Junk)]
    assert not junk, f"{lang}/toolkit.ftl has syntax errors: {str(junk[0].content)[:80]}"
    return {e.id.name for e in resource.body if isinstance(e, ast.Message)}


def generated_keys() -> set[str]:
    k = {question_key(f) for f in FIELDS} | {hint_key(f) for f in FIELDS}
    k |= {f"tk-vp-field-{f.replace('_', '-')}" for f in FIELDS}
    k |= {follow_up_key(f, w) for f, ws in FIELD_WEAKNESSES.items() for w in ws}
    k |= {weakness_key(w) for w in WEAKNESSES}
    k |= {stop_question_key(q) for q in STOP_QUESTIONS}
    k |= {f"tk-vp-stop-verdict-{v}" for v in ("passed", "failed", "unverified")}
    k |= {f"tk-vp-stop-advice-{a}" for a in ("no-benefit", "nobody-wants", "not-asked", "interviews-first",
                                              "not-confirmed", "passed", "unverified")}
    k |= {f"tk-yes-no-{a}" for a in ("yes", "no", "unknown")}
    k |= {f"tk-iv-q-{q}" for q in INTERVIEW_QUESTIONS}
    k |= {f"tk-iv-q-{q}-generic" for q in ("last-time", "situation", "ideal", "proof")}
    k |= {f"tk-iv-rule-{r}" for r in INTERVIEW_RULES}
    k |= {lever_key(lever) for lever in LEVERS}
    k |= {f"tk-ue-{kind}-{lever.replace('_', '-')}" for lever in LEVERS
          for kind in ("exploit", "elevate")}
    k |= {f"tk-ue-q-{f.replace('_', '-')}" for f in unit_economics.INPUT_FIELDS
          if f != "tax_pct"}
    k |= {f"tk-period-{p}" for p in PERIODS}
    k |= {f"tk-gm-metric-{m.replace('_', '-')}" for m in GROWTH_METRICS}
    k |= {f"tk-gm-q-{q.replace('_', '-')}" for q in GROWTH_QUESTIONS}
    k |= {f"tk-gm-a-{q.replace('_', '-')}-{a.replace('_', '-')}"
          for q, answers in GROWTH_QUESTIONS.items() for a in answers}
    k |= {step_key(s, kind) for s in STEPS for kind in ("name", "q", "action")}
    k |= {f"tk-tr-status-{s}" for s in ("done", "in-progress", "not-started", "skipped")}
    k |= {f"tk-tr-answer-{a}" for a in traction.ANSWERS}
    k |= {f"tk-ue-flag-{f}" for f in ("cltv-below-cac", "negative-contribution",
                                       "negative-operating-profit", "breakeven-c1-impossible",
                                       "c1-high")}
    k |= {"tk-ue-cflag-scaling-loses-money", "tk-ue-cflag-equal-steps",
          "tk-x2-reason-no-effect", "tk-x2-reason-out-of-range", "tk-x2-flag-ua-excluded",
          "tk-ue-source-audit", "tk-ue-source-derived"}
    k |= {f"tk-gm-why-{r}" for r in ("unit-loss", "young", "fast-growth", "mature", "payout",
                                      "market-full", "unit-unknown", "explicit")}
    outputs = ("buyers", "revenue", "gross-margin", "marketing-cost", "contribution-profit",
               "operating-profit", "net-profit", "cac", "cltv", "cltv-cac", "romi",
               "breakeven-cpa", "breakeven-c1", "breakeven-cpa-fixed", "breakeven-c1-fixed")
    k |= {f"tk-ue-{kind}-{o}" for o in outputs for kind in ("out", "formula")}
    k |= {f"tk-ue-err-{c}" for c in (
        "missing", "missing-cogs", "not-number", "negative", "c1-zero", "c1-percent",
        "c1-range", "zero", "apc-below-one", "margin-range", "tax-range", "period",
        "unknown-field", "cogs-margin-conflict", "cogs-ge-price", "bad-metric", "bad-factor")}
    k |= {f"tk-err-{c}" for c in (
        "file-missing", "file-too-big", "file-unreadable", "bad-syntax", "not-mapping",
        "not-list", "not-text", "unknown-key", "nothing-to-do", "bad-change", "bad-report",
        "bad-audit-number", "unit-economics", "write")}
    k |= {f"tk-audit-fact-{f}" for f in ("customers", "orders", "revenue", "period", "aov",
                                          "apc", "buyers-per-month")}
    return k


def literal_keys() -> set[str]:
    """Keys written literally in the toolkit's source (f-string prefixes excluded)."""
    found: set[str] = set()
    for path in SOURCES.glob("*.py"):
        for key in re.findall(r'"(tk-[a-z0-9-]+)"', path.read_text("utf-8")):
            if not key.endswith("-"):
                found.add(key)
    return found


def test_russian_and_english_have_the_same_keys() -> None:
    ru, en = keys("ru"), keys("en")
    assert ru - en == set(), "missing in English"
    assert en - ru == set(), "missing in Russian"
    assert all(k.startswith("tk-") for k in ru)


def test_every_generated_and_literal_key_exists() -> None:
    missing = (generated_keys() | literal_keys()) - keys("ru")
    assert missing == set()


@pytest.mark.parametrize(("count", "word"), [(1, "Описан 1 сегмент"), (2, "Описано 2 сегмента"),
                                             (5, "Описано 5 сегментов"),
                                             (21, "Описан 21 сегмент")])
def test_russian_plural_forms(count: int, word: str) -> None:
    assert t("ru", "tk-brief-sum-vp", count=count, score=50).startswith(word)


@pytest.mark.parametrize(("buyers", "word"), [(1, "новый покупатель"),
                                              (3, "новых покупателя"),
                                              (11, "новых покупателей"),
                                              (150, "новых покупателей"),
                                              (22, "новых покупателя")])
def test_russian_plural_of_buyers(buyers: int, word: str) -> None:
    text = t("ru", "tk-brief-sum-economics", period="за месяц", buyers=buyers,
             buyers_text=str(buyers), revenue="1", profit="1", kind="operating", ratio="1")
    assert f"{buyers} {word}," in text


def test_english_plural_forms() -> None:
    assert t("en", "tk-brief-sum-vp", count=1, score=50).startswith("1 segment is")
    assert t("en", "tk-brief-sum-vp", count=3, score=50).startswith("3 segments are")


def test_follow_ups_name_the_vague_word() -> None:
    for lang in ("ru", "en"):
        text = t(lang, "tk-vp-fu-segment-vague", word="всем", min=3)
        assert "всем" in text
