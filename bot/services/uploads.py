"""Checks on an uploaded document before and after it is downloaded."""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import Document

from storage import Storage, Upload

REFUSED_MIME_PREFIXES = ("image/", "video/", "audio/")
REFUSED_MIME = frozenset(
    {"application/pdf", "application/x-msdownload", "application/x-executable"}
)
SAFE_NAME = re.compile(r"[^\w.\-]+", re.UNICODE)


@dataclass(frozen=True)
class Refusal:
    """Why a document is refused before download (a locale key and its arguments)."""

    key: str
    args: dict[str, object]


def precheck(document: Document, max_bytes: int) -> Refusal | None:
    """Refuse, from the update alone, what is too big or obviously not a spreadsheet."""
    size = document.file_size or 0
    if size > max_bytes:
        return Refusal("upload-too-big", {"size_mb": round(size / 1024 / 1024, 1),
                                          "limit_mb": round(max_bytes / 1024 / 1024, 1)})
    mime = (document.mime_type or "").lower()
    if mime.startswith(REFUSED_MIME_PREFIXES) or mime in REFUSED_MIME:
        return Refusal("upload-not-table", {"name": html.escape(document.file_name or "file")})
    return None


def safe_name(name: str | None) -> str:
    """A file name safe to use on disk (the content decides the format, not the name)."""
    cleaned = SAFE_NAME.sub("_", Path(name or "upload").name).strip("._") or "upload"
    return cleaned[-120:]


class DownloadRefused(Exception):
    """The Bot API would not hand the file over (too big for the public API)."""


class DownloadFailed(Exception):
    """Downloading or storing an upload failed; the message names ids, never the file's
    name (logs outlive /delete, and a file name is the user's data)."""


async def download(bot: Bot, storage: Storage, user_id: int, document: Document) -> Upload:
    """Download the document, record it and store its bytes (`storage.FileStore`); the same
    bytes as an earlier upload of the user that was audited give that upload, and nothing
    new is stored.

    Raises ``DownloadRefused`` (too big for the API) or ``DownloadFailed``."""
    upload: Upload | None = None
    try:
        file = await bot.get_file(document.file_id)
        if file.file_path is None:
            raise FileNotFoundError("no file path")
        data = await bot.download_file(file.file_path)
        assert data is not None
        content = data.read()
        sha256 = hashlib.sha256(content).hexdigest()
        earlier = await storage.uploads.find_by_hash(user_id, sha256)
        if earlier is not None and await storage.audits.of_upload(user_id, earlier.id):
            return earlier
        upload = await storage.uploads.add(
            user_id, file_name=document.file_name or "upload", size_bytes=len(content),
            sha256=sha256,
        )
        await storage.files.put(user_id, upload.id, safe_name(document.file_name), content)
    except TelegramBadRequest as exc:
        if "too big" in exc.message:
            raise DownloadRefused(exc.message) from None
        raise _failed(exc, user_id, document, upload) from None
    except Exception as exc:
        raise _failed(exc, user_id, document, upload) from None
    return upload


def _failed(
    exc: Exception, user_id: int, document: Document, upload: Upload | None
) -> DownloadFailed:
    """The failure told by ids and the error's kind (an OSError's text names the path)."""
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
    where = f"upload {upload.id}" if upload is not None else f"file {document.file_unique_id}"
    return DownloadFailed(f"{where} of user {user_id}: {type(exc).__name__}: {reason}")
