"""``python -m analytics audit FILE --compare OLD.json``: the comparison and bad OLD files."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from analytics.cli.main import main
from tests.analytics.conftest import SAMPLE, audit_json


def test_compare_adds_the_section(sample_report: dict[str, Any], tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    old = copy.deepcopy(sample_report)
    old["data"]["date_to"] = "2025-03-31"
    old["lifecycle"]["active_base"] = 80
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    report = audit_json(SAMPLE, previous=path)
    comparison = report["comparison"]
    active = next(m for m in comparison["metrics"] if m["code"] == "active_base")
    assert (active["old"], active["new"], active["verdict"]) == (80, 42, "worse")
    assert comparison["top_recommendation"]["code"] == old["recommendations"][0]["code"]
    assert comparison["warnings"] == [] and comparison["findings"]["new"] == []
    assert main(["audit", str(SAMPLE), "--compare", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "What changed since the previous audit" in out and "Active base" not in out
    assert "active base: 80 → 42 (-38), worse" in out


@pytest.mark.parametrize(
    ("content", "lang", "expected"),
    [
        (None, "ru", "Нет файла прошлого отчёта"),
        (b"not json at all", "en", "is not JSON"),
        (b'["a list"]', "ru", "нет разделов отчёта"),
        (b'{"data": {}, "metrics": []}', "en", "has no report sections"),
    ],
)
def test_bad_previous_report_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, lang: str,
    expected: str,
) -> None:
    path = tmp_path / "old.json"
    if content is not None:
        path.write_bytes(content)
    code = main(["audit", str(SAMPLE), "--compare", str(path), "--lang", lang, "--out",
                 str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert captured.err.strip().count("\n") == 0 and expected in captured.err
    assert str(path) in captured.err and "Traceback" not in captured.err
    assert not (tmp_path / "out").exists()  # nothing written for bad input


def test_customer_list_gets_what_its_data_allows(tmp_path: Path) -> None:
    # 60 customers: 50 bought once for 1,000, 10 bought 8 times for 40,000 in total.
    lines = ["Email,Total Spent,Total Orders,City"]
    lines += [f"once{n}@example.com,1000,1,Omsk" for n in range(50)]
    lines += [f"loyal{n}@example.com,40000,8,Kazan" for n in range(10)]
    path = tmp_path / "customers.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = audit_json(path, lang="en")
    assert report["data"]["shape"] == "customers"
    found = {f["code"] for f in report["findings"]}
    monthly = {"active_base_shrinking", "frequency_falling", "average_check_falling",
               "seasonality", "early_cohort_churn"}
    assert not monthly & found
    assert {"revenue_concentrated", "one_time_buyers_dominate"} <= found
    assert {r["code"] for r in report["recommendations"]} >= {"second_purchase"}
    assert report["playbooks"] == []  # no last-purchase date: no RFM segments
