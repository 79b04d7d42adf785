"""Damaged containers: every way Python's zip and zlib modules fail on a broken archive,
turned into the ``corrupt-workbook`` error instead of a traceback."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from analytics.ingest.errors import IngestError

ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,  # a broken directory or member header
    zlib.error,  # a flipped bit in deflated data
    EOFError,  # a member cut short
    OSError,
    ValueError,  # "negative seek value" from a broken offset
    NotImplementedError,  # "zip file version", an unknown compression method
    RuntimeError,  # a member flagged as encrypted
    KeyError,  # a member the directory names but the archive lacks
    struct.error,
)
"""What reading a member of a damaged archive can raise (one flipped bit is enough)."""


@contextmanager
def workbook_container() -> Iterator[None]:
    """Raise ``IngestError("corrupt-workbook")`` for any failure of a damaged archive."""
    try:
        yield
    except ZIP_ERRORS as exc:
        raise IngestError("corrupt-workbook") from exc
