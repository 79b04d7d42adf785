"""Shared reports for the analytics tests: the shipped shop sample, audited in-process."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from analytics.cli.audit import run
from analytics.ingest import ingest_file
from analytics.report.build import analyse, build_report

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "shop_orders.csv"


def audit_json(file: Path, lang: str = "ru", previous: Path | None = None) -> dict[str, Any]:
    """report.json of ``file`` as ``python -m analytics audit FILE --json`` prints it."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = run(file, out=None, lang=lang, as_json=True, mapping=[], previous=previous)
    assert code == 0
    report: dict[str, Any] = json.loads(buffer.getvalue())
    return report


@pytest.fixture(scope="session")
def sample_report() -> dict[str, Any]:
    """report.json of samples/shop_orders.csv."""
    return audit_json(SAMPLE)


@pytest.fixture(scope="session")
def sample_result() -> Any:
    return ingest_file(SAMPLE)


@pytest.fixture(scope="session")
def sample_audit(sample_result: Any) -> Any:
    return analyse(sample_result)


@pytest.fixture(scope="session")
def built_report(sample_result: Any, sample_audit: Any) -> dict[str, Any]:
    report: dict[str, Any] = build_report(sample_result, sample_audit)
    return report
