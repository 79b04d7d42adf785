"""The fake Bot API server, driven by a real aiogram Bot over HTTP: answers shaped like
Telegram's, its limits and error descriptions, long polling, files and the test-side users."""

from __future__ import annotations

import asyncio
import io
import struct
import time
import zlib

import aiohttp
import pytest
from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramRetryAfter,
    TelegramUnauthorizedError,
)
from aiogram.types import (
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaDocument,
    InputMediaPhoto,
    MediaUnion,
)

from bench.fake_bot_api import DEFAULT_TOKEN, DOWNLOAD, FakeBotApi, parse_html, utf16_len
from tests.e2e.conftest import make_bot

USER = 1001


def png(width: int = 3, height: int = 2) -> bytes:
    """A valid grey PNG of the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=d, callback_data=d)] for d in data])


async def test_get_me_describes_the_bot_of_the_token(fake_bot: Bot) -> None:
    me = await fake_bot.get_me()
    assert me.id == int(DEFAULT_TOKEN.split(":")[0])
    assert me.is_bot and me.username == "kratno_test_bot"


async def test_send_message_answers_a_message_and_records_decoded_params(
        fake_api: FakeBotApi, fake_bot: Bot) -> None:
    user = fake_api.user(USER, first_name="Alice")
    user.send_text("/start")
    first = await fake_bot.send_message(USER, "Привет", reply_markup=keyboard("a", "b"))
    second = await fake_bot.send_message(USER, "<b>Жирный</b> текст", parse_mode="HTML")

    assert first.message_id == 2 and second.message_id == 3  # the user's /start was 1
    assert first.chat.id == USER and first.chat.first_name == "Alice"
    assert first.from_user is not None and first.from_user.is_bot
    assert first.reply_markup is not None
    assert first.reply_markup.model_dump() == keyboard("a", "b").model_dump()
    assert second.text == "Жирный текст"
    assert second.entities is not None and second.entities[0].type == "bold"
    call = fake_api.calls_of("sendMessage")[0]
    assert call.chat_id == USER and call.params["chat_id"] == USER
    assert call.params["reply_markup"]["inline_keyboard"][1][0]["callback_data"] == "b"
    assert call.time <= call.done
    assert [c.method for c in user.messages()] == ["sendMessage", "sendMessage"]
    assert [m["message_id"] for m in user.history()] == [1, 2, 3]


@pytest.mark.parametrize(
    ("text", "parse_mode", "error"),
    [
        ("x" * 4097, None, "message is too long"),
        ("😀" * 2049, None, "message is too long"),  # 4098 UTF-16 units
        ("   ", None, "message text is empty"),
        ("<b></b>", "HTML", "message text is empty"),
        ("a < b", "HTML", "can't parse entities"),
        ("<div>x</div>", "HTML", "unsupported start tag"),
        ("<b>x", "HTML", "can't find end tag"),
    ],
)
async def test_bad_texts_raise_telegram_bad_request(
        fake_api: FakeBotApi, fake_bot: Bot, text: str, parse_mode: str | None,
        error: str) -> None:
    fake_api.user(USER)
    with pytest.raises(TelegramBadRequest, match=error):
        await fake_bot.send_message(USER, text, parse_mode=parse_mode)
    assert fake_api.calls[-1].status == 400


async def test_limits_count_visible_text(fake_api: FakeBotApi, fake_bot: Bot) -> None:
    fake_api.user(USER)
    sent = await fake_bot.send_message(USER, "<i>" + "я" * 4096 + "</i>", parse_mode="HTML")
    assert sent.text is not None and len(sent.text) == 4096
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await fake_bot.send_message(999, "nobody started the bot here")
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await fake_bot.send_message(USER, "x", reply_markup=keyboard("d" * 65))
    with pytest.raises(TelegramBadRequest, match="wrong parameter action"):
        await fake_bot.send_chat_action(USER, "dancing")
    assert await fake_bot.send_chat_action(USER, "typing")


async def test_send_photo_stores_the_upload(fake_api: FakeBotApi, fake_bot: Bot) -> None:
    user = fake_api.user(USER)
    image = png(40, 30)
    sent = await fake_bot.send_photo(USER, BufferedInputFile(image, "chart.png"),
                                     caption="Выручка")
    assert sent.photo is not None and (sent.photo[-1].width, sent.photo[-1].height) == (40, 30)
    assert sent.caption == "Выручка"
    [upload] = user.files()
    assert (upload.filename, upload.data) == ("chart.png", image)
    assert fake_api.calls_of("sendPhoto")[0].params["photo"].startswith("attach://")

    again = await fake_bot.send_photo(USER, sent.photo[-1].file_id)
    assert again.photo is not None and again.photo[-1].file_id == sent.photo[-1].file_id
    with pytest.raises(TelegramBadRequest, match="IMAGE_PROCESS_FAILED"):
        await fake_bot.send_photo(USER, BufferedInputFile(b"not an image", "x.png"))
    with pytest.raises(TelegramBadRequest, match="caption is too long"):
        await fake_bot.send_photo(USER, BufferedInputFile(image, "c.png"), caption="c" * 1025)


async def test_send_media_group_and_its_size_limits(fake_api: FakeBotApi, fake_bot: Bot) -> None:
    user = fake_api.user(USER)
    photos: list[MediaUnion] = [InputMediaPhoto(media=BufferedInputFile(png(i + 1, 1), f"{i}.png"),
                              caption=f"#{i}") for i in range(3)]
    sent = await fake_bot.send_media_group(USER, photos)
    assert [m.caption for m in sent] == ["#0", "#1", "#2"]
    assert len({m.media_group_id for m in sent}) == 1
    assert [f.filename for f in user.files()] == ["0.png", "1.png", "2.png"]
    assert fake_api.calls[-1].params["media"][0]["type"] == "photo"

    with pytest.raises(TelegramBadRequest, match="2-10 items"):
        await fake_bot.send_media_group(USER, photos[:1])
    with pytest.raises(TelegramBadRequest, match="too much messages"):
        await fake_bot.send_media_group(USER, photos * 4)
    docs: list[MediaUnion] = [InputMediaDocument(media=BufferedInputFile(b"a;b\n", f"{i}.csv")) for i in range(2)]
    with pytest.raises(TelegramBadRequest, match="can't be mixed"):
        await fake_bot.send_media_group(USER, [photos[0], docs[0]])
    assert len(await fake_bot.send_media_group(USER, docs)) == 2


async def test_document_round_trip_through_get_file_and_download(
        fake_api: FakeBotApi, fake_bot: Bot) -> None:
    fake_api.user(USER)
    data = "Имя;Сумма\nАня;10\n".encode()
    sent = await fake_bot.send_document(USER, BufferedInputFile(data, "отчёт.csv"))
    assert sent.document is not None
    assert (sent.document.file_name, sent.document.mime_type) == ("отчёт.csv", "text/csv")
    assert sent.document.file_size == len(data)

    file = await fake_bot.get_file(sent.document.file_id)
    assert file.file_size == len(data) and file.file_path is not None
    buffer = await fake_bot.download_file(file.file_path)
    assert isinstance(buffer, io.BytesIO) and buffer.getvalue() == data
    assert fake_api.calls[-1].method == DOWNLOAD
    with pytest.raises(TelegramBadRequest, match="invalid file_id"):
        await fake_bot.get_file("no-such-file")


async def test_edit_message_text_and_not_modified(fake_api: FakeBotApi, fake_bot: Bot) -> None:
    user = fake_api.user(USER)
    sent = await fake_bot.send_message(USER, "Шаг 1", reply_markup=keyboard("next"))
    edited = await fake_bot.edit_message_text("Шаг 2", chat_id=USER,
                                              message_id=sent.message_id,
                                              reply_markup=keyboard("next"))
    assert not isinstance(edited, bool) and edited.text == "Шаг 2"
    assert edited.edit_date is not None
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await fake_bot.edit_message_text("Шаг 2", chat_id=USER, message_id=sent.message_id,
                                         reply_markup=keyboard("next"))
    # Without reply_markup Telegram drops the keyboard: a change, not "not modified".
    await fake_bot.edit_message_text("Шаг 2", chat_id=USER, message_id=sent.message_id)
    assert "reply_markup" not in user.history()[-1]
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await fake_bot.edit_message_reply_markup(chat_id=USER, message_id=sent.message_id)
    await fake_bot.edit_message_reply_markup(chat_id=USER, message_id=sent.message_id,
                                             reply_markup=keyboard("again"))
    assert user.history()[-1]["reply_markup"] == keyboard("again").model_dump(exclude_none=True)

    assert await fake_bot.delete_message(USER, sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await fake_bot.edit_message_text("x", chat_id=USER, message_id=sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await fake_bot.delete_message(USER, sent.message_id)


async def test_long_poll_returns_when_an_update_arrives(
        fake_api: FakeBotApi, fake_bot: Bot) -> None:
    user = fake_api.user(USER, first_name="Борис", language_code="ru")
    started = time.monotonic()
    poll = asyncio.create_task(fake_bot.get_updates(timeout=5))
    await asyncio.sleep(0.1)
    assert not poll.done()
    queued = user.send_command("start", "ref42")
    [update] = await poll
    assert time.monotonic() - started < 2
    assert update.update_id == queued.update_id and queued.delivered is not None
    assert update.message is not None and update.message.text == "/start ref42"
    assert update.message.from_user is not None
    assert update.message.from_user.language_code == "ru"
    assert update.message.entities is not None
    assert update.message.entities[0].type == "bot_command"

    # Not confirmed yet: the same update comes again; offset confirms it.
    assert [u.update_id for u in await fake_bot.get_updates()] == [queued.update_id]
    assert await fake_bot.get_updates(offset=queued.update_id + 1) == []
    for _ in range(3):
        user.send_text("hi")
    assert len(await fake_bot.get_updates(limit=2)) == 2


async def test_concurrent_get_updates_conflict(fake_bot: Bot) -> None:
    first = asyncio.create_task(fake_bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    second = asyncio.create_task(fake_bot.get_updates(timeout=0))
    with pytest.raises(TelegramConflictError):
        await first
    assert await second == []


async def test_user_documents_and_the_download_limit(fake_bot: Bot, fake_api: FakeBotApi) -> None:
    user = fake_api.user(USER)
    user.send_document("orders.xlsx", b"PK\x03\x04data")
    user.send_document("huge.csv", file_size=25 * 1024 * 1024)
    small, huge = await fake_bot.get_updates()
    assert small.message is not None and small.message.document is not None
    assert str(small.message.document.mime_type).endswith("spreadsheetml.sheet")
    downloaded = await fake_bot.download(small.message.document.file_id)
    assert downloaded is not None and downloaded.read() == b"PK\x03\x04data"
    assert huge.message is not None and huge.message.document is not None
    assert huge.message.document.file_size == 25 * 1024 * 1024
    with pytest.raises(TelegramBadRequest, match="file is too big"):
        await fake_bot.get_file(huge.message.document.file_id)

    async with FakeBotApi(download_limit=None) as local:
        local.user(USER).send_document("huge.csv", file_size=25 * 1024 * 1024)
        local_bot = make_bot(local)
        try:
            [update] = await local_bot.get_updates()
            assert update.message is not None and update.message.document is not None
            file = await local_bot.get_file(update.message.document.file_id)
            assert file.file_size == 25 * 1024 * 1024
        finally:
            await local_bot.session.close()


async def test_press_and_answer_callback_query(fake_api: FakeBotApi, fake_bot: Bot) -> None:
    user = fake_api.user(USER)
    await fake_bot.send_message(USER, "Выберите", reply_markup=keyboard("rfm", "clv"))
    sent_call = fake_api.calls_of("sendMessage")[0]
    with pytest.raises(LookupError, match="no button"):
        user.press("missing", sent_call)
    queued = user.press("clv", sent_call)
    [update] = await fake_bot.get_updates()
    query = update.callback_query
    assert query is not None and query.data == "clv" and query.message is not None
    assert query.message.message_id == sent_call.result["message_id"]
    assert update.update_id == queued.update_id

    assert await fake_bot.answer_callback_query(query.id, text="Считаю…")
    answered = await user.wait_for("answerCallbackQuery", timeout=1)
    assert answered.params["text"] == "Считаю…"
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await fake_bot.answer_callback_query(query.id)


async def test_wait_for_sees_later_calls_and_times_out(fake_api: FakeBotApi, fake_bot: Bot) -> None:
    user = fake_api.user(USER)
    await fake_bot.send_message(USER, "before the update")
    update = user.send_text("/help")

    async def reply_later() -> None:
        await asyncio.sleep(0.05)
        await fake_bot.send_chat_action(USER, "typing")
        await fake_bot.send_message(USER, "help text")

    task = asyncio.create_task(reply_later())
    call = await user.wait_for("sendMessage", lambda c: "help" in c.params["text"], timeout=2)
    await task
    assert call.params["text"] == "help text" and call.time >= update.time
    with pytest.raises(TimeoutError, match="sendChatAction"):
        await user.wait_for("sendDocument", timeout=0.05)
    assert (await user.wait_for("sendMessage", since=0)).params["text"] == "before the update"


async def test_wrong_token_is_unauthorized(fake_api: FakeBotApi) -> None:
    bot = make_bot(fake_api, token="42:wrong-token")
    try:
        with pytest.raises(TelegramUnauthorizedError):
            await bot.get_me()
    finally:
        await bot.session.close()
    assert fake_api.calls[-1].status == 401


async def test_injected_flood_error_then_success(fake_api: FakeBotApi, fake_bot: Bot) -> None:
    fake_api.user(USER)
    fake_api.inject_error(chat_id=USER, retry_after=2)
    with pytest.raises(TelegramRetryAfter) as raised:
        await fake_bot.send_message(USER, "one")
    assert raised.value.retry_after == 2
    assert (await fake_bot.send_message(USER, "one")).text == "one"


async def test_raw_http_json_form_unknown_method_and_control_routes(
        fake_api: FakeBotApi) -> None:
    base = f"{fake_api.url}/bot{DEFAULT_TOKEN}"
    fake_api.user(USER)
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{base}/SENDMESSAGE", json={"chat_id": USER, "text": "json"}) as r:
            assert r.status == 200 and (await r.json())["result"]["text"] == "json"
        async with http.post(f"{base}/sendMessage",
                             data={"chat_id": str(USER), "text": "form"}) as r:
            assert (await r.json())["result"]["chat"]["id"] == USER
        async with http.post(f"{base}/sendSticker", data={"chat_id": str(USER)}) as r:
            assert r.status == 404
            assert await r.json() == {"ok": False, "error_code": 404,
                                      "description": "Not Found: method not found"}
        async with http.post(f"{fake_api.url}/_fake/users/{USER}/text", data="/start") as r:
            assert (await r.json())["result"]["message"]["text"] == "/start"
        async with http.get(f"{fake_api.url}/_fake/calls") as r:
            assert [c["method"] for c in await r.json()] == [
                "sendMessage", "sendMessage", "sendSticker"]
    assert [c.params["text"] for c in fake_api.calls_of("sendMessage")] == ["json", "form"]
    assert fake_api.calls[-1].method == "sendSticker" and not fake_api.calls[-1].ok


async def test_set_my_commands_is_validated_and_kept(fake_api: FakeBotApi, fake_bot: Bot) -> None:
    from aiogram.types import BotCommand

    await fake_bot.delete_webhook(drop_pending_updates=True)
    await fake_bot.set_my_commands([BotCommand(command="start", description="Начать")],
                                   language_code="ru")
    assert fake_api.commands == {"default/ru": [{"command": "start", "description": "Начать"}]}
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await fake_bot.set_my_commands([BotCommand(command="Bad-Name", description="x")])
    assert await fake_bot.close() and await fake_bot.log_out()


def test_parse_html_offsets_in_utf16_units() -> None:
    text, entities = parse_html('😀 <b>жир</b> <a href="https://e.x/?a=1&amp;b=2">ссылка</a> &lt;')
    assert text == "😀 жир ссылка <"
    assert entities == [
        {"type": "bold", "offset": 3, "length": 3},
        {"type": "text_link", "offset": 7, "length": 6, "url": "https://e.x/?a=1&b=2"},
    ]
    assert utf16_len("😀") == 2


async def test_aiogram_dispatcher_polls_and_replies(fake_api: FakeBotApi, fake_bot: Bot) -> None:
    from aiogram import Dispatcher, Router
    from aiogram.filters import CommandStart
    from aiogram.types import Message

    router = Router(name="echo")

    @router.message(CommandStart())
    async def start(message: Message) -> None:
        await message.answer(f"Здравствуйте, {message.from_user and message.from_user.first_name}")

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    polling = asyncio.create_task(dispatcher.start_polling(
        fake_bot, polling_timeout=1, handle_signals=False, close_bot_session=False))
    try:
        user = fake_api.user(USER, first_name="Вера")
        update = user.send_text("/start")
        reply = await user.wait_for("sendMessage", timeout=5)
        assert reply.params["text"] == "Здравствуйте, Вера"
        assert 0 < reply.time - update.time < 5
        assert fake_api.calls_of("getUpdates")[0].params["allowed_updates"] == ["message"]
    finally:
        await dispatcher.stop_polling()
        await polling


async def test_webhook_delivery_one_update_of_a_chat_at_a_time_until_2xx(
        fake_api: FakeBotApi, fake_bot: Bot) -> None:
    seen: list[tuple[int, str | None]] = []
    busy: set[int] = set()
    overlaps: list[int] = []
    failures = {"left": 1}

    async def webhook(request: aiohttp.web.Request) -> aiohttp.web.Response:
        update = await request.json()
        chat = update["message"]["chat"]["id"]
        if chat in busy:
            overlaps.append(chat)
        busy.add(chat)
        await asyncio.sleep(0.05)
        busy.discard(chat)
        seen.append((update["update_id"],
                     request.headers.get("X-Telegram-Bot-Api-Secret-Token")))
        if update["message"]["text"] == "one" and failures["left"]:
            failures["left"] -= 1
            return aiohttp.web.Response(status=502)
        return aiohttp.web.Response()

    app = aiohttp.web.Application()
    app.router.add_post("/webhook", webhook)
    runner = aiohttp.web.AppRunner(app)
    await runner.setup()
    site = aiohttp.web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        await fake_bot.set_webhook("https://bot.example.org/webhook", secret_token="s3")
        fake_api.deliver_webhooks(f"http://127.0.0.1:{port}/webhook")
        first, second = fake_api.user(USER), fake_api.user(USER + 1)
        updates = [first.send_text("one"), first.send_text("two"), second.send_text("three")]
        async with asyncio.timeout(10):
            while not all(u.delivered for u in updates):
                await asyncio.sleep(0.02)
    finally:
        await runner.cleanup()
    assert not overlaps
    assert {secret for _, secret in seen} == {"s3"}
    assert [s for s, _ in seen if s in (updates[0].update_id, updates[1].update_id)] == [
        updates[0].update_id, updates[0].update_id, updates[1].update_id]  # 502, then again
    assert [status for *_, status in updates[0].attempts] == [502, 200]
    assert fake_api._pending == []  # nothing left for getUpdates
