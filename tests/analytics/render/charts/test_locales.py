"""charts.ftl parses cleanly and has the same keys in Russian and English."""

from __future__ import annotations

from fluent.syntax import FluentParser, ast

from analytics.describe.rfm import SEGMENTS
from analytics.locales import LOCALES_DIR


def keys(lang: str) -> set[str]:
    resource = FluentParser().parse((LOCALES_DIR / lang / "charts.ftl").read_text("utf-8"))
    junk = [e for e in resource.body if isinstance(e, ast.Junk)]
    assert not junk, f"{lang}/charts.ftl has syntax errors: {str(junk[0].content)[:80]}"
    return {e.id.name for e in resource.body if isinstance(e, ast.Message | ast.Term)}


def test_same_keys_in_both_languages() -> None:
    assert keys("ru") == keys("en")


def test_every_rfm_segment_has_a_name() -> None:
    names = {f"segment-{code.replace('_', '-')}" for code in SEGMENTS}
    assert names <= keys("ru")
