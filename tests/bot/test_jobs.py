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


def test_unsure_choices_are_asked_and_the_answers_change_the_numbers(tmp_path: Path) -> None:
    """A file whose Value is not quantity x price and whose repeated rows have no order id:
    both choices are asked (as codes with what the question quotes), and the answers
    reach ingest."""
    path = tmp_path / "deals.csv"
    lines = ["Date;Email;Value;Price;Qty"]
    lines += [f"{i % 28 + 1:02d}.03.2024;c{i % 7}@x.ru;{500 + i};{1000 + i};{5 + i % 3}"
              for i in range(40)]
    lines.append(lines[-1])  # one exact repeat
    path.write_text("\n".join(lines), encoding="utf-8")
    value = sum(500 + i for i in range(40))
    product = sum((1000 + i) * (5 + i % 3) for i in range(40))
    asked = audit_job(lambda _: None, AuditRequest(str(path), {}, "ru", 20.0))
    assert isinstance(asked, NeedsColumns)
    assert [(q.kind, q.role, q.options) for q in asked.questions] == [
        ("choice", "amount_source", ("amount", "quantity_x_price")),
        ("choice", "duplicates", ("drop", "keep")),
    ]
    assert asked.questions[0].detail["column"] == "Value"
    assert asked.questions[1].detail["rows"] == "1"
    answered = audit_job(lambda _: None, AuditRequest(
        str(path), {}, "ru", 20.0, choices={"amount_source": "quantity_x_price",
                                             "duplicates": "keep"}))
    assert isinstance(answered, AuditOutcome)
    last = (1000 + 39) * (5 + 39 % 3)
    assert answered.report["data"]["revenue"] == pytest.approx(product + last)
    kept_default = audit_job(lambda _: None, AuditRequest(
        str(path), {}, "ru", 20.0, choices={"amount_source": "amount", "duplicates": "drop"}))
    assert isinstance(kept_default, AuditOutcome)
    assert kept_default.report["data"]["revenue"] == pytest.approx(value)


def test_a_stage_column_left_out_on_the_users_word(tmp_path: Path) -> None:
    path = tmp_path / "tilda.csv"
    lines = ["Дата;Email;Сумма;Stage"]
    lines += [f"{d:02d}.03.2024;c{d}@x.ru;{d}00;Входящие" for d in range(1, 20)]
    lines.append("21.03.2024;c21@x.ru;2100;Отменен")
    path.write_text("\n".join(lines), encoding="utf-8")
    asked = audit_job(lambda _: None, AuditRequest(str(path), {}, "ru", 20.0))
    assert isinstance(asked, NeedsColumns)
    (question,) = asked.questions
    assert (question.role, question.options, question.detail["column"]) == (
        "status", ("stage", "ignore"), "Stage")
    ignored = audit_job(lambda _: None, AuditRequest(
        str(path), {}, "ru", 20.0, choices={"status": "ignore"}))
    assert isinstance(ignored, AuditOutcome)
    assert ignored.report["data"]["orders"] == 20  # the cancellation counts too


def test_bad_file_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    with pytest.raises(JobFailed) as failed:
        audit_job(lambda _: None, AuditRequest(str(path), {}, "ru", 20.0))
    assert failed.value.code.startswith("ingest-error-")


def test_the_brief_with_an_audit_captions_its_charts_in_the_users_language() -> None:
    """The brief's audit charts carry the same captions as the chat's album, never the
    charts' code names ("revenue", "active_base")."""
    import io
    import json

    import yaml
    from pypdf import PdfReader

    from bot.jobs import brief_job

    answers = yaml.safe_load((ROOT / "samples" / "toolkit_answers.yaml").read_text("utf-8"))
    report = json.loads(json.dumps(audit_job(lambda _: None, AuditRequest(
        str(ROOT / "samples" / "shop_orders.csv"), {}, "ru", 20.0)).report))  # type: ignore[union-attr]
    made = brief_job(lambda _: None, answers, report, "ru")
    assert isinstance(made, tuple)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(made[0])).pages)
    assert "Выручка по месяцам: новые и вернувшиеся клиенты" in text
    assert "active_base" not in text and "\nrevenue\n" not in text
