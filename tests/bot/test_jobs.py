"""The worker jobs run in-process: an audit's outcome, the column questions, exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.job_types import AuditOutcome, AuditRequest, NeedsColumns
from bot.jobs import audit_job, customers_frame, customers_xlsx_job
from bot.services.audit_run import decode_customers
from bot.worker import JobFailed

ROOT = Path(__file__).resolve().parents[2]


def test_audit_outcome_round_trips_the_customers(tmp_path: Path) -> None:
    stages: list[str] = []
    outcome = audit_job(stages.append, AuditRequest(
        str(ROOT / "samples" / "shop_orders.csv"), {}, "ru", 20.0))
    assert isinstance(outcome, AuditOutcome)
    assert stages == ["reading", "analysing", "charts", "saving"]
    assert outcome.report["data"]["revenue"] == pytest.approx(10_632_096.0)
    assert {"revenue", "rfm", "clusters"} <= set(outcome.charts)
    customers = decode_customers(outcome.customers)
    assert len(customers) == outcome.report["data"]["customers"] == 469
    segments = {c.segment for c in customers}
    assert segments <= {s["code"] for s in outcome.report["rfm"]["segments"]}
    frame = customers_frame([{**c.data, "customer_key": c.customer_key} for c in customers])
    assert frame["last_purchase"].dtype.kind == "M"
    assert frame["monetary"].sum() == pytest.approx(10_632_096.0, rel=1e-6)
    xlsx = customers_xlsx_job(stages.append, [c.data for c in customers], "en")
    assert xlsx.startswith(b"PK")


def test_unsure_columns_are_asked_and_a_mapping_answers_them(tmp_path: Path) -> None:
    path = tmp_path / "deals.csv"
    lines = ["Клиент;Дата;Сумма по заказу в рублях;Сумма по заказу в долларах"]
    lines += [f"К{i % 5};{i % 28 + 1:02d}.03.2024;{(10 + i) * 90};{10 + i}" for i in range(40)]
    path.write_text("\n".join(lines), encoding="utf-8")
    asked = audit_job(lambda _: None, AuditRequest(str(path), {}, "ru", 20.0))
    assert isinstance(asked, NeedsColumns)
    (question,) = asked.questions
    assert question.role == "amount"
    assert question.options[:2] == ("Сумма по заказу в рублях", "Сумма по заказу в долларах")
    answered = audit_job(lambda _: None, AuditRequest(
        str(path), {"amount": "Сумма по заказу в долларах"}, "ru", 20.0))
    assert isinstance(answered, AuditOutcome)
    assert answered.report["data"]["revenue"] == pytest.approx(sum(10 + i for i in range(40)))


def test_bad_file_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    with pytest.raises(JobFailed) as failed:
        audit_job(lambda _: None, AuditRequest(str(path), {}, "ru", 20.0))
    assert failed.value.code.startswith("ingest-error-")
