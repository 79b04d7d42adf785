"""A fake Telegram Bot API server for end-to-end tests and benchmarks of the bot.

It speaks the same HTTP protocol as ``api.telegram.org`` (``/bot{token}/{method}`` and
``/file/bot{token}/{path}``), so the real bot process or an ``aiogram.Bot`` built with
``AiohttpSession(api=TelegramAPIServer.from_base(server.url))`` talks to it unchanged.
It enforces the limits the bot must respect (text 4096, caption 1024, media groups of
2-10, callback_data 64 bytes, 20 MB downloads) with Telegram's error descriptions, and
records every call, update and uploaded file with ``time.monotonic()`` timestamps.

Example::

    async with FakeBotApi() as server:
        alice = server.user(1001, first_name="Alice")
        alice.send_text("/start")
        reply = await alice.wait_for("sendMessage")
        latency = reply.time - alice.last_update.time

Run ``python -m bench.fake_bot_api --port 8081`` for manual tries (see ``main``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import copy
import html
import itertools
import json
import mimetypes
import re
import secrets
import socket
import struct
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Self

import aiohttp
from aiohttp import web

Json = dict[str, Any]
Handler = Callable[[Json, dict[str, "UploadedFile"]], Awaitable[Any]]
CallPredicate = Callable[["ApiCall"], bool]

DEFAULT_TOKEN = "123456789:TEST-fake-token_for-kratno"
MB = 1024 * 1024
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64
MEDIA_GROUP_SIZE = (2, 10)
DOWNLOAD_LIMIT = 20 * MB
UPLOAD_LIMIT = 50 * MB
PHOTO_LIMIT = 10 * MB
DOWNLOAD = "downloadFile"
"""Pseudo method name under which file downloads (``GET /file/bot.../path``) are recorded."""

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
CHAT_ACTIONS = frozenset({
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note",
    "upload_video_note",
})
JSON_FIELDS = frozenset({
    "reply_markup", "media", "commands", "entities", "caption_entities", "allowed_updates",
    "link_preview_options", "reply_parameters", "scope", "menu_button",
})
INT_FIELDS = frozenset({
    "chat_id", "message_id", "offset", "limit", "timeout", "cache_time", "message_thread_id",
    "reply_to_message_id", "from_chat_id",
})
BOOL_FIELDS = frozenset({
    "show_alert", "drop_pending_updates", "disable_notification", "protect_content",
    "disable_web_page_preview", "allow_sending_without_reply",
    "disable_content_type_detection",
})
HTML_ENTITIES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough",
    "del": "strikethrough", "code": "code", "pre": "pre", "a": "text_link",
    "tg-spoiler": "spoiler", "span": "spoiler", "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^<>]*)>")
_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")


class ApiError(Exception):
    """An error answer: HTTP status ``code`` and Telegram's ``description``."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> Json:
        """The JSON body Telegram sends with this error."""
        body: Json = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(description: str) -> ApiError:
    """A 400 error with Telegram's ``Bad Request:`` prefix."""
    return ApiError(400, f"Bad Request: {description}")


def too_large() -> ApiError:
    """Telegram's answer to an upload over its size limit."""
    return ApiError(413, "Request Entity Too Large")


@dataclass(frozen=True)
class UploadedFile:
    """One file part of a multipart request."""

    field: str
    filename: str
    content_type: str
    data: bytes
    time: float


@dataclass
class StoredFile:
    """A file the server knows: sent by a fake user or uploaded by the bot.

    ``data`` is None for files declared with a size only (nothing to download).
    """

    file_id: str
    file_unique_id: str
    file_path: str
    file_size: int
    data: bytes | None
    file_name: str | None = None
    mime_type: str | None = None

    def as_file(self) -> Json:
        """The ``File`` object getFile answers."""
        return {"file_id": self.file_id, "file_unique_id": self.file_unique_id,
                "file_size": self.file_size, "file_path": self.file_path}

    def as_document(self) -> Json:
        """The ``Document`` object of a message."""
        doc = {"file_id": self.file_id, "file_unique_id": self.file_unique_id,
               "file_size": self.file_size, "file_name": self.file_name,
               "mime_type": self.mime_type}
        return {key: value for key, value in doc.items() if value is not None}


@dataclass
class ApiCall:
    """One recorded request: decoded params, uploaded files, answer and timing.

    ``time`` is ``time.monotonic()`` when the request arrived, ``done`` when it was answered;
    ``chat_id`` is the private chat the call addresses, if any.
    """

    index: int
    method: str
    params: Json
    files: dict[str, UploadedFile]
    time: float
    done: float
    status: int
    response: Json
    chat_id: int | None

    @property
    def ok(self) -> bool:
        """Whether Telegram would have answered ``ok: true``."""
        return self.status == 200

    @property
    def result(self) -> Any:
        """The ``result`` of a successful answer (None for errors)."""
        return self.response.get("result")

    @property
    def description(self) -> str | None:
        """The error description of a failed answer."""
        description = self.response.get("description")
        return None if description is None else str(description)


