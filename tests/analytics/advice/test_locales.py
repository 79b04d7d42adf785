"""Every advice key exists in Russian and English; the brief's audit-finding texts format."""

from __future__ import annotations

from typing import Any

import pytest
from fluent.syntax import FluentParser, ast

from analytics.advice.compare import GOOD_SEGMENTS
from analytics.advice.findings import FINDING_CODES
from analytics.advice.playbooks import PLAYBOOKS
from analytics.advice.recommendations import EFFECT_FORMULAS, RECOMMENDATION_CODES
from analytics.advice.watch import WATCH
from analytics.locales import LOCALES_DIR, t
from analytics.render.text.kit import kebab
from tests.analytics.render.test_text import strict_t


def entries(lang: str) -> list[ast.EntryType]:
    return FluentParser().parse((LOCALES_DIR / lang / "advice.ftl").read_text("utf-8")).body


def keys(lang: str) -> set[str]:
    return {e.id.name for e in entries(lang) if isinstance(e, ast.Message)}


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_no_syntax_errors(lang: str) -> None:
    assert [e for e in entries(lang) if isinstance(e, ast.Junk)] == []


def generated() -> set[str]:
    out = {f"{p}-{kebab(c)}" for c in FINDING_CODES
           for p in ("advice-finding", "advice-finding-name", "audit-finding")}
    out |= {f"advice-rec-{kebab(c)}-{part}" for c in RECOMMENDATION_CODES
            for part in ("title", "hypothesis", "action", "step")}
    out |= {f"advice-watch-{kebab(c)}" for c in WATCH}
    out |= {f"advice-effect-{f}" for f in EFFECT_FORMULAS}
    out |= {f"advice-growth-{m}" for m in ("UA", "C1", "AOV", "APC", "COGS", "churn")}
    for book in PLAYBOOKS.values():
        out |= {f"advice-offer-{kebab(book.offer)}", f"advice-channel-{kebab(book.channel)}",
                f"advice-cadence-{kebab(book.cadence)}"}
    out |= {f"advice-compare-verdict-{v}" for v in ("better", "worse", "flat", "unknown")}
    out |= {f"advice-compare-warning-{w}" for w in ("old-is-newer", "different-currency",
                                                    "different-shape")}
    out |= {f"advice-compare-error-{e}" for e in ("not-found", "not-json", "not-report")}
    out |= {f"advice-month-in-{m}" for m in range(1, 13)}
    return out


def test_same_keys_in_both_languages() -> None:
    assert keys("ru") == keys("en")


def test_every_generated_key_exists() -> None:
    missing = generated() - keys("ru")
    assert not missing, sorted(missing)


def test_good_segments_are_segment_codes() -> None:
    assert set(PLAYBOOKS) >= GOOD_SEGMENTS


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_brief_texts_format_with_raw_evidence(sample_report: dict[str, Any], lang: str) -> None:
    """analytics/toolkit/brief.py passes each finding's evidence as it is in report.json."""
    assert len(sample_report["findings"]) >= 8
    for finding in sample_report["findings"]:
        key = f"audit-finding-{kebab(finding['code'])}"
        text = strict_t(lang, key, **finding["evidence"])
        assert text and "{" not in text
        assert t(lang, key, **finding["evidence"]) != key


@pytest.mark.parametrize(("count", "word"), [(1, "клиент"), (3, "клиента"), (5, "клиентов"),
                                             (21, "клиент"), (114, "клиентов")])
def test_russian_plurals(count: int, word: str) -> None:
    text = strict_t("ru", "advice-finding-stale-contacts", stale=str(count), stale_n=count,
                    share="1 %", share_n=0.01, months="12", months_n=12)
    assert text.startswith(f"{count} {word} ")
