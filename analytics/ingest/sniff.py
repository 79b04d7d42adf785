"""Detect what a file really is from its bytes, whatever its name says."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Literal

from analytics.ingest.damaged import workbook_container
from analytics.ingest.errors import IngestError

VISIBLE = re.compile(rb"\S")
"""Any byte that is not ASCII whitespace: a file or body without one is empty."""

Kind = Literal["xlsx", "ods", "xls", "html", "text"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_MAGIC = {
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"%PDF": "PDF",
    b"BM": "BMP",
    b"\x1f\x8b": "GZIP",
    b"Rar!": "RAR",
    b"7z\xbc\xaf": "7Z",
    b"RIFF": "RIFF",
    b"MZ": "EXE",
    b"\x7fELF": "ELF",
}


def detect_kind(data: bytes) -> Kind:
    """Classify ``data`` as a workbook (xlsx/ods/xls), an HTML table or delimited text.

    Raises ``IngestError`` for empty files, images, PDFs, archives, encrypted workbooks
    and other binaries.
    """
    if VISIBLE.search(data) is None:
        raise IngestError("empty")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if data.startswith(_OLE_MAGIC):
        return _ole_kind(data)
    for magic, name in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise IngestError("not-spreadsheet", kind=name)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<table", b"<meta", b"<?xml")) or (
        b"<table" in head and b"<t" in head[:200]
    ):
        if b"<table" in data[:1_000_000].lower():
            return "html"
        raise IngestError("not-spreadsheet", kind="HTML/XML")
    sample = data[:65536]
    if b"\x00" in sample and not _is_utf16(sample):
        raise IngestError("not-spreadsheet", kind="binary")
    return "text"


def _is_utf16(sample: bytes) -> bool:
    return sample.startswith((b"\xff\xfe", b"\xfe\xff"))


def _zip_kind(data: bytes) -> Kind:
    with workbook_container(), zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        if "mimetype" in names:
            mimetype = archive.read("mimetype")[:100]
            if b"opendocument.spreadsheet" in mimetype:
                return "ods"
            raise IngestError("not-spreadsheet", kind="OpenDocument")
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        return "xlsx"
    if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
        raise IngestError("not-spreadsheet", kind="Word")
    raise IngestError("not-spreadsheet", kind="ZIP")


def _ole_kind(data: bytes) -> Kind:
    """An OLE compound file: a legacy .xls, or an encrypted (password-protected) OOXML file."""
    if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data:
        raise IngestError("encrypted")
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise IngestError("encrypted")
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "xls"
    if "WordDocument".encode("utf-16-le") in data:
        raise IngestError("not-spreadsheet", kind="Word")
    return "xls"
