"""Running an audit for a user: the worker job, storing the outcome, the replies."""

from __future__ import annotations

import asyncio
import html
import json
import logging
from collections.abc import Mapping
from typing import Any

from aiogram.types import BufferedInputFile, InputMediaPhoto
from aiogram.utils.chat_action import ChatActionSender

from analytics.advice.overlap import customer_hashes
from analytics.render.text.kit import chart_caption
from analytics.toolkit.unit_economics import margin_share
from bot.context import Ctx
from bot.job_types import AuditOutcome, AuditRequest, NeedsColumns
from bot.keyboards import audit_views
from bot.progress import StatusMessage
from bot.services.views import available_views, render_view
from bot.worker import JobError, JobUserError
from storage import AnswerSection, CustomerResult, UploadStatus

log = logging.getLogger(__name__)


async def run_audit(ctx: Ctx, upload_id: int, mapping: Mapping[str, str], *,
                    choices: Mapping[str, str] | None = None,
                    ask_unsure: bool = True) -> NeedsColumns | None:
    """Audit the stored upload with the user's columns and choices; returns the questions
    when the user must confirm columns or choices first, else replies with the summary,
    the charts and the view buttons."""
    status = await StatusMessage.start(ctx, "progress-received")
    uploads = ctx.storage.uploads
    try:
        async with ctx.storage.files.local_file(ctx.user_id, upload_id) as path:
            if path is None:  # purged by retention (or deleted) since it was uploaded
                await status.show(ctx.t("audit-gone"))
                return None
            await uploads.set_status(ctx.user_id, upload_id, UploadStatus.PROCESSING)
            economics = await ctx.storage.answers.get_section(
                ctx.user_id, AnswerSection.UNIT_ECONOMICS)
            async with ChatActionSender.typing(bot=ctx.bot, chat_id=ctx.chat_id):
                request = AuditRequest(str(path), dict(mapping), ctx.lang,
                                       ctx.settings.max_upload_mb, ask_unsure,
                                       dict(choices or {}), margin_share(economics))
                outcome = await ctx.pool.run(ctx.user_id, "bot.jobs:audit_job", request,
                                             notify=status.stage)
    except JobUserError as exc:
        await uploads.set_status(ctx.user_id, upload_id, UploadStatus.FAILED,
                                 error_code=exc.error_code)
        await status.show(_user_error(ctx, exc.error_code, exc.params))
        return None
    except JobError as exc:
        log.warning("audit job failed: %s %s", exc.code, code_locations(exc.detail))
        await uploads.set_status(ctx.user_id, upload_id, UploadStatus.FAILED,
                                 error_code=f"job-{exc.code}")
        await status.show(job_error_text(ctx, exc))
        return None
    if isinstance(outcome, NeedsColumns):
        await uploads.set_status(ctx.user_id, upload_id, UploadStatus.RECEIVED)
        await status.show(ctx.t("progress-columns"))
        return outcome
    audit_id = await _store(ctx, upload_id, outcome)
    await status.show(ctx.t("progress-done"))
    await _reply(ctx, outcome, audit_id)
    return None


def job_error_text(ctx: Ctx, exc: JobError) -> str:
    """What to tell the user when a job failed (timeout, crash, busy)."""
    return ctx.t(f"job-{exc.code}", minutes=round(ctx.settings.job_timeout_seconds / 60))


def code_locations(trace: str) -> str:
    """A worker's traceback reduced to code locations and the exception type: exception
    messages can quote cells of the user's file, which must not reach the logs."""
    lines = trace.strip().splitlines()
    where = [line.strip() for line in lines if line.lstrip().startswith("File ")]
    kind = lines[-1].split(":", 1)[0] if lines else ""
    return " | ".join([*where[-4:], kind])


def bot_text(ctx: Ctx, key: str, params: dict[str, Any]) -> str:
    """The chat's wording of a shared text when the bot has its own (``bot-<key>``: no
    CLI flags or field names in a chat), with the parameters HTML-escaped."""
    safe = {k: html.escape(v) if isinstance(v, str) else v for k, v in params.items()}
    text = ctx.t(f"bot-{key}", **safe)
    return text if text != f"bot-{key}" else ctx.t(key, **safe)


def _user_error(ctx: Ctx, code: str, params: dict[str, Any]) -> str:
    return bot_text(ctx, code, params)


async def _store(ctx: Ctx, upload_id: int, outcome: AuditOutcome) -> int:
    storage, uid = ctx.storage, ctx.user_id
    audit = await storage.audits.add(uid, outcome.report, upload_id=upload_id)
    await storage.uploads.record_ingest(uid, upload_id, rows=outcome.rows,
                                        columns=outcome.columns, column_mapping=outcome.mapping)
    await storage.uploads.set_status(uid, upload_id, UploadStatus.DONE)
    customers = await asyncio.to_thread(decode_customers, outcome.customers)
    await storage.customer_results.replace(uid, audit.id, customers)
    salt = await storage.customer_hashes.salt(uid)
    hashes = await asyncio.to_thread(customer_hashes, [c.customer_key for c in customers], salt)
    await storage.customer_hashes.put(uid, audit.id, hashes)
    return audit.id


def decode_customers(blob: bytes) -> list[CustomerResult]:
    """The job's JSON lines back into storage records (one short parse per line)."""
    results = []
    for line in blob.splitlines():
        key, segment, data = json.loads(line)
        results.append(CustomerResult(key, segment, data))
    return results


async def _reply(ctx: Ctx, outcome: AuditOutcome, audit_id: int) -> None:
    for text in render_view(outcome.report, "summary", ctx.lang):
        await ctx.send(text)
    await send_charts(ctx, outcome.charts)
    history = await ctx.storage.audits.history(ctx.user_id, limit=2)
    views = available_views(outcome.report, has_previous=len(history) > 1)
    await ctx.say("audit-next", audit_views(ctx.i18n, audit_id, views))


async def send_charts(ctx: Ctx, charts: Mapping[str, bytes]) -> None:
    """The charts as one album (Telegram takes 2 to 10 photos), or a photo when only one."""
    photos = [
        InputMediaPhoto(media=BufferedInputFile(png, filename=f"{name}.png"),
                        caption=chart_caption(name, ctx.lang))
        for name, png in list(charts.items())[:10]
    ]
    if len(photos) == 1:
        await ctx.bot.send_photo(ctx.chat_id, photos[0].media, caption=photos[0].caption)
    elif photos:
        await ctx.bot.send_media_group(ctx.chat_id, list(photos))