@dataclass
class RecordedUpdate:
    """An update a fake user produced; ``calls_before`` is the call count when it was queued.

    ``delivered`` is when getUpdates handed it out or, with webhook delivery, when the bot
    answered 2xx; ``attempts`` holds each webhook post as (start, end, HTTP status; 0 when
    no answer came).
    """

    update_id: int
    payload: Json
    chat_id: int
    time: float
    calls_before: int
    delivered: float | None = None
    attempts: list[tuple[float, float, int]] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """The update type, e.g. ``message`` or ``callback_query``."""
        return next(key for key in self.payload if key != "update_id")


@dataclass
class _Chat:
    """A private chat: its user, the messages in it and the message id counter."""

    user: Json
    messages: dict[int, Json] = field(default_factory=dict)
    ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def id(self) -> int:
        return int(self.user["id"])

    def as_chat(self) -> Json:
        chat = {"id": self.id, "type": "private", "first_name": self.user["first_name"]}
        for key in ("last_name", "username"):
            if key in self.user:
                chat[key] = self.user[key]
        return chat

    def add(self, sender: Json, **content: Any) -> Json:
        """Store and return a new message from ``sender`` with ``content`` (None values dropped)."""
        message: Json = {"message_id": next(self.ids), "from": sender, "chat": self.as_chat(),
                   "date": int(time.time())}
        message.update({key: value for key, value in content.items() if value is not None})
        self.messages[message["message_id"]] = message
        return message


