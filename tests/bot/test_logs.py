"""The token never reaches a log handler, whatever path it takes into a record."""

from __future__ import annotations

import io
import json
import logging

import pytest

from bot.logs import JsonFormatter, RedactingFilter, log_context, redact

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


@pytest.fixture
def capture() -> tuple[logging.Logger, io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter(("s3cret-webhook",)))
    handler.setFormatter(logging.Formatter("%(message)s %(context)s"))
    logger = logging.getLogger("tests.bot.redaction")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    return logger, stream


def test_token_in_message_args_and_traceback_is_redacted(
        capture: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = capture
    logger.warning("GET https://api.telegram.org/bot%s/getMe failed", TOKEN)
    logger.info(f"token={TOKEN} secret=s3cret-webhook")
    try:
        raise RuntimeError(f"request to /bot{TOKEN}/sendMessage")
    except RuntimeError:
        logger.exception("boom")
    out = stream.getvalue()
    assert TOKEN not in out and TOKEN.split(":")[1] not in out
    assert "s3cret-webhook" not in out
    assert out.count("<token>") == 4
    assert "RuntimeError" in out  # the traceback is kept, only redacted


def test_context_is_added_and_json_lines_parse(
        capture: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = capture
    stream.truncate(0)
    logger.handlers[0].setFormatter(JsonFormatter())
    token = log_context.set({"update_id": 7, "user_id": 42})
    try:
        logger.error("failed for %s", TOKEN)
    finally:
        log_context.reset(token)
    record = json.loads(stream.getvalue().strip())
    assert record["user_id"] == 42 and record["update_id"] == 7
    assert TOKEN not in record["message"]


def test_redact_leaves_ordinary_numbers() -> None:
    assert redact("order 12345:678 costs 1 200") == "order 12345:678 costs 1 200"
