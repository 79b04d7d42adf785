"""Shared reports for the advice tests: the shipped shop sample, audited in-process."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from analytics.audit_cli import run

ROOT = Path(__file__).resolve().parents[3]
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