@dataclass
class _Fault:
    method: str | None
    chat_id: int | None
    error: ApiError
    remaining: int | None


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram counts text and entity offsets in."""
    return len(text.encode("utf-16-le")) // 2


def parse_html(source: str) -> tuple[str, list[Json]]:
    """Plain text and entities of Telegram-HTML ``source``; errors like Telegram's parser."""
    out: list[str] = []
    entities: list[Json] = []
    stack: list[tuple[str, Json]] = []
    position = 0

    def emit(chunk: str) -> None:
        if "<" in chunk:
            offset = len(source[: position + chunk.index("<")].encode())
            raise bad_request(f"can't parse entities: unexpected '<' at byte offset {offset}")
        out.append(html.unescape(chunk))

    for match in _TAG.finditer(source):
        emit(source[position : match.start()])
        position = match.end()
        closing, tag, attrs = match.group(1), match.group(2).lower(), match.group(3)
        offset = utf16_len("".join(out))
        if closing:
            if not stack or stack[-1][0] != tag:
                expected = f'"</{stack[-1][0]}>"' if stack else "no end tag"
                raise bad_request(
                    f"can't parse entities: unmatched end tag at byte offset "
                    f"{len(source[: match.start()].encode())}, expected {expected}, "
                    f'found "</{tag}>"')
            _, entity = stack.pop()
            entity["length"] = offset - entity["offset"]
            if entity["length"] > 0:
                entities.append(entity)
            continue
        if tag not in HTML_ENTITIES:
            raise bad_request(f'can\'t parse entities: unsupported start tag "{tag}" at byte '
                              f"offset {len(source[: match.start()].encode())}")
        entity = {"type": HTML_ENTITIES[tag], "offset": offset}
        values = {m.group(1): m.group(2) or m.group(3) or m.group(4) for m in _ATTR.finditer(attrs)}
        if tag == "a":
            entity["url"] = html.unescape(values.get("href", ""))
        if tag == "blockquote" and "expandable" in attrs:
            entity["type"] = "expandable_blockquote"
        stack.append((tag, entity))
    emit(source[position:])
    if stack:
        raise bad_request(f"can't parse entities: can't find end tag corresponding to start tag "
                          f'"{stack[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG or JPEG image, None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if not data.startswith(b"\xff\xd8"):
        return None
    index = 2
    while index + 9 < len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        (length,) = struct.unpack(">H", data[index + 2 : index + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return int(width), int(height)
        index += 2 + int(length)
    return None


def _decode_param(key: str, value: str) -> Any:
    """A form field as Telegram reads it: JSON for structured fields, ints, booleans."""
    if key in JSON_FIELDS:
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(f"can't parse {key} JSON object") from None
    if key in INT_FIELDS:
        try:
            return int(value)
        except ValueError:
            return value
    if key in BOOL_FIELDS:
        return value.lower() in ("true", "1")
    return value


class FakeUser:
    """A Telegram user in a private chat with the bot; queues the updates they would cause.

    ``wait_for`` looks only at calls made after this user's latest update unless ``since``
    says otherwise, so a test reads like a dialogue: act, then wait for the bot's answer.
    """

    def __init__(self, server: FakeBotApi, chat: _Chat) -> None:
        self.server = server
        self._chat = chat
        self.last_update: RecordedUpdate | None = None

    @property
    def id(self) -> int:
        """The user id, also the private chat id."""
        return self._chat.id

    @property
    def info(self) -> Json:
        """The ``User`` object Telegram puts in ``from``."""
        return self._chat.user

    def _queue(self, kind: str, payload: Json) -> RecordedUpdate:
        self.last_update = self.server.enqueue(self.id, {kind: payload})
        return self.last_update

    def _message(self, **content: Any) -> RecordedUpdate:
        return self._queue("message", self._chat.add(self.info, **content))

    def send_text(self, text: str) -> RecordedUpdate:
        """Queue a text message; a leading ``/command`` gets its ``bot_command`` entity."""
        entities = None
        if text.startswith("/"):
            entities = [{"type": "bot_command", "offset": 0,
                         "length": utf16_len(text.split(maxsplit=1)[0])}]
        return self._message(text=text, entities=entities)

    def send_sticker(self, emoji: str = "👍") -> RecordedUpdate:
        """Queue a sticker message."""
        return self._message(sticker={
            "file_id": "sticker-1", "file_unique_id": "sticker-u1", "type": "regular",
            "width": 512, "height": 512, "is_animated": False, "is_video": False,
            "emoji": emoji})

    def send_command(self, command: str, args: str = "") -> RecordedUpdate:
        """Queue ``/command args``."""
        return self.send_text(f"/{command.lstrip('/')} {args}".rstrip())

    def send_document(
        self,
        filename: str,
        data: bytes = b"",
        mime_type: str | None = None,
        *,
        caption: str | None = None,
        file_size: int | None = None,
    ) -> RecordedUpdate:
        """Queue a document message; the file is stored so getFile and downloads work.

        ``file_size`` declares a size without storing bytes (``data`` is then ignored), to
        test refusing oversized files before any download.
        """
        stored = self.server.store_file(
            None if file_size is not None else data, "documents", filename,
            mime_type or mimetypes.guess_type(filename)[0] or "application/octet-stream",
            size=file_size)
        return self._message(document=stored.as_document(), caption=caption)

    def press(self, callback_data: str, message: ApiCall | Json | int, *,
              strict: bool = True) -> RecordedUpdate:
        """Queue a callback query for a button of a message the bot sent.

        ``message`` is the recorded send call, a Message dict or a message id; the update
        carries the message as it is now (after edits). With ``strict`` the button must be in
        its current inline keyboard.
        """
        sent = message.result if isinstance(message, ApiCall) else message
        message_id = sent if isinstance(sent, int) else int(sent["message_id"])
        current = self._chat.messages.get(message_id)
        if current is None:
            raise LookupError(f"message {message_id} is not in chat {self.id}")
        buttons = [button.get("callback_data")
                   for row in current.get("reply_markup", {}).get("inline_keyboard", [])
                   for button in row]
        if strict and callback_data not in buttons:
            raise LookupError(f"no button {callback_data!r} on message {message_id}: {buttons}")
        query_id = self.server.new_callback_query(self.id)
        return self._queue("callback_query", {
            "id": query_id, "from": self.info, "message": current,
            "chat_instance": str(self.id * 7919), "data": callback_data})

    async def wait_for(
        self,
        method: str | None = None,
        predicate: CallPredicate | None = None,
        *,
        timeout: float = 5.0,
        since: RecordedUpdate | int | None = None,
        include_errors: bool = False,
    ) -> ApiCall:
        """The first call to this chat (after ``since``, default the latest update) that
        matches; raises TimeoutError listing what the bot did send."""
        if since is None:
            since = self.last_update or 0
        start = since.calls_before if isinstance(since, RecordedUpdate) else since
        return await self.server.wait_for(method, predicate, chat_id=self.id, since=start,
                                          timeout=timeout, include_errors=include_errors)

    def messages(self) -> list[ApiCall]:
        """Every recorded call addressed to this chat, failed ones included."""
        return [call for call in self.server.calls if call.chat_id == self.id]

    def files(self) -> list[UploadedFile]:
        """Files the bot uploaded to this chat in successful calls."""
        return [upload for call in self.messages() if call.ok for upload in call.files.values()]

    def history(self) -> list[Json]:
        """The chat as the user sees it now: both sides' messages, after edits and deletions."""
        return [self._chat.messages[key] for key in sorted(self._chat.messages)]


class _WebhookDelivery:
    """Telegram's side of a webhook (see `FakeBotApi.deliver_webhooks`)."""

    def __init__(self, server: FakeBotApi, url: str, max_connections: int,
                 timeout: float) -> None:
        self.server = server
        self.url = url
        self.max_connections = max_connections
        self.timeout = timeout
        self._slots = asyncio.Semaphore(max_connections)
        self._chats: dict[int, deque[RecordedUpdate]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._session: aiohttp.ClientSession | None = None

    def put(self, update: RecordedUpdate) -> None:
        """Queue ``update`` behind the chat's undelivered ones."""
        queue = self._chats.get(update.chat_id)
        if queue is not None:
            queue.append(update)
            return
        self._chats[update.chat_id] = deque([update])
        task = asyncio.get_running_loop().create_task(self._drain(update.chat_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _drain(self, chat_id: int) -> None:
        queue = self._chats[chat_id]
        try:
            while queue:
                await self._deliver(queue[0])
                queue.popleft()
        finally:
            del self._chats[chat_id]

    async def _deliver(self, update: RecordedUpdate) -> None:
        """Post until a 2xx answer, pausing 0.25 s, then twice as long (at most 4 s)."""
        if self._session is None:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.timeout),
                connector=aiohttp.TCPConnector(limit=self.max_connections))
        pause = 0.25
        while True:
            secret = (self.server.webhook or {}).get("secret_token")
            headers = {"X-Telegram-Bot-Api-Secret-Token": str(secret)} if secret else {}
            async with self._slots:
                start, status = time.monotonic(), 0
                with contextlib.suppress(aiohttp.ClientError, TimeoutError):
                    async with self._session.post(self.url, json=update.payload,
                                                  headers=headers) as response:
                        await response.read()
                        status = response.status
            end = time.monotonic()
            update.attempts.append((start, end, status))
            if 200 <= status < 300:
                update.delivered = end
                return
            await asyncio.sleep(pause)
            pause = min(pause * 2, 4.0)

    async def close(self) -> None:
        """Stop delivering; undelivered updates stay undelivered."""
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._session is not None:
            await self._session.close()


class FakeBotApi:
    """The fake server: ``async with FakeBotApi(token=...) as server`` binds 127.0.0.1 on a
    free port (or ``port``); ``server.url`` is the base URL for ``TelegramAPIServer.from_base``.

    ``download_limit`` (None: unlimited, like a local Bot API server) caps getFile;
    ``calls`` and ``updates`` hold the records.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        port: int = 0,
        bot_name: str = "Kratno",
        bot_username: str = "kratno_test_bot",
        download_limit: int | None = DOWNLOAD_LIMIT,
        upload_limit: int = UPLOAD_LIMIT,
    ) -> None:
        self.token = token
        self.port = port
        self.download_limit = download_limit
        self.upload_limit = upload_limit
        self.bot_user: Json = {"id": int(token.split(":", 1)[0]), "is_bot": True,
                               "first_name": bot_name, "username": bot_username}
        self.calls: list[ApiCall] = []
        self.updates: list[RecordedUpdate] = []
        self.commands: dict[str, list[Json]] = {}
        self.files: dict[str, StoredFile] = {}
        self._paths: dict[str, StoredFile] = {}
        self._pending: list[RecordedUpdate] = []
        self._allowed: list[str] = []
        self._chats: dict[int, _Chat] = {}
        self._users: dict[int, FakeUser] = {}
        self._queries: dict[str, int] = {}
        self._answered: set[str] = set()
        self._faults: list[_Fault] = []
        self._ids = itertools.count(1)
        self._update_ids = itertools.count(700_000_001)
        self._poll_generation = 0
        self.webhook: Json | None = None
        self._delivery: _WebhookDelivery | None = None
        self._changed = asyncio.Event()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._handlers: dict[str, tuple[str, Handler]] = {
            name.lower(): (name, handler) for name, handler in [
                ("getMe", self._get_me), ("getUpdates", self._get_updates),
                ("deleteWebhook", self._delete_webhook), ("getWebhookInfo", self._webhook_info),
                ("setWebhook", self._set_webhook),
                ("setMyCommands", self._set_my_commands), ("getMyCommands", self._get_commands),
                ("deleteMyCommands", self._delete_commands), ("close", self._true),
                ("logOut", self._true), ("setMyDescription", self._true),
                ("setMyShortDescription", self._true), ("setMyName", self._true),
                ("setChatMenuButton", self._true), ("sendMessage", self._send_message),
                ("editMessageText", self._edit_text),
                ("editMessageReplyMarkup", self._edit_markup),
                ("deleteMessage", self._delete_message), ("sendPhoto", self._send_photo),
                ("sendDocument", self._send_document), ("sendMediaGroup", self._send_media_group),
                ("sendChatAction", self._send_chat_action),
                ("answerCallbackQuery", self._answer_callback_query), ("getFile", self._get_file),
            ]
        }

    # ----------------------------------------------------------------- lifecycle

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:40123``."""
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        """Bind and start serving."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        self.port = int(sock.getsockname()[1])
        app = web.Application(client_max_size=self.upload_limit + MB)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_method)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_download)
        app.router.add_post("/_fake/users/{user_id}/text", self._control_text)
        app.router.add_post("/_fake/users/{user_id}/press", self._control_press)
        app.router.add_get("/_fake/calls", self._control_calls)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.SockSite(self._runner, sock).start()

    async def close(self) -> None:
        """End pending long polls and webhook posts, and stop the server."""
        self._closing = True
        self._notify()
        if self._delivery is not None:
            await self._delivery.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    # ------------------------------------------------------------ test-side API

    def user(self, user_id: int, first_name: str = "Test", *, last_name: str | None = None,
             username: str | None = None, language_code: str | None = "ru") -> FakeUser:
        """The fake user ``user_id`` (created on first use; later calls return the same one)."""
        if user_id not in self._users:
            info = {"id": user_id, "is_bot": False, "first_name": first_name,
                    "last_name": last_name, "username": username,
                    "language_code": language_code}
            chat = _Chat({key: value for key, value in info.items() if value is not None})
            self._chats[user_id] = chat
            self._users[user_id] = FakeUser(self, chat)
        return self._users[user_id]

    def enqueue(self, chat_id: int, content: Json) -> RecordedUpdate:
        """Queue a raw update (``content`` without ``update_id``) and wake long polls."""
        update_id = next(self._update_ids)
        update = RecordedUpdate(update_id, {"update_id": update_id, **copy.deepcopy(content)},
                                chat_id,
                                time.monotonic(), len(self.calls))
        self.updates.append(update)
        if self._delivery is not None:
            self._delivery.put(update)
        else:
            self._pending.append(update)
        self._notify()
        return update

    def deliver_webhooks(self, url: str, *, max_connections: int = 40,
                         timeout: float = 60.0) -> None:
        """From now on post updates to ``url`` as Telegram does to a webhook, instead of
        keeping them for getUpdates. ``url`` stands in for the HTTPS address the bot set
        (which this server cannot reach); the secret it set goes in the
        ``X-Telegram-Bot-Api-Secret-Token`` header. A chat's next update is posted only after
        the previous one got a 2xx; a failed post is tried again after 0.25 s, then twice as
        long each time (at most 4 s); at most ``max_connections`` posts at once, each given
        ``timeout`` seconds."""
        self._delivery = _WebhookDelivery(self, url, max_connections, timeout)

    def store_file(self, data: bytes | None, folder: str, filename: str | None,
                   mime_type: str | None, *, size: int | None = None) -> StoredFile:
        """Keep a file server-side under a new file_id and ``folder/file_N.ext`` path."""
        number = next(self._ids)
        suffix = filename.rsplit(".", 1)[-1] if filename and "." in filename else "jpg"
        stored = StoredFile(
            file_id=f"FAKE{number:04d}{secrets.token_urlsafe(16)}",
            file_unique_id=f"U{number:04d}{secrets.token_hex(4)}",
            file_path=f"{folder}/file_{number}.{suffix}",
            file_size=size if size is not None else len(data or b""),
            data=data, file_name=filename, mime_type=mime_type)
        self.files[stored.file_id] = stored
        self._paths[stored.file_path] = stored
        return stored

    def new_callback_query(self, chat_id: int) -> str:
        """Register an unanswered callback query id from chat ``chat_id``."""
        query_id = str(next(self._ids) * 1_000_003)
        self._queries[query_id] = chat_id
        return query_id

    def inject_error(self, *, method: str | None = None, chat_id: int | None = None,
                     error_code: int = 429, description: str | None = None,
                     retry_after: int | None = None, times: int | None = 1) -> None:
        """Answer the next ``times`` (None: all) matching calls with an error instead.

        The default is flood control: 429 ``Too Many Requests: retry after N``.
        """
        if error_code == 429 and retry_after is None:
            retry_after = 1
        if description is None:
            description = (f"Too Many Requests: retry after {retry_after}" if error_code == 429
                           else "Bad Request: injected error")
        self._faults.append(_Fault(method, chat_id, ApiError(error_code, description,
                                                              retry_after), times))

    def calls_of(self, method: str) -> list[ApiCall]:
        """Recorded calls of ``method``."""
        return [call for call in self.calls if call.method == method]

    async def wait_for(
        self,
        method: str | None = None,
        predicate: CallPredicate | None = None,
        *,
        chat_id: int | None = None,
        since: int = 0,
        timeout: float = 5.0,
        include_errors: bool = False,
    ) -> ApiCall:
        """The first recorded call from index ``since`` on that matches, waiting for it."""

        def match(call: ApiCall) -> bool:
            return ((method is None or call.method == method)
                    and (chat_id is None or call.chat_id == chat_id)
                    and (include_errors or call.ok)
                    and (predicate is None or predicate(call)))

        checked = since
        try:
            async with asyncio.timeout(timeout):
                while True:
                    changed = self._changed
                    for call in self.calls[checked:]:
                        if match(call):
                            return call
                    checked = max(checked, len(self.calls))
                    await changed.wait()
        except TimeoutError:
            seen = [(c.method, c.status) for c in self.calls[since:]
                    if chat_id is None or c.chat_id == chat_id]
            raise TimeoutError(f"no {method or 'call'} to chat {chat_id} within {timeout}s; "
                               f"calls since #{since}: {seen}") from None

    def _notify(self) -> None:
        """Wake every waiter (long polls, ``wait_for``): set the event and start a new one."""
        self._changed.set()
        self._changed = asyncio.Event()

    # ------------------------------------------------------------------ HTTP side

    async def _read_params(self, request: web.Request,
                           received: float) -> tuple[Json, dict[str, UploadedFile]]:
        """Query, urlencoded, multipart or JSON body as decoded params plus file parts."""
        raw: dict[str, Any] = dict(request.query)
        files: dict[str, UploadedFile] = {}
        if request.method == "POST" and request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise bad_request("can't parse JSON request body") from None
            if not isinstance(body, dict):
                raise bad_request("JSON object expected as request body")
            raw.update(body)
        elif request.method == "POST":
            for key, value in (await request.post()).items():
                if isinstance(value, web.FileField):
                    files[key] = UploadedFile(key, value.filename, value.content_type,
                                              value.file.read(), received)
                else:
                    raw[key] = value if isinstance(value, str) else bytes(value).decode()
        params = {key: _decode_param(key, value) if isinstance(value, str) else value
                  for key, value in raw.items()}
        return params, files

    async def _handle_method(self, request: web.Request) -> web.Response:
        received = time.monotonic()
        name = request.match_info["method"]
        method, handler = self._handlers.get(name.lower(), (name, None))
        params: Json = {}
        files: dict[str, UploadedFile] = {}
        try:
            try:
                params, files = await self._read_params(request, received)
            except web.HTTPRequestEntityTooLarge:
                raise too_large() from None
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            self._check_faults(method, params)
            result = copy.deepcopy(await handler(params, files))
            status, body = 200, {"ok": True, "result": result}
        except ApiError as error:
            status, body = error.code, error.payload()
        self._record(method, params, files, received=received, status=status, body=body)
        return web.json_response(body, status=status)

    async def _handle_download(self, request: web.Request) -> web.Response:
        received = time.monotonic()
        path = request.match_info["path"]
        stored = self._paths.get(path)
        params = {"file_path": path}
        if request.match_info["token"] != self.token:
            error = ApiError(401, "Unauthorized")
        elif stored is None or stored.data is None:
            error = ApiError(404, "Not Found")
        else:
            self._record(DOWNLOAD, params, {}, received=received, status=200,
                         body={"ok": True, "result": len(stored.data)})
            return web.Response(body=stored.data, content_type="application/octet-stream")
        self._record(DOWNLOAD, params, {}, received=received, status=error.code,
                     body=error.payload())
        return web.json_response(error.payload(), status=error.code)

    def _record(self, method: str, params: Json, files: dict[str, UploadedFile], *,
                received: float, status: int, body: Json) -> None:
        chat_id = params.get("chat_id")
        if method == "answerCallbackQuery":
            chat_id = self._queries.get(str(params.get("callback_query_id")))
        self.calls.append(ApiCall(len(self.calls), method, params, files, received,
                                  time.monotonic(), status, body,
                                  chat_id if isinstance(chat_id, int) else None))
        self._notify()

    def _check_faults(self, method: str, params: Json) -> None:
        for fault in self._faults:
            if ((fault.method is None or fault.method == method)
                    and (fault.chat_id is None or fault.chat_id == params.get("chat_id"))
                    and fault.remaining != 0):
                if fault.remaining is not None:
                    fault.remaining -= 1
                raise fault.error

    # ------------------------------------------------------------ control routes

    async def _control_text(self, request: web.Request) -> web.Response:
        user = self.user(int(request.match_info["user_id"]))
        update = user.send_text(await request.text())
        return web.json_response({"ok": True, "result": update.payload})

    async def _control_press(self, request: web.Request) -> web.Response:
        body = await request.json()
        user = self.user(int(request.match_info["user_id"]))
        update = user.press(str(body["data"]), int(body["message_id"]), strict=False)
        return web.json_response({"ok": True, "result": update.payload})

    async def _control_calls(self, request: web.Request) -> web.Response:
        summary = [{"method": c.method, "status": c.status, "chat_id": c.chat_id,
                    "params": c.params, "files": {k: [f.filename, len(f.data)]
                                                   for k, f in c.files.items()}}
                   for c in self.calls]
        return web.json_response(summary, dumps=lambda obj: json.dumps(obj, default=str))

    # --------------------------------------------------------------- validation

    def _chat(self, params: Json) -> _Chat:
        chat_id = params.get("chat_id")
        chat = self._chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise bad_request("chat not found")
        return chat

    def _bot_message(self, params: Json, action: str) -> tuple[_Chat, Json]:
        if "inline_message_id" in params:
            raise bad_request("inline messages are not supported by the fake server")
        chat = self._chat(params)
        message_id = params.get("message_id")
        message = chat.messages.get(message_id) if isinstance(message_id, int) else None
        if message is None:
            raise bad_request(f"message to {action} not found")
        if action == "edit" and message["from"]["id"] != self.bot_user["id"]:
            raise bad_request("message can't be edited")
        return chat, message

    @staticmethod
    def _text(params: Json, key: str, limit: int, too_long: str) -> tuple[str, list[Json]]:
        raw = params.get(key)
        if raw is None:
            return "", []
        if not isinstance(raw, str):
            raise bad_request(f"field \"{key}\" must be of type String")
        text, entities = (parse_html(raw) if str(params.get("parse_mode")).upper() == "HTML"
                          else (raw, []))
        if utf16_len(text) > limit:
            raise bad_request(too_long)
        return text, entities

    def _message_text(self, params: Json, too_long: str) -> tuple[str, list[Json]]:
        text, entities = self._text(params, "text", TEXT_LIMIT, too_long)
        if not text.strip():
            raise bad_request("message text is empty")
        return text, entities

    def _caption(self, params: Json) -> Json:
        caption, entities = self._text(params, "caption", CAPTION_LIMIT,
                                       "message caption is too long")
        return {"caption": caption or None, "caption_entities": entities or None}

    @staticmethod
    def _inline_markup(params: Json) -> Json | None:
        """The inline keyboard a message will echo (reply keyboards are not echoed)."""
        markup = params.get("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise bad_request("object expected as reply markup")
        rows = markup.get("inline_keyboard")
        if rows is None:
            return None
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request("field \"inline_keyboard\" of the InlineKeyboardMarkup must be "
                              "an Array of Arrays")
        for button in itertools.chain.from_iterable(rows):
            if not isinstance(button, dict) or not button.get("text"):
                raise bad_request("can't parse inline keyboard button: Text must be non-empty")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= CALLBACK_DATA_LIMIT:
                raise bad_request("BUTTON_DATA_INVALID")
            if len(button) < 2:
                raise bad_request("can't parse inline keyboard button: Text buttons are "
                                  "unallowed in the inline keyboard")
        return {"inline_keyboard": rows} if any(rows) else None

    def _input_file(self, value: Any, files: dict[str, UploadedFile], key: str) -> StoredFile:
        """Resolve ``attach://name``, a file part named ``key`` or a known file_id."""
        if value is None and key in files:
            upload: UploadedFile | None = files[key]
        elif isinstance(value, str) and value.startswith("attach://"):
            upload = files.get(value.removeprefix("attach://"))
        elif isinstance(value, str) and value in self.files:
            return self.files[value]
        elif value is None:
            raise bad_request(f"there is no {key} in the request")
        else:
            raise bad_request("wrong file identifier/HTTP URL specified")
        if upload is None:
            raise bad_request("wrong file identifier/HTTP URL specified")
        if key == "photo":
            size = image_size(upload.data)
            if size is None:
                raise bad_request("IMAGE_PROCESS_FAILED")
            width, height = size
            if len(upload.data) > PHOTO_LIMIT:
                raise too_large()
            if width + height > 10_000 or max(width, height) > 20 * max(1, min(width, height)):
                raise bad_request("PHOTO_INVALID_DIMENSIONS")
            return self.store_file(upload.data, "photos", None, None)
        if len(upload.data) > self.upload_limit:
            raise too_large()
        mime = (upload.content_type if upload.content_type != "application/octet-stream"
                else None) or mimetypes.guess_type(upload.filename)[0]
        return self.store_file(upload.data, "documents", upload.filename,
                               mime or "application/octet-stream")

    def _media(self, stored: StoredFile, key: str) -> Json:
        """Message content for a photo or document."""
        if key == "document":
            return {"document": stored.as_document()}
        width, height = image_size(stored.data or b"") or (0, 0)
        return {"photo": [{"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                           "file_size": stored.file_size, "width": width, "height": height}]}

    def _send(self, chat: _Chat, params: Json, **content: Any) -> Json:
        return chat.add(self.bot_user, reply_markup=self._inline_markup(params), **content)

    # ---------------------------------------------------------------- methods

    async def _true(self, params: Json, files: dict[str, UploadedFile]) -> bool:
        return True

    async def _get_me(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        return {**self.bot_user, "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": False}

    async def _get_updates(self, params: Json, files: dict[str, UploadedFile]) -> list[Json]:
        offset = int(params.get("offset", 0))
        limit = min(max(int(params.get("limit", 100)), 1), 100)
        deadline = time.monotonic() + max(float(params.get("timeout", 0)), 0.0)
        if isinstance(params.get("allowed_updates"), list):
            self._allowed = [str(kind) for kind in params["allowed_updates"]]
        if offset < 0:
            self._pending = self._pending[offset:]
        elif offset:
            self._pending = [u for u in self._pending if u.update_id >= offset]
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()
        while True:
            changed = self._changed
            if self._allowed:
                self._pending = [u for u in self._pending if u.kind in self._allowed]
            remaining = deadline - time.monotonic()
            if self._pending or self._closing or remaining <= 0:
                break
            if generation != self._poll_generation:
                raise ApiError(409, "Conflict: terminated by other getUpdates request; "
                                    "make sure that only one bot instance is running")
            try:
                async with asyncio.timeout(remaining):
                    await changed.wait()
            except TimeoutError:
                break
        batch = self._pending[:limit]
        now = time.monotonic()
        for update in batch:
            update.delivered = update.delivered or now
        return [update.payload for update in batch]

    async def _set_webhook(self, params: Json, files: dict[str, UploadedFile]) -> bool:
        if not str(params.get("url", "")).startswith(("http://", "https://")):
            raise bad_request("Bad Request: bad webhook: An HTTPS URL must be provided")
        self.webhook = {"url": params["url"], "secret_token": params.get("secret_token")}
        return True

    async def _delete_webhook(self, params: Json, files: dict[str, UploadedFile]) -> bool:
        if params.get("drop_pending_updates"):
            self._pending.clear()
        return True

    async def _webhook_info(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        return {"url": "", "has_custom_certificate": False,
                "pending_update_count": len(self._pending)}

    async def _set_my_commands(self, params: Json, files: dict[str, UploadedFile]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("can't parse commands JSON object")
        for command in commands:
            if not _COMMAND.fullmatch(str(command.get("command", ""))):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise bad_request("command description must be non-empty")
        self.commands[self._commands_key(params)] = commands
        return True

    async def _get_commands(self, params: Json, files: dict[str, UploadedFile]) -> list[Json]:
        return self.commands.get(self._commands_key(params), [])

    async def _delete_commands(self, params: Json, files: dict[str, UploadedFile]) -> bool:
        self.commands.pop(self._commands_key(params), None)
        return True

    @staticmethod
    def _commands_key(params: Json) -> str:
        """``scope type/language code``, e.g. ``default/ru``."""
        scope = params.get("scope") or {}
        return f"{scope.get('type', 'default')}/{params.get('language_code', '')}"

    async def _send_message(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        chat = self._chat(params)
        text, entities = self._message_text(params, "message is too long")
        return self._send(chat, params, text=text, entities=entities or None)

    async def _edit_text(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        _, message = self._bot_message(params, "edit")
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        text, entities = self._message_text(params, "MESSAGE_TOO_LONG")
        markup = self._inline_markup(params)
        if (text, entities, markup) == (message["text"], message.get("entities", []),
                                        message.get("reply_markup")):
            raise bad_request(NOT_MODIFIED)
        return self._edited(message, text=text, entities=entities or None, reply_markup=markup)

    async def _edit_markup(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        _, message = self._bot_message(params, "edit")
        markup = self._inline_markup(params)
        if markup == message.get("reply_markup"):
            raise bad_request(NOT_MODIFIED)
        return self._edited(message, reply_markup=markup)

    @staticmethod
    def _edited(message: Json, **changes: Any) -> Json:
        for key, value in changes.items():
            if value is None:
                message.pop(key, None)
            else:
                message[key] = value
        message["edit_date"] = int(time.time())
        return message

    async def _delete_message(self, params: Json, files: dict[str, UploadedFile]) -> bool:
        chat, message = self._bot_message(params, "delete")
        del chat.messages[message["message_id"]]
        return True

    async def _send_photo(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        chat = self._chat(params)
        caption = self._caption(params)
        stored = self._input_file(params.get("photo"), files, "photo")
        return self._send(chat, params, **self._media(stored, "photo"), **caption)

    async def _send_document(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        chat = self._chat(params)
        caption = self._caption(params)
        stored = self._input_file(params.get("document"), files, "document")
        return self._send(chat, params, **self._media(stored, "document"), **caption)

    async def _send_media_group(self, params: Json,
                                files: dict[str, UploadedFile]) -> list[Json]:
        chat = self._chat(params)
        media = params.get("media")
        if not isinstance(media, list) or not all(isinstance(item, dict) for item in media):
            raise bad_request("can't parse media JSON object")
        if len(media) > MEDIA_GROUP_SIZE[1]:
            raise bad_request("too much messages to send as an album")
        if len(media) < MEDIA_GROUP_SIZE[0]:
            raise bad_request("media group must include 2-10 items")
        kinds = {item.get("type") for item in media}
        if not kinds <= {"photo", "document"}:
            raise bad_request(f"unsupported media type in the fake server: {kinds}")
        if len(kinds) > 1:
            raise bad_request("document can't be mixed with other media types")
        prepared = []
        for item in media:
            caption = self._caption(item)
            stored = self._input_file(item.get("media"), files, str(item["type"]))
            prepared.append({**self._media(stored, str(item["type"])), **caption})
        group_id = str(next(self._ids) * 10_007)
        return [chat.add(self.bot_user, media_group_id=group_id, **content)
                for content in prepared]

    async def _send_chat_action(self, params: Json, files: dict[str, UploadedFile]) -> bool:
        self._chat(params)
        if params.get("action") not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    async def _answer_callback_query(self, params: Json,
                                     files: dict[str, UploadedFile]) -> bool:
        query_id = str(params.get("callback_query_id"))
        if query_id not in self._queries or query_id in self._answered:
            raise bad_request(QUERY_TOO_OLD)
        self._answered.add(query_id)
        return True

    async def _get_file(self, params: Json, files: dict[str, UploadedFile]) -> Json:
        stored = self.files.get(str(params.get("file_id")))
        if stored is None:
            raise bad_request("invalid file_id")
        if self.download_limit is not None and stored.file_size > self.download_limit:
            raise bad_request("file is too big")
        return stored.as_file()


async def _serve(port: int, token: str) -> None:
    async with FakeBotApi(token, port=port) as server:
        print(f"Fake Bot API on {server.url}  token {token}\n"
              f"  bot:   TELEGRAM_API_URL={server.url} BOT_TOKEN={token} python -m bot\n"
              f"  user:  curl -d /start {server.url}/_fake/users/1001/text\n"
              f"  press: curl -H 'Content-Type: application/json' -d "
              f"'{{\"message_id\": 2, \"data\": \"x\"}}' {server.url}/_fake/users/1001/press\n"
              f"  calls: curl {server.url}/_fake/calls", flush=True)
        await asyncio.Event().wait()


def main(argv: list[str] | None = None) -> None:
    """``python -m bench.fake_bot_api --port N [--token T]``: serve until Ctrl+C."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.port, args.token))


if __name__ == "__main__":
    main()
