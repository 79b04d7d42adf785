"""report.json assembled: the sections each file shape gets, and the imports made ahead."""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

import pytest

from analytics.ingest import ingest_file
from analytics.render import DRAWING_MODULES
from analytics.report.build import AFTER_INGEST, analyse, base_report, build_report, preload

ROOT = Path(__file__).resolve().parents[3]
CUSTOMER_LIST = ROOT / "tests" / "fixtures" / "exports" / "getcourse_users.csv"
PREDICTIONS = {"clusters", "clv"}
ADVICE = {"findings", "recommendations", "playbooks"}


def test_an_orders_file_gets_predictions_and_advice(built_report: dict[str, Any]) -> None:
    assert built_report["shape"] == "transactions"
    assert PREDICTIONS | ADVICE | {"data", "quality", "metrics", "rfm"} <= set(built_report)
    assert built_report["clusters"]["k"] >= 2 and built_report["clv"]["status"] == "ok"


def test_a_customer_list_gets_advice_without_predictions() -> None:
    result = ingest_file(CUSTOMER_LIST)
    report = build_report(result, analyse(result))
    assert report["shape"] == "customers"
    assert not PREDICTIONS & set(report) and set(report) >= ADVICE
    assert report["needs_transactions"] and report["cohorts"] is None


def test_the_two_halves_make_the_whole(sample_result: Any, sample_audit: Any,
                                       built_report: dict[str, Any]) -> None:
    from analytics.report.build import complete_report

    base = base_report(sample_result, sample_audit)
    assert not (PREDICTIONS | ADVICE) & set(base)
    before = copy.deepcopy(base)
    whole = complete_report(base, sample_audit)
    assert {k: whole[k] for k in before} == before  # the base sections are kept as they are
    assert whole.keys() == built_report.keys()


@pytest.mark.parametrize("drawing", [False, True])
def test_preload_imports_every_module_it_names(drawing: bool) -> None:
    preload(drawing=drawing)
    names = AFTER_INGEST + (DRAWING_MODULES if drawing else ())
    assert all(name in sys.modules for name in names)
