"""Comparison of two crafted reports of the same business."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from analytics.advice.compare import CompareError, compare, load_report, verdict


def month(name: str, **values: float) -> dict[str, Any]:
    return {"month": name, "partial": False, **values}


def crafted(active: int, churn: float, revenue: float, orders: int, *, date_to: str,
            segments: dict[str, int], findings: list[str]) -> dict[str, Any]:
    months = [month(f"2025-0{i}", revenue=revenue / 3, orders=orders / 3) for i in (1, 2, 3)]
    life = [month(f"2025-0{i}", churn_rate=churn, active_base=active, reactivated=2.0)
            for i in (1, 2, 3)]
    return {
        "data": {"date_from": "2024-01-01", "date_to": date_to, "currency": "RUB",
                 "shape": "transactions", "customers": 500},
        "metrics": {"monthly": months, "repeat_rate": 0.3},
        "lifecycle": {"total_base": 500, "active_base": active, "monthly": life},
        "rfm": {"segments": [{"code": c, "customers": n} for c, n in segments.items()]},
        "findings": [{"code": c} for c in findings],
        "recommendations": [{"code": "reactivate_churned", "watch": "active_base",
                             "growth_metric": "churn", "evidence": {}}],
    }


@pytest.fixture
def pair() -> tuple[dict[str, Any], dict[str, Any]]:
    old = crafted(100, 0.30, 300_000.0, 150, date_to="2025-03-31",
                  segments={"champions": 40, "at_risk": 60},
                  findings=["active_base_shrinking", "stale_contacts"])
    new = crafted(130, 0.20, 360_000.0, 150, date_to="2025-06-30",
                  segments={"champions": 55, "at_risk": 30, "lost": 10},
                  findings=["stale_contacts", "seasonality"])
    return old, new


def test_metrics_and_verdicts(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    result = compare(*pair).to_dict()
    got = {m["code"]: (m["old"], m["new"], m["verdict"]) for m in result["metrics"]}
    assert got["active_base"] == (100, 130, "better")
    assert got["churn_rate"] == (0.3, 0.2, "better")  # down is good for churn
    assert got["revenue_3m"] == (300_000, 360_000, "better")
    assert got["aov"] == (2000, 2400, "better")
    assert got["total_base"] == (500, 500, "flat")
    # Same orders on a larger active base: each active customer buys less often.
    assert got["repeat_rate"][2] == "flat" and got["frequency"][2] == "worse"
    assert result["warnings"] == []


def test_segment_migration_is_size_change(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    segs = {s["code"]: s for s in compare(*pair).to_dict()["segments"]}
    assert segs["champions"]["change"] == 15 and segs["champions"]["verdict"] == "better"
    assert segs["at_risk"]["change"] == -30 and segs["at_risk"]["verdict"] == "better"
    assert segs["lost"]["old"] is None and segs["lost"]["verdict"] == "unknown"


def test_findings_and_top_recommendation(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    result = compare(*pair).to_dict()
    assert result["findings"] == {"resolved": ["active_base_shrinking"],
                                  "persisting": ["stale_contacts"], "new": ["seasonality"]}
    top = result["top_recommendation"]
    assert top["code"] == "reactivate_churned" and top["watch"] == "active_base"
    assert (top["old"], top["new"], top["verdict"]) == (100, 130, "better")


def test_wrong_direction_and_warnings(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    old, new = pair
    swapped = compare(new, old).to_dict()  # the "old" report is the newer one
    assert "old_is_newer" in swapped["warnings"]
    assert swapped["top_recommendation"]["verdict"] == "worse"  # active base 130 -> 100
    new["data"]["currency"] = "USD"
    new["data"]["shape"] = "customers"
    assert compare(old, new).to_dict()["warnings"] == ["different_currency", "different_shape"]


def test_verdict_tolerance() -> None:
    assert verdict(100, 101.9, +1) == "flat" and verdict(100, 103, +1) == "better"
    assert verdict(100, 103, -1) == "worse" and verdict(None, 1, 1) == "unknown"
    assert verdict(0, 0, 1) == "flat"


def test_old_report_without_advice_sections(pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    old, new = pair
    for key in ("findings", "recommendations", "rfm"):
        old.pop(key)
    result = compare(old, new).to_dict()
    assert result["top_recommendation"] is None
    assert result["findings"]["new"] == ["stale_contacts", "seasonality"]


@pytest.mark.parametrize(
    ("content", "code"),
    [(None, "not-found"), (b"\xff\xfe not json", "not-json"), (b"{oops", "not-json"),
     (b"[1, 2]", "not-report"), (b'{"data": {}}', "not-report")],
)
def test_load_report_errors(tmp_path: Path, content: bytes | None, code: str) -> None:
    path = tmp_path / "old.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CompareError) as caught:
        load_report(path)
    assert caught.value.code == code and caught.value.params == {"path": str(path)}


def test_load_report_ok(tmp_path: Path, pair: tuple[dict[str, Any], dict[str, Any]]) -> None:
    path = tmp_path / "report.json"
    path.write_text(json.dumps(pair[0]), encoding="utf-8")
    assert load_report(path) == pair[0]
